// 继续教育 figures (analytics/training.h) on hand-built rosters: the seeds'
// figure (775 required, 745 attended → 96.1%), rounding half up, and the
// grouping by school, township (a 学区's school in its township) and 学段.
#include <gtest/gtest.h>

#include "analytics/training.h"

namespace edu::analytics::training {
namespace {

// County 1 → 桃洪镇 2 (with 学区 4) and 罗洪乡 3.
std::vector<Area> areas() {
  return {{1, std::nullopt, "430521", "青山县", "县"},
          {2, 1, "430521100", "桃洪镇", "乡镇"},
          {3, 1, "430521200", "罗洪乡", "乡镇"},
          {4, 2, "430521100001", "桃洪一学区", "学区"}};
}

TrainingTeacherRow teacher(int64_t id, int64_t school, int64_t area, const std::string& kind) {
  return {id, "教师" + std::to_string(id), "", "专任教师", "", "语文", school, area, "学校" + std::to_string(school), kind};
}

TEST(TrainingRates, SeedsFigure775Required745AttendedIs96Point1) {
  TrainingTables t;
  t.courses.push_back({1, "履职晋级培训", "县", Date{2026, 10, 12}, 40});
  for (int64_t i = 1; i <= 775; ++i) {
    t.teachers.push_back(teacher(i, 10, 2, "小学"));
    const bool attended = i <= 745;
    const bool passed = i <= 700;  // 700 of the 745 pass
    t.entries.push_back({1, i, true, attended, passed, passed ? 40 : 0});
  }
  const Rates r = training_rates(t, areas(), 2026);
  EXPECT_EQ(r.total.participation.numerator, 745);
  EXPECT_EQ(r.total.participation.denominator, 775);
  EXPECT_EQ(r.total.participation.percent, 96.1);  // 96.129…
  EXPECT_EQ(r.total.pass.numerator, 700);
  EXPECT_EQ(r.total.pass.denominator, 745);
  EXPECT_EQ(r.total.pass.percent, 94.0);  // 93.959… → 94.0
  EXPECT_EQ(r.total.rows.size(), 775u);
  ASSERT_EQ(r.by_course.size(), 1u);
  EXPECT_EQ(r.by_course[0].participation.percent, 96.1);
  ASSERT_EQ(r.by_section.size(), 1u);
  EXPECT_EQ(r.by_section[0].name, "小学");
}

TEST(TrainingRates, RoundsHalfUpOnTheExactFraction) {
  EXPECT_EQ(percent_one_decimal(1, 8), 12.5);     // 12.5 exactly
  EXPECT_EQ(percent_one_decimal(1, 16), 6.3);     // 6.25 → 6.3 (half up)
  EXPECT_EQ(percent_one_decimal(1, 3), 33.3);
  EXPECT_EQ(percent_one_decimal(2, 3), 66.7);
  EXPECT_EQ(percent_one_decimal(0, 5), 0.0);
  EXPECT_EQ(percent_one_decimal(5, 5), 100.0);
  EXPECT_FALSE(percent_one_decimal(0, 0).has_value());
}

// Two schools in 桃洪镇 (one in its 学区), one in 罗洪乡; a 初中 teacher among them.
TEST(TrainingRates, BySchoolTownshipAndSection) {
  TrainingTables t;
  t.teachers = {teacher(1, 10, 2, "小学"), teacher(2, 10, 2, "小学"), teacher(3, 11, 4, "小学"),
                teacher(4, 12, 3, "初级中学"), teacher(5, 12, 3, "初级中学")};
  t.courses = {{1, "县级培训", "县", Date{2026, 10, 12}, 40},
               {2, "去年的培训", "县", Date{2025, 10, 12}, 40},
               {3, "校本研修", "校本", Date{2027, 3, 1}, 20}};  // 2026学年 (spring 2027)
  t.entries = {{1, 1, true, true, true, 40},   {1, 2, true, false, false, 0}, {1, 3, true, true, false, 0},
               {1, 4, true, true, true, 40},   {1, 5, true, true, true, 40},  {2, 1, true, false, false, 0},
               {3, 4, false, true, true, 20},  // attended without being required: 合格率 only
               {3, 5, false, false, false, 0}};  // neither: not counted
  const Rates r = training_rates(t, areas(), 2026);
  // Whole: required 5, attended 4; attended 5 (with the voluntary one), passed 4.
  EXPECT_EQ(r.total.participation.numerator, 4);
  EXPECT_EQ(r.total.participation.denominator, 5);
  EXPECT_EQ(r.total.participation.percent, 80.0);
  EXPECT_EQ(r.total.pass.numerator, 4);
  EXPECT_EQ(r.total.pass.denominator, 5);
  ASSERT_EQ(r.by_school.size(), 3u);
  EXPECT_EQ(r.by_school[0].id, 10);  // 1 of 2 attended, the one passed
  EXPECT_EQ(r.by_school[0].participation.percent, 50.0);
  EXPECT_EQ(r.by_school[0].pass.percent, 100.0);
  EXPECT_EQ(r.by_school[0].parent, "桃洪镇");
  EXPECT_EQ(r.by_school[1].parent, "桃洪镇");  // the 学区's school
  EXPECT_EQ(r.by_school[1].pass.percent, 0.0);
  EXPECT_EQ(r.by_school[2].participation.numerator, 2);
  EXPECT_EQ(r.by_school[2].pass.denominator, 3);
  ASSERT_EQ(r.by_township.size(), 2u);
  EXPECT_EQ(r.by_township[0].name, "桃洪镇");  // teachers 1, 2, 3: 2 of 3
  EXPECT_EQ(r.by_township[0].participation.numerator, 2);
  EXPECT_EQ(r.by_township[0].participation.denominator, 3);
  EXPECT_EQ(r.by_township[0].participation.percent, 66.7);
  EXPECT_EQ(r.by_township[0].pass.percent, 50.0);
  EXPECT_EQ(r.by_township[1].name, "罗洪乡");
  EXPECT_EQ(r.by_township[1].pass.percent, 100.0);
  ASSERT_EQ(r.by_section.size(), 2u);
  EXPECT_EQ(r.by_section[0].name, "小学");
  EXPECT_EQ(r.by_section[1].name, "初中");
  EXPECT_EQ(r.by_section[1].rows.size(), 3u);
  // Courses of the year only; the school year's spring counts.
  ASSERT_EQ(r.by_course.size(), 2u);
  EXPECT_EQ(r.by_course[0].name, "县级培训");
  EXPECT_EQ(r.by_course[1].name, "校本研修");
}

TEST(CycleHours, TotalsTheCycleAndListsTeachersBehindBySchool) {
  TrainingTables t;
  t.teachers = {teacher(1, 10, 2, "小学"), teacher(2, 10, 2, "小学"), teacher(3, 12, 3, "初级中学")};
  t.teachers.push_back({4, "工勤", "", "工勤", "", "", 12, 3, "学校12", "初级中学"});
  t.courses = {{1, "2021", "县", Date{2021, 10, 1}, 200},  // before the cycle
               {2, "2022", "县", Date{2022, 10, 1}, 200},
               {3, "2026", "省", Date{2027, 3, 1}, 200}};   // 2026学年: in the cycle
  t.entries = {{1, 1, true, true, true, 200}, {2, 1, true, true, true, 200}, {3, 1, true, true, true, 160},
               {2, 2, true, true, true, 200}, {3, 2, true, false, false, 0},
               {2, 3, true, true, true, 200}, {3, 3, true, true, true, 200}};
  const CycleHours h = cycle_hours(t, 2022, 360);
  EXPECT_EQ(h.cycle_end, 2026);
  EXPECT_EQ(h.teachers[0].total, 360);  // 200 + 160; the 2021 course is outside
  EXPECT_EQ((h.teachers[0].by_year.at(2021)), 200);
  EXPECT_EQ(h.teachers[0].shortfall, 0);
  EXPECT_EQ(h.teachers[1].total, 200);
  EXPECT_EQ(h.teachers[1].shortfall, 160);
  EXPECT_EQ(h.teachers[2].total, 400);
  ASSERT_EQ(h.behind.size(), 1u);  // teacher 2; the 工勤 has no requirement
  EXPECT_EQ(h.behind[0], 1u);
  ASSERT_EQ(h.by_school.size(), 2u);
  EXPECT_EQ(h.by_school[0].teachers, 2);
  EXPECT_EQ(h.by_school[0].behind, 1);
  EXPECT_EQ(h.by_school[1].teachers, 1);
  EXPECT_EQ(h.by_school[1].behind, 0);
  EXPECT_EQ(default_cycle_start(2026), 2022);
}

}  // namespace
}  // namespace edu::analytics::training
