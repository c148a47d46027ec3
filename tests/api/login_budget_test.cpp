// The failed-login budget is the database's (http/login_limiter.h): a server
// restarted on the same database still refuses a username that spent its
// budget, and still lets the others in.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

TEST(LoginBudget, SurvivesARestart) {
  OwnServer county("login_budget");
  json wrong = {{"username", "officer"}, {"password", "not-the-password1"}};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(county.call("POST", "/auth/login", nullptr, wrong).status, 401) << i;
  EXPECT_EQ(county.ids("SELECT COUNT(*) FROM login_failures WHERE username = 'officer' AND address = '127.0.0.1'"),
            std::vector<int64_t>{5});

  county.restart();
  Reply r = county.call("POST", "/auth/login", nullptr, {{"username", "officer"}, {"password", "Demo@2026"}});
  EXPECT_EQ(r.status, 429) << r.body.dump();
  EXPECT_EQ(r.body["code"], "too_many_attempts");
  EXPECT_EQ(r.body["message"].get<std::string>().rfind("登录失败次数过多,请", 0), 0u) << r.body.dump();
  EXPECT_EQ(county.login("teacher").user["username"], "teacher");  // another username from the same address
}

}  // namespace
}  // namespace edu::apitest
