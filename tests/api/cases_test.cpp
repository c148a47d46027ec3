// 学籍异动 and 控辍保学 cases (workflow/case_engine.h) through the API: every
// declared workflow walked state × action × role from its own declaration
// (GET /meta/workflows) — allowed ones succeed, refused ones get a Chinese
// reason and change nothing — and the student is in exactly one school
// throughout.
#include <algorithm>

#include <gtest/gtest.h>

#include "core/id_number.h"
#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

// A county of its own with a second school admin, the receiving school's, and
// "far", an area officer of a township other than the officer's (whose
// township holds `own`).
struct County {
  OwnServer s{"cases"};
  int64_t own = 0, target = 0, target_class = 0;
  std::vector<int64_t> students;  // 在读 at `own`, in a class
  size_t next_student = 0;
  std::map<std::string, Login> logins;  // role name → login; "receiver" = the target school's admin, "far" above
  std::map<std::string, std::string> party;  // role name → the party it is on a case from own to target
  std::map<int64_t, int64_t> exams;  // grade → an exam of it this year (免考)

  County() {
    own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
    target = s.ids("SELECT id FROM schools WHERE id <> " + id(own) +
                   " AND id IN (SELECT school_id FROM classes WHERE school_year = "
                   "(SELECT MAX(school_year) FROM classes)) ORDER BY id LIMIT 1").at(0);
    target_class = s.ids("SELECT id FROM classes WHERE school_id = " + id(target) +
                         " AND school_year = (SELECT MAX(school_year) FROM classes) ORDER BY id LIMIT 1").at(0);
    // 在读 in a class with classes a grade below and above (for 留级/跳级).
    students = s.ids("SELECT st.id FROM students st JOIN classes k ON k.id = st.class_id WHERE st.school_id = " +
                     id(own) + " AND st.status = '在读' AND k.school_year = (SELECT MAX(school_year) FROM classes)" +
                     " AND EXISTS (SELECT 1 FROM classes b WHERE b.school_id = k.school_id AND b.school_year ="
                     " k.school_year AND b.section = k.section AND b.grade = k.grade - 1)"
                     " AND EXISTS (SELECT 1 FROM classes a WHERE a.school_id = k.school_id AND a.school_year ="
                     " k.school_year AND a.section = k.section AND a.grade = k.grade + 1) ORDER BY st.id");
    json made = s.admin_call("POST", "/users",
                             {{"username", "receiver"}, {"display_name", "转入校管理员"},
                              {"password", "Matrix2026"}, {"role", "school_admin"}, {"school_id", target}});
    EXPECT_EQ(made["status"], 201) << made.dump();
    const std::string officer_area = "(SELECT area_id FROM users WHERE username = 'officer')";
    const int64_t far_area = s.ids("SELECT area_id FROM schools WHERE area_id <> " + officer_area +
                                   " AND area_id IN (SELECT id FROM areas WHERE parent_id = (SELECT parent_id FROM "
                                   "areas WHERE id = " + officer_area + ")) ORDER BY id LIMIT 1").at(0);
    made = s.admin_call("POST", "/users", {{"username", "far"}, {"display_name", "外乡镇专干"}, {"password", "Matrix2026"},
                                           {"role", "area_officer"}, {"area_id", far_area}});
    EXPECT_EQ(made["status"], 201) << made.dump();
    for (const char* r : {"admin", "officer", "school_admin", "teacher", "inspector"}) logins[r] = s.login(r);
    logins["receiver"] = s.login("receiver", "Matrix2026");
    logins["far"] = s.login("far", "Matrix2026");
    party = {{"admin", "bureau"}, {"school_admin", "sending_school"}, {"receiver", "receiving_school"}};
  }
  int64_t student() { return students.at(next_student++); }
  // A teacher case's subject: a teacher at `own` with no open exchange, the highest id first
  // (a teacher whose exchange was refused, withdrawn or ended serves again; 职称申报 takes the lowest).
  int64_t teacher() {
    return s.ids("SELECT id FROM teachers WHERE school_id = " + id(own) + " AND id NOT IN (SELECT teacher_id FROM "
                 "cases WHERE kind = 'exchange' AND state IN ('待派出校同意', '待接收校同意', '待教育局审批', "
                 "'交流中')) ORDER BY id DESC LIMIT 1").at(0);
  }
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
    const std::string teacher = s.text("SELECT COALESCE(MAX(school_id), 0) FROM teachers WHERE id = " + id(student_id));
    return c.dump() + st.dump() + e + teacher + id(s.ids("SELECT COUNT(*) FROM audit_log WHERE action IN ('workflow', 'update')").at(0));
  }
};

const json& action_named(const json& workflow, const std::string& key) {
  for (const json& a : workflow["actions"])
    if (a["key"] == key) return a;
  throw std::runtime_error("no action " + key);
}

json workflow_named(County& c, const std::string& kind) {
  const json all = c.s.admin_call("GET", "/meta/workflows")["body"]["workflows"];
  for (const json& w : all)
    if (w["kind"] == kind) return w;
  throw std::runtime_error("no workflow " + kind);
}

// Who takes a party's part on a case opened by `school_admin`'s school (or,
// requested, by the receiver's) for a student of `own`; the first acts in the walk.
const std::map<std::string, std::vector<std::string>> kRolesOf = {
    {"bureau", {"admin"}},
    {"sending_school", {"school_admin"}},
    {"receiving_school", {"receiver"}},
    {"township", {"officer"}},
    {"school_or_township", {"officer", "school_admin"}}};
const std::string& role_of(const json& action) { return kRolesOf.at(action["party"]).front(); }
bool takes_part(const json& action, const std::string& role) {
  const auto& roles = kRolesOf.at(action["party"]);
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}
const std::vector<std::string> kRoles = {"admin", "officer", "school_admin", "receiver", "teacher", "inspector", "far"};

// 职称申报: a round open, eligibility settings that any 一级 teacher meets
// for 高级 (the first level offered), posts to spare at `own`; a teacher of
// `own` with no open title case (or exchange), made 一级.
int64_t title_applicant(County& c) {
  c.s.exec("DELETE FROM settings WHERE key IN ('title_years_required.高级', 'title_rural_years_required')");
  c.s.exec("INSERT INTO settings (key, value) VALUES ('title_years_required.高级', '0'), "
           "('title_rural_years_required', '0')");
  c.s.exec("DELETE FROM school_posts WHERE school_id = " + id(c.own));
  c.s.exec("INSERT INTO school_posts (school_id, school_year, level, approved) SELECT " + id(c.own) +
           ", MAX(school_year), '高级', 1000 FROM classes");
  c.s.exec("INSERT INTO title_rounds (year, name, is_open, opens_on, closes_on) SELECT 2026, '矩阵', 1, "
           "'2026-01-01', '2026-12-31' WHERE NOT EXISTS (SELECT 1 FROM title_rounds WHERE is_open = 1)");
  const int64_t teacher =
      c.s.ids("SELECT id FROM teachers WHERE school_id = " + id(c.own) +
              " AND id NOT IN (SELECT teacher_id FROM cases WHERE teacher_id IS NOT NULL AND (kind = 'exchange' OR "
              "state IN ('待学校推荐', '待县级评审', '待聘任', '缓聘'))) ORDER BY id LIMIT 1").at(0);
  c.s.exec("UPDATE teachers SET title = '一级' WHERE id = " + id(teacher));
  return teacher;
}

// A student of `own` fit for `workflow`: 在读 (or the status its opening
// asks for, set here), in a grade with a class a grade below and above; a
// teacher of `own` for a teacher case (交流轮岗).
int64_t student_for(County& c, const json& workflow) {
  if (workflow["kind"] == "title") return title_applicant(c);
  if (workflow["subject"] == "teacher") return c.teacher();
  const int64_t student = c.student();
  for (const json& f : workflow["actions"][0]["fields"])
    if (f["type"] == "student" && !f["options"].empty() && f["options"][0] != "在读")
      c.s.exec("UPDATE students SET status = '" + f["options"][0].get<std::string>() + "' WHERE id = " + id(student));
  return student;
}

// A new, valid ID number of a boy born on `birth` (YYYY-MM-DD), unused in the demo county.
std::string new_id_number(const std::string& birth) {
  static int sequence = 991;
  const std::string first17 = "430521" + birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2) +
                              std::to_string(sequence);
  sequence -= 2;
  return first17 + id_check_char(first17);
}

// An exam (语文, 数学) of the student's grade this year, made once per grade by the bureau.
int64_t exam_for(County& c, int64_t student) {
  const int64_t grade =
      c.s.ids("SELECT k.grade FROM students st JOIN classes k ON k.id = st.class_id WHERE st.id = " + id(student)).at(0);
  if (!c.exams.count(grade)) {
    json made = c.s.admin_call("POST", "/exams",
                               {{"name", "免考测试" + id(grade)}, {"date", "2026-12-01"}, {"grade", grade},
                                {"subjects", json::array({json{{"name", "语文"}}, json{{"name", "数学"}}})}});
    EXPECT_EQ(made["status"], 201) << made.dump();
    c.exams[grade] = made["body"]["exam"]["id"];
  }
  return c.exams[grade];
}

// An evidence file uploaded by `who`; 0 for a role that may not upload one.
int64_t evidence_of(County& c, const std::string& who) {
  Reply up = c.s.upload("/cases/attachments", &c.logins[who], "证明.pdf", "%PDF-1.4\n%%EOF\n");
  return up.status == 201 ? up.body["id"].get<int64_t>() : 0;
}

// The values a test gives an action's fields, by their declared type (a
// file uploaded by `who`, who takes the action); a 转入's new student is born
// the day `student` was (to fit their grade).
json body_for(County& c, const json& workflow, const json& action, int64_t student,
              const std::string& who = "school_admin") {
  json b = {{"comment", "同意"}};
  const bool transfer = workflow["kind"] == "transfer";
  const std::string birth = c.s.text("SELECT birth_date FROM students WHERE id = " + id(student));
  for (const json& f : action["fields"]) {
    const std::string key = f["key"], type = f["type"];
    if (key == "birth_date") {
      b[key] = birth;
      continue;
    }
    if (key == "id_number" && type == "text") {
      b[key] = new_id_number(birth);
      continue;
    }
    if (key == "name") {
      b[key] = "转入生";
      continue;
    }
    if (type == "student" || type == "child" || type == "teacher") b[key] = student;
    if (type == "year_class") b[key] = c.target_class;
    if (type == "exam") b[key] = exam_for(c, student);
    if (type == "exam_subject") b[key] = "数学";
    if (type == "school") b[key] = c.target;
    if (type == "id_number") b[key] = c.s.text("SELECT id_number FROM students WHERE id = " + id(student));
    if (type == "text") b[key] = "测试原因";
    if (type == "file")
      if (const int64_t file = evidence_of(c, who)) b[key] = file;
    if (type == "enum" || type == "province") b[key] = f["options"][0];
    if (type == "date")
      b[key] = key == "until"           ? (action["from"].empty() ? "2027-06-30" : "2028-01-31")
               : key == "next_visit_on" ? "2027-01-10"
                                        : "2026-11-20";
    if (type == "class")
      b[key] = transfer ? c.target_class
                        : c.s.ids("SELECT k2.id FROM students st JOIN classes k ON k.id = st.class_id "
                                  "JOIN classes k2 ON k2.school_id = k.school_id AND k2.school_year = k.school_year "
                                  "AND k2.section = k.section AND k2.grade = k.grade + " +
                                  id(workflow["grade_step"].get<int>()) + " WHERE st.id = " + id(student) +
                                  " ORDER BY k2.id LIMIT 1").at(0);
  }
  return b;
}

Reply open_by(County& c, const json& workflow, const json& opening, int64_t student, const std::string& who) {
  json b = body_for(c, workflow, opening, student, who);
  b["kind"] = workflow["kind"];
  b["action"] = opening["key"];
  return c.s.call("POST", "/cases", &c.logins[who], b);
}

Reply act_on(County& c, const json& workflow, int64_t case_id, const json& action, int64_t student,
             const std::string& who) {
  return c.s.call("POST", "/cases/" + id(case_id) + "/actions/" + action["key"].get<std::string>(),
                  &c.logins[who], body_for(c, workflow, action, student, who));
}

// How to reach each state of a workflow from its declaration: an opening,
// then actions (breadth first, each by its party); a state reached only by
// expiry is its expiring state's path then "expire".
std::map<std::string, std::vector<std::string>> paths_of(const json& workflow) {
  std::map<std::string, std::vector<std::string>> paths;
  std::vector<std::string> queue;
  for (const json& a : workflow["actions"])
    if (a["from"].empty() && !paths.count(a["to"])) {
      paths[a["to"]] = {a["key"]};
      queue.push_back(a["to"]);
    }
  for (size_t i = 0; i < queue.size(); ++i)
    for (const json& a : workflow["actions"])
      for (const json& from : a["from"])
        if (from == queue[i] && !paths.count(a["to"])) {
          paths[a["to"]] = paths[queue[i]];
          paths[a["to"]].push_back(a["key"]);
          queue.push_back(a["to"]);
        }
  for (const json& s : workflow["states"])
    if (!s["expires_to"].get<std::string>().empty() && !paths.count(s["expires_to"])) {
      paths[s["expires_to"]] = paths[s["key"]];
      paths[s["expires_to"]].push_back("expire");
    }
  return paths;
}

// A new case of `workflow` in `state`, for a new student; {case id, student}.
std::pair<int64_t, int64_t> reach(County& c, const json& workflow, const std::string& state) {
  const std::vector<std::string> path = paths_of(workflow).at(state);
  const int64_t student = student_for(c, workflow);
  const json& opening = action_named(workflow, path[0]);
  Reply opened = open_by(c, workflow, opening, student, role_of(opening));
  EXPECT_EQ(opened.status, 201) << workflow["kind"] << " " << opened.body.dump();
  const int64_t case_id = opened.body["case"]["id"];
  for (size_t i = 1; i < path.size(); ++i) {
    if (path[i] == "expire") {
      c.s.exec("UPDATE cases SET due_on = '2020-01-01' WHERE id = " + id(case_id));
      c.s.call("GET", "/cases?box=all", &c.logins["admin"]);  // the sweep runs before every list
      continue;
    }
    const json& a = action_named(workflow, path[i]);
    Reply done = act_on(c, workflow, case_id, a, student, role_of(a));
    EXPECT_EQ(done.status, 200) << path[i] << " " << done.body.dump();
  }
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(case_id), &c.logins["admin"]).body["case"]["state"], state);
  return {case_id, student};
}

// Every declared workflow, state × action × role: the action's party may take
// it from its from-states and it leads where declared; everyone else, and
// everyone in any other state, is refused with a Chinese reason and nothing
// changes (case, student, enrolments, audit). Openings: only their party
// opens a case. A party of two roles (控辍保学's school or township) lets
// either act; the officer of another township ("far") never does.
TEST(Cases, EveryWorkflowStateActionAndRole) {
  County c;
  json workflows = c.s.admin_call("GET", "/meta/workflows")["body"]["workflows"];
  ASSERT_GE(workflows.size(), 10u);
  int taken = 0;  // (state, action) pairs some party may take
  for (const json& workflow : workflows) {
    const std::string kind = workflow["kind"];
    const int64_t student = student_for(c, workflow);
    for (const json& opening : workflow["actions"]) {
      if (!opening["from"].empty()) continue;
      for (const std::string& r : kRoles) {
        if (takes_part(opening, r)) continue;
        const int64_t before = c.s.ids("SELECT COUNT(*) FROM cases").at(0);
        Reply refused = open_by(c, workflow, opening, student, r);
        EXPECT_NE(refused.status, 201) << kind << " " << opening["key"] << " × " << r;
        EXPECT_FALSE(refused.body.value("message", std::string()).empty()) << kind << " × " << r;
        EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM cases").at(0), before);
      }
    }
    for (const json& state : workflow["states"]) {
      const std::string key = state["key"];
      ASSERT_TRUE(paths_of(workflow).count(key)) << kind << " " << key << " cannot be reached";
      auto [case_id, student] = reach(c, workflow, key);
      for (const json& action : workflow["actions"]) {
        if (action["from"].empty()) continue;
        bool from_ok = false;
        for (const json& f : action["from"]) from_ok = from_ok || f == key;
        for (const std::string& r : kRoles) {
          if (from_ok && takes_part(action, r)) continue;
          const std::string where = kind + " " + key + " × " + action["key"].get<std::string>() + " × " + r;
          const std::string before = c.snapshot(case_id, student);
          Reply refused = act_on(c, workflow, case_id, action, student, r);
          EXPECT_TRUE(refused.status == 403 || refused.status == 404 || refused.status == 409) << where;
          EXPECT_FALSE(refused.body.value("message", std::string()).empty()) << where << refused.body.dump();
          EXPECT_EQ(c.snapshot(case_id, student), before) << where;
        }
        if (!from_ok) continue;
        for (const std::string& r : kRolesOf.at(action["party"])) {
          ++taken;
          auto [fresh, fresh_student] = reach(c, workflow, key);
          Reply done = act_on(c, workflow, fresh, action, fresh_student, r);
          EXPECT_EQ(done.status, 200) << kind << " " << key << " × " << action["key"] << " × " << r << done.body.dump();
          EXPECT_EQ(done.body["case"]["state"], action["to"]) << kind << " " << action["key"] << " × " << r;
        }
      }
    }
  }
  // 转学 9 (3 from each waiting state), 8 kinds × 3, 休学 3 + extend + its 2; 控辍保学: assign and
  // dismiss by the township, then visit and the five closings by the school and by the township;
  // 交流轮岗 2 from each waiting state, its return and its 3 撤回 (the bureau's from 待派出校同意,
  // the school's from 待接收校同意 and 待教育局审批); 免考 3; 职称申报 2 + 2 + 3 and 缓聘's 聘任.
  EXPECT_EQ(taken, 9 + 8 * 3 + 6 + 2 + 6 * 2 + 7 + 3 + 3 + 8);
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

// Overdue first in the bureau's 待办, and counted per school for the level
// above (GET /cases/overdue), with the list behind each count.
TEST(Cases, OverdueCasesComeFirstAndAreCountedForTheLevelAbove) {
  County c;
  json workflow = workflow_named(c, "transfer");
  const int64_t first = c.apply(c.student()).body["case"]["id"];
  const int64_t late = c.apply(c.student()).body["case"]["id"];
  for (int64_t case_id : {first, late})
    ASSERT_EQ(c.act(case_id, action_named(workflow, "accept"), "receiver").status, 200);
  Reply todo = c.s.call("GET", "/cases?box=todo", &c.logins["admin"]);
  ASSERT_EQ(todo.body["total"], 2);
  EXPECT_EQ(todo.body["overdue"], 0);
  EXPECT_EQ(todo.body["items"][0]["due_on"].get<std::string>().size(), 10u);  // the day accepted + 7
  EXPECT_EQ(todo.body["items"][0]["id"], first);
  EXPECT_FALSE(todo.body["items"][0]["overdue"].get<bool>());
  EXPECT_EQ(c.s.call("GET", "/cases/overdue", &c.logins["admin"]).body["total"], 0);
  c.s.exec("UPDATE cases SET due_on = '2020-01-01' WHERE id = " + id(late));  // its 7 days long past
  todo = c.s.call("GET", "/cases?box=todo", &c.logins["admin"]);
  EXPECT_EQ(todo.body["total"], 2) << "the bureau's step does not expire";
  EXPECT_EQ(todo.body["overdue"], 1);
  EXPECT_EQ(todo.body["items"][0]["id"], late);
  EXPECT_TRUE(todo.body["items"][0]["overdue"].get<bool>());
  EXPECT_EQ(todo.body["items"][0]["actions"], json::array({"approve", "refuse"}));
  // The level above: one overdue case, at the sending school; its list holds it.
  Reply overdue = c.s.call("GET", "/cases/overdue", &c.logins["admin"]);
  ASSERT_EQ(overdue.status, 200);
  EXPECT_EQ(overdue.body["total"], 1);
  ASSERT_EQ(overdue.body["items"].size(), 1u);
  EXPECT_EQ(overdue.body["items"][0]["school_id"], c.own);
  EXPECT_EQ(overdue.body["items"][0]["overdue"], 1);
  Reply behind = c.s.call("GET", "/cases?box=all&overdue=1&school_id=" + id(c.own), &c.logins["admin"]);
  ASSERT_EQ(behind.body["total"], 1);
  EXPECT_EQ(behind.body["items"][0]["id"], late);
  // The township officer counts the schools of their township only.
  const bool in_area = c.s.ids("SELECT COUNT(*) FROM schools s JOIN users u ON u.username = 'officer' "
                               "WHERE s.id = " + id(c.own) + " AND (s.area_id = u.area_id OR s.area_id IN "
                               "(SELECT id FROM areas WHERE parent_id = u.area_id))").at(0) == 1;
  EXPECT_EQ(c.s.call("GET", "/cases/overdue", &c.logins["officer"]).body["total"], in_area ? 1 : 0);
  for (const char* who : {"school_admin", "teacher", "inspector"})
    EXPECT_EQ(c.s.call("GET", "/cases/overdue", &c.logins[who]).status, 403) << who;
  // The sender sees both (box=all) but waits for neither.
  EXPECT_EQ(c.s.call("GET", "/cases?box=all", &c.logins["school_admin"]).body["total"], 2);
  EXPECT_EQ(c.s.call("GET", "/cases?box=all", &c.logins["school_admin"]).body["items"][0]["actions"],
            json::array({"withdraw"}));
}

// The bureau's overdue counts by township: three transfers of `own` and one of
// a school in another township, all accepted and left past the bureau's
// deadline, give that township 3 and the other 1 (most first), each with its
// school; the township officer's list holds their township alone.
TEST(Cases, OverdueCountsGroupByTownship) {
  County c;
  json workflow = workflow_named(c, "transfer");
  auto township_of = [](const std::string& school) {
    return "SELECT CASE WHEN a.level = '学区' THEN a.parent_id ELSE a.id END FROM schools s JOIN areas a ON "
           "a.id = s.area_id WHERE s.id = " + school;
  };
  const int64_t own_township = c.s.ids(township_of(id(c.own))).at(0);
  const int64_t far = c.s.ids("SELECT st.school_id FROM students st JOIN classes k ON k.id = st.class_id WHERE "
                              "st.status = '在读' AND k.school_year = (SELECT MAX(school_year) FROM classes) AND "
                              "st.school_id <> " + id(c.target) + " AND (" + township_of("st.school_id") +
                              ") NOT IN (" + id(own_township) + ", (" + township_of(id(c.target)) +
                              ")) ORDER BY st.school_id LIMIT 1").at(0);
  const int64_t far_township = c.s.ids(township_of(id(far))).at(0);
  const int64_t far_student = c.s.ids("SELECT id FROM students WHERE status = '在读' AND class_id IS NOT NULL AND "
                                      "school_id = " + id(far) + " ORDER BY id LIMIT 1").at(0);
  json made = c.s.admin_call("POST", "/users", {{"username", "far_admin"}, {"display_name", "外乡镇学校管理员"},
                                                 {"password", "Matrix2026"}, {"role", "school_admin"}, {"school_id", far}});
  ASSERT_EQ(made["status"], 201) << made.dump();
  c.logins["far_admin"] = c.s.login("far_admin", "Matrix2026");
  std::vector<int64_t> cases;
  for (int i = 0; i < 3; ++i) cases.push_back(c.apply(c.student()).body["case"]["id"]);
  Reply far_case = c.apply(far_student, "far_admin");
  ASSERT_EQ(far_case.status, 201) << far_case.body.dump();
  cases.push_back(far_case.body["case"]["id"]);
  for (int64_t case_id : cases) {
    ASSERT_EQ(c.act(case_id, action_named(workflow, "accept"), "receiver").status, 200);
    c.s.exec("UPDATE cases SET due_on = '2020-01-01' WHERE id = " + id(case_id));
  }

  Reply overdue = c.s.call("GET", "/cases/overdue", &c.logins["admin"]);
  ASSERT_EQ(overdue.status, 200);
  EXPECT_EQ(overdue.body["total"], 4);
  const json& townships = overdue.body["townships"];
  ASSERT_EQ(townships.size(), 2u) << overdue.body.dump();
  EXPECT_EQ(townships[0]["township_id"], own_township);
  EXPECT_EQ(townships[0]["township_name"], c.s.text("SELECT name FROM areas WHERE id = " + id(own_township)));
  EXPECT_EQ(townships[0]["overdue"], 3);
  ASSERT_EQ(townships[0]["schools"].size(), 1u);
  EXPECT_EQ(townships[0]["schools"][0]["school_id"], c.own);
  EXPECT_EQ(townships[0]["schools"][0]["overdue"], 3);
  EXPECT_EQ(townships[1]["township_id"], far_township);
  EXPECT_EQ(townships[1]["overdue"], 1);
  EXPECT_EQ(townships[1]["schools"][0]["school_id"], far);
  EXPECT_EQ(overdue.body["items"].size(), 2u);  // the same schools, each naming its township
  for (const json& school : overdue.body["items"])
    EXPECT_EQ(school["township_id"], school["school_id"] == c.own ? own_township : far_township);

  Reply officer = c.s.call("GET", "/cases/overdue", &c.logins["officer"]);
  const int64_t officer_township = c.s.ids("SELECT CASE WHEN a.level = '学区' THEN a.parent_id ELSE a.id END FROM "
                                           "users u JOIN areas a ON a.id = u.area_id WHERE u.username = 'officer'").at(0);
  for (const json& t : officer.body["townships"]) EXPECT_EQ(t["township_id"], officer_township);
  EXPECT_EQ(officer.body["total"], officer_township == own_township ? 3 : officer_township == far_township ? 1 : 0);
}

// A transfer the receiving school leaves past its deadline expires when the
// next list is drawn: closed by 系统, the student where they were, and a new
// application possible.
TEST(Cases, AnExpiredTransferChangesNothing) {
  County c;
  const int64_t student = c.student();
  const std::string home = whereabouts(c, student);
  const int64_t case_id = c.apply(student).body["case"]["id"];
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["receiver"]).body["total"], 1);
  c.s.exec("UPDATE cases SET due_on = '2020-01-01' WHERE id = " + id(case_id));
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["receiver"]).body["total"], 0);
  Reply shown = c.s.call("GET", "/cases/" + id(case_id), &c.logins["school_admin"]);
  EXPECT_EQ(shown.body["case"]["state"], "已过期");
  EXPECT_FALSE(shown.body["case"]["overdue"].get<bool>());
  ASSERT_EQ(shown.body["log"].size(), 2u);
  EXPECT_EQ(shown.body["log"][1]["username"], "系统");
  EXPECT_EQ(shown.body["log"][1]["action_label"], "逾期未办理,系统自动关闭");
  EXPECT_EQ(whereabouts(c, student), home);
  EXPECT_EQ(c.apply(student).status, 201);
}

// Each kind's effect on the register, on its final approval only: status,
// school, class and grade (and the current year's enrolment with them),
// checked against what the student was.
TEST(Cases, EachKindChangesTheRegisterAsDeclared) {
  County c;
  struct Expected {
    std::string kind, status;
    bool new_class;  // into the class the application named
    int grade_change;
  };
  const std::vector<Expected> kinds = {
      {"transfer_out", "转出", false, 0}, {"suspend", "休学", false, 0},  {"resume", "在读", true, 0},
      {"dropout_report", "辍学", false, 0}, {"withdrawal", "退学", false, 0}, {"death", "死亡", false, 0},
      {"repeat_grade", "在读", true, -1},  {"skip_grade", "在读", true, 1}};
  auto row = [&](int64_t student) {
    return c.s.text("SELECT st.status || '/' || st.school_id || '/' || st.class_id || '/' || k.grade || '/' || "
                    "e.status || '/' || e.class_id FROM students st JOIN classes k ON k.id = st.class_id "
                    "JOIN enrolments e ON e.student_id = st.id AND e.school_year = k.school_year WHERE st.id = " +
                    id(student));
  };
  for (const Expected& e : kinds) {
    json workflow = workflow_named(c, e.kind);
    const int64_t student = student_for(c, workflow);
    const std::string before = row(student);
    const int64_t grade = c.s.ids("SELECT k.grade FROM students st JOIN classes k ON k.id = st.class_id WHERE st.id = " +
                                  id(student)).at(0);
    const json& apply = action_named(workflow, "apply");
    const json body = body_for(c, workflow, apply, student);
    Reply opened = open_by(c, workflow, apply, student, "school_admin");
    ASSERT_EQ(opened.status, 201) << e.kind << opened.body.dump();
    EXPECT_EQ(row(student), before) << e.kind << ": nothing changes before the approval";
    Reply done = act_on(c, workflow, opened.body["case"]["id"], action_named(workflow, "approve"), student, "admin");
    ASSERT_EQ(done.status, 200) << e.kind << done.body.dump();
    const int64_t klass = e.new_class ? body["class_id"].get<int64_t>()
                                      : c.s.ids("SELECT class_id FROM students WHERE id = " + id(student)).at(0);
    EXPECT_EQ(row(student), e.status + "/" + id(c.own) + "/" + id(klass) + "/" + id(grade + e.grade_change) + "/" +
                                e.status + "/" + id(klass))
        << e.kind;
    EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'student' AND entity_id = " + id(student)).at(0), 1)
        << e.kind << ": the change is audited";
  }
}

// 转入 from outside the county: the application carries the student's data,
// checked as the register checks a new student (a used ID number is refused
// at once); nothing is in the register until the approval creates the
// student, 在读 in the class named, and the case names them from then on.
TEST(Cases, ATransferInCreatesTheStudentOnApprovalOnly) {
  County c;
  json workflow = workflow_named(c, "transfer_in");
  const json& apply = action_named(workflow, "apply");
  const int64_t model = c.student();  // a student of the grade the class is of
  json body = body_for(c, workflow, apply, model);
  body["kind"] = "transfer_in";
  json used = body;
  used["id_number"] = c.s.text("SELECT id_number FROM students WHERE id = " + id(model));
  used["gender"] = c.s.text("SELECT gender FROM students WHERE id = " + id(model));
  Reply r = c.s.call("POST", "/cases", &c.logins["school_admin"], used);
  EXPECT_EQ(r.status, 409) << r.body.dump();
  EXPECT_EQ(r.body["field"], "id_number");
  const int64_t students = c.s.ids("SELECT COUNT(*) FROM students").at(0);
  Reply opened = c.s.call("POST", "/cases", &c.logins["school_admin"], body);
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  EXPECT_EQ(opened.body["case"]["student_name"], "转入生");
  EXPECT_EQ(opened.body["case"]["student_id"], 0);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM students").at(0), students);
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["admin"]).body["total"], 1);
  Reply done = c.s.call("POST", "/cases/" + id(opened.body["case"]["id"].get<int64_t>()) + "/actions/approve",
                        &c.logins["admin"], json::object());
  ASSERT_EQ(done.status, 200) << done.body.dump();
  EXPECT_EQ(done.body["case"]["state"], "已转入");
  const int64_t created = done.body["case"]["student_id"];
  ASSERT_GT(created, 0);
  EXPECT_EQ(c.s.text("SELECT name || '/' || status || '/' || school_id || '/' || class_id || '/' || id_number "
                     "FROM students WHERE id = " + id(created)),
            "转入生/在读/" + id(c.own) + "/" + id(body["class_id"].get<int64_t>()) + "/" +
                body["id_number"].get<std::string>());
  EXPECT_EQ(c.s.text("SELECT status || '/' || class_id FROM enrolments WHERE student_id = " + id(created)),
            "在读/" + id(body["class_id"].get<int64_t>()));
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity = 'student' AND entity_id = " +
                    id(created)).at(0), 1);
}

// 县内转学 requested by the receiving school: it names the student by 身份证号
// (learning only whether a 在读 student has it), the sending school
// releases, the bureau approves and the student moves into the class named.
TEST(Cases, TheReceivingSchoolRequestsAndTheSenderReleases) {
  County c;
  json workflow = workflow_named(c, "transfer");
  const int64_t student = c.student();
  const std::string number = c.s.text("SELECT id_number FROM students WHERE id = " + id(student));
  auto request = [&](const std::string& id_number) {
    return c.s.call("POST", "/cases", &c.logins["receiver"],
                    {{"kind", "transfer"}, {"action", "request"}, {"id_number", id_number},
                     {"class_id", c.target_class}, {"reason", "随父母迁居"}, {"date", "2026-11-20"}});
  };
  // No such student, or not 在读: the same answer, no details.
  const std::string unknown = number.substr(0, 14) + (number[14] == '9' ? "0" : "9") + number.substr(15);
  Reply r = request(unknown);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "id_number");
  const int64_t gone = c.student();
  c.s.exec("UPDATE students SET status = '转出' WHERE id = " + id(gone));
  Reply r2 = request(c.s.text("SELECT id_number FROM students WHERE id = " + id(gone)));
  EXPECT_EQ(r2.status, 422);
  EXPECT_EQ(r2.body["message"].get<std::string>().substr(0, 12), r.body["message"].get<std::string>().substr(0, 12));
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM cases").at(0), 0);
  // Found: the name is confirmed, the number shown masked.
  Reply opened = request(number);
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  const json& opened_case = opened.body["case"];
  EXPECT_EQ(opened_case["state"], "待转出校确认");
  EXPECT_EQ(opened_case["school_id"], c.own);
  EXPECT_EQ(opened_case["student_name"], c.s.text("SELECT name FROM students WHERE id = " + id(student)));
  EXPECT_EQ(opened_case["fields"]["id_number"].get<std::string>().find(number.substr(6, 8)), std::string::npos);
  const int64_t case_id = opened_case["id"];
  EXPECT_EQ(c.s.call("GET", "/cases?box=todo", &c.logins["school_admin"]).body["total"], 1);
  const std::string home = whereabouts(c, student);
  ASSERT_EQ(c.act(case_id, action_named(workflow, "release"), "school_admin").status, 200);
  EXPECT_EQ(whereabouts(c, student), home);
  ASSERT_EQ(c.act(case_id, action_named(workflow, "approve"), "admin").status, 200);
  EXPECT_EQ(whereabouts(c, student), id(c.target) + "/" + id(c.target_class) + "/" + id(c.target));
}

// 休学: at most a year; one extension, at most a year beyond; not in the
// second term of a graduating grade.
TEST(Cases, SuspensionKeepsItsLimits) {
  County c;
  json workflow = workflow_named(c, "suspend");
  const json& apply = action_named(workflow, "apply");
  const int64_t student = student_for(c, workflow);
  auto open_with = [&](int64_t who, const std::string& date, const std::string& until) {
    json b = body_for(c, workflow, apply, who);
    b["kind"] = "suspend";
    b["date"] = date;
    b["until"] = until;
    return c.s.call("POST", "/cases", &c.logins["school_admin"], b);
  };
  Reply r = open_with(student, "2026-11-20", "2027-11-21");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "until");
  r = open_with(student, "2026-11-20", "2026-11-20");
  EXPECT_EQ(r.status, 422);
  const int64_t graduating = c.s.ids("SELECT st.id FROM students st JOIN classes k ON k.id = st.class_id WHERE "
                                     "st.school_id = " + id(c.own) + " AND st.status = '在读' AND k.section = '小学' "
                                     "AND k.grade = 6 AND k.school_year = (SELECT MAX(school_year) FROM classes) LIMIT 1").at(0);
  r = open_with(graduating, "2027-03-01", "2027-07-01");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body["message"].get<std::string>().find("第二学期"), std::string::npos) << r.body.dump();
  EXPECT_EQ(open_with(graduating, "2026-12-01", "2027-07-01").status, 201) << "the first term is allowed";
  // Approved, then extended once, no further than a year beyond the first end.
  Reply opened = open_with(student, "2026-11-20", "2027-06-30");
  ASSERT_EQ(opened.status, 201);
  const int64_t case_id = opened.body["case"]["id"];
  ASSERT_EQ(act_on(c, workflow, case_id, action_named(workflow, "approve"), student, "admin").status, 200);
  auto extend = [&](const std::string& until) {
    return c.s.call("POST", "/cases/" + id(case_id) + "/actions/extend", &c.logins["school_admin"],
                    {{"until", until}, {"reason", "仍需治疗"}, {"evidence", evidence_of(c, "school_admin")}});
  };
  EXPECT_EQ(extend("2028-07-01").status, 422);
  EXPECT_EQ(extend("2027-06-30").status, 422);
  ASSERT_EQ(extend("2028-06-30").status, 200);
  ASSERT_EQ(act_on(c, workflow, case_id, action_named(workflow, "approve_extension"), student, "admin").status, 200);
  Reply again = extend("2028-12-31");
  EXPECT_EQ(again.status, 409) << "one extension only";
  EXPECT_EQ(c.s.text("SELECT status FROM students WHERE id = " + id(student)), "休学");
}

// 免考申请: the school applies (with its evidence file) for a candidate of an
// exam; nothing is exempt until the bureau approves, which writes the
// approved exemption and bumps the exam's data version once; a refused one
// writes nothing; a student off the exam's roster is refused, naming them.
TEST(Cases, AnExemptionIsWrittenOnApprovalOnly) {
  County c;
  json workflow = workflow_named(c, "exemption");
  const json& apply = action_named(workflow, "apply");
  auto version = [&](int64_t exam) { return c.s.ids("SELECT data_version FROM exams WHERE id = " + id(exam)).at(0); };
  auto exempt = [&](int64_t exam) {
    return c.s.text("SELECT COUNT(*) || '/' || COALESCE(MAX(subject), '') || '/' || COALESCE(MAX(status), '') "
                    "FROM exam_exemptions WHERE exam_id = " + id(exam));
  };
  const int64_t student = c.student();
  Reply opened = open_by(c, workflow, apply, student, "school_admin");
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  const int64_t exam = c.exams.begin()->second, before = version(exam);
  EXPECT_EQ(exempt(exam), "0//");
  EXPECT_EQ(opened.body["case"]["state"], "待教育局审批");
  ASSERT_EQ(act_on(c, workflow, opened.body["case"]["id"], action_named(workflow, "approve"), student, "admin").status,
            200);
  EXPECT_EQ(exempt(exam), "1/数学/已批准");
  EXPECT_EQ(version(exam), before + 1);
  EXPECT_EQ(c.s.admin_call("GET", "/exams/" + id(exam) + "/exemptions")["body"]["items"][0]["student_id"], student);
  // Refused: nothing written.
  const int64_t other = c.student();
  opened = open_by(c, workflow, apply, other, "school_admin");
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  ASSERT_EQ(act_on(c, workflow, opened.body["case"]["id"], action_named(workflow, "refuse"), other, "admin").status, 200);
  EXPECT_EQ(exempt(exam), "1/数学/已批准");
  EXPECT_EQ(version(exam), before + 1);
  // A student of another grade is not on the exam's roster.
  json body = body_for(c, workflow, apply, c.student());
  body["kind"] = "exemption";
  body["exam_id"] = c.s.admin_call("POST", "/exams", {{"name", "别的年级"}, {"date", "2026-12-01"}, {"grade", 1},
                                                      {"subjects", json::array({json{{"name", "数学"}}})}})["body"]["exam"]["id"];
  Reply r = c.s.call("POST", "/cases", &c.logins["school_admin"], body);
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body["field"], "student_id");
  body["exam_id"] = exam;
  body["subject"] = "体育";
  r = c.s.call("POST", "/cases", &c.logins["school_admin"], body);
  EXPECT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body["field"], "subject");
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
