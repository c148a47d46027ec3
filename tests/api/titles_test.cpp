// 职称评聘 through the API (workflow/title_workflow.cpp, title_posts.h,
// title_rounds.h, title_appointment.h): a round from application to 聘任;
// 聘任 refused when the school has no vacant post, which 高职低聘 then takes;
// eligibility and the open round checked at application; wrong parties
// refused and nothing changed; the posts table, the report and 解聘.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

struct Titles {
  OwnServer s{"titles"};
  int64_t own = 0;
  int year = 0;
  std::vector<int64_t> teachers;  // at `own`, made 二级 here
  std::map<std::string, Login> logins;

  Titles() {
    own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
    year = static_cast<int>(s.ids("SELECT MAX(school_year) FROM classes").at(0));
    teachers = s.ids("SELECT id FROM teachers WHERE school_id = " + id(own) + " AND title <> '一级' ORDER BY id LIMIT 3");
    for (int64_t t : teachers) s.exec("UPDATE teachers SET title = '二级' WHERE id = " + id(t));
    for (const char* r : {"admin", "officer", "school_admin", "teacher", "inspector"}) logins[r] = s.login(r);
  }
  int64_t held_first_level() {
    return s.ids("SELECT COUNT(*) FROM teachers WHERE title = '一级' AND school_id = " + id(own)).at(0);
  }
  Reply apply(int64_t teacher, const std::string& who = "school_admin", const std::string& level = "一级") {
    return s.call("POST", "/cases", &logins[who],
                  {{"kind", "title"}, {"teacher_id", teacher}, {"level", level}, {"evidence", "县级优质课一等奖"}});
  }
  // The school as a PUT sends it back: without what the server derives.
  json school(int64_t school_id) {
    json r = s.call("GET", "/schools/" + std::to_string(school_id), &logins["admin"]).body["school"];
    for (const char* derived : {"id", "area_name", "student_count", "teacher_count", "class_count"}) r.erase(derived);
    return r;
  }
  Reply act(int64_t case_id, const std::string& action, const std::string& who, json body = json::object()) {
    return s.call("POST", "/cases/" + id(case_id) + "/actions/" + action, &logins[who], body);
  }
  json own_level(const std::string& level) {
    json posts = s.call("GET", "/titles/posts", &logins["school_admin"]).body;
    for (const json& l : posts["schools"].at(0)["levels"])
      if (l["level"] == level) return l;
    return nullptr;
  }
};

TEST(Titles, ARoundFromApplicationToAppointmentWithinThePosts) {
  Titles t;
  const int64_t first = t.teachers.at(0), second = t.teachers.at(1);
  // Made 二级 just now (the staff history says otherwise): 5 years in 二级 are not met.
  Reply young = t.apply(first);
  EXPECT_EQ(young.status, 422) << young.body.dump();
  EXPECT_NE(young.body["message"].get<std::string>().find("任职年限不足:申报一级须满5年,现为0年"), std::string::npos);
  t.s.exec("INSERT INTO settings (key, value) VALUES ('title_years_required.一级', '0')");
  // No round open: the application is refused, naming why.
  Reply early = t.apply(first);
  EXPECT_EQ(early.status, 409) << early.body.dump();
  EXPECT_NE(early.body["message"].get<std::string>().find("没有开放的职称申报批次"), std::string::npos);
  // Only the bureau opens a round; one at a time.
  const json round = {{"name", "2026年度职称评审"}, {"year", 2026}, {"opens_on", "2026-11-01"}, {"closes_on", "2026-12-31"}};
  EXPECT_EQ(t.s.call("POST", "/titles/rounds", &t.logins["school_admin"], round).status, 403);
  Reply opened = t.s.call("POST", "/titles/rounds", &t.logins["admin"], round);
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  const int64_t round_id = opened.body["round"]["id"];
  EXPECT_EQ(t.s.call("POST", "/titles/rounds", &t.logins["admin"], round).status, 409);
  // The bureau, the township, a teacher and an inspector do not apply for a school's teacher.
  for (const char* who : {"admin", "officer", "teacher", "inspector"}) EXPECT_EQ(t.apply(first, who).status, 403) << who;
  // One vacancy at 一级: the present holders and one more.
  const int64_t held = t.held_first_level();
  Reply set = t.s.call("PUT", "/titles/posts", &t.logins["admin"],
                       {{"school_year", t.year}, {"posts", {{{"school_id", t.own}, {"level", "一级"}, {"approved", held + 1}}}}});
  ASSERT_EQ(set.status, 200) << set.body.dump();
  EXPECT_EQ(t.s.call("PUT", "/titles/posts", &t.logins["school_admin"],
                     {{"school_year", t.year}, {"posts", {{{"school_id", t.own}, {"level", "一级"}, {"approved", 99}}}}})
                .status,
            403);
  EXPECT_EQ(t.own_level("一级")["vacancies"], 1);

  Reply a = t.apply(first);
  ASSERT_EQ(a.status, 201) << a.body.dump();
  const int64_t case_a = a.body["case"]["id"];
  EXPECT_EQ(a.body["case"]["state"], "待学校推荐");
  EXPECT_EQ(t.apply(first).status, 409);  // one open title case per teacher
  EXPECT_EQ(t.act(case_a, "pass", "admin").status, 409);  // not yet at the county
  EXPECT_EQ(t.act(case_a, "recommend", "admin").status, 403);
  EXPECT_EQ(t.act(case_a, "recommend", "school_admin").body["case"]["state"], "待县级评审");
  EXPECT_EQ(t.act(case_a, "pass", "school_admin").status, 403);
  EXPECT_EQ(t.act(case_a, "pass", "admin").body["case"]["state"], "待聘任");
  EXPECT_EQ(t.act(case_a, "appoint", "admin", {{"date", "2026-12-01"}}).status, 403);
  Reply appointed = t.act(case_a, "appoint", "school_admin", {{"date", "2026-12-01"}});
  ASSERT_EQ(appointed.status, 200) << appointed.body.dump();
  EXPECT_EQ(appointed.body["case"]["state"], "已聘任");
  EXPECT_EQ(t.s.text("SELECT title FROM teachers WHERE id = " + id(first)), "一级");
  EXPECT_EQ(t.s.text("SELECT status || '/' || post_level || '/' || since FROM title_appointments WHERE teacher_id = " +
                     id(first)),
            "聘任/一级/2026-12-01");
  EXPECT_EQ(t.s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'title' AND entity_id = " + id(first)).at(0), 1);
  EXPECT_EQ(t.own_level("一级")["vacancies"], 0);
  EXPECT_EQ(t.own_level("一级")["held"]["n"], held + 1);

  // 评审 passes a second teacher though no post is left; 聘任 is refused,
  // naming the posts, and changes nothing; 高职低聘 takes it.
  const int64_t case_b = t.apply(second).body["case"]["id"];
  t.act(case_b, "recommend", "school_admin");
  EXPECT_EQ(t.act(case_b, "pass", "admin").body["case"]["state"], "待聘任");
  const int64_t audits = t.s.ids("SELECT COUNT(*) FROM audit_log").at(0);
  Reply full = t.act(case_b, "appoint", "school_admin", {{"date", "2026-12-01"}});
  EXPECT_EQ(full.status, 409) << full.body.dump();
  EXPECT_NE(full.body["message"].get<std::string>().find("一级岗位已满:核定" + id(held + 1) + "个,已聘" + id(held + 1) +
                                                         "个,空缺0个"),
            std::string::npos)
      << full.body.dump();
  EXPECT_EQ(t.s.text("SELECT title FROM teachers WHERE id = " + id(second)), "二级");
  EXPECT_EQ(t.s.text("SELECT state FROM cases WHERE id = " + id(case_b)), "待聘任");
  EXPECT_EQ(t.s.ids("SELECT COUNT(*) FROM audit_log").at(0), audits);
  EXPECT_EQ(t.act(case_b, "appoint_lower", "school_admin").status, 422);  // the reason is required
  EXPECT_EQ(t.act(case_b, "appoint_lower", "school_admin", {{"reason", "岗位已满"}}).body["case"]["state"], "高职低聘");
  EXPECT_EQ(t.s.text("SELECT title FROM teachers WHERE id = " + id(second)), "二级");
  json level = t.own_level("一级");
  EXPECT_EQ(level["under"]["ids"], json::array({second}));
  EXPECT_EQ(level["under_rate"]["numerator"], 1);
  EXPECT_EQ(level["under_rate"]["denominator"], held + 2);

  // The report: 2 applied, 2 passed, 1 appointed at 一级.
  json report = t.s.call("GET", "/titles/report?round=" + id(round_id), &t.logins["officer"]).body;
  ASSERT_EQ(report["schools"].size(), 1u) << report.dump();
  const json& cell = report["schools"][0]["levels"][1];
  EXPECT_EQ(cell["level"], "一级");
  EXPECT_EQ(cell["applied"]["n"], 2);
  EXPECT_EQ(cell["passed"]["n"], 2);
  EXPECT_EQ(cell["appointed"]["ids"], json::array({case_a}));
  EXPECT_EQ(t.s.call("GET", "/titles/report", &t.logins["teacher"]).status, 403);
  Reply xlsx = t.s.call("GET", "/exports/titles.xlsx?round=" + id(round_id), &t.logins["admin"]);
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.raw_body.substr(0, 2), "PK");

  // 解聘 of the appointed teacher: the township may not; the school may, with a reason; once.
  const json dismissal = {{"reason", "年度考核不合格"}, {"date", "2027-01-10"}};
  EXPECT_EQ(t.s.call("POST", "/titles/teachers/" + id(first) + "/dismiss", &t.logins["officer"], dismissal).status, 403);
  EXPECT_EQ(t.s.call("POST", "/titles/teachers/" + id(first) + "/dismiss", &t.logins["school_admin"],
                     {{"date", "2027-01-10"}})
                .status,
            422);
  Reply dismissed = t.s.call("POST", "/titles/teachers/" + id(first) + "/dismiss", &t.logins["school_admin"], dismissal);
  ASSERT_EQ(dismissed.status, 200) << dismissed.body.dump();
  EXPECT_EQ(dismissed.body["present"]["post"], "");
  EXPECT_EQ(dismissed.body["present"]["title"], "一级");
  EXPECT_EQ(dismissed.body["appointments"].size(), 2u);
  EXPECT_EQ(dismissed.body["appointments"][1]["status"], "解聘");
  EXPECT_EQ(dismissed.body["applications"][0]["state"], "已聘任");
  EXPECT_EQ(t.s.call("POST", "/titles/teachers/" + id(first) + "/dismiss", &t.logins["school_admin"], dismissal).status,
            409);
  EXPECT_EQ(t.own_level("一级")["vacancies"], 1);

  // The bureau closes the round; applications are refused again.
  EXPECT_EQ(t.s.call("POST", "/titles/rounds/" + id(round_id) + "/close", &t.logins["admin"]).status, 200);
  EXPECT_EQ(t.apply(t.teachers.at(2)).status, 409);
}

// A school admin sees only their school; another school's teacher is not theirs to apply for or dismiss.
TEST(Titles, AnotherSchoolsTeacherIsOutOfReach) {
  Titles t;
  const int64_t other = t.s.ids("SELECT id FROM teachers WHERE school_id <> " + id(t.own) + " ORDER BY id LIMIT 1").at(0);
  t.s.call("POST", "/titles/rounds", &t.logins["admin"],
           {{"name", "批次"}, {"year", 2026}, {"opens_on", "2026-11-01"}, {"closes_on", "2026-12-31"}});
  EXPECT_EQ(t.apply(other).status, 422);
  EXPECT_EQ(t.s.call("GET", "/titles/teachers/" + id(other), &t.logins["school_admin"]).status, 404);
  EXPECT_EQ(t.s.call("POST", "/titles/teachers/" + id(other) + "/dismiss", &t.logins["school_admin"],
                     {{"reason", "x"}, {"date", "2027-01-10"}})
                .status,
            404);
  json posts = t.s.call("GET", "/titles/posts", &t.logins["school_admin"]).body;
  ASSERT_EQ(posts["schools"].size(), 1u);
  EXPECT_EQ(posts["schools"][0]["id"], t.own);
}

// A county that sets title_training_hours_required: the application is
// refused while the teacher's 学时 of the present cycle (their page's total)
// fall short, naming both; met, it goes on.
TEST(Titles, TrainingHoursWhenTheCountySetsThem) {
  Titles t;
  const int64_t teacher = t.teachers.at(0);
  t.s.exec("INSERT INTO settings (key, value) VALUES ('title_years_required.一级', '0')");
  t.s.call("POST", "/titles/rounds", &t.logins["admin"],
           {{"name", "批次"}, {"year", 2026}, {"opens_on", "2026-11-01"}, {"closes_on", "2026-12-31"}});
  const int64_t hours =
      t.s.call("GET", "/teachers/" + id(teacher) + "/history", &t.logins["admin"]).body["hours"]["total"];
  t.s.exec("INSERT INTO settings (key, value) VALUES ('title_training_hours_required', '" + id(hours + 1) + "')");
  Reply short_of = t.apply(teacher);
  EXPECT_EQ(short_of.status, 422) << short_of.body.dump();
  EXPECT_NE(short_of.body["message"].get<std::string>().find("本周期继续教育学时不足:须满" + id(hours + 1) +
                                                             "学时,现为" + id(hours) + "学时"),
            std::string::npos)
      << short_of.body.dump();
  t.s.exec("UPDATE settings SET value = '" + id(hours) + "' WHERE key = 'title_training_hours_required'");
  EXPECT_EQ(t.apply(teacher).status, 201);
}

// 薄弱学校 (migration 20): "在乡村学校或薄弱学校任教". A teacher whose one
// year on record was at a 城区 school may not apply for 高级 until the bureau
// marks that school 薄弱; a school admin may not mark their own school.
TEST(Titles, AYearAtAWeakTownSchoolCountsAsRuralService) {
  Titles t;
  const int64_t teacher = t.teachers.at(0);
  const int64_t town = t.s.ids("SELECT id FROM schools WHERE location = '城区' AND weak = 0 AND id <> " + id(t.own) +
                               " ORDER BY id LIMIT 1")
                           .at(0);
  t.s.exec("UPDATE teachers SET title = '一级' WHERE id = " + id(teacher));
  t.s.exec("DELETE FROM teacher_years WHERE teacher_id = " + id(teacher));
  t.s.exec("INSERT INTO teacher_years (teacher_id, school_year, school_id, section, post, education, title, subject, "
           "backbone, on_staff) SELECT id, " + id(t.year) + ", " + id(town) +
           ", section, post, education, '一级', subject, backbone, on_staff FROM teachers WHERE id = " + id(teacher));
  t.s.exec("INSERT INTO settings (key, value) VALUES ('title_years_required.高级', '0')");
  t.s.call("POST", "/titles/rounds", &t.logins["admin"],
           {{"name", "批次"}, {"year", 2026}, {"opens_on", "2026-11-01"}, {"closes_on", "2026-12-31"}});
  Reply refused = t.apply(teacher, "school_admin", "高级");
  EXPECT_EQ(refused.status, 422) << refused.body.dump();
  EXPECT_NE(refused.body["message"].get<std::string>().find("申报高级须有乡村学校或薄弱学校任教经历满1年,现为0年"),
            std::string::npos)
      << refused.body.dump();

  json own = t.school(t.own);
  own["weak"] = true;
  Reply self = t.s.call("PUT", "/schools/" + id(t.own), &t.logins["school_admin"], own);
  EXPECT_EQ(self.status, 403) << self.body.dump();
  EXPECT_EQ(self.body["message"], "您的角色无权修改“薄弱学校”:该字段由教育局维护");
  EXPECT_EQ(t.s.ids("SELECT weak FROM schools WHERE id = " + id(t.own)).at(0), 0);

  json marked = t.school(town);
  marked["weak"] = true;
  Reply set = t.s.call("PUT", "/schools/" + id(town), &t.logins["admin"], marked);
  ASSERT_EQ(set.status, 200) << set.body.dump();
  EXPECT_EQ(t.school(town)["weak"], true);
  EXPECT_EQ(t.s.ids("SELECT COUNT(*) FROM audit_log l JOIN audit_changes c ON c.audit_id = l.id WHERE l.entity = "
                    "'school' AND l.entity_id = " + id(town) +
                    " AND c.field = 'weak' AND c.old_value = '否' AND c.new_value = '是'")
                .at(0),
            1);
  bool listed = false;
  const json weak = t.s.call("GET", "/schools?weak=1&size=100", &t.logins["admin"]).body;
  for (const json& s : weak["items"]) {
    EXPECT_EQ(s["weak"], true);
    listed = listed || s["id"] == town;
  }
  EXPECT_TRUE(listed) << weak.dump();
  // The town school is among the exchange plan's receiving schools now, as 薄弱学校.
  bool receiving = false;
  const json plan = t.s.call("GET", "/exchange/plan", &t.logins["admin"]).body;
  for (const json& r : plan["receiving"])
    if (r["school_id"] == town) receiving = r["why"] == "薄弱学校";
  EXPECT_TRUE(receiving) << plan["receiving"].dump();

  Reply applied = t.apply(teacher, "school_admin", "高级");
  EXPECT_EQ(applied.status, 201) << applied.body.dump();
}

}  // namespace
}  // namespace edu::apitest
