// Benchmark of exam quality monitoring (issue 5): a city-scale exam of
// 200,000 students × 9 subjects (1.8 M scores), generated in memory.
//  1. score import: the exam's CSV score sheet (学校标识码, 学籍号, 姓名, 9
//     subjects) through commit_score_import into SQLite holding the register;
//  2. load: the exam's rows read back into columns (load_exam_tables + build_input);
//  3. the full analysis (analyze_exam: every level incl. teachers, every subject
//     and the total, 三率一分, SD, percentiles, bins, ranks, 综合得分, student
//     z scores and ranks in class/school/county), median of 5 runs on the
//     machine's cores (hardware_concurrency threads), then 5 on one thread;
//  4. peers over the same data: SQLite SQL aggregates (GROUP BY per level,
//     subject and total; no percentiles — SQLite has none) and pandas groupby
//     (bench/exam_pandas.py: the same aggregates with percentiles and bins).
// Prints times, ratios and the memory of this process by phase (the resident
// set after each phase and its peak during it).
// Usage: bench_exam WORK_DIR BENCH_SOURCE_DIR [STUDENTS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "bench_util.h"
#include "demo/rng.h"
#include "exam/exam_analysis.h"
#include "ingest/spreadsheet.h"
#include "store/exam_store.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "workflow/exam_score_import.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace edu;

namespace {

constexpr int kStudentsPerClass = 50, kClassesPerSchool = 10, kSchoolsPerTownship = 20;
const std::vector<std::pair<const char*, double>> kSubjects = {
    {"语文", 150}, {"数学", 150}, {"英语", 150}, {"物理", 100}, {"化学", 100},
    {"生物", 100}, {"历史", 100}, {"地理", 100}, {"道德与法治", 100}};

template <class F>
double seconds(F&& f) {
  auto start = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void check(const Status& s) {
  if (!s.ok()) {
    std::cerr << "错误:" << s.message() << "\n";
    std::exit(1);
  }
}

// A city of schools of 500 students in one grade (九年级, 2026).
Registers city(int students) {
  Registers r;
  const int schools = students / (kStudentsPerClass * kClassesPerSchool);
  r.areas.push_back({1, std::nullopt, "430500", "测试市", "县"});
  for (int t = 0; t < (schools + kSchoolsPerTownship - 1) / kSchoolsPerTownship; ++t)
    r.areas.push_back({t + 2, 1, "430500" + std::to_string(100 + t), "乡镇" + std::to_string(t + 1), "乡镇"});
  for (int s = 0; s < schools; ++s) {
    School sc;
    sc.id = s + 1;
    sc.code = std::to_string(2100000000LL + s);
    sc.name = "第" + std::to_string(s + 1) + "中学";
    sc.kind = "初级中学", sc.ownership = "公办", sc.location = "城区";
    sc.area_id = s / kSchoolsPerTownship + 2;
    r.schools.push_back(sc);
    for (int k = 0; k < kClassesPerSchool; ++k)
      r.classes.push_back({static_cast<int64_t>(s * kClassesPerSchool + k + 1), sc.id, 2026, "初中", 9, k + 1,
                           "九年级(" + std::to_string(k + 1) + ")班", std::nullopt});
  }
  for (int i = 0; i < schools * kClassesPerSchool * kStudentsPerClass; ++i) {
    Student st;
    st.id = i + 1;
    char number[32];
    std::snprintf(number, sizeof number, "430500201101%06d", i);
    st.id_number = number;
    st.name = "学生" + std::to_string(i + 1);
    st.gender = i % 2 ? "男" : "女";
    st.birth_date = {2011, 1, 1};
    st.ethnicity = "汉族";
    const int64_t klass = i / kStudentsPerClass + 1;
    st.school_id = (klass - 1) / kClassesPerSchool + 1;
    st.class_id = klass;
    st.status = "在读";
    st.enrolled_on = {2024, 9, 1};
    st.household = "城镇";
    r.students.push_back(st);
    r.enrolments.push_back({st.id, 2026, st.school_id, klass, 9, "在读"});
  }
  return r;
}

exam::ExamRecord exam_record() {
  exam::ExamRecord e;
  e.name = "全市九年级质量监测";
  e.date = {2026, 11, 12};
  e.school_year = 2026;
  e.grade = 9;
  for (auto [name, full] : kSubjects) e.subjects.push_back({name, full, {}, {}});
  return e;
}

// The score sheet as a school would send it; 0.5% of cells 缺考.
std::string score_csv(const Registers& r) {
  demo::Rng rng(20261112);
  std::string out = "学校标识码,学籍号,姓名";
  for (auto [name, full] : kSubjects) out += std::string(",") + name;
  out += "\n";
  for (const Student& st : r.students) {
    out += r.schools[st.school_id - 1].code + ",G" + st.id_number + "," + st.name;
    const double ability = rng.uniform(-1, 1) + rng.uniform(-1, 1);
    for (auto [name, full] : kSubjects) {
      if (rng.chance(0.005)) {
        out += ",缺考";
        continue;
      }
      const double share = std::clamp(0.62 + 0.16 * (ability + rng.uniform(-1, 1)), 0.0, 1.0);
      char cell[16];
      std::snprintf(cell, sizeof cell, ",%.1f", std::round(share * full * 2) / 2);
      out += cell;
    }
    out += "\n";
  }
  return out;
}

// Three teachers per subject and school, sharing its classes.
void add_teachers(exam::Units& u) {
  u.teaching.assign(kSubjects.size(), std::vector<int32_t>(u.classes.size(), -1));
  for (size_t k = 0; k < u.classes.size(); ++k)
    for (size_t s = 0; s < kSubjects.size(); ++s) {
      const int32_t school = u.classes[k].parent;
      const auto teacher = static_cast<int32_t>((school * kSubjects.size() + s) * 3 + k % 3);
      if (teacher >= static_cast<int32_t>(u.teachers.size())) u.teachers.resize(teacher + 1);
      u.teachers[teacher] = {teacher + 1, "教师" + std::to_string(teacher + 1), school};
      u.teaching[s][k] = teacher;
    }
}

// The peers' data: one long table in SQLite, and a wide CSV for pandas.
void write_peer_data(Database& db, const exam::ExamInput& in, const fs::path& csv) {
  check(db.exec_script(
      "DROP TABLE IF EXISTS bench_scores; CREATE TABLE bench_scores (student BIGINT, township BIGINT, school BIGINT, "
      "klass BIGINT, subject BIGINT, score DOUBLE PRECISION); DROP TABLE IF EXISTS bench_subjects; "
      "CREATE TABLE bench_subjects (subject BIGINT, full_marks DOUBLE PRECISION)"));
  check(db.begin());
  auto row = db.prepare("INSERT INTO bench_scores VALUES (?,?,?,?,?,?)");
  check(row.status());
  std::ofstream out(csv);
  out << "student,township,school,klass";
  for (size_t s = 0; s < kSubjects.size(); ++s) out << ",s" << s;
  out << "\n";
  const exam::Cohort& c = in.cohort;
  for (size_t i = 0; i < c.size(); ++i) {
    const int64_t township = in.units.schools[c.school[i]].parent;
    out << c.student_id[i] << "," << township << "," << c.school[i] << "," << c.klass[i];
    for (size_t s = 0; s < kSubjects.size(); ++s) {
      const bool sat = c.subjects[s].sitting[i] == exam::Sitting::kSat;
      const double score = exam::to_marks(c.subjects[s].points[i]);
      check((*row)->run({c.student_id[i], township, int64_t{c.school[i]}, int64_t{c.klass[i]},
                         static_cast<int64_t>(s), sat ? Value(score) : Value(nullptr)}));
      out << ",";
      if (sat) out << score;
    }
    out << "\n";
  }
  for (size_t s = 0; s < kSubjects.size(); ++s)
    check(db.exec("INSERT INTO bench_subjects VALUES (?, ?)", {static_cast<int64_t>(s), kSubjects[s].second}));
  check(db.commit());
}

// The same aggregates in SQL (absent as 0): per level, subject and the total.
double sql_aggregates(Database& db) {
  const char* levels[] = {"township * 0", "township", "school", "klass"};  // the first: the whole city
  double total_rows = 0;
  const double t = seconds([&] {
    for (const char* level : levels) {
      const std::string sql = std::string(
          "WITH v AS (SELECT b.student, b.township, b.school, b.klass, b.subject, COALESCE(b.score, 0) AS x, "
          "b.score IS NOT NULL AS sat, f.full_marks AS full FROM bench_scores b JOIN bench_subjects f USING (subject) "
          "UNION ALL SELECT student, township, school, klass, 99, SUM(COALESCE(score, 0)), COUNT(score) = 9, "
          "(SELECT SUM(full_marks) FROM bench_subjects) FROM bench_scores GROUP BY student) "
          "SELECT ") + level + ", subject, COUNT(*), SUM(sat), AVG(x), AVG(x * x) - AVG(x) * AVG(x), "
          "AVG(x >= 0.85 * full), AVG(x >= 0.6 * full), AVG(x < 0.4 * full), MAX(x), MIN(x) "
          "FROM v GROUP BY " + level + ", subject";
      auto rows = db.query(sql);
      check(rows.status());
      total_rows += rows->size();
    }
  });
  return total_rows > 0 ? t : 0;
}

double pandas_seconds(const fs::path& script, const fs::path& csv) {
  const std::string command = "python3 " + script.string() + " " + csv.string();
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  char buf[256];
  std::string out;
  while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
  return out.empty() ? 0 : std::stod(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "用法:bench_exam WORK_DIR BENCH_SOURCE_DIR [STUDENTS]\n";
    return 2;
  }
  const fs::path work = argv[1], bench_dir = argv[2];
  const int students = argc > 3 ? std::stoi(argv[3]) : 200000;
  fs::create_directories(work);
  const fs::path db_path = work / "exam_city.db";
  bench::remove_db(db_path);
  // Memory by phase: the resident set after it and its peak during it.
  std::vector<std::pair<const char*, bench::Memory>> phases;
  auto phase_done = [&](const char* name) {
    phases.emplace_back(name, bench::memory());
    bench::reset_peak_memory();
  };
  bench::reset_peak_memory();
  phase_done("start");
  auto db = open_database(db_path.string());
  check(db.status());
  check(migrate(**db).status());
  auto exam_id = insert_exam(**db, exam_record());
  check(exam_id.status());
  const std::string csv = [&] {  // the register is in the database; only the sheet stays in memory
    const Registers registers = city(students);
    check(load_registers(**db, registers));
    return score_csv(registers);
  }();
  phase_done("register loaded, score sheet made (CSV kept)");

  User admin;
  admin.role = "bureau_admin";
  const Actor actor{admin, Scope::All(), "bench"};
  const double parse_s = seconds([&] { check(ingest::read_spreadsheet_bytes(csv, "scores.csv").status()); });
  phase_done("reading the CSV into cells (dropped)");
  size_t scores = 0;
  const double import_s = seconds([&] {
    auto imported = commit_score_import(**db, actor, *exam_id, "scores.csv", csv);
    check(imported.status());
    scores = imported->scores.size();
  });
  phase_done("score import (CSV → SQLite)");

  exam::ExamInput input;
  const double load_s = seconds([&] {
    auto tables = load_exam_tables(**db, *exam_id);
    check(tables.status());
    input = exam::build_input(*tables);
  });
  add_teachers(input.units);
  phase_done("load (SQLite → columns)");
  size_t groups = 0;
  auto analysis_seconds = [&](unsigned threads) {  // the median of 5 runs
    std::vector<double> runs;
    for (int r = 0; r < 5; ++r)
      runs.push_back(seconds([&] {
        const exam::ExamAnalysis a = exam::analyze_exam(input.spec, input.cohort, input.units, threads);
        groups = 0;
        for (const auto& level : a.levels) groups += level.columns.front().groups.size();
      }));
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
  };
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  const double analysis_s = analysis_seconds(0);
  const double one_thread_s = analysis_seconds(1);
  phase_done("analysis (5 runs on the cores, 5 on one thread)");

  const fs::path peer_csv = work / "exam_city_wide.csv";
  write_peer_data(**db, input, peer_csv);
  std::vector<double> sql_runs;
  for (int r = 0; r < 3; ++r) sql_runs.push_back(sql_aggregates(**db));
  std::sort(sql_runs.begin(), sql_runs.end());
  const double sql_s = sql_runs[1];
  const double pandas_s = pandas_seconds(bench_dir / "exam_pandas.py", peer_csv);

  std::printf("students %zu, scores %zu (csv %.1f MB), groups per column %zu\n", input.cohort.size(), scores,
              csv.size() / 1e6, groups);
  std::printf("score import (CSV → SQLite, reconciled) %.3f s   [target < 5 s]\n", import_s);
  std::printf("  of which reading the CSV into cells     %.3f s\n", parse_s);
  std::printf("load (SQLite → columns)                 %.3f s\n", load_s);
  std::printf("full analysis (C++, %u threads)          %.1f ms  [target < 300 ms]  1.00\n", threads,
              analysis_s * 1e3);
  std::printf("full analysis (C++, one thread)          %.1f ms  %.2fx\n", one_thread_s * 1e3,
              one_thread_s / analysis_s);
  std::printf("SQLite SQL aggregates (no percentiles)  %.1f ms  %.1fx\n", sql_s * 1e3, sql_s / analysis_s);
  std::printf("pandas groupby (with percentiles, bins) %.1f ms  %.1fx  (one thread: %.1fx)\n", pandas_s * 1e3,
              pandas_s / analysis_s, pandas_s / one_thread_s);
  std::printf("memory by phase (resident set of this process, MB): after / peak during\n");
  double peak = 0;
  for (size_t k = 1; k < phases.size(); ++k) {
    std::printf("  %-46s %6.0f / %6.0f\n", phases[k].first, phases[k].second.now_mb, phases[k].second.peak_mb);
    peak = std::max(peak, phases[k].second.peak_mb);
  }
  std::printf("peak memory (this process)              %.0f MB = %.2f KB per student  [target < 1 GB]\n", peak,
              peak * 1024 / static_cast<double>(input.cohort.size()));
  return 0;
}
