// /analytics/*, /exports/indicators.xlsx, /exports/balance.xlsx and
// /exports/whatif.xlsx: the statistics indicators, the balanced-development
// table and history, the what-if and the planner, and their downloads. Read
// by every role within their scope (rows of their schools; the 差异系数 are
// the county's — in a city deployment one 区/县's, chosen by county_id, and
// /analytics/balance/counties lists every visible county's side by side);
// what-if and plan are the bureau's, and save nothing.
#include <algorithm>
#include <cstdio>

#include "core/area_tree.h"
#include "http/analytics_context.h"
#include "http/analytics_json.h"
#include "http/json_sheet.h"
#include "http/routes.h"
#include "report/xlsx_table_writer.h"
#include "workflow/dropout_report.h"

namespace edu {
namespace {

using namespace analytics;

Status forbidden() { return Status::Error("forbidden", "您的角色无权执行此操作"); }

// The request's snapshot and year, for a caller allowed `entity`.
struct Context {
  std::shared_ptr<const Snapshot> snapshot;
  int year = 0;
};

Result<Context> context(ApiCall& call, SnapshotCache& cache, Entity entity, int year_asked) {
  if (!allowed(call.who().user, Action::kRead, entity)) return forbidden();
  auto snapshot = cache.get(call.db, call.school_year);
  if (!snapshot.ok()) return snapshot.status();
  auto year = history_year(**snapshot, year_asked ? year_asked : call.school_year);
  if (!year.ok()) return year.status();
  return Context{*snapshot, *year};
}

Result<int> year_query(ApiCall& call) {
  auto year = call.query_int("year");
  if (!year.ok()) return year.status();
  return static_cast<int>(year->value_or(0));
}

int year_body(const Json& body) {
  return body.contains("year") && body["year"].is_number_integer() ? body["year"].get<int>() : 0;
}

std::string text_body(const Json& body, const char* key) {
  return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
}

// What the query (or body) asks the balance model for: standard, the 小学
// education setting and, in a city, the 区/县 (analytics_context.h county_param).
struct ModelAsked {
  std::string standard, primary_above;
  int64_t county_id = 0;
};

Result<ModelAsked> model_query(ApiCall& call) {
  auto county = call.query_int("county_id");
  if (!county.ok()) return county.status();
  return ModelAsked{call.query("standard"), call.query("primary_above"), county->value_or(0)};
}

Result<ModelAsked> model_body(const Json& body) {
  int64_t county = 0;
  if (body.contains("county_id") && !body["county_id"].is_null()) {
    if (!body["county_id"].is_number_integer())
      return Status::Error("validation", "county_id 须为整数(区/县的编号)", "county_id");
    county = body["county_id"].get<int64_t>();
  }
  return ModelAsked{text_body(body, "standard"), text_body(body, "primary_above"), county};
}

Result<BalanceModel> model(ApiCall& call, const Context& c, const ModelAsked& asked) {
  auto s = standard_param(asked.standard);
  if (!s.ok()) return s.status();
  auto settings = settings_param(asked.primary_above);
  if (!settings.ok()) return settings.status();
  auto county = county_param(*c.snapshot, call.who().scope, asked.county_id);
  if (!county.ok()) return county.status();
  return BalanceModel(*c.snapshot, c.year, **s, *settings, *county);
}

// The 区/县 a city-level reply names: the one measured and those the caller may choose.
void add_counties(Json& j, ApiCall& call, const BalanceModel& m) {
  Json counties = Json::array();
  for (const Area* a : visible_counties(m.snapshot(), call.who().scope))
    counties.push_back({{"id", a->id}, {"name", a->name}});
  j["county_id"] = m.county_id() ? Json(m.county_id()) : Json(nullptr);
  j["counties"] = counties;
}

// GET /analytics/indicators?year as JSON.
Result<Json> indicators(ApiCall& call, SnapshotCache& cache) {
  auto year = year_query(call);
  if (!year.ok()) return year.status();
  auto c = context(call, cache, Entity::kStatistics, *year);
  if (!c.ok()) return c.status();
  auto name = scope_name(call.db, call.who().user);
  if (!name.ok()) return name.status();
  auto ledger = dropout_ledger(call.db);
  if (!ledger.ok()) return ledger.status();
  Statistics s = compute_statistics(*c->snapshot, c->year,
                                    visible_schools(*c->snapshot, call.who().scope), *name, *ledger);
  return statistics_json(s);
}

Result<Reply> indicators_route(ApiCall& call, SnapshotCache& cache) {
  auto j = indicators(call, cache);
  if (!j.ok()) return j.status();
  return Reply(*j);
}

// What a balance GET asks: the year's snapshot (the `year` query when
// `with_year`, else the current year), the section and the model's parameters,
// each refused as it is read.
struct BalanceQuery {
  Context c;
  Section section;
  ModelAsked asked;
};

Result<BalanceQuery> balance_query(ApiCall& call, SnapshotCache& cache, bool with_year) {
  auto year = with_year ? year_query(call) : Result<int>(0);
  if (!year.ok()) return year.status();
  auto c = context(call, cache, Entity::kStatistics, *year);
  if (!c.ok()) return c.status();
  auto section = section_param(call.query("section"));
  if (!section.ok()) return section.status();
  auto asked = model_query(call);
  if (!asked.ok()) return asked.status();
  return BalanceQuery{*c, *section, *asked};
}

Result<Reply> balance_route(ApiCall& call, SnapshotCache& cache) {
  auto q = balance_query(call, cache, true);
  if (!q.ok()) return q.status();
  auto m = model(call, q->c, q->asked);
  if (!m.ok()) return m.status();
  Json j = balance_json(*m, q->section, visible_schools(*q->c.snapshot, call.who().scope));
  add_counties(j, call, *m);
  return Reply(j);
}

Result<Reply> balance_history_route(ApiCall& call, SnapshotCache& cache) {
  auto q = balance_query(call, cache, false);
  if (!q.ok()) return q.status();
  const auto& snapshot = q->c.snapshot;
  Json years = Json::array();
  std::optional<BalanceModel> last;
  for (int y = snapshot->first_year; y <= snapshot->last_year; ++y) {
    auto m = model(call, Context{snapshot, y}, q->asked);
    if (!m.ok()) return m.status();
    years.push_back(balance_summary_json(*m, q->section));
    last.emplace(std::move(*m));
  }
  Json j{{"section", section_name(q->section)},
         {"standard", {{"key", last->standard().key}, {"name", last->standard().name}}},
         {"years", years}};
  add_counties(j, call, *last);
  return Reply(j);
}

// A city's 差异系数 side by side: one summary per visible 区/县 (none in a
// county deployment), each with its indicators' 差异系数 and 达标.
Result<Reply> balance_counties_route(ApiCall& call, SnapshotCache& cache) {
  auto q = balance_query(call, cache, true);
  if (!q.ok()) return q.status();
  auto standard = standard_param(q->asked.standard);
  if (!standard.ok()) return standard.status();
  if (auto settings = settings_param(q->asked.primary_above); !settings.ok()) return settings.status();
  Json counties = Json::array();
  for (const Area* a : visible_counties(*q->c.snapshot, call.who().scope)) {
    q->asked.county_id = a->id;
    auto m = model(call, q->c, q->asked);
    if (!m.ok()) return m.status();
    Json j = balance_summary_json(*m, q->section);
    j["county_id"] = a->id;
    j["county_name"] = a->name;
    counties.push_back(std::move(j));
  }
  return Reply(Json{{"year", q->c.year},
                    {"section", section_name(q->section)},
                    {"standard", {{"key", (*standard)->key}, {"name", (*standard)->name}}},
                    {"counties", counties}});
}

// POST /analytics/whatif's answer.
Result<Json> whatif(ApiCall& call, SnapshotCache& cache) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto c = context(call, cache, Entity::kBalancePlan, year_body(*body));
  if (!c.ok()) return c.status();
  auto draft = draft_from_json(*body);
  if (!draft.ok()) return draft.status();
  auto asked = model_body(*body);
  if (!asked.ok()) return asked.status();
  auto today = model(call, *c, *asked);
  if (!today.ok()) return today.status();
  auto w = apply_draft(*today, *draft);
  if (!w.ok()) return w.status();
  return whatif_json(*today, *w);
}

Result<Reply> whatif_route(ApiCall& call, SnapshotCache& cache) {
  auto j = whatif(call, cache);
  if (!j.ok()) return j.status();
  return Reply(*j);
}

Result<Reply> plan_route(ApiCall& call, SnapshotCache& cache) {
  auto body = call.body();
  if (!body.ok()) return body.status();
  auto c = context(call, cache, Entity::kBalancePlan, year_body(*body));
  if (!c.ok()) return c.status();
  auto asked = model_body(*body);
  if (!asked.ok()) return asked.status();
  auto today = model(call, *c, *asked);
  if (!today.ok()) return today.status();
  auto sections = sections_param(text_body(*body, "section"));
  if (!sections.ok()) return sections.status();
  Json plans = Json::array();
  for (Section s : *sections) {
    auto plan = plan_teacher_moves(*today, s);
    if (!plan.ok()) return plan.status();
    plans.push_back(plan_json(*today, *plan));
  }
  return Reply(Json{{"year", c->year}, {"standard", today->standard().key}, {"plans", plans},
                    {"saved", false}});
}

// ---- xlsx ----

std::string number_text(const Json& v) {
  if (!v.is_number()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v.get<double>());
  return buf;
}

ColumnSpec column(const std::string& header, ColumnType type = ColumnType::kText) {
  return ColumnSpec{header, header, {}, type, false, nullptr, "", ""};
}

Status write_section(report::XlsxTableWriter& w, const Json& table) {
  for (const Json& row : table["rows"]) {
    std::vector<std::string> values = {row["school_code"], row["school_name"], row["area_name"],
                                       row["location"], number_text(row["students"]),
                                       number_text(row["teachers"])};
    std::vector<bool> highlight(values.size(), false);
    for (const Json& cell : row["cells"]) {
      values.push_back(number_text(cell["value"]));
      values.push_back(cell["mark_label"]);
      highlight.push_back(cell["mark"] == "short");
      highlight.push_back(cell["mark"] == "short");
    }
    values.push_back(row["complies"].is_null() ? "" : row["complies"].get<bool>() ? "达标" : "未达标");
    highlight.push_back(row["complies"] == false);
    Status s = w.add_row(values, highlight);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

std::vector<ColumnSpec> section_columns(const Json& table) {
  std::vector<ColumnSpec> columns = {column("学校标识码"), column("学校名称"), column("乡镇"),
                                     column("城乡类别"), column("在校生数", ColumnType::kNumber),
                                     column("专任教师数", ColumnType::kNumber)};
  for (const Json& ind : table["indicators"]) {
    columns.push_back(column(ind["label"].get<std::string>(), ColumnType::kNumber));
    columns.push_back(column(ind["label"].get<std::string>() + "(达标情况)"));
  }
  columns.push_back(column("结论"));
  return columns;
}

Result<Reply> balance_xlsx_route(ApiCall& call, SnapshotCache& cache) {
  auto year = year_query(call);
  if (!year.ok()) return year.status();
  auto c = context(call, cache, Entity::kStatistics, *year);
  if (!c.ok()) return c.status();
  auto asked = model_query(call);
  if (!asked.ok()) return asked.status();
  auto m = model(call, *c, *asked);
  if (!m.ok()) return m.status();
  auto visible = visible_schools(*c->snapshot, call.who().scope);
  Json tables[] = {balance_json(*m, Section::kPrimary, visible),
                   balance_json(*m, Section::kJunior, visible)};
  const Area* county = AreaTree(c->snapshot->areas).find(m->county_id());  // a city's 区/县
  std::string name = (county ? county->name : "") + std::to_string(c->year) + "学年均衡发展" + m->standard().key + ".xlsx";
  return file_reply(name, [&](const std::string& path) -> Status {
    auto w = report::XlsxTableWriter::create(path, "小学", section_columns(tables[0]));
    if (!w.ok()) return w.status();
    for (int k = 0; k < 2; ++k) {
      if (k == 1) {
        Status s = (*w)->start_sheet("初中", section_columns(tables[1]));
        if (!s.ok()) return s;
      }
      Status s = write_section(**w, tables[k]);
      if (!s.ok()) return s;
    }
    Status s = (*w)->start_sheet("差异系数", {column("学段"), column("指标"),
                                              column("均值", ColumnType::kNumber),
                                              column("标准差", ColumnType::kNumber),
                                              column("差异系数", ColumnType::kNumber),
                                              column("限值", ColumnType::kNumber), column("结论")});
    for (const Json& t : tables)
      for (const Json& cv : t["cvs"]) {
        if (!s.ok()) return s;
        s = (*w)->add_row({t["section"], cv["label"], number_text(cv["mean"]), number_text(cv["sd"]),
                           number_text(cv["cv"]), number_text(cv["limit"]),
                           cv["within"].is_null() ? "" : cv["within"].get<bool>() ? "达标" : "超标"},
                          {false, false, false, false, cv["within"] == false, false, cv["within"] == false});
      }
    if (!s.ok()) return s;
    return (*w)->close();
  });
}

// 统计指标 as a sheet per section (小学 … 合计): a row per group and
// indicator, with its numerator, denominator and value as the page shows them.
Result<Reply> indicators_xlsx_route(ApiCall& call, SnapshotCache& cache) {
  auto j = indicators(call, cache);
  if (!j.ok()) return j.status();
  auto name = scoped_file_name(call, std::to_string((*j)["year"].get<int>()) + "学年统计指标");
  if (!name.ok()) return name.status();
  std::vector<JsonSheet> sheets;
  for (const Json& g : (*j)["groups"]) {
    const std::string section = g["section"];
    auto sheet = std::find_if(sheets.begin(), sheets.end(), [&](const JsonSheet& s) { return s.name == section; });
    if (sheet == sheets.end()) {
      sheets.push_back({section,
                        {{"层级", "/level"}, {"区/县", "/county"}, {"名称", "/name"}, {"指标", "/label"},
                         {"单位", "/unit"}, {"分子", "/now/numerator", ColumnType::kNumber},
                         {"分母", "/now/denominator", ColumnType::kNumber},
                         {"值", "/now/value", ColumnType::kNumber},
                         {"上年值", "/previous/value", ColumnType::kNumber},
                         {"变化", "/change", ColumnType::kNumber}, {"说明", "/now/note"}},
                        Json::array(), "/now/flagged"});
      sheet = sheets.end() - 1;
    }
    for (const Json& def : (*j)["indicators"]) {
      if (!g["values"].contains(def["key"])) continue;
      Json row = g["values"][def["key"].get<std::string>()];
      for (const char* key : {"level", "county", "name"}) row[key] = g[key];
      row["label"] = def["label"];
      row["unit"] = def["unit"];
      sheet->rows.push_back(std::move(row));
    }
  }
  if (sheets.empty()) sheets.push_back({"统计指标", {{"说明", "/note"}}});
  return file_reply(*name, [&](const std::string& path) { return write_json_sheets(path, sheets); });
}

// 模拟规划 as a sheet: POST the what-if's draft (the body of /analytics/whatif),
// get its 差异系数 before and after, the schools it changes and the teachers
// it moves. Saves nothing.
Result<Reply> whatif_xlsx_route(ApiCall& call, SnapshotCache& cache) {
  auto j = whatif(call, cache);
  if (!j.ok()) return j.status();
  auto name = scoped_file_name(call, std::to_string((*j)["year"].get<int>()) + "学年模拟规划");
  if (!name.ok()) return name.status();
  JsonSheet cvs{"差异系数",
                {{"学段", "/section"}, {"指标", "/label"}, {"限值", "/limit", ColumnType::kNumber},
                 {"调整前", "/before", ColumnType::kNumber}, {"调整后", "/after", ColumnType::kNumber},
                 {"调整后达标", "/within"}}};
  for (const auto& [section, s] : (*j)["sections"].items())
    for (size_t k = 0; k < s["after"]["cvs"].size(); ++k) {
      const Json& after = s["after"]["cvs"][k];
      cvs.rows.push_back({{"section", section}, {"label", after["label"]}, {"limit", after["limit"]},
                          {"before", s["before"]["cvs"][k]["cv"]}, {"after", after["cv"]},
                          {"within", after["within"]}});
    }
  JsonSheet schools{"变化的学校", {{"学校名称", "/before/school_name"}, {"学段", "/before/section"}}};
  for (size_t k = 0; k < (*j)["indicators"].size(); ++k) {
    const std::string label = (*j)["indicators"][k]["label"];
    const std::string cell = "/cells/" + std::to_string(k) + "/value";
    schools.columns.push_back({label + "(调整前)", "/before" + cell, ColumnType::kNumber});
    schools.columns.push_back({label + "(调整后)", "/after" + cell, ColumnType::kNumber});
  }
  schools.columns.push_back({"调整前达标", "/before/complies"});
  schools.columns.push_back({"调整后达标", "/after/complies"});
  schools.rows = (*j)["changed_rows"];
  JsonSheet moved{"调动教师",
                  {{"教师", "/teacher_name"}, {"学科", "/subject"}, {"调出学校", "/from_school"},
                   {"调入学校", "/to_school"}},
                  (*j)["moved"]};
  return file_reply(*name, [&](const std::string& path) {
    return write_json_sheets(path, {cvs, schools, moved});
  });
}

}  // namespace

void add_analytics_routes(Router& router, std::shared_ptr<SnapshotCache> cache) {
  auto with_cache = [cache](Result<Reply> (*route)(ApiCall&, SnapshotCache&)) {
    return [cache, route](ApiCall& call) { return route(call, *cache); };
  };
  router.get("/analytics/indicators", with_cache(indicators_route));
  router.get("/analytics/balance", with_cache(balance_route));
  router.get("/analytics/balance/history", with_cache(balance_history_route));
  router.get("/analytics/balance/counties", with_cache(balance_counties_route));
  router.post("/analytics/whatif", with_cache(whatif_route));
  router.post("/analytics/plan", with_cache(plan_route));
  router.get("/exports/balance\\.xlsx", with_cache(balance_xlsx_route));
  router.get("/exports/indicators\\.xlsx", with_cache(indicators_xlsx_route));
  router.post("/exports/whatif\\.xlsx", with_cache(whatif_xlsx_route));
}

}  // namespace edu
