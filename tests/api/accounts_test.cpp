// 用户管理 and 操作日志 (the bureau admin): an account edited, disabled and
// enabled, a password reset — each audited, a disabled or reset account logged
// out at once, the admin's own account safe from self-lockout — and the audit
// log filtered by user, action, record and date, logins hidden by default,
// rows named in Chinese with the record's name.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

json user_named(OwnServer& s, const std::string& username) {
  const json users = s.admin_call("GET", "/users");
  for (const json& u : users["body"]["items"])
    if (u["username"] == username) return u;
  return json();
}

json change_of(const json& u) {
  return {{"display_name", u["display_name"]}, {"role", u["role"]}, {"area_id", u["area_id"]},
          {"school_id", u["school_id"]},       {"teacher_id", u["teacher_id"]},
          {"active", u["active"]}};
}

TEST(Accounts, EditDisableEnableAndResetAreAuditedAndEndSessions) {
  OwnServer s("accounts");
  json sa = user_named(s, "school_admin");
  ASSERT_TRUE(sa.is_object());
  const std::string path = "/users/" + std::to_string(sa["id"].get<int64_t>());
  Login session = s.login("school_admin");
  ASSERT_EQ(s.call("GET", "/auth/me", &session).status, 200);

  json renamed = change_of(sa);
  renamed["display_name"] = "新城小学教务处";
  json r = s.admin_call("PUT", path, renamed);
  ASSERT_EQ(r["status"], 200) << r.dump();
  EXPECT_EQ(r["body"]["user"]["display_name"], "新城小学教务处");
  EXPECT_EQ(s.call("GET", "/auth/me", &session).status, 200);  // a new name keeps the session

  json disabled = renamed;
  disabled["active"] = false;
  ASSERT_EQ(s.admin_call("PUT", path, disabled)["status"], 200);
  EXPECT_EQ(s.call("GET", "/auth/me", &session).status, 401);
  EXPECT_THROW(s.login("school_admin"), std::exception);
  ASSERT_EQ(s.admin_call("PUT", path, renamed)["status"], 200);
  Login again = s.login("school_admin");

  // A school admin without a school is refused, and nothing changes.
  json no_school = renamed;
  no_school["school_id"] = nullptr;
  EXPECT_EQ(s.admin_call("PUT", path, no_school)["status"], 422);
  EXPECT_EQ(user_named(s, "school_admin")["school_id"], sa["school_id"]);

  EXPECT_EQ(s.admin_call("POST", path + "/password", {{"password", "password1"}})["status"], 422);
  ASSERT_EQ(s.admin_call("POST", path + "/password", {{"password", "Xincheng#2027"}})["status"], 200);
  EXPECT_EQ(s.call("GET", "/auth/me", &again).status, 401);
  EXPECT_THROW(s.login("school_admin"), std::exception);
  s.login("school_admin", "Xincheng#2027");

  const std::string user_audit =
      "SELECT COUNT(*) FROM audit_log l JOIN audit_changes c ON c.audit_id = l.id "
      "WHERE l.entity = 'user' AND l.entity_id = " + std::to_string(sa["id"].get<int64_t>());
  EXPECT_EQ(s.ids(user_audit + " AND c.field = 'display_name'"), std::vector<int64_t>{1});
  EXPECT_EQ(s.ids(user_audit + " AND c.field = 'active'"), std::vector<int64_t>{2});
  EXPECT_EQ(s.ids(user_audit + " AND c.field = 'password'"), std::vector<int64_t>{1});

  // Others may not; the admin may not lock themself out.
  EXPECT_EQ(s.call("PUT", path, &again, renamed).status, 401);
  Login officer = s.login("officer");
  EXPECT_EQ(s.call("PUT", path, &officer, renamed).status, 403);
  EXPECT_EQ(s.call("POST", path + "/password", &officer, {{"password", "Officer#2027"}}).status, 403);
  json admin = user_named(s, "admin");
  const std::string own = "/users/" + std::to_string(admin["id"].get<int64_t>());
  json self_disable = change_of(admin);
  self_disable["active"] = false;
  EXPECT_EQ(s.admin_call("PUT", own, self_disable)["status"], 403);
  json self_demote = change_of(admin);
  self_demote["role"] = "inspector";
  self_demote["area_id"] = sa["area_id"];
  EXPECT_EQ(s.admin_call("PUT", own, self_demote)["status"], 403);
  EXPECT_EQ(s.admin_call("PUT", "/users/999999", renamed)["status"], 404);
}

TEST(Accounts, AuditLogFiltersAndNamesItsRows) {
  OwnServer s("audit_filters");
  s.login("officer");
  json sa = user_named(s, "school_admin");
  json renamed = change_of(sa);
  renamed["display_name"] = "教务处";
  ASSERT_EQ(s.admin_call("PUT", "/users/" + std::to_string(sa["id"].get<int64_t>()), renamed)["status"], 200);

  // Logins are hidden unless asked for.
  json page = s.admin_call("GET", "/audit?size=200")["body"];
  for (const json& row : page["items"]) EXPECT_NE(row["entity"], "session") << row.dump();
  json logins = s.admin_call("GET", "/audit?sessions=1&entity=session&username=officer")["body"];
  ASSERT_GE(logins["total"].get<int>(), 1);
  EXPECT_EQ(logins["items"][0]["action_label"], "登录");
  EXPECT_EQ(logins["items"][0]["entity_label"], "登录");

  json updates = s.admin_call("GET", "/audit?action=update&entity=user&username=admin")["body"];
  ASSERT_EQ(updates["total"], 1) << updates.dump();
  const json& row = updates["items"][0];
  EXPECT_EQ(row["record_name"], "教务处");
  EXPECT_EQ(row["action_label"], "修改");
  EXPECT_EQ(row["entity_label"], "用户账号");
  EXPECT_FALSE(row["user_display_name"].get<std::string>().empty());
  EXPECT_EQ(row["changes"][0]["label"], "显示名称");

  EXPECT_EQ(s.admin_call("GET", "/audit?action=update&from=2000-01-01&to=2000-12-31")["body"]["total"], 0);
  EXPECT_EQ(s.admin_call("GET", "/audit?action=update&entity=user&from=2000-01-01")["body"]["total"], 1);
  EXPECT_EQ(s.admin_call("GET", "/audit?from=yesterday")["status"], 400);
  EXPECT_EQ(s.admin_call("GET", "/audit?to=2026-13-40")["status"], 400);

  json meta = s.admin_call("GET", "/meta/enums")["body"];
  EXPECT_GE(meta["audit_actions"].size(), 8u);
  EXPECT_GE(meta["audit_entities"].size(), 10u);
}

}  // namespace
}  // namespace edu::apitest
