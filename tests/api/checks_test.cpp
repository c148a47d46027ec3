// 数据核查 (GET /checks, /checks/{kind}, /exports/checks/{kind}.xlsx) on a
// county of its own where each check is given one finding by hand: a second
// record of a student, an exam sat at another school, a 转出 a year old. Each
// appears, with what the check says of it, to the bureau and to the school
// admin of a school it names, and not to the admin of a school it does not.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

const json* row_of(const json& rows, int64_t student_id) {
  for (const json& r : rows["items"])
    if (r["student_id"] == student_id) return &r;
  return nullptr;
}

TEST(Checks, EachFindingIsListedWhereItsSchoolsAre) {
  OwnServer s("checks");
  const int64_t own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
  const auto others = s.ids("SELECT id FROM schools WHERE id <> " + id(own) + " ORDER BY id LIMIT 2");
  const int64_t other = others.at(0), third = others.at(1);
  const auto mine = s.ids("SELECT id FROM students WHERE school_id = " + id(own) +
                          " AND status = '在读' ORDER BY id LIMIT 3");
  const json before = s.admin_call("GET", "/checks")["body"]["items"];
  ASSERT_EQ(before.size(), 3u);

  // (a) a second record of mine[0] at `other`: same name, birth date and gender.
  s.exec("INSERT INTO students (id_number, name, gender, birth_date, ethnicity, school_id, status, enrolled_on, "
         "household) SELECT 'DUP' || id_number, name, gender, birth_date, ethnicity, " + id(other) +
         ", '在读', enrolled_on, household FROM students WHERE id = " + id(mine[0]));
  const int64_t copy = s.ids("SELECT id FROM students WHERE id_number LIKE 'DUP%'").at(0);
  // (b) mine[1] sat an exam of this year for `other`.
  s.exec("INSERT INTO exams (name, exam_date, school_year, grade, absent_policy, weight_mean, weight_excellent, "
         "weight_pass, weight_low, created_at) VALUES ('核查测试考试', '2026-11-12', 2026, 1, 'exclude', 0.4, 0.2, "
         "0.2, 0.2, '2026-11-12')");
  const int64_t exam = s.ids("SELECT id FROM exams WHERE name = '核查测试考试'").at(0);
  s.exec("INSERT INTO exam_scores (exam_id, student_id, subject, school_id, score) VALUES (" + id(exam) + ", " +
         id(mine[1]) + ", 0, " + id(other) + ", 88), (" + id(exam) + ", " + id(mine[1]) + ", 1, " + id(other) +
         ", 90)");
  // (c) mine[2] became 转出 on 2026-01-01 (the audit log says so).
  s.exec("UPDATE students SET status = '转出' WHERE id = " + id(mine[2]));
  s.exec("INSERT INTO audit_log (at, username, action, entity, entity_id, ip) VALUES ('2026-01-01 08:00:00', "
         "'school_admin', 'update', 'student', " + id(mine[2]) + ", '')");
  s.exec("INSERT INTO audit_changes (audit_id, field, old_value, new_value) SELECT MAX(id), 'status', '在读', '转出' "
         "FROM audit_log");

  const json after = s.admin_call("GET", "/checks")["body"]["items"];
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(after[i]["count"], before[i]["count"].get<int64_t>() + 1) << after[i];

  const json dup = s.admin_call("GET", "/checks/duplicates?size=200")["body"];
  const json* d = row_of(dup, mine[0]);
  ASSERT_NE(d, nullptr) << dup.dump();
  EXPECT_EQ((*d)["other_student_id"], copy);
  EXPECT_EQ((*d)["reason"], "姓名、出生日期、性别相同");
  EXPECT_TRUE((*d)["student_in_scope"].get<bool>() && (*d)["other_in_scope"].get<bool>());

  const json sat = s.admin_call("GET", "/checks/sat_elsewhere?size=200")["body"];
  const json* v = row_of(sat, mine[1]);
  ASSERT_NE(v, nullptr) << sat.dump();
  EXPECT_EQ((*v)["detail"], "核查测试考试");  // two subjects, one exam
  const std::string other_name = s.admin_call("GET", "/schools/" + id(other))["body"]["school"]["name"];
  EXPECT_EQ((*v)["other_school_name"], other_name);

  const json lost = s.admin_call("GET", "/checks/lost_transfers?size=200")["body"];
  const json* l = row_of(lost, mine[2]);
  ASSERT_NE(l, nullptr) << lost.dump();
  EXPECT_EQ((*l)["reason"], "转出超过30天未确认去向");
  EXPECT_EQ((*l)["detail"].get<std::string>().rfind("自2026-01-01转出,已", 0), 0u) << (*l)["detail"];

  // The school admin of `own` sees all three; an admin of a third school none of them.
  Login sa = s.login("school_admin");
  const json own_dups = s.call("GET", "/checks/duplicates?size=200", &sa).body;
  const json* own_dup = row_of(own_dups, mine[0]);
  ASSERT_NE(own_dup, nullptr);
  EXPECT_TRUE((*own_dup)["student_in_scope"].get<bool>());
  EXPECT_FALSE((*own_dup)["other_in_scope"].get<bool>());  // the copy is at `other`
  EXPECT_NE(row_of(s.call("GET", "/checks/sat_elsewhere?size=200", &sa).body, mine[1]), nullptr);
  EXPECT_NE(row_of(s.call("GET", "/checks/lost_transfers?size=200", &sa).body, mine[2]), nullptr);
  json made = s.admin_call("POST", "/users", {{"username", "third_admin"}, {"display_name", "第三校管理员"},
                                               {"password", "Checks2026"}, {"role", "school_admin"},
                                               {"school_id", third}});
  ASSERT_EQ(made["status"], 201) << made.dump();
  Login outsider = s.login("third_admin", "Checks2026");
  // The admin of `other` sees the pair with their own record (the copy) first.
  json made_other = s.admin_call("POST", "/users", {{"username", "other_admin"}, {"display_name", "另一校管理员"},
                                                     {"password", "Checks2026"}, {"role", "school_admin"},
                                                     {"school_id", other}});
  ASSERT_EQ(made_other["status"], 201) << made_other.dump();
  Login other_admin = s.login("other_admin", "Checks2026");
  const json their_dups = s.call("GET", "/checks/duplicates?size=200", &other_admin).body;
  const json* theirs = row_of(their_dups, copy);
  ASSERT_NE(theirs, nullptr);
  EXPECT_EQ((*theirs)["other_student_id"], mine[0]);
  EXPECT_TRUE((*theirs)["student_in_scope"].get<bool>());
  EXPECT_FALSE((*theirs)["other_in_scope"].get<bool>());
  EXPECT_EQ(row_of(s.call("GET", "/checks/duplicates?size=200", &outsider).body, mine[0]), nullptr);
  EXPECT_EQ(row_of(s.call("GET", "/checks/sat_elsewhere?size=200", &outsider).body, mine[1]), nullptr);
  EXPECT_EQ(row_of(s.call("GET", "/checks/lost_transfers?size=200", &outsider).body, mine[2]), nullptr);

  // The setting moves the 转出 deadline: past a long one, the row is gone.
  s.exec("INSERT INTO settings (key, value) VALUES ('transfer_confirm_days', '100000')");
  EXPECT_EQ(row_of(s.admin_call("GET", "/checks/lost_transfers?size=200")["body"], mine[2]), nullptr);

  // Paging, the export, and who may not.
  Reply page = s.call("GET", "/checks/duplicates?page=1000&size=1", &sa);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(page.body["items"].empty());
  EXPECT_EQ(page.body["title"], "重复学籍");
  Reply sheet = s.call("GET", "/exports/checks/duplicates.xlsx", &sa);
  EXPECT_EQ(sheet.status, 200);
  EXPECT_EQ(sheet.raw_body.substr(0, 2), "PK");
  EXPECT_EQ(s.call("GET", "/checks/nothing", &sa).status, 404);
  Login teacher = s.login("teacher");
  EXPECT_EQ(s.call("GET", "/checks", &teacher).status, 403);
}

}  // namespace
}  // namespace edu::apitest
