// 交流轮岗 (workflow/exchange_workflow.cpp, GET /exchange/plan) through the
// API on a demo county of its own: the plan's quotas as the rules say, a
// proposal taken to approval moving the teacher (register, this year's
// teacher_years row, the exchange record, the audit) and back on return,
// and refusals by the wrong parties changing nothing; 撤回 by the party that
// opened it; the planner's proposals opened all at once or none.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

struct County {
  OwnServer s{"exchange"};
  int64_t own = 0, target = 0, year = 0;
  std::vector<int64_t> teachers;  // at `own`
  std::map<std::string, Login> logins;
  County() {
    own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
    target = s.ids("SELECT id FROM schools WHERE id <> " + id(own) + " ORDER BY id LIMIT 1").at(0);
    year = s.ids("SELECT MAX(school_year) FROM classes").at(0);
    teachers = s.ids("SELECT id FROM teachers WHERE school_id = " + id(own) + " ORDER BY id");
    json made = s.admin_call("POST", "/users",
                             {{"username", "receiver"}, {"display_name", "接收校管理员"},
                              {"password", "Matrix2026"}, {"role", "school_admin"}, {"school_id", target}});
    EXPECT_EQ(made["status"], 201) << made.dump();
    for (const char* r : {"admin", "officer", "school_admin", "teacher"}) logins[r] = s.login(r);
    logins["receiver"] = s.login("receiver", "Matrix2026");
  }
  Reply propose(int64_t teacher, int64_t to, const std::string& who = "admin") {
    return s.call("POST", "/cases", &logins[who],
                  {{"kind", "exchange"}, {"action", who == "admin" ? "propose" : "apply"}, {"teacher_id", teacher},
                   {"target_school_id", to}, {"start_on", id(year) + "-09-01"}, {"years", "3"}});
  }
  Reply act(int64_t case_id, const std::string& action, const std::string& who, const json& body = json::object()) {
    return s.call("POST", "/cases/" + id(case_id) + "/actions/" + action, &logins[who], body);
  }
  int64_t school_of(int64_t teacher) { return s.ids("SELECT school_id FROM teachers WHERE id = " + id(teacher)).at(0); }
  int64_t year_school_of(int64_t teacher) {
    return s.ids("SELECT school_id FROM teacher_years WHERE teacher_id = " + id(teacher) +
                 " AND school_year = " + id(year)).at(0);
  }
};

TEST(Exchange, AProposalApprovedMovesTheTeacherAndTheReturnBringsThemBack) {
  County c;
  const int64_t t = c.teachers.at(0);
  Reply opened = c.propose(t, c.target);
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  const int64_t case_id = opened.body["case"]["id"];
  EXPECT_EQ(opened.body["case"]["state"], "待派出校同意");
  EXPECT_EQ(opened.body["case"]["teacher_id"], t);
  EXPECT_FALSE(opened.body["case"]["teacher_name"].get<std::string>().empty());
  EXPECT_EQ(opened.body["case"]["school_id"], c.own);
  // It waits in the sending school's 待办, then the receiving school's, then the bureau's.
  auto waiting_for = [&](const std::string& who) {
    const json todo = c.s.call("GET", "/cases?box=todo", &c.logins[who]).body;
    for (const json& item : todo["items"])
      if (item["id"] == case_id) return true;
    return false;
  };
  EXPECT_TRUE(waiting_for("school_admin"));
  EXPECT_FALSE(waiting_for("receiver"));
  ASSERT_EQ(c.act(case_id, "agree", "school_admin").status, 200);
  EXPECT_TRUE(waiting_for("receiver"));
  ASSERT_EQ(c.act(case_id, "accept", "receiver").status, 200);
  EXPECT_TRUE(waiting_for("admin"));
  EXPECT_EQ(c.school_of(t), c.own) << "nothing moves before the approval";
  Reply approved = c.act(case_id, "approve", "admin");
  ASSERT_EQ(approved.status, 200) << approved.body.dump();
  EXPECT_EQ(approved.body["case"]["state"], "交流中");
  EXPECT_EQ(c.school_of(t), c.target);
  EXPECT_EQ(c.year_school_of(t), c.target) << "this year's row follows";
  EXPECT_EQ(c.s.text("SELECT return_on FROM teacher_exchanges WHERE case_id = " + id(case_id)),
            id(c.year + 3) + "-09-01");
  EXPECT_EQ(c.s.ids("SELECT home_school_id FROM teacher_exchanges WHERE case_id = " + id(case_id)).at(0), c.own);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM audit_log l JOIN audit_changes x ON x.audit_id = l.id WHERE l.entity = "
                    "'teacher' AND l.action = 'update' AND l.entity_id = " + id(t) + " AND x.field = 'school_id'").at(0),
            1);
  // The plan lists the move (approved) and the exchange away with its return date.
  json plan = c.s.call("GET", "/exchange/plan?year=" + id(c.year), &c.logins["admin"]).body;
  bool listed = false;
  for (const json& school : plan["schools"])
    for (const json& m : school["moves"]) listed = listed || (m["case_id"] == case_id && m["approved"] == true);
  EXPECT_TRUE(listed) << plan.dump().substr(0, 2000);
  ASSERT_EQ(plan["away"].size(), 1u);
  EXPECT_EQ(plan["away"][0]["return_on"], id(c.year + 3) + "-09-01");
  // The teacher's history, seen from their new school.
  json history = c.s.call("GET", "/exchange/teachers/" + id(t), &c.logins["receiver"]).body;
  ASSERT_EQ(history["exchanges"].size(), 1u);
  EXPECT_EQ(history["exchanges"][0]["home_school_id"], c.own);
  EXPECT_EQ(history["exchanges"][0]["returned_on"], "");
  // Another exchange for the same teacher while this one is open: refused.
  EXPECT_EQ(c.propose(t, c.own).status, 409);
  // The return, by the bureau.
  Reply back = c.act(case_id, "return", "admin", {{"date", id(c.year + 3) + "-08-31"}});
  ASSERT_EQ(back.status, 200) << back.body.dump();
  EXPECT_EQ(back.body["case"]["state"], "已返回");
  EXPECT_EQ(c.school_of(t), c.own);
  EXPECT_EQ(c.year_school_of(t), c.own);
  EXPECT_EQ(c.s.text("SELECT returned_on FROM teacher_exchanges WHERE case_id = " + id(case_id)),
            id(c.year + 3) + "-08-31");
  EXPECT_EQ(c.s.call("GET", "/exchange/plan?year=" + id(c.year), &c.logins["admin"]).body["away"].size(), 0u);
}

TEST(Exchange, WrongPartiesAreRefusedAndChangeNothing) {
  County c;
  const int64_t t = c.teachers.at(1);
  // A school cannot propose another school's teacher, nor send one to itself.
  EXPECT_EQ(c.propose(t, c.own, "receiver").status, 422);
  EXPECT_EQ(c.propose(t, c.own).status, 422) << "the receiving school is the teacher's own";
  Reply opened = c.propose(t, c.target, "school_admin");  // the sending school applies itself
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  const int64_t case_id = opened.body["case"]["id"];
  EXPECT_EQ(opened.body["case"]["state"], "待接收校同意");
  for (const std::string who : {"school_admin", "admin", "officer", "teacher"}) {
    Reply refused = c.act(case_id, "accept", who);
    EXPECT_TRUE(refused.status == 403 || refused.status == 404) << who << refused.body.dump();
  }
  EXPECT_EQ(c.act(case_id, "approve", "admin").status, 409) << "not before the receiving school";
  ASSERT_EQ(c.act(case_id, "accept", "receiver").status, 200);
  EXPECT_EQ(c.act(case_id, "approve", "receiver").status, 403);
  Reply no_reason = c.act(case_id, "refuse", "admin");
  EXPECT_EQ(no_reason.status, 422) << "a refusal names its reason";
  Reply refused = c.act(case_id, "refuse", "admin", {{"reason", "接收学校岗位已满"}});
  ASSERT_EQ(refused.status, 200);
  EXPECT_EQ(refused.body["case"]["state"], "已退回");
  EXPECT_EQ(c.school_of(t), c.own);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM teacher_exchanges").at(0), 0);
  // Refused, the teacher may be proposed again.
  EXPECT_EQ(c.propose(t, c.target).status, 201);
}

// The plan's quotas follow the rules: ⌈10% of the eligible⌉ movers and
// ⌈20% of the movers⌉ 骨干; a school admin sees their own school alone; a
// teacher none of it.
TEST(Exchange, PlanQuotasOnTheDemoCounty) {
  County c;
  c.s.exec("INSERT INTO settings (key, value) VALUES ('exchange.sending_locations', '城区,镇区,乡村')");
  c.s.exec("INSERT INTO settings (key, value) VALUES ('exchange.min_years', '1')");
  ASSERT_EQ(c.propose(c.teachers.at(2), c.target).status, 201);
  json plan = c.s.call("GET", "/exchange/plan", &c.logins["admin"]).body;
  EXPECT_EQ(plan["year"], c.year);
  EXPECT_EQ(plan["rules"]["min_years"], 1);
  ASSERT_FALSE(plan["schools"].empty());
  int64_t eligible = 0;
  for (const json& school : plan["schools"]) {
    ASSERT_TRUE(school["must_send"].get<bool>());
    const json& q = school["moving"];
    EXPECT_EQ(q["denominator"], school["eligible"].size());
    EXPECT_EQ(q["need"], (q["denominator"].get<int64_t>() * 10 + 99) / 100);
    int64_t counted = 0;
    for (const json& m : school["moves"]) counted += m["counts"].get<bool>() ? 1 : 0;
    EXPECT_EQ(q["numerator"], counted) << "only eligible movers count";
    EXPECT_EQ(school["counted_moving"], counted);
    EXPECT_EQ(q["met"], q["numerator"].get<int64_t>() >= q["need"].get<int64_t>());
    const json& b = school["backbone"];
    EXPECT_EQ(b["denominator"], counted);
    EXPECT_EQ(b["need"], (b["denominator"].get<int64_t>() * 20 + 99) / 100);
    eligible += school["eligible"].size();
    for (const json& e : school["eligible"]) EXPECT_FALSE(e["why"].get<std::string>().empty());
  }
  // Every 在编 专任教师 under the age limits is eligible with a one-year minimum.
  EXPECT_EQ(eligible, c.s.ids("SELECT COUNT(*) FROM teachers WHERE post = '专任教师' AND on_staff = 1 AND "
                              "((gender = '男' AND birth_date > '" + id(c.year - 55) + "-09-01') OR "
                              "(gender = '女' AND birth_date > '" + id(c.year - 50) + "-09-01'))").at(0));
  ASSERT_EQ(plan["whatif"]["changes"].size(), 1u) << "the pending proposal as a what-if move";
  json mine = c.s.call("GET", "/exchange/plan", &c.logins["school_admin"]).body;
  for (const json& school : mine["schools"]) EXPECT_EQ(school["school_id"], c.own);
  EXPECT_EQ(c.s.call("GET", "/exchange/plan", &c.logins["teacher"]).status, 403);
  EXPECT_EQ(c.s.call("GET", "/exchange/plan?year=abc", &c.logins["admin"]).status, 400);
}

// The bureau withdraws its proposal while the sending school has not agreed;
// the school withdraws its application while the receiving school or the
// bureau decides; neither withdraws the other's, and a reason is required.
TEST(Exchange, TheOpeningPartyWithdraws) {
  County c;
  const int64_t t = c.teachers.at(3);
  Reply proposed = c.propose(t, c.target);
  ASSERT_EQ(proposed.status, 201) << proposed.body.dump();
  const int64_t proposal = proposed.body["case"]["id"];
  EXPECT_EQ(c.act(proposal, "withdraw", "school_admin", {{"reason", "不愿交流"}}).status, 409)
      << "the school's 撤回申请 is not for a proposal waiting on it";
  EXPECT_EQ(c.act(proposal, "withdraw_proposal", "school_admin", {{"reason", "不愿交流"}}).status, 403);
  EXPECT_EQ(c.act(proposal, "withdraw_proposal", "admin").status, 422) << "a withdrawal names its reason";
  Reply withdrawn = c.act(proposal, "withdraw_proposal", "admin", {{"reason", "规划调整"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body.dump();
  EXPECT_EQ(withdrawn.body["case"]["state"], "已撤回");
  EXPECT_EQ(withdrawn.body["case"]["due_on"], "");
  const json plan = c.s.call("GET", "/exchange/plan", &c.logins["admin"]).body;
  for (const json& school : plan["schools"])
    for (const json& m : school["moves"]) EXPECT_NE(m["case_id"], proposal) << "a withdrawn move is no move";
  // The school's own application, withdrawn while the bureau decides.
  Reply applied = c.propose(t, c.target, "school_admin");
  ASSERT_EQ(applied.status, 201) << "withdrawn, the teacher may be proposed again";
  const int64_t application = applied.body["case"]["id"];
  EXPECT_EQ(c.act(application, "withdraw_proposal", "admin", {{"reason", "x"}}).status, 409);
  ASSERT_EQ(c.act(application, "accept", "receiver").status, 200);
  EXPECT_EQ(c.act(application, "withdraw", "admin", {{"reason", "x"}}).status, 403);
  EXPECT_EQ(c.act(application, "withdraw", "receiver", {{"reason", "x"}}).status, 403);
  Reply back = c.act(application, "withdraw", "school_admin", {{"reason", "教师家庭原因"}});
  ASSERT_EQ(back.status, 200) << back.body.dump();
  EXPECT_EQ(back.body["case"]["state"], "已撤回");
  const std::string last = " FROM case_log WHERE case_id = " + id(application) + " ORDER BY id DESC LIMIT 1";
  EXPECT_EQ(c.s.text("SELECT action" + last), "withdraw");
  EXPECT_NE(c.s.text("SELECT fields" + last).find("教师家庭原因"), std::string::npos) << "the reason is kept";
  EXPECT_EQ(c.school_of(t), c.own);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM teacher_exchanges").at(0), 0);
}

// The planner's moves in one request: a refusal at the third names it and
// its teacher and opens none; the same list without it opens both, in order.
TEST(Exchange, ProposalsAreOpenedAllOrNone) {
  County c;
  const int64_t a = c.teachers.at(4), b = c.teachers.at(5), busy = c.teachers.at(6);
  ASSERT_EQ(c.propose(busy, c.target).status, 201);
  const std::string busy_name = c.s.text("SELECT name FROM teachers WHERE id = " + id(busy));
  auto move = [&](int64_t t) {
    return json{{"teacher_id", t}, {"target_school_id", c.target}, {"start_on", id(c.year) + "-09-01"}, {"years", "3"}};
  };
  auto cases = [&] { return c.s.ids("SELECT COUNT(*) FROM cases WHERE kind = 'exchange'").at(0); };
  const int64_t before = cases();
  Reply refused = c.s.call("POST", "/exchange/proposals", &c.logins["admin"],
                           {{"proposals", json::array({move(a), move(b), move(busy)})}});
  EXPECT_EQ(refused.status, 409) << refused.body.dump();
  EXPECT_EQ(refused.body["message"], "第3条(" + busy_name + "):该教师已有未办结的交流轮岗申请,不能重复申请");
  EXPECT_EQ(cases(), before) << "none opened";
  Reply twice = c.s.call("POST", "/exchange/proposals", &c.logins["admin"],
                         {{"proposals", json::array({move(a), move(a)})}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.body["message"].get<std::string>().rfind("第2条(", 0), 0u) << twice.body.dump();
  EXPECT_EQ(cases(), before);
  json bad_date = move(b);
  bad_date["start_on"] = "2026-13-40";
  Reply invalid = c.s.call("POST", "/exchange/proposals", &c.logins["admin"],
                           {{"proposals", json::array({move(a), bad_date})}});
  EXPECT_EQ(invalid.status, 422) << invalid.body.dump();
  EXPECT_EQ(invalid.body["message"].get<std::string>().rfind("第2条(", 0), 0u) << invalid.body.dump();
  EXPECT_EQ(cases(), before);
  Reply opened = c.s.call("POST", "/exchange/proposals", &c.logins["admin"],
                          {{"proposals", json::array({move(a), move(b)})}});
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  ASSERT_EQ(opened.body["cases"].size(), 2u);
  EXPECT_EQ(opened.body["cases"][0]["teacher_id"], a);
  EXPECT_EQ(opened.body["cases"][1]["teacher_id"], b);
  EXPECT_EQ(opened.body["cases"][0]["state"], "待派出校同意");
  EXPECT_EQ(cases(), before + 2);
  // A school admin does not propose; an empty list proposes nothing.
  EXPECT_EQ(c.s.call("POST", "/exchange/proposals", &c.logins["school_admin"],
                     {{"proposals", json::array({move(c.teachers.at(7))})}}).status, 403);
  EXPECT_EQ(c.s.call("POST", "/exchange/proposals", &c.logins["admin"], {{"proposals", json::array()}}).status, 422);
  EXPECT_EQ(cases(), before + 2);
}

}  // namespace
}  // namespace edu::apitest
