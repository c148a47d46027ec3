// 学年升级 planned by hand (analytics/rollover_plan.h): a 九年一贯制 school with
// 三年级(2)班, 六年级(1)班 and 七年级(1)班, a 小学 with a stray 初中 class and a
// class of a grade its section does not have.
#include <gtest/gtest.h>

#include "analytics/rollover_plan.h"

namespace edu::rollover {
namespace {

Input county() {
  Input in;
  in.from_year = 2026;
  in.schools = {{1, "桃洪镇九年一贯制学校", "九年一贯制学校"}, {2, "西村小学", "小学"}};
  in.classes = {{10, 1, "小学", 3, 2, "三年级(2)班", 501},
                {11, 1, "小学", 6, 1, "六年级(1)班", std::nullopt},
                {12, 1, "初中", 7, 1, "七年级(1)班", std::nullopt},
                {20, 2, "初中", 8, 1, "八年级(1)班", std::nullopt},
                {21, 2, "小学", 7, 1, "七年级(1)班", std::nullopt}};
  in.students = {{100, 1, "甲", 10, "在读"}, {101, 1, "乙", 10, "在读"},
                 {102, 1, "丙", 10, "休学"}, {103, 1, "丁", 11, "在读"},
                 {104, 1, "戊", 11, "休学"}, {105, 1, "己", 12, "在读"},
                 {106, 1, "庚", std::nullopt, "在读"}, {200, 2, "辛", 20, "在读"},
                 {201, 2, "壬", 21, "在读"}};
  return in;
}

const ClassRow& class_of(const Plan& plan, int64_t student_id) {
  for (const Placement& p : plan.placements)
    if (p.student_id == student_id) return plan.classes[p.new_class];
  throw std::runtime_error("student not placed");
}

TEST(RolloverPlan, ThirdGradeClassTwoBecomesFourthGradeClassTwo) {
  Plan plan = plan_rollover(county());
  EXPECT_EQ(plan.from_year, 2026);
  EXPECT_EQ(plan.to_year, 2027);
  const ClassRow& c = class_of(plan, 100);
  EXPECT_EQ(c.school_id, 1);
  EXPECT_EQ(c.section, "小学");
  EXPECT_EQ(c.grade, 4);
  EXPECT_EQ(c.class_no, 2);
  EXPECT_EQ(c.name, "四年级(2)班");
  EXPECT_EQ(c.head_teacher_id, 501);  // 班主任跟班
  EXPECT_EQ(&class_of(plan, 101), &c);
}

TEST(RolloverPlan, SixthGradeGraduatesAndOpensNoClass) {
  Plan plan = plan_rollover(county());
  EXPECT_EQ(plan.graduates, (std::vector<int64_t>{103}));
  for (const ClassRow& c : plan.classes) EXPECT_FALSE(c.section == "初中" && c.grade == 7);
}

TEST(RolloverPlan, SuspendedStudentsKeepTheirGrade) {
  Plan plan = plan_rollover(county());
  const ClassRow& third = class_of(plan, 102);  // 三年级(2)班 opened again for 丙
  EXPECT_EQ(third.grade, 3);
  EXPECT_EQ(third.class_no, 2);
  EXPECT_EQ(third.name, "三年级(2)班");
  EXPECT_FALSE(third.head_teacher_id);  // the 班主任 went up with the class
  EXPECT_EQ(class_of(plan, 104).name, "六年级(1)班");  // a 休学 六年级 does not graduate
  for (const Placement& p : plan.placements)
    EXPECT_EQ(p.status, p.student_id == 102 || p.student_id == 104 ? "休学" : "在读") << p.student_id;
}

TEST(RolloverPlan, ProblemsLeaveTheirStudentsAlone) {
  Plan plan = plan_rollover(county());
  ASSERT_EQ(plan.problems.size(), 3u);
  // 庚 has no class; 西村小学 teaches no 初中; 七年级 is no grade of 小学.
  EXPECT_EQ(plan.problems[0].kind, "no_class");
  EXPECT_EQ(plan.problems[0].school_id, 1);
  EXPECT_NE(plan.problems[0].message.find("庚"), std::string::npos);
  EXPECT_EQ(plan.problems[1].kind, "no_next_grade");
  EXPECT_NE(plan.problems[1].message.find("八年级(1)班"), std::string::npos);
  EXPECT_EQ(plan.problems[2].kind, "no_successor");
  EXPECT_NE(plan.problems[2].message.find("1 名学生保持不变"), std::string::npos);
  for (const Placement& p : plan.placements) EXPECT_TRUE(p.student_id < 106) << p.student_id;
}

TEST(RolloverPlan, SummaryPerSchoolAndTotal) {
  Plan plan = plan_rollover(county());
  ASSERT_EQ(plan.schools.size(), 2u);
  // School 1 opens 四年级(2)班, 八年级(1)班 (from 七年级(1)班), 三年级(2)班 and 六年级(1)班 (休学).
  const SchoolSummary& s = plan.schools[0];
  EXPECT_EQ(s.school_name, "桃洪镇九年一贯制学校");
  EXPECT_EQ(s.classes_opened, 4);
  EXPECT_EQ(s.students_moved, 3);  // 甲 乙 己
  EXPECT_EQ(s.graduates, 1);       // 丁
  EXPECT_EQ(s.kept, 2);            // 丙 戊
  EXPECT_EQ(s.problems, 1);
  EXPECT_EQ(plan.schools[1].classes_opened, 0);
  EXPECT_EQ(plan.schools[1].problems, 2);
  EXPECT_EQ(plan.total.classes_opened, 4);
  EXPECT_EQ(plan.total.students_moved, 3);
  EXPECT_EQ(plan.total.problems, 3);
  EXPECT_EQ(plan.classes.size(), 4u);
  EXPECT_EQ(plan.placements.size(), 5u);
}

TEST(RolloverPlan, KindergartenTopClassGraduates) {
  Input in;
  in.from_year = 2026;
  in.schools = {{1, "星星幼儿园", "幼儿园"}};
  in.classes = {{1, 1, "学前", 0, 1, "大班(1)班", std::nullopt},
                {2, 1, "学前", -1, 1, "中班(1)班", std::nullopt}};
  in.students = {{1, 1, "甲", 1, "在读"}, {2, 1, "乙", 2, "在读"}};
  Plan plan = plan_rollover(in);
  EXPECT_EQ(plan.graduates, (std::vector<int64_t>{1}));
  EXPECT_EQ(class_of(plan, 2).name, "大班(1)班");
}

}  // namespace
}  // namespace edu::rollover
