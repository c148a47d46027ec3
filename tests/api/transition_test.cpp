// 小升初 through the API on a county of its own: after 学年升级 to 2027 the
// bureau imports the 划片 (实验小学 → 初级中学, the 九年一贯制学校 → itself),
// opens 七年级 classes and enrols three of 实验小学's graduates — two where the
// 划片 sends them, one at the 完全中学 of another township — and leaves every
// other graduate out. GET /transition lists exactly those left out: per 初中
// the feeder graduates who did not arrive (the third with where they went), per
// township the graduates enrolled nowhere; each role sees its own part.
#include <gtest/gtest.h>

#include <algorithm>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

// The 2026 小学六年级 graduates of a school, by student id.
std::vector<int64_t> graduates_of(OwnServer& server, int64_t school) {
  return server.ids(
      "SELECT e.student_id FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE "
      "e.school_year = 2026 AND c.section = '小学' AND c.grade = 6 AND e.status = '毕业' AND "
      "e.school_id = " + id(school) + " ORDER BY e.student_id");
}

int64_t one(OwnServer& server, const std::string& sql) {
  auto list = server.ids(sql);
  if (list.size() != 1) throw std::runtime_error("expected one row: " + sql);
  return list[0];
}

// Enrols a graduate into a 七年级 class of 2027 as the bureau (a change of school).
void enrol(OwnServer& server, int64_t student, int64_t school, int64_t klass) {
  json s = server.admin_call("GET", "/students/" + id(student))["body"]["student"];
  for (const char* field : {"id", "id_number", "school_name", "class_name", "section", "grade", "grade_label"})
    s.erase(field);
  s["school_id"] = school;
  s["class_id"] = klass;
  s["status"] = "在读";
  json r = server.admin_call("PUT", "/students/" + id(student), s);
  ASSERT_EQ(r["status"], 200) << r.dump();
}

std::vector<int64_t> student_ids(const json& list) {
  std::vector<int64_t> out;
  for (const json& m : list) out.push_back(m["student_id"]);
  return out;
}

TEST(Transition, ListsTheGraduatesWhoDidNotArriveAndThoseEnrolledNowhere) {
  OwnServer server("transition");
  ASSERT_EQ(server.admin_call("POST", "/rollover/commit", {{"to_year", 2027}})["status"], 200);
  const int64_t primary = one(server, "SELECT id FROM schools WHERE kind = '小学'");
  const int64_t nine = one(server, "SELECT id FROM schools WHERE kind = '九年一贯制学校'");
  const int64_t middle = one(server, "SELECT id FROM schools WHERE kind = '初级中学'");
  const int64_t other = one(server, "SELECT id FROM schools WHERE kind = '完全中学'");
  auto code = [&](int64_t school) {
    return server.admin_call("GET", "/schools/" + id(school))["body"]["school"]["code"].get<std::string>();
  };
  std::string file = "小学标识码,对口初中标识码\n" + code(primary) + "," + code(middle) + "\n" +
                     code(nine) + "," + code(nine) + "\n";
  Reply preview = server.upload("/imports/catchment", &server.admin(), "划片.csv", file);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  ASSERT_EQ(server.admin_call("POST", "/imports/" + id(preview.body["import"]["id"]) + "/commit")["status"],
            200);
  for (int64_t school : {middle, other})
    ASSERT_EQ(server.admin_call("POST", "/schools/" + id(school) + "/classes",
                                {{"section", "初中"}, {"grade", 7}, {"count", 1}})["status"],
              201);
  auto seventh = [&](int64_t school) {
    return one(server, "SELECT id FROM classes WHERE school_year = 2027 AND grade = 7 AND school_id = " +
                           id(school));
  };
  const std::vector<int64_t> from_primary = graduates_of(server, primary), from_nine = graduates_of(server, nine);
  ASSERT_GE(from_primary.size(), 3u);
  ASSERT_GE(from_nine.size(), 1u);
  enrol(server, from_primary[0], middle, seventh(middle));
  enrol(server, from_primary[1], middle, seventh(middle));
  enrol(server, from_primary[2], other, seventh(other));

  json t = server.admin_call("GET", "/transition")["body"]["transition"];
  EXPECT_EQ(t["year"], 2027);
  ASSERT_EQ(t["middle_schools"].size(), 2u) << t.dump();
  const json& m = t["middle_schools"][0]["school_id"] == middle ? t["middle_schools"][0] : t["middle_schools"][1];
  const json& n = t["middle_schools"][0]["school_id"] == nine ? t["middle_schools"][0] : t["middle_schools"][1];
  EXPECT_EQ(m["expected"], from_primary.size());
  EXPECT_EQ(m["arrived"], 2);
  std::vector<int64_t> left_primary(from_primary.begin() + 2, from_primary.end());
  std::vector<int64_t> missing = student_ids(m["missing"]);
  std::sort(missing.begin(), missing.end());
  EXPECT_EQ(missing, left_primary);
  for (const json& s : m["missing"]) {
    if (s["student_id"] == from_primary[2]) {
      EXPECT_EQ(s["went_to_id"], other);
      EXPECT_NE(s["id_number"].get<std::string>().find("****"), std::string::npos);  // masked
    } else {
      EXPECT_TRUE(s["went_to_id"].is_null());
    }
  }
  EXPECT_EQ(n["expected"], from_nine.size());
  EXPECT_EQ(n["arrived"], 0);
  EXPECT_EQ(student_ids(n["missing"]).size(), from_nine.size());

  // Both 小学 lie in one township: its list is every graduate but the three.
  ASSERT_EQ(t["townships"].size(), 1u) << t.dump();
  const json& township = t["townships"][0];
  EXPECT_EQ(township["graduates"], from_primary.size() + from_nine.size());
  EXPECT_EQ(township["unassigned"], 0);
  std::vector<int64_t> nowhere = student_ids(township["nowhere"]), expected(from_primary.begin() + 3,
                                                                            from_primary.end());
  expected.insert(expected.end(), from_nine.begin(), from_nine.end());
  std::sort(nowhere.begin(), nowhere.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(nowhere, expected);
  EXPECT_EQ(t["totals"]["nowhere"], expected.size());

  // Each role its part: the officer the seat township (all of it here), the
  // inspector's township has no graduates, a 小学's admin no list, a teacher none.
  auto seen = [&](const std::string& user) {
    Login who = server.login(user);
    return server.call("GET", "/transition", &who);
  };
  EXPECT_EQ(seen("officer").body["transition"], t);
  EXPECT_TRUE(seen("inspector").body["transition"]["townships"].empty());
  EXPECT_TRUE(seen("inspector").body["transition"]["middle_schools"].empty());
  json small = seen("school_admin").body["transition"];
  EXPECT_TRUE(small["townships"].empty() && small["middle_schools"].empty()) << small.dump();
  EXPECT_EQ(seen("teacher").status, 403);
  ASSERT_EQ(server.admin_call("POST", "/users",
                              {{"username", "middle_admin"}, {"display_name", "初中管理员"},
                               {"password", "Middle2027x"}, {"role", "school_admin"}, {"school_id", middle}})["status"],
            201);
  Login middle_admin = server.login("middle_admin", "Middle2027x");
  json own = server.call("GET", "/transition", &middle_admin).body["transition"];
  ASSERT_EQ(own["middle_schools"].size(), 1u);
  EXPECT_EQ(own["middle_schools"][0], m);
  EXPECT_TRUE(own["townships"].empty());

  EXPECT_EQ(server.admin_call("GET", "/transition?year=abc")["status"], 400);
  EXPECT_EQ(server.admin_call("GET", "/transition?year=1999")["status"], 422);
  json last_year = server.admin_call("GET", "/transition?year=2026")["body"]["transition"];
  EXPECT_EQ(last_year["year"], 2026);
}

}  // namespace
}  // namespace edu::apitest
