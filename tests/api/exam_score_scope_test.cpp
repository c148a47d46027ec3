// Score sheets and the uploader's scope, through the real server: a school
// admin's sheet scores its own roster only (another school's student, by
// 身份证号 or by 学籍号, is listed and never written, and nothing about them
// comes back); a 姓名 that does not match the register is a row problem; the
// bureau may score anyone. And a group with nobody counted shows null, not 0.
#include <gtest/gtest.h>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
std::string id(int64_t v) { return std::to_string(v); }

// The rural student (another school than the school admin's), and an exam of
// their grade in which the bureau has scored them 数学 75.
struct ForeignStudent {
  int64_t exam = 0, student = 0, school = 0;
  std::string name, id_number, school_code, school_name;
  ForeignStudent() {
    Login admin = server().login("admin");
    student = server().landmarks().rural_student;
    const json s = server().call("GET", "/students/" + id(student), &admin).body["student"];
    name = s["name"];
    school = s["school_id"];
    school_name = s["school_name"];
    id_number = server().call("GET", "/students/" + id(student) + "/id-number", &admin).body["id_number"];
    school_code = server().call("GET", "/schools/" + id(school), &admin).body["school"]["code"];
    auto created = server().call("POST", "/exams", &admin,
                                 json{{"name", "附读核查"}, {"date", "2026-12-22"}, {"grade", s["grade"]},
                                      {"absent_policy", "exclude"},
                                      {"subjects", json::array({json{{"name", "数学"}, {"full_marks", 100}}})}});
    EXPECT_EQ(created.status, 201) << created.body.dump();
    exam = created.body["exam"]["id"];
    auto scored = server().upload(path("commit"), &admin, "bureau.csv",
                                  "学校标识码,身份证号,姓名,数学\n" + school_code + "," + id_number + "," + name + ",75\n");
    EXPECT_EQ(scored.status, 201) << scored.body.dump();
  }
  std::string path(const std::string& what) const { return "/exams/" + id(exam) + "/scores/" + what; }
  // Their stored 数学: 75, owned by their register's school.
  int64_t untouched() const {
    return server().count("exam_scores WHERE exam_id = " + id(exam) + " AND student_id = " + id(student) +
                          " AND subject = 0 AND score = 75 AND school_id = " + id(school));
  }
};

const ForeignStudent& foreign() {
  static ForeignStudent f;
  return f;
}

TEST(ExamScoreScope, SchoolAdminCannotOverwriteAnotherSchoolsStudent) {
  const ForeignStudent& f = foreign();
  ASSERT_NE(f.school, server().landmarks().own_school);
  ASSERT_EQ(f.untouched(), 1);
  Login school = server().login("school_admin");
  for (const std::string& sheet : {"身份证号,姓名,数学\n" + f.id_number + "," + f.name + ",0\n",
                                   "学籍号,姓名,数学\nG" + f.id_number + "," + f.name + ",0\n"}) {
    auto committed = server().upload(f.path("commit"), &school, "attack.csv", sheet);
    ASSERT_EQ(committed.status, 201) << committed.body.dump();  // accepted, but nothing of it written
    EXPECT_EQ(committed.body["counted"], 0) << sheet;
    ASSERT_EQ(committed.body["outsiders"].size(), 1u) << sheet;
    EXPECT_EQ(committed.body["outsiders"][0]["row"], 2);
    EXPECT_EQ(committed.body["outsiders"][0]["kind"], "外校/不在册");
    EXPECT_EQ(f.untouched(), 1) << sheet;  // still 75, still owned by the register's school
  }
  // Both imports keep the row for the bureau: held, with the register's school.
  int held = 0;
  for (const std::string& text : server().texts("SELECT report FROM exam_score_imports WHERE exam_id = " + id(f.exam))) {
    const json report = json::parse(text);
    if (!report.contains("held") || report["held"].empty()) continue;
    const json& first = report["held"][0];
    held += first["row"] == 2 && first["student_id"] == f.student && first["registered_school_id"] == f.school;
  }
  EXPECT_EQ(held, 2);
}

TEST(ExamScoreScope, PreviewSaysNothingAboutStudentsOutsideTheScope) {
  const ForeignStudent& f = foreign();
  Login school = server().login("school_admin");
  // A wrong name, twice (once by 身份证号, once by 学籍号): neither a name check
  // nor a duplicate may tell the uploader who this is.
  auto preview = server().upload(f.path("preview"), &school, "probe.csv",
                                 "身份证号,姓名,数学\n" + f.id_number + ",某某,60\n" +
                                     "G" + f.id_number + ",某某,60\n");
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  EXPECT_TRUE(preview.body["problems"].empty()) << preview.body.dump();
  EXPECT_TRUE(preview.body["duplicates"].empty()) << preview.body.dump();
  EXPECT_TRUE(preview.body["missing"].empty() ||
              preview.body["missing"][0]["school_id"] == server().landmarks().own_school);
  ASSERT_EQ(preview.body["outsiders"].size(), 2u);
  for (const json& o : preview.body["outsiders"]) {
    EXPECT_EQ(o["kind"], "外校/不在册");
    EXPECT_TRUE(o["registered_school_id"].is_null()) << o.dump();
    EXPECT_EQ(o["school_id"], server().landmarks().own_school);
  }
  const std::string said = json::array({preview.body["outsiders"], preview.body["problems"]}).dump();
  EXPECT_EQ(said.find(f.name), std::string::npos);  // (missing lists the own school's names)
  EXPECT_EQ(said.find(f.school_name), std::string::npos);
}

TEST(ExamScoreScope, BureauSheetScoresAnyoneAndNamesVisitingRows) {
  const ForeignStudent& f = foreign();
  Login admin = server().login("admin");
  const std::string own_code =
      server().call("GET", "/schools/" + id(server().landmarks().own_school), &admin).body["school"]["code"];
  auto preview = server().upload(f.path("preview"), &admin, "visiting.csv",
                                 "学校标识码,学籍号,姓名,数学\n" + own_code + ",G" + f.id_number + "," + f.name + ",80\n");
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  EXPECT_EQ(preview.body["counted"], 1);
  ASSERT_EQ(preview.body["outsiders"].size(), 1u);
  EXPECT_EQ(preview.body["outsiders"][0]["kind"], "附读");
  EXPECT_EQ(preview.body["outsiders"][0]["registered_school_id"], f.school);
}

TEST(ExamScoreScope, NameThatDoesNotMatchTheRegisterIsARowProblem) {
  const ForeignStudent& f = foreign();
  Login admin = server().login("admin");
  const std::string sheet = "学校标识码,身份证号,姓名,数学\n" + f.school_code + "," + f.id_number + "," + f.name +
                            "乙,70\n";
  auto preview = server().upload(f.path("preview"), &admin, "misnamed.csv", sheet);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  ASSERT_EQ(preview.body["problems"].size(), 1u) << preview.body.dump();
  const json& p = preview.body["problems"][0];
  EXPECT_EQ(p["row"], 2);
  EXPECT_EQ(p["column"], "姓名");
  EXPECT_EQ(p["value"], f.name + "乙");
  EXPECT_EQ(p["message"], "第2行“姓名”列的“" + f.name + "乙”与学籍登记的姓名“" + f.name + "”不一致");
  auto commit = server().upload(f.path("commit"), &admin, "misnamed.csv", sheet);
  EXPECT_EQ(commit.status, 409) << commit.body.dump();
  EXPECT_EQ(f.untouched(), 1);
}

TEST(ExamScoreScope, OwnStudentScoredElsewhereKeepsThatScore) {
  Login admin = server().login("admin"), school = server().login("school_admin");
  const Landmarks& l = server().landmarks();
  const json own = server().call("GET", "/students/" + id(l.own_student), &admin).body["student"];
  const std::string own_id = server().call("GET", "/students/" + id(l.own_student) + "/id-number", &admin).body["id_number"];
  const std::string rural_code = server().call("GET", "/schools/" + id(l.rural_school), &admin).body["school"]["code"];
  auto created = server().call("POST", "/exams", &admin,
                               json{{"name", "附读已核定"}, {"date", "2026-12-23"}, {"grade", l.own_class_grade},
                                    {"subjects", json::array({json{{"name", "数学"}, {"full_marks", 100}}})}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const std::string base = "/exams/" + id(created.body["exam"]["id"]) + "/scores/";
  // The bureau records that the school's own student sat at the rural school (附读): 66.
  auto bureau = server().upload(base + "commit", &admin, "visiting.csv",
                                "学校标识码,身份证号,姓名,数学\n" + rural_code + "," + own_id + "," +
                                    own["name"].get<std::string>() + ",66\n");
  ASSERT_EQ(bureau.status, 201) << bureau.body.dump();
  // The school's own sheet lists that student with an empty cell (缺考).
  const std::string sheet = "身份证号,姓名,数学\n" + own_id + "," + own["name"].get<std::string>() + ",\n";
  auto preview = server().upload(base + "preview", &school, "own.csv", sheet);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  ASSERT_EQ(preview.body["problems"].size(), 1u) << preview.body.dump();
  EXPECT_EQ(preview.body["problems"][0]["row"], 2);
  EXPECT_EQ(preview.body["problems"][0]["column"], "学籍号");
  EXPECT_EQ(preview.body["problems"][0]["message"],
            "第2行的学生本次考试的成绩已由其他学校报送(附读,经教育局导入),学校管理员不能覆盖;请删除此行,如有异议请联系教育局");
  EXPECT_EQ(server().upload(base + "commit", &school, "own.csv", sheet).status, 409);
  EXPECT_EQ(server().count("exam_scores WHERE exam_id = " + id(created.body["exam"]["id"]) + " AND student_id = " +
                           id(l.own_student) + " AND score = 66 AND school_id = " + id(l.rural_school)),
            1);
}

TEST(ExamScoreScope, GroupWithNobodyCountedIsNullNotZero) {
  Login admin = server().login("admin");
  auto created = server().call("POST", "/exams", &admin,
                               json{{"name", "无人参考"}, {"date", "2026-12-23"},
                                    {"grade", server().landmarks().own_class_grade}, {"absent_policy", "exclude"},
                                    {"subjects", json::array({json{{"name", "语文"}, {"full_marks", 100}}})}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  auto results = server().call("GET", "/exams/" + id(created.body["exam"]["id"]) + "/results?level=school", &admin);
  ASSERT_EQ(results.status, 200);
  ASSERT_FALSE(results.body["groups"].empty());
  const json& s = results.body["groups"][0]["columns"][0];  // 语文: nobody sat, absent excluded
  EXPECT_GT(s["expected"].get<int64_t>(), 0);
  EXPECT_EQ(s["sat"], 0);
  EXPECT_EQ(s["counted"], 0);
  EXPECT_EQ(s["participation"], 0.0);  // 0 of them sat: a real 0%
  for (const char* none : {"mean", "sd", "excellent_rate", "pass_rate", "low_rate", "max", "min", "composite", "rank"})
    EXPECT_TRUE(s[none].is_null()) << none << ": " << s.dump();
  for (const auto& [key, value] : s["percentiles"].items()) EXPECT_TRUE(value.is_null()) << key;
}

}  // namespace
}  // namespace edu::apitest
