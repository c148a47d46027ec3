#include "http/login_limiter.h"

#include <algorithm>

namespace edu {

int64_t LoginLimiter::wait_seconds(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto& times = it->second;
  times.erase(std::remove_if(times.begin(), times.end(),
                             [&](int64_t t) { return t <= now - kWindowSeconds; }),
              times.end());
  if (static_cast<int>(times.size()) < kMaxFailures) return 0;
  return times.front() + kWindowSeconds - now;
}

void LoginLimiter::record_failure(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  failures_[key].push_back(now);
}

void LoginLimiter::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace edu
