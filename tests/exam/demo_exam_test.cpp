// The demo county's exams through the store and the report: the planted
// problems are flagged, the honest exam raises nothing, and value-added and
// rank change are there for the later exam.
#include <gtest/gtest.h>

#include <set>

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

}  // namespace
}  // namespace edu
