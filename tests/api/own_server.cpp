#include "own_server.h"

#include <unistd.h>

#include "cli/demo_users.h"
#include "demo/generator.h"
#include "store/page_anchors.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "test_database.h"

namespace edu::apitest {

void OwnServer::demo_county(Database& db) {
  demo::DemoSettings settings;
  settings.scale = 0.02;
  if (!load_registers(db, demo::generate_county(settings)).ok()) throw std::runtime_error("demo county");
  if (!create_user(db, nullptr, demo_admin()).ok() || !create_demo_users(db, 2026).ok())
    throw std::runtime_error("demo users");
}

OwnServer::OwnServer(const std::string& name, const Fill& fill) {
  dir_ = std::filesystem::temp_directory_path() / ("edu_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  db_path_ = fresh_test_database(name + "_" + std::to_string(::getpid()), dir_);
  {
    auto db = open_database(db_path_);
    if (!db.ok() || !migrate(**db).ok()) throw std::runtime_error("cannot create test database");
    fill(**db);
  }
  start();
  db_ = std::move(open_database(db_path_).value());
  if (ids("SELECT COUNT(*) FROM users WHERE username = 'admin'") == std::vector<int64_t>{1}) admin_ = login("admin");
}

void OwnServer::start() {
  ServerOptions options;
  options.database = db_path_;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  server_ = std::move(ApiServer::create(options).value());
  port_ = server_->port();
  thread_ = std::thread([this] { server_->run(); });
}

void OwnServer::restart() {
  server_->stop();
  thread_.join();
  server_.reset();
  start();
}

OwnServer::~OwnServer() {
  server_->stop();
  thread_.join();
  server_.reset();
  db_.reset();
  std::filesystem::remove_all(dir_);
}

json OwnServer::admin_call(const std::string& method, const std::string& path, const json& body) {
  Reply r = call(method, path, &admin_, body);
  return {{"status", r.status}, {"body", r.body}};
}

std::vector<int64_t> OwnServer::ids(const std::string& sql) {
  auto rows = db_->query(sql);
  if (!rows.ok()) throw std::runtime_error(rows.status().message());
  std::vector<int64_t> out;
  for (const Row& r : *rows) out.push_back(r.integer(0));
  return out;
}

std::string OwnServer::text(const std::string& sql) {
  auto rows = db_->query(sql);
  if (!rows.ok()) throw std::runtime_error(rows.status().message());
  return rows->empty() ? "" : rows->front().text(0);
}

void OwnServer::exec(const std::string& sql) {
  Status s = db_->exec(sql);
  if (!s.ok()) throw std::runtime_error(s.message());
  // Not audited, so no registers version moves: the lists' kept totals would not see it.
  PageAnchorCache::shared().forget(db_->location());
}

}  // namespace edu::apitest
