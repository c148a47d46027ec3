// 控辍保学 reports (workflow/dropout_report.h): GET /dropout/report and GET
// /exports/dropout.xlsx, for a period: `period` week (the 7 days to today),
// term (this 学期: 9月1日–1月31日 or 2月1日–8月31日) or year (this 学年, the
// default), or `from` and `to` (ISO dates, both or neither). Per township and
// school: 新增, 返校, 办结, 仍未返校, each with the ids of the cases behind it;
// by reason and by outcome; the cases themselves; and this school year's
// 年辍学率 and 巩固率 with numerator and denominator. The xlsx holds the same
// tables as the page.
#include "http/json_sheet.h"
#include "http/routes.h"
#include "workflow/case_engine.h"
#include "workflow/dropout_report.h"

namespace edu {
namespace {

struct Period {
  std::string from, to, label;
};

Result<Period> period_of(ApiCall& call) {
  const Date today = call.today();
  const int y = today.month >= 9 ? today.year : today.year - 1;  // the school year
  const std::string from = call.query("from"), to = call.query("to"), kind = call.query("period");
  if (!from.empty() || !to.empty()) {
    auto f = parse_iso_date(from);
    if (!f) return Status::Error("validation", "“开始日期”应为有效日期(YYYY-MM-DD)", "from");
    auto t = parse_iso_date(to);
    if (!t) return Status::Error("validation", "“结束日期”应为有效日期(YYYY-MM-DD)", "to");
    if (*t < *f) return Status::Error("validation", "“结束日期”不能早于“开始日期”", "to");
    return Period{f->iso(), t->iso(), f->iso() + " 至 " + t->iso()};
  }
  if (kind == "week") return Period{add_days(today, -6).iso(), today.iso(), "近一周"};
  if (kind == "term") {
    if (today.month >= 9 || today.month == 1)
      return Period{Date{y, 9, 1}.iso(), Date{y + 1, 1, 31}.iso(), std::to_string(y) + "学年第一学期"};
    return Period{Date{y + 1, 2, 1}.iso(), Date{y + 1, 8, 31}.iso(), std::to_string(y) + "学年第二学期"};
  }
  if (kind.empty() || kind == "year")
    return Period{Date{y, 9, 1}.iso(), Date{y + 1, 8, 31}.iso(), std::to_string(y) + "学年"};
  return Status::Error("validation", "period 应为 week、term 或 year", "period");
}

Json count_json(const analytics::dropout::Count& c) { return {{"n", c.n}, {"case_ids", c.case_ids}}; }

Json tally_json(const analytics::dropout::Tally& t) {
  return {{"opened", count_json(t.opened)}, {"returned", count_json(t.returned)},
          {"closed", count_json(t.closed)}, {"still_out", count_json(t.still_out)}};
}

Json rate_json(const analytics::dropout::Rate& r, const std::string& label, const std::string& definition) {
  Json j = {{"label", label}, {"definition", definition}, {"numerator", r.numerator},
            {"denominator", r.denominator}, {"flagged", r.flagged}, {"value", nullptr}};
  if (r.value) j["value"] = *r.value;
  return j;
}

Json report_json(const DropoutReport& d, const Period& p) {
  const auto& r = d.report;
  Json townships = Json::array();
  for (const auto& t : r.townships) {
    Json schools = Json::array();
    for (const auto& s : t.schools) schools.push_back({{"id", s.id}, {"name", s.name}, {"tally", tally_json(s.tally)}});
    townships.push_back({{"id", t.id}, {"name", t.name}, {"tally", tally_json(t.tally)}, {"schools", schools}});
  }
  Json reasons = Json::array(), outcomes = Json::array();
  for (const auto& k : r.by_reason) reasons.push_back({{"key", k.key}, {"label", k.key}, {"count", count_json(k.count)}});
  for (const auto& k : r.by_outcome)
    outcomes.push_back({{"key", k.key}, {"label", dropout_outcome_label(k.key)}, {"count", count_json(k.count)}});
  Json cases = Json::array();
  for (const DropoutCaseRow& row : d.cases) {
    const CaseRecord& c = row.view.record;
    Json fields = Json::parse(c.fields, nullptr, false);
    cases.push_back({{"id", c.id},
                     {"student_name", row.view.student_name},
                     {"school_name", row.view.school_name},
                     {"township_name", row.township_name},
                     {"reason", fields.is_object() ? fields.value("reason", std::string()) : ""},
                     {"opened_on", fields.is_object() ? fields.value("date", std::string()) : ""},
                     {"state", c.state},
                     {"due_on", c.due_on},
                     {"last_action", row.log.empty() ? "" : dropout_outcome_label(row.log.back().action)}});
  }
  Json rates = {{"year", d.year},
                {"dropout_rate", rate_json(d.dropout_rate, "年辍学率",
                                           "该学年登记的失学辍学儿童(不含核实不属实) ÷ 学年初在册人数(小学、初中)")},
                {"retention_rate", rate_json(d.retention_rate, "九年义务教育巩固率",
                                             "初中毕业年级在校生数 ÷ 该届学生入小学一年级时的人数")}};
  rates["dropout_rate"]["case_ids"] = d.dropout_case_ids;
  rates["retention_rate"]["note"] = d.retention_note;
  return {{"from", p.from}, {"to", p.to}, {"label", p.label}, {"total", tally_json(r.total)},
          {"townships", townships}, {"by_reason", reasons}, {"by_outcome", outcomes}, {"cases", cases},
          {"rates", rates}};
}

Result<Json> load(ApiCall& call, Period& p) {
  if (!handles_cases(call.who().user)) return Status::Error("forbidden", "您的角色不办理控辍保学");
  auto period = period_of(call);
  if (!period.ok()) return period.status();
  p = *period;
  auto report = dropout_report(call.db, call.who(), p.from, p.to);
  if (!report.ok()) return report.status();
  return report_json(*report, p);
}

Result<Reply> report_route(ApiCall& call) {
  Period p;
  auto j = load(call, p);
  if (!j.ok()) return j.status();
  return Reply(*j);
}

// One row per school, under its township's row.
Result<Reply> xlsx_route(ApiCall& call) {
  Period p;
  auto j = load(call, p);
  if (!j.ok()) return j.status();
  const std::vector<JsonColumn> counts = {{"新增", "/tally/opened/n", ColumnType::kInteger},
                                          {"返校复学", "/tally/returned/n", ColumnType::kInteger},
                                          {"办结", "/tally/closed/n", ColumnType::kInteger},
                                          {"仍未返校", "/tally/still_out/n", ColumnType::kInteger}};
  JsonSheet units{"乡镇与学校", {{"乡镇(街道)", "/township"}, {"学校", "/school"}}};
  units.columns.insert(units.columns.end(), counts.begin(), counts.end());
  for (const Json& t : (*j)["townships"]) {
    units.rows.push_back({{"township", t["name"]}, {"school", "(合计)"}, {"tally", t["tally"]}});
    for (const Json& s : t["schools"]) units.rows.push_back({{"township", t["name"]}, {"school", s["name"]}, {"tally", s["tally"]}});
  }
  JsonSheet reasons{"按原因", {{"原因", "/label"}, {"新增", "/count/n", ColumnType::kInteger}}, (*j)["by_reason"]};
  JsonSheet outcomes{"按办结结果", {{"结果", "/label"}, {"办结", "/count/n", ColumnType::kInteger}}, (*j)["by_outcome"]};
  JsonSheet cases{"台账",
                  {{"编号", "/id", ColumnType::kInteger}, {"学生", "/student_name"}, {"学校", "/school_name"},
                   {"乡镇(街道)", "/township_name"}, {"原因", "/reason"}, {"发现日期", "/opened_on"},
                   {"状态", "/state"}, {"最近办理", "/last_action"}, {"下次家访", "/due_on"}},
                  (*j)["cases"]};
  auto name = scoped_file_name(call, "控辍保学-" + p.label);
  if (!name.ok()) return name.status();
  return file_reply(*name, [&](const std::string& path) {
    return write_json_sheets(path, {units, reasons, outcomes, cases});
  });
}

}  // namespace

void add_dropout_routes(Router& router) {
  router.get("/dropout/report", report_route);
  router.get("/exports/dropout\\.xlsx", xlsx_route);
}

}  // namespace edu
