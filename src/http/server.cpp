#include "http/server.h"

#include <filesystem>

#include "http/analytics_context.h"
#include "http/daily_sweep.h"
#include "http/error_replies.h"
#include "http/exam_report_cache.h"
#include "http/guarded_server.h"
#include "http/kept_score_counts.h"
#include "http/routes.h"
#include "store/area_store.h"
#include "store/migrations.h"
#include "store/password.h"

namespace edu {

struct ApiServer::Impl {
  std::unique_ptr<ConnectionPool> pool;
  AppState app;
  std::unique_ptr<DailySweep> sweep;  // before the pool goes
  std::unique_ptr<GuardedServer> server;
  int port = 0;
};

ApiServer::ApiServer() : impl_(std::make_unique<Impl>()) {}
ApiServer::~ApiServer() = default;

namespace {

void add_security_headers(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                 "frame-ancestors 'none'");
  if (res.get_header_value("Content-Type").rfind("application/json", 0) == 0)
    res.set_header("Cache-Control", "no-store");
}

// The web UI's built files under /assets/ carry a hash of their content in
// their names (Vite), so a browser may keep them for good: without this every
// page load fetched — and the server compressed again — about 1.5 MB of
// scripts and styles (seconds on a busy server: BENCHMARKS.md, 质量监测).
// index.html names the current files and is always revalidated.
void add_cache_headers(const httplib::Request& req, httplib::Response& res) {
  if (res.status != 200 || res.has_header("Cache-Control")) return;
  if (req.path.rfind("/assets/", 0) == 0) res.set_header("Cache-Control", "public, max-age=31536000, immutable");
  else if (req.path == "/" || req.path == "/index.html") res.set_header("Cache-Control", "no-cache");
}

}  // namespace

// Exam analyses kept in memory (a city exam's is a few hundred MB at most), and
// per analysis at most this many bytes of rendered pieces (a city's school level
// with every subject is 1.8 MB, a page of 50 classes in one subject about 25 KB).
constexpr size_t kKeptExamReports = 4;
constexpr size_t kKeptBodyBytes = 32 << 20;

Result<std::unique_ptr<ApiServer>> ApiServer::create(const ServerOptions& options) {
  auto server = std::unique_ptr<ApiServer>(new ApiServer());
  Impl& impl = *server->impl_;
  auto pool = ConnectionPool::open(options.database, options.threads);
  if (!pool.ok()) return pool.status();
  impl.pool = std::move(pool.value());
  {
    auto db = impl.pool->acquire();
    auto applied = migrate(*db);
    if (!applied.ok()) return applied.status();
    auto county = get_county(*db);
    if (!county.ok()) return county.status();
    if (!*county) impl.app.setup_code = new_setup_code();
  }
  impl.app.pool = impl.pool.get();
  impl.app.exam_reports = std::make_shared<ExamReportCache>(kKeptExamReports, kKeptBodyBytes);
  impl.app.score_counts = std::make_shared<KeptScoreCounts>();
  impl.app.secure_cookies = options.secure_cookies;
  impl.app.behind_proxy = options.behind_proxy;
  if (options.daily_sweep) impl.sweep = std::make_unique<DailySweep>(*impl.pool);

  // Connection workers outnumber database connections (a worker waiting on a
  // slow peer holds no connection); one address may hold half of them.
  ConnectionLimits limits;
  limits.workers = 4 * options.threads;
  limits.per_peer = limits.workers / 2;
  impl.server = std::make_unique<GuardedServer>(limits);
  GuardedServer& http = *impl.server;
  http.set_payload_max_length(options.max_body_bytes);
  http.set_tcp_nodelay(true);  // no 40 ms Nagle/delayed-ACK stall on keep-alive replies
  Router router(http, impl.app);
  add_auth_routes(router);
  add_setup_routes(router);
  auto snapshots = std::make_shared<SnapshotCache>();
  add_reference_routes(router, snapshots);
  add_register_routes(router);
  add_admin_routes(router);
  add_import_routes(router);
  add_export_routes(router);
  add_analytics_routes(router, snapshots);
  add_exam_routes(router);
  add_rollover_routes(router);
  add_transition_routes(router);
  add_case_routes(router);
  add_check_routes(router);
  add_settings_routes(router);
  add_dropout_routes(router);
  add_exchange_routes(router);
  add_training_routes(router);
  add_title_routes(router);
  if (!options.web_dir.empty()) {
    if (!std::filesystem::exists(std::filesystem::path(options.web_dir) / "index.html"))
      return Status::Error("config", "网页目录 " + options.web_dir + " 中没有 index.html,请先构建前端");
    http.set_mount_point("/", options.web_dir);
  }
  install_error_replies(http);
  http.set_post_routing_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        add_security_headers(res);
        add_cache_headers(req, res);
      });

  impl.port = http.bind(options.host, options.port);
  if (impl.port <= 0)
    return Status::Error("config", "无法监听端口 " + std::to_string(options.port) +
                                       "(可能已被占用),请用 --port 指定其他端口");
  return server;
}

int ApiServer::port() const { return impl_->port; }
const std::string& ApiServer::setup_code() const { return impl_->app.setup_code; }
void ApiServer::run() {
  if (impl_->sweep) impl_->sweep->start();
  impl_->server->listen_after_bind();
}
void ApiServer::stop() {
  if (impl_->sweep) impl_->sweep->stop();
  impl_->server->stop();
}

}  // namespace edu
