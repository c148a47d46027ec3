#include "core/date.h"
#include "http/json_input.h"
#include "http/json_views.h"
#include "http/routes.h"
#include "workflow/user_commands.h"

namespace edu {
namespace {

Status forbidden() { return Status::Error("forbidden", "您的角色无权执行此操作"); }

Result<Reply> list_users_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kUser)) return forbidden();
  auto users = list_users(call.db);
  if (!users.ok()) return users.status();
  Json items = Json::array();
  for (const User& u : *users) {
    auto name = scope_name(call.db, u);
    items.push_back(user_json(u, name.ok() ? *name : "(账号配置不完整)"));
  }
  return Reply(Json{{"items", items}, {"total", items.size()}});
}

Result<Reply> create_user_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kCreate, Entity::kUser)) return forbidden();
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  NewUser u;
  u.username = in.text("username");
  u.display_name = in.text("display_name");
  u.password = in.secret("password");
  u.role = in.text("role");
  u.area_id = in.optional_integer("area_id");
  u.school_id = in.optional_integer("school_id");
  u.teacher_id = in.optional_integer("teacher_id");
  if (!in.status().ok()) return in.status();
  auto created = create_user(call.db, &call.who(), u);
  if (!created.ok()) return created.status();
  auto name = scope_name(call.db, *created);
  if (!name.ok()) return name.status();
  return Reply(201, Json{{"user", user_json(*created, *name)}});
}

// PUT /users/{id} {display_name, role, area_id, school_id, teacher_id, active}
Result<Reply> update_user_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kUpdate, Entity::kUser)) return forbidden();
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  UserChange c;
  c.display_name = in.text("display_name");
  c.role = in.text("role");
  c.area_id = in.optional_integer("area_id");
  c.school_id = in.optional_integer("school_id");
  c.teacher_id = in.optional_integer("teacher_id");
  c.active = in.boolean("active");
  if (!in.status().ok()) return in.status();
  auto updated = update_user(call.db, call.who(), call.path_id(), c);
  if (!updated.ok()) return updated.status();
  auto name = scope_name(call.db, *updated);
  if (!name.ok()) return name.status();
  return Reply(Json{{"user", user_json(*updated, *name)}});
}

// POST /users/{id}/password {password}: 重置密码 by the bureau; the user is logged out everywhere.
Result<Reply> reset_password_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kUpdate, Entity::kUser)) return forbidden();
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  const std::string password = in.secret("password");
  if (!in.status().ok()) return in.status();
  auto user = get_user(call.db, call.path_id());
  if (!user.ok()) return user.status();
  if (!*user) return Status::Error("not_found", "用户不存在");
  Status s = change_password(call.db, &call.who(), (*user)->username, password);
  if (!s.ok()) return s;
  return Reply(Json{{"ok", true}});
}

Result<Reply> audit_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kAudit)) return forbidden();
  auto page = call.page();
  if (!page.ok()) return page.status();
  AuditFilter f;
  f.entity = call.query("entity");
  f.username = call.query("username");
  f.action = call.query("action");
  f.from = call.query("from");
  f.to = call.query("to");
  f.include_sessions = call.query("sessions") == "1";
  for (const auto& [key, date] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}})
    if (!date->empty() && !parse_iso_date(*date))
      return Status::Error("bad_request", std::string("参数“") + key + "”应为日期,如 2026-11-01", key);
  auto id = call.query_int("entity_id");
  if (!id.ok()) return id.status();
  f.entity_id = *id;
  auto entries = list_audit(call.db, f, *page);
  if (!entries.ok()) return entries.status();
  return Reply(page_json(*entries));
}

}  // namespace

void add_admin_routes(Router& router) {
  router.get("/users", list_users_route);
  router.post("/users", create_user_route);
  router.put("/users/(\\d+)", update_user_route);
  router.post("/users/(\\d+)/password", reset_password_route);
  router.get("/audit", audit_route);
}

}  // namespace edu
