// 学籍异动 cases (workflow/case_engine.h): GET /meta/workflows, the
// declarations for the web UI; POST /cases, open one by the workflow's
// opening action; POST /cases/{id}/actions/{action}; GET /cases/{id}, the
// case and its log; GET /cases?box=todo|mine|all, {items, total, overdue};
// GET /cases/schools?q=, the schools a case may name as its other school
// (every school of the county, id and name only: a school admin's own list
// holds their school alone); GET /cases/overdue, the overdue cases per school
// for the bureau and area officers (a count each, listed by GET
// /cases?box=all&overdue=1&school_id=), as `items` and grouped under their
// townships as `townships` (workflow/overdue_townships.h); POST
// /cases/attachments, an evidence file (multipart field "file") for an
// action's "file" field, {id, file_name, size}; GET
// /cases/{id}/attachments/{aid}, one of the case's files
// (workflow/case_attachments.h). A 身份证号 in a case's fields is shown masked.
// Actions are the only writes to a case.
#include <fstream>

#include "core/enums.h"
#include "http/case_json.h"
#include "http/routes.h"
#include "store/school_store.h"
#include "workflow/case_attachments.h"
#include "workflow/case_engine.h"
#include "workflow/overdue_townships.h"

namespace edu {
namespace {

// The declarations, each waiting state with its days as set now.
Result<Json> workflows_json(Database& db) {
  Json out = Json::array();
  for (const WorkflowSpec& w : all_workflows()) {
    Json states = Json::array(), actions = Json::array();
    for (const StateSpec& s : w.states) {
      auto days = state_deadline_days(db, w, s);
      if (!days.ok()) return days.status();
      const bool waits = !s.terminal && s.waits_for != Party::kNone;
      states.push_back({{"key", s.key}, {"label", s.key}, {"terminal", s.terminal},
                        {"waits_for", party_name(s.waits_for)}, {"deadline_days", waits ? *days : 0},
                        {"deadline_setting", waits ? deadline_setting(w, s) : ""}, {"expires_to", s.expires_to}});
    }
    for (const ActionSpec& a : w.actions) {
      Json fields = Json::array();
      for (const FieldSpec& f : a.fields)
        fields.push_back({{"key", f.key}, {"label", f.label}, {"type", f.type}, {"required", f.required},
                          {"options", f.type == "province" ? provinces().values : f.options}});
      actions.push_back({{"key", a.key}, {"label", a.label}, {"from", a.from}, {"to", a.to},
                         {"party", party_name(a.party)}, {"fields", fields}});
    }
    out.push_back({{"kind", w.kind}, {"title", w.title}, {"school_label", w.school_label},
                   {"target_label", w.target_label}, {"subject", w.subject}, {"grade_step", w.grade_step},
                   {"states", states}, {"actions", actions}});
  }
  return out;
}

Result<Reply> open_route(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto kind = body->find("kind");
  if (kind == body->end() || !kind->is_string())
    return Status::Error("validation", "请指明流程类型", "kind");
  const WorkflowSpec* w = find_workflow(kind->get<std::string>());
  if (!w) return Status::Error("validation", "未知的流程类型", "kind");
  std::string opening;
  auto action = body->find("action");
  if (action != body->end() && !action->is_null()) {
    if (!action->is_string()) return Status::Error("bad_request", "“申请方式”应为文本", "action");
    opening = action->get<std::string>();
  }
  const ActionSpec* spec = w->opening(opening);
  if (!spec) return Status::Error("validation", w->title + "没有这种申请方式", "action");
  auto input = input_from_json(*body, *spec);
  if (!input.ok()) return input.status();
  auto id = open_case(call.db, call.who(), w->kind, spec->key, *input, call.today());
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
  auto files = attachments_of_cases(call.db, {view->record.id});
  if (!files.ok()) return files.status();
  return Reply(Json{{"case", case_json(*view, call.who().user, call.today())},
                    {"log", case_log_json(view->record.kind, *log, *files)}});
}

// The file of multipart field "file"; none is refused by name, after the role.
Result<Reply> upload_route(ApiCall& call) {
  httplib::MultipartFormData file;
  if (call.request.has_file("file")) file = call.request.get_file_value("file");
  auto a = upload_case_attachment(call.db, call.who(), file.filename, file.content);
  if (!a.ok()) return a.status();
  return Reply(201, Json{{"id", a->id}, {"file_name", a->file_name}, {"size", a->size},
                         {"content_type", a->content_type}});
}

Result<Reply> download_route(ApiCall& call) {
  auto found = case_attachment_for(call.db, call.who(), call.path_id(1), call.path_id(2));
  if (!found.ok()) return found.status();
  auto reply = file_reply(found->attachment.file_name, [&](const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    out.write(found->bytes.data(), static_cast<std::streamsize>(found->bytes.size()));
    return out.good() ? Status::Ok() : Status::Error("internal", "无法写出附件");
  });
  if (reply.ok()) reply->file->content_type = found->attachment.content_type;
  return reply;
}

Result<Reply> list_route(ApiCall& call) {
  BoxQuery q;
  q.box = call.query("box");
  if (q.box.empty()) q.box = "todo";
  auto school = call.query_int("school_id");
  if (!school.ok()) return school.status();
  q.school_id = *school;
  q.overdue_only = call.query("overdue") == "1";
  auto rows = list_box(call.db, call.who(), q, call.today());
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

Result<Reply> overdue_route(ApiCall& call) {
  auto townships = overdue_by_township(call.db, call.who(), call.today());
  if (!townships.ok()) return townships.status();
  Json items = Json::array(), by_township = Json::array();
  int64_t total = 0;
  for (const OverdueTownship& t : *townships) {
    Json schools = Json::array();
    for (const OverdueCount& o : t.schools) {
      Json school = {{"school_id", o.school_id}, {"school_name", o.school_name}, {"overdue", o.overdue},
                     {"township_id", t.township_id}, {"township_name", t.township_name}};
      items.push_back(school);
      schools.push_back(std::move(school));
    }
    by_township.push_back({{"township_id", t.township_id}, {"township_name", t.township_name},
                           {"overdue", t.overdue}, {"schools", schools}});
    total += t.overdue;
  }
  return Reply(Json{{"items", items}, {"townships", by_township}, {"total", total}});
}

}  // namespace

void add_case_routes(Router& router) {
  router.get("/meta/workflows", [](ApiCall& call) -> Result<Reply> {
    auto workflows = workflows_json(call.db);
    if (!workflows.ok()) return workflows.status();
    return Reply(Json{{"workflows", *workflows}});
  });
  router.get("/cases", list_route);
  router.get("/cases/schools", schools_route);
  router.get("/cases/overdue", overdue_route);
  router.post("/cases", open_route);
  router.get(R"(/cases/(\d+))", case_route);
  router.post(R"(/cases/(\d+)/actions/([a-z_]+))", action_route);
  router.post("/cases/attachments", upload_route);
  router.get(R"(/cases/(\d+)/attachments/(\d+))", download_route);
}

}  // namespace edu
