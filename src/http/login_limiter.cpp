#include "http/login_limiter.h"

#include <algorithm>

namespace edu {
namespace {

// Forgets the failures of `key` that left the window; the seconds until it
// is under `budget` again (0 = it is).
template <class Map>
int64_t wait_for(Map& failures, const typename Map::key_type& key, int budget, int64_t now) {
  auto it = failures.find(key);
  if (it == failures.end()) return 0;
  auto& times = it->second;
  times.erase(std::remove_if(times.begin(), times.end(),
                             [&](int64_t t) { return t <= now - LoginLimiter::kWindowSeconds; }),
              times.end());
  if (times.empty()) {
    failures.erase(it);
    return 0;
  }
  if (static_cast<int>(times.size()) < budget) return 0;
  return *std::min_element(times.begin(), times.end()) + LoginLimiter::kWindowSeconds - now;
}

// Drops the entries whose failures all left the window.
template <class Map>
void forget_expired(Map& failures, int64_t now) {
  std::erase_if(failures, [&](const auto& entry) {
    const auto& times = entry.second;
    return *std::max_element(times.begin(), times.end()) <= now - LoginLimiter::kWindowSeconds;
  });
}

}  // namespace

int64_t LoginLimiter::wait_seconds(const std::string& username, const std::string& address,
                                   int64_t now) {
  std::lock_guard lock(mutex_);
  return std::max(wait_for(by_name_, {username, address}, kMaxFailures, now),
                  wait_for(by_address_, address, kMaxFailuresPerAddress, now));
}

void LoginLimiter::record_failure(const std::string& username, const std::string& address,
                                  int64_t now) {
  std::lock_guard lock(mutex_);
  by_name_[{username, address}].push_back(now);
  by_address_[address].push_back(now);
  if (by_name_.size() > kForgetAbove || by_address_.size() > kForgetAbove) {
    forget_expired(by_name_, now);
    forget_expired(by_address_, now);
  }
}

void LoginLimiter::clear(const std::string& username, const std::string& address) {
  std::lock_guard lock(mutex_);
  by_name_.erase({username, address});
}

size_t LoginLimiter::tracked() const {
  std::lock_guard lock(mutex_);
  return by_name_.size() + by_address_.size();
}

}  // namespace edu

namespace edu {

Status LoginLimiter::check(const std::string& username, const std::string& address, int64_t now,
                           const std::string& what) {
  const int64_t wait = wait_seconds(username, address, now);
  if (wait <= 0) return Status::Ok();
  return Status::Error("too_many_attempts", what + "次数过多,请" + std::to_string((wait + 59) / 60) + "分钟后再试");
}

}  // namespace edu
