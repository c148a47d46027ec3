// GuardedServer: cpp-httplib's Server with its connection loop replaced, so
// that slow or hostile peers cannot take the server away from everyone else.
//  - Each request must arrive, and its reply be taken, within a budget
//    (DeadlineStream: a grace period plus a minimum rate); a connection that
//    falls behind gets its answer (400) and is closed.
//  - Connections are served by `workers` threads — several times the database
//    connections — so a few slow peers leave workers for the rest.
//  - One peer address holds at most `per_peer` connections at once; more get
//    503 at once (PeerLimiter; loopback, a local reverse proxy, is exempt).
//  - The listen backlog is 1024 (httplib's is 5: bursts of connections had
//    their SYNs dropped and waited 1–3 s for the retry).
//  - An exception that escapes a request closes that connection and is
//    logged; it never ends the process.
#pragma once

#include <httplib.h>

#include <string>

#include "http/deadline_stream.h"
#include "http/peer_limiter.h"

namespace edu {

struct ConnectionLimits {
  int workers = 32;
  int per_peer = 16;
  Pace pace;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(const ConnectionLimits& limits);
  // Binds `host`:`port` (0 = any free port) with the raised backlog; the
  // port, or -1 when it cannot be bound.
  int bind(const std::string& host, int port);

 private:
  bool process_and_close_socket(socket_t sock) override;
  void serve(DeadlineStream& stream);

  ConnectionLimits limits_;
  PeerLimiter peers_;
};

}  // namespace edu
