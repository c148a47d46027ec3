#include "http/guarded_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>

namespace edu {

namespace {

constexpr int kListenBacklog = 1024;

// The answer to a connection over its address's cap.
std::string too_many_connections() {
  const std::string body =
      R"({"code":"too_many_connections","message":"来自同一地址的连接过多,请稍后重试"})";
  return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
         "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

GuardedServer::GuardedServer(const ConnectionLimits& limits)
    : limits_(limits), peers_(limits.per_peer) {
  new_task_queue = [n = limits.workers] { return new httplib::ThreadPool(n); };
}

int GuardedServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? bind_to_any_port(host) : bind_to_port(host, port) ? port : -1;
  if (bound <= 0 || ::listen(svr_sock_, kListenBacklog) != 0) return -1;
  return bound;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  {
    DeadlineStream stream(sock, limits_.pace);
    std::string ip;
    int port = 0;
    stream.get_remote_ip_and_port(ip, port);
    PeerLimiter::Slot slot = peers_.enter(ip);
    if (slot) {
      serve(stream);
    } else {
      const std::string reply = too_many_connections();
      stream.write(reply.data(), reply.size());  // small enough for one write
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

void GuardedServer::serve(DeadlineStream& stream) {
  const auto idle = std::chrono::seconds(keep_alive_timeout_sec_);
  const auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
  for (size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.next_request(idle, stopping)) return;
    bool closed = false;
    bool answered = false;
    try {
      answered = process_request(stream, left == 1, closed, nullptr);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "edubureau: 请求处理异常,连接已关闭: %s\n", e.what());
    } catch (...) {
      std::fprintf(stderr, "edubureau: 请求处理异常,连接已关闭\n");
    }
    if (!answered || closed || stream.expired()) return;
  }
}

}  // namespace edu
