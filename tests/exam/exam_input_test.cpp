// From stored rows to analysis columns: the roster decides who is a candidate,
// exemptions (all subjects or one), 缺考 marks and missing rows, items and re-marks.
#include "exam/exam_input.h"

#include <gtest/gtest.h>

namespace edu::exam {
namespace {

ExamTables tables() {
  ExamTables t;
  t.exam.subjects = {{"语文", 120, {}, {}}, {"英语", 4, {}, {{"1", 2, "A"}, {"2", 2, "B"}}}};
  t.county = "测试县";
  t.townships = {{7, "城关镇", 1}};
  t.schools = {{10, "一中", 7}, {20, "二中", 99}};  // 二中's township is not listed
  t.classes = {{100, "九(1)班", 10}, {200, "九(1)班", 20}};
  t.teachers = {{5, "王老师", 10}};
  t.teaching = {{100, 0, 5}, {300, 0, 5}};  // class 300 is not in the exam
  t.roster = {{1, "G1", "1", "甲", 10, 100, false},
              {2, "G2", "2", "乙", 10, 100, true},  // exempt from everything
              {3, "G3", "3", "丙", 20, 200, false},
              {4, "G4", "4", "丁", 20, 200, false}};
  t.scores = {{1, 10, 0, 99.5}, {1, 10, 1, 2}, {3, 10, 0, std::nullopt},  // 丙 marked 缺考 (sat elsewhere: 附读)
              {4, 20, 0, 80},   {9, 20, 0, 70}};                          // student 9 is not a candidate
  t.exemptions = {{0, 4, "英语", "听力障碍", kExemptionApproved}};
  t.item_scores = {{1, 1, 0, 2, "A"}, {1, 1, 1, 0, "C"}};
  t.remarks = {{4, 0, 80, 78}, {9, 0, 70, 70}};
  return t;
}

TEST(ExamInput, SittingsFollowRosterScoresAndExemptions) {
  ExamInput in = build_input(tables());
  ASSERT_EQ(in.cohort.size(), 4u);
  const Column& chinese = in.cohort.subjects[0];
  const Column& english = in.cohort.subjects[1];
  EXPECT_EQ(chinese.sitting, (std::vector<Sitting>{Sitting::kSat, Sitting::kExempt, Sitting::kAbsent, Sitting::kSat}));
  EXPECT_EQ(chinese.points[0], 199);
  EXPECT_EQ(english.sitting, (std::vector<Sitting>{Sitting::kSat, Sitting::kExempt, Sitting::kAbsent, Sitting::kExempt}));
  EXPECT_EQ(in.cohort.school, (std::vector<int32_t>{0, 0, 1, 1}));
  EXPECT_EQ(in.cohort.name_of(2), "丙");
}

TEST(ExamInput, UnitsTeachingItemsAndRemarks) {
  ExamInput in = build_input(tables());
  EXPECT_EQ(in.units.schools[0].parent, 0);
  EXPECT_EQ(in.units.schools[1].parent, -1);
  EXPECT_EQ(in.units.classes[1].parent, 1);
  EXPECT_EQ(in.units.teaching[0], (std::vector<int32_t>{0, -1}));
  ASSERT_EQ(in.items.size(), 2u);
  EXPECT_EQ(in.items[0].rows(), 0u);
  ASSERT_EQ(in.items[1].rows(), 1u);
  EXPECT_EQ(in.items[1].scores[0][0], 4);
  EXPECT_EQ(in.items[1].responses[1][0], 'C');
  ASSERT_EQ(in.remarks.size(), 1u);  // student 9 is not a candidate
  EXPECT_EQ(in.remarks[0].candidate, 3u);
  EXPECT_DOUBLE_EQ(in.remarks[0].self_marks - in.remarks[0].central_marks, 2);
}

}  // namespace
}  // namespace edu::exam

#include "exam/teaching.h"

namespace edu::exam {
namespace {

TEST(Teaching, SchoolTeachersAreSharedOverItsClassesInTurn) {
  auto rows = share_teachers(1, {{100, 1}, {101, 1}, {102, 1}, {200, 2}, {300, 3}}, {{7, 1}, {8, 1}, {9, 3}});
  ASSERT_EQ(rows.size(), 4u);  // school 2 has no teacher of the subject
  EXPECT_EQ(rows[0].teacher_id, 7);
  EXPECT_EQ(rows[1].teacher_id, 8);
  EXPECT_EQ(rows[2].teacher_id, 7);
  EXPECT_EQ(rows[3].class_id, 300);
  EXPECT_EQ(rows[3].teacher_id, 9);
  EXPECT_EQ(rows[3].subject, 1);
}

}  // namespace
}  // namespace edu::exam

#include "exam/visiting.h"

namespace edu::exam {
namespace {

TEST(Visiting, StudentsScoredByAnotherSchoolAreNamed) {
  ExamTables t = tables();  // 丙 (registered at 二中) was scored by 一中
  auto flags = visiting_flags(t, build_input(t));
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].school, 0);
  EXPECT_EQ(flags[0].message, "一中上报了 1 名附读生的成绩:丙(学籍在二中)。其成绩计入学籍所在学校;请核实学生实际就读学校,必要时办理转学手续。");
}

}  // namespace
}  // namespace edu::exam
