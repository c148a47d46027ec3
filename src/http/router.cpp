#include "http/router.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "store/school_year_store.h"
#include "store/user_store.h"

namespace edu {

namespace {
constexpr char kJsonContentType[] = "application/json; charset=utf-8";
}  // namespace

int http_status_for(const std::string& code) {
  static const std::map<std::string, int> statuses = {
      {"bad_request", 400},     {"validation", 422},       {"invalid_id_number", 422},
      {"duplicate", 409},       {"unauthenticated", 401},  {"bad_credentials", 401},
      {"csrf", 403},            {"forbidden", 403},        {"not_found", 404},
      {"too_large", 413},       {"too_many_attempts", 429}, {"bad_file", 422},
      {"has_problems", 409},    {"already_committed", 409}, {"busy", 429},
      {"exists", 409},          {"conflict", 409}};
  auto it = statuses.find(code);
  return it == statuses.end() ? 500 : it->second;
}

Json error_json(const Status& s) {
  Json j = {{"code", s.code()}, {"message", s.message()}};
  if (!s.field().empty()) j["field"] = s.field();
  return j;
}

std::string session_cookie(const httplib::Request& req) {
  std::string header = req.get_header_value("Cookie");
  std::string prefix = std::string(kSessionCookie) + "=";
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    if (header.compare(pos, prefix.size(), prefix) == 0)
      return header.substr(pos + prefix.size(), end - pos - prefix.size());
    pos = end;
  }
  return "";
}

namespace {

// A decimal number that fits int64.
std::optional<int64_t> parse_int64(const std::string& text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A path parameter of digits only that no id can have.
bool has_oversize_number(const httplib::Request& req) {
  for (size_t i = 1; i < req.matches.size(); ++i) {
    const std::string part = req.matches[i].str();
    const bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
    if (digits && !parse_int64(part)) return true;
  }
  return false;
}

}  // namespace

std::string client_address(const httplib::Request& request, const AppState& app) {
  const bool from_loopback = request.remote_addr == "127.0.0.1" || request.remote_addr == "::1";
  if (app.behind_proxy && from_loopback && request.has_header("X-Real-IP"))
    return request.get_header_value("X-Real-IP");
  return request.remote_addr;
}

int64_t ApiCall::path_id(int index) const {
  return parse_int64(request.matches[index].str()).value_or(0);
}

std::string ApiCall::query(const std::string& name) const {
  return request.get_param_value(name);
}

Result<std::optional<int64_t>> ApiCall::query_int(const std::string& name) const {
  std::string text = query(name);
  if (text.empty()) return std::optional<int64_t>();
  if (auto value = parse_int64(text)) return value;
  return Status::Error("bad_request", "参数“" + name + "”应为整数,收到“" + text + "”", name);
}

Result<std::vector<int64_t>> ApiCall::query_ids(const std::string& name, size_t max) const {
  const std::string text = query(name);
  std::vector<int64_t> ids;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find(',', start), text.size());
    auto id = parse_int64(text.substr(start, end - start));
    if (!id || *id <= 0)
      return Status::Error("bad_request", "参数“" + name + "”应为以逗号分隔的记录编号,收到“" +
                                              text.substr(start, std::min<size_t>(end - start, 40)) + "”", name);
    if (ids.size() == max)
      return Status::Error("bad_request", "参数“" + name + "”最多列出" + std::to_string(max) + "个编号", name);
    ids.push_back(*id);
    start = end + 1;
  }
  return ids;
}

Result<PageRequest> ApiCall::page() const {
  PageRequest p;
  auto page = query_int("page");
  if (!page.ok()) return page.status();
  auto size = query_int("size");
  if (!size.ok()) return size.status();
  if (*page) p.page = **page;
  if (*size) p.size = **size;
  p.sort = query("sort");
  if (p.page < 1 || p.page > PageRequest::kMaxPage)
    return Status::Error("bad_request",
                         "页码应在1到" + std::to_string(PageRequest::kMaxPage) + "之间", "page");
  if (p.size < 1 || p.size > PageRequest::kMaxPageSize)
    return Status::Error("bad_request",
                         "每页条数应在1到" + std::to_string(PageRequest::kMaxPageSize) + "之间",
                         "size");
  return p;
}

Result<Json> ApiCall::body() const {
  Json j = Json::parse(request.body, nullptr, false);
  if (j.is_discarded()) return Status::Error("bad_request", "请求内容不是有效的JSON");
  if (!j.is_object()) return Status::Error("bad_request", "请求内容应为JSON对象");
  return j;
}

int64_t ApiCall::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Date ApiCall::today() const {
  std::time_t t = now();
  std::tm tm{};
  localtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Result<Reply> file_reply(const std::string& name,
                         const std::function<Status(const std::string& path)>& write) {
  const std::string suffix = std::filesystem::path(name).extension().string();
  std::string path = (std::filesystem::temp_directory_path() / "edubureau-XXXXXX").string() + suffix;
  int fd = mkstemps(path.data(), static_cast<int>(suffix.size()));
  if (fd < 0) return Status::Error("internal", "无法在临时目录创建文件");
  close(fd);
  Status s = write(path);
  if (!s.ok()) {
    std::remove(path.c_str());
    return s;
  }
  return Reply(FileDownload{path, name});
}

namespace {

// RFC 6266: a plain ASCII fallback name and the UTF-8 name percent-encoded.
std::string content_disposition(const std::string& name) {
  std::string encoded;
  for (unsigned char c : name) {
    const bool plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       c == '.' || c == '-' || c == '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  std::string extension = std::filesystem::path(name).extension().string();
  return "attachment; filename=\"download" + extension + "\"; filename*=UTF-8''" + encoded;
}

// Streams the file in 64 KiB chunks and removes it when done (or abandoned).
void send_file(httplib::Response& res, const FileDownload& file) {
  auto in = std::make_shared<std::ifstream>(file.path, std::ios::binary);
  std::error_code ignored;
  const auto size = std::filesystem::file_size(file.path, ignored);
  res.status = 200;
  res.set_header("Content-Disposition", content_disposition(file.name));
  res.set_header("Cache-Control", "no-store");
  const std::string path = file.path;
  res.set_content_provider(
      static_cast<size_t>(size), file.content_type,
      [in](size_t offset, size_t length, httplib::DataSink& sink) {
        std::vector<char> buffer(std::min<size_t>(length, 64 * 1024));
        in->seekg(static_cast<std::streamoff>(offset));
        in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in->gcount() <= 0) return false;
        sink.write(buffer.data(), static_cast<size_t>(in->gcount()));
        return true;
      },
      [path](bool) { std::remove(path.c_str()); });
}

// Sends JSON serialized before (Reply::json_text) straight from the shared bytes.
void send_json_text(httplib::Response& res, int status, std::shared_ptr<const std::string> text) {
  res.status = status;
  const size_t size = text->size();
  res.set_content_provider(size, kJsonContentType,
                           [text = std::move(text)](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(text->data() + offset, length);
                           });
}

void send_error(httplib::Response& res, const Status& s) {
  send_json(res, http_status_for(s.code()), error_json(s));
}

// Finds the logged-in actor for the request's session cookie.
Result<Actor> authenticate(Database& db, const httplib::Request& req, const AppState& app,
                           int64_t now, std::string* csrf_token) {
  const Status unauthenticated = Status::Error("unauthenticated", "请先登录");
  std::string token = session_cookie(req);
  if (token.empty()) return unauthenticated;
  auto session = find_session(db, token, now);
  if (!session.ok()) return session.status();
  if (!*session) return Status::Error("unauthenticated", "登录已过期,请重新登录");
  auto user = get_user(db, (*session)->user_id);
  if (!user.ok()) return user.status();
  if (!*user || !(*user)->active) return unauthenticated;
  auto scope = scope_of(**user);
  if (!scope.ok()) return scope.status();
  *csrf_token = (*session)->csrf_token;
  return Actor{**user, *scope, client_address(req, app)};
}

}  // namespace

std::string json_text(const Json& body) { return body.dump(-1, ' ', false, Json::error_handler_t::replace); }

void send_json(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(json_text(body), kJsonContentType);
}

httplib::Server::Handler Router::wrap(ApiHandler handler, Auth auth, bool changes_state) {
  // The Router is short-lived; handlers keep only the AppState.
  AppState* app = &app_;
  return [app, handler, auth, changes_state](const httplib::Request& req,
                                             httplib::Response& res) {
    auto db = app->pool->acquire();
    auto year = current_school_year(*db);
    if (!year.ok()) return send_error(res, year.status());
    ApiCall call{req, *db, *app, std::nullopt, session_cookie(req), *year};
    if (auth == Auth::kUser) {
      std::string csrf;
      auto actor = authenticate(*db, req, *app, call.now(), &csrf);
      if (!actor.ok()) return send_error(res, actor.status());
      if (changes_state && req.get_header_value("X-CSRF-Token") != csrf)
        return send_error(res, Status::Error("csrf", "安全校验失败(CSRF令牌无效),请刷新页面后重试"));
      call.actor = std::move(actor.value());
    }
    if (has_oversize_number(req)) return send_error(res, Status::Error("not_found", "记录不存在"));
    if (changes_state && !req.is_multipart_form_data() && req.body.size() > kMaxJsonBytes)
      return send_error(res, Status::Error("too_large", "请求内容过大(JSON 请求不超过1MB)"));
    auto reply = handler(call);
    if (!reply.ok()) return send_error(res, reply.status());
    if (!reply->set_cookie.empty()) res.set_header("Set-Cookie", reply->set_cookie);
    if (reply->file) return send_file(res, *reply->file);
    if (reply->json_text) return send_json_text(res, reply->status, reply->json_text);
    send_json(res, reply->status, reply->body);
  };
}

void Router::get(const std::string& pattern, ApiHandler handler, Auth auth) {
  server_.Get("/api/v1" + pattern, wrap(std::move(handler), auth, false));
}

void Router::post(const std::string& pattern, ApiHandler handler, Auth auth) {
  server_.Post("/api/v1" + pattern, wrap(std::move(handler), auth, true));
}

void Router::put(const std::string& pattern, ApiHandler handler, Auth auth) {
  server_.Put("/api/v1" + pattern, wrap(std::move(handler), auth, true));
}

}  // namespace edu
