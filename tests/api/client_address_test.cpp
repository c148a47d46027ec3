// Whose address a request counts as (http/router.h client_address): behind a
// local proxy (--behind-proxy) the proxy's X-Real-IP names the client, so one
// guesser spends only their own login budget; without it the header is
// ignored, so nobody escapes the budget by naming another address.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "http/server.h"

namespace edu {
namespace {

// A server of its own (an empty database: every login fails) on loopback.
class LoginServer {
 public:
  explicit LoginServer(bool behind_proxy) {
    dir_ = std::filesystem::temp_directory_path() /
           ("edu_client_address_" + std::to_string(::getpid()) + (behind_proxy ? "_proxy" : "_direct"));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ServerOptions options;
    options.database = (dir_ / "edu.db").string();
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.behind_proxy = behind_proxy;
    server_ = std::move(ApiServer::create(options).value());
    thread_ = std::thread([this] { server_->run(); });
  }
  ~LoginServer() {
    server_->stop();
    thread_.join();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  // The status of a failing login sent with X-Real-IP: `real_ip`.
  int login_as_seen_from(const std::string& real_ip) {
    httplib::Client client("127.0.0.1", server_->port());
    auto r = client.Post("/api/v1/auth/login", {{"X-Real-IP", real_ip}},
                         R"({"username":"nobody","password":"Guess@2026x"})", "application/json");
    return r ? r->status : -1;
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
};

TEST(ClientAddress, BehindAProxyEachClientSpendsItsOwnBudget) {
  LoginServer server(true);
  // One username, one client: the per-username rule (5 failures) applies to 10.0.0.1 only.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(server.login_as_seen_from("10.0.0.1"), 401) << i;
  EXPECT_EQ(server.login_as_seen_from("10.0.0.1"), 429);
  EXPECT_EQ(server.login_as_seen_from("10.0.0.2"), 401);
}

TEST(ClientAddress, WithoutAProxyTheHeaderIsIgnored) {
  LoginServer server(false);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(server.login_as_seen_from("10.0.1." + std::to_string(i)), 401) << i;
  EXPECT_EQ(server.login_as_seen_from("10.0.1.99"), 429);
}

}  // namespace
}  // namespace edu
