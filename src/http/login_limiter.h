// Login rate limiting, two budgets of failed logins within kWindowSeconds:
//  - kMaxFailures for one username from one address (guessing a password);
//  - kMaxFailuresPerAddress for one address across all usernames (guessing
//    through many names, or spending the server's CPU on password hashing).
// Over a budget, further attempts (for that username from that address, or
// for any username from that address) are refused, without checking the
// password, until enough failures left the window to bring it under the
// budget again. Only failures count: a successful login clears its
// username's budget but not its address's, so logging in to one account does
// not reset the guessing of others.
// The failures live in the database (store/login_failure_store.h), so every
// server of one database spends one budget (behind nginx, n servers do not
// give a guesser n budgets) and a restart keeps it. Recording a failure
// deletes every failure that has left the window, so the table holds at most
// one window of failures. A LoginLimiter is a view of one connection: make
// one per request. Failures recorded at once on several servers may each
// pass the check, so a budget can be overspent by the attempts in flight.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/database.h"

namespace edu {

class LoginLimiter {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int kMaxFailuresPerAddress = 20;
  static constexpr int64_t kWindowSeconds = 300;

  explicit LoginLimiter(Database& db) : db_(db) {}

  // Seconds until another attempt is allowed (0 = allowed now).
  Result<int64_t> wait_seconds(const std::string& username, const std::string& address, int64_t now);
  // wait_seconds as the answer to the caller: "too_many_attempts" — "{what}次数过多,请N分钟后再试" — while
  // they must wait, else Ok.
  Status check(const std::string& username, const std::string& address, int64_t now, const std::string& what);
  Status record_failure(const std::string& username, const std::string& address, int64_t now);
  // After a successful login: the username's failures from this address no longer count for it.
  Status clear(const std::string& username, const std::string& address);

 private:
  Database& db_;
};

}  // namespace edu
