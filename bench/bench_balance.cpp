// Benchmark of statistics and balanced development (issue 4):
//  1. the demo county (scale 1.0) in SQLite: snapshot load, the full indicator +
//     balance computation, and a what-if after one drafted change (incremental)
//     against a full recompute;
//  2. a synthetic province of 10,000 schools and 5,000,000 students generated in
//     memory: the balance computation (units, seven indicators, verdicts, 差异系数)
//     in C++, against the same computation as one SQLite SQL statement (GROUP BY)
//     and in pandas (bench/balance_pandas.py) over the same data written to SQLite.
// Prints medians and ratios in one run. Usage: bench_balance WORK_DIR BENCH_SOURCE_DIR
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "analytics/snapshot_builder.h"
#include "analytics/statistics.h"
#include "analytics/whatif.h"
#include "bench_util.h"
#include "demo/generator.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/snapshot_loader.h"

namespace fs = std::filesystem;
using namespace edu::bench;
using namespace edu;
using namespace edu::analytics;

void check(const Status& s) {
  if (!s.ok()) {
    std::cerr << "错误:" << s.message() << "\n";
    std::exit(1);
  }
}

// Everything the balance page and the indicator page compute for one year.
double full_computation(const Snapshot& s, int year) {
  std::vector<bool> all(s.schools.size(), true);
  Statistics stats = compute_statistics(s, year, all, "全县", {});
  BalanceModel m(s, year, quality_standard_2017());
  double sink = static_cast<double>(stats.groups.size());
  for (size_t u = 0; u < m.units().size(); ++u) sink += m.row(static_cast<int>(u)).met;
  for (Section k : {Section::kPrimary, Section::kJunior}) sink += m.summary(k).composite.value_or(0);
  return sink;
}

void demo_county(const fs::path& dir) {
  demo::DemoCounty county = demo::generate_county(demo::DemoSettings{});
  fs::path db_path = dir / "balance_demo.db";
  remove_db(db_path);
  auto db = open_database(db_path.string());
  check(db.status());
  check(migrate(**db).status());
  check(load_registers(**db, county));
  Snapshot snapshot;
  double load = median_seconds(3, [&] {
    auto s = load_snapshot(**db, 2026);
    check(s.status());
    snapshot = std::move(*s);
  });
  double full = median_seconds(9, [&] { full_computation(snapshot, 2026); });
  BalanceModel today(snapshot, 2026, quality_standard_2017());
  const BalanceUnit& a = today.units()[0];
  int b = today.unit_of(today.units()[1].school, a.section);
  Draft draft;
  draft.moves.push_back({snapshot.schools[a.school].id, snapshot.schools[today.units()[b].school].id,
                         section_name(a.section), 1, "", ""});
  double whatif = median_seconds(51, [&] {
    auto w = apply_draft(today, draft);
    check(w.status());
    for (Section k : {Section::kPrimary, Section::kJunior}) w->after.summary(k);
  });
  double recompute = median_seconds(9, [&] {
    BalanceModel m(snapshot, 2026, quality_standard_2017());
    for (Section k : {Section::kPrimary, Section::kJunior}) m.summary(k);
  });
  std::printf("demo county: %zu schools, %zu enrolment rows (3 years), %zu teachers, %zu balance units\n",
              snapshot.schools.size(), snapshot.enrolments.size(), snapshot.teachers.size(),
              today.units().size());
  std::printf("| snapshot load from SQLite | %.1f ms |\n", load * 1e3);
  std::printf("| full indicators + balance (2026) | %.2f ms |\n", full * 1e3);
  std::printf("| what-if: one teacher moved, both sections' figures (incremental, incl. copying the model) | %.3f ms |\n",
              whatif * 1e3);
  std::printf("| balance model rebuilt from the snapshot (what a non-incremental what-if costs) | %.2f ms |\n",
              recompute * 1e3);
}

// ---- the synthetic province ----

struct Lcg {
  uint64_t x;
  uint32_t next() { return static_cast<uint32_t>((x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 33); }
  double unit() { return next() / 2147483648.0; }
  int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint32_t>(hi - lo + 1)); }
};

Registers province(int schools, int64_t students) {
  Registers r;
  r.areas.push_back({1, std::nullopt, "430000", "某省", "县"});
  Lcg rng{20260901};
  const double per_school = static_cast<double>(students) / schools;
  int64_t student = 0, teacher = 0;
  const char* educations[] = {"研究生", "本科", "本科", "专科", "专科", "高中及以下"};
  const char* subjects[] = {"语文", "数学", "英语", "体育", "音乐", "美术", "科学", "物理", "历史", "道德与法治"};
  for (int i = 0; i < schools; ++i) {
    double r100 = rng.unit();
    School s;
    s.id = i + 1;
    s.name = "学校" + std::to_string(i + 1);
    s.kind = r100 < 0.65 ? "小学" : r100 < 0.85 ? "初级中学" : r100 < 0.95 ? "九年一贯制学校" : "教学点";
    s.location = "乡村";
    s.area_id = 1;
    r.schools.push_back(s);
    int n = s.kind == "教学点" ? rng.between(10, 90)
                               : static_cast<int>(per_school * (0.3 + 1.4 * rng.unit()) * 1.02);
    if (i == schools - 1) n = static_cast<int>(std::max<int64_t>(0, students - student));
    n = static_cast<int>(std::min<int64_t>(n, students - student));
    auto grades = sections_of_kind(s.kind);
    int lo = grades.front() == "小学" ? 1 : 7, hi = grades.back() == "初中" ? 9 : 6;
    // One class per grade: 在校生 are students 在读 in a class (core/in_school.h).
    const int64_t first_class = static_cast<int64_t>(r.classes.size()) + 1;
    for (int g = lo; g <= hi; ++g)
      r.classes.push_back({first_class + (g - lo), s.id, 2026, g <= 6 ? "小学" : "初中", g, 1, "1班", std::nullopt});
    for (int k = 0; k < n; ++k) {
      const int grade = lo + k % (hi - lo + 1);
      r.enrolments.push_back({++student, 2026, s.id, first_class + (grade - lo), grade, "在读"});
    }
    for (const std::string& section : grades) {
      int size = section == "小学" ? n * 6 / (hi - lo + 1) : n * 3 / (hi - lo + 1);
      int staff = std::max(1, static_cast<int>(size / (section == "小学" ? 16.0 : 11.5)));
      for (int k = 0; k < staff; ++k) {
        Teacher t;
        t.id = ++teacher;
        t.school_id = s.id;
        t.section = section;
        t.post = "专任教师";
        t.education = educations[rng.next() % 6];
        t.title = "一级";
        t.subject = subjects[rng.next() % 10];
        t.backbone = rng.unit() < 0.12 ? "县级" : "无";
        r.teachers.push_back(t);
      }
    }
    double f = 0.7 + 0.8 * rng.unit();
    r.conditions.push_back({s.id, 2026, n * 9 * f, n * 5.0 * f, n * 9.0 * (0.6 + 0.8 * rng.unit()),
                            n * 2300.0 * (0.5 + rng.unit()), n * 30, n / 8, static_cast<int64_t>(n * 0.025 * f + 1)});
  }
  return r;
}

void write_province(Database& db, const Registers& r) {
  check(db.exec_script(
      "CREATE TABLE schools (id BIGINT, kind TEXT);"
      "CREATE TABLE enrolments (school_id BIGINT, grade BIGINT);"
      "CREATE TABLE teachers (school_id BIGINT, section TEXT, post TEXT, education TEXT, subject TEXT, backbone TEXT);"
      "CREATE TABLE conditions (school_id BIGINT, teaching_area DOUBLE PRECISION, sports_area DOUBLE PRECISION,"
      " equipment_value DOUBLE PRECISION, multimedia_rooms BIGINT);"));
  Transaction tx(db);
  check(tx.begun());
  auto put = [&](const char* sql, auto& rows, auto params) {
    auto stmt = db.prepare(sql);
    check(stmt.status());
    for (const auto& row : rows) check((*stmt)->run(params(row)));
  };
  put("INSERT INTO schools VALUES (?,?)", r.schools,
      [](const School& s) -> std::vector<Value> { return {s.id, s.kind}; });
  put("INSERT INTO enrolments VALUES (?,?)", r.enrolments,
      [](const Enrolment& e) -> std::vector<Value> { return {e.school_id, int64_t{e.grade}}; });
  put("INSERT INTO teachers VALUES (?,?,?,?,?,?)", r.teachers, [](const Teacher& t) -> std::vector<Value> {
    return {t.school_id, t.section, t.post, t.education, t.subject, t.backbone};
  });
  put("INSERT INTO conditions VALUES (?,?,?,?,?)", r.conditions, [](const Conditions& c) -> std::vector<Value> {
    return {c.school_id, c.teaching_area, c.sports_area, c.equipment_value, c.multimedia_rooms};
  });
  check(tx.commit());
  // What an SQL expert gives the peer: covering indexes for its GROUP BYs and fresh statistics.
  check(db.exec_script(
      "CREATE INDEX enrolments_school_grade ON enrolments(school_id, grade);"
      "CREATE INDEX teachers_post_school ON teachers(post, school_id, section);"
      "CREATE INDEX conditions_school ON conditions(school_id);"
      "ANALYZE;"));
}

// The seven indicators' weighted mean and variance per section, in one statement.
const char* kBalanceSql = R"SQL(
WITH st AS (
  SELECT school_id, SUM(grade BETWEEN 1 AND 6) AS p, SUM(grade BETWEEN 7 AND 9) AS j, COUNT(*) AS total
  FROM enrolments GROUP BY school_id),
te AS (
  SELECT school_id, section,
    SUM(education IN ('研究生', '本科') OR (section = '小学' AND education = '专科')) AS above,
    SUM(backbone <> '无') AS backbone, SUM(subject IN ('体育', '音乐', '美术')) AS pe_art
  FROM teachers WHERE post = '专任教师' GROUP BY school_id, section),
units AS (
  SELECT s.id AS school_id, '小学' AS section, st.p AS n, st.total FROM schools s JOIN st ON st.school_id = s.id
   WHERE s.kind IN ('小学', '九年一贯制学校', '教学点') AND st.p > 0 AND NOT (s.kind = '教学点' AND st.p < 50)
  UNION ALL
  SELECT s.id, '初中', st.j, st.total FROM schools s JOIN st ON st.school_id = s.id
   WHERE s.kind IN ('初级中学', '九年一贯制学校') AND st.j > 0),
v AS (
  SELECT u.section, u.n,
    COALESCE(te.above, 0) * 100.0 / u.n AS x1, COALESCE(te.backbone, 0) * 100.0 / u.n AS x2,
    COALESCE(te.pe_art, 0) * 100.0 / u.n AS x3, c.teaching_area / u.total AS x4,
    c.sports_area / u.total AS x5, c.equipment_value / u.total AS x6,
    c.multimedia_rooms * 100.0 / u.total AS x7
  FROM units u JOIN conditions c ON c.school_id = u.school_id
  LEFT JOIN te ON te.school_id = u.school_id AND te.section = u.section),
m AS (
  SELECT section, SUM(n) AS w, SUM(n * x1) / SUM(n) AS m1, SUM(n * x2) / SUM(n) AS m2,
    SUM(n * x3) / SUM(n) AS m3, SUM(n * x4) / SUM(n) AS m4, SUM(n * x5) / SUM(n) AS m5,
    SUM(n * x6) / SUM(n) AS m6, SUM(n * x7) / SUM(n) AS m7 FROM v GROUP BY section)
SELECT v.section, m1, SUM(n * (x1 - m1) * (x1 - m1)) / w, m2, SUM(n * (x2 - m2) * (x2 - m2)) / w,
  m3, SUM(n * (x3 - m3) * (x3 - m3)) / w, m4, SUM(n * (x4 - m4) * (x4 - m4)) / w,
  m5, SUM(n * (x5 - m5) * (x5 - m5)) / w, m6, SUM(n * (x6 - m6) * (x6 - m6)) / w,
  m7, SUM(n * (x7 - m7) * (x7 - m7)) / w
FROM v JOIN m ON m.section = v.section GROUP BY v.section ORDER BY v.section DESC
)SQL";

void synthetic_province(const fs::path& dir, const fs::path& bench_dir, int schools, int64_t students) {
  auto start = Clock::now();
  Registers r = province(schools, students);
  Snapshot snapshot = build_snapshot(r, 2026);
  double build = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> cpp_cv;
  double cpp = median_seconds(3, [&] {
    BalanceModel m(snapshot, 2026, quality_standard_2017());
    cpp_cv.clear();
    for (Section k : {Section::kPrimary, Section::kJunior})
      for (const IndicatorCv& c : m.summary(k).cvs) cpp_cv.push_back(c.cv.cv.value_or(0));
  });

  fs::path db_path = dir / "province.db";
  remove_db(db_path);
  auto db = open_database(db_path.string());
  check(db.status());
  write_province(**db, r);
  std::vector<double> sql_cv;
  double sql = median_seconds(3, [&] {
    auto rows = (*db)->query(kBalanceSql);
    check(rows.status());
    sql_cv.clear();
    for (const Row& row : *rows)
      for (int i = 0; i < 7; ++i) sql_cv.push_back(std::sqrt(row.real(2 + 2 * i)) / row.real(1 + 2 * i));
  });
  std::string command = "python3 " + (bench_dir / "balance_pandas.py").string() + " " + db_path.string();
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buf[4096];
  while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
  double pandas = 0;
  auto at = out.find("\"seconds\":");
  if (at != std::string::npos) pandas = std::stod(out.substr(at + 10));

  std::vector<double> pandas_cv;  // the numbers after "cv", 小学 then 初中
  for (size_t i = out.find("\"cv\""); i != std::string::npos && i < out.size();) {
    i = out.find_first_of("0123456789", i);
    if (i == std::string::npos) break;
    size_t used = 0;
    pandas_cv.push_back(std::stod(out.substr(i), &used));
    i += used;
  }
  double max_diff = 0, pandas_diff = pandas_cv.size() == cpp_cv.size() ? 0 : INFINITY;
  for (size_t i = 0; i < cpp_cv.size() && i < sql_cv.size(); ++i)
    max_diff = std::max(max_diff, std::abs(cpp_cv[i] - sql_cv[i]));
  for (size_t i = 0; i < cpp_cv.size() && i < pandas_cv.size(); ++i)
    pandas_diff = std::max(pandas_diff, std::abs(cpp_cv[i] - pandas_cv[i]));
  std::printf("synthetic province: %d schools, %zu students, %zu teachers (generated in %.2f s)\n", schools,
              snapshot.enrolments.size(), snapshot.teachers.size(), build);
  std::printf("| C++ balance computation (units, 7 indicators, verdicts, 差异系数, both sections) | %.3f s | 1.00 |\n", cpp);
  std::printf("| **peer**: SQLite, one SQL statement (GROUP BY, same file, covering indexes, ANALYZE) | %.3f s | %.1f× slower |\n", sql, sql / cpp);
  if (pandas > 0)
    std::printf("| **peer**: pandas 1.5 (tables in memory as narrow ints and categoricals) | %.3f s | %.1f× slower |\n", pandas, pandas / cpp);
  else
    std::printf("| **peer**: pandas — not run (%s) |\n", out.c_str());
  std::printf("largest difference over the 14 差异系数: C++ vs SQL %.2e, C++ vs pandas %.2e\n", max_diff,
              pandas_diff);
  if (cpp_cv.size() != 14 || max_diff > 1e-9 || (pandas > 0 && pandas_diff > 1e-9)) {
    std::fprintf(stderr, "the three do not compute the same 差异系数: the timings above compare nothing\n");
    std::exit(1);
  }
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_balance WORK_DIR BENCH_SOURCE_DIR [SCHOOLS STUDENTS]\n";
    return 2;
  }
  fs::path dir = argv[1];
  fs::create_directories(dir);
  int schools = argc > 3 ? std::stoi(argv[3]) : 10000;
  int64_t students = argc > 4 ? std::stoll(argv[4]) : 5000000;
  demo_county(dir);
  synthetic_province(dir, argv[2], schools, students);
  return 0;
}
