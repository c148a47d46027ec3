// The analytics endpoints on the fixture's demo county: scoping of the
// balance rows (county-wide 差异系数), what-if saving nothing, the snapshot
// cache following a register change, history, statistics and the xlsx export.
#include <map>

#include <gtest/gtest.h>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
std::string id(int64_t v) { return std::to_string(v); }

// The total of the list an analytics `records` link opens.
double list_total(const Login& who, const json& link) {
  std::string path = "/" + link["list"].get<std::string>() + "?size=1";
  for (const auto& [name, value] : link["query"].items())
    path += "&" + name + "=" + httplib::detail::encode_query_param(value.get<std::string>());
  auto r = server().call("GET", path, &who);
  EXPECT_EQ(r.status, 200) << path;
  return r.body["total"].get<double>();
}

json balance(const std::string& role, const std::string& query = "") {
  Login who = server().login(role);
  auto r = server().call("GET", "/analytics/balance?year=2026" + query, &who);
  EXPECT_EQ(r.status, 200) << r.body.dump();
  return r.body;
}

TEST(Analytics, BalanceRowsFollowTheScopeButCvIsTheCounty) {
  json admin = balance("admin"), officer = balance("officer"), school = balance("school_admin");
  EXPECT_EQ(admin["section"], "小学");
  EXPECT_EQ(admin["indicators"].size(), 7u);
  EXPECT_GT(admin["rows"].size(), officer["rows"].size());
  EXPECT_EQ(officer["cvs"], admin["cvs"]);
  ASSERT_EQ(school["rows"].size(), 1u);
  EXPECT_EQ(school["rows"][0]["school_id"], server().landmarks().own_school);
  EXPECT_EQ(school["cvs"], admin["cvs"]);
  for (const json& row : officer["rows"])
    EXPECT_EQ(row["area_name"], officer["rows"][0]["area_name"]);
  bool teaching_point = false;
  for (const json& x : admin["excluded"]) teaching_point |= x["kind"] == "教学点";
  EXPECT_TRUE(teaching_point);
  json old = balance("admin", "&standard=2012");
  EXPECT_EQ(old["indicators"].size(), 8u);
  EXPECT_EQ(old["cvs"][0]["limit"], 0.65);
}

// A failing school's row names its shortfalls (未达标原因): each indicator below its
// standard, the standard and the unit the column heads show, and how far short.
TEST(Analytics, FailingSchoolRowNamesItsShortfalls) {
  json admin = balance("admin");
  std::map<std::string, json> indicators;
  for (const json& ind : admin["indicators"]) {
    EXPECT_TRUE(ind["standard"].is_number()) << ind.dump();
    EXPECT_FALSE(ind["unit"].get<std::string>().empty()) << ind.dump();
    indicators[ind["key"]] = ind;
  }
  int failing = 0;
  for (const json& row : admin["rows"]) {
    std::map<std::string, std::string> below;  // key → mark
    for (const json& c : row["cells"])
      if (c["mark"] == "near" || c["mark"] == "short") below[c["key"]] = c["mark"];
    ASSERT_EQ(row["shortfalls"].size(), below.size()) << row.dump();
    if (row["complies"] != false) continue;
    ++failing;
    ASSERT_FALSE(below.empty()) << row.dump();
    for (const json& s : row["shortfalls"]) {
      const json& ind = indicators[s["key"]];
      EXPECT_TRUE(below.count(s["key"])) << s.dump();
      EXPECT_EQ(s["standard"], ind["standard"]);
      EXPECT_NEAR(s["gap"].get<double>(), s["standard"].get<double>() - s["value"].get<double>(), 1e-9);
      EXPECT_GT(s["gap"].get<double>(), 0);
      std::string text = s["text"], unit = ind["unit"];
      EXPECT_EQ(text.rfind(ind["label"].get<std::string>() + " ", 0), 0u) << text;
      EXPECT_NE(text.find(",差 "), std::string::npos) << text;
      EXPECT_NE(text.find(unit + "(标准 "), std::string::npos) << text;
    }
  }
  EXPECT_GT(failing, 0) << "the demo county should have a failing school";
  for (const json& row : balance("admin", "&standard=2012")["rows"]) EXPECT_TRUE(row["shortfalls"].empty());
}

TEST(Analytics, BadParametersAreChineseErrors) {
  Login admin = server().login("admin");
  auto r = server().call("GET", "/analytics/balance?year=2019", &admin);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "year");
  r = server().call("GET", "/analytics/balance?section=高中", &admin);
  EXPECT_EQ(r.status, 422);
  int64_t included = balance("admin")["rows"][0]["school_id"];
  r = server().call("POST", "/analytics/whatif", &admin,
                    json{{"changes", {{{"type", "move_teachers"}, {"from_school_id", included},
                                       {"to_school_id", 999999}, {"section", "小学"}}}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body["message"].get<std::string>().find("不存在"), std::string::npos);
}

TEST(Analytics, WhatIfShowsBothAndSavesNothing) {
  Login admin = server().login("admin");
  json today = balance("admin");
  int64_t from = today["rows"][0]["school_id"], to = today["rows"][1]["school_id"];
  int64_t teachers_before = server().count("teachers WHERE school_id = " + id(from));
  auto r = server().call("POST", "/analytics/whatif", &admin,
                         json{{"changes", {{{"type", "move_teachers"}, {"from_school_id", from},
                                            {"to_school_id", to}, {"section", "小学"}, {"count", 2}},
                                           {{"type", "add_conditions"}, {"school_id", to},
                                            {"sports_area", 5000}, {"multimedia_rooms", 3}}}}});
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["saved"], false);
  EXPECT_EQ(r.body["moved"].size(), 2u);
  EXPECT_EQ(r.body["changed_rows"].size(), 2u);
  const json& primary = r.body["sections"]["小学"];
  EXPECT_EQ(primary["before"]["cvs"], today["cvs"]);
  EXPECT_NE(primary["after"]["cvs"], today["cvs"]);
  EXPECT_EQ(server().count("teachers WHERE school_id = " + id(from)), teachers_before);
  EXPECT_EQ(balance("admin")["cvs"], today["cvs"]);

  auto plan = server().call("POST", "/analytics/plan", &admin, json{{"year", 2026}});
  ASSERT_EQ(plan.status, 200) << plan.body.dump();
  ASSERT_EQ(plan.body["plans"].size(), 2u);
  EXPECT_FALSE(plan.body["plans"][0]["notes"].empty());
}

TEST(Analytics, CacheFollowsARegisterChange) {
  Login admin = server().login("admin");
  int64_t school = server().landmarks().own_school;
  auto find_row = [&] {
    json table = balance("admin");
    for (const json& row : table["rows"])
      if (row["school_id"] == school) return row;
    return json();
  };
  json before = find_row();
  ASSERT_TRUE(before.is_object()) << "school " << school << " has no balance row";
  auto list = server().call("GET", "/teachers?post=专任教师&backbone=无&school_id=" + id(school), &admin);
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_GT(list.body["total"].get<int>(), 0);
  json t = list.body["items"][0];
  auto full = server().call("GET", "/teachers/" + id(t["id"].get<int64_t>()), &admin).body["teacher"];
  full.erase("id");
  full.erase("id_number");
  full.erase("school_name");
  full["backbone"] = "县级";
  auto put = server().call("PUT", "/teachers/" + id(t["id"].get<int64_t>()), &admin, full);
  ASSERT_EQ(put.status, 200) << put.body.dump();
  EXPECT_EQ(put.body["teacher"]["section"], "小学");  // kept although the form did not send it
  json after = find_row();
  ASSERT_TRUE(after["cells"][1]["numerator"].is_number()) << after.dump();
  EXPECT_EQ(after["cells"][1]["numerator"].get<double>(), before["cells"][1]["numerator"].get<double>() + 1);
}

TEST(Analytics, HistoryAndIndicators) {
  Login officer = server().login("officer");
  auto h = server().call("GET", "/analytics/balance/history?section=初中", &officer);
  ASSERT_EQ(h.status, 200);
  ASSERT_EQ(h.body["years"].size(), 3u);
  EXPECT_EQ(h.body["years"][0]["year"], 2024);
  for (const json& c : h.body["years"][0]["cvs"])  // the demo's staff history: all seven
    EXPECT_EQ(c["available"], true) << c.dump();
  EXPECT_EQ(h.body["years"][2]["cvs"][0]["available"], true);

  Login admin = server().login("admin");
  auto s = server().call("GET", "/analytics/indicators?year=2025", &admin);
  ASSERT_EQ(s.status, 200);
  json county;
  for (const json& g : s.body["groups"])
    if (g["level"] == "全域" && g["section"] == "合计") county = g;
  ASSERT_TRUE(county.is_object());
  EXPECT_EQ(county["values"]["students"]["now"]["value"].get<double>(),
            server().count("enrolments WHERE school_year = 2025 AND status IN ('在读', '毕业')"));
  EXPECT_EQ(county["values"]["dropout_rate"]["now"]["denominator"].get<double>(),
            server().count("enrolments WHERE school_year = 2025"));  // 学年初在册
  EXPECT_TRUE(county["values"]["students"]["change"].is_number());
  auto o = server().call("GET", "/analytics/indicators", &officer);
  for (const json& g : o.body["groups"])
    if (g["level"] == "乡镇") {
      EXPECT_EQ(g["area_id"], server().landmarks().seat_area);
    }
}

// Every value's numerator and denominator equal the totals of the lists its
// `records` open (the scope, each 城乡 group and one township). For a role
// narrower than the county the lists keep to its scope: a student counted in
// a past year who has left its schools since is not listed.
TEST(Analytics, IndicatorRecordsOpenListsOfTheirNumbers) {
  for (const char* role : {"admin", "officer", "school_admin"}) {
    Login who = server().login(role);
    for (int year : {2025, 2026}) {
      auto s = server().call("GET", "/analytics/indicators?year=" + id(year), &who);
      ASSERT_EQ(s.status, 200);
      int links = 0;
      std::string township;
      for (const json& g : s.body["groups"]) {
        if (g["level"] == "乡镇" && township.empty()) township = g["name"];
        if (g["level"] == "乡镇" && g["name"] != township) continue;
        for (const auto& [key, v] : g["values"].items())
          for (const char* part : {"numerator", "denominator"}) {
            const json& link = v["records"][part];
            if (link.is_null()) continue;
            ++links;
            double total = list_total(who, link), expected = v["now"][part].get<double>();
            if (std::string(role) == "admin" || link["list"] != "students") {
              EXPECT_EQ(total, expected) << role << " " << year << " " << g["name"] << " "
                                         << g["section"] << " " << key << " " << part;
            } else {
              EXPECT_LE(total, expected) << role << " " << year << " " << key << " " << part;
            }
          }
      }
      EXPECT_GT(links, 20) << role;
    }
  }
}

// A balance cell's links open that school's section: its students, and the
// 专任教师 the teacher indicators count.
TEST(Analytics, BalanceCellRecordsOpenTheSchoolsLists) {
  Login admin = server().login("admin");
  for (const char* section : {"小学", "初中"}) {
    json b = balance("admin", std::string("&section=") + section);
    int links = 0;
    for (const json& row : b["rows"])
      for (const json& cell : row["cells"])
        for (const char* part : {"numerator", "denominator"}) {
          const json& link = cell["records"][part];
          if (link.is_null() || !cell[part].is_number()) continue;
          ++links;
          EXPECT_EQ(list_total(admin, link), cell[part].get<double>())
              << row["school_name"] << " " << section << " " << cell["key"] << " " << part;
        }
    EXPECT_GT(links, 20);
  }
}

TEST(Analytics, BalanceExportsToXlsx) {
  Login admin = server().login("admin");
  auto r = server().raw("GET", "/api/v1/exports/balance.xlsx?year=2026", &admin, "");
  EXPECT_EQ(r.raw_body.substr(0, 2), "PK");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.headers.find("Content-Disposition"), r.headers.end());
}

}  // namespace
}  // namespace edu::apitest
