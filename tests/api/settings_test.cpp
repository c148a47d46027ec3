// 办理时限 (workflow/workflow_settings.h) through the API: every workflow's
// waiting states listed with their declared default, a changed deadline
// giving the next case its new due date (and the case already waiting keeping
// its own), a 需教育局审批 switch stored as the engine reads it, each change
// audited, an unchanged one writing nothing; the county's rules (交流轮岗,
// 职称评聘, 继续教育: workflow/county_rules.h) listed by group with their
// defaults, a changed rule changing who is eligible, a bad value refused in
// Chinese and changing nothing.
#include <gtest/gtest.h>

#include "core/date.h"
#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }
const char* const kReceiving = "case_deadline_days.transfer.待转入校确认";

const json* find_by(const json& list, const char* key, const std::string& value) {
  for (const json& x : list)
    if (x[key] == value) return &x;
  return nullptr;
}

TEST(Settings, ListsEveryWaitingStateWithItsDefault) {
  OwnServer s("settings_list");
  json r = s.admin_call("GET", "/settings/workflows");
  ASSERT_EQ(r["status"], 200) << r.dump();
  const json& items = r["body"]["items"];
  const json* transfer = find_by(items, "kind", "transfer");
  ASSERT_TRUE(transfer);
  EXPECT_EQ(transfer->at("title"), "县内转学");
  const json* receiving = find_by(transfer->at("deadlines"), "setting", kReceiving);
  ASSERT_TRUE(receiving);
  EXPECT_EQ(receiving->at("state"), "待转入校确认");
  EXPECT_EQ(receiving->at("waits_for"), "receiving_school");
  EXPECT_EQ(receiving->at("default_days"), 7);
  EXPECT_EQ(receiving->at("days"), 7);
  const json* sw = find_by(transfer->at("switches"), "setting", "transfer_needs_bureau");
  ASSERT_TRUE(sw);
  EXPECT_EQ(sw->at("on"), true);
  // 控辍保学: 待核实认定 has days; 劝返中's due date is always the next visit's, so it is not listed.
  const json* dropout = find_by(items, "kind", "dropout");
  ASSERT_TRUE(dropout);
  ASSERT_EQ(dropout->at("deadlines").size(), 1u);
  EXPECT_EQ(dropout->at("deadlines")[0]["state"], "待核实认定");
  // Every declared workflow shows up (GET /meta/workflows lists them all).
  const json meta = s.admin_call("GET", "/meta/workflows")["body"];
  for (const json& w : meta["workflows"])
    for (const json& st : w["states"])
      if (st["deadline_days"].get<int>() > 0)
        EXPECT_TRUE(find_by(find_by(items, "kind", w["kind"])->at("deadlines"), "state", st["key"])) << w["kind"];
}

// The receiving school's deadline goes from 7 to 12 days: a transfer applied
// for before keeps today + 7, the next one gets today + 12.
TEST(Settings, AChangedDeadlineDatesTheNextCase) {
  OwnServer s("settings_deadline");
  const int64_t own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
  const int64_t target = s.ids("SELECT id FROM schools WHERE id <> " + id(own) + " ORDER BY id LIMIT 1").at(0);
  const auto students = s.ids("SELECT id FROM students WHERE school_id = " + id(own) +
                              " AND status = '在读' AND class_id IS NOT NULL ORDER BY id LIMIT 2");
  Login school = s.login("school_admin");
  auto apply = [&](int64_t student) {
    Reply r = s.call("POST", "/cases", &school,
                     {{"kind", "transfer"}, {"student_id", student}, {"target_school_id", target},
                      {"reason", "随父母迁居"}, {"date", "2026-11-20"}});
    EXPECT_EQ(r.status, 201) << r.body.dump();
    return r.body["case"];
  };
  json before = apply(students.at(0));
  // Applied today: due on today + 7 (the server's today).
  const Date due_before = *parse_iso_date(before["due_on"].get<std::string>());

  const int64_t audits = s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'setting'").at(0);
  json changed = s.admin_call("PUT", "/settings/workflows", {{"setting", kReceiving}, {"days", 12}});
  ASSERT_EQ(changed["status"], 200) << changed.dump();
  EXPECT_EQ(find_by(find_by(changed["body"]["items"], "kind", "transfer")->at("deadlines"), "setting", kReceiving)
                ->at("days"), 12);
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = '" + std::string(kReceiving) + "'"), "12");
  EXPECT_EQ(s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'setting'").at(0), audits + 1);
  EXPECT_EQ(s.text("SELECT c.old_value || '→' || c.new_value FROM audit_changes c JOIN audit_log l ON l.id = "
                   "c.audit_id WHERE l.entity = 'setting' ORDER BY l.id DESC LIMIT 1"), "7→12");

  json after = apply(students.at(1));
  EXPECT_EQ(after["due_on"], add_days(due_before, 12 - 7).iso());
  EXPECT_EQ(s.text("SELECT due_on FROM cases WHERE id = " + id(before["id"].get<int64_t>())), due_before.iso());

  // The same value again writes nothing; out of range is refused in Chinese and changes nothing.
  EXPECT_EQ(s.admin_call("PUT", "/settings/workflows", {{"setting", kReceiving}, {"days", 12}})["status"], 200);
  EXPECT_EQ(s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'setting'").at(0), audits + 1);
  json refused = s.admin_call("PUT", "/settings/workflows", {{"setting", kReceiving}, {"days", 400}});
  EXPECT_EQ(refused["status"], 422);
  EXPECT_NE(refused["body"]["message"].get<std::string>().find("1到365之间的整数天数"), std::string::npos);
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = '" + std::string(kReceiving) + "'"), "12");
}

// 休学's 需教育局审批 turned off and on again: stored as the engine reads it ("0"/"1") and shown.
TEST(Settings, ASwitchIsStoredAsTheEngineReadsIt) {
  OwnServer s("settings_switch");
  json off = s.admin_call("PUT", "/settings/workflows", {{"setting", "suspend_needs_bureau"}, {"on", false}});
  ASSERT_EQ(off["status"], 200) << off.dump();
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = 'suspend_needs_bureau'"), "0");
  const json* sw = nullptr;
  for (const json& w : off["body"]["items"])
    if (const json* found = find_by(w["switches"], "setting", "suspend_needs_bureau")) sw = found;
  ASSERT_TRUE(sw);
  EXPECT_EQ(sw->at("on"), false);
  EXPECT_EQ(s.admin_call("PUT", "/settings/workflows", {{"setting", "suspend_needs_bureau"}, {"on", true}})["status"],
            200);
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = 'suspend_needs_bureau'"), "1");
}

const json* rule_of(const json& body, const std::string& key) {
  for (const json& g : body["rules"])
    if (const json* r = find_by(g["rules"], "setting", key)) return r;
  return nullptr;
}

TEST(Settings, RulesAreListedByGroupWithTheirDefaults) {
  OwnServer s("settings_rules");
  json r = s.admin_call("GET", "/settings/workflows");
  ASSERT_EQ(r["status"], 200) << r.dump();
  std::vector<std::string> groups;
  for (const json& g : r["body"]["rules"]) groups.push_back(g["title"]);
  EXPECT_EQ(groups, (std::vector<std::string>{"交流轮岗", "职称评聘", "继续教育"}));
  EXPECT_EQ(r["body"]["rules"][0]["page"], "/exchange");
  const json* years = rule_of(r["body"], "exchange.min_years");
  ASSERT_TRUE(years);
  EXPECT_EQ(years->at("kind"), "number");
  EXPECT_EQ(years->at("value"), "6");
  EXPECT_EQ(years->at("default"), "6");
  EXPECT_EQ(years->at("unit"), "年");
  EXPECT_EQ(years->at("min"), 1);
  EXPECT_EQ(years->at("max"), 30);
  EXPECT_EQ(rule_of(r["body"], "exchange.male_age_limit")->at("value"), "55");
  EXPECT_EQ(rule_of(r["body"], "exchange.female_age_limit")->at("value"), "50");
  EXPECT_EQ(rule_of(r["body"], "exchange.sending_locations")->at("value"), "城区,镇区");
  EXPECT_EQ(rule_of(r["body"], "exchange.sending_locations")->at("kind"), "locations");
  EXPECT_EQ(rule_of(r["body"], "exchange.quality_schools")->at("kind"), "school_codes");
  EXPECT_EQ(rule_of(r["body"], "exchange.service_years")->at("value"), "3");
  EXPECT_EQ(rule_of(r["body"], "title_years_required.高级")->at("value"), "5");
  EXPECT_EQ(rule_of(r["body"], "title_years_required.三级")->at("value"), "1");
  EXPECT_EQ(rule_of(r["body"], "title_rural_years_required")->at("value"), "1");
  EXPECT_EQ(rule_of(r["body"], "title_training_hours_required")->at("value"), "0");
  EXPECT_EQ(rule_of(r["body"], "training_required_hours")->at("value"), "360");
  const json* start = rule_of(r["body"], "training_cycle_start_year");
  ASSERT_TRUE(start);
  EXPECT_EQ(start->at("value"), "");
  EXPECT_FALSE(start->at("computed_default").get<std::string>().empty());
}

// exchange.min_years 6 → 3 makes a teacher with 3–5 years at an urban
// school eligible, named in the plan with the new rule in their why; each
// change is audited as 系统设置.
TEST(Settings, ExchangeMinYearsChangesWhoIsEligible) {
  OwnServer s("settings_rule_years");
  auto plan = [&] { return s.admin_call("GET", "/exchange/plan")["body"]; };
  auto eligible = [&](const json& p, int64_t teacher) -> const json* {
    for (const json& school : p["schools"])
      for (const json& e : school["eligible"])
        if (e["teacher_id"] == teacher) return &e;
    return nullptr;
  };
  ASSERT_EQ(s.admin_call("PUT", "/settings/workflows", {{"setting", "exchange.min_years"}, {"value", 1}})["status"],
            200);
  const json one = plan();
  int64_t teacher = 0;
  int years = 0;
  for (const json& school : one["schools"])
    for (const json& e : school["eligible"])
      if (!teacher && e["years_at_school"].get<int>() >= 3 && e["years_at_school"].get<int>() < 6) {
        teacher = e["teacher_id"];
        years = e["years_at_school"];
      }
  ASSERT_NE(teacher, 0) << "the demo county has a teacher 3–5 years at an urban school";
  json six = s.admin_call("PUT", "/settings/workflows", {{"setting", "exchange.min_years"}, {"value", 6}});
  ASSERT_EQ(six["status"], 200) << six.dump();
  EXPECT_EQ(rule_of(six["body"], "exchange.min_years")->at("value"), "6");
  EXPECT_FALSE(eligible(plan(), teacher)) << "with 6 years required, " << years << " are too few";
  ASSERT_EQ(s.admin_call("PUT", "/settings/workflows", {{"setting", "exchange.min_years"}, {"value", 3}})["status"],
            200);
  const json three = plan();
  const json* named = eligible(three, teacher);
  ASSERT_TRUE(named);
  EXPECT_EQ(named->at("why").get<std::string>().rfind("在本校任教" + std::to_string(years) + "年(≥3年)", 0), 0u);
  EXPECT_EQ(three["rules"]["min_years"], 3);
  EXPECT_EQ(s.ids("SELECT COUNT(*) FROM audit_log l JOIN audit_changes c ON c.audit_id = l.id WHERE l.entity = "
                  "'setting' AND c.field = 'exchange.min_years'").at(0), 3);
  EXPECT_EQ(s.text("SELECT c.old_value || '→' || c.new_value FROM audit_changes c JOIN audit_log l ON l.id = "
                   "c.audit_id WHERE l.entity = 'setting' ORDER BY l.id DESC LIMIT 1"), "6→3");
}

// With 城区 schools alone sending, a school elsewhere named as 优质 by its
// code must send; its code is checked.
TEST(Settings, QualitySchoolsByCode) {
  OwnServer s("settings_rule_codes");
  json urban = s.admin_call("PUT", "/settings/workflows",
                            {{"setting", "exchange.sending_locations"}, {"value", json::array({"城区"})}});
  ASSERT_EQ(urban["status"], 200) << urban.dump();
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = 'exchange.sending_locations'"), "城区");
  const int64_t rural = s.ids("SELECT id FROM schools WHERE location <> '城区' ORDER BY id LIMIT 1").at(0);
  const json before = s.admin_call("GET", "/exchange/plan")["body"];
  for (const json& school : before["schools"])
    EXPECT_NE(school["school_id"], rural) << "not 城区, not yet 优质: need not send";
  const std::string code = s.text("SELECT code FROM schools WHERE id = " + id(rural));
  json set = s.admin_call("PUT", "/settings/workflows", {{"setting", "exchange.quality_schools"}, {"value", json::array({code})}});
  ASSERT_EQ(set["status"], 200) << set.dump();
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = 'exchange.quality_schools'"), code);
  bool sends = false;
  const json after = s.admin_call("GET", "/exchange/plan")["body"];
  for (const json& school : after["schools"])
    sends = sends || (school["school_id"] == rural && school["why_sending"] == "优质学校");
  EXPECT_TRUE(sends);
  json unknown = s.admin_call("PUT", "/settings/workflows",
                              {{"setting", "exchange.quality_schools"}, {"value", json::array({code, "4399999999"})}});
  EXPECT_EQ(unknown["status"], 422);
  EXPECT_NE(unknown["body"]["message"].get<std::string>().find("学校代码“4399999999”不是本县的学校"),
            std::string::npos) << unknown.dump();
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = 'exchange.quality_schools'"), code);
  // None at all is allowed: no 优质 school.
  EXPECT_EQ(s.admin_call("PUT", "/settings/workflows",
                         {{"setting", "exchange.quality_schools"}, {"value", json::array()}})["status"], 200);
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = 'exchange.quality_schools'"), "");
}

// Bad values are refused in Chinese and change nothing; only the bureau admin changes a rule.
TEST(Settings, BadRuleValuesAreRefused) {
  OwnServer s("settings_rule_bad");
  auto put = [&](const std::string& key, const json& value) {
    return s.admin_call("PUT", "/settings/workflows", {{"setting", key}, {"value", value}});
  };
  auto message = [](const json& r) { return r["body"]["message"].get<std::string>(); };
  json zero = put("exchange.min_years", 0);
  EXPECT_EQ(zero["status"], 422);
  EXPECT_EQ(message(zero), "“在同一学校连续任教满”须为1到30之间的整数(年)");
  EXPECT_EQ(put("exchange.male_age_limit", 66)["status"], 422);
  EXPECT_EQ(put("training_required_hours", 0)["status"], 422);
  EXPECT_EQ(message(put("exchange.min_years", "3")), "规则的值须为整数或文字列表");
  EXPECT_EQ(put("exchange.min_years", 3.5)["status"], 422);
  EXPECT_EQ(put("exchange.min_years", json::array({"3"}))["status"], 422);
  json mars = put("exchange.sending_locations", json::array({"城区", "火星"}));
  EXPECT_EQ(mars["status"], 422);
  EXPECT_EQ(message(mars), "“须派出教师的学校(城乡类别)”中的“火星”不是城乡类别(应为城区,镇区,乡村之一)");
  EXPECT_EQ(message(put("exchange.sending_locations", json::array())), "“须派出教师的学校(城乡类别)”至少选择一种城乡类别");
  EXPECT_EQ(put("exchange.sending_locations", json::array({"城区", "城区"}))["status"], 422);
  EXPECT_EQ(put("exchange.sending_locations", json::array({"城区", ""}))["status"], 422);
  EXPECT_EQ(put("exchange.no_such_rule", 3)["status"], 404);
  EXPECT_EQ(s.ids("SELECT COUNT(*) FROM settings WHERE key LIKE 'exchange.%'").at(0), 0);
  EXPECT_EQ(s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'setting'").at(0), 0);
  Login school = s.login("school_admin");
  EXPECT_EQ(s.call("PUT", "/settings/workflows", &school, {{"setting", "exchange.min_years"}, {"value", 3}}).status,
            403);
  // A title rule: 申报高级 with 10 years in the present title.
  json title = put("title_years_required.高级", 10);
  ASSERT_EQ(title["status"], 200) << title.dump();
  EXPECT_EQ(s.text("SELECT value FROM settings WHERE key = 'title_years_required.高级'"), "10");
  // A value hand-edited out of bounds is named where it is read, never read as something else.
  s.exec("INSERT INTO settings (key, value) VALUES ('exchange.min_years', 'abc')");
  Reply broken = s.call("GET", "/exchange/plan", &s.admin());
  EXPECT_EQ(broken.status, 500);
  EXPECT_NE(broken.body["message"].get<std::string>().find("exchange.min_years"), std::string::npos);
}

}  // namespace
}  // namespace edu::apitest
