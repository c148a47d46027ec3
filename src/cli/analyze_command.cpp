#include "cli/analyze_command.h"

#include <cstdio>
#include <iostream>

#include "cli/command_support.h"
#include "http/analytics_context.h"
#include "http/analytics_json.h"
#include "store/area_store.h"
#include "store/school_year_store.h"
#include "store/snapshot_loader.h"
#include "workflow/dropout_report.h"

namespace edu {
namespace {

using namespace analytics;
using nlohmann::json;

std::string fixed(const json& v, int places) {
  if (!v.is_number()) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", places, v.get<double>());
  return buf;
}

void print_balance(const json& t) {
  std::cout << "== " << t["year"] << "学年 " << t["section"].get<std::string>() << " "
            << t["standard"]["name"].get<std::string>() << "(" << t["settings"].get<std::string>()
            << ")\n";
  for (const json& row : t["rows"]) {
    std::cout << row["school_name"].get<std::string>() << "\t" << fixed(row["students"], 0);
    for (const json& c : row["cells"])
      std::cout << "\t" << fixed(c["value"], 2) << c["mark_label"].get<std::string>();
    std::cout << "\t"
              << (row["complies"].is_null() ? "" : row["complies"].get<bool>() ? "达标" : "未达标")
              << "\n";
  }
  for (const json& cv : t["cvs"])
    std::cout << "差异系数 " << cv["label"].get<std::string>() << ":" << fixed(cv["cv"], 3)
              << "(限值 " << fixed(cv["limit"], 2) << ")\n";
  std::cout << "综合差异系数:" << fixed(t["composite_cv"], 3) << ";评估学校 " << t["units"]
            << " 所,达标 " << (t["complying"].is_null() ? "—" : t["complying"].dump()) << " 所\n";
  for (const json& x : t["excluded"])
    std::cout << "未纳入:" << x["school_name"].get<std::string>() << "("
              << x["reason"].get<std::string>() << ")\n";
}

void print_indicators(const json& s) {
  std::map<std::string, std::string> labels;
  for (const json& d : s["indicators"]) labels[d["key"]] = d["label"].get<std::string>() + "(" + d["unit"].get<std::string>() + ")";
  for (const json& g : s["groups"]) {
    std::cout << "== " << g["level"].get<std::string>() << " " << g["name"].get<std::string>() << " "
              << g["section"].get<std::string>() << "\n";
    for (const auto& [key, v] : g["values"].items()) {
      const json& now = v["now"];
      std::cout << "  " << labels[key] << ":" << fixed(now["value"], 2);
      if (now["denominator"].is_number())
        std::cout << " = " << fixed(now["numerator"], 0) << " / " << fixed(now["denominator"], 0);
      if (now.contains("note")) std::cout << "(" << now["note"].get<std::string>() << ")";
      std::cout << "\n";
    }
  }
}

}  // namespace

CLI::App* add_analyze_command(CLI::App& app, AnalyzeOptions& o) {
  auto* cmd = app.add_subcommand("analyze", "统计与均衡发展分析 / statistics and balance");
  cmd->require_subcommand(1);
  o.balance = cmd->add_subcommand("balance", "义务教育均衡发展指标与差异系数 / balance table");
  o.indicators = cmd->add_subcommand("indicators", "教育事业统计指标 / statistics indicators");
  for (CLI::App* sub : {o.balance, o.indicators}) {
    sub->add_option("--year", o.year, "学年(起始年份),默认当前学年");
    sub->add_flag("--json", o.json, "输出 JSON(与 API 相同)");
  }
  o.balance->add_option("--section", o.section, "小学 或 初中(默认两者)");
  o.balance->add_option("--standard", o.standard, "2017(优质均衡,默认)或 2012(基本均衡)");
  o.balance->add_option("--primary-above", o.primary_above, "小学高于规定学历口径:专科(默认)或 本科");
  o.balance->add_option("--county-code", o.county_code, "市级部署:区/县的6位行政区划代码(默认第一个区/县)");
  return cmd;
}

int run_analyze(Database& db, const AnalyzeOptions& o) {
  auto current = current_school_year(db);
  if (!current.ok()) return fail(current.status());
  auto county = get_setting(db, "county_name", "本县");
  if (!county.ok()) return fail(county.status());
  auto snapshot = load_snapshot(db, *current);
  if (!snapshot.ok()) return fail(snapshot.status());
  auto year = history_year(*snapshot, o.year ? o.year : *current);
  if (!year.ok()) return fail(year.status());
  std::vector<bool> all(snapshot->schools.size(), true);
  if (*o.indicators) {
    auto ledger = dropout_ledger(db);
    if (!ledger.ok()) return fail(ledger.status());
    json s = statistics_json(compute_statistics(*snapshot, *year, all, *county, *ledger));
    if (o.json) std::cout << s.dump(2) << "\n";
    else print_indicators(s);
    return 0;
  }
  auto standard = standard_param(o.standard);
  if (!standard.ok()) return fail(standard.status());
  auto settings = settings_param(o.primary_above);
  if (!settings.ok()) return fail(settings.status());
  auto sections = sections_param(o.section);
  if (!sections.ok()) return fail(sections.status());
  int64_t requested = 0;
  for (const Area& a : snapshot->areas)
    if (!o.county_code.empty() && a.code == o.county_code) requested = a.id;
  if (!o.county_code.empty() && !requested)
    return fail(Status::Error("not_found", "行政区划代码为" + o.county_code + "的区/县不存在"));
  auto county_id = county_param(*snapshot, Scope::All(), requested);
  if (!county_id.ok()) return fail(county_id.status());
  BalanceModel m(*snapshot, *year, **standard, *settings, *county_id);
  json tables = json::array();
  for (Section s : *sections) tables.push_back(balance_json(m, s, all));
  if (o.json) {
    std::cout << json{{"year", *year}, {"sections", tables}}.dump(2) << "\n";
  } else {
    for (const json& t : tables) print_balance(t);
  }
  return 0;
}

}  // namespace edu
