// Router: the thin frame every API handler runs in. It borrows a database
// connection, authenticates the session cookie, enforces CSRF on state-changing
// methods, runs the handler and renders its Result as JSON — a failed Status
// becomes {code, message, field} with the matching HTTP status; a reply may
// instead carry JSON already serialized (shared, sent without a copy) or a
// file. A numeric path parameter too large for an id is a 404 before any
// handler runs. Exceptions are not caught here: they reach the one catch-all
// (http/error_replies.h).
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "core/date.h"
#include "store/connection_pool.h"
#include "store/paging.h"

namespace edu {

using Json = nlohmann::json;

class ExamReportCache;  // http/exam_report_cache.h
class KeptScoreCounts;  // http/kept_score_counts.h

struct AppState {
  ConnectionPool* pool = nullptr;
  std::shared_ptr<ExamReportCache> exam_reports;  // the analyses of exams, kept per data version
  std::shared_ptr<KeptScoreCounts> score_counts;  // the exam list's imported scores, kept per data version
  // The first-run code (http/setup_routes.h): set at start when the database
  // has no county yet, then never changed.
  std::string setup_code;
  int64_t session_lifetime = 8 * 3600;
  bool secure_cookies = false;  // set when served behind HTTPS
  bool behind_proxy = false;    // a local reverse proxy (nginx) names the client in X-Real-IP
};

// A file sent as a download (an .xlsx export, template or error sheet). The
// file at `path` was written for this reply alone: it is streamed in chunks
// and removed once sent.
struct FileDownload {
  std::string path;
  std::string name;  // the name the browser saves it under (may be Chinese)
  std::string content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
};

struct Reply {
  int status = 200;
  Json body;
  std::string set_cookie;  // a Set-Cookie header value, when the handler sets one
  std::optional<FileDownload> file;  // when set, sent instead of `body`
  // When set, sent instead of `body`: JSON serialized once (json_text) and kept
  // (http/rendered_bodies.h); every request sends the same bytes.
  std::shared_ptr<const std::string> json_text;
  Reply(Json b) : body(std::move(b)) {}
  Reply(int s, Json b) : status(s), body(std::move(b)) {}
  Reply(FileDownload f) : file(std::move(f)) {}
  Reply(std::shared_ptr<const std::string> text) : json_text(std::move(text)) {}
};

// The client's address: the peer's, or — when the server runs behind a local
// reverse proxy (AppState::behind_proxy) and the peer is loopback — the
// address the proxy puts in X-Real-IP. Without behind_proxy the header is
// ignored, so no client can choose its own address for the login budget or
// the audit log.
std::string client_address(const httplib::Request& request, const AppState& app);

// One API call as a handler sees it.
struct ApiCall {
  const httplib::Request& request;
  Database& db;
  AppState& app;
  std::optional<Actor> actor;  // set unless the route is public
  std::string session_token;   // the cookie's token, when logged in
  int school_year = 0;         // the current one, read per request (store/school_year_store.h)

  const Actor& who() const { return *actor; }
  // The numeric path parameter `index` (from the route's regex); the Router
  // has already answered 404 for one beyond int64.
  int64_t path_id(int index = 1) const;
  // An optional integer query parameter; a malformed one is a 400 naming it.
  Result<std::optional<int64_t>> query_int(const std::string& name) const;
  // Comma-separated positive record ids (empty when absent), at most `max` of them.
  Result<std::vector<int64_t>> query_ids(const std::string& name, size_t max) const;
  std::string query(const std::string& name) const;
  Result<PageRequest> page() const;
  // The request body as a JSON object (400 for broken JSON or a non-object).
  Result<Json> body() const;
  // Where the request came from (client_address()).
  std::string client() const { return client_address(request, app); }
  int64_t now() const;
  Date today() const;  // local date
};

using ApiHandler = std::function<Result<Reply>(ApiCall&)>;

class Router {
 public:
  Router(httplib::Server& server, AppState& app) : server_(server), app_(app) {}
  enum class Auth { kPublic, kUser };
  void get(const std::string& pattern, ApiHandler handler, Auth auth = Auth::kUser);
  void post(const std::string& pattern, ApiHandler handler, Auth auth = Auth::kUser);
  void put(const std::string& pattern, ApiHandler handler, Auth auth = Auth::kUser);

 private:
  httplib::Server::Handler wrap(ApiHandler handler, Auth auth, bool changes_state);
  httplib::Server& server_;
  AppState& app_;
};

// A download named `name`: `write` fills a new temporary file (given its
// path); on failure the file is removed and the failure returned.
Result<Reply> file_reply(const std::string& name,
                         const std::function<Status(const std::string& path)>& write);

// The HTTP status for a Status code ("not_found" -> 404 …).
int http_status_for(const std::string& code);
Json error_json(const Status& status);
// `body` serialized as the API sends it. Invalid UTF-8 (request text echoed in a
// message) is replaced by U+FFFD, so rendering never throws on it.
std::string json_text(const Json& body);
// Answers `status` with `body` as JSON (json_text).
void send_json(httplib::Response& res, int status, const Json& body);
// The session cookie's token from a request, or "".
std::string session_cookie(const httplib::Request& request);
inline const char* kSessionCookie = "eb_session";
inline constexpr size_t kMaxJsonBytes = 1 << 20;  // uploads (multipart) may be larger

}  // namespace edu
