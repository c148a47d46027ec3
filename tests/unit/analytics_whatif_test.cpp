// What-if and planner: a drafted change recomputed incrementally equals a
// full recompute over the changed registers; the planner finds the moves on
// a tiny county and says when it cannot.
#include <gtest/gtest.h>

#include "analytics/planner.h"
#include "analytics_fixture.h"
#include "demo/generator.h"

namespace edu::analytics {
namespace {

using testing::TinyCounty;

const Registers& demo() {
  static const Registers county = [] {
    demo::DemoSettings settings;
    settings.scale = 0.1;
    return demo::generate_county(settings);
  }();
  return county;
}

void expect_same(const BalanceModel& a, const BalanceModel& b) {
  ASSERT_EQ(a.units().size(), b.units().size());
  for (Section section : {Section::kPrimary, Section::kJunior}) {
    BalanceSummary x = a.summary(section), y = b.summary(section);
    EXPECT_EQ(x.complying, y.complying);
    for (size_t i = 0; i < x.cvs.size(); ++i) {
      ASSERT_EQ(x.cvs[i].cv.cv.has_value(), y.cvs[i].cv.cv.has_value());
      if (x.cvs[i].cv.cv) {
        EXPECT_NEAR(*x.cvs[i].cv.cv, *y.cvs[i].cv.cv, 1e-9) << i;
      }
    }
  }
  for (size_t u = 0; u < a.units().size(); ++u) {
    BalanceRow x = a.row(static_cast<int>(u)), y = b.row(static_cast<int>(u));
    EXPECT_EQ(x.complies, y.complies);
    for (size_t i = 0; i < x.cells.size(); ++i)
      if (x.cells[i].value) {
        EXPECT_NEAR(*x.cells[i].value, *y.cells[i].value, 1e-9);
      }
  }
}

TEST(WhatIf, EqualsAFullRecomputeOfTheChangedRegisters) {
  Registers registers = demo();
  Snapshot s = build_snapshot(registers, 2026);
  BalanceModel today(s, 2026, quality_standard_2017());
  // The largest and the smallest included 小学, and a 九年一贯制 school.
  int big = -1, small = -1, nine = -1;
  for (size_t u = 0; u < today.units().size(); ++u) {
    const BalanceUnit& x = today.units()[u];
    if (x.section == Section::kPrimary) {
      if (big < 0 || x.students > today.units()[big].students) big = static_cast<int>(u);
      if (small < 0 || x.students < today.units()[small].students) small = static_cast<int>(u);
    }
    if (s.schools[x.school].kind == "九年一贯制学校") nine = x.school;
  }
  ASSERT_GE(nine, 0);
  Draft draft;
  draft.moves.push_back({s.schools[today.units()[big].school].id,
                         s.schools[today.units()[small].school].id, "小学", 2, "", ""});
  draft.additions.push_back({s.schools[nine].id, 300, 500, 200000, 2});
  auto w = apply_draft(today, draft);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w->moved.size(), 2u);
  EXPECT_EQ(w->touched_units.size(), 4u);  // two 小学 and the two sections of the 九年一贯制

  for (const MovedTeacher& m : w->moved)
    registers.teachers[m.teacher].school_id = s.schools[today.units()[small].school].id;
  for (Conditions& c : registers.conditions)
    if (c.school_id == s.schools[nine].id && c.school_year == 2026) {
      c.teaching_area += 300, c.sports_area += 500, c.equipment_value += 200000;
      c.multimedia_rooms += 2;
    }
  Snapshot changed = build_snapshot(registers, 2026);
  expect_same(w->after, BalanceModel(changed, 2026, quality_standard_2017()));
}

TEST(WhatIf, RefusesWhatTheSchoolDoesNotHave) {
  Snapshot s = build_snapshot(demo(), 2026);
  BalanceModel today(s, 2026, quality_standard_2017());
  const BalanceUnit& u = today.units().front();
  const BalanceUnit& v = today.units()[1];
  Draft draft;
  draft.moves.push_back({s.schools[u.school].id, s.schools[v.school].id, section_name(u.section),
                         1000, "", ""});
  auto w = apply_draft(today, draft);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("不足1000人"), std::string::npos) << w.status().message();
  draft.moves[0] = {999999, s.schools[v.school].id, "小学", 1, "", ""};
  EXPECT_NE(apply_draft(today, draft).status().message().find("不存在"), std::string::npos);
}

// Three 小学 of 100 pupils; PE/art teachers per hundred 4, 0, 1 (CV 1.02 > 0.50).
struct PlannerCounty : TinyCounty {
  int64_t a, b, c;
  explicit PlannerCounty(int teachers_at_a) {
    a = school("小学");
    b = school("小学");
    c = school("小学");
    for (int64_t x : {a, b, c}) {
      students(x, 3, 100);
      conditions(x, 500, 800, 210000, 3);
      teachers(x, 1, "本科", "语文", "县级");
    }
    teachers(a, 4, "本科", "体育");
    teachers(a, teachers_at_a - 5, "本科", "数学");
    teachers(b, 5, "本科", "数学");
    teachers(c, 1, "本科", "音乐");
    teachers(c, 4, "本科", "数学");
  }
};

TEST(Planner, MovesTwoPeTeachersOnATinyCounty) {
  PlannerCounty county(12);
  Snapshot s = county.snapshot();
  BalanceModel today(s, TinyCounty::kYear, quality_standard_2017());
  EXPECT_NEAR(*today.cv(Section::kPrimary, 2).cv.cv, 1.0198039027, 1e-9);
  auto plan = plan_teacher_moves(today, Section::kPrimary);
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->reached);
  // 4,0,1 → 3,1,1 (CV 0.566) → 2,1,2 (CV 0.283): two moves, both 体育 teachers out of A.
  ASSERT_EQ(plan->moves.size(), 2u);
  for (const MovedTeacher& m : plan->moves) {
    EXPECT_EQ(s.schools[today.units()[m.from_unit].school].id, county.a);
    EXPECT_EQ(subjects().values[s.teachers.subject[m.teacher]], "体育");
  }
  EXPECT_NEAR(*plan->after.cv(Section::kPrimary, 2).cv.cv, 0.2828427125, 1e-9);
}

TEST(Planner, SaysSoWhenTheStaffingNormForbidsMoves) {
  PlannerCounty county(6);  // A has 6 teachers for 100 pupils: the norm needs ceil(100/19) = 6
  Snapshot s = county.snapshot();
  BalanceModel today(s, TinyCounty::kYear, quality_standard_2017());
  auto plan = plan_teacher_moves(today, Section::kPrimary);
  ASSERT_TRUE(plan.ok());
  EXPECT_FALSE(plan->reached);
  EXPECT_TRUE(plan->moves.empty());
  EXPECT_NE(plan->notes.front().find("无法"), std::string::npos) << plan->notes.front();
}

// The plan aims at the county's 差异系数 and says so, with the schools failing at
// school level. By hand: every school meets the four conditions indicators
// (5.0 m², 8.0 m², 2100 元, 3 rooms per 100), 学历 and 骨干; on 体育艺术 per 100
// pupils A has 4, B 0 (under 85% of 0.9: B fails), C 1. After the two moves
// (2, 1, 2) all three comply.
TEST(Planner, SaysWhatItPlansForAndTheSchoolsStillFailing) {
  PlannerCounty county(12);
  Snapshot s = county.snapshot();
  BalanceModel today(s, TinyCounty::kYear, quality_standard_2017());
  auto plan = plan_teacher_moves(today, Section::kPrimary);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->schools, 3);
  ASSERT_TRUE(plan->failing_before && plan->failing_after);
  EXPECT_EQ(*plan->failing_before, 1);
  EXPECT_EQ(*plan->failing_after, 0);
  const std::string& last = plan->notes.back();
  EXPECT_NE(last.find("调动后全部 3 所小学均达到校级标准"), std::string::npos) << last;
  EXPECT_NE(last.find("只以县域差异系数"), std::string::npos) << last;
  EXPECT_NE(last.find("不以每所学校达标为目标"), std::string::npos) << last;
}

TEST(Planner, ReportsConditionsItCannotFix) {
  PlannerCounty county(12);
  county.r.conditions[0].sports_area = 8000;  // A: 80 m² per pupil, B and C 8
  Snapshot s = county.snapshot();
  BalanceModel today(s, TinyCounty::kYear, quality_standard_2017());
  auto plan = plan_teacher_moves(today, Section::kPrimary);
  ASSERT_TRUE(plan.ok());
  bool said = false;
  for (const auto& note : plan->notes) said |= note.find("生均体育运动场馆面积") != std::string::npos;
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace edu::analytics
