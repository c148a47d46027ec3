// A school's classes of the current school year: 开设班级 (POST
// /schools/{id}/classes) numbers the new classes after the grade's last one
// and names them by the grade label; a refused request opens nothing. The
// class register imports by school admins for their own school only, all or
// nothing, and a student imported into a class is enrolled in its year.
#include <gtest/gtest.h>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }
std::string id(int64_t v) { return std::to_string(v); }

json own_class() {
  Login admin = server().login("admin");
  Reply classes = server().call("GET", "/classes?school_id=" + id(lm().own_school), &admin);
  for (const json& c : classes.body["items"])
    if (c["id"] == lm().own_class) return c;
  return json::object();
}

std::string school_code(int64_t school) {
  Login admin = server().login("admin");
  return server().call("GET", "/schools/" + id(school), &admin).body["school"]["code"];
}

TEST(Classes, OpeningNumbersAfterTheGradesLastClass) {
  Login sa = server().login("school_admin");
  json klass = own_class();
  const std::string where = "classes WHERE school_id = " + id(lm().own_school) +
                            " AND school_year = 2026 AND grade = " + id(klass["grade"].get<int>());
  int64_t before = server().count(where);
  auto r = server().call("POST", "/schools/" + id(lm().own_school) + "/classes", &sa,
                         {{"section", klass["section"]}, {"grade", klass["grade"]}, {"count", 2}});
  ASSERT_EQ(r.status, 201) << r.body.dump();
  ASSERT_EQ(r.body["items"].size(), 2u);
  const std::string label = klass["grade_label"];
  EXPECT_EQ(r.body["items"][0]["name"], label + "(" + id(before + 1) + ")班");
  EXPECT_EQ(r.body["items"][1]["name"], label + "(" + id(before + 2) + ")班");
  EXPECT_EQ(server().count(where), before + 2);
  EXPECT_GE(server().count("audit_log WHERE entity = 'class' AND action = 'create'"), 2);
}

TEST(Classes, ARefusedOpeningOpensNothing) {
  Login sa = server().login("school_admin");
  json klass = own_class();
  int64_t before = server().count("classes");
  const std::string path = "/schools/" + id(lm().own_school) + "/classes";
  auto none = server().call("POST", path, &sa, {{"section", klass["section"]}, {"grade", klass["grade"]}, {"count", 0}});
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(none.body["field"], "count");
  auto huge = server().call("POST", path, &sa,
                            {{"section", klass["section"]}, {"grade", klass["grade"]}, {"count", 4294967297LL}});
  EXPECT_EQ(huge.status, 422);
  auto other_section = server().call("POST", path, &sa, {{"section", "中职"}, {"grade", 10}, {"count", 1}});
  EXPECT_EQ(other_section.status, 422);
  EXPECT_EQ(other_section.body["field"], "section");
  auto bad_grade = server().call("POST", path, &sa, {{"section", klass["section"]}, {"grade", 99}, {"count", 1}});
  EXPECT_EQ(bad_grade.status, 422);
  EXPECT_EQ(bad_grade.body["field"], "grade");
  EXPECT_EQ(server().count("classes"), before);
}

TEST(Classes, ImportIsTheSchoolAdminsForTheirOwnSchool) {
  Login sa = server().login("school_admin");
  json klass = own_class();
  const std::string own = school_code(lm().own_school), rural = school_code(lm().rural_school);
  const std::string section = klass["section"], grade = klass["grade_label"];
  const std::string header = "学校标识码,学年,学段,年级,班号,班级名称\n";
  int64_t before = server().count("classes");
  std::string mixed = header + own + ",2026," + section + "," + grade + ",41,\n" + rural + ",2026," +
                      section + "," + grade + ",41,\n";
  auto preview = server().upload("/imports/class", &sa, "班级.csv", mixed);
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  ASSERT_EQ(preview.body["import"]["problems"].size(), 1u) << preview.body.dump();
  const json& p = preview.body["import"]["problems"][0];
  EXPECT_EQ(p["row"], 3);
  EXPECT_NE(p["message"].get<std::string>().find("不在您的管辖范围"), std::string::npos);
  std::string good = header + own + ",2026," + section + "," + grade + ",41,\n";
  auto ok = server().upload("/imports/class", &sa, "班级.csv", good);
  auto commit = server().call("POST", "/imports/" + id(ok.body["import"]["id"].get<int64_t>()) + "/commit", &sa);
  ASSERT_EQ(commit.status, 200) << commit.body.dump();
  EXPECT_EQ(server().count("classes"), before + 1);
  EXPECT_EQ(server().count("classes WHERE class_no = 41 AND name = '" + grade + "(41)班'"), 1);
  auto again = server().upload("/imports/class", &sa, "班级.csv", good);
  EXPECT_EQ(again.body["import"]["unchanged"], 1);
  auto areas = server().upload("/imports/area", &sa, "乡镇.csv", "行政区划代码,乡镇(街道)名称\n430521199,新镇\n");
  EXPECT_EQ(areas.status, 403);
}

TEST(Classes, AStudentImportedIntoAClassIsEnrolledInItsYear) {
  Login sa = server().login("school_admin");
  json klass = own_class();
  int year = 2026 - (klass["grade"].get<int>() + 5) - 1;
  std::string number = new_id_number(year, true);
  std::string file = "姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质\n"
                     "入班甲,男," + number + "," + std::to_string(year) + "-03-15,汉族," +
                     school_code(lm().own_school) + "," + klass["name"].get<std::string>() +
                     ",在读,2024-09-01,农村\n";
  auto preview = server().upload("/imports/student", &sa, "入班.csv", file);
  auto commit = server().call("POST", "/imports/" + id(preview.body["import"]["id"].get<int64_t>()) + "/commit", &sa);
  ASSERT_EQ(commit.status, 200) << commit.body.dump();
  EXPECT_EQ(server().count("enrolments e JOIN students s ON s.id = e.student_id WHERE s.name = '入班甲' "
                           "AND e.school_year = 2026 AND e.class_id = " + id(lm().own_class) +
                           " AND e.status = '在读'"),
            1);
}

}  // namespace
}  // namespace edu::apitest

namespace edu::apitest {
namespace {

// 编辑班级 (PUT /classes/{id}): the school admin renames their own class and sets
// its 班主任 — audited with names —; a name taken in the school and year, a
// teacher of another school, another school's class and other roles are
// refused and change nothing.
TEST(Classes, EditingNamesTheClassAndItsHeadTeacher) {
  const json klass = own_class();
  ASSERT_TRUE(klass.contains("id"));
  const std::string path = "/classes/" + id(lm().own_class);
  Login sa = server().login("school_admin");
  Login admin = server().login("admin");
  json classes = server().call("GET", "/classes?school_id=" + id(lm().own_school), &admin).body["items"];
  std::string taken;
  for (const json& c : classes)
    if (c["id"] != lm().own_class) taken = c["name"];
  ASSERT_FALSE(taken.empty());
  const json own_teachers = server().call("GET", "/teachers?size=5&school_id=" + id(lm().own_school), &admin).body;
  const int64_t colleague = own_teachers["items"][0]["id"];
  const json restore = {{"name", klass["name"]}, {"head_teacher_id", klass["head_teacher_id"]}};

  EXPECT_EQ(server().call("PUT", path, &sa, {{"name", taken}, {"head_teacher_id", nullptr}}).status, 422);
  EXPECT_EQ(server().call("PUT", path, &sa, {{"name", "  "}, {"head_teacher_id", nullptr}}).status, 422);
  EXPECT_EQ(server().call("PUT", path, &sa, {{"name", "实验班"}, {"head_teacher_id", lm().rural_teacher}}).status,
            422);
  EXPECT_EQ(server().call("PUT", "/classes/" + id(lm().rural_class), &sa, {{"name", "实验班"}}).status, 404);
  Login officer = server().login("officer"), teacher = server().login("teacher");
  EXPECT_EQ(server().call("PUT", path, &officer, {{"name", "实验班"}}).status, 403);
  EXPECT_EQ(server().call("PUT", path, &teacher, {{"name", "实验班"}}).status, 403);
  EXPECT_EQ(own_class()["name"], klass["name"]);

  Reply saved = server().call("PUT", path, &sa, {{"name", "实验班"}, {"head_teacher_id", colleague}});
  ASSERT_EQ(saved.status, 200) << saved.body.dump();
  EXPECT_EQ(own_class()["name"], "实验班");
  EXPECT_EQ(own_class()["head_teacher_id"], colleague);
  EXPECT_EQ(server().count("audit_log l JOIN audit_changes c ON c.audit_id = l.id WHERE l.entity = 'class' "
                           "AND l.action = 'update' AND l.entity_id = " + id(lm().own_class) +
                           " AND c.field = 'name' AND c.new_value = '实验班'"),
            1);
  ASSERT_EQ(server().call("PUT", path, &admin, restore).status, 200);
  EXPECT_EQ(own_class()["name"], klass["name"]);
}

}  // namespace
}  // namespace edu::apitest
