// 交流轮岗's plan (analytics/exchange_plan.h) on hand-built staff: who is
// eligible and why, and the quotas computed by hand.
#include <gtest/gtest.h>

#include "analytics/exchange_plan.h"

namespace edu::analytics {
namespace {

School school(int64_t id, const std::string& location, const std::string& code = "") {
  School s;
  s.id = id;
  s.name = "学校" + std::to_string(id);
  s.location = location;
  s.code = code.empty() ? std::to_string(4300000000 + id) : code;
  return s;
}

// A 在编 专任教师 hired on 1 September 2010 at `school`, born in `born`, 无 骨干.
Teacher teacher(int64_t id, int64_t school_id, const std::string& gender = "男", int born = 1980) {
  Teacher t;
  t.id = id;
  t.name = "教师" + std::to_string(id);
  t.gender = gender;
  t.birth_date = Date{born, 3, 1};
  t.school_id = school_id;
  t.post = "专任教师";
  t.backbone = "无";
  t.on_staff = true;
  t.hired_on = Date{2010, 9, 1};
  return t;
}

ExchangeMove move(int64_t teacher_id, int64_t from, int64_t to) {
  return ExchangeMove{teacher_id, teacher_id, from, to, "待教育局审批", "2026-09-01", false};
}

TEST(ExchangePlan, QuotasRoundUp) {
  EXPECT_EQ(quota(0, 23, 10).need, 3);  // ⌈2.3⌉
  EXPECT_FALSE(quota(2, 23, 10).met);
  EXPECT_TRUE(quota(3, 23, 10).met);
  EXPECT_EQ(quota(0, 3, 20).need, 1);  // ⌈0.6⌉
  EXPECT_EQ(quota(0, 0, 20).need, 0);
  EXPECT_TRUE(quota(0, 0, 20).met);
  EXPECT_EQ(quota(0, 20, 10).need, 2);  // exactly 2
}

// 23 eligible at an urban school; 3 of them move, none 骨干: the move quota
// (3 of ⌈2.3⌉ = 3) is met, the 骨干 quota (0 of ⌈0.6⌉ = 1) is short.
TEST(ExchangePlan, TwentyThreeEligibleThreeMovingNoBackbone) {
  Registers staff;
  staff.schools = {school(1, "城区"), school(2, "乡村")};
  for (int64_t i = 1; i <= 23; ++i) staff.teachers.push_back(teacher(i, 1));
  for (int64_t i = 24; i <= 30; ++i) staff.teachers.push_back(teacher(i, 2));  // a rural school: not sending
  // Teacher 1's move is approved: they are at the rural school now, still counted where they left.
  staff.teachers[0].school_id = 2;
  staff.teacher_years = {{1, 2025, 1}, {1, 2026, 2}};
  std::vector<ExchangeMove> moves = {move(1, 1, 2), move(2, 1, 2), move(3, 1, 2)};
  moves[0].approved = true;
  const ExchangePlan plan = plan_exchange(staff, moves, {}, 2026);
  ASSERT_EQ(plan.schools.size(), 1u);
  const SchoolExchangePlan& p = plan.schools[0];
  EXPECT_EQ(p.why_sending, "城区学校");
  EXPECT_EQ(p.eligible.size(), 23u);
  ASSERT_TRUE(p.moving && p.backbone);
  EXPECT_EQ(p.moving->numerator, 3);
  EXPECT_EQ(p.moving->denominator, 23);
  EXPECT_EQ(p.moving->need, 3);
  EXPECT_TRUE(p.moving->met);
  EXPECT_EQ(p.backbone->numerator, 0);
  EXPECT_EQ(p.backbone->denominator, 3);
  EXPECT_EQ(p.backbone->need, 1);
  EXPECT_FALSE(p.backbone->met);
  // Hired 1 September 2010: school years 2010 … 2026 are 17; born 1 March 1980: 46 on 1 September 2026.
  EXPECT_EQ(p.eligible[0].years_at_school, 17);
  EXPECT_EQ(p.eligible[0].age, 46);
  EXPECT_EQ(p.eligible[0].why, "在本校任教17年(≥6年),46岁(男<55岁)");
  EXPECT_TRUE(p.eligible[0].moving);
  EXPECT_FALSE(p.eligible[3].moving);
}

// Age limits by gender (on 1 September), years at the school from the
// staff's history, 在编 专任教师 only, 优质 schools by code.
// Receiving schools: every 乡村 school and every school marked 薄弱, with why
// and the year's moves into each; a 城区 school not marked is none.
TEST(ExchangePlan, ReceivingSchoolsAreRuralOrWeak) {
  Registers staff;
  staff.schools = {school(1, "城区"), school(2, "乡村"), school(3, "城区"), school(4, "乡村")};
  staff.schools[2].weak = true;
  staff.schools[3].weak = true;
  for (int64_t i = 1; i <= 3; ++i) staff.teachers.push_back(teacher(i, 1));
  const ExchangePlan plan = plan_exchange(staff, {move(1, 1, 2), move(2, 1, 3), move(3, 1, 3)}, {}, 2026);
  ASSERT_EQ(plan.receiving.size(), 3u);
  EXPECT_EQ(plan.receiving[0].school_id, 2);
  EXPECT_EQ(plan.receiving[0].why, "乡村学校");
  EXPECT_EQ(plan.receiving[0].moves_in, 1);
  EXPECT_EQ(plan.receiving[1].school_id, 3);
  EXPECT_EQ(plan.receiving[1].why, "薄弱学校");
  EXPECT_EQ(plan.receiving[1].moves_in, 2);
  EXPECT_EQ(plan.receiving[2].school_id, 4);
  EXPECT_EQ(plan.receiving[2].why, "乡村学校、薄弱学校");
  EXPECT_EQ(plan.receiving[2].moves_in, 0);
}

TEST(ExchangePlan, EligibilityRules) {
  Registers staff;
  staff.schools = {school(1, "乡村", "4300000001")};
  staff.teachers = {teacher(1, 1, "男", 1971),   // 55 on 1 Sep 2026: too old
                    teacher(2, 1, "男", 1972),   // 54
                    teacher(3, 1, "女", 1976),   // 50: too old
                    teacher(4, 1, "女", 1977),   // 49
                    teacher(5, 1),               // moved here in 2025 (history): 2 years
                    teacher(6, 1),               // 教辅
                    teacher(7, 1)};              // 不在编
  staff.teachers[5].post = "教辅";
  staff.teachers[6].on_staff = false;
  // The register's history begins in 2024; teacher 5 was elsewhere then.
  staff.teacher_years = {{5, 2024, 9}, {5, 2025, 1}, {5, 2026, 1}, {2, 2024, 1}, {2, 2025, 1}, {2, 2026, 1}};
  ExchangeRules rules;
  EXPECT_TRUE(plan_exchange(staff, {}, rules, 2026).schools.empty()) << "a rural school need not send";
  rules.quality_school_codes = {"4300000001"};
  const ExchangePlan plan = plan_exchange(staff, {}, rules, 2026);
  ASSERT_EQ(plan.schools.size(), 1u);
  EXPECT_EQ(plan.schools[0].why_sending, "优质学校");
  std::vector<int64_t> ids;
  for (const EligibleTeacher& e : plan.schools[0].eligible) ids.push_back(e.teacher_id);
  EXPECT_EQ(ids, (std::vector<int64_t>{2, 4}));
  // 0 moving of 2 eligible: ⌈0.2⌉ = 1 needed, short.
  EXPECT_EQ(plan.schools[0].moving->need, 1);
  EXPECT_FALSE(plan.schools[0].moving->met);
}

// Only eligible movers count. An urban school with 12 teachers: 10 eligible
// (ids 1–10; 骨干 2 and 3), teacher 11 hired in 2024 (3 years < 6), teacher
// 12 a man of 56 (≥ 55). Five moves: 2 and 3 (骨干, eligible), 11 and 12 (骨干
// too, not eligible: 不计入) and 1. Counted: 1, 2, 3 — 3 of ⌈10 × 10%⌉ = 1,
// met; 骨干 2 of the 3 counted (not of 5), need ⌈3 × 20%⌉ = 1, met. Were the
// ineligible counted, it would read 5 moving and 4 骨干.
TEST(ExchangePlan, IneligibleMoversDoNotCount) {
  Registers staff;
  staff.schools = {school(1, "城区"), school(2, "乡村")};
  for (int64_t i = 1; i <= 12; ++i) staff.teachers.push_back(teacher(i, 1));
  staff.teachers[10].hired_on = Date{2024, 9, 1};
  staff.teachers[11].birth_date = Date{1970, 3, 1};
  for (int i : {1, 2, 10, 11}) staff.teachers[i].backbone = "县级";
  const std::vector<ExchangeMove> moves = {move(2, 1, 2), move(3, 1, 2), move(11, 1, 2), move(12, 1, 2),
                                           move(1, 1, 2)};
  const ExchangePlan plan = plan_exchange(staff, moves, {}, 2026);
  ASSERT_EQ(plan.schools.size(), 1u);
  const SchoolExchangePlan& p = plan.schools[0];
  EXPECT_EQ(p.eligible.size(), 10u);
  ASSERT_EQ(p.moves.size(), 5u);
  std::vector<int64_t> apart;
  for (const ExchangeMove& m : p.moves)
    if (!m.counts) apart.push_back(m.teacher_id);
  EXPECT_EQ(apart, (std::vector<int64_t>{11, 12}));
  EXPECT_EQ(p.counted_moving, 3);
  EXPECT_EQ(p.moving->numerator, 3);
  EXPECT_EQ(p.moving->denominator, 10);
  EXPECT_EQ(p.moving->need, 1);
  EXPECT_EQ(p.backbone_moving, 2);
  EXPECT_EQ(p.backbone->numerator, 2);
  EXPECT_EQ(p.backbone->denominator, 3);
  EXPECT_EQ(p.backbone->need, 1);
  EXPECT_TRUE(p.backbone->met);
}

// A school with no eligible teacher and one ineligible mover: 0 of 0 needed
// is met, and the 骨干 quota has no movers to count (0 of 0).
TEST(ExchangePlan, OnlyIneligibleMoverCountsNothing) {
  Registers staff;
  staff.schools = {school(1, "镇区"), school(2, "乡村")};
  staff.teachers = {teacher(1, 1, "女", 1970)};  // 56: past 50
  staff.teachers[0].backbone = "市级";
  const ExchangePlan plan = plan_exchange(staff, {move(1, 1, 2)}, {}, 2026);
  ASSERT_EQ(plan.schools.size(), 1u);
  const SchoolExchangePlan& p = plan.schools[0];
  ASSERT_EQ(p.moves.size(), 1u);
  EXPECT_FALSE(p.moves[0].counts);
  EXPECT_EQ(p.moving->numerator, 0);
  EXPECT_EQ(p.moving->denominator, 0);
  EXPECT_EQ(p.backbone->numerator, 0);
  EXPECT_EQ(p.backbone->denominator, 0);
}

}  // namespace
}  // namespace edu::analytics
