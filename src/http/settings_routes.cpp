// 办理设置 (workflow/workflow_settings.h): GET /settings/workflows, every
// workflow's deadlines and switches as set now, and the county's rules
// (交流轮岗, 职称评聘, 继续教育) by group; PUT /settings/workflows
// {setting, days | on | value}, one setting changed (a rule's value: a whole
// number, or a list of texts), answered with the whole list again. The
// bureau admin's alone.
#include <algorithm>

#include "core/enums.h"
#include "http/routes.h"
#include "workflow/workflow_settings.h"

namespace edu {
namespace {

Result<Reply> list_reply(ApiCall& call) {
  auto all = workflow_settings(call.db, call.who());
  if (!all.ok()) return all.status();
  Json items = Json::array();
  for (const WorkflowSettings& w : *all) {
    Json deadlines = Json::array(), switches = Json::array();
    for (const DeadlineSetting& d : w.deadlines)
      deadlines.push_back({{"setting", d.setting}, {"state", d.state}, {"waits_for", d.waits_for},
                           {"default_days", d.default_days}, {"days", d.days}});
    for (const SwitchSetting& s : w.switches)
      switches.push_back({{"setting", s.setting}, {"label", s.label}, {"on", s.on}});
    items.push_back({{"kind", w.kind}, {"title", w.title}, {"deadlines", deadlines}, {"switches", switches}});
  }
  auto groups = rule_settings(call.db, call.who());
  if (!groups.ok()) return groups.status();
  Json rules = Json::array();
  for (const RuleGroup& g : *groups) {
    Json list = Json::array();
    for (const RuleSetting& r : g.rules) {
      const RuleSpec& spec = *r.rule;
      Json rule = {{"setting", spec.key},        {"label", spec.label},
                   {"unit", spec.unit},          {"kind", rule_kind_name(spec.kind)},
                   {"default", spec.default_value}, {"computed_default", spec.computed_default},
                   {"value", r.value}};
      if (spec.kind == RuleKind::kNumber) rule.update({{"min", spec.min}, {"max", spec.max}});
      if (spec.kind == RuleKind::kLocations) rule["options"] = locations().values;
      list.push_back(std::move(rule));
    }
    rules.push_back({{"title", g.title}, {"page", g.page}, {"rules", list}});
  }
  return Reply(Json{{"items", items}, {"rules", rules}});
}

Result<Reply> change_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  SettingChange change;
  auto setting = body->find("setting");
  if (setting == body->end() || !setting->is_string() || setting->get<std::string>().size() > 200)
    return Status::Error("validation", "请指明要修改的设置", "setting");
  change.setting = setting->get<std::string>();
  if (auto days = body->find("days"); days != body->end() && !days->is_null()) {
    if (!days->is_number_integer()) return Status::Error("validation", "办理时限须为整数天数", "days");
    change.days = days->get<int64_t>();
  }
  if (auto on = body->find("on"); on != body->end() && !on->is_null()) {
    if (!on->is_boolean()) return Status::Error("validation", "开关须为是或否", "on");
    change.on = on->get<bool>();
  }
  if (auto value = body->find("value"); value != body->end() && !value->is_null()) {
    if (value->is_number_integer()) {
      change.number = value->get<int64_t>();
    } else if (value->is_array() && std::all_of(value->begin(), value->end(), [](const Json& x) { return x.is_string(); })) {
      change.items = value->get<std::vector<std::string>>();
    } else {
      return Status::Error("validation", "规则的值须为整数或文字列表", "value");
    }
  }
  if (Status s = change_workflow_setting(call.db, call.who(), change); !s.ok()) return s;
  return list_reply(call);
}

}  // namespace

void add_settings_routes(Router& router) {
  router.get("/settings/workflows", list_reply);
  router.put("/settings/workflows", change_route);
}

}  // namespace edu
