// Files out over HTTP: templates, list exports and an import's error sheet.
// Every file is read back with the project's xlsx reader; an export uploaded
// again as an import finds every row unchanged (the round trip), and exports
// hold exactly what the scoped list shows.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_server_fixture.h"
#include "ingest/xlsx_reader.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }

// The first sheet of a downloaded workbook (fails the test when unreadable).
std::vector<ingest::SheetTable> sheets_of(const Reply& r) {
  EXPECT_EQ(r.status, 200) << r.raw_body.substr(0, 300);
  auto sheets = ingest::read_xlsx_bytes(r.raw_body, "download.xlsx");
  EXPECT_TRUE(sheets.ok()) << sheets.status().message();
  return sheets.ok() ? *sheets : std::vector<ingest::SheetTable>{};
}

int column_of(const ingest::SheetTable& sheet, const std::string& header) {
  const auto& cells = sheet.rows.front().cells;
  for (size_t i = 0; i < cells.size(); ++i)
    if (cells[i].text == header) return static_cast<int>(i);
  return -1;
}

std::string header_value(const Reply& r, const std::string& name) {
  for (const auto& [key, value] : r.headers)
    if (key == name) return value;
  return "";
}

TEST(Export, TemplateHasHeadersSampleAndNotes) {
  Login sa = server().login("school_admin");
  Reply r = server().call("GET", "/templates/student.xlsx", &sa);
  auto sheets = sheets_of(r);
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].name, "学生");
  EXPECT_EQ(sheets[1].name, "填写说明");
  ASSERT_GE(sheets[0].rows.size(), 2u);
  EXPECT_GE(column_of(sheets[0], "身份证号*"), 0);
  EXPECT_GE(column_of(sheets[0], "留守儿童"), 0);  // optional: no marker
  int id = column_of(sheets[0], "身份证号*");
  EXPECT_EQ(sheets[0].rows[1].cells[id].kind, ingest::Cell::Kind::kText);
  EXPECT_EQ(sheets[0].rows[1].cells[id].text.size(), 18u);
  EXPECT_NE(header_value(r, "Content-Disposition").find("filename*=UTF-8''"), std::string::npos);
  EXPECT_NE(header_value(r, "Content-Type").find("spreadsheetml"), std::string::npos);

  Login teacher = server().login("teacher");
  EXPECT_EQ(server().call("GET", "/templates/student.xlsx", &teacher).status, 403);
  EXPECT_EQ(server().call("GET", "/templates/school.xlsx", &sa).status, 403);
  EXPECT_EQ(server().call("GET", "/templates/nonsense.xlsx", &sa).status, 404);
  EXPECT_EQ(server().call("GET", "/templates/student.xlsx").status, 401);
}

TEST(Export, StudentsRoundTripThroughTheImport) {
  Login sa = server().login("school_admin");
  const std::string school = std::to_string(lm().own_school);
  int64_t listed = server().call("GET", "/students?size=1&school_id=" + school, &sa).body["total"];
  Reply r = server().call("GET", "/exports/students.xlsx?school_id=" + school, &sa);
  auto sheets = sheets_of(r);
  ASSERT_EQ(sheets.size(), 1u);
  const ingest::SheetTable& sheet = sheets[0];
  EXPECT_EQ(sheet.name, "学生");
  ASSERT_EQ(static_cast<int64_t>(sheet.rows.size()), listed + 1);
  int id = column_of(sheet, "身份证号"), birth = column_of(sheet, "出生日期");
  ASSERT_GE(id, 0);
  ASSERT_GE(birth, 0);
  for (size_t i = 1; i < sheet.rows.size(); ++i) {
    const auto& cells = sheet.rows[i].cells;
    ASSERT_EQ(cells[id].kind, ingest::Cell::Kind::kText) << "row " << i;
    EXPECT_EQ(cells[id].text.find('*'), std::string::npos);  // a school admin sees full numbers
    EXPECT_TRUE(cells[birth].is_date) << "row " << i;
  }
  // The file imports again with every row unchanged.
  auto preview = server().upload("/imports/student", &sa, "学生名册.xlsx", r.raw_body);
  ASSERT_EQ(preview.status, 200) << preview.body.dump().substr(0, 500);
  EXPECT_TRUE(preview.body["import"]["problems"].empty()) << preview.body["import"]["problems"].dump().substr(0, 500);
  EXPECT_TRUE(preview.body["import"]["unknown_columns"].empty());
  EXPECT_EQ(preview.body["import"]["unchanged"], listed);
  // Full ID numbers leave an audit row.
  EXPECT_GE(server().count("audit_log WHERE action = 'export' AND entity = 'student'"), 1);
}

TEST(Export, FiltersAndScopeMatchTheList) {
  Login officer = server().login("officer");
  Reply list = server().call("GET", "/teachers?size=1&education=本科", &officer);
  Reply r = server().call("GET", "/exports/teachers.xlsx?education=本科", &officer);
  auto sheets = sheets_of(r);
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(static_cast<int64_t>(sheets[0].rows.size()) - 1, list.body["total"].get<int64_t>());
  int id = column_of(sheets[0], "身份证号");
  ASSERT_GE(id, 0);
  ASSERT_GT(sheets[0].rows.size(), 1u);
  EXPECT_EQ(sheets[0].rows[1].cells[id].text.substr(6), "************");  // masked for an officer

  // Another school's students are not exported to a school admin: no rows, not an error.
  Login sa = server().login("school_admin");
  auto other = sheets_of(server().call("GET", "/exports/students.xlsx?school_id=" +
                                               std::to_string(lm().rural_school), &sa));
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].rows.size(), 1u);  // the header only
  EXPECT_EQ(server().call("GET", "/exports/students.xlsx?grade=abc", &sa).status, 400);
}

TEST(Export, EveryOtherRegisterRoundTrips) {
  Login admin = server().login("admin");
  const std::vector<std::pair<std::string, std::string>> kinds = {
      {"school", "schools"}, {"conditions", "conditions"}, {"area", "areas"},
      {"class", "classes"}};  // 划片: tests/api/catchments_test.cpp
  for (const auto& [kind, plural] : kinds) {
    Reply r = server().call("GET", "/exports/" + plural + ".xlsx", &admin);
    auto sheets = sheets_of(r);
    ASSERT_EQ(sheets.size(), 1u);
    size_t rows = sheets[0].rows.size() - 1;
    EXPECT_GT(rows, 0u) << kind;
    auto preview = server().upload("/imports/" + kind, &admin, kind + ".xlsx", r.raw_body);
    ASSERT_EQ(preview.status, 200) << preview.body.dump().substr(0, 500);
    EXPECT_TRUE(preview.body["import"]["problems"].empty()) << kind << preview.body["import"]["problems"].dump().substr(0, 500);
    EXPECT_EQ(preview.body["import"]["unchanged"], rows) << kind;
  }
  auto year = sheets_of(server().call("GET", "/exports/conditions.xlsx?school_year=2026", &admin));
  auto all = sheets_of(server().call("GET", "/exports/conditions.xlsx", &admin));
  ASSERT_EQ(year.size(), 1u);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_LT(year[0].rows.size(), all[0].rows.size());
}

TEST(Export, ClassesAreTheSchoolsOwnWithTheirHeadTeachers) {
  Login sa = server().login("school_admin");
  auto own = sheets_of(server().call("GET", "/exports/classes.xlsx", &sa));
  ASSERT_EQ(own.size(), 1u);
  Reply listed = server().call("GET", "/classes?school_id=" + std::to_string(lm().own_school), &sa);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(own[0].rows.size() - 1, listed.body["items"].size());
  int head = column_of(own[0], "班主任身份证号");
  ASSERT_GE(head, 0);
  size_t with_head = 0;
  for (size_t i = 1; i < own[0].rows.size(); ++i)
    with_head += own[0].rows[i].cells.size() > static_cast<size_t>(head) &&
                 own[0].rows[i].cells[head].text.size() == 18;
  EXPECT_GT(with_head, 0u);
  // Another school's classes are not the school admin's to export.
  auto other = sheets_of(server().call(
      "GET", "/exports/classes.xlsx?school_id=" + std::to_string(lm().rural_school), &sa));
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].rows.size(), 1u);
  EXPECT_EQ(server().call("GET", "/exports/classes.xlsx?school_year=abc", &sa).status, 400);
}

TEST(Export, ErrorSheetMarksTheBadRows) {
  Login sa = server().login("school_admin");
  std::string csv =
      "姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质\n"
      "错一,男,110101201503150010,2015-03-15,汉族,0000000000,,在读,2024-09-01,农村\n";
  auto preview = server().upload("/imports/student", &sa, "有错.csv", csv);
  ASSERT_EQ(preview.status, 200);
  ASSERT_FALSE(preview.body["import"]["problems"].empty());
  std::string id = std::to_string(preview.body["import"]["id"].get<int>());
  Reply r = server().call("GET", "/imports/" + id + "/errors.xlsx", &sa);
  auto sheets = sheets_of(r);
  ASSERT_EQ(sheets.size(), 1u);
  int notes = column_of(sheets[0], "错误说明");
  ASSERT_GE(notes, 0);
  ASSERT_EQ(sheets[0].rows.size(), 2u);
  EXPECT_EQ(sheets[0].rows[1].cells[0].text, "错一");
  const std::string& why = sheets[0].rows[1].cells[notes].text;
  EXPECT_NE(why.find("0000000000"), std::string::npos) << why;
  // The name is sent percent-encoded (filename*=UTF-8''…); this client decodes header values.
  EXPECT_NE(header_value(r, "Content-Disposition").find("filename*=UTF-8''有错-错误说明.xlsx"),
            std::string::npos) << header_value(r, "Content-Disposition");
  Login other = server().login("admin");
  EXPECT_EQ(server().call("GET", "/imports/999999/errors.xlsx", &other).status, 404);
}

}  // namespace
}  // namespace edu::apitest
