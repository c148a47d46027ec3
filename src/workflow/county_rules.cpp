#include "workflow/county_rules.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "analytics/exchange_plan.h"
#include "analytics/training.h"
#include "core/enums.h"
#include "core/title_eligibility.h"
#include "store/area_store.h"
#include "store/school_store.h"

namespace edu {
namespace {

constexpr size_t kMaxItems = 1000;
const std::string kExchange = "交流轮岗", kTitle = "职称评聘", kTraining = "继续教育";

RuleSpec number(std::string key, std::string label, std::string unit, int64_t min, int64_t max, int64_t fallback,
                const std::string& group, std::string page) {
  return {std::move(key), std::move(label), std::move(unit), RuleKind::kNumber, min, max,
          std::to_string(fallback), "", group, std::move(page)};
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<RuleSpec> declare() {
  const analytics::ExchangeRules exchange;
  const TitleRules title = default_title_rules();
  std::vector<RuleSpec> rules = {
      number("exchange.min_years", "在同一学校连续任教满", "年", 1, 30, exchange.min_years, kExchange, "/exchange"),
      number("exchange.male_age_limit", "男教师年龄低于", "岁", 30, 65, exchange.male_age_limit, kExchange,
             "/exchange"),
      number("exchange.female_age_limit", "女教师年龄低于", "岁", 30, 65, exchange.female_age_limit, kExchange,
             "/exchange"),
      {"exchange.sending_locations", "须派出教师的学校(城乡类别)", "", RuleKind::kLocations, 0, 0,
       joined(exchange.sending_locations), "", kExchange, "/exchange"},
      {"exchange.quality_schools", "须派出教师的优质学校(学校代码)", "", RuleKind::kSchoolCodes, 0, 0,
       joined(exchange.quality_school_codes), "", kExchange, "/exchange"},
      number("exchange.service_years", "交流服务年限(默认)", "年", 1, 6, exchange.service_years, kExchange,
             "/exchange")};
  for (const std::string& level : post_levels())
    rules.push_back(number("title_years_required." + level, "申报" + level + "须任现职满", "年", 0, 30,
                           title.years_required.at(level), kTitle, "/titles"));
  rules.push_back(number("title_rural_years_required", "申报高级须乡村学校任教满", "年", 0, 30,
                         title.rural_years_required, kTitle, "/titles"));
  rules.push_back(number("title_training_hours_required", "申报须本周期继续教育学时达到(0为不作要求)", "学时", 0,
                         10000, title.training_hours_required, kTitle, "/titles"));
  rules.push_back(number("training_required_hours", "每周期(5年)须完成继续教育学时", "学时", 1, 10000,
                         analytics::training::kDefaultRequiredHours, kTraining, "/training"));
  RuleSpec start = number("training_cycle_start_year", "本周期起始学年", "年", 2000, 2100, 0, kTraining, "/training");
  start.default_value = "";
  start.computed_default = "以当前学年为最后一年的五年周期";
  rules.push_back(std::move(start));
  return rules;
}

Status config(const RuleSpec& rule, const std::string& value) {
  return Status::Error("config", "系统设置“" + rule.label + "”(" + rule.key + ")的值“" + value + "”不合要求,请在系统管理中重新设置");
}

}  // namespace

const char* rule_kind_name(RuleKind kind) {
  switch (kind) {
    case RuleKind::kNumber: return "number";
    case RuleKind::kLocations: return "locations";
    case RuleKind::kSchoolCodes: return "school_codes";
  }
  return "";
}

const std::vector<RuleSpec>& county_rules() {
  static const std::vector<RuleSpec> rules = declare();
  return rules;
}

const RuleSpec* find_rule(const std::string& key) {
  for (const RuleSpec& r : county_rules())
    if (r.key == key) return &r;
  return nullptr;
}

Result<std::string> rule_text(Database& db, const std::string& key) {
  const RuleSpec* rule = find_rule(key);
  if (!rule) return Status::Error("internal", "未声明的规则“" + key + "”");
  return get_setting(db, key, rule->default_value);
}

Result<int64_t> rule_number(Database& db, const std::string& key, int64_t computed) {
  auto text = rule_text(db, key);
  if (!text.ok()) return text.status();
  const RuleSpec& rule = *find_rule(key);
  if (text->empty() && !rule.computed_default.empty()) return computed;
  int64_t n = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (error != std::errc() || end != text->data() + text->size() || n < rule.min || n > rule.max)
    return config(rule, *text);
  return n;
}

Result<std::vector<std::string>> rule_list(Database& db, const std::string& key) {
  auto text = rule_text(db, key);
  if (!text.ok()) return text.status();
  return split(*text);
}

Status check_rule_value(Database& db, const RuleSpec& rule, const std::string& value) {
  const auto invalid = [&](const std::string& why) {
    return Status::Error("validation", "“" + rule.label + "”" + why, "value");
  };
  if (rule.kind == RuleKind::kNumber) {
    int64_t n = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (value.empty() || error != std::errc() || end != value.data() + value.size() || n < rule.min || n > rule.max)
      return invalid("须为" + std::to_string(rule.min) + "到" + std::to_string(rule.max) + "之间的整数(" +
                     rule.unit + ")");
    return Status::Ok();
  }
  const std::vector<std::string> items = split(value);
  if (items.size() > kMaxItems) return invalid("最多" + std::to_string(kMaxItems) + "项");
  if (joined(items) != value) return invalid("中不能有空项");
  for (size_t i = 0; i < items.size(); ++i)
    if (std::find(items.begin(), items.begin() + i, items[i]) != items.begin() + i)
      return invalid("中“" + items[i] + "”重复");
  if (rule.kind == RuleKind::kLocations) {
    if (items.empty()) return invalid("至少选择一种城乡类别");
    const auto& known = locations().values;
    for (const std::string& item : items)
      if (std::find(known.begin(), known.end(), item) == known.end())
        return invalid("中的“" + item + "”不是城乡类别(应为" + joined(known) + "之一)");
    return Status::Ok();
  }
  for (const std::string& code : items) {
    auto school = find_school_by_code(db, code);
    if (!school.ok()) return school.status();
    if (!*school) return invalid("中的学校代码“" + code + "”不是本县的学校,请核对学校代码");
  }
  return Status::Ok();
}

}  // namespace edu
