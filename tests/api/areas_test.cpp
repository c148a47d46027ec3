// The county's 乡镇(街道): the bureau renames one (names stay unique in the
// county, a refused rename changes nothing) and imports them by code under
// the county's; no other role writes them.
#include <gtest/gtest.h>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }

std::vector<json> townships() {
  Login admin = server().login("admin");
  Reply tree = server().call("GET", "/areas", &admin);
  std::vector<json> list;
  for (const json& county : tree.body)
    for (const json& a : county["children"]) list.push_back(a);
  return list;
}

TEST(Areas, RenameKeepsNamesUniqueAndIsAudited) {
  Login admin = server().login("admin");
  auto list = townships();
  ASSERT_GE(list.size(), 2u);
  const std::string path = "/areas/" + std::to_string(list[0]["id"].get<int64_t>());
  auto clash = server().call("PUT", path, &admin, {{"name", list[1]["name"]}});
  EXPECT_EQ(clash.status, 409) << clash.body.dump();
  EXPECT_EQ(clash.body["field"], "name");
  auto blank = server().call("PUT", path, &admin, {{"name", "  "}});
  EXPECT_EQ(blank.status, 422);
  EXPECT_EQ(townships()[0]["name"], list[0]["name"]);
  auto renamed = server().call("PUT", path, &admin, {{"name", "改名镇"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body.dump();
  EXPECT_EQ(townships()[0]["name"], "改名镇");
  EXPECT_EQ(server().count("audit_log WHERE entity = 'area' AND action = 'update'"), 1);
  EXPECT_EQ(server().call("PUT", path, &admin, {{"name", list[0]["name"]}}).status, 200);
  Reply tree = server().call("GET", "/areas", &admin);
  auto county = server().call("PUT", "/areas/" + std::to_string(tree.body[0]["id"].get<int64_t>()), &admin,
                              {{"name", "改名县"}});
  EXPECT_EQ(county.status, 404);
}

TEST(Areas, ImportAddsTownshipsUnderTheCountysCode) {
  Login admin = server().login("admin");
  Reply tree = server().call("GET", "/areas", &admin);
  const std::string county = tree.body[0]["code"];
  int64_t before = server().count("areas");
  std::string file = "行政区划代码,乡镇(街道)名称\n" + county + "999,新设镇\n" + county + "998," +
                     townships()[0]["name"].get<std::string>() + "\n999999999,外县镇\n";
  auto preview = server().upload("/imports/area", &admin, "乡镇.csv", file);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  const json& problems = preview.body["import"]["problems"];
  ASSERT_EQ(problems.size(), 2u) << problems.dump();
  EXPECT_EQ(problems[0]["row"], 3);
  EXPECT_EQ(problems[0]["column"], "B");
  EXPECT_EQ(problems[1]["row"], 4);
  EXPECT_EQ(problems[1]["column"], "A");
  EXPECT_EQ(server().count("areas"), before);
  std::string good = "行政区划代码,乡镇(街道)名称\n" + county + "999,新设镇\n";
  auto ok = server().upload("/imports/area", &admin, "乡镇.csv", good);
  auto commit = server().call("POST", "/imports/" + std::to_string(ok.body["import"]["id"].get<int64_t>()) +
                                          "/commit", &admin);
  ASSERT_EQ(commit.status, 200) << commit.body.dump();
  EXPECT_EQ(server().count("areas WHERE name = '新设镇' AND level = '乡镇' AND parent_id = "
                           "(SELECT id FROM areas WHERE parent_id IS NULL)"),
            1);
}

TEST(Areas, ACountyTakesNoCountyRowsButTakesADistrict) {
  Login admin = server().login("admin");
  const std::string county = server().call("GET", "/areas", &admin).body[0]["code"];
  const std::string township = townships()[0]["code"];
  std::string file = "行政区划代码,名称\n430522,邻县\n" + township + "01,一学区\n";
  auto preview = server().upload("/imports/area", &admin, "区划.csv", file);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  const json& problems = preview.body["import"]["problems"];
  ASSERT_EQ(problems.size(), 1u) << problems.dump();
  EXPECT_EQ(problems[0]["row"], 2);
  EXPECT_EQ(problems[0]["column"], "A");
  EXPECT_NE(problems[0]["message"].get<std::string>().find("县级部署"), std::string::npos);
  EXPECT_EQ(preview.body["import"]["to_create"], 1);  // the 学区 under its township
}

}  // namespace
}  // namespace edu::apitest
