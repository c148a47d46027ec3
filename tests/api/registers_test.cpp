// Browsing and editing the registers over HTTP, and bad input of every kind:
// each gets a clear Chinese error and changes nothing.
#include <gtest/gtest.h>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }
std::string id(int64_t v) { return std::to_string(v); }

json new_student(int64_t school, int64_t klass, int grade) {
  int birth_year = 2026 - (grade + 5) - 1;  // born in March: already the usual age on 1 Sept
  return {{"name", "新同学"},       {"gender", "男"},
          {"id_number", new_id_number(birth_year, true)},
          {"birth_date", std::to_string(birth_year) + "-03-15"},
          {"ethnicity", "汉族"},   {"school_id", school},
          {"class_id", klass},     {"status", "在读"},
          {"enrolled_on", "2026-09-01"}, {"household", "农村"},
          {"left_behind", true},   {"disabled", false}};
}

// Counts that must not move when a request is refused.
struct Snapshot {
  int64_t students, teachers, schools, audit;
  static Snapshot take() {
    return {server().count("students"), server().count("teachers"), server().count("schools"),
            server().count("audit_log")};
  }
  bool operator==(const Snapshot&) const = default;
};

TEST(Registers, ListsPageFilterAndMask) {
  Login admin = server().login("admin");
  auto page1 = server().call("GET", "/students?page=1&size=10&status=在读", &admin);
  ASSERT_EQ(page1.status, 200);
  EXPECT_EQ(page1.body["items"].size(), 10u);
  EXPECT_GT(page1.body["total"].get<int>(), 1000);
  auto page2 = server().call("GET", "/students?page=2&size=10&status=在读", &admin);
  EXPECT_NE(page1.body["items"][0]["id"], page2.body["items"][0]["id"]);
  for (const auto& s : page1.body["items"]) {
    std::string masked = s["id_number"];
    EXPECT_EQ(masked.substr(6), "************");
  }
  auto by_school = server().call("GET", "/students?size=200&school_id=" + id(lm().own_school), &admin);
  for (const auto& s : by_school.body["items"]) EXPECT_EQ(s["school_id"], lm().own_school);
  std::string name = page1.body["items"][0]["name"];
  auto search = server().call("GET", "/students?q=" + httplib::detail::encode_query_param(name), &admin);
  ASSERT_GE(search.body["total"].get<int>(), 1);
  for (const auto& s : search.body["items"])
    EXPECT_NE(s["name"].get<std::string>().find(name), std::string::npos);
  auto grade = server().call("GET", "/students?grade=7&size=50", &admin);
  for (const auto& s : grade.body["items"]) EXPECT_EQ(s["grade_label"], "七年级");
}

// The filters that open the records behind a statistics indicator.
TEST(Registers, StudentFiltersByLocationAndSchoolYear) {
  Login admin = server().login("admin");
  auto total = [&](const std::string& query) {
    auto r = server().call("GET", "/students?size=1&" + query, &admin);
    EXPECT_EQ(r.status, 200) << query << r.body.dump();
    return r.body["total"].get<int64_t>();
  };
  EXPECT_EQ(total("location=乡村"),
            server().count("students WHERE school_id IN (SELECT id FROM schools WHERE location = '乡村')"));
  const std::string enrolled =
      "students WHERE id IN (SELECT e.student_id FROM enrolments e JOIN classes c ON c.id = "
      "e.class_id JOIN schools s ON s.id = e.school_id WHERE e.school_year = 2025 AND ";
  EXPECT_EQ(total("school_year=2025&section=初中&status=毕业&location=城区"),
            server().count(enrolled + "c.section = '初中' AND e.status = '毕业' AND s.location = '城区')"));
  int64_t entrants = total("school_year=2025&section=小学&entrant=1");
  EXPECT_GT(entrants, 0);
  EXPECT_EQ(entrants, server().count(enrolled +
                                     "c.section = '小学' AND e.grade = 1 AND NOT EXISTS (SELECT 1 FROM "
                                     "enrolments p WHERE p.student_id = e.student_id AND "
                                     "p.school_year = 2024 AND p.grade = 1))"));
  auto bad = server().call("GET", "/students?entrant=1", &admin);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["field"], "entrant") << bad.body.dump();
}

TEST(Registers, TeacherFiltersBySectionLocationEducationAndBackbone) {
  Login admin = server().login("admin");
  auto total = [&](const std::string& query) {
    auto r = server().call("GET", "/teachers?size=1&" + query, &admin);
    EXPECT_EQ(r.status, 200) << query << r.body.dump();
    return r.body["total"].get<int64_t>();
  };
  const std::string junior_seat =
      "teachers WHERE section = '初中' AND school_id IN (SELECT id FROM schools WHERE location = '城区')";
  EXPECT_GT(total("section=初中&location=城区"), 0);
  EXPECT_EQ(total("section=初中&location=城区"), server().count(junior_seat));
  EXPECT_EQ(total("section=初中&location=城区&education_standard=达标"),
            server().count(junior_seat + " AND education IN ('研究生', '本科', '专科')"));
  EXPECT_EQ(total("section=初中&education_standard=高于规定"),
            server().count("teachers WHERE section = '初中' AND education IN ('研究生', '本科')"));
  EXPECT_EQ(total("section=小学&education_standard=高于规定"),
            server().count("teachers WHERE section = '小学' AND education <> '高中及以下'"));
  EXPECT_EQ(total("is_backbone=1"), server().count("teachers WHERE backbone NOT IN ('无', '')"));
  auto bad = server().call("GET", "/teachers?education_standard=x", &admin);
  EXPECT_EQ(bad.status, 400);
}

TEST(Registers, ClassSizesByBandWithinTheScope) {
  auto total = [&](const Login& who, const std::string& query) {
    auto r = server().call("GET", "/class-sizes?size=1&" + query, &who);
    EXPECT_EQ(r.status, 200) << query << r.body.dump();
    return r.body["total"].get<int64_t>();
  };
  const std::string sized =
      "classes c WHERE c.school_year = 2025 AND (SELECT COUNT(*) FROM enrolments e WHERE "
      "e.class_id = c.id AND e.school_year = 2025) ";
  Login admin = server().login("admin");
  EXPECT_EQ(total(admin, "school_year=2025"), server().count(sized + "> 0"));
  EXPECT_EQ(total(admin, "school_year=2025&band=大班额"), server().count(sized + "BETWEEN 56 AND 65"));
  EXPECT_EQ(total(admin, "school_year=2025&band=超大班额&section=初中&location=城区"),
            server().count(sized + ">= 66 AND c.section = '初中' AND c.school_id IN (SELECT id "
                                   "FROM schools WHERE location = '城区')"));
  Login school = server().login("school_admin");
  auto own = server().call("GET", "/class-sizes?size=200&school_year=2026", &school);
  ASSERT_EQ(own.status, 200);
  EXPECT_GT(own.body["total"].get<int>(), 0);
  for (const auto& c : own.body["items"]) EXPECT_EQ(c["school_id"], lm().own_school);
  EXPECT_EQ(server().call("GET", "/class-sizes?band=x", &admin).status, 400);
}

TEST(Registers, SchoolDetailHasSectionsClassesAndConditions) {
  Login admin = server().login("admin");
  auto r = server().call("GET", "/schools/" + id(lm().own_school), &admin);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["school"]["kind"], "小学");
  ASSERT_FALSE(r.body["classes"].empty());
  int64_t students = 0;
  for (const auto& c : r.body["classes"]) students += c["student_count"].get<int64_t>();
  EXPECT_EQ(students, r.body["counts"]["students"].get<int64_t>() -
                          server().count("students WHERE status = '在读' AND class_id IS NULL AND "
                                         "school_id = " + id(lm().own_school)));
  EXPECT_EQ(r.body["sections"][0]["section"], "小学");
  EXPECT_EQ(r.body["conditions"].size(), 3u);  // three school years
}

TEST(Registers, DashboardCountsMatchTheDatabase) {
  Login admin = server().login("admin");
  auto r = server().call("GET", "/dashboard", &admin);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["subject"], "全县");
  EXPECT_EQ(r.body["totals"]["schools"], server().count("schools"));
  int64_t by_kind = 0;
  for (const auto& k : r.body["schools_by_kind"]) by_kind += k["value"].get<int64_t>();
  EXPECT_EQ(by_kind, server().count("schools"));
  Login school_admin = server().login("school_admin");
  auto own = server().call("GET", "/dashboard", &school_admin);
  EXPECT_EQ(own.body["subject"], "本校");
  EXPECT_EQ(own.body["totals"]["schools"], 1);
}

// 在校生 has one definition (core/in_school.h): the dashboard's 在校学生, 统计指标's
// 在校生数 and the student list that opens it give the same number, for the
// county and for one school; 休学, 转出, 辍学 and 在读 students without a class
// are not counted.
TEST(Registers, InSchoolIsOneNumberOnDashboardStatisticsAndList) {
  for (const char* user : {"admin", "school_admin"}) {
    Login who = server().login(user);
    auto dash = server().call("GET", "/dashboard", &who);
    ASSERT_EQ(dash.status, 200);
    int year = dash.body["school_year"];
    auto stats = server().call("GET", "/analytics/indicators", &who);
    ASSERT_EQ(stats.status, 200);
    json in_school;
    for (const auto& g : stats.body["groups"])
      if (g["level"] == "全域" && g["section"] == "合计") in_school = g["values"]["students"];
    ASSERT_FALSE(in_school.is_null()) << user;
    EXPECT_EQ(dash.body["totals"]["students"], in_school["now"]["value"]) << user;
    std::string query;
    for (const auto& [k, v] : in_school["records"]["numerator"]["query"].items())
      query += (query.empty() ? "?" : "&") + k + "=" + v.get<std::string>();
    auto list = server().call("GET", "/students" + query, &who);
    ASSERT_EQ(list.status, 200) << query;
    EXPECT_EQ(dash.body["totals"]["students"], list.body["total"]) << user;
    std::string where = "enrolments WHERE school_year = " + std::to_string(year) +
                        " AND class_id IS NOT NULL AND status IN ('在读', '毕业')";
    if (std::string(user) == "school_admin") where += " AND school_id = " + id(lm().own_school);
    EXPECT_EQ(dash.body["totals"]["students"], server().count(where)) << user;
  }
}

TEST(Registers, CreateUpdateAndAuditAStudent) {
  Login sa = server().login("school_admin");
  json body = new_student(lm().own_school, lm().own_class, lm().own_class_grade);
  auto created = server().call("POST", "/students", &sa, body);
  ASSERT_EQ(created.status, 201) << created.body.dump();
  int64_t sid = created.body["student"]["id"];
  EXPECT_EQ(created.body["student"]["class_id"], lm().own_class);
  body.erase("id_number");  // keep the stored one
  body["name"] = "新同学改名";
  auto updated = server().call("PUT", "/students/" + id(sid), &sa, body);
  ASSERT_EQ(updated.status, 200) << updated.body.dump();
  EXPECT_EQ(updated.body["student"]["name"], "新同学改名");
  auto history = server().call("GET", "/students/" + id(sid) + "/audit", &sa);
  ASSERT_EQ(history.status, 200);
  ASSERT_EQ(history.body["items"].size(), 2u);
  const json& update = history.body["items"][0];  // newest first
  EXPECT_EQ(update["action"], "update");
  EXPECT_EQ(update["username"], "school_admin");
  ASSERT_EQ(update["changes"].size(), 1u);
  EXPECT_EQ(update["changes"][0]["old"], "新同学");
  EXPECT_EQ(update["changes"][0]["new"], "新同学改名");
  EXPECT_EQ(history.body["items"][1]["action"], "create");
}

TEST(Registers, RevealIsFullAndAudited) {
  Login admin = server().login("admin");
  std::string path = "/students/" + id(lm().own_student);
  int64_t before = server().count("audit_log WHERE action = 'view_id_number'");
  auto r = server().call("GET", path + "/id-number", &admin);
  ASSERT_EQ(r.status, 200);
  std::string full = r.body["id_number"];
  EXPECT_EQ(full.size(), 18u);
  EXPECT_EQ(full.find('*'), std::string::npos);
  EXPECT_EQ(server().count("audit_log WHERE action = 'view_id_number'"), before + 1);
  auto masked = server().call("GET", path, &admin);
  EXPECT_EQ(masked.body["student"]["id_number"].get<std::string>().substr(0, 4), full.substr(0, 4));
  EXPECT_NE(masked.body["student"]["id_number"], full);
}

TEST(Registers, CreateATeacherAndASchool) {
  Login admin = server().login("admin");
  json teacher = {{"name", "李老师"},  {"gender", "女"},
                  {"id_number", new_id_number(1990, false)}, {"birth_date", "1990-03-15"},
                  {"school_id", lm().own_school}, {"post", "专任教师"}, {"education", "本科"},
                  {"title", "一级"}, {"subject", "数学"}, {"backbone", "县级"},
                  {"on_staff", true}, {"hired_on", "2012-09-01"}};
  auto t = server().call("POST", "/teachers", &admin, teacher);
  ASSERT_EQ(t.status, 201) << t.body.dump();
  EXPECT_EQ(t.body["teacher"]["backbone"], "县级");
  json school = {{"code", "2143059999"}, {"name", "青山县新城小学"}, {"kind", "小学"},
                 {"ownership", "公办"}, {"location", "城区"}, {"area_id", lm().seat_area},
                 {"founded_year", 2026}};
  auto s = server().call("POST", "/schools", &admin, school);
  ASSERT_EQ(s.status, 201) << s.body.dump();
  auto dup = server().call("POST", "/schools", &admin, school);
  EXPECT_EQ(dup.status, 409);
  EXPECT_NE(dup.body["message"].get<std::string>().find("青山县新城小学"), std::string::npos);
}

struct BadCase {
  const char* what;
  std::string method, path;
  std::string body;  // raw
  int status;
  const char* code;
  const char* field;  // "" = none expected
};

TEST(Registers, BadInputIsRefusedClearlyAndChangesNothing) {
  Login sa = server().login("school_admin");
  json good = new_student(lm().own_school, lm().own_class, lm().own_class_grade);
  auto with = [&](const char* key, json value) {
    json b = good;
    b[key] = value;
    return b.dump();
  };
  auto without = [&](const char* key) {
    json b = good;
    b.erase(key);
    return b.dump();
  };
  std::string bad_check = good["id_number"];
  bad_check[17] = bad_check[17] == '0' ? '1' : '0';
  std::string own = "/api/v1/students/" + id(lm().own_student);
  std::vector<BadCase> cases = {
      {"broken JSON", "POST", "/api/v1/students", "{\"name\": ", 400, "bad_request", ""},
      {"not an object", "POST", "/api/v1/students", "[1,2]", 400, "bad_request", ""},
      {"wrong type", "POST", "/api/v1/students", with("school_id", "十二"), 400, "bad_request", "school_id"},
      {"wrong bool", "POST", "/api/v1/students", with("left_behind", "是"), 400, "bad_request", "left_behind"},
      {"missing name", "POST", "/api/v1/students", without("name"), 422, "validation", "name"},
      {"missing id number", "POST", "/api/v1/students", without("id_number"), 422, "validation", "id_number"},
      {"bad checksum", "POST", "/api/v1/students", with("id_number", bad_check), 422, "invalid_id_number", "id_number"},
      {"bad date", "POST", "/api/v1/students", with("enrolled_on", "2026-02-30"), 422, "validation", "enrolled_on"},
      {"bad enum", "POST", "/api/v1/students", with("household", "外星"), 422, "validation", "household"},
      {"birth vs ID", "POST", "/api/v1/students", with("birth_date", "2000-01-01"), 422, "validation", "birth_date"},
      {"another school", "POST", "/api/v1/students", with("school_id", lm().rural_school), 422, "validation", "school_id"},
      {"another school's class", "POST", "/api/v1/students", with("class_id", lm().rural_class), 422, "validation", "class_id"},
      {"another school's student", "PUT", "/api/v1/students/" + id(lm().rural_student), good.dump(), 404, "not_found", ""},
      {"unknown id", "PUT", "/api/v1/students/99999999", good.dump(), 404, "not_found", ""},
      {"unknown id read", "GET", "/api/v1/students/99999999", "", 404, "not_found", ""},
      {"bad page", "GET", "/api/v1/students?page=abc", "", 400, "bad_request", "page"},
      {"huge page", "GET", "/api/v1/students?size=100000", "", 400, "bad_request", "size"},
      {"page past the bound", "GET", "/api/v1/students?page=9223372036854775807", "", 400, "bad_request", "page"},
      {"whitespace-only name", "POST", "/api/v1/students", with("name", " \t "), 422, "validation", "name"},
      {"NUL in the name", "POST", "/api/v1/students", with("name", std::string("张\0三", 7)), 422, "validation", "name"},
      {"control character in the name", "POST", "/api/v1/students", with("name", "张\x07三"), 422, "validation", "name"},
      {"10,000-character name", "POST", "/api/v1/students", with("name", std::string(10000, 'a')), 422, "validation", "name"},
      {"oversize body", "POST", "/api/v1/students", std::string(2 << 20, ' '), 413, "too_large", ""},
  };
  for (const BadCase& c : cases) {
    Snapshot before = Snapshot::take();
    auto r = server().raw(c.method, c.path, &sa, c.body);
    EXPECT_EQ(r.status, c.status) << c.what << ": " << r.body.dump();
    EXPECT_EQ(r.body.value("code", ""), c.code) << c.what;
    EXPECT_EQ(r.body.value("field", ""), c.field) << c.what;
    std::string message = r.body.value("message", "");
    EXPECT_FALSE(message.empty()) << c.what;
    EXPECT_TRUE(message.find_first_of("\xe4\xe5\xe6\xe7\xe8\xe9") != std::string::npos)
        << c.what << " message is not Chinese: " << message;
    EXPECT_TRUE(before == Snapshot::take()) << c.what << " changed the database";
  }
}

}  // namespace
}  // namespace edu::apitest
