// Field-level write rights (access/policy.h) and the hardening of what a
// request may carry: each refused write is a Chinese error naming the field,
// and the record is unchanged afterwards. Outcomes are written out by hand.
#include <gtest/gtest.h>

#include "api_server_fixture.h"

namespace edu::apitest {
namespace {

TestServer& server() { return TestServer::get(); }
const Landmarks& lm() { return TestServer::get().landmarks(); }
std::string id(int64_t v) { return std::to_string(v); }

// A record as the bureau admin reads it (the yardstick for "unchanged").
json record(const std::string& kind, int64_t record_id) {
  Login admin = server().login("admin");
  auto r = server().call("GET", "/" + kind + "s/" + id(record_id), &admin);
  EXPECT_EQ(r.status, 200);
  return r.body[kind];
}

// The body of a PUT that changes nothing: the record as read, without what
// the server derives (names, counts) and with the stored ID number kept.
json unchanged_body(const std::string& kind, int64_t record_id) {
  json b = record(kind, record_id);
  for (const char* derived : {"id", "id_number", "area_name", "student_count", "teacher_count",
                              "class_count", "school_name", "class_name", "section", "grade",
                              "grade_label"})
    if (kind != "teacher" || std::string(derived) != "section") b.erase(derived);
  return b;
}

std::string other(const std::string& value, const std::string& a, const std::string& b) {
  return value == a ? b : a;
}

// PUT `body` as `who`; expects a 403 naming `field` and the record unchanged.
void expect_refused(const Login& who, const std::string& kind, int64_t record_id, const json& body,
                    const std::string& field, const std::string& label) {
  json before = record(kind, record_id);
  auto r = server().call("PUT", "/" + kind + "s/" + id(record_id), &who, body);
  EXPECT_EQ(r.status, 403) << field << ": " << r.body.dump();
  EXPECT_EQ(r.body.value("code", ""), "forbidden") << field;
  EXPECT_EQ(r.body.value("field", ""), field);
  EXPECT_EQ(r.body.value("message", ""), "您的角色无权修改“" + label + "”:该字段由教育局维护");
  EXPECT_EQ(record(kind, record_id), before) << field << " changed the record";
}

TEST(WriteRights, SchoolAdminMayEditOnlyTheContactFieldsOfTheirSchool) {
  Login sa = server().login("school_admin");
  const json school = record("school", lm().own_school);
  const json rural = record("school", lm().rural_school);
  const std::vector<std::tuple<std::string, json, std::string>> bureau_fields = {
      {"area_id", rural["area_id"], "所属乡镇"},
      {"code", "2143059990", "学校标识码"},
      {"kind", other(school["kind"], "小学", "初级中学"), "学校类别"},
      {"ownership", other(school["ownership"], "公办", "民办"), "办学性质"},
      {"location", other(school["location"], "城区", "乡村"), "城乡类别"},
      {"parent_school_id", lm().rural_school, "所属中心校"},
      {"name", "改名小学", "名称/姓名"},
      {"founded_year", 1999, "建校年份"},
      {"weak", !school["weak"].get<bool>(), "薄弱学校"}};
  for (const auto& [field, value, label] : bureau_fields) {
    json body = unchanged_body("school", lm().own_school);
    body[field] = value;
    expect_refused(sa, "school", lm().own_school, body, field, label);
  }
  json body = unchanged_body("school", lm().own_school);
  body["address"] = "青山县人民路1号";
  body["principal"] = "赵校长";
  body["phone"] = "0739-1234567";
  auto r = server().call("PUT", "/schools/" + id(lm().own_school), &sa, body);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  json after = record("school", lm().own_school);
  EXPECT_EQ(after["address"], "青山县人民路1号");
  EXPECT_EQ(after["principal"], "赵校长");
  EXPECT_EQ(after["phone"], "0739-1234567");
  EXPECT_EQ(after["area_id"], school["area_id"]);
  EXPECT_EQ(after["code"], school["code"]);
}

TEST(WriteRights, TheBureauSetsEveryFieldOfASchool) {
  Login admin = server().login("admin");
  json school = {{"code", "2143059991"}, {"name", "权限测试小学"}, {"kind", "小学"},
                 {"ownership", "公办"}, {"location", "城区"}, {"area_id", lm().seat_area},
                 {"founded_year", 2020}};
  auto created = server().call("POST", "/schools", &admin, school);
  ASSERT_EQ(created.status, 201) << created.body.dump();
  json rural = record("school", lm().rural_school);
  school["area_id"] = rural["area_id"];
  school["kind"] = "教学点";
  school["location"] = "乡村";
  school["parent_school_id"] = lm().rural_school;
  school["weak"] = true;
  auto moved = server().call("PUT", "/schools/" + id(created.body["school"]["id"]), &admin, school);
  ASSERT_EQ(moved.status, 200) << moved.body.dump();
  EXPECT_EQ(moved.body["school"]["weak"], true);
  EXPECT_EQ(moved.body["school"]["area_id"], rural["area_id"]);
  EXPECT_EQ(moved.body["school"]["parent_school_id"], lm().rural_school);
}

TEST(WriteRights, SchoolAdminCannotMoveAStudentToAnotherSchool) {
  Login sa = server().login("school_admin");
  json body = unchanged_body("student", lm().own_student);
  body["school_id"] = lm().rural_school;
  body["class_id"] = nullptr;
  expect_refused(sa, "student", lm().own_student, body, "school_id", "学校");
  body = unchanged_body("student", lm().own_student);
  body["household"] = other(body["household"], "城镇", "农村");
  auto r = server().call("PUT", "/students/" + id(lm().own_student), &sa, body);
  EXPECT_EQ(r.status, 200) << r.body.dump();
}

TEST(WriteRights, SchoolAdminCannotMoveATeacherOrSetStaffingAndBackbone) {
  Login sa = server().login("school_admin");
  const int64_t t = lm().own_teacher;
  json body = unchanged_body("teacher", t);
  body["school_id"] = lm().rural_school;
  expect_refused(sa, "teacher", t, body, "school_id", "学校");
  body = unchanged_body("teacher", t);
  body["on_staff"] = !body["on_staff"].get<bool>();
  expect_refused(sa, "teacher", t, body, "on_staff", "在编");
  body = unchanged_body("teacher", t);
  body["backbone"] = other(body["backbone"], "国家级", "县级");
  expect_refused(sa, "teacher", t, body, "backbone", "骨干级别");
  body = unchanged_body("teacher", t);
  body["title"] = other(body["title"], "一级", "二级");
  auto r = server().call("PUT", "/teachers/" + id(t), &sa, body);
  EXPECT_EQ(r.status, 200) << r.body.dump();
}

// 骨干 is conferred by the bureau: a school admin's new teacher is 无 骨干, by
// the form and by the import alike; the bureau may create one with any level.
TEST(WriteRights, SchoolAdminCreatesTeachersWithoutBackbone) {
  Login sa = server().login("school_admin");
  json teacher = {{"name", "赵老师"}, {"gender", "女"}, {"id_number", new_id_number(1991, false)},
                  {"birth_date", "1991-03-15"}, {"school_id", lm().own_school}, {"post", "专任教师"},
                  {"education", "本科"}, {"title", "二级"}, {"subject", "语文"}, {"backbone", "省级"},
                  {"on_staff", true}, {"hired_on", "2014-09-01"}};
  const int before = server().count("teachers");
  auto r = server().call("POST", "/teachers", &sa, teacher);
  EXPECT_EQ(r.status, 403) << r.body.dump();
  EXPECT_EQ(r.body.value("field", ""), "backbone");
  EXPECT_EQ(r.body.value("message", ""), "“骨干级别”由教育局认定,新建记录时只能填“无”");
  EXPECT_EQ(server().count("teachers"), before);

  const std::string header =
      "姓名,性别,身份证号,出生日期,学校标识码,岗位类别,最高学历,职称,任教学科,骨干级别,任教学段,是否在编,参加工作日期\n";
  const std::string row = "钱老师,男," + new_id_number(1988, true) + ",1988-03-15," +
                          record("school", lm().own_school)["code"].get<std::string>() +
                          ",专任教师,本科,一级,数学,县级,小学,是,2010-09-01\n";
  auto upload = server().upload("/imports/teacher", &sa, "新教师.csv", header + row);
  EXPECT_EQ(upload.status, 200) << upload.body.dump();
  const json& problems = upload.body["import"]["problems"];
  ASSERT_EQ(problems.size(), 1u) << problems.dump();
  EXPECT_EQ(problems[0]["header"], "骨干级别");
  EXPECT_EQ(problems[0]["message"], "“骨干级别”由教育局认定,新建记录时只能填“无”");

  teacher["backbone"] = "无";
  r = server().call("POST", "/teachers", &sa, teacher);
  EXPECT_EQ(r.status, 201) << r.body.dump();
  Login admin = server().login("admin");
  teacher["id_number"] = new_id_number(1992, true);
  teacher["gender"] = "男";
  teacher["birth_date"] = "1992-03-15";
  teacher["backbone"] = "市级";
  r = server().call("POST", "/teachers", &admin, teacher);
  EXPECT_EQ(r.status, 201) << r.body.dump();
}

// A re-imported roster is held to the same field rights and text rule.
TEST(WriteRights, TheImportAppliesTheSameRules) {
  Login sa = server().login("school_admin");
  const json t = record("teacher", lm().own_teacher);
  const std::string full =
      server().call("GET", "/teachers/" + id(lm().own_teacher) + "/id-number", &sa).body["id_number"];
  auto sheet = [&](const std::string& name, const std::string& backbone) {
    std::string line;
    for (const std::string& cell :
         {name, t["gender"].get<std::string>(), full, t["birth_date"].get<std::string>(),
          record("school", lm().own_school)["code"].get<std::string>(), t["post"].get<std::string>(),
          t["education"].get<std::string>(), t["title"].get<std::string>(), t["subject"].get<std::string>(),
          backbone, t["section"].get<std::string>(), std::string(t["on_staff"].get<bool>() ? "是" : "否"),
          t["hired_on"].get<std::string>()})
      line += (line.empty() ? "" : ",") + cell;
    return "姓名,性别,身份证号,出生日期,学校标识码,岗位类别,最高学历,职称,任教学科,骨干级别,任教学段,是否在编,参加工作日期\n" +
           line + "\n";
  };
  auto problem = [&](const std::string& file) {
    auto r = server().upload("/imports/teacher", &sa, "教职工.csv", file);
    EXPECT_EQ(r.status, 200) << r.body.dump();
    const json& problems = r.body["import"]["problems"];
    EXPECT_EQ(problems.size(), 1u) << problems.dump();
    return problems.empty() ? json() : problems[0];
  };
  const std::string backbone = other(t["backbone"], "国家级", "县级");
  json p = problem(sheet(t["name"], backbone));
  EXPECT_EQ(p["header"], "骨干级别");
  EXPECT_EQ(p["message"], "您的角色无权修改“骨干级别”:该字段由教育局维护");
  p = problem(sheet("王\x07老师", t["backbone"]));
  EXPECT_EQ(p["header"], "姓名");
  EXPECT_EQ(p["message"], "“姓名”含有控制字符(如换行、制表符或空字符),请删除后重试");
  EXPECT_EQ(record("teacher", lm().own_teacher), t);
}

// The 409 for a duplicate ID number names the holder only within the scope.
TEST(WriteRights, DuplicateIdNumberDoesNotDiscloseAnotherSchool) {
  Login admin = server().login("admin");
  Login sa = server().login("school_admin");
  auto full = [&](const std::string& kind, int64_t record_id) {
    return server().call("GET", "/" + kind + "s/" + id(record_id) + "/id-number", &admin)
        .body["id_number"].get<std::string>();
  };
  const json rural_student = record("student", lm().rural_student);
  json body = unchanged_body("student", lm().own_student);
  body["id_number"] = full("student", lm().rural_student);
  body["birth_date"] = rural_student["birth_date"];
  body["gender"] = rural_student["gender"];
  body["class_id"] = nullptr;
  auto r = server().call("POST", "/students", &sa, body);
  ASSERT_EQ(r.status, 409) << r.body.dump();
  EXPECT_EQ(r.body["field"], "id_number");
  EXPECT_EQ(r.body["message"],
            "身份证号已登记在您管辖范围以外的学校,不能重复登记;如该生转入本校,请由原校办理转出后再登记");

  const json rural_teacher = record("teacher", lm().rural_teacher);
  json teacher = unchanged_body("teacher", lm().own_teacher);
  teacher["id_number"] = full("teacher", lm().rural_teacher);
  teacher["birth_date"] = rural_teacher["birth_date"];
  teacher["gender"] = rural_teacher["gender"];
  teacher["hired_on"] = rural_teacher["hired_on"];
  teacher["backbone"] = "无";  // a school admin's new teacher (SchoolAdminCreatesTeachersWithoutBackbone)
  r = server().call("POST", "/teachers", &sa, teacher);
  ASSERT_EQ(r.status, 409) << r.body.dump();
  EXPECT_EQ(r.body["message"],
            "身份证号已登记在您管辖范围以外的学校,不能重复登记;如该教职工调入本校,请由教育局办理调动");

  // The import says the same without naming the school.
  const std::string row = rural_student["name"].get<std::string>() + "," +
                          rural_student["gender"].get<std::string>() + "," + full("student", lm().rural_student) +
                          "," + rural_student["birth_date"].get<std::string>() + ",汉族," +
                          record("school", lm().own_school)["code"].get<std::string>() + ",,在读,2020-09-01,农村\n";
  auto imported = server().upload("/imports/student", &sa, "学生.csv",
                                  "姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质\n" + row);
  ASSERT_EQ(imported.status, 200) << imported.body.dump();
  const std::string rural_name = record("school", lm().rural_school)["name"];
  bool refused = false;
  for (const json& p : imported.body["import"]["problems"]) {
    const std::string message = p["message"];
    EXPECT_EQ(message.find(rural_name), std::string::npos) << message;
    refused |= message ==
               "该生已在您管辖范围以外的学校就读(学籍状态:在读),不能重复注册;如已转学,请先由原校办理转出";
  }
  EXPECT_TRUE(refused) << imported.body["import"]["problems"].dump();

  // Within the scope the holder is named, so the school can find the record.
  const json own = record("student", lm().own_student);
  body = unchanged_body("student", lm().own_student);
  body["id_number"] = full("student", lm().own_student);
  r = server().call("POST", "/students", &sa, body);
  ASSERT_EQ(r.status, 409) << r.body.dump();
  EXPECT_NE(r.body["message"].get<std::string>().find(own["name"].get<std::string>()),
            std::string::npos);
}

TEST(WriteRights, MaskedIdNumbersShowOnlyTheAreaCode) {
  Login admin = server().login("admin");
  for (const auto& [kind, record_id] : {std::pair{std::string("student"), lm().own_student},
                                        std::pair{std::string("teacher"), lm().own_teacher}}) {
    std::string full = server().call("GET", "/" + kind + "s/" + id(record_id) + "/id-number", &admin)
                           .body["id_number"];
    ASSERT_EQ(full.size(), 18u);
    EXPECT_EQ(record(kind, record_id)["id_number"], full.substr(0, 6) + "************");
  }
}

TEST(WriteRights, IdNumberSearchOnlyForRolesThatSeeFullNumbers) {
  const std::string prefix = record("student", lm().own_student)["id_number"].get<std::string>().substr(0, 6);
  for (const std::string role : {"officer", "teacher"}) {  // the inspector: see the matrix
    Login who = server().login(role);
    for (const char* list : {"/students", "/teachers", "/exports/students.xlsx"}) {
      auto r = server().call("GET", std::string(list) + "?q=" + prefix, &who);
      EXPECT_EQ(r.status, 403) << role << " " << list;
      EXPECT_EQ(r.body.value("field", ""), "q") << role << " " << list;
    }
  }
  Login sa = server().login("school_admin");
  auto own = server().call("GET", "/students?size=200&q=" + prefix, &sa);
  ASSERT_EQ(own.status, 200);
  EXPECT_GT(own.body["total"].get<int64_t>(), 0);
  Login officer = server().login("officer");
  std::string name = record("student", lm().own_student)["name"];
  auto by_name = server().call("GET", "/students?q=" + httplib::detail::encode_query_param(name), &officer);
  EXPECT_EQ(by_name.status, 200);
  EXPECT_GE(by_name.body["total"].get<int64_t>(), 1);
}

TEST(WriteRights, SchoolSearchTakesPercentAndUnderscoreLiterally) {
  Login admin = server().login("admin");
  auto total = [&](const std::string& q) {
    auto r = server().call("GET", "/schools?q=" + httplib::detail::encode_query_param(q), &admin);
    EXPECT_EQ(r.status, 200);
    return r.body["total"].get<int64_t>();
  };
  EXPECT_EQ(total("%"), 0);
  EXPECT_EQ(total("_"), 0);
  EXPECT_EQ(total("\\"), 0);
  json school = {{"code", "2143059992"}, {"name", "百分%_学校"}, {"kind", "小学"},
                 {"ownership", "民办"}, {"location", "城区"}, {"area_id", lm().seat_area}};
  ASSERT_EQ(server().call("POST", "/schools", &admin, school).status, 201);
  EXPECT_EQ(total("%"), 1);
  EXPECT_EQ(total("%_"), 1);
  EXPECT_EQ(total("_%"), 0);
}

TEST(WriteRights, PagePastTheBoundIsRefused) {
  Login admin = server().login("admin");
  for (const char* page : {"9223372036854775807", "1000001", "0", "-1"}) {
    auto r = server().call("GET", std::string("/students?page=") + page, &admin);
    EXPECT_EQ(r.status, 400) << page;
    EXPECT_EQ(r.body.value("field", ""), "page") << page;
    EXPECT_EQ(r.body.value("message", ""), "页码应在1到1000000之间") << page;
  }
  auto last = server().call("GET", "/students?page=1000000", &admin);
  EXPECT_EQ(last.status, 200);
  EXPECT_EQ(last.body["items"].size(), 0u);
  EXPECT_GT(last.body["total"].get<int64_t>(), 0);
}

TEST(WriteRights, WhatIfNumbersAreBounded) {
  Login admin = server().login("admin");
  auto whatif = [&](json change) {
    return server().call("POST", "/analytics/whatif", &admin, json{{"changes", json::array({change})}});
  };
  json add = {{"type", "add_conditions"}, {"school_id", lm().own_school}};
  for (const auto& [key, value, message] :
       {std::tuple{"teaching_area", 1e308, "增加的教学及辅助用房面积(平方米)须在0到1000000之间"},
        std::tuple{"sports_area", 1000001.0, "增加的体育运动场馆面积(平方米)须在0到1000000之间"},
        std::tuple{"equipment_value", 1e10, "增加的教学仪器设备值(元)须在0到1000000000之间"},
        std::tuple{"multimedia_rooms", 1001.0, "增加的网络多媒体教室(间)须在0到1000之间"},
        std::tuple{"teaching_area", -1.0, "增加的教学及辅助用房面积(平方米)须在0到1000000之间"}}) {
    json change = add;
    change[key] = value;
    auto r = whatif(change);
    EXPECT_EQ(r.status, 422) << key << " " << value;
    EXPECT_EQ(r.body.value("field", ""), key);
    EXPECT_EQ(r.body.value("message", ""), message);
  }
  json fine = add;
  fine["teaching_area"] = 1000000;
  EXPECT_EQ(whatif(fine).status, 200);

  json move = {{"type", "move_teachers"}, {"from_school_id", lm().own_school},
               {"to_school_id", lm().rural_school}, {"section", "小学"}};
  move["count"] = 4294967297LL;  // was read as an int: 1
  auto r = whatif(move);
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body.value("field", ""), "count");
  EXPECT_EQ(r.body.value("message", ""), "调动人数须为1到1000之间的整数");
  move["count"] = 1.5;
  EXPECT_EQ(whatif(move).status, 400);

  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(fine);
  r = server().call("POST", "/analytics/whatif", &admin, json{{"changes", many}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body.value("message", ""), "一次最多拟定100项变更");
}

TEST(WriteRights, CommonPasswordsAndTheUsernameAreRefused) {
  Login admin = server().login("admin");
  auto user = [&](const std::string& username, const std::string& password) {
    return server().call("POST", "/users", &admin,
                         json{{"username", username}, {"display_name", "口令测试"}, {"password", password},
                              {"role", "inspector"}, {"area_id", lm().seat_area}});
  };
  for (const auto& [password, message] :
       {std::pair{"password1", "密码过于常见,容易被猜中,请换一个"},
        std::pair{"qwerty123", "密码过于常见,容易被猜中,请换一个"},
        std::pair{"Password1", "密码过于常见,容易被猜中,请换一个"},
        std::pair{"wangwu2026", "密码不能包含用户名"},
        std::pair{"WangWu2026!x", "密码不能包含用户名"}}) {
    auto r = user("wangwu2026", password);
    EXPECT_EQ(r.status, 422) << password;
    EXPECT_EQ(r.body.value("field", ""), "password") << password;
    EXPECT_EQ(r.body.value("message", ""), message) << password;
  }
  EXPECT_EQ(server().count("users WHERE username = 'wangwu2026'"), 0);
  EXPECT_EQ(user("wangwu2026", "Qingshan#7421").status, 201);
}

// One rule for every text field (core/text_field.h), whatever the register.
TEST(WriteRights, TextFieldsAreTrimmedCleanAndCapped) {
  Login sa = server().login("school_admin");
  json body = unchanged_body("school", lm().own_school);
  const std::vector<std::tuple<std::string, json, std::string>> bad = {
      {"principal", "   ", ""},  // not required: whitespace-only becomes empty
      {"address", std::string("人民路") + '\0' + "一号", "“地址”含有控制字符(如换行、制表符或空字符),请删除后重试"},
      {"principal", "赵\x1b[2J校长", "“校长”含有控制字符(如换行、制表符或空字符),请删除后重试"},
      {"phone", "0739\n1234567", "“联系电话”含有控制字符(如换行、制表符或空字符),请删除后重试"},
      {"address", std::string(10000, 'a'), "“地址”不能超过200个字"}};
  for (const auto& [field, value, message] : bad) {
    json b = body;
    b[field] = value;
    json before = record("school", lm().own_school);
    auto r = server().call("PUT", "/schools/" + id(lm().own_school), &sa, b);
    if (message.empty()) {
      EXPECT_EQ(r.status, 200) << r.body.dump();
      EXPECT_EQ(record("school", lm().own_school)[field], "");
      continue;
    }
    EXPECT_EQ(r.status, 422) << field;
    EXPECT_EQ(r.body.value("field", ""), field);
    EXPECT_EQ(r.body.value("message", ""), message);
    EXPECT_EQ(record("school", lm().own_school), before);
  }
  json student = unchanged_body("student", lm().own_student);
  student["name"] = " \t\xE3\x80\x80 ";
  auto r = server().call("PUT", "/students/" + id(lm().own_student), &sa, student);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body.value("message", ""), "“名称/姓名”不能为空");
  student["name"] = "  欧阳娜娜\xE3\x80\x80";
  r = server().call("PUT", "/students/" + id(lm().own_student), &sa, student);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["student"]["name"], "欧阳娜娜");
}

}  // namespace
}  // namespace edu::apitest
