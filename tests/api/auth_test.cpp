// Login, sessions, CSRF, rate limiting and security headers over real HTTP.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }

TEST(Auth, LoginReturnsUserCsrfAndAnHttpOnlyStrictCookie) {
  auto r = server().raw("POST", "/api/v1/auth/login", nullptr,
                        json{{"username", "admin"}, {"password", "Demo@2026"}}.dump());
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["user"]["role"], "bureau_admin");
  EXPECT_EQ(r.body["user"]["role_label"], "教育局管理员");
  EXPECT_EQ(r.body["user"]["scope_name"], "青山县");
  EXPECT_FALSE(r.body["user"].contains("password_hash"));
  EXPECT_EQ(r.body["csrf_token"].get<std::string>().size(), 64u);
  std::string cookie = r.headers.find("Set-Cookie")->second;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

TEST(Auth, WrongPasswordIsAChineseError) {
  auto r = server().call("POST", "/auth/login", nullptr,
                         {{"username", "officer"}, {"password", "wrong-password1"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body["code"], "bad_credentials");
  EXPECT_EQ(r.body["message"], "用户名或密码错误");
}

TEST(Auth, UnknownUserLooksLikeAWrongPassword) {
  auto r = server().call("POST", "/auth/login", nullptr,
                         {{"username", "nobody"}, {"password", "Demo@2026"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body["code"], "bad_credentials");
}

TEST(Auth, MeAndLogout) {
  Login who = server().login("officer");
  auto me = server().call("GET", "/auth/me", &who);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["user"]["username"], "officer");
  EXPECT_EQ(me.body["csrf_token"], who.csrf);
  EXPECT_EQ(server().call("POST", "/auth/logout", &who).status, 200);
  auto after = server().call("GET", "/auth/me", &who);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.body["code"], "unauthenticated");
}

TEST(Auth, EveryApiNeedsASession) {
  for (const char* path : {"/dashboard", "/schools", "/students", "/teachers", "/areas",
                           "/meta/enums", "/users", "/audit", "/schools/1", "/students/1"}) {
    auto r = server().call("GET", path);
    EXPECT_EQ(r.status, 401) << path;
    EXPECT_EQ(r.body["message"], "请先登录") << path;
  }
  Login forged{"eb_session=0123456789abcdef", "x", {}};
  EXPECT_EQ(server().call("GET", "/dashboard", &forged).status, 401);
}

TEST(Auth, StateChangesNeedTheCsrfToken) {
  Login admin = server().login("admin");
  auto before = server().count("audit_log");
  auto r = server().call("PUT", "/schools/" + std::to_string(server().landmarks().own_school),
                         &admin, {{"name", "x"}}, /*send_csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body["code"], "csrf");
  EXPECT_EQ(server().count("audit_log"), before);
}

TEST(Auth, RepeatedFailuresAreRateLimited) {
  json bad = {{"username", "inspector"}, {"password", "not-the-password1"}};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(server().call("POST", "/auth/login", nullptr, bad).status, 401);
  auto r = server().call("POST", "/auth/login", nullptr,
                         {{"username", "inspector"}, {"password", "Demo@2026"}});
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.body["code"], "too_many_attempts");
  EXPECT_NE(r.body["message"].get<std::string>().find("分钟后再试"), std::string::npos);
  // Other users are not affected.
  EXPECT_EQ(server().call("POST", "/auth/login", nullptr,
                          {{"username", "teacher"}, {"password", "Demo@2026"}})
                .status,
            200);
}

// A login sent from another loopback address (all of 127.0.0.0/8 is this
// machine), so that the address budget a test spends does not lock out the
// other tests, which log in from 127.0.0.1.
Reply login_from(const std::string& address, const std::string& username, const std::string& password) {
  httplib::Client client("127.0.0.1", server().port());
  client.set_interface(address);
  client.set_read_timeout(60, 0);
  auto res = client.Post("/api/v1/auth/login", json{{"username", username}, {"password", password}}.dump(),
                         "application/json");
  if (!res) return {};
  return {res->status, json::parse(res->body, nullptr, false), res->headers, res->body};
}

TEST(Auth, OneAddressHasABudgetAcrossUsernames) {
  for (int i = 0; i < 25; ++i) {
    auto r = login_from("127.0.0.2", "guess" + std::to_string(i), "not-the-password1");
    EXPECT_EQ(r.status, i < 20 ? 401 : 429) << i << r.body.dump();
    if (i >= 20) EXPECT_EQ(r.body["code"], "too_many_attempts");
  }
  // Over its budget, the address may not log in even with a right password…
  EXPECT_EQ(login_from("127.0.0.2", "officer", "Demo@2026").status, 429);
  // …while other addresses may.
  EXPECT_EQ(server().login("officer").user["username"], "officer");
}

TEST(Auth, SuccessfulLoginsDoNotSpendTheAddressBudget) {
  for (int i = 0; i < 25; ++i) ASSERT_EQ(login_from("127.0.0.3", "teacher", "Demo@2026").status, 200) << i;
}

TEST(Auth, ManyLoginsAtOnceLeaveOtherRequestsAnswered) {
  Login officer = server().login("officer");
  std::vector<Reply> logins(16);
  std::vector<std::thread> threads;
  for (auto& r : logins)
    threads.emplace_back([&r] { r = login_from("127.0.0.4", "officer", "Demo@2026"); });
  auto me = server().call("GET", "/auth/me", &officer);
  for (auto& t : threads) t.join();
  EXPECT_EQ(me.status, 200);
  for (const auto& r : logins) {
    EXPECT_TRUE(r.status == 200 || (r.status == 429 && r.body["code"] == "busy")) << r.status << r.body.dump();
    if (r.status == 429) EXPECT_EQ(r.body["message"], "服务器繁忙,请稍后再试");
  }
}

TEST(Auth, SecurityHeadersOnEveryResponse) {
  for (const char* path : {"/api/v1/auth/me", "/api/v1/no-such-endpoint"}) {
    auto r = server().raw("GET", path, nullptr, "");
    auto header = [&](const char* name) {
      auto it = r.headers.find(name);
      return it == r.headers.end() ? std::string() : it->second;
    };
    EXPECT_EQ(header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(header("X-Frame-Options"), "DENY") << path;
    EXPECT_NE(header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    EXPECT_TRUE(r.body.contains("message")) << path;
  }
}

}  // namespace
}  // namespace edu::apitest
