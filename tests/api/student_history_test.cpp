// GET /students/{id}/history (学生档案): what was written — an edit of the
// record, a transfer application — reads back in the history; the enrolments
// are the register's rows; a student outside the caller's scope is a 404.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

TEST(StudentHistory, ShowsEnrolmentsEditsAndCasesAsWritten) {
  OwnServer s("student_history");
  const int64_t own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
  const int64_t student = s.ids("SELECT id FROM students WHERE school_id = " + id(own) +
                                " AND status = '在读' AND class_id IS NOT NULL ORDER BY id LIMIT 1").at(0);
  const int64_t target = s.ids("SELECT id FROM schools WHERE id <> " + id(own) + " ORDER BY id LIMIT 1").at(0);
  Login sa = s.login("school_admin");

  // An edit by the school admin: household changes, the audit keeps old → new.
  json body = s.call("GET", "/students/" + id(student), &sa).body["student"];
  const std::string old_household = body["household"];
  const std::string new_household = old_household == "城镇" ? "农村" : "城镇";
  for (const char* field : {"id", "id_number", "school_name", "class_name", "section", "grade", "grade_label"})
    body.erase(field);
  body["household"] = new_household;
  ASSERT_EQ(s.call("PUT", "/students/" + id(student), &sa, body).status, 200);
  // A transfer application to another school.
  Reply applied = s.call("POST", "/cases", &sa,
                         {{"kind", "transfer"}, {"student_id", student}, {"target_school_id", target},
                          {"reason", "随父母迁居"}, {"date", "2026-11-20"}});
  ASSERT_EQ(applied.status, 201) << applied.body.dump();

  Reply h = s.call("GET", "/students/" + id(student) + "/history", &sa);
  ASSERT_EQ(h.status, 200) << h.body.dump();
  EXPECT_EQ(h.body["student"]["id"], student);
  EXPECT_EQ(h.body["student"]["id_number"].get<std::string>().find_first_of("0123456789", 6), std::string::npos);

  // Enrolments: exactly the register's rows, by school year.
  const auto years = s.ids("SELECT school_year FROM enrolments WHERE student_id = " + id(student) +
                           " ORDER BY school_year");
  const auto schools = s.ids("SELECT school_id FROM enrolments WHERE student_id = " + id(student) +
                             " ORDER BY school_year");
  ASSERT_EQ(h.body["enrolments"].size(), years.size());
  for (size_t i = 0; i < years.size(); ++i) {
    EXPECT_EQ(h.body["enrolments"][i]["school_year"], years[i]);
    EXPECT_EQ(h.body["enrolments"][i]["school_id"], schools[i]);
    EXPECT_FALSE(h.body["enrolments"][i]["class_name"].get<std::string>().empty());
  }

  // The edit, as the audit log holds it: the last change entry, by the school admin.
  ASSERT_TRUE(h.body["changes_shown"].get<bool>());
  const json& edit = h.body["changes"].back();
  EXPECT_EQ(edit["username"], "school_admin");
  EXPECT_EQ(edit["action"], "update");
  ASSERT_EQ(edit["changes"].size(), 1u) << edit.dump();
  EXPECT_EQ(edit["changes"][0]["field"], "household");
  EXPECT_EQ(edit["changes"][0]["label"], "户口性质");
  EXPECT_EQ(edit["changes"][0]["old"], old_household);
  EXPECT_EQ(edit["changes"][0]["new"], new_household);
  // Every audit entry of the student that changed a field, oldest first; ID numbers masked.
  const auto entries = s.ids("SELECT id FROM audit_log WHERE entity = 'student' AND entity_id = " + id(student) +
                             " AND id IN (SELECT audit_id FROM audit_changes) ORDER BY id");
  ASSERT_EQ(h.body["changes"].size(), entries.size());
  for (size_t i = 0; i < entries.size(); ++i) EXPECT_EQ(h.body["changes"][i]["id"], entries[i]);
  for (const json& e : h.body["changes"])
    for (const json& c : e["changes"])
      if (c["field"] == "id_number") EXPECT_NE(c["new"].get<std::string>().find('*'), std::string::npos);

  // The case: its workflow's title, state and the one log entry.
  ASSERT_EQ(h.body["cases"].size(), 1u);
  const json& c = h.body["cases"][0];
  EXPECT_EQ(c["title"], "县内转学");
  EXPECT_EQ(c["state"], "待转入校确认");
  ASSERT_EQ(c["log"].size(), 1u);
  EXPECT_EQ(c["log"][0]["action_label"], "申请转学");
  EXPECT_EQ(c["log"][0]["username"], "school_admin");
  EXPECT_EQ(c["log"][0]["to_state"], "待转入校确认");

  // The bureau sees the same case; a teacher reads no audit and no case.
  Reply bureau = s.call("GET", "/students/" + id(student) + "/history", &s.admin());
  ASSERT_EQ(bureau.status, 200);
  EXPECT_EQ(bureau.body["cases"].size(), 1u);
  Login teacher = s.login("teacher");
  Reply t = s.call("GET", "/students/" + id(student) + "/history", &teacher);
  if (t.status == 200) {
    EXPECT_FALSE(t.body["changes_shown"].get<bool>());
    EXPECT_TRUE(t.body["changes"].empty());
    EXPECT_TRUE(t.body["cases"].empty());
  } else {
    EXPECT_EQ(t.status, 404);  // not the teacher's class
  }
}

TEST(StudentHistory, AnotherSchoolsStudentIsNotFound) {
  OwnServer s("student_history_scope");
  const int64_t own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
  const int64_t other = s.ids("SELECT id FROM students WHERE school_id <> " + id(own) + " ORDER BY id LIMIT 1").at(0);
  Login sa = s.login("school_admin");
  Reply r = s.call("GET", "/students/" + id(other) + "/history", &sa);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body["message"], "学生不存在或不在您的管辖范围内");
  EXPECT_EQ(s.call("GET", "/students/999999999/history", &s.admin()).status, 404);
}

}  // namespace
}  // namespace edu::apitest
