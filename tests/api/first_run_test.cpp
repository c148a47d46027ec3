// 首次设置 from the browser (POST /setup): only while the database has no county,
// only with the setup code the server printed, and the admin it creates logs in.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

json setup_body(const std::string& code) {
  return {{"setup_code", code},   {"county", "青山县"},     {"county_code", "430521"},
          {"username", "chief"},  {"display_name", "王局长"}, {"password", "Qingshan#2026"}};
}

TEST(FirstRun, TheCodeOnTheConsoleClaimsAnEmptyDatabaseOnce) {
  OwnServer empty("first_run", OwnServer::nothing);
  ASSERT_EQ(empty.setup_code().size(), 12u);
  EXPECT_EQ(empty.call("GET", "/setup").body["needed"], true);

  // A wrong code, a bad county code, a weak password: nothing is created.
  Reply wrong = empty.call("POST", "/setup", nullptr, setup_body("AAAAAAAAAAAA"));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.body["field"], "setup_code");
  json bad_code = setup_body(empty.setup_code());
  bad_code["county_code"] = "43052";
  EXPECT_EQ(empty.call("POST", "/setup", nullptr, bad_code).status, 422);
  json weak = setup_body(empty.setup_code());
  weak["password"] = "password1";
  EXPECT_EQ(empty.call("POST", "/setup", nullptr, weak).status, 422);
  EXPECT_EQ(empty.ids("SELECT COUNT(*) FROM areas"), std::vector<int64_t>{0});
  EXPECT_EQ(empty.ids("SELECT COUNT(*) FROM users"), std::vector<int64_t>{0});

  Reply done = empty.call("POST", "/setup", nullptr, setup_body(empty.setup_code()));
  ASSERT_EQ(done.status, 200) << done.body.dump();
  EXPECT_EQ(done.body["county"]["code"], "430521");
  EXPECT_EQ(empty.call("GET", "/setup").body["needed"], false);
  Login chief = empty.login("chief", "Qingshan#2026");
  Reply me = empty.call("GET", "/auth/me", &chief);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["user"]["role"], "bureau_admin");
  EXPECT_EQ(me.body["user"]["scope_name"], "青山县");
  EXPECT_EQ(empty.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'area' AND ip = '127.0.0.1'"),
            std::vector<int64_t>{1});

  // Claimed: the same code, or any other, changes nothing more.
  json again = setup_body(empty.setup_code());
  again["username"] = "intruder";
  EXPECT_EQ(empty.call("POST", "/setup", nullptr, again).status, 409);
  EXPECT_EQ(empty.ids("SELECT COUNT(*) FROM users"), std::vector<int64_t>{1});
}

TEST(FirstRun, ACityBureauSetsUpItsCity) {
  OwnServer empty("first_run_city", OwnServer::nothing);
  json body = setup_body(empty.setup_code());
  body["county"] = "邵阳市";
  body["county_code"] = "430521";  // a county's code is not a city's
  body["city"] = true;
  EXPECT_EQ(empty.call("POST", "/setup", nullptr, body).status, 422);
  body["county_code"] = "430500";
  ASSERT_EQ(empty.call("POST", "/setup", nullptr, body).status, 200);
  EXPECT_EQ(empty.ids("SELECT COUNT(*) FROM areas WHERE level = '市' AND parent_id IS NULL"),
            std::vector<int64_t>{1});
}

TEST(FirstRun, ADatabaseWithACountyHasNoSetupCode) {
  OwnServer county("first_run_county");
  EXPECT_TRUE(county.setup_code().empty());
  EXPECT_EQ(county.call("GET", "/setup").body["needed"], false);
  EXPECT_EQ(county.call("POST", "/setup", nullptr, setup_body("AAAAAAAAAAAA")).status, 409);
}

TEST(FirstRun, GuessingTheCodeIsStopped) {
  OwnServer empty("first_run_guess", OwnServer::nothing);
  int last = 0;
  for (int i = 0; i < 25; ++i)
    last = empty.call("POST", "/setup", nullptr, setup_body("BBBBBBBBBBBB")).status;
  EXPECT_EQ(last, 429);
  // Even the right code waits now: the address is locked out.
  EXPECT_EQ(empty.call("POST", "/setup", nullptr, setup_body(empty.setup_code())).status, 429);
}

}  // namespace
}  // namespace edu::apitest
