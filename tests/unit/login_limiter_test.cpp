// Login throttling by hand-picked clocks (http/login_limiter.h): 5 failures
// of one username from one address, 20 of one address across usernames,
// within 300 s; only failures count; the failures live in the database, so
// two connections to it (two servers) spend one budget, and recording a
// failure deletes those that left the window.
#include "http/login_limiter.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/migrations.h"
#include "migrated_database.h"

namespace edu {
namespace {

namespace fs = std::filesystem;

class LoginLimiterTest : public MigratedDatabaseTest {
 protected:
  int64_t wait(LoginLimiter& limiter, const std::string& username, const std::string& address, int64_t now) {
    auto w = limiter.wait_seconds(username, address, now);
    EXPECT_TRUE(w.ok()) << w.status().message();
    return w.ok() ? *w : -1;
  }
  void fail(LoginLimiter& limiter, const std::string& username, const std::string& address, int64_t now) {
    Status s = limiter.record_failure(username, address, now);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  int64_t kept() { return db_->query("SELECT COUNT(*) FROM login_failures")->front().integer(0); }
};

TEST_F(LoginLimiterTest, OneUsernameFromOneAddress) {
  LoginLimiter limiter(*db_);
  for (int t = 0; t < 5; ++t) {
    EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", t), 0);
    fail(limiter, "officer", "10.0.0.1", t);
  }
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 10), 290);  // the first failure leaves at 300
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.2", 10), 0);    // another address
  EXPECT_EQ(wait(limiter, "teacher", "10.0.0.1", 10), 0);    // another username
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 300), 0);
  Status refused = limiter.check("officer", "10.0.0.1", 10, "登录失败");
  EXPECT_EQ(refused.code(), "too_many_attempts");
  EXPECT_EQ(refused.message(), "登录失败次数过多,请5分钟后再试");  // 290 s, in whole minutes up
}

TEST_F(LoginLimiterTest, OneAddressAcrossUsernames) {
  LoginLimiter limiter(*db_);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(wait(limiter, "name" + std::to_string(i), "10.0.0.1", 100 + i), 0);
    fail(limiter, "name" + std::to_string(i), "10.0.0.1", 100 + i);
  }
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 150), 250);  // any name, right password or not
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.2", 150), 0);
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 399), 1);
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 400), 0);    // 100 left the window at 400
}

TEST_F(LoginLimiterTest, ASuccessClearsItsUsernameButNotItsAddress) {
  LoginLimiter limiter(*db_);
  for (int i = 0; i < 4; ++i) fail(limiter, "officer", "10.0.0.1", i);
  for (int i = 0; i < 16; ++i) fail(limiter, "guess" + std::to_string(i), "10.0.0.1", 10);
  ASSERT_TRUE(limiter.clear("officer", "10.0.0.1").ok());
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 20), 280);  // the address spent its 20
  // From another address: 4 failures cleared, 1 more is 1 of 5 again (and 5 of 20).
  for (int i = 0; i < 4; ++i) fail(limiter, "officer", "10.0.0.9", i);
  ASSERT_TRUE(limiter.clear("officer", "10.0.0.9").ok());
  fail(limiter, "officer", "10.0.0.9", 5);
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.9", 6), 0);
  for (int i = 0; i < 4; ++i) fail(limiter, "officer", "10.0.0.9", 7 + i);  // 5 uncleared: 5, 7 … 10
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.9", 11), 294);   // 5 leaves at 305
}

TEST_F(LoginLimiterTest, AnOverspentBudgetWaitsUntilItIsUnderAgain) {
  // Seven failures got in (attempts in flight on several servers pass the
  // check together): the username may try again once only four are left,
  // when the third (at 20) leaves the window.
  LoginLimiter limiter(*db_);
  for (int t = 0; t <= 60; t += 10) fail(limiter, "officer", "10.0.0.1", t);
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 70), 250);
  EXPECT_EQ(wait(limiter, "officer", "10.0.0.1", 320), 0);
}

TEST_F(LoginLimiterTest, TwoConnectionsSpendOneBudget) {
  auto other_db = connect();  // another server of the same database
  LoginLimiter one(*db_), two(*other_db);
  for (int t = 0; t < 3; ++t) fail(one, "officer", "10.0.0.1", t);
  for (int t = 3; t < 5; ++t) fail(two, "officer", "10.0.0.1", t);
  EXPECT_EQ(wait(one, "officer", "10.0.0.1", 10), 290);
  EXPECT_EQ(wait(two, "officer", "10.0.0.1", 10), 290);
  ASSERT_TRUE(two.clear("officer", "10.0.0.1").ok());
  EXPECT_EQ(wait(one, "officer", "10.0.0.1", 10), 0);
}

TEST_F(LoginLimiterTest, RecordingDeletesWhatLeftTheWindow) {
  LoginLimiter limiter(*db_);
  for (int i = 0; i < 3; ++i) fail(limiter, "guess", "10.0." + std::to_string(i), 0);
  fail(limiter, "guess", "10.1.0.0", 299);  // those at 0 are still in the window
  EXPECT_EQ(kept(), 4);
  ASSERT_TRUE(limiter.clear("guess", "10.1.0.0").ok());  // cleared rows go the same way
  fail(limiter, "other", "10.2.0.0", 300);  // 0 has left it; 299 has not
  EXPECT_EQ(kept(), 2);
  fail(limiter, "other", "10.2.0.0", 599);
  EXPECT_EQ(kept(), 2);  // 300 and 599
}

}  // namespace
}  // namespace edu
