// PeerLimiter: how many connections each peer address holds at once, so that
// one address cannot take every connection worker. Loopback peers are never
// limited: there the peer is the local reverse proxy (nginx, see README),
// which carries every client's requests and enforces its own limits — a
// normal nginx deployment is not throttled.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace edu {

class PeerLimiter {
 public:
  explicit PeerLimiter(int per_peer) : per_peer_(per_peer) {}

  // A connection counted against its peer while the Slot lives.
  class Slot {
   public:
    Slot(PeerLimiter* limiter, std::string ip) : limiter_(limiter), ip_(std::move(ip)) {}
    Slot(Slot&& other) noexcept
        : limiter_(other.limiter_), ip_(std::move(other.ip_)), admitted_(other.admitted_) {
      other.limiter_ = nullptr;
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot();
    explicit operator bool() const { return admitted_; }

   private:
    friend class PeerLimiter;
    PeerLimiter* limiter_;
    std::string ip_;
    bool admitted_ = true;
  };

  // Admits a connection from `ip` unless it already holds per_peer of them.
  Slot enter(const std::string& ip);
  static bool is_loopback(const std::string& ip);

 private:
  void leave(const std::string& ip);
  int per_peer_;
  std::mutex mutex_;
  std::map<std::string, int> held_;
};

}  // namespace edu
