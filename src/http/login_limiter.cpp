#include "http/login_limiter.h"

#include <algorithm>

#include "store/login_failure_store.h"

namespace edu {
namespace {

// The seconds until a budget whose `budget`-th newest failure in the window is
// `nth` has room again (0 = it has).
int64_t wait_for(const std::optional<int64_t>& nth, int64_t now) {
  return nth ? *nth + LoginLimiter::kWindowSeconds - now : 0;
}

}  // namespace

Result<int64_t> LoginLimiter::wait_seconds(const std::string& username, const std::string& address, int64_t now) {
  const int64_t after = now - kWindowSeconds;
  auto name = nth_newest_login_failure(db_, username, address, after, kMaxFailures);
  if (!name.ok()) return name.status();
  auto from = nth_newest_login_failure_from(db_, address, after, kMaxFailuresPerAddress);
  if (!from.ok()) return from.status();
  return std::max(wait_for(*name, now), wait_for(*from, now));
}

Status LoginLimiter::check(const std::string& username, const std::string& address, int64_t now,
                           const std::string& what) {
  auto wait = wait_seconds(username, address, now);
  if (!wait.ok()) return wait.status();
  if (*wait <= 0) return Status::Ok();
  return Status::Error("too_many_attempts", what + "次数过多,请" + std::to_string((*wait + 59) / 60) + "分钟后再试");
}

Status LoginLimiter::record_failure(const std::string& username, const std::string& address, int64_t now) {
  return record_login_failure(db_, username, address, now, now - kWindowSeconds);
}

Status LoginLimiter::clear(const std::string& username, const std::string& address) {
  return clear_login_failures(db_, username, address);
}

}  // namespace edu
