// Benchmark: a county at province scale (issue 11) on both engines. Generates
// the demo county at SCALE once (demo/generator.h, in memory) and loads the same
// registers with the bulk loader (store/registers_loader.h: load_registers,
// prepared INSERTs on SQLite, COPY on PostgreSQL) into WORK_DIR/province.db and
// into POSTGRES_URL (an empty database), each from an empty schema including
// the migrations; then times load_snapshot (store/snapshot_loader.h) on each,
// the median of RUNS (default 3), against its peer measured in the same run:
// the loader as it was before it streamed into the columns (the same SELECTs
// read into Registers structs, a std::string per text cell, then
// analytics::build_snapshot), printed as "snapshot_registers_*". This is the bulk loader, not `edubureau demo`
// (which writes the county through the register imports, row by row).
// Each figure is the wall time and the CPU time spent on it: this process's, plus
// on PostgreSQL its server process's (from /proc; parallel workers not counted),
// since on a shared machine the wall time mostly measures the other work.
// Prints one "key wall_s cpu_s" line per figure (bench/province.sh reads them).
// Usage: bench_province WORK_DIR SCALE POSTGRES_URL [RUNS]
//        (SCALE 0: the databases of an earlier run as they are, snapshots only)
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "bench_util.h"
#include "analytics/snapshot_builder.h"
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

// CPU seconds (user + system) of this process and, given one, of the
// PostgreSQL server process serving `db`.
struct Cpu {
  int backend = 0;
  double now() const {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    double s = u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
    if (backend) {
      std::ifstream in("/proc/" + std::to_string(backend) + "/stat");
      std::string line;
      std::getline(in, line);
      std::istringstream fields(line.substr(line.rfind(')') + 2));
      std::string f;
      long ticks = 0;
      for (int i = 3; fields >> f && i <= 15; ++i)
        if (i >= 14) ticks += std::stol(f);  // utime, stime
      s += static_cast<double>(ticks) / sysconf(_SC_CLK_TCK);
    }
    return s;
  }
};

Cpu cpu_of(edu::Database& db) {
  Cpu cpu;
  if (db.dialect() == edu::Dialect::kPostgres) {
    auto pid = db.query("SELECT pg_backend_pid()");
    check(pid.status(), "pg_backend_pid");
    cpu.backend = static_cast<int>(pid->front().integer(0));
  }
  return cpu;
}

struct Timing {
  double wall = 0, cpu = 0;
};

void print(const char* key, Timing t) {
  std::printf("%s %.3f %.3f\n", key, t.wall, t.cpu);
  std::fflush(stdout);
}

// migrate + load_registers into the empty database at `url`.
Timing load(const std::string& url, const edu::Registers& county) {
  auto db = edu::open_database(url);
  check(db.status(), "open");
  const Cpu cpu = cpu_of(**db);
  const double cpu_start = cpu.now();
  auto start = Clock::now();
  check(edu::migrate(**db).status(), "migrate");
  check(edu::load_registers(**db, county), "load_registers");
  return {std::chrono::duration<double>(Clock::now() - start).count(), cpu.now() - cpu_start};
}

// The peer: the snapshot's registers read into structs, then built.
template <class Record, class Make>
void read_into(edu::Database& db, const char* sql, std::vector<Record>& out, Make make) {
  check(db.query_each(sql,
                      [&](const edu::RowView& x) {
                        out.push_back(make(x));
                        return edu::Status::Ok();
                      }),
        sql);
}

edu::Result<edu::analytics::Snapshot> snapshot_via_registers(edu::Database& db, int year) {
  using edu::RowView;
  edu::Registers r;
  auto text = [](const RowView& x, size_t i) { return std::string(x.text(i)); };
  read_into(db, "SELECT id, parent_id, code, name, level FROM areas ORDER BY id", r.areas, [&](const RowView& x) {
    return edu::Area{x.integer(0), x.is_null(1) ? std::nullopt : std::optional(x.integer(1)), text(x, 2),
                     text(x, 3), text(x, 4)};
  });
  read_into(db, "SELECT id, code, name, kind, location, area_id FROM schools ORDER BY id", r.schools,
            [&](const RowView& x) {
              edu::School s;
              s.id = x.integer(0);
              s.code = text(x, 1);
              s.name = text(x, 2);
              s.kind = text(x, 3);
              s.location = text(x, 4);
              s.area_id = x.integer(5);
              return s;
            });
  read_into(db, "SELECT id, school_id, school_year, section, grade FROM classes ORDER BY id", r.classes,
            [&](const RowView& x) {
              edu::SchoolClass c;
              c.id = x.integer(0);
              c.school_id = x.integer(1);
              c.school_year = static_cast<int>(x.integer(2));
              c.section = text(x, 3);
              c.grade = static_cast<int>(x.integer(4));
              return c;
            });
  read_into(db, "SELECT student_id, school_year, school_id, class_id, grade, status FROM enrolments", r.enrolments,
            [&](const RowView& x) {
              return edu::Enrolment{x.integer(0), static_cast<int>(x.integer(1)), x.integer(2), x.integer(3),
                                    static_cast<int>(x.integer(4)), text(x, 5)};
            });
  read_into(db,
            "SELECT id, name, school_id, section, post, education, title, subject, backbone FROM teachers ORDER BY id",
            r.teachers, [&](const RowView& x) {
              edu::Teacher t;
              t.id = x.integer(0);
              t.name = text(x, 1);
              t.school_id = x.integer(2);
              t.section = text(x, 3);
              t.post = text(x, 4);
              t.education = text(x, 5);
              t.title = text(x, 6);
              t.subject = text(x, 7);
              t.backbone = text(x, 8);
              return t;
            });
  read_into(db,
            "SELECT teacher_id, school_year, school_id, section, post, education, title, subject, backbone, "
            "on_staff FROM teacher_years ORDER BY teacher_id, school_year",
            r.teacher_years, [&](const RowView& x) {
              return edu::TeacherYear{x.integer(0), static_cast<int>(x.integer(1)), x.integer(2), text(x, 3),
                                      text(x, 4),   text(x, 5), text(x, 6), text(x, 7), text(x, 8),
                                      x.integer(9) != 0};
            });
  read_into(db,
            "SELECT school_id, school_year, building_area, teaching_area, sports_area, equipment_value, books, "
            "computers, multimedia_rooms FROM conditions",
            r.conditions, [](const RowView& x) {
              return edu::Conditions{x.integer(0), static_cast<int>(x.integer(1)), x.real(2), x.real(3), x.real(4),
                                     x.real(5),    x.integer(6), x.integer(7), x.integer(8)};
            });
  return edu::analytics::build_snapshot(r, year);
}

// `load` (load_snapshot or its peer), the median of `runs` by wall time.
template <class Load>
Timing snapshot(const std::string& url, int runs, size_t& enrolments, Load load) {
  auto db = edu::open_database(url);
  check(db.status(), "open");
  const Cpu cpu = cpu_of(**db);
  std::vector<Timing> t;
  for (int i = 0; i < runs; ++i) {
    const double cpu_start = cpu.now();
    auto start = Clock::now();
    auto s = load(**db, 2026);
    check(s.status(), "load_snapshot");
    enrolments = s->enrolments.size();
    t.push_back({std::chrono::duration<double>(Clock::now() - start).count(), cpu.now() - cpu_start});
  }
  std::sort(t.begin(), t.end(), [](Timing a, Timing b) { return a.wall < b.wall; });
  return t[t.size() / 2];
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
  if (settings.scale > 0) {
    edu::Registers county;
    auto start = Clock::now();
    county = edu::demo::generate_county(settings);
    const double generate = std::chrono::duration<double>(Clock::now() - start).count();
    const size_t rows = county.areas.size() + county.schools.size() + county.classes.size() +
                        county.students.size() + county.enrolments.size() + county.teachers.size() +
                        county.teacher_years.size() + county.conditions.size();
    std::printf("schools %zu\nstudents %zu\nenrolments %zu\nteachers %zu\nrows %zu\n", county.schools.size(),
                county.students.size(), county.enrolments.size(), county.teachers.size(), rows);
    std::printf("generate_s %.3f\n", generate);
    std::fflush(stdout);
    remove_db(sqlite);
    print("load_sqlite", load(sqlite.string(), county));
    print("load_postgres", load(pg, county));
  }  // the county is freed before the snapshots are loaded
  size_t enrolments = 0;
  print("snapshot_sqlite", snapshot(sqlite.string(), runs, enrolments, edu::load_snapshot));
  print("snapshot_postgres", snapshot(pg, runs, enrolments, edu::load_snapshot));
  print("snapshot_registers_sqlite", snapshot(sqlite.string(), runs, enrolments, snapshot_via_registers));
  print("snapshot_registers_postgres", snapshot(pg, runs, enrolments, snapshot_via_registers));
  std::printf("snapshot_enrolments %zu\n", enrolments);
  return 0;
}
