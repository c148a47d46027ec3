// The HTTP server: the JSON API under /api/v1, the built web UI at /, security
// headers on every response, a request body limit, JSON errors for anything
// that fails before a handler (unknown path, oversize body) and for any
// exception (http/error_replies.h). Connections are served by 4 × `threads`
// workers with request deadlines and a per-address cap (http/guarded_server.h);
// the database pool holds `threads` connections.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"

namespace edu {

struct ServerOptions {
  std::string database;           // SQLite file (or a PostgreSQL URL)
  std::string host = "0.0.0.0";
  int port = 8080;                // 0 = any free port
  std::string web_dir;            // built web UI (web/dist); empty = API only
  int threads = 8;                // database connections (connection workers: 4 ×)
  size_t max_body_bytes = size_t(64) << 20;  // file uploads; JSON bodies are limited to 1 MB
  bool secure_cookies = false;
  bool behind_proxy = false;  // trust X-Real-IP from a loopback peer (see http/router.h)
  bool daily_sweep = false;   // the 控辍保学 sweep at run() and daily (http/daily_sweep.h): `serve`
};

class ApiServer {
 public:
  ~ApiServer();
  // Opens the database (migrating it) and binds the port.
  static Result<std::unique_ptr<ApiServer>> create(const ServerOptions& options);
  int port() const;
  // The first-run code when the database had no county at start (the operator
  // reads it on the console and types it on the 首次设置 page), else "".
  const std::string& setup_code() const;
  void run();   // serves until stop()
  void stop();

 private:
  ApiServer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace edu
