// Importing register files over HTTP: preview names every problem by row and
// column and changes nothing; commit is all-or-nothing and idempotent; CSV in
// GBK and xlsx written by LibreOffice read the same as UTF-8 CSV; a file
// beyond the row cap is refused, and a file of thousands of bad rows keeps
// the first 1000 problems, pages them and marks every one in the error sheet.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iconv.h>

#include "../unit/xlsx_builder.h"
#include "api_server_fixture.h"
#include "ingest/xlsx_reader.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }

std::string school_code(int64_t id) {
  Login admin = server().login("admin");
  return server().call("GET", "/schools/" + std::to_string(id), &admin).body["school"]["code"];
}
std::string class_name(int64_t id) {
  Login admin = server().login("admin");
  auto classes = server().call("GET", "/classes?school_id=" + std::to_string(lm().own_school), &admin);
  for (const auto& c : classes.body["items"])
    if (c["id"] == id) return c["name"];
  return "";
}

struct StudentLine {
  std::string name, gender, id_number, birth, school, klass;
};

std::string csv(const std::vector<StudentLine>& lines) {
  std::string out = "姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质,备注\n";
  for (const auto& l : lines)
    out += l.name + "," + l.gender + "," + l.id_number + "," + l.birth + ",汉族," + l.school + "," +
           l.klass + ",在读,2024-09-01,农村,\n";
  return out;
}

StudentLine good_student(const std::string& name, bool male) {
  int year = 2026 - (lm().own_class_grade + 5) - 1;
  return {name, male ? "男" : "女", new_id_number(year, male), std::to_string(year) + "-03-15",
          school_code(lm().own_school), class_name(lm().own_class)};
}

std::string to_gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* dst = out.data();
  iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

TEST(Import, PreviewNamesEveryProblemAndChangesNothing) {
  Login sa = server().login("school_admin");
  StudentLine a = good_student("导入甲", true);
  StudentLine bad_check = good_student("导入乙", false);
  bad_check.id_number[17] = bad_check.id_number[17] == '0' ? '1' : '0';
  StudentLine other_school = good_student("导入丙", true);
  other_school.school = school_code(lm().rural_school);
  StudentLine no_class = good_student("导入丁", true);
  no_class.klass = "九十年级(1)班";
  StudentLine duplicate = a;
  duplicate.name = "导入戊";
  int64_t students = server().count("students");
  auto r = server().upload("/imports/student", &sa, "名册.csv",
                           csv({a, bad_check, other_school, no_class, duplicate}));
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const json& imp = r.body["import"];
  EXPECT_EQ(imp["status"], "previewed");
  EXPECT_EQ(imp["rows"], 5);
  EXPECT_EQ(imp["valid_rows"], 1);
  EXPECT_EQ(imp["unknown_columns"], json::array({"备注"}));
  std::map<int, json> by_row;
  for (const auto& p : imp["problems"]) by_row[p["row"].get<int>()] = p;
  ASSERT_EQ(by_row.size(), 4u) << imp["problems"].dump();
  EXPECT_EQ(by_row[3]["column"], "C");
  EXPECT_EQ(by_row[3]["header"], "身份证号");
  EXPECT_NE(by_row[3]["message"].get<std::string>().find("校验位"), std::string::npos);
  EXPECT_EQ(by_row[4]["column"], "F");
  EXPECT_NE(by_row[4]["message"].get<std::string>().find("不在您的管辖范围"), std::string::npos);
  EXPECT_EQ(by_row[5]["column"], "G");
  EXPECT_NE(by_row[5]["message"].get<std::string>().find("九十年级(1)班"), std::string::npos);
  EXPECT_NE(by_row[6]["message"].get<std::string>().find("与第2行"), std::string::npos);
  EXPECT_EQ(server().count("students"), students);
  auto commit = server().call("POST", "/imports/" + std::to_string(imp["id"].get<int>()) + "/commit", &sa);
  EXPECT_EQ(commit.status, 409);
  EXPECT_EQ(commit.body["code"], "has_problems");
  EXPECT_EQ(server().count("students"), students);
}

TEST(Import, CommitIsAllOrNothingAndReimportChangesNothing) {
  Login sa = server().login("school_admin");
  std::string file = csv({good_student("导入己", true), good_student("导入庚", false)});
  int64_t students = server().count("students");
  auto preview = server().upload("/imports/student", &sa, "新生.csv", file);
  ASSERT_EQ(preview.status, 200);
  EXPECT_EQ(preview.body["import"]["to_create"], 2);
  std::string id = std::to_string(preview.body["import"]["id"].get<int>());
  auto commit = server().call("POST", "/imports/" + id + "/commit", &sa);
  ASSERT_EQ(commit.status, 200) << commit.body.dump();
  EXPECT_EQ(commit.body["import"]["status"], "committed");
  EXPECT_EQ(commit.body["import"]["created"], 2);
  EXPECT_EQ(commit.body["import"]["created_by"], "青山县实验小学管理员");
  EXPECT_EQ(server().count("students"), students + 2);
  EXPECT_EQ(server().count("students WHERE name IN ('导入己', '导入庚') AND school_id = " +
                           std::to_string(lm().own_school)),
            2);
  auto again = server().call("POST", "/imports/" + id + "/commit", &sa);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["code"], "already_committed");
  auto second = server().upload("/imports/student", &sa, "新生.csv", file);
  EXPECT_EQ(second.body["import"]["unchanged"], 2);
  EXPECT_EQ(second.body["import"]["to_create"], 0);
  EXPECT_EQ(second.body["import"]["checksum"], preview.body["import"]["checksum"]);
}

TEST(Import, GbkCsvReadsTheSameAsUtf8) {
  Login sa = server().login("school_admin");
  StudentLine s = good_student("国标码", true);
  auto r = server().upload("/imports/student", &sa, "gbk.csv", to_gbk(csv({s})));
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["import"]["to_create"], 1);
  EXPECT_TRUE(r.body["import"]["problems"].empty()) << r.body.dump();
  auto commit = server().call("POST", "/imports/" + std::to_string(r.body["import"]["id"].get<int>()) + "/commit", &sa);
  ASSERT_EQ(commit.status, 200);
  EXPECT_EQ(server().count("students WHERE name = '国标码'"), 1);
}

// Converts `csv_text` to xlsx with LibreOffice; `column_types` is its CSV filter's
// column list, e.g. "3/2/6/2" = columns 3 and 6 as text ("" = let it guess).
std::string libreoffice_xlsx(const std::string& csv_text, const std::string& column_types) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("edu_lo_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  { std::ofstream(dir / "roster.csv") << csv_text; }
  std::string cmd = "cd " + dir.string() + " && HOME=" + dir.string() +
                    " soffice -env:UserInstallation=file://" + dir.string() +
                    "/profile --headless --infilter=CSV:44,34,76,1," + column_types +
                    " --convert-to xlsx --outdir " + dir.string() + " roster.csv > /dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return "";
  std::ifstream in(dir / "roster.xlsx", std::ios::binary);
  std::string xlsx((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove_all(dir);
  return xlsx;
}

TEST(Import, XlsxWrittenByLibreOffice) {
  Login sa = server().login("school_admin");
  StudentLine s = good_student("电子表格", false);
  std::string as_text = libreoffice_xlsx(csv({s}), "3/2/6/2");
  ASSERT_FALSE(as_text.empty()) << "LibreOffice (soffice) is required";
  auto r = server().upload("/imports/student", &sa, "roster.xlsx", as_text);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["import"]["to_create"], 1) << r.body.dump();
  EXPECT_TRUE(r.body["import"]["problems"].empty()) << r.body.dump();

  // Left to guess, LibreOffice stores the ID number as a number and loses digits: the
  // row must be refused with the reason, never imported with a wrong ID.
  std::string guessed = libreoffice_xlsx(csv({good_student("数字身份证", true)}), "");
  ASSERT_FALSE(guessed.empty());
  auto g = server().upload("/imports/student", &sa, "guessed.xlsx", guessed);
  ASSERT_EQ(g.status, 200) << g.body.dump();
  ASSERT_EQ(g.body["import"]["problems"].size(), 1u) << g.body.dump();
  const json& p = g.body["import"]["problems"][0];
  EXPECT_EQ(p["header"], "身份证号");
  EXPECT_EQ(p["row"], 2);
  EXPECT_NE(p["message"].get<std::string>().find("文本"), std::string::npos);
}

TEST(Import, BadFilesAndRolesAreRefused) {
  Login sa = server().login("school_admin");
  auto garbage = server().upload("/imports/student", &sa, "x.xlsx", std::string("PK\x03\x04garbage", 11));
  EXPECT_EQ(garbage.status, 422);
  EXPECT_EQ(garbage.body["code"], "bad_file");
  auto no_header = server().upload("/imports/student", &sa, "x.csv", "a,b,c\n1,2,3\n");
  EXPECT_EQ(no_header.status, 422);
  EXPECT_NE(no_header.body["message"].get<std::string>().find("表头"), std::string::npos);
  EXPECT_EQ(server().upload("/imports/nonsense", &sa, "x.csv", "a").status, 404);
  Login officer = server().login("officer");
  EXPECT_EQ(server().upload("/imports/student", &officer, "x.csv", csv({})).status, 403);
  EXPECT_EQ(server().upload("/imports/school", &sa, "x.csv", "学校标识码,学校名称\n").status, 403);
  Login admin = server().login("admin");
  auto mine = server().upload("/imports/student", &admin, "a.csv", csv({}));
  ASSERT_EQ(mine.status, 200);
  std::string id = std::to_string(mine.body["import"]["id"].get<int>());
  EXPECT_EQ(server().call("GET", "/imports/" + id, &sa).status, 404);  // another user's import
  EXPECT_EQ(server().call("GET", "/imports/" + id, &admin).status, 200);
}

// An .xlsx of `rows` student rows below a header, written as a zip of XML.
std::string many_rows_xlsx(int rows) {
  std::string body = R"(<sheetData><row r="1"><c t="inlineStr"><is><t>姓名</t></is></c>)"
                     R"(<c t="inlineStr"><is><t>性别</t></is></c></row>)";
  for (int r = 2; r <= rows + 1; ++r)
    body += "<row r=\"" + std::to_string(r) + R"("><c t="inlineStr"><is><t>某</t></is></c>)"
            R"(<c t="inlineStr"><is><t>未知</t></is></c></row>)";
  std::string path = (std::filesystem::temp_directory_path() /
                      ("edu_rows_" + std::to_string(::getpid()) + ".xlsx")).string();
  EXPECT_TRUE(ingest::testing::write_zip(path, ingest::testing::one_sheet_workbook(body + "</sheetData>")));
  std::ifstream in(path, std::ios::binary);
  std::string xlsx((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return xlsx;
}

TEST(Import, AFileBeyondTheRowCapIsRefusedAndNothingStored) {
  Login sa = server().login("school_admin");
  int64_t imports = server().count("imports");
  auto r = server().upload("/imports/student", &sa, "全县名册.xlsx", many_rows_xlsx(250'000));
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body["code"], "bad_file");
  EXPECT_EQ(r.body["message"],
            "全县名册.xlsx 工作表“Sheet1”第200002行：数据超过200000行（不含表头），超出单次导入的上限；"
            "上限由系统设置“import_max_rows”规定，请拆分成几个文件分批导入");
  EXPECT_EQ(server().count("imports"), imports);
}

TEST(Import, ThousandsOfBadRowsKeepTheFirst1000ProblemsAndTheErrorSheetMarksAll) {
  Login sa = server().login("school_admin");
  StudentLine line = good_student("性别错", true);
  line.gender = "未知";
  std::string file = csv({});
  for (int i = 0; i < 5000; ++i) file += csv({line}).substr(csv({}).size());
  auto r = server().upload("/imports/student", &sa, "五千行.csv", file);
  ASSERT_EQ(r.status, 200) << r.body.dump().substr(0, 500);
  const json& imp = r.body["import"];
  EXPECT_EQ(imp["rows"], 5000);
  EXPECT_EQ(imp["problem_count"], 5000);
  EXPECT_EQ(imp["problems_listed"], 1000);
  ASSERT_EQ(imp["problems"].size(), 100u);
  EXPECT_EQ(imp["problems"][0]["row"], 2);
  EXPECT_EQ(imp["problems"][0]["column"], "B");
  EXPECT_EQ(imp["problems"][0]["value"], "未知");
  std::string id = std::to_string(imp["id"].get<int>());
  EXPECT_EQ(server().count("import_problems WHERE import_id = " + id), 1000);

  auto page = server().call("GET", "/imports/" + id + "/problems?page=10&size=100", &sa);
  ASSERT_EQ(page.status, 200) << page.body.dump();
  EXPECT_EQ(page.body["total"], 1000);
  EXPECT_EQ(page.body["problem_count"], 5000);
  ASSERT_EQ(page.body["items"].size(), 100u);
  EXPECT_EQ(page.body["items"][0]["row"], 902);
  EXPECT_EQ(page.body["items"][99]["row"], 1001);
  EXPECT_TRUE(server().call("GET", "/imports/" + id + "/problems?page=11&size=100", &sa).body["items"].empty());
  EXPECT_EQ(server().call("GET", "/imports/" + id + "/problems?size=201", &sa).status, 400);

  auto sheet = server().call("GET", "/imports/" + id + "/errors.xlsx", &sa);
  ASSERT_EQ(sheet.status, 200);
  auto read = ingest::read_xlsx_bytes(sheet.raw_body, "errors.xlsx");
  ASSERT_TRUE(read.ok()) << read.status().message();
  const auto& rows = read->front().rows;
  ASSERT_EQ(rows.size(), 5001u);
  int marked = 0;
  for (size_t i = 1; i < rows.size(); ++i)
    marked += rows[i].cells.back().text.find("性别") != std::string::npos;
  EXPECT_EQ(marked, 5000);
}

}  // namespace
}  // namespace edu::apitest
