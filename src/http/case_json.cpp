#include "http/case_json.h"

#include "core/id_number.h"
#include "core/text_field.h"
#include "workflow/case_engine.h"

namespace edu {

using Json = nlohmann::json;

namespace {

// A case's fields as shown: the 身份证号 a request named, masked.
Json shown_fields(const std::string& text) {
  Json fields = Json::parse(text, nullptr, false);
  if (fields.is_discarded() || !fields.is_object()) return Json::object();
  if (fields.contains("id_number") && fields["id_number"].is_string())
    fields["id_number"] = mask_id_number(fields["id_number"].get<std::string>());
  return fields;
}

// A 县外转入's student is in the register only once approved: until then, the name its fields give.
std::string student_name(const CaseView& v) {
  if (!v.student_name.empty()) return v.student_name;
  Json fields = Json::parse(v.record.fields, nullptr, false);
  return fields.is_object() && fields.contains("name") && fields["name"].is_string() ? fields["name"].get<std::string>()
                                                                                     : "";
}

}  // namespace

Json case_json(const CaseView& v, const User& user, const Date& today) {
  const CaseRecord& c = v.record;
  const WorkflowSpec* w = find_workflow(c.kind);
  const StateSpec* state = w ? w->state(c.state) : nullptr;
  return {{"id", c.id},
          {"kind", c.kind},
          {"title", w ? w->title : c.kind},
          {"student_id", c.student_id},
          {"student_name", student_name(v)},
          {"teacher_id", c.teacher_id},
          {"teacher_name", v.teacher_name},
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
          {"fields", shown_fields(c.fields)},
          {"actions", actions_for(user, c)}};
}

Json case_log_json(const std::string& kind, const std::vector<CaseLogEntry>& log,
                   const std::map<int64_t, CaseAttachment>& attachments) {
  const WorkflowSpec* w = find_workflow(kind);
  Json entries = Json::array();
  for (const CaseLogEntry& e : log) {
    const ActionSpec* a = w ? w->action(e.action) : nullptr;
    const Json fields = shown_fields(e.fields);
    Json files = Json::array();
    for (const FieldSpec& f : a ? a->fields : std::vector<FieldSpec>{}) {
      if (f.type != "file" || !fields.contains(f.key) || !fields[f.key].is_string()) continue;
      auto it = attachments.find(std::stoll(fields[f.key].get<std::string>()));
      if (it == attachments.end()) continue;
      const CaseAttachment& x = it->second;
      files.push_back({{"key", f.key}, {"label", f.label}, {"id", x.id}, {"file_name", x.file_name},
                       {"content_type", x.content_type}, {"size", x.size}});
    }
    entries.push_back({{"at", e.at}, {"username", e.username}, {"action", e.action},
                       {"action_label", a ? a->label : e.action == kExpireAction ? kExpireLabel : e.action},
                       {"from_state", e.from_state}, {"to_state", e.to_state}, {"comment", e.comment},
                       {"fields", fields}, {"attachments", files}});
  }
  return entries;
}

Result<ActionInput> input_from_json(const nlohmann::json& body, const ActionSpec& action) {
  ActionInput input;
  for (const FieldSpec& f : action.fields) {
    auto it = body.find(f.key);
    if (it == body.end() || it->is_null()) continue;
    if (f.names_record()) {
      if (!it->is_number_integer() || it->get<int64_t>() <= 0)
        return Status::Error("bad_request", "“" + f.label + "”应为记录编号", f.key);
      input.fields[f.key] = std::to_string(it->get<int64_t>());
    } else {
      if (!it->is_string()) return Status::Error("bad_request", "“" + f.label + "”应为文本", f.key);
      auto text = clean_text(it->get<std::string>(), f.key, f.label);
      if (!text.ok()) return text.status();
      if (!text->empty()) input.fields[f.key] = *text;
    }
  }
  auto comment = body.find("comment");
  if (comment != body.end() && !comment->is_null()) {
    if (!comment->is_string()) return Status::Error("bad_request", "“办理意见”应为文本", "comment");
    auto text = clean_text(comment->get<std::string>(), "reason", "办理意见");
    if (!text.ok()) return text.status();
    input.comment = *text;
  }
  return input;
}

}  // namespace edu
