#include "http/peer_limiter.h"

namespace edu {

bool PeerLimiter::is_loopback(const std::string& ip) {
  return ip.rfind("127.", 0) == 0 || ip == "::1" || ip.rfind("::ffff:127.", 0) == 0;
}

PeerLimiter::Slot PeerLimiter::enter(const std::string& ip) {
  if (is_loopback(ip)) return Slot(nullptr, ip);
  std::lock_guard<std::mutex> lock(mutex_);
  int& held = held_[ip];
  if (held >= per_peer_) {
    Slot refused(nullptr, ip);
    refused.admitted_ = false;
    return refused;
  }
  ++held;
  return Slot(this, ip);
}

void PeerLimiter::leave(const std::string& ip) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = held_.find(ip);
  if (it != held_.end() && --it->second <= 0) held_.erase(it);
}

PeerLimiter::Slot::~Slot() {
  if (limiter_) limiter_->leave(ip_);
}

}  // namespace edu
