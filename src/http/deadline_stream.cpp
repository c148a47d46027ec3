#include "http/deadline_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace edu {

namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// poll() on one socket until `until` (returns at once when that has passed).
int poll_until(socket_t sock, short events, SteadyTime until) {
  const auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now()).count();
  pollfd p{sock, events, 0};
  return poll(&p, 1, static_cast<int>(std::max<milliseconds::rep>(left, 0)));
}

// "ip" and port of a socket address (numeric, no DNS).
void address_text(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, service,
                  sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

SteadyTime budget_deadline(SteadyTime start, size_t bytes, const Pace& pace) {
  return start + pace.grace + milliseconds(bytes * 1000 / pace.min_bytes_per_second);
}

DeadlineStream::DeadlineStream(socket_t sock, Pace pace)
    : sock_(sock), pace_(pace), buffer_(4096) {}

bool DeadlineStream::next_request(milliseconds idle, const std::function<bool()>& stopping) {
  const auto give_up = Clock::now() + idle;
  while (buffer_off_ == buffer_len_) {
    if (stopping()) return false;
    const int ready =
        poll_until(sock_, POLLIN, std::min(give_up, Clock::now() + milliseconds(200)));
    if (ready > 0) break;
    if ((ready < 0 && errno != EINTR) || Clock::now() >= give_up) return false;
  }
  read_start_ = Clock::now();
  write_waited_ = {};
  read_bytes_ = written_bytes_ = 0;
  return true;
}

SteadyTime DeadlineStream::read_deadline() const {
  return budget_deadline(read_start_, read_bytes_, pace_);
}

bool DeadlineStream::wait_writable() const {
  const auto before = Clock::now();
  const bool ready = wait(POLLOUT, budget_deadline(before - write_waited_, written_bytes_, pace_));
  write_waited_ += Clock::now() - before;
  return ready;
}

bool DeadlineStream::wait(short events, SteadyTime deadline) const {
  for (;;) {
    const int ready = poll_until(sock_, events, deadline);
    if (ready > 0) return true;
    if (ready == 0) {
      expired_ = true;
      return false;
    }
    if (errno != EINTR) return false;
  }
}

bool DeadlineStream::is_readable() const {
  return buffer_off_ < buffer_len_ || wait(POLLIN, read_deadline());
}

bool DeadlineStream::is_writable() const { return wait_writable(); }

ssize_t DeadlineStream::read(char* ptr, size_t size) {
  while (buffer_off_ == buffer_len_) {
    if (expired_ || !wait(POLLIN, read_deadline())) return -1;
    const ssize_t n = recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return -1;
    }
    buffer_off_ = 0;
    buffer_len_ = static_cast<size_t>(n);
    read_bytes_ += buffer_len_;
  }
  const size_t n = std::min(size, buffer_len_ - buffer_off_);
  std::memcpy(ptr, buffer_.data() + buffer_off_, n);
  buffer_off_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  for (;;) {
    if (!wait_writable()) return -1;
    const ssize_t n = send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) {
      written_bytes_ += static_cast<size_t>(n);
      return n;
    }
    if (errno != EAGAIN && errno != EINTR) return -1;
  }
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    address_text(addr, len, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    address_text(addr, len, ip, port);
}

}  // namespace edu
