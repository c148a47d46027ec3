// Login throttling by hand-picked clocks (http/login_limiter.h): 5 failures
// of one username from one address, 20 of one address across usernames,
// within 300 s; only failures count; old entries are forgotten.
#include "http/login_limiter.h"

#include <gtest/gtest.h>

namespace edu {
namespace {

TEST(LoginLimiter, OneUsernameFromOneAddress) {
  LoginLimiter limiter;
  for (int t = 0; t < 5; ++t) {
    EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.1", t), 0);
    limiter.record_failure("officer", "10.0.0.1", t);
  }
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.1", 10), 290);  // the first failure leaves at 300
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.2", 10), 0);    // another address
  EXPECT_EQ(limiter.wait_seconds("teacher", "10.0.0.1", 10), 0);    // another username
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.1", 300), 0);
}

TEST(LoginLimiter, OneAddressAcrossUsernames) {
  LoginLimiter limiter;
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(limiter.wait_seconds("name" + std::to_string(i), "10.0.0.1", 100 + i), 0);
    limiter.record_failure("name" + std::to_string(i), "10.0.0.1", 100 + i);
  }
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.1", 150), 250);  // any name, right password or not
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.2", 150), 0);
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.1", 399), 1);
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.1", 400), 0);    // 100 left the window at 400
}

TEST(LoginLimiter, ASuccessClearsItsUsernameButNotItsAddress) {
  LoginLimiter limiter;
  for (int i = 0; i < 4; ++i) limiter.record_failure("officer", "10.0.0.1", i);
  for (int i = 0; i < 16; ++i) limiter.record_failure("guess" + std::to_string(i), "10.0.0.1", 10);
  limiter.clear("officer", "10.0.0.1");
  EXPECT_EQ(limiter.wait_seconds("officer", "10.0.0.1", 20), 280);  // the address spent its 20
  LoginLimiter other;
  for (int i = 0; i < 4; ++i) other.record_failure("officer", "10.0.0.1", i);
  other.clear("officer", "10.0.0.1");
  other.record_failure("officer", "10.0.0.1", 5);
  EXPECT_EQ(other.wait_seconds("officer", "10.0.0.1", 6), 0);  // 1 of 5 again, 5 of 20
}

TEST(LoginLimiter, ForgetsExpiredEntriesOnceThereAreMany) {
  LoginLimiter limiter;
  const int n = static_cast<int>(LoginLimiter::kForgetAbove);
  for (int i = 0; i < n; ++i) limiter.record_failure("guess", "10.0." + std::to_string(i), 0);
  EXPECT_EQ(limiter.tracked(), 2u * n);
  limiter.record_failure("guess", "10.1.0.0", 300);  // one more, when the others have left the window
  EXPECT_EQ(limiter.tracked(), 2u);
}

}  // namespace
}  // namespace edu
