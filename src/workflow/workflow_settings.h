// The workflows' settings the bureau edits (系统管理 → 办理设置): each waiting
// state's deadline in days (workflow_spec.h deadline_setting,
// "case_deadline_days.<kind>.<state>", the declared number when unset) and
// each "<kind>_needs_bureau" switch an action bypasses by (on when unset: the
// bureau approves). Listed from the declarations (all_workflows), so a new
// workflow's settings appear without code here. A state whose due date is
// always set by the action entering it (劝返中: the next visit's date) has no
// days to set and is not listed. Beside them, the county's rules for 交流轮岗,
// 职称评聘 and 继续教育 (workflow/county_rules.h), grouped as declared, each
// with its value as stored ("" when unset and its default is computed).
//
// Contract: only the bureau admin reads or changes them ("forbidden"); a key
// not listed is "not_found"; days are whole numbers 1–365, a switch true or
// false, a rule's value what its declaration allows (check_rule_value)
// ("validation", a Chinese reason). A change is one audited
// transaction (entity "setting", the key and its old and new value) and
// applies to the cases that enter the state (or take the action) afterwards;
// a case already waiting keeps its due date. An unchanged value writes
// nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "workflow/county_rules.h"

namespace edu {

struct DeadlineSetting {
  std::string setting;  // case_deadline_days.transfer.待转入校确认
  std::string state;    // 待转入校确认
  std::string waits_for;  // the party (workflow_spec.h party_name)
  int default_days = 0;
  int days = 0;  // as set now
};

struct SwitchSetting {
  std::string setting;  // transfer_needs_bureau
  std::string label;    // 县内转学需教育局审批
  bool on = true;       // as set now
};

struct WorkflowSettings {
  std::string kind, title;
  std::vector<DeadlineSetting> deadlines;
  std::vector<SwitchSetting> switches;
};

Result<std::vector<WorkflowSettings>> workflow_settings(Database& db, const Actor& actor);

struct RuleSetting {
  const RuleSpec* rule = nullptr;
  std::string value;  // as stored, or the declared default
};
struct RuleGroup {
  std::string title;  // 交流轮岗 …
  std::string page;   // /exchange …
  std::vector<RuleSetting> rules;
};
Result<std::vector<RuleGroup>> rule_settings(Database& db, const Actor& actor);

// A setting's new value: `days` for a deadline, `on` for a switch, `number`
// for a number rule, `items` for a list rule (none holding a comma); the
// others ignored.
struct SettingChange {
  std::string setting;
  std::optional<int64_t> days;
  std::optional<bool> on;
  std::optional<int64_t> number;
  std::optional<std::vector<std::string>> items;
};
Status change_workflow_setting(Database& db, const Actor& actor, const SettingChange& change);

}  // namespace edu
