// The county's rules for 交流轮岗, 职称评聘 and 继续教育, declared once: each
// rule's setting key, Chinese label, unit, kind, bounds, default and the page
// it governs. The readers (workflow/exchange_report.cpp, title_appointment.cpp,
// training_report.cpp) take a rule's value, default and bounds from here;
// workflow/workflow_settings.h lists and changes them for the bureau admin
// (系统管理 → 办理设置), so a rule added here appears there without code.
//
// Contract:
//  - kNumber: a whole number in [min, max], stored as its digits. The
//    default is the domain's own (analytics/exchange_plan.h ExchangeRules,
//    core/title_eligibility.h default_title_rules, analytics/training.h): the
//    number is written once, where the pure code is tested against it. A rule
//    with no fixed default (training_cycle_start_year: the cycle ending with
//    the current school year) has `computed_default` set and its reader gives
//    the value.
//  - kLocations: some of the 城乡类别 (core/enums.h locations()), at least one;
//    kSchoolCodes: codes of schools of the county, possibly none. Both are
//    stored comma-separated, in the order given, without repeats.
//  - A stored value that does not fit its declaration (a hand-edited row) is
//    the error "config", naming the rule and the value: a rule never silently
//    reads as something the bureau did not set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

enum class RuleKind { kNumber, kLocations, kSchoolCodes };
const char* rule_kind_name(RuleKind kind);  // "number", "locations", "school_codes"

struct RuleSpec {
  std::string key;    // exchange.min_years
  std::string label;  // 在同一学校连续任教满
  std::string unit;   // 年; "" for a list
  RuleKind kind = RuleKind::kNumber;
  int64_t min = 0, max = 0;   // kNumber only
  std::string default_value;  // as stored: "6", "城区,镇区", ""
  std::string computed_default;  // when the default depends on the date: what it is, in Chinese; else ""
  std::string group;  // 交流轮岗, 职称评聘, 继续教育
  std::string page;   // the web page it governs: /exchange, /titles, /training
};

// Every rule, grouped by `group` in the order they are shown.
const std::vector<RuleSpec>& county_rules();
// The declaration of `key`; nullptr when there is none.
const RuleSpec* find_rule(const std::string& key);

// The stored value of `key` (a declared rule), or its default when unset; ""
// for an unset rule with a computed default.
Result<std::string> rule_text(Database& db, const std::string& key);
// A kNumber rule's value; `computed` when unset and its default is computed.
Result<int64_t> rule_number(Database& db, const std::string& key, int64_t computed = 0);
// A list rule's items.
Result<std::vector<std::string>> rule_list(Database& db, const std::string& key);

// Whether `value` (as it would be stored) fits the rule: "validation" with a
// Chinese reason naming the rule and the allowed values otherwise; a school
// code is checked against the county's schools.
Status check_rule_value(Database& db, const RuleSpec& rule, const std::string& value);

}  // namespace edu
