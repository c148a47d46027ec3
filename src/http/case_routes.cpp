// 学籍异动 cases (workflow/case_engine.h): GET /meta/workflows, the
// declarations for the web UI; POST /cases, open one by the workflow's
// opening action; POST /cases/{id}/actions/{action}; GET /cases/{id}, the
// case and its log; GET /cases?box=todo|mine|all, {items, total, overdue};
// GET /cases/schools?q=, the schools a case may name as its other school
// (every school of the county, id and name only: a school admin's own list
// holds their school alone).
// Actions are the only writes to a case.
#include "core/text_field.h"
#include "http/routes.h"
#include "store/school_store.h"
#include "workflow/case_engine.h"

namespace edu {
namespace {

Json workflows_json() {
  Json out = Json::array();
  for (const WorkflowSpec& w : all_workflows()) {
    Json states = Json::array(), actions = Json::array();
    for (const StateSpec& s : w.states)
      states.push_back({{"key", s.key}, {"label", s.key}, {"terminal", s.terminal},
                        {"waits_for", party_name(s.waits_for)}, {"deadline_days", s.deadline_days}});
    for (const ActionSpec& a : w.actions) {
      Json fields = Json::array();
      for (const FieldSpec& f : a.fields)
        fields.push_back({{"key", f.key}, {"label", f.label}, {"type", f.type}, {"required", f.required}});
      actions.push_back({{"key", a.key}, {"label", a.label}, {"from", a.from}, {"to", a.to},
                         {"party", party_name(a.party)}, {"fields", fields}});
    }
    out.push_back({{"kind", w.kind}, {"title", w.title}, {"states", states}, {"actions", actions}});
  }
  return out;
}

// The action's declared fields from the body, typed by their declaration
// (ids as integers, text and dates as text), and the comment.
Result<ActionInput> input_from_json(const Json& body, const ActionSpec& action) {
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

Result<Reply> open_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto kind = body->find("kind");
  if (kind == body->end() || !kind->is_string())
    return Status::Error("validation", "请指明流程类型", "kind");
  const WorkflowSpec* w = find_workflow(kind->get<std::string>());
  if (!w) return Status::Error("validation", "未知的流程类型", "kind");
  auto input = input_from_json(*body, w->opening());
  if (!input.ok()) return input.status();
  auto id = open_case(call.db, call.who(), w->kind, *input, call.today());
  if (!id.ok()) return id.status();
  auto view = visible_case(call.db, call.who(), *id);
  if (!view.ok()) return view.status();
  return Reply(201, Json{{"case", case_json(*view, call.who().user, call.today())}});
}

Result<Reply> action_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto view = visible_case(call.db, call.who(), call.path_id());
  if (!view.ok()) return view.status();
  const WorkflowSpec* w = find_workflow(view->record.kind);
  const std::string key = call.request.matches[2];
  const ActionSpec* action = w ? w->action(key) : nullptr;
  if (!action) return Status::Error("not_found", "没有这个操作");
  auto input = input_from_json(*body, *action);
  if (!input.ok()) return input.status();
  Status s = take_action(call.db, call.who(), view->record.id, key, *input, call.today());
  if (!s.ok()) return s;
  auto after = visible_case(call.db, call.who(), view->record.id);
  if (!after.ok()) return after.status();
  return Reply(Json{{"case", case_json(*after, call.who().user, call.today())}});
}

Result<Reply> case_route(ApiCall& call) {
  auto view = visible_case(call.db, call.who(), call.path_id());
  if (!view.ok()) return view.status();
  auto log = case_log(call.db, view->record.id);
  if (!log.ok()) return log.status();
  const WorkflowSpec* w = find_workflow(view->record.kind);
  Json entries = Json::array();
  for (const CaseLogEntry& e : *log) {
    const ActionSpec* a = w ? w->action(e.action) : nullptr;
    Json fields = Json::parse(e.fields, nullptr, false);
    entries.push_back({{"at", e.at}, {"username", e.username}, {"action", e.action},
                       {"action_label", a ? a->label : e.action}, {"from_state", e.from_state},
                       {"to_state", e.to_state}, {"comment", e.comment},
                       {"fields", fields.is_discarded() ? Json::object() : fields}});
  }
  return Reply(Json{{"case", case_json(*view, call.who().user, call.today())}, {"log", entries}});
}

Result<Reply> list_route(ApiCall& call) {
  std::string box = call.query("box");
  if (box.empty()) box = "todo";
  auto rows = list_box(call.db, call.who(), box, call.today());
  if (!rows.ok()) return rows.status();
  Json items = Json::array();
  int64_t overdue = 0;
  for (const CaseView& v : *rows) {
    items.push_back(case_json(v, call.who().user, call.today()));
    overdue += is_overdue(v.record, call.today());
  }
  return Reply(Json{{"items", items}, {"total", items.size()}, {"overdue", overdue}});
}

Result<Reply> schools_route(ApiCall& call) {
  if (!handles_cases(call.who().user)) return Status::Error("forbidden", "您的角色不办理学籍异动");
  SchoolFilter filter;
  filter.q = call.query("q");
  auto schools = list_schools(call.db, Scope::All(), filter, PageRequest{1, 30}, call.school_year);
  if (!schools.ok()) return schools.status();
  Json items = Json::array();
  for (const SchoolView& v : schools->items) items.push_back({{"id", v.school.id}, {"name", v.school.name}});
  return Reply(Json{{"items", items}, {"total", items.size()}});
}

}  // namespace

void add_case_routes(Router& router) {
  router.get("/meta/workflows", [](ApiCall&) -> Result<Reply> { return Reply(Json{{"workflows", workflows_json()}}); });
  router.get("/cases", list_route);
  router.get("/cases/schools", schools_route);
  router.post("/cases", open_route);
  router.get(R"(/cases/(\d+))", case_route);
  router.post(R"(/cases/(\d+)/actions/([a-z_]+))", action_route);
}

}  // namespace edu
