// 学年升级 through the API (workflow/rollover.h) on a server of its own, since a
// commit changes the county the shared test server serves: the preview changes
// nothing, the commit opens the new year's classes, moves and graduates the
// students, is audited once, and the server's current year is the new one
// without a restart; a second commit changes nothing and says so, and two
// commits at once apply one. The closed year keeps its teachers (teacher_years),
// and new entrants imported into the new year's 一年级 classes are counted.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "api_server_fixture.h"
#include "cli/demo_users.h"
#include "demo/generator.h"
#include "http/server.h"
#include "store/migrations.h"
#include "store/registers_loader.h"

namespace edu {
namespace {

using apitest::json;

class RolloverServer {
 public:
  RolloverServer() {
    dir_ = std::filesystem::temp_directory_path() / ("edu_rollover_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ServerOptions options;
    options.database = (dir_ / "edu.db").string();
    {
      auto db = open_database(options.database);
      if (!db.ok() || !migrate(**db).ok()) throw std::runtime_error("cannot create test database");
      demo::DemoSettings settings;
      settings.scale = 0.02;
      if (!load_registers(**db, demo::generate_county(settings)).ok())
        throw std::runtime_error("demo county");
      if (!create_demo_users(**db, 2026).ok()) throw std::runtime_error("demo users");
    }
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    server_ = std::move(ApiServer::create(options).value());
    thread_ = std::thread([this] { server_->run(); });
    db_ = std::move(open_database(options.database).value());
    httplib::Client client("127.0.0.1", server_->port());
    auto res = client.Post("/api/v1/auth/login", R"({"username":"admin","password":"Demo@2026"})",
                           "application/json");
    std::string cookie = res->get_header_value("Set-Cookie");
    headers_ = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                {"X-CSRF-Token", json::parse(res->body)["csrf_token"].get<std::string>()}};
  }
  ~RolloverServer() {
    server_->stop();
    thread_.join();
    server_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  json call(const std::string& method, const std::string& path, const json& body = nullptr) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(60, 0);
    auto res = method == "GET" ? client.Get("/api/v1" + path, headers_)
                               : client.Post("/api/v1" + path, headers_, body.dump(), "application/json");
    return {{"status", res->status}, {"body", json::parse(res->body)}};
  }
  json upload(const std::string& path, const std::string& file_name, const std::string& content) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(60, 0);
    httplib::MultipartFormDataItems items = {{"file", content, file_name, "application/octet-stream"}};
    auto res = client.Post("/api/v1" + path, headers_, items);
    return {{"status", res->status}, {"body", json::parse(res->body)}};
  }
  int64_t count(const std::string& table_and_where) {
    return db_->query("SELECT COUNT(*) FROM " + table_and_where)->front().integer(0);
  }
  Rows query(const std::string& sql) { return db_->query(sql).value(); }
  void exec(const std::string& sql) { ASSERT_TRUE(db_->exec(sql).ok()) << sql; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<Database> db_;
  httplib::Headers headers_;
};

TEST(Rollover, PreviewThenCommitOnceThenNothing) {
  RolloverServer server;
  const int64_t reading = server.count("students WHERE status = '在读'");
  const int64_t suspended = server.count("students WHERE status = '休学'");
  const int64_t graduated = server.count("students WHERE status = '毕业'");
  const int64_t final_grade = server.count(
      "students s JOIN classes c ON c.id = s.class_id WHERE s.status = '在读' AND "
      "((c.section = '小学' AND c.grade = 6) OR (c.section IN ('初中', '特教') AND c.grade = 9) OR "
      "(c.section IN ('高中', '中职') AND c.grade = 12) OR (c.section = '学前' AND c.grade = 0))");
  ASSERT_GT(final_grade, 0);

  json preview = server.call("POST", "/rollover/preview", {{"to_year", 2027}});
  ASSERT_EQ(preview["status"], 200) << preview.dump();
  json r = preview["body"]["rollover"];
  EXPECT_EQ(r["current_year"], 2026);
  EXPECT_FALSE(r["committed"]);
  EXPECT_EQ(r["total"]["graduates"], final_grade);
  EXPECT_EQ(r["total"]["students_moved"], reading - final_grade);
  EXPECT_EQ(r["total"]["kept"], suspended);
  EXPECT_EQ(r["total"]["problems"], 0);
  EXPECT_GT(r["schools"].size(), 0u);
  EXPECT_EQ(server.count("classes WHERE school_year = 2027"), 0);

  // The closing year's staff are written by the commit (removed here first).
  server.exec("DELETE FROM teacher_years WHERE school_year = 2026");
  json commit = server.call("POST", "/rollover/commit", {{"to_year", 2027}});
  ASSERT_EQ(commit["status"], 200) << commit.dump();
  EXPECT_TRUE(commit["body"]["rollover"]["committed"]);
  EXPECT_EQ(server.count("teacher_years y JOIN teachers t ON t.id = y.teacher_id WHERE "
                         "y.school_year = 2026 AND y.school_id = t.school_id AND y.post = t.post "
                         "AND y.education = t.education AND y.backbone = t.backbone"),
            server.count("teachers"));
  EXPECT_EQ(commit["body"]["rollover"]["total"], r["total"]);
  EXPECT_EQ(server.count("classes WHERE school_year = 2027"), r["total"]["classes_opened"]);
  EXPECT_EQ(server.count("students WHERE status = '毕业'"), graduated + final_grade);
  EXPECT_EQ(server.count("students s JOIN classes c ON c.id = s.class_id WHERE s.status IN "
                         "('在读', '休学') AND c.school_year = 2027"),
            reading - final_grade + suspended);
  EXPECT_EQ(server.count("enrolments WHERE school_year = 2027"), reading - final_grade + suspended);
  EXPECT_EQ(server.count("audit_log WHERE action = 'rollover' AND entity_id = 2027"), 1);
  EXPECT_EQ(server.call("GET", "/dashboard")["body"]["school_year"], 2027);  // no restart
  json audit = server.call("GET", "/audit?entity=school_year")["body"]["items"];
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["action"], "rollover");
  json counted = audit[0]["changes"][1];
  EXPECT_EQ(counted["label"], "开设班级");
  EXPECT_EQ(counted["new"], std::to_string(r["total"]["classes_opened"].get<int>()));

  json again = server.call("POST", "/rollover/commit", {{"to_year", 2027}});
  ASSERT_EQ(again["status"], 200);
  EXPECT_TRUE(again["body"]["rollover"]["already_opened"]);
  EXPECT_FALSE(again["body"]["rollover"]["committed"]);
  EXPECT_NE(again["body"]["rollover"]["message"].get<std::string>().find("未改动任何数据"),
            std::string::npos);
  EXPECT_EQ(server.count("classes WHERE school_year = 2027"), r["total"]["classes_opened"]);
  EXPECT_EQ(server.count("audit_log WHERE action = 'rollover'"), 1);

  json skip = server.call("POST", "/rollover/preview", {{"to_year", 2029}});
  EXPECT_EQ(skip["status"], 422);
  EXPECT_NE(skip["body"]["message"].get<std::string>().find("2028"), std::string::npos);
}

// The 差异系数 of the closed year keep all seven indicators: its teachers are
// the rows the commit wrote.
TEST(Rollover, TheClosedYearKeepsItsTeacherIndicators) {
  RolloverServer server;
  ASSERT_EQ(server.call("POST", "/rollover/commit", {{"to_year", 2027}})["status"], 200);
  json h = server.call("GET", "/analytics/balance/history?section=小学");
  ASSERT_EQ(h["status"], 200) << h.dump();
  for (const json& y : h["body"]["years"])
    if (y["year"] == 2026)
      for (const json& c : y["cvs"]) EXPECT_EQ(c["available"], true) << c.dump();
}

// 招生 after a rollover: the school opens 一年级 classes of the new year and
// imports its new entrants into them; the new year's statistics count them.
TEST(Rollover, EntrantsImportedIntoTheNewYearsClassesAreCounted) {
  RolloverServer server;
  ASSERT_EQ(server.call("POST", "/rollover/commit", {{"to_year", 2027}})["status"], 200);
  auto primary = [&] {
    json s = server.call("GET", "/analytics/indicators?year=2027");
    for (const json& g : s["body"]["groups"])
      if (g["level"] == "全域" && g["section"] == "小学") return g["values"];
    return json();
  };
  json before = primary();
  ASSERT_TRUE(before.is_object());
  Rows school = server.query("SELECT id, code FROM schools WHERE kind = '小学' ORDER BY id LIMIT 1");
  json opened = server.call("POST", "/schools/" + std::to_string(school.front().integer(0)) + "/classes",
                            {{"section", "小学"}, {"grade", 1}, {"count", 1}});
  ASSERT_EQ(opened["status"], 201) << opened.dump();
  const std::string klass = opened["body"]["items"][0]["name"];
  // 入学日期 may not be later than today, and the test runs before 2027-09-01.
  std::string file = "姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质\n";
  for (const char* name : {"新生甲", "新生乙"})
    file += std::string(name) + ",女," + apitest::new_id_number(2021, false) + ",2021-03-15,汉族," +
            school.front().text(1) + "," + klass + ",在读,2026-09-01,农村\n";
  json preview = server.upload("/imports/student", "新生.csv", file);
  ASSERT_EQ(preview["status"], 200) << preview.dump();
  ASSERT_EQ(preview["body"]["import"]["valid_rows"], 2) << preview.dump();
  json commit = server.call(
      "POST", "/imports/" + std::to_string(preview["body"]["import"]["id"].get<int64_t>()) + "/commit");
  ASSERT_EQ(commit["status"], 200) << commit.dump();
  json after = primary();
  EXPECT_EQ(after["entrants"]["now"]["value"].get<double>(),
            before["entrants"]["now"]["value"].get<double>() + 2);
  EXPECT_EQ(after["students"]["now"]["value"].get<double>(),
            before["students"]["now"]["value"].get<double>() + 2);
}

TEST(Rollover, TwoCommitsAtOnceApplyOne) {
  RolloverServer server;
  json first, second;
  std::thread a([&] { first = server.call("POST", "/rollover/commit", {{"to_year", 2027}}); });
  std::thread b([&] { second = server.call("POST", "/rollover/commit", {{"to_year", 2027}}); });
  a.join();
  b.join();
  ASSERT_EQ(first["status"], 200) << first.dump();
  ASSERT_EQ(second["status"], 200) << second.dump();
  EXPECT_NE(first["body"]["rollover"]["committed"], second["body"]["rollover"]["committed"]);
  EXPECT_NE(first["body"]["rollover"]["already_opened"], second["body"]["rollover"]["already_opened"]);
  EXPECT_EQ(server.count("audit_log WHERE action = 'rollover'"), 1);
}

}  // namespace
}  // namespace edu
