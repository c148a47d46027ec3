// 首次设置 (first run) from the browser: what `edubureau init` does, for a bureau
// that starts the server on an empty database.
//   GET  /setup → {needed}: true while the database has no county.
//   POST /setup {setup_code, county, county_code, city, username, display_name, password}
//        → {county}: creates the county and its first 教育局管理员 (workflow/county_setup.h).
// Both are public (there is no user yet). Creating the first admin takes the
// setup code the server printed on its console at start, so only whoever runs
// the server can claim it; wrong codes count as failed logins of the address
// (http/login_limiter.h). Once a county exists, POST answers 409 and changes nothing.
#include "core/model.h"
#include "http/json_input.h"
#include "http/login_limiter.h"
#include "http/routes.h"
#include "store/area_store.h"
#include "store/password.h"
#include "workflow/county_setup.h"

namespace edu {
namespace {

const char kSetupAttempts[] = "(首次设置)";  // the limiter's key for setup-code attempts

Result<bool> setup_needed(ApiCall& call) {
  auto county = get_county(call.db);
  if (!county.ok()) return county.status();
  return !*county;
}

Result<Reply> setup_state(ApiCall& call) {
  auto needed = setup_needed(call);
  if (!needed.ok()) return needed.status();
  return Reply(Json{{"needed", *needed}});
}

Result<Reply> run_setup(ApiCall& call) {
  auto needed = setup_needed(call);
  if (!needed.ok()) return needed.status();
  if (!*needed || call.app.setup_code.empty())
    return Status::Error("exists", "本系统已完成首次设置,请直接登录");
  auto body = call.body();
  if (!body.ok()) return body.status();
  FieldReader in(*body);
  const std::string code = in.secret("setup_code");
  NewCounty county;
  county.name = in.text("county");
  county.code = in.text("county_code");
  county.city = in.boolean("city");
  county.admin.username = in.text("username");
  county.admin.display_name = in.text("display_name", false);
  county.admin.password = in.secret("password");
  if (!in.status().ok()) return in.status();

  const std::string address = call.client();
  LoginLimiter limiter(call.db);
  if (Status s = limiter.check(kSetupAttempts, address, call.now(), "设置码错误"); !s.ok()) return s;
  if (!same_secret(code, call.app.setup_code)) {
    if (Status s = limiter.record_failure(kSetupAttempts, address, call.now()); !s.ok()) return s;
    return Status::Error("forbidden", "设置码不正确:请查看启动服务器时控制台显示的首次设置码",
                         "setup_code");
  }
  county.origin = address;
  auto area = init_county(call.db, county, {call.today(), school_year_of(call.today())});
  if (!area.ok()) return area.status();
  return Reply(Json{{"county", {{"id", area->id}, {"name", area->name}, {"code", area->code}}}});
}

}  // namespace

void add_setup_routes(Router& router) {
  router.get("/setup", setup_state, Router::Auth::kPublic);
  router.post("/setup", run_setup, Router::Auth::kPublic);
}

}  // namespace edu
