// libFuzzer entry point for the HTTP request path. The input is what one
// connection sends — request line, headers, body; several requests when
// pipelined — and it is sent as it is to a real ApiServer on a loopback port,
// so it goes through the real connection loop (GuardedServer, DeadlineStream),
// httplib's parser, the route table, the Router and the handlers, over a small
// demo county with its exams. "@COOKIE@" and "@CSRF@" in the input become a
// live admin session's cookie and CSRF token, so mutations reach the handlers
// behind login as well.
//
// Whatever comes back must be HTTP responses, none a 5xx (an exception, an
// internal error), within 30 s; the first answer, when JSON, must parse
// (valid UTF-8) and, when an error, carry a code. A crash, a hang or a trap
// ends the process, as the fuzzer expects.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "cli/demo_exams.h"
#include "cli/demo_users.h"
#include "demo/generator.h"
#include "http/router.h"
#include "http/server.h"
#include "store/area_store.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "store/user_store.h"

namespace {

using edu::Database;

int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void require(bool ok) {
  if (!ok) __builtin_trap();
}

// The server, its database and the admin's session, made on first use.
struct Target {
  std::string db_path;
  std::unique_ptr<edu::ApiServer> server;
  std::unique_ptr<Database> db;
  int64_t admin_id = 0;
  std::string cookie, csrf;

  Target() {
    auto dir =
        std::filesystem::temp_directory_path() / ("edu_fuzz_http_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db_path = (dir / "fuzz.db").string();
    auto opened = edu::open_database(db_path);
    require(opened.ok());
    db = std::move(opened.value());
    require(edu::migrate(*db).ok());
    edu::demo::DemoSettings settings;
    settings.scale = 0.02;
    const auto county = edu::demo::generate_county(settings);
    require(edu::load_registers(*db, county).ok());
    require(edu::set_setting(*db, "county_name", settings.county_name).ok());
    require(edu::set_setting(*db, "school_year", "2026").ok());
    require(edu::create_user(*db, nullptr, edu::demo_admin()).ok());
    auto users = edu::create_demo_users(*db, 2026);
    require(users.ok());
    for (const auto& u : *users)
      if (u.username == "admin") admin_id = u.id;
    std::ostringstream planted;
    require(edu::create_demo_exams(*db, county, settings, planted).ok());
    edu::ServerOptions options;
    options.database = db_path;
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    auto created = edu::ApiServer::create(options);
    require(created.ok());
    server = std::move(created.value());
    std::thread([s = server.get()] { s->run(); }).detach();
  }

  // A live admin session (a fuzzed logout may have ended the last one).
  void ensure_session() {
    if (!cookie.empty()) {
      auto live = edu::find_session(*db, cookie.substr(cookie.find('=') + 1), now());
      if (live.ok() && *live) return;
    }
    auto token = edu::create_session(*db, admin_id, now(), 3600, &csrf);
    require(token.ok());
    cookie = std::string(edu::kSessionCookie) + "=" + *token;
  }
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

// Sends `request` on a new connection, half-closes, reads until the server closes.
std::string exchange(int port, const std::string& request) {
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  require(sock >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  require(connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  timeval timeout{30, 0};  // a hang is a finding
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  for (size_t sent = 0; sent < request.size();) {
    ssize_t n = send(sock, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading it all
    sent += static_cast<size_t>(n);
  }
  shutdown(sock, SHUT_WR);
  std::string reply;
  char buffer[65536];
  for (;;) {
    ssize_t n = recv(sock, buffer, sizeof buffer, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) __builtin_trap();  // no answer in 30 s
    if (n <= 0) break;
    reply.append(buffer, static_cast<size_t>(n));
  }
  close(sock);
  return reply;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The first answer, when it is JSON and all there: it parses, and an error has a code.
void check_first_answer(const std::string& reply) {
  const size_t end = reply.find("\r\n\r\n");
  if (end == std::string::npos) return;
  const std::string head = lower(reply.substr(0, end));
  if (head.find("\r\ncontent-type: application/json") == std::string::npos) return;
  const size_t length_at = head.find("\r\ncontent-length: ");
  if (length_at == std::string::npos) return;
  const size_t length = std::stoul(head.substr(length_at + 18));
  const std::string body = reply.substr(end + 4, length);
  if (body.size() < length || body.rfind("HTTP/", 0) == 0) return;  // a HEAD answer
  auto json = nlohmann::json::parse(body, nullptr, false);
  require(!json.is_discarded());
  const int status = std::atoi(reply.c_str() + 9);
  if (status >= 400) require(json.is_object() && json.contains("code"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Target& target = *new Target;  // never destroyed: its server runs until exit
  target.ensure_session();
  std::string request(reinterpret_cast<const char*>(data), size);
  replace_all(request, "@COOKIE@", target.cookie);
  replace_all(request, "@CSRF@", target.csrf);
  const std::string reply = exchange(target.server->port(), request);
  if (reply.empty()) return 0;  // nothing that parsed as a request line
  require(reply.rfind("HTTP/1.1 ", 0) == 0);
  for (size_t at = 0; (at = reply.find("HTTP/1.1 5", at)) != std::string::npos; ++at)
    if (at == 0 || reply.compare(at - 2, 2, "\r\n") == 0) __builtin_trap();  // a 5xx answer
  check_first_answer(reply);
  return 0;
}
