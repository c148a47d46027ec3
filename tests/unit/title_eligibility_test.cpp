// Who may apply for a title (core/title_eligibility.h), by hand: the
// defaults 高级 5, 一级 5, 二级 4, 三级 1 years and 1 rural year for 高级.
#include <gtest/gtest.h>

#include "core/title_eligibility.h"

namespace edu {
namespace {

const Date kToday{2026, 11, 29};

TitleCareer career(std::string title, std::optional<Date> since, std::vector<CareerYear> years) {
  return {std::move(title), since, std::move(years)};
}

TEST(TitleEligibility, FiveFullYearsInTheTitleAndARuralYearForSenior) {
  const auto c = career("一级", Date{2021, 9, 1}, {{2024, "一级", "乡村"}, {2025, "一级", "城区"}, {2026, "一级", "城区"}});
  Eligibility e = check_title_eligibility(default_title_rules(), c, "高级", kToday);
  EXPECT_EQ(e.years_in_title, 5);  // 2021-09-01 to 2026-11-29
  EXPECT_EQ(e.rural_years, 1);
  EXPECT_TRUE(e.ok());
}

TEST(TitleEligibility, FourYearsAreNotFive) {
  const auto c = career("一级", Date{2021, 12, 1}, {{2026, "一级", "乡村"}});
  Eligibility e = check_title_eligibility(default_title_rules(), c, "高级", kToday);
  EXPECT_EQ(e.years_in_title, 4);
  ASSERT_EQ(e.unmet.size(), 1u);
  EXPECT_EQ(e.unmet[0], "现任职称(一级)任职年限不足:申报高级须满5年,现为4年");
}

// Without an appointment date: the consecutive school years of the history
// up to the newest (2024–2026 here, 2023 was 二级); no 乡村 school.
TEST(TitleEligibility, HistoryYearsAndNoRuralService) {
  const auto c = career("一级", std::nullopt,
                        {{2026, "一级", "城区"}, {2023, "二级", "镇区"}, {2024, "一级", "城区"}, {2025, "一级", "城区"}});
  Eligibility e = check_title_eligibility(default_title_rules(), c, "高级", kToday);
  EXPECT_EQ(e.years_in_title, 3);
  EXPECT_EQ(e.rural_years, 0);
  ASSERT_EQ(e.unmet.size(), 2u);
  EXPECT_EQ(e.unmet[1], "申报高级须有乡村学校或薄弱学校任教经历满1年,现为0年");
  // The rural rule is 高级's only: 一级 from 二级 needs 5 years in 二级.
  Eligibility one = check_title_eligibility(default_title_rules(), career("二级", Date{2020, 1, 1}, {}), "一级", kToday);
  EXPECT_TRUE(one.ok());
}

// "在乡村学校或薄弱学校任教": a year at a 城区 school marked 薄弱 counts;
// a year at a 乡村 school that is also 薄弱 counts once.
TEST(TitleEligibility, AYearAtAWeakSchoolIsRuralService) {
  const auto c = career("一级", Date{2020, 9, 1},
                        {{2024, "一级", "城区", true}, {2025, "一级", "城区"}, {2026, "一级", "城区"}});
  Eligibility e = check_title_eligibility(default_title_rules(), c, "高级", kToday);
  EXPECT_EQ(e.rural_years, 1);
  EXPECT_TRUE(e.ok());
  TitleRules two = default_title_rules();
  two.rural_years_required = 2;
  const auto both = career("一级", Date{2020, 9, 1}, {{2025, "一级", "乡村", true}, {2026, "一级", "城区", true}});
  EXPECT_EQ(check_title_eligibility(two, both, "高级", kToday).rural_years, 2);
  const auto one = career("一级", Date{2020, 9, 1}, {{2025, "一级", "乡村", true}, {2026, "一级", "镇区"}});
  Eligibility short_of = check_title_eligibility(two, one, "高级", kToday);
  EXPECT_EQ(short_of.rural_years, 1);
  ASSERT_EQ(short_of.unmet.size(), 1u);
  EXPECT_EQ(short_of.unmet[0], "申报高级须有乡村学校或薄弱学校任教经历满2年,现为1年");
}

TEST(TitleEligibility, AGapInTheHistoryEndsTheCount) {
  const auto c = career("一级", std::nullopt, {{2024, "一级", "乡村"}, {2026, "一级", "乡村"}});
  EXPECT_EQ(check_title_eligibility(default_title_rules(), c, "高级", kToday).years_in_title, 1);
  EXPECT_EQ(check_title_eligibility(default_title_rules(), c, "高级", kToday).rural_years, 2);
}

TEST(TitleEligibility, TheLevelMustBeAboveThePresentTitle) {
  Eligibility same = check_title_eligibility(default_title_rules(), career("一级", Date{2010, 1, 1}, {}), "二级", kToday);
  ASSERT_EQ(same.unmet.size(), 1u);
  EXPECT_EQ(same.unmet[0], "申报等级(二级)应高于现任职称(一级)");
  Eligibility odd = check_title_eligibility(default_title_rules(), career("高级", Date{2010, 1, 1}, {}), "正高级", kToday);
  ASSERT_EQ(odd.unmet.size(), 1u);
  EXPECT_EQ(odd.unmet[0], "申报等级应为高级、一级、二级或三级");
}

TEST(TitleEligibility, SettingsChangeTheYears) {
  TitleRules rules = default_title_rules();
  rules.years_required["三级"] = 2;
  const auto c = career("未定级", std::nullopt, {{2026, "未定级", "城区"}});
  EXPECT_TRUE(check_title_eligibility(default_title_rules(), c, "三级", kToday).ok());
  EXPECT_FALSE(check_title_eligibility(rules, c, "三级", kToday).ok());
}

// A county that sets title_training_hours_required: the cycle's 学时 count;
// 0 (the default) makes them no condition.
TEST(TitleEligibility, TrainingHoursWhenTheCountySetsThem) {
  auto c = career("二级", Date{2020, 9, 1}, {{2026, "二级", "乡村"}});
  c.training_hours = 348;
  EXPECT_TRUE(check_title_eligibility(default_title_rules(), c, "一级", kToday).ok());
  TitleRules rules = default_title_rules();
  rules.training_hours_required = 360;
  Eligibility e = check_title_eligibility(rules, c, "一级", kToday);
  ASSERT_EQ(e.unmet.size(), 1u);
  EXPECT_EQ(e.unmet[0], "本周期继续教育学时不足:须满360学时,现为348学时");
  c.training_hours = 360;
  EXPECT_TRUE(check_title_eligibility(rules, c, "一级", kToday).ok());
}

}  // namespace
}  // namespace edu
