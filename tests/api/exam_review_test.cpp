// 质量监测 as the bureau works through it (issue 13): 未导入成绩 is null, not 0;
// archived exams leave the default list; 学生报告 finds a candidate by name or
// ID number (the latter for roles that may see full numbers); 成绩模板 holds the
// sheet's columns and the caller's candidates; a flag marked 已核查 is stored
// and audited; the integrity report says what it checked.
#include <gtest/gtest.h>

#include "api_server_fixture.h"
#include "ingest/xlsx_reader.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
std::string id(int64_t v) { return std::to_string(v); }

struct Candidate {
  std::string school_code, student_no, name;
};

// An exam of the own class's grade (语文, 数学; 缺考 counts as 0) and the school
// admin's 成绩模板 of it, read back with the project's xlsx reader.
struct ReviewSetup {
  int64_t exam = 0;
  std::string own_code, rural_code;
  std::vector<std::string> headers;
  std::vector<Candidate> own;
  ReviewSetup() {
    const Landmarks& l = server().landmarks();
    Login admin = server().login("admin"), school = server().login("school_admin");
    auto r = server().call("POST", "/exams", &admin,
                           json{{"name", "核查考试"}, {"date", "2026-12-23"}, {"grade", l.own_class_grade},
                                {"subjects", json::array({json{{"name", "语文"}, {"full_marks", 100}},
                                                          json{{"name", "数学"}, {"full_marks", 100}}})}});
    EXPECT_EQ(r.status, 201) << r.body.dump();
    exam = r.body["exam"]["id"];
    own_code = server().call("GET", "/schools/" + id(l.own_school), &admin).body["school"]["code"];
    rural_code = server().call("GET", "/schools/" + id(l.rural_school), &admin).body["school"]["code"];
    auto file = server().call("GET", "/exams/" + id(exam) + "/template.xlsx", &school);
    EXPECT_EQ(file.status, 200) << file.raw_body.substr(0, 300);
    auto sheets = ingest::read_xlsx_bytes(file.raw_body, "template.xlsx");
    EXPECT_TRUE(sheets.ok() && !sheets->empty() && !sheets->front().rows.empty());
    if (!sheets.ok() || sheets->empty()) return;
    const auto& rows = sheets->front().rows;
    for (const auto& c : rows.front().cells) headers.push_back(c.text);
    for (size_t i = 1; i < rows.size(); ++i)
      own.push_back({rows[i].cells.at(0).text, rows[i].cells.at(1).text, rows[i].cells.at(2).text});
  }
};

const ReviewSetup& setup() {
  static ReviewSetup s;
  return s;
}

json listed(const Login& who, int64_t exam, bool with_archived) {
  auto r = server().call("GET", std::string("/exams") + (with_archived ? "?archived=1" : ""), &who);
  for (const json& e : r.body["items"])
    if (e["id"] == exam) return e;
  return nullptr;
}

json school_row(const Login& who, int64_t exam, int64_t school) {
  auto r = server().call("GET", "/exams/" + id(exam) + "/results?level=school", &who);
  for (const json& g : r.body["groups"])
    if (g["id"] == school) return g;
  return nullptr;
}

TEST(ExamReview, TemplateHoldsTheSheetColumnsAndTheCallersCandidates) {
  const ReviewSetup& s = setup();
  EXPECT_EQ(s.headers, (std::vector<std::string>{"学校标识码", "学籍号", "姓名", "语文", "数学"}));
  ASSERT_FALSE(s.own.empty());
  Login school = server().login("school_admin");
  const json row = school_row(school, s.exam, server().landmarks().own_school);
  ASSERT_TRUE(row.is_object());
  EXPECT_EQ(static_cast<int64_t>(s.own.size()), row["columns"][0]["expected"].get<int64_t>());  // 应考, no 免考
  for (const Candidate& c : s.own) {
    EXPECT_EQ(c.school_code, s.own_code);
    EXPECT_EQ(c.student_no.size(), 19u);  // G + 18-digit ID number
    EXPECT_EQ(c.student_no[0], 'G');
  }
  // The template as downloaded is a sheet the import reads: every row the school's, no problem.
  auto file = server().call("GET", "/exams/" + id(s.exam) + "/template.xlsx", &school);
  auto preview = server().upload("/exams/" + id(s.exam) + "/scores/preview", &school, "成绩模板.xlsx", file.raw_body);
  ASSERT_EQ(preview.status, 200) << preview.body.dump().substr(0, 300);
  EXPECT_EQ(preview.body["rows"], static_cast<int64_t>(s.own.size()));
  EXPECT_TRUE(preview.body["problems"].empty()) << preview.body["problems"].dump().substr(0, 300);
  EXPECT_TRUE(preview.body["outsiders"].empty());
  // The bureau's template covers every school: more rows than one school's.
  Login admin = server().login("admin");
  auto all = server().call("GET", "/exams/" + id(s.exam) + "/template.xlsx", &admin);
  auto sheets = ingest::read_xlsx_bytes(all.raw_body, "all.xlsx");
  ASSERT_TRUE(sheets.ok());
  EXPECT_GT(sheets->front().rows.size(), s.own.size() + 1);
}

TEST(ExamReview, NotImportedIsNullNotZero) {
  const ReviewSetup& s = setup();
  ASSERT_GE(s.own.size(), 2u);
  Login school = server().login("school_admin");
  const int64_t own_school = server().landmarks().own_school;
  json before = listed(school, s.exam, false);
  ASSERT_TRUE(before.is_object());
  EXPECT_EQ(before["has_scores"], false);
  EXPECT_EQ(before["scored"], json::array({0, 0}));
  json row = school_row(school, s.exam, own_school);
  ASSERT_TRUE(row.is_object());
  EXPECT_EQ(row["columns"][0]["imported"], false);
  EXPECT_TRUE(row["columns"][0]["mean"].is_null()) << row["columns"][0].dump();  // was 0 (缺考 counts as 0)
  EXPECT_TRUE(row["columns"][0]["rank"].is_null());

  // 语文 80 for every candidate, 数学 left blank (缺考): 数学 has nothing imported.
  std::string csv = "学籍号,姓名,语文,数学\n";
  for (const Candidate& c : s.own) csv += c.student_no + "," + c.name + ",80,\n";
  auto ok = server().upload("/exams/" + id(s.exam) + "/scores/commit", &school, "scores.csv", csv);
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  row = school_row(school, s.exam, own_school);
  EXPECT_EQ(row["columns"][0]["imported"], true);
  EXPECT_EQ(row["columns"][0]["mean"], 80.0);
  EXPECT_EQ(row["columns"][0]["sat"], static_cast<int64_t>(s.own.size()));
  EXPECT_EQ(row["columns"][1]["imported"], false);
  EXPECT_TRUE(row["columns"][1]["mean"].is_null());
  EXPECT_TRUE(row["columns"][1]["pass_rate"].is_null());
  EXPECT_EQ(row["columns"][1]["sat"], 0);
  EXPECT_EQ(row["columns"][1]["expected"], static_cast<int64_t>(s.own.size()));
  json after = listed(school, s.exam, false);
  EXPECT_EQ(after["has_scores"], true);
  EXPECT_EQ(after["scored"], json::array({static_cast<int64_t>(s.own.size()), 0}));
}

TEST(ExamReview, ArchivedExamsLeaveTheDefaultListAndTheChangeIsAudited) {
  const ReviewSetup& s = setup();
  Login admin = server().login("admin"), school = server().login("school_admin");
  const std::string audited = "audit_log WHERE entity = 'exam' AND entity_id = " + id(s.exam);
  const int64_t audits = server().count(audited);
  auto r = server().call("POST", "/exams/" + id(s.exam) + "/archive", &admin, json{{"archived", true}});
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["exam"]["archived"], true);
  EXPECT_TRUE(listed(school, s.exam, false).is_null());
  EXPECT_EQ(listed(school, s.exam, true)["archived"], true);
  EXPECT_EQ(server().count(audited), audits + 1);
  EXPECT_EQ(server().call("POST", "/exams/" + id(s.exam) + "/archive", &school, json{{"archived", false}}).status, 403);
  EXPECT_EQ(server().call("POST", "/exams/" + id(s.exam) + "/archive", &admin, json{{"archived", "是"}}).status, 400);
  r = server().call("POST", "/exams/" + id(s.exam) + "/archive", &admin, json{{"archived", false}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(listed(school, s.exam, false)["archived"], false);
  EXPECT_EQ(server().count(audited), audits + 2);
}

TEST(ExamReview, StudentReportFindsByNameOrByIdNumberForRolesThatSeeThem) {
  const ReviewSetup& s = setup();
  ASSERT_FALSE(s.own.empty());
  const Candidate& c = s.own.front();
  const std::string path = "/exams/" + id(s.exam) + "/candidates?q=";
  auto has = [&](const Reply& r) {
    for (const json& i : r.body["items"])
      if (i["name"] == c.name && i["school"].is_string()) return true;
    return false;
  };
  Login admin = server().login("admin"), school = server().login("school_admin"),
        officer = server().login("officer"), teacher = server().login("teacher");
  auto by_name = server().call("GET", path + c.name, &school);
  ASSERT_EQ(by_name.status, 200) << by_name.body.dump();
  EXPECT_TRUE(has(by_name));
  for (const json& i : by_name.body["items"]) {
    EXPECT_EQ(i["name"].get<std::string>().rfind(c.name, 0), 0u);
    EXPECT_NE(i["id_number"].get<std::string>().find("****"), std::string::npos);  // masked
  }
  const std::string digits = c.student_no.substr(1, 14);
  auto by_id = server().call("GET", path + digits, &school);
  ASSERT_EQ(by_id.status, 200) << by_id.body.dump();
  ASSERT_EQ(by_id.body["items"].size(), 1u) << by_id.body.dump();  // 14 digits: area, birth date, sequence
  EXPECT_EQ(by_id.body["items"][0]["name"], c.name);
  // The 学籍号 (G + ID number) finds the same student; a report opens on the id found.
  auto by_no = server().call("GET", path + c.student_no, &admin);
  ASSERT_EQ(by_no.body["items"].size(), 1u);
  const int64_t student = by_no.body["items"][0]["student_id"];
  EXPECT_EQ(server().call("GET", "/exams/" + id(s.exam) + "/students/" + id(student), &school).body["name"], c.name);
  // Roles that see masked numbers only may not search by them; by name they may.
  EXPECT_EQ(server().call("GET", path + digits, &officer).status, 403);
  EXPECT_EQ(server().call("GET", path + digits, &teacher).status, 403);
  EXPECT_TRUE(has(server().call("GET", path + c.name, &officer)));  // the own school is in the officer's area
  EXPECT_EQ(server().call("GET", path, &school).status, 422);
  EXPECT_EQ(server().call("GET", path + std::string(100, 'a'), &school).status, 422);
}

TEST(ExamReview, AFlagMarkedReviewedIsStoredAndAudited) {
  const ReviewSetup& s = setup();
  ASSERT_GE(s.own.size(), 2u);
  Login admin = server().login("admin"), school = server().login("school_admin");
  // The bureau's sheet scores an own-school student for the rural school: 附读 (visiting).
  const Candidate& c = s.own.back();
  auto ok = server().upload("/exams/" + id(s.exam) + "/scores/commit", &admin, "visiting.csv",
                            "学校标识码,学籍号,姓名,语文,数学\n" + s.rural_code + "," + c.student_no + "," + c.name + ",70,70\n");
  ASSERT_EQ(ok.status, 201) << ok.body.dump();
  auto report = server().call("GET", "/exams/" + id(s.exam) + "/integrity", &admin);
  ASSERT_EQ(report.status, 200);
  json flag;
  for (const json& f : report.body["flags"])
    if (f["kind"] == "visiting" && f["school_id"] == server().landmarks().rural_school) flag = f;
  ASSERT_TRUE(flag.is_object()) << report.body.dump().substr(0, 600);
  EXPECT_EQ(flag["key"], "visiting|" + id(server().landmarks().rural_school) + "||0|0");
  EXPECT_EQ(flag["severity"], "low");
  EXPECT_TRUE(flag["reviewed"].is_null());
  // What was checked: five checks over the exam's candidates.
  ASSERT_EQ(report.body["checks"].size(), 5u);
  EXPECT_EQ(report.body["checks"][0]["over"], report.body["candidates"]);
  EXPECT_EQ(report.body["checks"][2]["ran"], false);  // no centrally re-marked papers

  const std::string audited = "audit_log WHERE entity = 'exam_integrity' AND entity_id = " + id(s.exam);
  const std::string path = "/exams/" + id(s.exam) + "/integrity/reviews";
  EXPECT_EQ(server().call("PUT", path, &school, json{{"key", flag["key"]}, {"reviewed", true}}).status, 403);
  EXPECT_EQ(server().call("PUT", path, &admin, json{{"key", "visiting|1||0|0x"}, {"reviewed", true}}).status, 404);
  EXPECT_EQ(server().count(audited), 0);
  auto put = server().call("PUT", path, &admin, json{{"key", flag["key"]}, {"reviewed", true}});
  ASSERT_EQ(put.status, 200) << put.body.dump();
  EXPECT_EQ(server().count("exam_flag_reviews WHERE exam_id = " + id(s.exam)), 1);
  EXPECT_EQ(server().count(audited), 1);
  for (const json& f : server().call("GET", "/exams/" + id(s.exam) + "/integrity", &admin).body["flags"])
    if (f["key"] == flag["key"]) EXPECT_EQ(f["reviewed"]["by"], "教育局管理员");
  put = server().call("PUT", path, &admin, json{{"key", flag["key"]}, {"reviewed", false}});
  ASSERT_EQ(put.status, 200);
  EXPECT_EQ(server().count("exam_flag_reviews WHERE exam_id = " + id(s.exam)), 0);
  EXPECT_EQ(server().count(audited), 2);
}

}  // namespace
}  // namespace edu::apitest
