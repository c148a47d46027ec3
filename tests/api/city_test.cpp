// A small city set up the way a real bureau does it: `init --city` (the same
// workflow), then the area, school, class, student and conditions imports
// through the API. 邵阳市 → 隆回县 (桃洪镇 → 桃洪一学区; a 城关镇) and 洞口县
// (another 城关镇); four 小学: A (1 student, 桃洪镇), B (3, 桃洪一学区),
// C and D (2 each, 洞口县's 城关镇). 教学及辅助用房 5, 3, 4 and 6 m² per
// student, so by hand: 隆回县 X̄ = (5 + 9)/4 = 3.5, S² = (1·1.5² + 3·0.5²)/4 = 0.75,
// CV = √0.75 / 3.5 = 0.247436…; 洞口县 X̄ = 5, S = 1, CV = 0.2.
// A county officer of 隆回县 sees only its schools, students and figures.
#include <gtest/gtest.h>

#include <cmath>

#include "own_server.h"
#include "workflow/county_setup.h"

namespace edu::apitest {
namespace {

void init_city(Database& db) {
  NewCounty city{"邵阳市", "430500", true, {"admin", "市教育局管理员", "Demo@2026", "", {}, {}, {}}};
  auto root = init_county(db, city, {Date{2026, 11, 1}, 2026});
  if (!root.ok()) throw std::runtime_error(root.status().message());
}

class City : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new OwnServer("city", init_city);
    load();
  }
  static void TearDownTestSuite() { delete server_; }
  static OwnServer& server() { return *server_; }

  // Uploads and commits one file; fails the test on any problem.
  static void import(const std::string& kind, const std::string& content) {
    auto preview = server().upload("/imports/" + kind, &server().admin(), kind + ".csv", content);
    ASSERT_EQ(preview.status, 200) << preview.body.dump();
    ASSERT_TRUE(preview.body["import"]["problems"].empty()) << preview.body.dump();
    auto commit = server().call("POST", "/imports/" + std::to_string(preview.body["import"]["id"].get<int64_t>()) +
                                            "/commit", &server().admin());
    ASSERT_EQ(commit.status, 200) << commit.body.dump();
  }

  static void load() {
    // Children before their parents: the import writes parents first.
    import("area", "行政区划代码,名称,级别\n43052410001,桃洪一学区,学区\n430524100,桃洪镇,\n"
                   "430524101,城关镇,乡镇(街道)\n430525100,城关镇,\n430524,隆回县,区/县\n430525,洞口县,\n");
    import("school", "学校标识码,学校名称,学校类别,办学性质,城乡类别,所属乡镇\n"
                     "2143052401,甲小学,小学,公办,镇区,桃洪镇\n2143052402,乙小学,小学,公办,镇区,桃洪一学区\n"
                     "2143052501,丙小学,小学,公办,城区,430525100\n2143052502,丁小学,小学,公办,城区,430525100\n");
    std::string classes = "学校标识码,学年,学段,年级,班号,班级名称\n";
    std::string students = "姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质\n";
    std::string conditions = "学校标识码,学年,校舍建筑面积,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,图书,计算机,网络多媒体教室\n";
    const char* codes[] = {"2143052401", "2143052402", "2143052501", "2143052502"};
    const int pupils[] = {1, 3, 2, 2};
    const int teaching[] = {5, 9, 8, 12};
    for (int i = 0; i < 4; ++i) {
      classes += std::string(codes[i]) + ",2026,小学,一年级,1,一年级(1)班\n";
      for (int k = 0; k < pupils[i]; ++k)
        students += "学生" + std::to_string(i) + std::to_string(k) + ",男," + new_id_number(2020, true) +
                    ",2020-03-15,汉族," + codes[i] + ",一年级(1)班,在读,2026-09-01,农村\n";
      conditions += std::string(codes[i]) + ",2026,100," + std::to_string(teaching[i]) + ",50,10000,100,2,1\n";
    }
    import("class", classes);
    import("student", students);
    import("conditions", conditions);
    auto officer = server().admin_call("POST", "/users", {{"username", "longhui"}, {"display_name", "隆回县教育局"},
                                                         {"password", "Demo@2026"}, {"role", "area_officer"},
                                                         {"area_id", area("430524")}});
    ASSERT_EQ(officer["status"], 201) << officer.dump();
  }

  static int64_t area(const std::string& code) {
    return server().ids("SELECT id FROM areas WHERE code = '" + code + "'").at(0);
  }
  static int64_t school(const std::string& code) {
    return server().ids("SELECT id FROM schools WHERE code = '" + code + "'").at(0);
  }
  static double teaching_cv(const json& summary) {
    for (const json& cv : summary["cvs"])
      if (cv["key"] == "teaching_area") return cv["cv"].get<double>();
    throw std::runtime_error("no teaching_area cv");
  }

  static OwnServer* server_;
};

OwnServer* City::server_ = nullptr;

TEST_F(City, TheTreeIsCityCountyTownshipDistrict) {
  EXPECT_EQ(server().ids("SELECT COUNT(*) FROM areas WHERE level = '县' AND parent_id = " +
                         std::to_string(area("430500")))[0], 2);
  EXPECT_EQ(server().ids("SELECT parent_id FROM areas WHERE code = '43052410001'")[0], area("430524100"));
  EXPECT_EQ(server().ids("SELECT parent_id FROM areas WHERE code = '430525100'")[0], area("430525"));
  EXPECT_EQ(server().ids("SELECT area_id FROM schools WHERE code = '2143052402'")[0], area("43052410001"));
  auto tree = server().admin_call("GET", "/areas");
  ASSERT_EQ(tree["body"].size(), 1u);
  EXPECT_EQ(tree["body"][0]["level"], "市");
  EXPECT_EQ(tree["body"][0]["children"].size(), 2u);
}

TEST_F(City, BadAreaAndSchoolRowsAreNamed) {
  const std::string file = "行政区划代码,名称,级别\n430621,外市县,\n43052410002,二学区,乡镇\n430524102,桃洪镇,\n"
                           "430526100,无县镇,\n";
  auto preview = server().upload("/imports/area", &server().admin(), "区划.csv", file);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  const json& p = preview.body["import"]["problems"];
  ASSERT_EQ(p.size(), 4u) << p.dump();
  EXPECT_EQ(p[0]["row"], 2);
  EXPECT_EQ(p[0]["column"], "A");  // not under the city's 4305
  EXPECT_EQ(p[1]["row"], 3);
  EXPECT_EQ(p[1]["column"], "C");  // 11 digits is a 学区, not a 乡镇
  EXPECT_EQ(p[2]["row"], 4);
  EXPECT_EQ(p[2]["column"], "B");  // 桃洪镇 again under 隆回县
  EXPECT_EQ(p[3]["row"], 5);
  EXPECT_EQ(p[3]["column"], "A");  // no 区/县 430526
  auto school = server().upload("/imports/school", &server().admin(), "学校.csv",
                                "学校标识码,学校名称,学校类别,办学性质,城乡类别,所属乡镇\n"
                                "2143052409,戊小学,小学,公办,镇区,城关镇\n");
  const json& sp = school.body["import"]["problems"];
  ASSERT_EQ(sp.size(), 1u) << school.body.dump();
  EXPECT_NE(sp[0]["message"].get<std::string>().find("行政区划代码"), std::string::npos);  // two 城关镇
}

TEST_F(City, TheCoefficientIsComputedPerCounty) {
  const std::string longhui = std::to_string(area("430524")), dongkou = std::to_string(area("430525"));
  auto a = server().admin_call("GET", "/analytics/balance?section=小学&county_id=" + longhui);
  ASSERT_EQ(a["status"], 200) << a.dump();
  EXPECT_NEAR(teaching_cv(a["body"]), std::sqrt(0.75) / 3.5, 1e-9);
  EXPECT_EQ(a["body"]["rows"].size(), 2u);
  EXPECT_EQ(a["body"]["counties"].size(), 2u);
  auto b = server().admin_call("GET", "/analytics/balance?section=小学&county_id=" + dongkou);
  ASSERT_EQ(b["status"], 200) << b.dump();
  EXPECT_NEAR(teaching_cv(b["body"]), 0.2, 1e-9);
  auto first = server().admin_call("GET", "/analytics/balance?section=小学");  // a city user: the first county
  EXPECT_EQ(first["body"]["county_id"], area("430524"));
  auto table = server().admin_call("GET", "/analytics/balance/counties?section=小学");
  ASSERT_EQ(table["status"], 200) << table.dump();
  ASSERT_EQ(table["body"]["counties"].size(), 2u);
  EXPECT_EQ(table["body"]["counties"][1]["county_name"], "洞口县");
  EXPECT_NEAR(teaching_cv(table["body"]["counties"][1]), 0.2, 1e-9);
  auto township = server().admin_call("GET", "/analytics/balance?county_id=" + std::to_string(area("430524100")));
  EXPECT_EQ(township["status"], 404);
  auto plan = server().admin_call("POST", "/analytics/plan", {{"county_id", area("430525")}, {"section", "小学"}});
  EXPECT_EQ(plan["status"], 200) << plan.dump();
  Reply xlsx = server().call("GET", "/exports/balance.xlsx?county_id=" + dongkou, &server().admin());
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.headers.find("Content-Disposition")->second.find("洞口县2026学年均衡发展"), std::string::npos);
}

TEST_F(City, StatisticsHaveARowPerCountyAndTownship) {
  auto r = server().admin_call("GET", "/analytics/indicators");
  ASSERT_EQ(r["status"], 200) << r.dump();
  std::map<std::string, double> students;
  for (const json& g : r["body"]["groups"])
    if (g["section"] == "合计")
      students[g["level"].get<std::string>() + "/" + g["name"].get<std::string>() + "/" + g["area_id"].dump()] =
          g["values"]["students"]["now"]["value"].get<double>();
  EXPECT_EQ(students["全域/邵阳市/null"], 8);
  EXPECT_EQ(students["区县/隆回县/" + std::to_string(area("430524"))], 4);
  EXPECT_EQ(students["区县/洞口县/" + std::to_string(area("430525"))], 4);
  EXPECT_EQ(students["乡镇/桃洪镇/" + std::to_string(area("430524100"))], 4);  // with its 学区's school
  EXPECT_EQ(students["乡镇/城关镇/" + std::to_string(area("430525100"))], 4);
  EXPECT_EQ(students.count("乡镇/桃洪一学区/" + std::to_string(area("43052410001"))), 0u);
  int traced = 0;
  for (const json& g : r["body"]["groups"])  // a 区/县's 在校生数 opens its schools' students
    if (g["level"] == "区县" && g["section"] == "合计") {
      ++traced;
      const json& link = g["values"]["students"]["records"]["numerator"];
      std::string query;
      for (const auto& [key, value] : link["query"].items())
        query += (query.empty() ? "?" : "&") + key + "=" + value.get<std::string>();
      auto list = server().admin_call("GET", "/" + link["list"].get<std::string>() + query);
      EXPECT_EQ(list["body"]["total"], 4) << query;
    }
  EXPECT_EQ(traced, 2);
  auto dashboard = server().admin_call("GET", "/dashboard");  // schools by township, the 学区's within
  ASSERT_EQ(dashboard["status"], 200) << dashboard.dump();
  EXPECT_EQ(dashboard["body"]["schools_by_area"],
            json::parse(R"([{"name": "桃洪镇", "value": 2}, {"name": "城关镇", "value": 2}])"));
}

TEST_F(City, ACountyOfficerSeesOnlyTheirCounty) {
  Login officer = server().login("longhui");
  auto schools = server().call("GET", "/schools", &officer);
  ASSERT_EQ(schools.status, 200);
  EXPECT_EQ(schools.body["total"], 2) << schools.body.dump();
  auto students = server().call("GET", "/students", &officer);
  EXPECT_EQ(students.body["total"], 4) << students.body.dump();
  const std::string other = std::to_string(school("2143052501"));
  const int status = server().call("GET", "/schools/" + other, &officer).status;
  EXPECT_TRUE(status == 403 || status == 404) << status;
  const int64_t other_student =
      server().ids("SELECT id FROM students WHERE school_id = " + other + " LIMIT 1").at(0);
  const int student_status = server().call("GET", "/students/" + std::to_string(other_student), &officer).status;
  EXPECT_TRUE(student_status == 403 || student_status == 404) << student_status;
  auto own = server().call("GET", "/analytics/balance?section=小学", &officer);
  ASSERT_EQ(own.status, 200) << own.body.dump();
  EXPECT_EQ(own.body["county_id"], area("430524"));
  EXPECT_NEAR(teaching_cv(own.body), std::sqrt(0.75) / 3.5, 1e-9);
  EXPECT_EQ(own.body["counties"].size(), 1u);
  auto theirs = server().call("GET", "/analytics/balance?county_id=" + std::to_string(area("430525")), &officer);
  EXPECT_EQ(theirs.status, 403) << theirs.body.dump();
  auto table = server().call("GET", "/analytics/balance/counties", &officer);
  ASSERT_EQ(table.body["counties"].size(), 1u);
  EXPECT_EQ(table.body["counties"][0]["county_name"], "隆回县");
  auto stats = server().call("GET", "/analytics/indicators", &officer);
  for (const json& g : stats.body["groups"])
    if (g["level"] == "全域" && g["section"] == "合计") EXPECT_EQ(g["values"]["students"]["now"]["value"], 4);
}

}  // namespace
}  // namespace edu::apitest
