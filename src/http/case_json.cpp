#include "http/case_json.h"

#include "workflow/case_engine.h"

namespace edu {

using Json = nlohmann::json;

Json case_json(const CaseView& v, const User& user, const Date& today) {
  const CaseRecord& c = v.record;
  const WorkflowSpec* w = find_workflow(c.kind);
  const StateSpec* state = w ? w->state(c.state) : nullptr;
  Json fields = Json::parse(c.fields, nullptr, false);
  return {{"id", c.id},
          {"kind", c.kind},
          {"title", w ? w->title : c.kind},
          {"student_id", c.student_id},
          {"student_name", v.student_name},
          {"state", c.state},
          {"waits_for", state ? party_name(state->waits_for) : ""},
          {"school_id", c.school_id},
          {"school_name", v.school_name},
          {"target_school_id", c.target_school_id},
          {"target_school_name", v.target_school_name},
          {"due_on", c.due_on},
          {"overdue", is_overdue(c, today)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at},
          {"fields", fields.is_discarded() ? Json::object() : fields},
          {"actions", actions_for(user, c)}};
}

Json case_log_json(const std::string& kind, const std::vector<CaseLogEntry>& log) {
  const WorkflowSpec* w = find_workflow(kind);
  Json entries = Json::array();
  for (const CaseLogEntry& e : log) {
    const ActionSpec* a = w ? w->action(e.action) : nullptr;
    Json fields = Json::parse(e.fields, nullptr, false);
    entries.push_back({{"at", e.at}, {"username", e.username}, {"action", e.action},
                       {"action_label", a ? a->label : e.action}, {"from_state", e.from_state},
                       {"to_state", e.to_state}, {"comment", e.comment},
                       {"fields", fields.is_discarded() ? Json::object() : fields}});
  }
  return entries;
}

}  // namespace edu
