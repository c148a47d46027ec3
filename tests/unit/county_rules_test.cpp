// The county's rules as declared (workflow/county_rules.h): each once, in the
// three groups in order, its default within its bounds, the defaults the
// domain's own (no number written twice).
#include <gtest/gtest.h>

#include <set>

#include "analytics/exchange_plan.h"
#include "analytics/training.h"
#include "core/title_eligibility.h"
#include "workflow/county_rules.h"

namespace edu {
namespace {

TEST(CountyRules, EachDeclaredOnceByGroupWithinItsBounds) {
  std::set<std::string> keys;
  std::vector<std::string> groups;
  for (const RuleSpec& r : county_rules()) {
    EXPECT_TRUE(keys.insert(r.key).second) << r.key << " declared twice";
    if (groups.empty() || groups.back() != r.group) groups.push_back(r.group);
    EXPECT_FALSE(r.label.empty()) << r.key;
    EXPECT_FALSE(r.page.empty()) << r.key;
    if (r.kind != RuleKind::kNumber) continue;
    EXPECT_FALSE(r.unit.empty()) << r.key;
    if (!r.computed_default.empty()) {
      EXPECT_EQ(r.default_value, "") << r.key;
      continue;
    }
    const int64_t d = std::stoll(r.default_value);
    EXPECT_TRUE(r.min <= d && d <= r.max) << r.key << " " << d;
  }
  EXPECT_EQ(groups, (std::vector<std::string>{"交流轮岗", "职称评聘", "继续教育"}));
  EXPECT_EQ(keys.size(), 14u);  // 6 exchange; 4 levels, rural years and hours; 2 training
  EXPECT_EQ(find_rule("no.such.rule"), nullptr);
}

TEST(CountyRules, DefaultsAreTheDomainsOwn) {
  const analytics::ExchangeRules exchange;
  EXPECT_EQ(find_rule("exchange.min_years")->default_value, std::to_string(exchange.min_years));
  EXPECT_EQ(find_rule("exchange.min_years")->default_value, "6");
  EXPECT_EQ(find_rule("exchange.male_age_limit")->default_value, "55");
  EXPECT_EQ(find_rule("exchange.female_age_limit")->default_value, "50");
  EXPECT_EQ(find_rule("exchange.sending_locations")->default_value, "城区,镇区");
  EXPECT_EQ(find_rule("exchange.quality_schools")->default_value, "");
  EXPECT_EQ(find_rule("exchange.service_years")->default_value, "3");
  EXPECT_EQ(find_rule("title_years_required.高级")->default_value,
            std::to_string(default_title_rules().years_required.at("高级")));
  EXPECT_EQ(find_rule("title_training_hours_required")->default_value, "0");
  EXPECT_EQ(find_rule("training_required_hours")->default_value,
            std::to_string(analytics::training::kDefaultRequiredHours));
  EXPECT_FALSE(find_rule("training_cycle_start_year")->computed_default.empty());
}

}  // namespace
}  // namespace edu
