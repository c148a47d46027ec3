// A server over a county of its own (a 0.02-scale demo county with the demo
// users, in a temp directory named after the test), for tests that change what
// the shared TestServer serves: 学年升级 and what follows it. A test may fill
// the database itself instead (e.g. `init --city` and imports); the bureau
// admin it logs in as is then the "admin" that fill created (password Demo@2026).
// Filled by `nothing`, the database has no county and no user (首次设置).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "api_server_fixture.h"
#include "http/server.h"
#include "store/database.h"

namespace edu::apitest {

class OwnServer : public ApiClient {
 public:
  using Fill = std::function<void(Database&)>;
  // `fill` runs on the migrated, empty database before the server starts.
  explicit OwnServer(const std::string& name, const Fill& fill = demo_county);
  static void demo_county(Database& db);
  static void nothing(Database&) {}
  ~OwnServer();
  // As the bureau admin: {"status": …, "body": …}.
  json admin_call(const std::string& method, const std::string& path, const json& body = nullptr);
  const Login& admin() const { return admin_; }
  const std::string& setup_code() const { return server_->setup_code(); }
  // The first column of each row of `sql`, straight from the database file.
  std::vector<int64_t> ids(const std::string& sql);
  // The first column of the first row of `sql`, as text ("" for none).
  std::string text(const std::string& sql);
  // Runs `sql` on the database file (to set up what a test then proves); the
  // register lists' kept totals (store/page_anchors.h) are forgotten.
  void exec(const std::string& sql);
  // Stops the server and starts a new one on the same database (a restart:
  // whatever the server kept in memory is gone; sessions are not).
  void restart();

 private:
  void start();
  std::filesystem::path dir_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<Database> db_;
  Login admin_;
};

}  // namespace edu::apitest
