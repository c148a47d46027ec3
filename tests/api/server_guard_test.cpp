// The server's guards: one catch-all for exceptions (500 {code: internal}, no
// internal text, the server keeps serving), ids beyond int64, invalid UTF-8 in
// a 404's path, the per-address connection cap (end to end through a
// non-loopback address of this machine) and the request budget.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <thread>

#include "api_server_fixture.h"
#include "http/deadline_stream.h"
#include "http/error_replies.h"
#include "http/guarded_server.h"
#include "http/peer_limiter.h"
#include "http/router.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }

// A Router with handlers that throw, on its own loopback server.
class ThrowingServer {
 public:
  ThrowingServer() {
    pool_ = std::move(ConnectionPool::open(server().db_path(), 1).value());
    app_.pool = pool_.get();
    install_error_replies(http_);
    Router router(http_, app_);
    router.get(
        "/boom",
        [](ApiCall&) -> edu::Result<edu::Reply> { throw std::runtime_error("secret detail"); },
        Router::Auth::kPublic);
    router.get(
        "/boom-int", [](ApiCall&) -> edu::Result<edu::Reply> { throw 42; }, Router::Auth::kPublic);
    http_.Get("/raw-boom", [](const httplib::Request&, httplib::Response&) {
      throw std::out_of_range("stoll");
    });
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
  }
  ~ThrowingServer() {
    http_.stop();
    thread_.join();
  }
  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path.c_str());
  }

 private:
  std::unique_ptr<ConnectionPool> pool_;
  AppState app_;
  httplib::Server http_;
  int port_ = 0;
  std::thread thread_;
};

TEST(ServerGuard, AnExceptionIsA500WithoutInternalTextAndTheServerGoesOn) {
  ThrowingServer throwing;
  for (const char* path : {"/api/v1/boom", "/api/v1/boom-int", "/raw-boom"}) {
    auto res = throwing.get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 500) << path;
    auto body = json::parse(res->body);
    EXPECT_EQ(body["code"], "internal") << path;
    EXPECT_EQ(res->body.find("secret"), std::string::npos) << res->body;
    EXPECT_EQ(res->body.find("stoll"), std::string::npos) << res->body;
    EXPECT_FALSE(res->has_header("EXCEPTION_WHAT")) << path;
  }
  auto again = throwing.get("/nowhere");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 404);
}

TEST(ServerGuard, IdsBeyondInt64AreNotFound) {
  Login admin = server().login("admin");
  for (const char* path : {"/schools/99999999999999999999", "/students/9223372036854775808",
                           "/exams/18446744073709551616/results"}) {
    auto r = server().call("GET", path, &admin);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body["code"], "not_found") << path;
  }
}

TEST(ServerGuard, AnUnknownPathWithInvalidUtf8IsAJson404) {
  auto r = server().raw("GET", "/%ff%c3%28", nullptr, "");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body["code"], "not_found");
  EXPECT_NE(r.body["message"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(PeerLimiter, CapsEachAddressButNotLoopback) {
  PeerLimiter limiter(2);
  {
    auto a = limiter.enter("10.1.2.3");
    auto b = limiter.enter("10.1.2.3");
    EXPECT_TRUE(a);
    EXPECT_TRUE(b);
    EXPECT_FALSE(limiter.enter("10.1.2.3"));
    EXPECT_TRUE(limiter.enter("10.1.2.4"));
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.enter("127.0.0.1"));
  }
  EXPECT_TRUE(limiter.enter("10.1.2.3"));  // slots were given back
  EXPECT_TRUE(PeerLimiter::is_loopback("::1"));
  EXPECT_FALSE(PeerLimiter::is_loopback("10.127.0.1"));
}

// This machine's first IPv4 address that is not loopback, or "".
std::string non_loopback_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* a = list; a && found.empty(); a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
    if (!PeerLimiter::is_loopback(text)) found = text;
  }
  freeifaddrs(list);
  return found;
}

TEST(GuardedServer, AnAddressOverItsCapGets503WhileItsOtherConnectionsStay) {
  const std::string address = non_loopback_address();
  if (address.empty()) GTEST_SKIP() << "no non-loopback IPv4 address to connect from";
  ConnectionLimits limits;
  limits.workers = 4;
  limits.per_peer = 2;
  GuardedServer guarded(limits);
  install_error_replies(guarded);
  guarded.Get("/x", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  const int port = guarded.bind(address, 0);
  ASSERT_GT(port, 0);
  std::thread serving([&] { guarded.listen_after_bind(); });
  {
    httplib::Client first(address, port), second(address, port), third(address, port);
    first.set_keep_alive(true);  // both stay connected (and counted) after their answer
    second.set_keep_alive(true);
    auto a = first.Get("/x");
    auto b = second.Get("/x");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->status, 200);
    EXPECT_EQ(b->status, 200);
    auto refused = third.Get("/x");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 503);
    EXPECT_EQ(json::parse(refused->body)["code"], "too_many_connections");
  }
  guarded.stop();
  serving.join();
}

TEST(DeadlineStream, TheBudgetIsGracePlusSizeAtTheMinimumRate) {
  Pace pace;  // 10 s grace, 16 KiB/s
  const SteadyTime start{};
  EXPECT_EQ(budget_deadline(start, 0, pace), start + std::chrono::seconds(10));
  EXPECT_EQ(budget_deadline(start, 160 * 1024, pace), start + std::chrono::seconds(20));
  EXPECT_EQ(budget_deadline(start, size_t(64) << 20, pace),
            start + std::chrono::seconds(10 + 4096));
}

}  // namespace
}  // namespace edu::apitest
