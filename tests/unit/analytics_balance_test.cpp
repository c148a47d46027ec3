// Balanced development on a hand-made county: the seven indicators per school
// section, met / 85% / short, the verdict, exclusions with reasons, the
// county's 差异系数, a 九年一贯制 school split in two, the 2012 standard.
#include <cmath>

#include <gtest/gtest.h>

#include "analytics/balance_model.h"
#include "analytics_fixture.h"

namespace edu::analytics {
namespace {

using testing::TinyCounty;

// A: 200 pupils, every indicator met. B: 100 pupils, some near, one short.
// C: 教学点 of 30 pupils, D: a 小学 with no pupils, E: 特殊教育学校 — all excluded.
struct County : TinyCounty {
  int64_t a, b, c, d, e;
  County() {
    a = school("小学", "城区");
    students(a, 1, 120);
    students(a, 2, 80);
    teachers(a, 5, "专科");            // 专科 counts as above the requirement for 小学
    teachers(a, 2, "本科", "数学", "县级");
    teachers(a, 1, "本科", "体育");
    teachers(a, 1, "专科", "音乐");
    teachers(a, 1, "高中及以下");      // not above: 9 of 10 are
    conditions(a, 1000, 1600, 420000, 5);
    b = school("小学");
    students(b, 1, 100);
    teachers(b, 4, "本科");
    teachers(b, 1, "高中及以下", "美术");
    teachers(b, 1, "高中及以下");
    conditions(b, 400, 800, 200000, 2);
    c = school("教学点");
    students(c, 1, 30);
    conditions(c, 200, 300, 60000, 1);
    d = school("小学");
    conditions(d, 100, 100, 1000, 1);
    e = school("特殊教育学校");
  }
};

TEST(Balance, CellsVerdictsAndCvByHand) {
  County county;
  Snapshot s = county.snapshot();
  BalanceModel m(s, TinyCounty::kYear, quality_standard_2017());
  ASSERT_EQ(m.units().size(), 2u);
  BalanceRow a = m.row(m.unit_of(s.school_index(county.a), Section::kPrimary));
  // 9 above ×100/200 = 4.5 ≥ 4.2; 2 backbone → 1.0; 2 PE/art → 1.0; 1000/200 = 5.0;
  // 1600/200 = 8.0; 420000/200 = 2100; 5×100/200 = 2.5
  std::vector<double> expected_a = {4.5, 1.0, 1.0, 5.0, 8.0, 2100, 2.5};
  for (size_t i = 0; i < expected_a.size(); ++i) {
    EXPECT_NEAR(*a.cells[i].value, expected_a[i], 1e-9) << i;
    EXPECT_EQ(a.cells[i].mark, Mark::kMet) << i;
  }
  EXPECT_EQ(a.cells[0].numerator, 9);
  EXPECT_EQ(a.cells[0].denominator, 200);
  EXPECT_EQ(a.met, 7);
  EXPECT_EQ(a.complies, true);

  BalanceRow b = m.row(m.unit_of(s.school_index(county.b), Section::kPrimary));
  // 4.0 (≥ 85% of 4.2 = 3.57: near), 0 backbone (short), 1.0 PE/art (met), 4.0 m² (near: 3.825),
  // 8.0 (met), 2000 (met, exactly the standard), 2.0 rooms (near: 1.955)
  std::vector<Mark> marks = {Mark::kNear, Mark::kShort, Mark::kMet, Mark::kNear,
                             Mark::kMet,  Mark::kMet,   Mark::kNear};
  for (size_t i = 0; i < marks.size(); ++i) EXPECT_EQ(b.cells[i].mark, marks[i]) << i;
  EXPECT_EQ(b.met, 3);
  EXPECT_EQ(b.near, 3);
  EXPECT_EQ(b.short_of, 1);
  EXPECT_EQ(b.complies, false);

  // Indicator 1: values 4.5 (P 200) and 4.0 (P 100): X̄ = 4.3333, S = 0.23570, CV = 0.054393.
  BalanceSummary sum = m.summary(Section::kPrimary);
  EXPECT_NEAR(*sum.cvs[0].cv.cv, 0.0543928293, 1e-9);
  EXPECT_NEAR(sum.cvs[0].cv.mean, 13.0 / 3, 1e-12);
  // Indicator 4: 5.0 and 4.0: X̄ = 4.6667, CV = 0.101015.
  EXPECT_NEAR(*sum.cvs[3].cv.cv, 0.1010152545, 1e-9);
  EXPECT_EQ(sum.cvs[0].limit, 0.50);
  EXPECT_EQ(sum.cvs[0].within, true);
  EXPECT_EQ(sum.units, 2);
  EXPECT_EQ(sum.complying, 1);
  EXPECT_FALSE(m.summary(Section::kJunior).cvs[0].cv.cv);  // no 初中 at all
}

TEST(Balance, ExclusionsAreListedWithReasons) {
  County county;
  Snapshot s = county.snapshot();
  BalanceModel m(s, TinyCounty::kYear, quality_standard_2017());
  std::map<int64_t, std::string> reasons;
  for (const Exclusion& x : m.excluded()) reasons[s.schools[x.school].id] = x.reason;
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_NE(reasons[county.c].find("不足50人(30人)"), std::string::npos) << reasons[county.c];
  EXPECT_EQ(reasons[county.d], "该学段无在校生");
  EXPECT_NE(reasons[county.e].find("特殊教育学校"), std::string::npos);
}

// The students a unit counts (and weights its 差异系数 by) are its 在校生, as
// 统计指标 counts them: 60 在读, not the 2 休学, 3 转出 and 1 辍学 of the year.
TEST(Balance, CountsInSchoolStudentsOnly) {
  TinyCounty county;
  int64_t a = county.school("小学");
  county.students(a, 3, 60);
  county.students(a, 3, 2, TinyCounty::kYear, "休学", 101);
  county.students(a, 3, 3, TinyCounty::kYear, "转出", 201);
  county.students(a, 3, 1, TinyCounty::kYear, "辍学", 301);
  county.teachers(a, 4);
  county.conditions(a, 300, 500, 100000, 2);
  Snapshot s = county.snapshot();
  BalanceModel m(s, TinyCounty::kYear, quality_standard_2017());
  ASSERT_EQ(m.units().size(), 1u);
  EXPECT_EQ(m.units()[0].students, 60);
}

TEST(Balance, SingleSchoolHasZeroCv) {
  TinyCounty county;
  int64_t a = county.school("小学");
  county.students(a, 3, 60);
  county.teachers(a, 4);
  county.teachers(a, 1, "本科", "体育", "县级");  // every indicator has a non-zero mean
  county.conditions(a, 300, 500, 100000, 2);
  Snapshot s = county.snapshot();
  BalanceModel m(s, TinyCounty::kYear, quality_standard_2017());
  for (const IndicatorCv& c : m.summary(Section::kPrimary).cvs) {
    ASSERT_TRUE(c.cv.cv);
    EXPECT_EQ(*c.cv.cv, 0.0);
  }
}

TEST(Balance, NineYearSchoolSplitsIntoTwoSectionsSharingConditions) {
  TinyCounty county;
  int64_t a = county.school("九年一贯制学校");
  county.students(a, 1, 300);
  county.students(a, 7, 100);
  county.teachers(a, 10, "专科", "语文");      // default section: 小学
  county.teachers(a, 4, "本科", "物理");       // default section: 初中
  county.teachers(a, 2, "专科", "数学", "无", "初中");  // recorded section wins
  county.conditions(a, 2000, 4000, 1000000, 10);
  Snapshot s = county.snapshot();
  BalanceModel m(s, TinyCounty::kYear, quality_standard_2017());
  BalanceRow primary = m.row(m.unit_of(0, Section::kPrimary));
  BalanceRow junior = m.row(m.unit_of(0, Section::kJunior));
  EXPECT_EQ(primary.students, 300);
  EXPECT_EQ(junior.students, 100);
  EXPECT_EQ(primary.teachers, 10);
  EXPECT_EQ(junior.teachers, 6);
  EXPECT_NEAR(*primary.cells[0].value, 10 * 100.0 / 300, 1e-9);
  EXPECT_NEAR(*junior.cells[0].value, 4 * 100.0 / 100, 1e-9);  // 专科 is not above for 初中
  // Space is shared by students: 2000 m² / 400 pupils = 5.0 in both sections.
  EXPECT_NEAR(*primary.cells[3].value, 5.0, 1e-9);
  EXPECT_NEAR(*junior.cells[3].value, 5.0, 1e-9);
  EXPECT_NEAR(primary.cells[3].numerator, 1500, 1e-9);
}

TEST(Balance, PrimaryAboveRequirementIsASetting) {
  County county;
  Snapshot s = county.snapshot();
  BalanceSettings bachelor;
  bachelor.primary_above_needs_bachelor = true;
  BalanceModel m(s, TinyCounty::kYear, quality_standard_2017(), bachelor);
  BalanceRow a = m.row(m.unit_of(s.school_index(county.a), Section::kPrimary));
  EXPECT_NEAR(*a.cells[0].value, 3 * 100.0 / 200, 1e-9);  // only the 3 本科
  EXPECT_EQ(a.cells[0].mark, Mark::kShort);
  EXPECT_NE(bachelor.description().find("本科及以上"), std::string::npos);
}

TEST(Balance, PastYearHasNoTeacherIndicatorsAndOldStandardHasNoVerdict) {
  County county;
  int64_t a = county.a;
  county.students(a, 1, 150, 2025);
  county.conditions(a, 900, 1500, 400000, 4, 2025);
  Snapshot s = county.snapshot();
  BalanceModel past(s, 2025, quality_standard_2017());
  ASSERT_EQ(past.units().size(), 1u);
  BalanceRow row = past.row(0);
  EXPECT_FALSE(row.cells[0].value);
  EXPECT_TRUE(row.cells[3].value);
  EXPECT_FALSE(row.complies);
  EXPECT_FALSE(past.summary(Section::kPrimary).cvs[0].available);
  BalanceModel old(s, TinyCounty::kYear, basic_standard_2012());
  EXPECT_EQ(old.standard().indicators.size(), 8u);
  EXPECT_FALSE(old.row(0).complies);
  EXPECT_EQ(old.summary(Section::kPrimary).cvs[0].limit, 0.65);
}

// A past year reads that year's staff (the TeacherYear rows), not today's
// register; rows of the current year are the register's business and ignored.
TEST(Balance, PastYearReadsThatYearsTeachers) {
  TinyCounty county;
  int64_t a = county.school("小学"), b = county.school("小学");
  county.students(a, 3, 200, 2025);
  county.students(b, 3, 100, 2025);
  county.conditions(a, 1000, 1600, 420000, 5, 2025);
  county.conditions(b, 500, 800, 210000, 3, 2025);
  county.teachers_in(2025, a, 8);
  county.teachers_in(2025, a, 2, "本科", "县级");
  county.teachers_in(2025, b, 3, "专科");
  county.teachers_in(2026, b, 50, "本科", "省级");  // ignored: 2026 is the register's
  county.teachers(a, 1);                              // today's staff: not in 2025
  Snapshot s = county.snapshot();
  BalanceModel m(s, 2025, quality_standard_2017());
  ASSERT_TRUE(m.teachers_known());
  BalanceRow ra = m.row(m.unit_of(s.school_index(a), Section::kPrimary));
  BalanceRow rb = m.row(m.unit_of(s.school_index(b), Section::kPrimary));
  EXPECT_EQ(ra.teachers, 10);
  EXPECT_EQ(rb.teachers, 3);
  // 高于规定学历 (专科 and above for 小学): A 10×100/200 = 5, B 3×100/100 = 3.
  EXPECT_NEAR(*ra.cells[0].value, 5.0, 1e-9);
  EXPECT_NEAR(*rb.cells[0].value, 3.0, 1e-9);
  // Weighted by 200 and 100: mean 13/3, sd sqrt((200·4/9 + 100·16/9)/300) = 2√2/3,
  // so CV = 2√2/13; 骨干 A 1.0, B 0: mean 2/3, sd √2/3, CV = 1/√2.
  const std::vector<IndicatorCv>& cvs = m.summary(Section::kPrimary).cvs;
  for (int i = 0; i < 7; ++i) EXPECT_TRUE(cvs[i].available) << i;
  EXPECT_NEAR(*cvs[0].cv.cv, 2 * std::sqrt(2.0) / 13, 1e-12);
  EXPECT_NEAR(*cvs[1].cv.cv, 1 / std::sqrt(2.0), 1e-12);
  EXPECT_NE(s.no_teachers_note().find("2025–2026"), std::string::npos);
}

}  // namespace
}  // namespace edu::analytics
