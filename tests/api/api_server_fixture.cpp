#include "api_server_fixture.h"

#include <atomic>
#include <filesystem>
#include <thread>

#include "cli/demo_users.h"
#include "core/id_number.h"
#include "demo/generator.h"
#include "http/server.h"
#include "store/area_store.h"
#include "store/migrations.h"
#include "store/registers_loader.h"
#include "test_database.h"

namespace edu::apitest {

namespace {

std::unique_ptr<edu::ApiServer> g_server;
std::thread g_thread;

int64_t scalar(Database& db, const std::string& sql) {
  auto rows = db.query(sql);
  if (!rows.ok() || rows->empty()) throw std::runtime_error("query failed: " + sql);
  return rows->front().integer(0);
}

}  // namespace

std::string new_id_number(int birth_year, bool male) {
  static std::atomic<int> sequence{100};
  int seq = sequence.fetch_add(2) + (male ? 1 : 0);
  char body[32];  // 17 digits; room the compiler can prove for any int
  std::snprintf(body, sizeof body, "110101%04d0315%03d", birth_year, seq % 1000);
  return std::string(body) + id_check_char(body);
}

TestServer& TestServer::get() {
  static TestServer server;
  return server;
}

TestServer::TestServer() {
  auto dir = std::filesystem::temp_directory_path() / ("edu_api_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  db_path_ = fresh_test_database("api_" + std::to_string(::getpid()), dir);
  {
    auto db = open_database(db_path_);
    if (!db.ok() || !migrate(**db).ok()) throw std::runtime_error("cannot create test database");
    demo::DemoSettings settings;
    settings.scale = 0.05;
    Status s = load_registers(**db, demo::generate_county(settings));
    if (s.ok()) s = set_setting(**db, "county_name", settings.county_name);
    if (s.ok()) s = set_setting(**db, "school_year", "2026");
    if (!s.ok()) throw std::runtime_error(s.message());
    if (!create_user(**db, nullptr, demo_admin()).ok() || !create_demo_users(**db, 2026).ok())
      throw std::runtime_error("demo users");
    auto user_field = [&](const char* field, const char* name) {
      return scalar(**db, std::string("SELECT ") + field + " FROM users WHERE username = '" +
                              name + "'");
    };
    Landmarks& l = landmarks_;
    l.own_school = user_field("school_id", "school_admin");
    l.own_teacher = user_field("teacher_id", "teacher");
    l.seat_area = user_field("area_id", "officer");
    int64_t rural_area = user_field("area_id", "inspector");
    l.own_class = scalar(**db, "SELECT id FROM classes WHERE school_year = 2026 AND head_teacher_id = " +
                                   std::to_string(l.own_teacher) + " ORDER BY id LIMIT 1");
    l.own_class_grade = static_cast<int>(
        scalar(**db, "SELECT grade FROM classes WHERE id = " + std::to_string(l.own_class)));
    l.own_student = scalar(**db, "SELECT id FROM students WHERE status = '在读' AND class_id = " +
                                     std::to_string(l.own_class) + " ORDER BY id LIMIT 1");
    l.rural_school = scalar(**db, "SELECT s.id FROM schools s WHERE s.area_id = " +
                                      std::to_string(rural_area) +
                                      " AND EXISTS (SELECT 1 FROM students st WHERE st.school_id = "
                                      "s.id AND st.status = '在读' AND st.class_id IS NOT NULL) "
                                      "AND s.kind = '小学' ORDER BY s.id LIMIT 1");
    std::string rural = std::to_string(l.rural_school);
    l.rural_student = scalar(**db, "SELECT id FROM students WHERE status = '在读' AND school_id = " +
                                       rural + " ORDER BY id LIMIT 1");
    l.rural_teacher = scalar(**db, "SELECT id FROM teachers WHERE school_id = " + rural +
                                       " ORDER BY id LIMIT 1");
    l.rural_class = scalar(**db, "SELECT id FROM classes WHERE school_year = 2026 AND school_id = " +
                                     rural + " ORDER BY id LIMIT 1");
    l.rural_class_grade = static_cast<int>(
        scalar(**db, "SELECT grade FROM classes WHERE id = " + std::to_string(l.rural_class)));
  }
  ServerOptions options;
  options.database = db_path_;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 4;
  auto server = edu::ApiServer::create(options);
  if (!server.ok()) throw std::runtime_error(server.status().message());
  g_server = std::move(server.value());
  port_ = g_server->port();
  g_thread = std::thread([] { g_server->run(); });
  std::atexit([] {
    g_server->stop();
    g_thread.join();
    g_server.reset();
  });
}

Reply ApiClient::raw(const std::string& method, const std::string& path, const Login* who,
                     const std::string& body, const std::string& content_type) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(30, 0);
  httplib::Headers headers;
  if (who) {
    headers.emplace("Cookie", who->cookie);
    headers.emplace("X-CSRF-Token", who->csrf);
  }
  httplib::Result res = method == "GET"    ? client.Get(path, headers)
                        : method == "POST" ? client.Post(path, headers, body, content_type)
                                           : client.Put(path, headers, body, content_type);
  if (!res) throw std::runtime_error("no response for " + method + " " + path);
  Reply reply;
  reply.status = res->status;
  reply.headers = res->headers;
  reply.body = json::parse(res->body, nullptr, false);
  reply.raw_body = res->body;
  return reply;
}

Reply ApiClient::upload(const std::string& path, const Login* who, const std::string& file_name,
                         const std::string& content) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60, 0);
  httplib::Headers headers;
  if (who) {
    headers.emplace("Cookie", who->cookie);
    headers.emplace("X-CSRF-Token", who->csrf);
  }
  httplib::MultipartFormDataItems items = {{"file", content, file_name, "application/octet-stream"}};
  auto res = client.Post(("/api/v1" + path).c_str(), headers, items);
  if (!res) throw std::runtime_error("no response for upload to " + path);
  return {res->status, json::parse(res->body, nullptr, false), res->headers, res->body};
}

Reply ApiClient::call(const std::string& method, const std::string& path, const Login* who,
                      const json& body, bool send_csrf) {
  Login copy;
  if (who) {
    copy = *who;
    if (!send_csrf) copy.csrf = "";
  }
  return raw(method, "/api/v1" + path, who ? &copy : nullptr, body.is_null() ? "" : body.dump());
}

Login ApiClient::login(const std::string& username, const std::string& password) {
  httplib::Client client("127.0.0.1", port_);
  auto res = client.Post("/api/v1/auth/login",
                         json{{"username", username}, {"password", password}}.dump(),
                         "application/json");
  if (!res || res->status != 200) throw std::runtime_error("login failed for " + username);
  Login login;
  std::string set_cookie = res->get_header_value("Set-Cookie");
  login.cookie = set_cookie.substr(0, set_cookie.find(';'));
  json body = json::parse(res->body);
  login.csrf = body["csrf_token"];
  login.user = body["user"];
  return login;
}

int64_t ApiClient::count(const std::string& table_and_where) {
  auto db = open_database(db_path_);
  return scalar(**db, "SELECT COUNT(*) FROM " + table_and_where);
}

std::vector<std::string> ApiClient::texts(const std::string& sql) {
  auto db = open_database(db_path_);
  auto rows = (*db)->query(sql);
  if (!rows.ok()) throw std::runtime_error("query failed: " + sql);
  std::vector<std::string> out;
  for (const Row& r : *rows) out.push_back(r.text(0));
  return out;
}

}  // namespace edu::apitest
