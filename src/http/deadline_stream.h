// DeadlineStream: an httplib::Stream over one connected socket that gives each
// request a time budget instead of a per-read timeout. Reading a request (its
// line, headers and body) may take `grace` plus its size at
// `min_bytes_per_second`, counted from its first byte; the reply gets the same
// budget for the time spent waiting for the peer to take it (not the time the
// server spends making it). A read or write past its budget fails and
// expired() turns true, so a peer that trickles a header line every few
// seconds is cut after about `grace`, while a slow but real upload (a school's
// line at a few hundred kbit/s) passes.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace edu {

struct Pace {
  std::chrono::milliseconds grace{10'000};
  size_t min_bytes_per_second = 16 * 1024;
};

using SteadyTime = std::chrono::steady_clock::time_point;

// The moment by which `bytes` begun at `start` must have been moved.
SteadyTime budget_deadline(SteadyTime start, size_t bytes, const Pace& pace);

class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, Pace pace);

  // Waits up to `idle` (in slices, giving up when `stopping()`) for the first
  // byte of the next request, then starts that request's budgets. False when
  // the peer closed or stayed quiet.
  bool next_request(std::chrono::milliseconds idle, const std::function<bool()>& stopping);
  bool expired() const { return expired_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  // Polls for `events` until `deadline`; marks the stream expired on timeout.
  bool wait(short events, SteadyTime deadline) const;
  SteadyTime read_deadline() const;
  bool wait_writable() const;  // counts the time waited against the reply's budget

  socket_t sock_;
  Pace pace_;
  mutable bool expired_ = false;
  SteadyTime read_start_{};
  mutable std::chrono::steady_clock::duration write_waited_{};
  size_t read_bytes_ = 0;
  size_t written_bytes_ = 0;
  std::vector<char> buffer_;
  size_t buffer_off_ = 0;
  size_t buffer_len_ = 0;
};

}  // namespace edu
