// 未达标原因 by hand: which indicators of a school section fall below the 2017
// standard, by how much, in the indicator's unit, rounded so that a shortfall
// never reads as none.
#include <gtest/gtest.h>

#include "analytics/balance_shortfall.h"

namespace edu::analytics {
namespace {

// A 小学 row of the 2017 standard with the seven values given; marks as the model sets them.
BalanceRow primary_row(std::vector<double> values) {
  BalanceRow r;
  const BalanceStandard& s = quality_standard_2017();
  for (size_t i = 0; i < values.size(); ++i) {
    BalanceCell c;
    c.value = values[i];
    const double standard = s.indicators[i].standard[0];
    c.mark = values[i] >= standard ? Mark::kMet
             : values[i] >= standard * kNearShare ? Mark::kNear
                                                  : Mark::kShort;
    r.cells.push_back(c);
  }
  return r;
}

TEST(Shortfall, NamesEachIndicatorBelowItsStandard) {
  // The unit test county's school B (analytics_balance_test): 4.0 above (standard 4.2),
  // 0 backbone (1.0), 1.0 PE/art (met), 4.0 m² (4.5), 8.0 m² (met), 2000 元 (met), 2.0 rooms (2.3).
  std::vector<Shortfall> s = shortfalls(quality_standard_2017(), primary_row({4.0, 0, 1.0, 4.0, 8.0, 2000, 2.0}));
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].indicator, 0);
  EXPECT_NEAR(s[0].gap, 0.2, 1e-12);
  EXPECT_NEAR(s[0].share, 4.0 / 4.2, 1e-12);
  EXPECT_EQ(s[0].text, "每百名学生拥有高于规定学历教师数 4.00 人,差 0.20 人(标准 4.2 人,达标准的95%)");
  EXPECT_EQ(s[1].text, "每百名学生拥有县级及以上骨干教师数 0.00 人,差 1.00 人(标准 1 人,达标准的0%)");
  EXPECT_EQ(s[2].indicator, 3);
  EXPECT_EQ(s[2].standard, 4.5);
  EXPECT_EQ(s[2].text, "生均教学及辅助用房面积 4.00 m²,差 0.50 m²(标准 4.5 m²,达标准的88%)");
  EXPECT_EQ(s[3].indicator, 6);
  EXPECT_EQ(s[3].text, "每百名学生拥有网络多媒体教室数 2.00 间,差 0.30 间(标准 2.3 间,达标准的86%)");
}

TEST(Shortfall, RoundsSoThatAShortfallNeverReadsAsNone) {
  // 4.496 m² of 4.5: 4.49, short by 0.004 → 0.01, 99.9% → 99%; 1999.5 元 of 2000 (no decimals).
  std::vector<Shortfall> s = shortfalls(quality_standard_2017(), primary_row({5, 2, 2, 4.496, 8, 1999.5, 3}));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "生均教学及辅助用房面积 4.49 m²,差 0.01 m²(标准 4.5 m²,达标准的99%)");
  EXPECT_EQ(s[1].text, "生均教学仪器设备值 1999 元,差 1 元(标准 2000 元,达标准的99%)");
  // 初中's standards: 3.2 m² of 5.8 is 55%.
  BalanceRow junior = primary_row({6, 2, 2, 3.2, 11, 2600, 3});
  junior.section = Section::kJunior;
  junior.cells[3].mark = Mark::kShort;
  s = shortfalls(quality_standard_2017(), junior);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].text, "生均教学及辅助用房面积 3.20 m²,差 2.60 m²(标准 5.8 m²,达标准的55%)");
}

TEST(Shortfall, NoneWhenMetUnknownOrWithoutSchoolStandards) {
  EXPECT_TRUE(shortfalls(quality_standard_2017(), primary_row({4.5, 1, 0.9, 4.5, 7.5, 2000, 2.3})).empty());
  // A year without teacher data: the teacher cells have no value and no mark.
  BalanceRow past = primary_row({0, 0, 0, 4.0, 8, 2000, 3});
  for (int i = 0; i < 3; ++i) past.cells[i] = BalanceCell{};
  ASSERT_EQ(shortfalls(quality_standard_2017(), past).size(), 1u);
  // 2012: no per-school standards, no marks.
  BalanceRow old;
  old.cells.resize(basic_standard_2012().indicators.size());
  for (BalanceCell& c : old.cells) c.value = 0.1;
  EXPECT_TRUE(shortfalls(basic_standard_2012(), old).empty());
}

}  // namespace
}  // namespace edu::analytics
