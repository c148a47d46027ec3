#include "workflow/workflow_settings.h"

#include "store/area_store.h"
#include "workflow/case_engine.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

constexpr int kMinDays = 1, kMaxDays = 365;

Status forbidden() { return Status::Error("forbidden", "只有教育局管理员可以查看和修改办理设置"); }

// One audited write (系统设置); an unchanged value writes nothing.
Status save(Database& db, const Actor& actor, const std::string& key, const std::string& old_value,
            const std::string& new_value) {
  if (new_value == old_value) return Status::Ok();
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  Status s = set_setting(db, key, new_value);
  if (s.ok()) s = audit(db, &actor, "update", Entity::kSetting, 0, {{key, old_value, new_value}});
  if (s.ok()) s = tx.commit();
  return s;
}

// A rule's change, checked against its declaration.
Status change_rule(Database& db, const Actor& actor, const RuleSpec& rule, const SettingChange& change) {
  std::string value;
  if (rule.kind == RuleKind::kNumber) {
    if (!change.number) return Status::Error("validation", "“" + rule.label + "”须为整数(" + rule.unit + ")", "value");
    value = std::to_string(*change.number);
  } else {
    if (!change.items) return Status::Error("validation", "“" + rule.label + "”须为一组选项", "value");
    for (const std::string& item : *change.items) {
      if (item.empty() || item.find(',') != std::string::npos)
        return Status::Error("validation", "“" + rule.label + "”的每一项须非空且不含逗号", "value");
      value += (&item == &change.items->front() ? "" : ",") + item;
    }
  }
  if (Status s = check_rule_value(db, rule, value); !s.ok()) return s;
  auto old_value = rule_text(db, rule.key);
  if (!old_value.ok()) return old_value.status();
  return save(db, actor, rule.key, *old_value, value);
}

}  // namespace

Result<std::vector<WorkflowSettings>> workflow_settings(Database& db, const Actor& actor) {
  if (!allowed(actor.user, Action::kRead, Entity::kSetting)) return forbidden();
  std::vector<WorkflowSettings> out;
  for (const WorkflowSpec& w : all_workflows()) {
    WorkflowSettings ws{w.kind, w.title, {}, {}};
    for (const StateSpec& s : w.states) {
      if (s.terminal || s.waits_for == Party::kNone || s.deadline_days <= 0) continue;
      auto days = state_deadline_days(db, w, s);
      if (!days.ok()) return days.status();
      ws.deadlines.push_back({deadline_setting(w, s), s.key, party_name(s.waits_for), s.deadline_days, *days});
    }
    for (const ActionSpec& a : w.actions) {
      if (a.bypass_setting.empty()) continue;
      bool listed = false;
      for (const SwitchSetting& s : ws.switches) listed = listed || s.setting == a.bypass_setting;
      if (listed) continue;
      auto value = get_setting(db, a.bypass_setting, "1");
      if (!value.ok()) return value.status();
      ws.switches.push_back({a.bypass_setting, w.title + "需教育局审批", *value != "0"});
    }
    if (!ws.deadlines.empty() || !ws.switches.empty()) out.push_back(std::move(ws));
  }
  return out;
}

Result<std::vector<RuleGroup>> rule_settings(Database& db, const Actor& actor) {
  if (!allowed(actor.user, Action::kRead, Entity::kSetting)) return forbidden();
  std::vector<RuleGroup> out;
  for (const RuleSpec& r : county_rules()) {
    auto value = rule_text(db, r.key);
    if (!value.ok()) return value.status();
    if (out.empty() || out.back().title != r.group) out.push_back({r.group, r.page, {}});
    out.back().rules.push_back({&r, *value});
  }
  return out;
}

Status change_workflow_setting(Database& db, const Actor& actor, const SettingChange& change) {
  if (!allowed(actor.user, Action::kUpdate, Entity::kSetting)) return forbidden();
  if (const RuleSpec* rule = find_rule(change.setting)) return change_rule(db, actor, *rule, change);
  auto all = workflow_settings(db, actor);
  if (!all.ok()) return all.status();
  std::string old_value, new_value;
  for (const WorkflowSettings& w : *all) {
    for (const DeadlineSetting& d : w.deadlines) {
      if (d.setting != change.setting) continue;
      if (!change.days || *change.days < kMinDays || *change.days > kMaxDays)
        return Status::Error("validation",
                             "“" + w.title + " · " + d.state + "”的办理时限须为" + std::to_string(kMinDays) + "到" +
                                 std::to_string(kMaxDays) + "之间的整数天数",
                             "days");
      old_value = std::to_string(d.days);
      new_value = std::to_string(*change.days);
    }
    for (const SwitchSetting& s : w.switches) {
      if (s.setting != change.setting) continue;
      if (!change.on) return Status::Error("validation", "“" + s.label + "”须为是或否", "on");
      old_value = s.on ? "1" : "0";
      new_value = *change.on ? "1" : "0";
    }
  }
  if (new_value.empty()) return Status::Error("not_found", "没有名为“" + change.setting + "”的办理设置", "setting");
  return save(db, actor, change.setting, old_value, new_value);
}

}  // namespace edu
