// The demo county's exams through the store and the report: the planted
// problems are flagged, the honest exam raises nothing, and value-added and
// rank change are there for the later exam.
#include <gtest/gtest.h>

#include <bit>
#include <set>
#include <string>

#include "demo/exam_generator.h"
#include "store/exam_store.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "workflow/exam_report.h"

namespace edu {
namespace {

struct DemoDatabase {
  std::unique_ptr<Database> db;
  demo::DemoExams exams;
  std::vector<int64_t> ids;
  DemoDatabase() {
    db = std::move(*open_database(":memory:"));
    EXPECT_TRUE(migrate(*db).ok());
    demo::DemoSettings settings;
    settings.scale = 0.3;
    const demo::DemoCounty county = demo::generate_county(settings);
    EXPECT_TRUE(load_registers(*db, county).ok());
    exams = demo::generate_exams(county, settings);
    for (exam::ExamBundle& b : exams.exams) {
      if (!ids.empty()) b.exam.previous_exam_id = ids.back();
      ids.push_back(*save_exam_bundle(*db, b));
    }
  }
};

const DemoDatabase& demo_db() {
  static const DemoDatabase d;
  return d;
}

int64_t school_id(const ExamReport& r, int32_t school) { return r.input.units.schools[school].id; }

// Every figure of an analysis, as bytes: doubles and floats bit for bit, an
// absent optional as one byte; equal bytes = the same report.
class Bytes {
 public:
  std::string out;
  template <class T>
  void add(const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void add(const std::optional<double>& v) {
    add(v.has_value());
    if (v) add(std::bit_cast<uint64_t>(*v));
  }
  template <class T>
  void add(const std::vector<T>& v) {
    add(v.size());
    for (const T& x : v) add(x);
  }
};

std::string bytes_of(const exam::ExamAnalysis& a) {
  Bytes b;
  for (const exam::LevelResult& level : a.levels) {
    b.add(level.level);
    b.add(level.columns.size());
    for (const exam::ColumnResult& column : level.columns) {
      b.out += column.subject.name;
      b.add(column.groups.size());
      for (const exam::GroupResult& g : column.groups) {
        const exam::ScoreStats& st = g.stats;
        for (int64_t n : {st.expected, st.sat, st.counted, st.excellent, st.pass, st.low}) b.add(n);
        for (const auto& v : {st.participation, st.mean, st.sd, st.excellent_rate, st.pass_rate, st.low_rate,
                              st.max, st.min})
          b.add(v);
        b.add(st.percentiles.has_value());
        if (st.percentiles)
          for (double p : *st.percentiles) b.add(std::bit_cast<uint64_t>(p));
        b.add(std::bit_cast<uint64_t>(g.composite));
        for (int32_t r : {g.rank, g.mean_rank, g.previous_rank, g.rank_change}) b.add(r);
      }
      b.add(column.bins);
      b.add(column.bin_counts);
    }
  }
  for (const exam::StudentColumn& s : a.students) {
    b.add(s.z.size());
    for (float z : s.z) b.add(std::bit_cast<uint32_t>(z));
    for (const auto* ranks : {&s.class_rank, &s.school_rank, &s.county_rank}) b.add(*ranks);
  }
  return b.out;
}

TEST(DemoExams, PlantedProblemsAreFlagged) {
  const DemoDatabase& d = demo_db();
  ASSERT_EQ(d.ids.size(), 2u);
  auto report = build_exam_report(*d.db, d.ids[1]);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::set<std::pair<int64_t, int64_t>> copied;
  std::map<std::string, std::set<int64_t>> flagged;  // kind → schools
  for (const exam::IntegrityFlag& f : report->flags) {
    flagged[f.kind].insert(school_id(*report, f.school));
    if (f.kind == "similar_answers") copied.insert({f.student_a, f.student_b});
    EXPECT_FALSE(f.message.empty());
  }
  EXPECT_EQ(flagged["participation"], std::set<int64_t>{d.exams.left_out_school});
  EXPECT_EQ(flagged["remark"], std::set<int64_t>{d.exams.inflated_school});
  EXPECT_EQ(flagged["cut_spike"], std::set<int64_t>{d.exams.inflated_school});
  std::set<std::pair<int64_t, int64_t>> planted;
  for (auto [a, b] : d.exams.copied_pairs) planted.insert({std::min(a, b), std::max(a, b)});
  std::set<std::pair<int64_t, int64_t>> found;
  for (auto [a, b] : copied) found.insert({std::min(a, b), std::max(a, b)});
  EXPECT_EQ(found, planted);
  EXPECT_EQ(flagged["visiting"], std::set<int64_t>{d.exams.copier_school});  // the two 附读 students sat there
}

TEST(DemoExams, TheHonestExamRaisesNothing) {
  auto report = build_exam_report(*demo_db().db, demo_db().ids[0]);
  ASSERT_TRUE(report.ok());
  for (const exam::IntegrityFlag& f : report->flags) ADD_FAILURE() << f.message;
}

TEST(DemoExams, ValueAddedAndRankChangeAgainstThePreviousExam) {
  auto report = build_exam_report(*demo_db().db, demo_db().ids[1]);
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->value_added.has_value());
  EXPECT_GT(report->value_added->fit.n, 500);
  EXPECT_GT(report->value_added->fit.slope, 0.5);
  int with_previous = 0;
  for (const auto& g : report->analysis.at(exam::Level::kSchool).columns.back().groups)
    with_previous += g.previous_rank > 0;
  EXPECT_GE(with_previous, 4);
  ASSERT_FALSE(report->items.empty());
  EXPECT_GT(report->items[2].alpha, 0.7);  // 英语, 34 items
}

// The columns analysed on several threads give the same report, byte for
// byte, as on one: both exams, both absent policies, two numbers of bins.
TEST(DemoExams, ThreadsGiveTheSameReportAsOneThread) {
  for (int64_t id : demo_db().ids) {
    auto report = build_exam_report(*demo_db().db, id);
    ASSERT_TRUE(report.ok());
    const exam::ExamInput& in = report->input;
    ASSERT_FALSE(in.units.teachers.empty());
    for (exam::AbsentPolicy policy : {exam::AbsentPolicy::kCountAsZero, exam::AbsentPolicy::kExclude})
      for (int bins : {20, 7}) {
        exam::ExamSpec spec = in.spec;
        spec.absent_policy = policy;
        spec.bins = bins;
        const std::string one = bytes_of(exam::analyze_exam(spec, in.cohort, in.units, 1));
        EXPECT_GT(one.size(), in.cohort.size() * 10 * 16);  // z and three ranks per candidate and column
        for (unsigned threads : {0u, 2u, 4u})
          EXPECT_TRUE(bytes_of(exam::analyze_exam(spec, in.cohort, in.units, threads)) == one)
              << "exam " << id << ", " << threads << " threads";
      }
  }
}

}  // namespace
}  // namespace edu
