// Login rate limiting, two budgets of failed logins within kWindowSeconds:
//  - kMaxFailures for one username from one address (guessing a password);
//  - kMaxFailuresPerAddress for one address across all usernames (guessing
//    through many names, or spending the server's CPU on password hashing).
// Over a budget, further attempts (for that username from that address, or
// for any username from that address) are refused, without checking the
// password, until the oldest failure leaves the window. Only failures count:
// a successful login clears its username's budget but not its address's, so
// logging in to one account does not reset the guessing of others. In
// memory: a restart clears it; beyond kForgetAbove usernames or addresses,
// those whose failures all left the window are forgotten (a new name or
// address with every guess would otherwise grow the maps forever).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace edu {

class LoginLimiter {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int kMaxFailuresPerAddress = 20;
  static constexpr int64_t kWindowSeconds = 300;
  static constexpr size_t kForgetAbove = 10'000;

  // Seconds until another attempt is allowed (0 = allowed now).
  int64_t wait_seconds(const std::string& username, const std::string& address, int64_t now);
  // wait_seconds as the answer to the caller: "too_many_attempts" — "{what}次数过多,请N分钟后再试" — while
  // they must wait, else Ok.
  Status check(const std::string& username, const std::string& address, int64_t now, const std::string& what);
  void record_failure(const std::string& username, const std::string& address, int64_t now);
  // After a successful login: the username's failures from this address are forgotten.
  void clear(const std::string& username, const std::string& address);
  // How many usernames (with their address) and addresses have failures kept.
  size_t tracked() const;

 private:
  using Times = std::vector<int64_t>;  // failure times
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Times> by_name_;  // (username, address)
  std::map<std::string, Times> by_address_;
};

}  // namespace edu
