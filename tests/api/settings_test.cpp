// 办理时限 (workflow/workflow_settings.h) through the API: every workflow's
// waiting states listed with their declared default, a changed deadline
// giving the next case its new due date (and the case already waiting keeping
// its own), a 需教育局审批 switch stored as the engine reads it, each change
// audited, an unchanged one writing nothing.
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
  for (const json& w : s.admin_call("GET", "/meta/workflows")["body"]["workflows"])
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

}  // namespace
}  // namespace edu::apitest
