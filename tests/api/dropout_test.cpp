// 控辍保学 (workflow/dropout_workflow.cpp) through the API: cases opened by
// hand and by the sweep (once per child, however often it runs), the
// 包保责任人 and visits (each a log entry, the next visit the due date), every
// closing outcome with its required fields, 返校复学 putting the child 在读 in
// the class, overdue visits in the bureau's 待办, and scope: another
// township's officer sees nothing (404). The workflow's state × action × role
// walk is every workflow's (cases_test.cpp, Cases.EveryWorkflowStateActionAndRole).
#include <gtest/gtest.h>

#include "own_server.h"
#include "workflow/dropout_sweep.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

json workflow_of(OwnServer& s, const std::string& kind) {
  json all = s.admin_call("GET", "/meta/workflows")["body"]["workflows"];
  for (const json& w : all)
    if (w["kind"] == kind) return w;
  throw std::runtime_error("no workflow " + kind);
}

// The demo county: the officer's township (桃洪镇) holds the school admin's
// school; "far" is an officer of another township with schools of its own.
struct County {
  OwnServer s;
  int64_t own = 0, year = 0, own_class = 0;
  std::vector<int64_t> students;  // 在读 at `own`
  size_t next_student = 0;
  std::map<std::string, Login> logins;

  explicit County(const std::string& name, const OwnServer::Fill& fill = OwnServer::demo_county) : s(name, fill) {
    own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
    year = s.ids("SELECT MAX(school_year) FROM classes").at(0);
    own_class = s.ids("SELECT id FROM classes WHERE school_id = " + id(own) + " AND school_year = " + id(year) +
                      " ORDER BY id LIMIT 1").at(0);
    students = s.ids("SELECT id FROM students WHERE school_id = " + id(own) +
                     " AND status = '在读' AND id NOT IN (SELECT student_id FROM cases WHERE student_id IS NOT NULL) ORDER BY id");
    const std::string officer_area = "(SELECT area_id FROM users WHERE username = 'officer')";
    const int64_t far_area = s.ids("SELECT area_id FROM schools WHERE area_id <> " + officer_area +
                                   " AND area_id IN (SELECT id FROM areas WHERE parent_id = (SELECT parent_id FROM "
                                   "areas WHERE id = " + officer_area + ")) ORDER BY id LIMIT 1").at(0);
    json made = s.admin_call("POST", "/users",
                             {{"username", "far"}, {"display_name", "外乡镇专干"}, {"password", "Matrix2026"},
                              {"role", "area_officer"}, {"area_id", far_area}});
    EXPECT_EQ(made["status"], 201) << made.dump();
    for (const char* r : {"admin", "officer", "school_admin", "teacher", "inspector"}) logins[r] = s.login(r);
    logins["far"] = s.login("far", "Matrix2026");
  }
  int64_t student() { return students.at(next_student++); }
  Reply report(int64_t student_id, const std::string& who = "school_admin") {
    return s.call("POST", "/cases", &logins[who],
                  {{"kind", "dropout"}, {"student_id", student_id}, {"reason", "连续四周无故缺课"},
                   {"date", "2026-11-20"}});
  }
  Reply act(int64_t case_id, const std::string& action, const std::string& who, const json& body) {
    return s.call("POST", "/cases/" + id(case_id) + "/actions/" + action, &logins[who], body);
  }
  json assignment() {
    return {{"leader_name", "李校长"}, {"leader_phone", "13800000001"}, {"teacher_name", "王老师"},
            {"teacher_phone", "13800000002"}, {"cadre_name", "张村主任"}, {"cadre_phone", "13800000003"},
            {"next_visit_on", "2030-01-10"}};
  }
  // A body with every field of `action` filled as its type asks.
  json body_for(const json& action) {
    json b = {{"comment", "办理"}};
    for (const json& f : action["fields"]) {
      const std::string key = f["key"], type = f["type"];
      if (type == "year_class") b[key] = own_class;
      else if (type == "date") b[key] = "2030-01-10";
      else if (type == "text") b[key] = "测试内容";
    }
    return b;
  }
  std::string status_of(int64_t student_id) {
    return s.call("GET", "/students/" + id(student_id), &logins["admin"]).body.dump();
  }
  std::string case_state(int64_t case_id) {
    return s.call("GET", "/cases/" + id(case_id), &logins["admin"]).body.dump();
  }
};

const json& action_named(const json& workflow, const std::string& key) {
  for (const json& a : workflow["actions"])
    if (a["key"] == key) return a;
  throw std::runtime_error("no action " + key);
}

TEST(Dropout, ReportedByHandAssignedVisitedAndReturned) {
  County c("dropout_hand");
  const int64_t student = c.student();
  Reply opened = c.report(student);
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  const int64_t case_id = opened.body["case"]["id"];
  EXPECT_EQ(opened.body["case"]["state"], "待核实认定");
  EXPECT_EQ(opened.body["case"]["school_id"], c.own);
  // Never two open cases for one child, whoever reports.
  EXPECT_EQ(c.report(student, "officer").status, 409);
  // The township's 待办 holds it; the school's and the bureau's do not (not overdue).
  auto todo_ids = [&](const std::string& who) {
    std::vector<int64_t> out;
    json items = c.s.call("GET", "/cases?box=todo", &c.logins[who]).body["items"];
    for (const json& i : items) out.push_back(i["id"]);
    return out;
  };
  EXPECT_EQ(todo_ids("officer"), std::vector<int64_t>{case_id});
  EXPECT_TRUE(todo_ids("school_admin").empty());
  EXPECT_TRUE(todo_ids("admin").empty());
  EXPECT_TRUE(todo_ids("far").empty());

  // The township names the 包保责任人 and the first visit: its due date.
  Reply assigned = c.act(case_id, "assign", "officer", c.assignment());
  ASSERT_EQ(assigned.status, 200) << assigned.body.dump();
  EXPECT_EQ(assigned.body["case"]["state"], "劝返中");
  EXPECT_EQ(assigned.body["case"]["due_on"], "2030-01-10");
  EXPECT_EQ(assigned.body["case"]["fields"]["cadre_name"], "张村主任");

  // Two visits: each a log entry, the case stays 劝返中, the next visit is due.
  json visit = {{"visit_date", "2026-11-25"}, {"visitors", "王老师、张村主任"},
                {"talk", "家长同意考虑返校"}, {"next_step", "再次上门"}, {"next_visit_on", "2030-02-01"}};
  ASSERT_EQ(c.act(case_id, "visit", "officer", visit).status, 200);
  visit["visit_date"] = "2026-11-28";
  visit["talk"] = "学生本人愿意返校";
  visit["next_visit_on"] = "2030-02-08";
  Reply second = c.act(case_id, "visit", "school_admin", visit);
  ASSERT_EQ(second.status, 200) << second.body.dump();
  EXPECT_EQ(second.body["case"]["state"], "劝返中");
  EXPECT_EQ(second.body["case"]["due_on"], "2030-02-08");

  // A visit without what was said is refused, naming the field.
  json bare = visit;
  bare.erase("talk");
  Reply refused = c.act(case_id, "visit", "officer", bare);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["field"], "talk");

  // 返校复学 into a class of this year: the student is 在读 there.
  c.s.exec("UPDATE students SET status = '辍学', class_id = NULL WHERE id = " + id(student));
  Reply back = c.act(case_id, "close_returned", "officer", {{"class_id", c.own_class}, {"date", "2026-11-29"}});
  ASSERT_EQ(back.status, 200) << back.body.dump();
  EXPECT_EQ(back.body["case"]["state"], "已办结");
  EXPECT_EQ(back.body["case"]["due_on"], "");
  EXPECT_EQ(c.s.ids("SELECT class_id FROM students WHERE id = " + id(student) + " AND status = '在读'"),
            std::vector<int64_t>{c.own_class});
  EXPECT_EQ(c.s.ids("SELECT class_id FROM enrolments WHERE student_id = " + id(student) +
                    " AND school_year = " + id(c.year) + " AND status = '在读'"),
            std::vector<int64_t>{c.own_class});

  Reply shown = c.s.call("GET", "/cases/" + id(case_id), &c.logins["officer"]);
  ASSERT_EQ(shown.body["log"].size(), 5u);  // report, assign, visit, visit, close
  EXPECT_EQ(shown.body["log"][2]["action_label"], "记录家访劝返");
  EXPECT_EQ(shown.body["log"][3]["fields"]["talk"], "学生本人愿意返校");
  EXPECT_EQ(shown.body["log"][4]["action_label"], "返校复学");
  // Another township's officer, a teacher and an inspector of elsewhere see nothing.
  for (const char* who : {"far", "teacher", "inspector"})
    EXPECT_EQ(c.s.call("GET", "/cases/" + id(case_id), &c.logins[who]).status, 404) << who;
  EXPECT_EQ(c.act(case_id, "visit", "far", visit).status, 404);
  // A closed case does not block a new one.
  EXPECT_EQ(c.report(student, "officer").status, 201);
}

TEST(Dropout, EveryOutcomeNeedsItsFieldsAndOnlyReturnMovesTheStudent) {
  County c("dropout_outcomes");
  json workflow = workflow_of(c.s, "dropout");
  for (const char* outcome : {"close_home_teaching", "close_transferred", "close_elsewhere", "close_other"}) {
    const int64_t student = c.student();
    const int64_t case_id = c.report(student, "officer").body["case"]["id"];
    ASSERT_EQ(c.act(case_id, "assign", "officer", c.assignment()).status, 200);
    const json& action = action_named(workflow, outcome);
    for (const json& f : action["fields"]) {  // each one missing is refused, naming it
      json body = c.body_for(action);
      body.erase(f["key"].get<std::string>());
      Reply r = c.act(case_id, outcome, "officer", body);
      EXPECT_EQ(r.status, 422) << outcome << f.dump();
      EXPECT_EQ(r.body["field"], f["key"]) << outcome;
    }
    const std::string before = c.status_of(student);
    Reply done = c.act(case_id, outcome, "officer", c.body_for(action));
    ASSERT_EQ(done.status, 200) << outcome << done.body.dump();
    EXPECT_EQ(done.body["case"]["state"], "已办结");
    EXPECT_EQ(c.status_of(student), before) << outcome;
  }
  // 返校复学 names a class of this school year.
  const int64_t case_id = c.report(c.student(), "officer").body["case"]["id"];
  ASSERT_EQ(c.act(case_id, "assign", "officer", c.assignment()).status, 200);
  const int64_t old_class = c.s.ids("SELECT id FROM classes WHERE school_year < " + id(c.year) + " LIMIT 1").at(0);
  Reply r = c.act(case_id, "close_returned", "officer", {{"class_id", old_class}, {"date", "2026-11-29"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "class_id");
}

TEST(Dropout, ReportsAreCheckedAndScoped) {
  County c("dropout_reports");
  const int64_t far_student = c.s.ids("SELECT id FROM students WHERE school_id IN (SELECT id FROM schools WHERE "
                                      "area_id = (SELECT area_id FROM users WHERE username = 'far')) LIMIT 1").at(0);
  // Neither the school admin nor the officer may report a child outside their scope.
  EXPECT_EQ(c.report(far_student, "school_admin").status, 422);
  EXPECT_EQ(c.report(far_student, "officer").status, 422);
  for (const char* who : {"admin", "teacher", "inspector"}) EXPECT_EQ(c.report(c.students[0], who).status, 403) << who;
  Reply r = c.s.call("POST", "/cases", &c.logins["officer"],
                     {{"kind", "dropout"}, {"student_id", c.students[0]}, {"date", "2026-11-20"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "reason");
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM cases").at(0), 0);
  // The far officer reports their own child; the school's officer does not see it.
  const int64_t case_id = c.report(far_student, "far").body["case"]["id"];
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(case_id), &c.logins["officer"]).status, 404);
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(case_id), &c.logins["far"]).status, 200);
}

TEST(Dropout, OverdueVisitsEscalateToTheBureau) {
  County c("dropout_overdue");
  const int64_t case_id = c.report(c.student()).body["case"]["id"];
  ASSERT_EQ(c.act(case_id, "assign", "officer", c.assignment()).status, 200);
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["admin"]).body["total"], 0);
  c.s.exec("UPDATE cases SET due_on = '2020-01-01' WHERE id = " + id(case_id));  // the visit long past
  Reply bureau = c.s.call("GET", "/cases?box=todo", &c.logins["admin"]);
  ASSERT_EQ(bureau.body["total"], 1);
  EXPECT_EQ(bureau.body["overdue"], 1);
  EXPECT_TRUE(bureau.body["items"][0]["overdue"].get<bool>());
  EXPECT_TRUE(bureau.body["items"][0]["actions"].empty()) << "the bureau is alerted, the township acts";
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["officer"]).body["overdue"], 1);
}

// The sweep on a given day, run twice that day in the database before the server starts.
TEST(Dropout, TheSweepOpensOneCasePerChildOnce) {
  SweepResult first, second;
  County c("dropout_sweep", [&](Database& db) {
    OwnServer::demo_county(db);
    // One 休学 child who was 休学 at the end of last year too, aged 10 on the day.
    auto kid = db.query(
        "SELECT e.student_id FROM enrolments e JOIN students st ON st.id = e.student_id WHERE st.status = '在读' "
        "AND e.school_year = (SELECT MAX(school_year) - 1 FROM classes) ORDER BY e.student_id LIMIT 1");
    ASSERT_TRUE(kid.ok());
    const int64_t leave = kid->front().integer(0);
    ASSERT_TRUE(db.exec("UPDATE students SET status = '休学', birth_date = '2016-05-01' WHERE id = ?", {leave}).ok());
    ASSERT_TRUE(db.exec("UPDATE enrolments SET status = '休学' WHERE student_id = ? AND school_year = "
                        "(SELECT MAX(school_year) - 1 FROM classes)", {leave}).ok());
    auto a = sweep_dropouts(db, Date{2026, 11, 29});
    ASSERT_TRUE(a.ok()) << a.status().message();
    first = *a;
    auto b = sweep_dropouts(db, Date{2026, 11, 29});
    ASSERT_TRUE(b.ok());
    second = *b;
  });
  // Counted from the register by its own rules: aged 6–15 on 2026-11-29 and 辍学, or 休学
  // now and at the end of last year, or a 六年级 graduate of last year in no 七年级 now.
  const std::string last = "(SELECT MAX(school_year) - 1 FROM classes)", now = "(SELECT MAX(school_year) FROM classes)";
  const int64_t expected = c.s.ids(
      "SELECT COUNT(*) FROM students st WHERE st.birth_date > '2010-11-29' AND st.birth_date <= '2020-11-29' AND ("
      "st.status = '辍学' OR (st.status = '休学' AND EXISTS (SELECT 1 FROM enrolments e WHERE e.student_id = st.id "
      "AND e.status = '休学' AND e.school_year = " + last + ")) OR (EXISTS (SELECT 1 FROM enrolments e WHERE "
      "e.student_id = st.id AND e.grade = 6 AND e.status = '毕业' AND e.school_year = " + last + ") AND NOT EXISTS "
      "(SELECT 1 FROM enrolments e WHERE e.student_id = st.id AND e.grade = 7 AND e.school_year = " + now + ")))").at(0);
  const int64_t long_leave = c.s.ids("SELECT COUNT(*) FROM students st WHERE st.status = '休学' AND EXISTS (SELECT 1 "
                                     "FROM enrolments e WHERE e.student_id = st.id AND e.status = '休学' AND "
                                     "e.school_year = " + last + ")").at(0);
  EXPECT_GE(long_leave, 1);
  EXPECT_EQ(first.opened, expected);
  EXPECT_EQ(second.opened, 0) << "idempotent";
  EXPECT_EQ(second.followed, first.opened);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM cases WHERE kind = 'dropout'").at(0), first.opened);
  EXPECT_EQ(c.s.ids("SELECT COUNT(DISTINCT student_id) FROM cases").at(0), first.opened);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM case_log WHERE username = '系统' AND user_id IS NULL").at(0), first.opened);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM cases WHERE created_by IS NULL AND fields LIKE '%休学超过一年%'").at(0),
            long_leave);
  // The officer's 待办 lists the sweep's cases of their township.
  const int64_t in_township = c.s.ids(
      "SELECT COUNT(*) FROM cases c JOIN schools s ON s.id = c.school_id WHERE s.area_id IN "
      "(SELECT id FROM areas WHERE id = (SELECT area_id FROM users WHERE username = 'officer') OR parent_id = "
      "(SELECT area_id FROM users WHERE username = 'officer'))").at(0);
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["officer"]).body["total"], in_township);
}


// Two children reported on 2026-11-20; one returns on 2026-11-29. The report
// for November counts by hand: 2 新增, 1 返校, 1 办结, 1 仍未返校, and the
// school year's 年辍学率 has 1 (the child back in school is no dropout) over
// the township's 学年初在册 — in the report and in 统计指标 alike, whose
// numerator opens that one student.
TEST(DropoutReport, CountsWhatHappenedInThePeriodWithTheCasesBehind) {
  County c("dropout_report");
  const int64_t back = c.report(c.student(), "officer").body["case"]["id"];
  const int64_t out = c.report(c.student(), "officer").body["case"]["id"];
  for (int64_t id : {back, out}) ASSERT_EQ(c.act(id, "assign", "officer", c.assignment()).status, 200);
  ASSERT_EQ(c.act(back, "close_returned", "officer", {{"class_id", c.own_class}, {"date", "2026-11-29"}}).status, 200);

  Reply r = c.s.call("GET", "/dropout/report?from=2026-11-01&to=2026-11-30", &c.logins["officer"]);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const json& t = r.body["total"];
  EXPECT_EQ(t["opened"]["case_ids"], json::array({back, out}));
  EXPECT_EQ(t["returned"]["case_ids"], json::array({back}));
  EXPECT_EQ(t["closed"]["n"], 1);
  EXPECT_EQ(t["still_out"]["case_ids"], json::array({out}));
  ASSERT_EQ(r.body["townships"].size(), 1u);
  EXPECT_EQ(r.body["townships"][0]["schools"][0]["id"], c.own);
  EXPECT_EQ(r.body["by_reason"][0]["label"], "连续四周无故缺课");
  EXPECT_EQ(r.body["by_reason"][0]["count"]["n"], 2);
  EXPECT_EQ(r.body["by_outcome"][0]["label"], "返校复学");
  EXPECT_EQ(r.body["cases"].size(), 2u);
  // 年辍学率: the child still out (the one back in school is not a dropout) over the 小学 and 初中
  // enrolments of the officer's township this year.
  const int64_t enrolled = c.s.ids(
      "SELECT COUNT(*) FROM enrolments e JOIN classes k ON k.id = e.class_id WHERE e.school_year = " + id(c.year) +
      " AND k.section IN ('小学', '初中') AND e.school_id IN (SELECT id FROM schools WHERE area_id IN (SELECT id FROM "
      "areas WHERE id = (SELECT area_id FROM users WHERE username = 'officer') OR parent_id = (SELECT area_id FROM "
      "users WHERE username = 'officer')))").at(0);
  const json& rate = r.body["rates"]["dropout_rate"];
  EXPECT_EQ(rate["numerator"], 1);
  EXPECT_EQ(rate["denominator"], enrolled);
  EXPECT_NEAR(rate["value"].get<double>(), 100.0 / enrolled, 1e-9);
  EXPECT_EQ(rate["case_ids"], json::array({out}));
  // 统计指标: the same child over every enrolment of the officer's township this year.
  Reply stats = c.s.call("GET", "/analytics/indicators", &c.logins["officer"]);
  ASSERT_EQ(stats.status, 200);
  json whole;
  for (const json& g : stats.body["groups"])
    if (g["level"] == "全域" && g["section"] == "合计") whole = g["values"]["dropout_rate"];
  ASSERT_TRUE(whole.is_object());
  const int64_t out_student = c.s.ids("SELECT student_id FROM cases WHERE id = " + id(out)).at(0);
  EXPECT_EQ(whole["now"]["numerator"], 1);
  EXPECT_EQ(whole["now"]["denominator"],
            c.s.ids("SELECT COUNT(*) FROM enrolments WHERE class_id IS NOT NULL AND school_year = " + id(c.year) +
                    " AND school_id IN (SELECT id FROM schools WHERE area_id IN (SELECT id FROM areas WHERE id = "
                    "(SELECT area_id FROM users WHERE username = 'officer') OR parent_id = (SELECT area_id FROM "
                    "users WHERE username = 'officer')))").at(0));
  const json& link = whole["records"]["numerator"];
  EXPECT_EQ(link["query"]["student_ids"], id(out_student));
  Reply listed = c.s.call("GET", "/students?school_year=" + id(c.year) + "&student_ids=" + id(out_student),
                          &c.logins["officer"]);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body["total"], 1);
  EXPECT_EQ(listed.body["items"][0]["id"], out_student);
  // 巩固率: the register does not reach the cohort's 一年级 (eight years back): absent, with the reason.
  EXPECT_TRUE(r.body["rates"]["retention_rate"]["value"].is_null());
  EXPECT_NE(r.body["rates"]["retention_rate"]["note"].get<std::string>().find("无法计算"), std::string::npos);

  // October saw none of it; another township's officer sees none of it.
  Reply october = c.s.call("GET", "/dropout/report?from=2026-10-01&to=2026-10-31", &c.logins["officer"]);
  EXPECT_EQ(october.body["total"]["opened"]["n"], 0);
  EXPECT_EQ(october.body["total"]["still_out"]["n"], 0);
  Reply far = c.s.call("GET", "/dropout/report?from=2026-11-01&to=2026-11-30", &c.logins["far"]);
  EXPECT_EQ(far.body["total"]["opened"]["n"], 0);
  EXPECT_TRUE(far.body["cases"].empty());
  // The xlsx holds the same tables.
  Reply file = c.s.call("GET", "/exports/dropout.xlsx?from=2026-11-01&to=2026-11-30", &c.logins["officer"]);
  EXPECT_EQ(file.status, 200);
}

}  // namespace
}  // namespace edu::apitest
