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

Result<Reply> audit_route(ApiCall& call) {
  if (!allowed(call.who().user, Action::kRead, Entity::kAudit)) return forbidden();
  auto page = call.page();
  if (!page.ok()) return page.status();
  AuditFilter f;
  f.entity = call.query("entity");
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
  router.get("/audit", audit_route);
}

}  // namespace edu
