// Benchmark: a county at province scale (issue 11) on both engines. Generates
// the demo county at SCALE once (demo/generator.h, in memory) and loads the same
// registers with the bulk loader (store/registers_loader.h: load_registers,
// prepared INSERTs on SQLite, COPY on PostgreSQL) into WORK_DIR/province.db and
// into POSTGRES_URL (an empty database), each from an empty schema including
// the migrations; then times load_snapshot (store/snapshot_loader.h) on each,
// the median of RUNS (default 3). This is the bulk loader, not `edubureau demo`
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

// load_snapshot, the median of `runs` by wall time.
Timing snapshot(const std::string& url, int runs, size_t& enrolments) {
  auto db = edu::open_database(url);
  check(db.status(), "open");
  const Cpu cpu = cpu_of(**db);
  std::vector<Timing> t;
  for (int i = 0; i < runs; ++i) {
    const double cpu_start = cpu.now();
    auto start = Clock::now();
    auto s = edu::load_snapshot(**db, 2026);
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
  print("snapshot_sqlite", snapshot(sqlite.string(), runs, enrolments));
  print("snapshot_postgres", snapshot(pg, runs, enrolments));
  std::printf("snapshot_enrolments %zu\n", enrolments);
  return 0;
}
