// 划片 (小升初): the bureau imports which 初中 each 小学 feeds — every bad row
// named by row and column, nothing written until the file is clean — and each
// role reads the rows where its scope holds the 小学 or the 初中.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }

// A school of `kind`: inside the officer's township or outside it.
json school_of_kind(const std::string& kind, bool in_seat) {
  Login admin = server().login("admin");
  Reply list = server().call("GET", "/schools?kind=" + kind + "&size=200", &admin);
  for (const json& s : list.body["items"])
    if ((s["area_id"] == lm().seat_area) == in_seat) return s;
  return json();
}

std::string code_of(int64_t school) {
  Login admin = server().login("admin");
  return server().call("GET", "/schools/" + std::to_string(school), &admin).body["school"]["code"];
}

TEST(Catchments, ImportNamesBadRowsThenWritesACleanFile) {
  Login admin = server().login("admin");
  const json seat_middle = school_of_kind("初级中学", true), rural_middle = school_of_kind("完全中学", false);
  const json nine_year = school_of_kind("九年一贯制学校", true);
  ASSERT_TRUE(seat_middle.is_object() && rural_middle.is_object() && nine_year.is_object());
  const std::string own = code_of(lm().own_school), rural = code_of(lm().rural_school);
  const std::string m1 = seat_middle["code"], m2 = rural_middle["code"];
  const std::string header = "小学标识码,对口初中标识码\n";
  std::string bad = header + own + "," + m1 + "\n9999999999," + m1 + "\n" + rural + "," + own + "\n" +
                    m1 + "," + m1 + "\n" + own + "," + m2 + "\n";
  auto preview = server().upload("/imports/catchment", &admin, "划片.csv", bad);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  const json& problems = preview.body["import"]["problems"];
  ASSERT_EQ(problems.size(), 4u) << problems.dump();
  const std::vector<std::pair<int, std::string>> where = {{3, "A"}, {4, "B"}, {5, "A"}, {6, "A"}};
  for (size_t i = 0; i < where.size(); ++i) {
    EXPECT_EQ(problems[i]["row"], where[i].first) << problems[i].dump();
    EXPECT_EQ(problems[i]["column"], where[i].second) << problems[i].dump();
  }
  EXPECT_NE(problems[1]["message"].get<std::string>().find("没有初中学段"), std::string::npos);
  EXPECT_NE(problems[3]["message"].get<std::string>().find("与第2行"), std::string::npos);
  EXPECT_EQ(server().count("catchments"), 0);

  Login school_admin = server().login("school_admin");
  EXPECT_EQ(server().upload("/imports/catchment", &school_admin, "划片.csv", header + own + "," + m1 + "\n")
                .status,
            403);

  const std::string nine = nine_year["code"];  // feeds itself
  std::string good = header + own + "," + m1 + "\n" + rural + "," + m2 + "\n" + nine + "," + nine + "\n";
  auto ok = server().upload("/imports/catchment", &admin, "划片.csv", good);
  ASSERT_EQ(ok.status, 200) << ok.body.dump();
  auto commit = server().call(
      "POST", "/imports/" + std::to_string(ok.body["import"]["id"].get<int64_t>()) + "/commit", &admin);
  ASSERT_EQ(commit.status, 200) << commit.body.dump();
  EXPECT_EQ(server().count("catchments"), 3);
  EXPECT_EQ(server().count("audit_log WHERE entity = 'catchment'"), 3);

  Reply all = server().call("GET", "/catchments", &admin);
  ASSERT_EQ(all.body["total"], 3);
  auto seen = [](const std::string& role) {
    Login who = server().login(role);
    Reply r = server().call("GET", "/catchments", &who);
    std::vector<int64_t> schools;
    for (const json& row : r.body["items"]) schools.push_back(row["school_id"]);
    std::sort(schools.begin(), schools.end());
    return schools;
  };
  std::vector<int64_t> seat = {lm().own_school, nine_year["id"].get<int64_t>()};
  std::sort(seat.begin(), seat.end());
  EXPECT_EQ(seen("officer"), seat);
  EXPECT_EQ(seen("school_admin"), std::vector<int64_t>{lm().own_school});
  for (const json& row : all.body["items"])
    if (row["school_id"] == lm().own_school) EXPECT_EQ(row["middle_school_code"], m1);

  // The export holds the rows each role reads, and imports again unchanged.
  Reply file = server().call("GET", "/exports/catchments.xlsx", &admin);
  ASSERT_EQ(file.status, 200);
  auto again = server().upload("/imports/catchment", &admin, "划片.xlsx", file.raw_body);
  ASSERT_EQ(again.status, 200) << again.body.dump();
  EXPECT_TRUE(again.body["import"]["problems"].empty()) << again.body.dump();
  EXPECT_EQ(again.body["import"]["unchanged"], 3);
  Reply own_file = server().call("GET", "/exports/catchments.xlsx", &school_admin);
  auto own_rows = server().upload("/imports/catchment", &admin, "划片.xlsx", own_file.raw_body);
  EXPECT_EQ(own_rows.body["import"]["unchanged"], 1) << own_rows.body.dump();
}

}  // namespace
}  // namespace edu::apitest
