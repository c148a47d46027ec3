// 学籍异动 cases (workflow/case_engine.h) through the API: the 县内转学
// workflow walked state × action × role from its own declaration (GET
// /meta/workflows) — allowed ones succeed, refused ones get a Chinese reason
// and change nothing — and the student is in exactly one school throughout.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

// A county of its own with a second school admin: the receiving school's.
struct County {
  OwnServer s{"cases"};
  int64_t own = 0, target = 0, target_class = 0;
  std::vector<int64_t> students;  // 在读 at `own`, in a class
  size_t next_student = 0;
  std::map<std::string, Login> logins;  // role name → login; "receiver" = the target school's admin
  std::map<std::string, std::string> party;  // role name → the party it is on a case from own to target

  County() {
    own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
    target = s.ids("SELECT id FROM schools WHERE id <> " + id(own) +
                   " AND id IN (SELECT school_id FROM classes WHERE school_year = "
                   "(SELECT MAX(school_year) FROM classes)) ORDER BY id LIMIT 1").at(0);
    target_class = s.ids("SELECT id FROM classes WHERE school_id = " + id(target) +
                         " AND school_year = (SELECT MAX(school_year) FROM classes) ORDER BY id LIMIT 1").at(0);
    students = s.ids("SELECT id FROM students WHERE school_id = " + id(own) +
                     " AND status = '在读' AND class_id IS NOT NULL ORDER BY id");
    json made = s.admin_call("POST", "/users",
                             {{"username", "receiver"}, {"display_name", "转入校管理员"},
                              {"password", "Matrix2026"}, {"role", "school_admin"}, {"school_id", target}});
    EXPECT_EQ(made["status"], 201) << made.dump();
    for (const char* r : {"admin", "officer", "school_admin", "teacher", "inspector"}) logins[r] = s.login(r);
    logins["receiver"] = s.login("receiver", "Matrix2026");
    party = {{"admin", "bureau"}, {"school_admin", "sending_school"}, {"receiver", "receiving_school"}};
  }
  int64_t student() { return students.at(next_student++); }
  Reply apply(int64_t student_id, const std::string& who = "school_admin") {
    return s.call("POST", "/cases", &logins[who],
                  {{"kind", "transfer"}, {"student_id", student_id}, {"target_school_id", target},
                   {"reason", "随父母迁居"}, {"date", "2026-11-20"}});
  }
  json body_for(const json& action) {
    json b = {{"comment", "同意"}};
    for (const json& f : action["fields"]) {
      if (f["key"] == "class_id") b["class_id"] = target_class;
      if (f["type"] == "text") b[f["key"].get<std::string>()] = "测试原因";
    }
    return b;
  }
  Reply act(int64_t case_id, const json& action, const std::string& who) {
    return s.call("POST", "/cases/" + id(case_id) + "/actions/" + action["key"].get<std::string>(),
                  &logins[who], body_for(action));
  }
  // Everything a refused action must leave as it was.
  std::string snapshot(int64_t case_id, int64_t student_id) {
    json c = s.call("GET", "/cases/" + id(case_id), &logins["admin"]).body;
    json st = s.call("GET", "/students/" + id(student_id), &logins["admin"]).body;
    auto enrol = s.ids("SELECT school_id * 1000000 + class_id FROM enrolments WHERE student_id = " +
                       id(student_id) + " ORDER BY school_year");
    std::string e;
    for (int64_t v : enrol) e += id(v) + ",";
    return c.dump() + st.dump() + e + id(s.ids("SELECT COUNT(*) FROM audit_log WHERE action IN ('workflow', 'update')").at(0));
  }
};

const json& action_named(const json& workflow, const std::string& key) {
  for (const json& a : workflow["actions"])
    if (a["key"] == key) return a;
  throw std::runtime_error("no action " + key);
}

// How to reach each state from a new application: the actions, in order.
const std::map<std::string, std::vector<std::pair<std::string, std::string>>> kPaths = {
    {"待转入校确认", {}},
    {"待教育局审批", {{"accept", "receiver"}}},
    {"已转学", {{"accept", "receiver"}, {"approve", "admin"}}},
    {"已退回", {{"refuse_receive", "receiver"}}},
    {"已撤回", {{"withdraw", "school_admin"}}}};

TEST(Cases, EveryStateActionAndRole) {
  County c;
  json workflow = c.s.admin_call("GET", "/meta/workflows")["body"]["workflows"][0];
  ASSERT_EQ(workflow["kind"], "transfer");
  const std::vector<std::string> roles = {"admin", "officer", "school_admin", "receiver", "teacher", "inspector"};
  for (const json& state : workflow["states"]) {
    ASSERT_TRUE(kPaths.count(state["key"])) << state.dump();
    for (const json& action : workflow["actions"]) {
      if (action["from"].empty()) continue;
      const int64_t student = c.student();
      Reply opened = c.apply(student);
      ASSERT_EQ(opened.status, 201) << opened.body.dump();
      const int64_t case_id = opened.body["case"]["id"];
      for (const auto& [step, who] : kPaths.at(state["key"]))
        ASSERT_EQ(c.act(case_id, action_named(workflow, step), who).status, 200) << step;
      bool from_ok = false;
      for (const json& f : action["from"]) from_ok = from_ok || f == state["key"];
      std::string allowed_role;
      for (const std::string& r : roles)
        if (from_ok && c.party.count(r) && c.party[r] == action["party"]) allowed_role = r;
      for (const std::string& r : roles) {
        if (r == allowed_role) continue;
        const std::string before = c.snapshot(case_id, student);
        Reply refused = c.act(case_id, action, r);
        const std::string where = state["key"].get<std::string>() + " × " +
                                  action["key"].get<std::string>() + " × " + r;
        EXPECT_TRUE(refused.status == 403 || refused.status == 404 || refused.status == 409) << where;
        EXPECT_TRUE(refused.body.contains("message") && !refused.body["message"].get<std::string>().empty())
            << where << refused.body.dump();
        EXPECT_EQ(c.snapshot(case_id, student), before) << where;
      }
      if (!allowed_role.empty()) {
        Reply done = c.act(case_id, action, allowed_role);
        EXPECT_EQ(done.status, 200) << action["key"] << done.body.dump();
        EXPECT_EQ(done.body["case"]["state"], action["to"]);
      }
    }
  }
}

// The student's school, class and current enrolment as one string.
std::string whereabouts(County& c, int64_t student) {
  auto school = c.s.ids("SELECT school_id FROM students WHERE id = " + id(student));
  auto klass = c.s.ids("SELECT class_id FROM students WHERE id = " + id(student));
  auto enrolled = c.s.ids("SELECT school_id FROM enrolments WHERE student_id = " + id(student) +
                          " AND school_year = (SELECT MAX(school_year) FROM classes)");
  EXPECT_EQ(enrolled.size(), 1u) << "one enrolment this year";
  return id(school.at(0)) + "/" + id(klass.at(0)) + "/" + id(enrolled.at(0));
}

TEST(Cases, TheStudentMovesOnlyOnApprovalAndIsNeverInTwoSchools) {
  County c;
  json workflow = c.s.admin_call("GET", "/meta/workflows")["body"]["workflows"][0];
  const int64_t student = c.student();
  const std::string home = whereabouts(c, student);
  const int64_t case_id = c.apply(student).body["case"]["id"];
  // The receiver's 待办 holds it; the sender's does not.
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["receiver"]).body["total"], 1);
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["school_admin"]).body["total"], 0);
  EXPECT_EQ(c.s.call("GET", "/cases?box=mine", &c.logins["school_admin"]).body["total"], 1);
  // A second application for the same student is refused while this one is open.
  Reply twice = c.apply(student);
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body["message"].get<std::string>().find("未办结"), std::string::npos);
  EXPECT_EQ(whereabouts(c, student), home);
  ASSERT_EQ(c.act(case_id, action_named(workflow, "accept"), "receiver").status, 200);
  EXPECT_EQ(whereabouts(c, student), home);
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["admin"]).body["total"], 1);
  ASSERT_EQ(c.act(case_id, action_named(workflow, "approve"), "admin").status, 200);
  EXPECT_EQ(whereabouts(c, student), id(c.target) + "/" + id(c.target_class) + "/" + id(c.target));
  // The log holds every step, and the audit the move.
  Reply shown = c.s.call("GET", "/cases/" + id(case_id), &c.logins["receiver"]);
  ASSERT_EQ(shown.body["log"].size(), 3u);
  EXPECT_EQ(shown.body["log"][2]["action_label"], "审批通过");
  EXPECT_EQ(shown.body["case"]["due_on"], "") << "a closed case waits for no one";
  EXPECT_TRUE(shown.body["case"]["actions"].empty());
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'student' AND entity_id = " + id(student)).at(0), 1);
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(case_id), &c.logins["teacher"]).status, 404);
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(case_id), &c.logins["inspector"]).status, 404);
}

TEST(Cases, RefusedOrWithdrawnChangesNothing) {
  County c;
  json workflow = c.s.admin_call("GET", "/meta/workflows")["body"]["workflows"][0];
  for (const auto& [action, who] : std::vector<std::pair<std::string, std::string>>{
           {"refuse_receive", "receiver"}, {"withdraw", "school_admin"}}) {
    const int64_t student = c.student();
    const std::string home = whereabouts(c, student);
    const int64_t case_id = c.apply(student).body["case"]["id"];
    ASSERT_EQ(c.act(case_id, action_named(workflow, action), who).status, 200);
    EXPECT_EQ(whereabouts(c, student), home);
    EXPECT_EQ(c.apply(student).status, 201) << "a closed case does not block a new one";
  }
  // Refused by the bureau after the receiver accepted.
  const int64_t student = c.student();
  const std::string home = whereabouts(c, student);
  const int64_t case_id = c.apply(student).body["case"]["id"];
  ASSERT_EQ(c.act(case_id, action_named(workflow, "accept"), "receiver").status, 200);
  ASSERT_EQ(c.act(case_id, action_named(workflow, "refuse"), "admin").status, 200);
  EXPECT_EQ(whereabouts(c, student), home);
}

TEST(Cases, WithoutTheBureauTheAcceptanceMoves) {
  County c;
  json workflow = c.s.admin_call("GET", "/meta/workflows")["body"]["workflows"][0];
  c.s.exec("INSERT INTO settings (key, value) VALUES ('transfer_needs_bureau', '0')");
  const int64_t student = c.student();
  const int64_t case_id = c.apply(student).body["case"]["id"];
  Reply accepted = c.act(case_id, action_named(workflow, "accept"), "receiver");
  ASSERT_EQ(accepted.status, 200) << accepted.body.dump();
  EXPECT_EQ(accepted.body["case"]["state"], "已转学");
  EXPECT_EQ(whereabouts(c, student), id(c.target) + "/" + id(c.target_class) + "/" + id(c.target));
}

TEST(Cases, OverdueCasesComeFirst) {
  County c;
  const int64_t first = c.apply(c.student()).body["case"]["id"];
  const int64_t late = c.apply(c.student()).body["case"]["id"];
  Reply todo = c.s.call("GET", "/cases?box=todo", &c.logins["receiver"]);
  ASSERT_EQ(todo.body["total"], 2);
  EXPECT_EQ(todo.body["overdue"], 0);
  EXPECT_EQ(todo.body["items"][0]["due_on"].get<std::string>().size(), 10u);  // the day applied + 7
  EXPECT_EQ(todo.body["items"][0]["id"], first);
  EXPECT_FALSE(todo.body["items"][0]["overdue"].get<bool>());
  c.s.exec("UPDATE cases SET due_on = '2020-01-01' WHERE id = " + id(late));  // its 7 days long past
  todo = c.s.call("GET", "/cases?box=todo", &c.logins["receiver"]);
  EXPECT_EQ(todo.body["overdue"], 1);
  EXPECT_EQ(todo.body["items"][0]["id"], late);
  EXPECT_TRUE(todo.body["items"][0]["overdue"].get<bool>());
  EXPECT_EQ(todo.body["items"][0]["actions"], json::array({"accept", "refuse_receive"}));
  // The sender sees both (box=all) but waits for neither.
  EXPECT_EQ(c.s.call("GET", "/cases?box=all", &c.logins["school_admin"]).body["total"], 2);
  EXPECT_EQ(c.s.call("GET", "/cases?box=all", &c.logins["school_admin"]).body["items"][0]["actions"],
            json::array({"withdraw"}));
}

TEST(Cases, ApplicationsAreChecked) {
  County c;
  const int64_t other_student =
      c.s.ids("SELECT id FROM students WHERE school_id <> " + id(c.own) + " ORDER BY id LIMIT 1").at(0);
  auto message = [](const Reply& r) { return r.body.value("message", std::string()); };
  Reply r = c.apply(other_student);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(message(r).find("不是本校学生"), std::string::npos) << message(r);
  r = c.s.call("POST", "/cases", &c.logins["school_admin"],
               {{"kind", "transfer"}, {"student_id", c.students[0]}, {"target_school_id", c.own},
                {"reason", "x"}, {"date", "2026-11-20"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(message(r).find("不能是本校"), std::string::npos) << message(r);
  r = c.s.call("POST", "/cases", &c.logins["school_admin"],
               {{"kind", "transfer"}, {"student_id", c.students[0]}, {"target_school_id", c.target},
                {"date", "2026-11-20"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "reason");
  EXPECT_NE(message(r).find("转学原因"), std::string::npos) << message(r);
  for (const char* who : {"admin", "officer", "teacher", "inspector", "receiver"})
    EXPECT_NE(c.apply(c.students[0], who).status, 201) << who;
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM cases").at(0), 0);
  // An accept naming a class of another school is refused, naming the field.
  const int64_t case_id = c.apply(c.students[0]).body["case"]["id"];
  r = c.s.call("POST", "/cases/" + id(case_id) + "/actions/accept", &c.logins["receiver"],
               {{"class_id", c.s.ids("SELECT class_id FROM students WHERE id = " + id(c.students[0])).at(0)}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "class_id");
}

}  // namespace
}  // namespace edu::apitest
