// A hand-built city (邵阳市 → 隆回县 → 桃洪镇 → 桃洪一学区; 洞口县 → 城关镇):
// statistics give a row per 区/县 and count a 学区's school in its township;
// the 差异系数 is each county's own, computed by hand below.
#include <gtest/gtest.h>

#include <cmath>

#include "analytics/balance_model.h"
#include "analytics/statistics.h"
#include "analytics_fixture.h"

namespace edu::analytics {
namespace {

using testing::TinyCounty;

// Four 小学 of one 一年级 class each: A (100 students, 桃洪镇), B (300, 桃洪一学区)
// in 隆回县; C and D (200 each, 城关镇) in 洞口县.
struct City {
  TinyCounty t;
  int64_t a, b, c, d;
  City() {
    t.r.areas = {{1, std::nullopt, "430500", "邵阳市", "市"},  {2, 1, "430524", "隆回县", "县"},
                 {3, 1, "430525", "洞口县", "县"},             {4, 2, "430524100", "桃洪镇", "乡镇"},
                 {5, 3, "430525100", "城关镇", "乡镇"},        {6, 4, "43052410001", "桃洪一学区", "学区"}};
    a = t.school("小学");
    b = t.school("小学");
    c = t.school("小学");
    d = t.school("小学");
    const int64_t area[] = {4, 6, 5, 5};
    const int students[] = {100, 300, 200, 200};
    const double teaching[] = {500, 900, 800, 1200};  // m²: 5, 3, 4, 6 per student
    for (int i = 0; i < 4; ++i) {
      t.r.schools[i].area_id = area[i];
      t.students(t.r.schools[i].id, 1, students[i]);
      t.conditions(t.r.schools[i].id, teaching[i], 10 * students[i], 3000.0 * students[i], 3);
    }
  }
};

const StatGroup* find(const Statistics& s, const std::string& level, const std::string& name) {
  for (const auto& g : s.groups)
    if (g.level == level && g.name == name && g.section == "合计") return &g;
  return nullptr;
}

TEST(City, StatisticsRollUpThroughCountyAndTownship) {
  City city;
  Snapshot s = city.t.snapshot();
  EXPECT_EQ(s.schools[1].township_name, "桃洪镇");
  EXPECT_EQ(s.schools[1].county_name, "隆回县");
  Statistics st = compute_statistics(s, TinyCounty::kYear, std::vector<bool>(4, true), "邵阳市", {});
  ASSERT_TRUE(find(st, "全域", "邵阳市"));
  EXPECT_EQ(*find(st, "全域", "邵阳市")->values.at("students").now.value, 800);
  const StatGroup* longhui = find(st, "区县", "隆回县");
  ASSERT_TRUE(longhui);
  EXPECT_EQ(longhui->area_id, 2);
  EXPECT_EQ(*longhui->values.at("students").now.value, 400);
  EXPECT_EQ(*find(st, "区县", "洞口县")->values.at("students").now.value, 400);
  EXPECT_EQ(*find(st, "乡镇", "桃洪镇")->values.at("students").now.value, 400);  // with its 学区's school
  EXPECT_EQ(find(st, "乡镇", "桃洪镇")->county, "隆回县");
  EXPECT_EQ(longhui->county, "");
  EXPECT_EQ(*find(st, "乡镇", "城关镇")->values.at("students").now.value, 400);
  EXPECT_FALSE(find(st, "乡镇", "桃洪一学区"));
}

TEST(City, TheCoefficientIsEachCountysOwn) {
  City city;
  Snapshot s = city.t.snapshot();
  const BalanceStandard& standard = quality_standard_2017();
  int teaching = -1;
  for (size_t i = 0; i < standard.indicators.size(); ++i)
    if (standard.indicators[i].key == "teaching_area") teaching = static_cast<int>(i);
  ASSERT_GE(teaching, 0);
  // 隆回县: X = 5 (P 100), 3 (P 300): mean 3.5, variance (100·1.5² + 300·0.5²)/400 = 0.75.
  BalanceModel longhui(s, TinyCounty::kYear, standard, {}, 2);
  EXPECT_EQ(longhui.units().size(), 2u);
  EXPECT_NEAR(*longhui.cv(Section::kPrimary, teaching).cv.cv, std::sqrt(0.75) / 3.5, 1e-9);
  // 洞口县: X = 4, 6 (P 200 each): mean 5, S 1.
  BalanceModel dongkou(s, TinyCounty::kYear, standard, {}, 3);
  EXPECT_NEAR(*dongkou.cv(Section::kPrimary, teaching).cv.cv, 0.2, 1e-9);
  EXPECT_TRUE(dongkou.excluded().empty());  // 隆回县's schools are not 洞口县's exclusions
}

}  // namespace
}  // namespace edu::analytics
