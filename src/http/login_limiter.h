// Login rate limiting: after kMaxFailures failed logins for the same username
// from the same address within kWindowSeconds, further attempts are refused
// until the window has passed. In memory: a restart clears it.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace edu {

class LoginLimiter {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int64_t kWindowSeconds = 300;

  // Seconds until another attempt is allowed (0 = allowed now).
  int64_t wait_seconds(const std::string& key, int64_t now);
  void record_failure(const std::string& key, int64_t now);
  void clear(const std::string& key);

 private:
  std::mutex mutex_;
  std::map<std::string, std::vector<int64_t>> failures_;  // key -> failure times
};

}  // namespace edu
