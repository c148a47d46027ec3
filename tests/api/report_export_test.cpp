// The report downloads (统计指标, 班额, exam results, 诚信报告, 模拟规划) through
// the real server: each file is read back with the project's xlsx reader and
// holds exactly what the JSON the page shows holds, for that caller's scope;
// its name carries the scope (the user's county, township or school). And the
// lists' server-side sort: whitelisted keys only.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include "api_server_fixture.h"
#include "ingest/table.h"
#include "ingest/xlsx_reader.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }
std::string id(int64_t v) { return std::to_string(v); }

std::vector<ingest::SheetTable> sheets_of(const Reply& r) {
  EXPECT_EQ(r.status, 200) << r.raw_body.substr(0, 300);
  auto sheets = ingest::read_xlsx_bytes(r.raw_body, "download.xlsx");
  EXPECT_TRUE(sheets.ok()) << sheets.status().message();
  return sheets.ok() ? *sheets : std::vector<ingest::SheetTable>{};
}

// What a JSON value reads back as from its cell: text as is, numbers to the
// 15 significant digits a spreadsheet keeps.
std::string text_of(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v.get<double>());
  return buf;
}

// The cell in column `header` of data row `row` (1 = first below the header), "" when blank.
// A number cell comes back as text_of() would write its value.
std::string cell(const ingest::SheetTable& sheet, size_t row, const std::string& header) {
  const auto& head = sheet.rows.front().cells;
  for (size_t i = 0; i < head.size(); ++i)
    if (head[i].text == header) {
      if (i >= sheet.rows.at(row).cells.size()) return "";
      const ingest::Cell& c = sheet.rows.at(row).cells[i];
      return c.kind == ingest::Cell::Kind::kNumber ? text_of(c.number) : c.text;
    }
  ADD_FAILURE() << "no column " << header << " in " << sheet.name;
  return "";
}

// The file name the browser saves the download under (filename*=UTF-8''…).
std::string file_name(const Reply& r) {
  for (const auto& [key, value] : r.headers) {
    if (key != "Content-Disposition") continue;
    const std::string marker = "filename*=UTF-8''";
    auto at = value.find(marker);
    if (at == std::string::npos) return "";
    std::string out;
    for (size_t i = at + marker.size(); i < value.size() && value[i] != ';'; ++i) {
      if (value[i] == '%' && i + 2 < value.size()) {
        out += static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += value[i];
      }
    }
    return out;
  }
  return "";
}

std::string scope_of(const Login& who) { return who.user["scope_name"]; }

// An exam of a grade taught at the school admin's school and at least one
// other, with 数学 scores for a few students of each, entered by the bureau.
struct ScoredExam {
  int64_t exam = 0;
  ScoredExam() {
    Login admin = server().login("admin");
    const int grade = lm().own_class_grade;
    auto students = server().call("GET", "/students?size=200&status=在读&grade=" + std::to_string(grade), &admin);
    std::map<int64_t, std::vector<json>> by_school;
    for (const json& s : students.body["items"]) by_school[s["school_id"].get<int64_t>()].push_back(s);
    auto created = server().call("POST", "/exams", &admin,
                                 json{{"name", "导出测试考试"}, {"date", "2026-12-18"}, {"grade", grade},
                                      {"absent_policy", "zero"},
                                      {"subjects", json::array({json{{"name", "数学"}, {"full_marks", 100}}})}});
    EXPECT_EQ(created.status, 201) << created.body.dump();
    exam = created.body["exam"]["id"];
    std::string sheet = "学校标识码,身份证号,姓名,数学\n";
    int score = 40;
    for (const auto& [school, list] : by_school) {
      const std::string code = server().call("GET", "/schools/" + id(school), &admin).body["school"]["code"];
      for (size_t i = 0; i < list.size() && i < 4; ++i) {
        const std::string number =
            server().call("GET", "/students/" + id(list[i]["id"]) + "/id-number", &admin).body["id_number"];
        sheet += code + "," + number + "," + list[i]["name"].get<std::string>() + "," + std::to_string(score) + "\n";
        score = (score + 7) % 101;
      }
    }
    auto scored = server().upload("/exams/" + id(exam) + "/scores/commit", &admin, "scores.csv", sheet);
    EXPECT_EQ(scored.status, 201) << scored.body.dump();
  }
};

const ScoredExam& scored() {
  static ScoredExam e;
  return e;
}

TEST(ReportExport, IndicatorsHaveASheetPerSectionWithNumeratorAndDenominator) {
  for (const char* role : {"admin", "school_admin"}) {
    Login who = server().login(role);
    const json j = server().call("GET", "/analytics/indicators?year=2026", &who).body;
    Reply r = server().call("GET", "/exports/indicators.xlsx?year=2026", &who);
    EXPECT_EQ(file_name(r), scope_of(who) + "-2026学年统计指标.xlsx");
    auto sheets = sheets_of(r);
    std::map<std::string, std::vector<json>> rows;  // by section: the page's values, in order
    for (const json& g : j["groups"])
      for (const json& d : j["indicators"])
        if (g["values"].contains(d["key"]))
          rows[g["section"]].push_back({{"name", g["name"]}, {"label", d["label"]},
                                        {"value", g["values"][d["key"].get<std::string>()]}});
    ASSERT_EQ(sheets.size(), rows.size()) << role;
    for (const auto& sheet : sheets) {
      const auto& expected = rows[sheet.name];
      ASSERT_EQ(sheet.rows.size(), expected.size() + 1) << role << " " << sheet.name;
      for (size_t i = 0; i < expected.size(); ++i) {
        const json& e = expected[i];
        EXPECT_EQ(cell(sheet, i + 1, "名称"), e["name"]);
        EXPECT_EQ(cell(sheet, i + 1, "指标"), e["label"]);
        EXPECT_EQ(cell(sheet, i + 1, "分子"), text_of(e["value"]["now"]["numerator"]));
        EXPECT_EQ(cell(sheet, i + 1, "分母"), text_of(e["value"]["now"]["denominator"]));
        EXPECT_EQ(cell(sheet, i + 1, "值"), text_of(e["value"]["now"]["value"]));
      }
    }
  }
}

TEST(ReportExport, ClassSizesOfASchoolAdminHoldTheirSchoolOnlyInTheListsOrder) {
  Login sa = server().login("school_admin");
  const json list = server().call("GET", "/class-sizes?size=200&sort=-students", &sa).body;
  ASSERT_GT(list["total"].get<int64_t>(), 0);
  Reply r = server().call("GET", "/exports/class-sizes.xlsx?sort=-students", &sa);
  EXPECT_EQ(file_name(r), scope_of(sa) + "-2026学年班额.xlsx");
  auto sheets = sheets_of(r);
  ASSERT_EQ(sheets.size(), 1u);
  ASSERT_EQ(static_cast<int64_t>(sheets[0].rows.size()), list["total"].get<int64_t>() + 1);
  for (size_t i = 0; i < list["items"].size(); ++i) {
    const json& c = list["items"][i];
    EXPECT_EQ(cell(sheets[0], i + 1, "学校"), scope_of(sa));
    EXPECT_EQ(cell(sheets[0], i + 1, "班级"), c["name"]);
    EXPECT_EQ(cell(sheets[0], i + 1, "学生数"), text_of(c["students"]));
  }
  // Another school's id filters to nothing, never to that school's classes.
  Reply other = server().call("GET", "/exports/class-sizes.xlsx?school_id=" + id(lm().rural_school), &sa);
  EXPECT_EQ(sheets_of(other).at(0).rows.size(), 1u);
}

TEST(ReportExport, ListExportsCarryTheScopeInTheirNames) {
  for (const char* role : {"admin", "officer", "school_admin"}) {
    Login who = server().login(role);
    for (const char* list : {"schools", "students", "teachers"}) {
      Reply r = server().call("GET", std::string("/exports/") + list + ".xlsx", &who);
      EXPECT_EQ(r.status, 200);
      EXPECT_EQ(file_name(r).rfind(scope_of(who) + "-", 0), 0u) << role << " " << file_name(r);
    }
  }
}

TEST(ReportExport, ListsSortOnTheServerByWhitelistedKeysOnly) {
  Login admin = server().login("admin");
  auto students = [&](const std::string& sort) {
    return server().call("GET", "/class-sizes?size=200&sort=" + sort, &admin).body["items"];
  };
  const json up = students("students"), down = students("-students");
  ASSERT_GT(up.size(), 1u);
  for (size_t i = 1; i < up.size(); ++i) EXPECT_LE(up[i - 1]["students"], up[i]["students"]);
  for (size_t i = 1; i < down.size(); ++i) EXPECT_GE(down[i - 1]["students"], down[i]["students"]);
  const json names = server().call("GET", "/schools?size=200&sort=name", &admin).body["items"];
  for (size_t i = 1; i < names.size(); ++i)
    EXPECT_LE(names[i - 1]["name"].get<std::string>(), names[i]["name"].get<std::string>());
  for (const char* bad : {"name;DROP%20TABLE%20students", "id_number", "-", "name%20DESC", "%00", "%FF%FE"}) {
    Reply r = server().call("GET", std::string("/students?sort=") + bad, &admin);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.body["field"], "sort") << bad;
  }
  EXPECT_EQ(server().call("GET", "/students?size=1", &admin).status, 200);
  EXPECT_EQ(server().call("GET", "/audit?sort=at", &admin).status, 400);  // a list without sort keys
}

TEST(ReportExport, ExamResultsAreWhatTheCallerSeesOnThePage) {
  const std::string exam = id(scored().exam);
  for (const char* role : {"admin", "school_admin"}) {
    Login who = server().login(role);
    const json j = server().call("GET", "/exams/" + exam + "/results?level=school", &who).body;
    Reply r = server().call("GET", "/exams/" + exam + "/results.xlsx?level=school", &who);
    EXPECT_EQ(file_name(r), scope_of(who) + "-导出测试考试-成绩(学校).xlsx");
    auto sheets = sheets_of(r);
    ASSERT_EQ(sheets.size(), 1u);
    ASSERT_EQ(sheets[0].rows.size(), j["groups"].size() + 1) << role;
    for (size_t i = 0; i < j["groups"].size(); ++i) {
      const json& g = j["groups"][i];
      EXPECT_EQ(cell(sheets[0], i + 1, "学校"), g["name"]);
      EXPECT_EQ(cell(sheets[0], i + 1, "数学应考"), text_of(g["columns"][0]["expected"]));
      EXPECT_EQ(cell(sheets[0], i + 1, "数学平均分"), text_of(g["columns"][0]["mean"]));
      EXPECT_EQ(cell(sheets[0], i + 1, "数学及格率"), text_of(g["columns"][0]["pass_rate"]));
      EXPECT_EQ(cell(sheets[0], i + 1, "数学名次"), text_of(g["columns"][0]["rank"]));
    }
    if (std::string(role) == "school_admin") {
      ASSERT_EQ(j["groups"].size(), 1u);
      EXPECT_EQ(j["groups"][0]["id"], lm().own_school);
    } else {
      EXPECT_GT(j["groups"].size(), 1u);
    }
  }
}

TEST(ReportExport, IntegrityReportListsTheFlagsTheCallerMaySee) {
  const std::string exam = id(scored().exam);
  Login admin = server().login("admin");
  const json j = server().call("GET", "/exams/" + exam + "/integrity", &admin).body;
  Reply r = server().call("GET", "/exams/" + exam + "/integrity.xlsx", &admin);
  EXPECT_EQ(file_name(r), scope_of(admin) + "-导出测试考试-诚信报告.xlsx");
  auto sheets = sheets_of(r);
  ASSERT_EQ(sheets.size(), 1u);
  ASSERT_EQ(sheets[0].rows.size(), j["flags"].size() + 1);
  for (size_t i = 0; i < j["flags"].size(); ++i) {
    EXPECT_EQ(cell(sheets[0], i + 1, "类型"), j["flags"][i]["kind_label"]);
    EXPECT_EQ(cell(sheets[0], i + 1, "学校"), j["flags"][i]["school"]);
    EXPECT_EQ(cell(sheets[0], i + 1, "说明"), j["flags"][i]["message"]);
  }
  Login sa = server().login("school_admin");
  EXPECT_EQ(server().call("GET", "/exams/" + exam + "/integrity.xlsx", &sa).status, 403);
}

TEST(ReportExport, WhatIfDraftBecomesASheetAndSavesNothing) {
  Login admin = server().login("admin");
  const json draft{{"changes", {{{"type", "add_conditions"}, {"school_id", lm().own_school},
                                 {"teaching_area", 500}}}}};
  const json j = server().call("POST", "/analytics/whatif", &admin, draft).body;
  const int64_t audited = server().count("audit_log");
  Reply r = server().call("POST", "/exports/whatif.xlsx", &admin, draft);
  EXPECT_EQ(server().count("audit_log"), audited);
  EXPECT_EQ(file_name(r), scope_of(admin) + "-2026学年模拟规划.xlsx");
  auto sheets = sheets_of(r);
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[0].name, "差异系数");
  const json& cvs = j["sections"]["小学"]["after"]["cvs"];
  size_t row = 0;
  for (size_t i = 1; i < sheets[0].rows.size(); ++i)
    if (cell(sheets[0], i, "学段") == "小学" && cell(sheets[0], i, "指标") == cvs[0]["label"]) row = i;
  ASSERT_GT(row, 0u);
  EXPECT_EQ(cell(sheets[0], row, "调整后"), text_of(cvs[0]["cv"]));
  EXPECT_EQ(sheets[1].name, "变化的学校");
  EXPECT_EQ(sheets[1].rows.size(), j["changed_rows"].size() + 1);
  EXPECT_EQ(cell(sheets[1], 1, "学校名称"), j["changed_rows"][0]["before"]["school_name"]);
  // A bad draft is the what-if's own error.
  EXPECT_EQ(server().call("POST", "/exports/whatif.xlsx", &admin, json{{"changes", "x"}}).status,
            server().call("POST", "/analytics/whatif", &admin, json{{"changes", "x"}}).status);
}

}  // namespace
}  // namespace edu::apitest
