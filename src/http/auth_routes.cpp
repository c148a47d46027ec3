#include "http/hashing_slots.h"
#include "http/json_input.h"
#include "http/json_views.h"
#include "http/login_limiter.h"
#include "http/routes.h"
#include "store/area_store.h"
#include "store/audit_store.h"
#include "store/password.h"
#include "store/school_store.h"
#include "store/school_year_store.h"

namespace edu {
namespace {

std::string cookie(const AppState& app, const std::string& token, int64_t max_age) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (app.secure_cookies ? "; Secure" : "");
}

Result<Json> me_json(ApiCall& call, const User& user, const std::string& csrf) {
  auto name = scope_name(call.db, user);
  if (!name.ok()) return name.status();
  return Json{{"user", user_json(user, *name)}, {"csrf_token", csrf}};
}

Status audit_session(ApiCall& call, const User& user, const std::string& action) {
  AuditEntry e;
  e.user_id = user.id;
  e.username = user.username;
  e.action = action;
  e.entity = "session";
  e.ip = call.client();
  return record_audit(call.db, e);
}

// Password checks at once, for the whole server; a login waits at most 2 s for one.
HashingSlots& password_checks() {
  static HashingSlots slots(2, std::chrono::milliseconds(2000));
  return slots;
}

Result<Reply> login(ApiCall& call) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  std::string username = in.text("username");
  std::string password = in.secret("password");
  if (!in.status().ok()) return in.status();

  const std::string address = call.client();
  LoginLimiter limiter(call.db);
  if (Status s = limiter.check(username, address, call.now(), "登录失败"); !s.ok()) return s;
  auto user = find_user(call.db, username);
  if (!user.ok()) return user.status();
  // Verify even for an unknown user so the answer time does not reveal which names exist.
  static const std::string dummy = hash_password("not-a-password-1").value();
  bool good = false;
  if (!password_checks().run([&] {
        good = verify_password(*user ? (*user)->password_hash : dummy, password) && *user &&
               (*user)->active;
      }))
    return Status::Error("busy", "服务器繁忙,请稍后再试");
  if (!good) {
    if (Status s = limiter.record_failure(username, address, call.now()); !s.ok()) return s;
    return Status::Error("bad_credentials", "用户名或密码错误");
  }
  std::string csrf;
  Transaction tx(call.db);
  if (Status s = limiter.clear(username, address); !s.ok()) return s;
  auto token = create_session(call.db, (*user)->id, call.now(), call.app.session_lifetime, &csrf);
  if (!token.ok()) return token.status();
  Status s = audit_session(call, **user, "login");
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  auto json = me_json(call, **user, csrf);
  if (!json.ok()) return json.status();
  Reply reply(*json);
  reply.set_cookie = cookie(call.app, *token, call.app.session_lifetime);
  return reply;
}

Result<Reply> logout(ApiCall& call) {
  Transaction tx(call.db);
  Status s = delete_session(call.db, call.session_token);
  if (s.ok()) s = audit_session(call, call.who().user, "logout");
  if (s.ok()) s = tx.commit();
  if (!s.ok()) return s;
  Reply reply(Json{{"ok", true}});
  reply.set_cookie = cookie(call.app, "", 0);
  return reply;
}

Result<Reply> me(ApiCall& call) {
  auto session = find_session(call.db, call.session_token, call.now());
  if (!session.ok()) return session.status();
  auto json = me_json(call, call.who().user, (*session)->csrf_token);
  if (!json.ok()) return json.status();
  return Reply(*json);
}

}  // namespace

Result<std::string> scope_name(Database& db, const User& user) {
  auto scope = scope_of(user);
  if (!scope.ok()) return scope.status();
  if (scope->kind == Scope::Kind::kAll) return get_setting(db, "county_name", "本县");
  if (scope->kind == Scope::Kind::kArea) {
    auto area = get_area(db, scope->area_id);
    if (!area.ok()) return area.status();
    return *area ? (*area)->name : std::string();
  }
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  auto school = get_school(db, Scope::All(), scope->school_id, *year);
  if (!school.ok()) return school.status();
  return *school ? (*school)->school.name : std::string();
}

Result<std::string> scoped_file_name(ApiCall& call, const std::string& title) {
  auto name = scope_name(call.db, call.who().user);
  if (!name.ok()) return name.status();
  return *name + "-" + title + ".xlsx";
}

void add_auth_routes(Router& router) {
  router.post("/auth/login", login, Router::Auth::kPublic);
  router.post("/auth/logout", logout);
  router.get("/auth/me", me);
}

}  // namespace edu
