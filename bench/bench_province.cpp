// Benchmark: a county at province scale (issue 11) on both engines. Generates
// the demo county at SCALE once (demo/generator.h, in memory) and loads the same
// registers with the bulk loader (store/registers_loader.h: load_registers,
// prepared INSERTs on SQLite, COPY on PostgreSQL) into WORK_DIR/province.db and
// into POSTGRES_URL (an empty database), each from an empty schema including
// the migrations; then times load_snapshot (store/snapshot_loader.h) on each,
// the median of RUNS (default 3). This is the bulk loader, not `edubureau demo`
// (which writes the county through the register imports, row by row).
// Prints one "key value" line per figure (bench/province.sh reads them).
// Usage: bench_province WORK_DIR SCALE POSTGRES_URL [RUNS]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "bench_util.h"
#include "demo/generator.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/snapshot_loader.h"

namespace fs = std::filesystem;
using namespace edu::bench;

namespace {

void check(const edu::Status& s, const char* what) {
  if (!s.ok()) {
    std::cerr << what << ": " << s.message() << "\n";
    std::exit(1);
  }
}

// migrate + load_registers into the database at `url`; returns the seconds it took.
double load(const std::string& url, const edu::Registers& county) {
  auto db = edu::open_database(url);
  check(db.status(), "open");
  auto start = Clock::now();
  check(edu::migrate(**db).status(), "migrate");
  check(edu::load_registers(**db, county), "load_registers");
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double snapshot(const std::string& url, int runs, size_t& enrolments) {
  auto db = edu::open_database(url);
  check(db.status(), "open");
  return median_seconds(runs, [&] {
    auto s = edu::load_snapshot(**db, 2026);
    check(s.status(), "load_snapshot");
    enrolments = s->enrolments.size();
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: bench_province WORK_DIR SCALE POSTGRES_URL [RUNS]\n";
    return 2;
  }
  const fs::path dir = argv[1];
  const std::string pg = argv[3];
  const int runs = argc == 5 ? std::atoi(argv[4]) : 3;
  fs::create_directories(dir);
  edu::demo::DemoSettings settings;
  settings.scale = std::atof(argv[2]);
  const fs::path sqlite = dir / "province.db";
  {
    edu::Registers county;
    double generate = median_seconds(1, [&] { county = edu::demo::generate_county(settings); });
    const size_t rows = county.areas.size() + county.schools.size() + county.classes.size() +
                        county.students.size() + county.enrolments.size() + county.teachers.size() +
                        county.teacher_years.size() + county.conditions.size();
    std::printf("schools %zu\nstudents %zu\nenrolments %zu\nteachers %zu\nrows %zu\n", county.schools.size(),
                county.students.size(), county.enrolments.size(), county.teachers.size(), rows);
    std::printf("generate_s %.3f\n", generate);
    std::fflush(stdout);
    remove_db(sqlite);
    std::printf("load_sqlite_s %.3f\n", load(sqlite.string(), county));
    std::fflush(stdout);
    std::printf("load_postgres_s %.3f\n", load(pg, county));
    std::fflush(stdout);
  }  // the county is freed before the snapshots are loaded
  size_t enrolments = 0;
  std::printf("snapshot_sqlite_s %.3f\n", snapshot(sqlite.string(), runs, enrolments));
  std::fflush(stdout);
  std::printf("snapshot_postgres_s %.3f\n", snapshot(pg, runs, enrolments));
  std::printf("snapshot_enrolments %zu\n", enrolments);
  return 0;
}
