// Benchmark: the demo county generator and its bulk load into SQLite, against
// the floor for the load: the sqlite3 shell's .import of the same student rows
// as CSV into a table of the same shape. Prints medians of 3 runs and ratios.
// Given a PostgreSQL URL (an empty database) too: the same load there (COPY),
// against psql's \copy of the same CSV into a bare table of the same shape.
// Usage: bench_demo WORK_DIR [POSTGRES_URL]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "bench_util.h"
#include "demo/generator.h"
#include "store/migrations.h"
#include "store/registers_loader.h"

namespace fs = std::filesystem;
using namespace edu::bench;

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: bench_demo WORK_DIR [POSTGRES_URL]\n";
    return 2;
  }
  fs::path dir = argv[1];
  fs::create_directories(dir);
  edu::demo::DemoSettings settings;
  edu::demo::DemoCounty county;
  double generate = median_seconds(3, [&] { county = edu::demo::generate_county(settings); });

  fs::path db_path = dir / "bench.db";
  double load = median_seconds(3, [&] {
    remove_db(db_path);
    auto db = edu::open_database(db_path.string());
    if (!db.ok() || !edu::migrate(**db).ok() || !edu::load_registers(**db, county).ok()) {
      std::cerr << "load failed\n";
      std::exit(1);
    }
  });
  // Peer: the same students through the sqlite3 shell's CSV import (no validation, no
  // other registers), with the same durability settings.
  fs::path csv = dir / "students.csv";
  {
    std::ofstream out(csv);
    for (const auto& s : county.students)
      out << s.id << ',' << s.id_number << ',' << s.name << ',' << s.gender << ','
          << s.birth_date.iso() << ',' << s.ethnicity << ',' << s.school_id << ','
          << (s.class_id ? std::to_string(*s.class_id) : "") << ',' << s.status << ','
          << s.enrolled_on.iso() << ',' << s.household << ',' << s.left_behind << ','
          << s.disabled << '\n';
  }
  fs::path peer_db = dir / "peer.db";
  fs::path script = dir / "import.sql";
  {
    std::ofstream out(script);
    out << "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n"
           "CREATE TABLE students (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name "
           "TEXT, gender TEXT, birth_date TEXT, ethnicity TEXT, school_id INTEGER, class_id "
           "INTEGER, status TEXT, enrolled_on TEXT, household TEXT, left_behind INTEGER, disabled "
           "INTEGER);\n.mode csv\n.import "
        << csv.string() << " students\n";
  }
  double peer = median_seconds(3, [&] {
    remove_db(peer_db);
    std::string cmd = "sqlite3 " + peer_db.string() + " < " + script.string() + " > /dev/null";
    if (std::system(cmd.c_str()) != 0) {
      std::cerr << "sqlite3 import failed\n";
      std::exit(1);
    }
  });
  size_t enrolled = std::count_if(county.students.begin(), county.students.end(),
                                  [](const auto& s) { return s.status == "在读"; });
  size_t rows = county.areas.size() + county.schools.size() + county.classes.size() +
                county.students.size() + county.enrolments.size() + county.teachers.size() +
                county.conditions.size();
  std::printf("demo county: %zu schools, %zu enrolled students, %zu teachers, %zu rows in all\n",
              county.schools.size(), enrolled, county.teachers.size(), rows);
  std::printf("generate (in memory)            %8.3f s\n", generate);
  std::printf("load all registers (edubureau)  %8.3f s  (%.0f rows/s)\n", load, rows / load);
  std::printf("peer: sqlite3 .import students  %8.3f s  (%.0f rows/s)\n", peer,
              county.students.size() / peer);
  std::printf("ratio rows/s edubureau : sqlite3 .import = %.2f\n",
              (rows / load) / (county.students.size() / peer));
  if (argc == 3) {
    const std::string url = argv[2];
    double pg_load = median_seconds(3, [&] {
      auto db = edu::open_database(url);
      if (!db.ok() || !(*db)->exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public").ok() ||
          !edu::migrate(**db).ok() || !edu::load_registers(**db, county).ok()) {
        std::cerr << "PostgreSQL load failed\n";
        std::exit(1);
      }
    });
    const std::string copy =
        "psql -X -q '" + url + "' -c 'DROP TABLE IF EXISTS peer_students' -c 'CREATE TABLE peer_students (id BIGINT "
        "PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT, gender TEXT, birth_date TEXT, ethnicity TEXT, "
        "school_id BIGINT, class_id BIGINT, status TEXT, enrolled_on TEXT, household TEXT, left_behind BIGINT, "
        "disabled BIGINT)' -c \"\\copy peer_students FROM '" + csv.string() + "' WITH (FORMAT csv)\"";
    double pg_peer = median_seconds(3, [&] {
      if (std::system(copy.c_str()) != 0) {
        std::cerr << "psql \\copy failed\n";
        std::exit(1);
      }
    });
    std::printf("load all registers (PostgreSQL, COPY) %8.3f s  (%.0f rows/s)\n", pg_load, rows / pg_load);
    std::printf("peer: psql \\copy students          %8.3f s  (%.0f rows/s)\n", pg_peer,
                county.students.size() / pg_peer);
    std::printf("ratio rows/s edubureau : psql \\copy = %.2f\n",
                (rows / pg_load) / (county.students.size() / pg_peer));
  }
  return 0;
}
