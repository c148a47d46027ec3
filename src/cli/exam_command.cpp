#include "cli/exam_command.h"

#include <iostream>

#include "access/policy.h"
#include "cli/command_support.h"
#include "ingest/file_bytes.h"
#include "exam/text.h"
#include "http/exam_json.h"
#include "store/exam_store.h"
#include "store/user_store.h"
#include "workflow/exam_score_import.h"

namespace edu {
namespace {

int run_list(Database& db) {
  auto exams = list_exams(db);
  if (!exams.ok()) return fail(exams.status());
  for (const auto& e : *exams) {
    std::cout << e.id << "\t" << e.date.iso() << "\t" << e.name << "\t科目:";
    for (const auto& s : e.subjects) std::cout << " " << s.name << "(" << exam::marks_text(s.full_marks) << ")";
    std::cout << "\n";
  }
  return 0;
}

// A figure of the results: "—" when it has no data (null), never 0.
std::string shown(const nlohmann::json& v, std::string (*format)(double)) {
  return v.is_null() ? "—" : format(v.get<double>());
}
std::string mean_text(double v) { return exam::fixed(v, 2); }
std::string rank_text(double v) { return std::to_string(static_cast<int>(v)); }

void print_results(const nlohmann::json& j) {
  for (const auto& g : j["groups"]) {
    std::cout << g["name"].get<std::string>() << "\n";
    for (size_t c = 0; c < j["columns"].size(); ++c) {
      const auto& s = g["columns"][c];
      if (s.is_null()) continue;
      std::cout << "  " << j["columns"][c]["subject"].get<std::string>() << "\t应考 " << s["expected"] << "\t实考 "
                << s["sat"] << "\t参考率 " << shown(s["participation"], exam::percent_text) << "\t平均分 "
                << shown(s["mean"], mean_text) << "\t优秀率 " << shown(s["excellent_rate"], exam::percent_text)
                << "\t及格率 " << shown(s["pass_rate"], exam::percent_text) << "\t低分率 "
                << shown(s["low_rate"], exam::percent_text) << "\t综合排名 " << shown(s["rank"], rank_text) << "\n";
    }
  }
}

int run_import(Database& db, const ExamOptions& o) {
  auto actor = actor_named(db, o.user);
  if (!actor.ok()) return fail(actor.status());
  auto content = read_command_file(o.file);
  if (!content.ok()) return fail(content.status());
  const std::string name = ingest::base_name(o.file);
  auto sheet = o.commit ? commit_score_import(db, *actor, o.exam_id, name, *content)
                        : preview_score_import(db, *actor, o.exam_id, name, *content);
  if (!sheet.ok()) return fail(sheet.status());
  const auto& r = sheet->reconciliation;
  std::cout << "成绩表 " << name << ":" << sheet->rows.size() << " 行;缺考 " << r.missing.size() << " 人,附读/外校 "
            << r.outsiders.size() << " 行,重复 " << r.duplicates.size() << " 人\n";
  for (const auto& p : sheet->problems) std::cout << "  " << p.message << "\n";
  if (!sheet->problems.empty()) return 1;
  std::cout << (o.commit ? "已导入(导入编号 " + std::to_string(sheet->import_id) + ")\n" : "校验通过;加 --commit 确认导入\n");
  return 0;
}

}  // namespace

CLI::App* add_exam_command(CLI::App& app, ExamOptions& o) {
  auto* cmd = app.add_subcommand("exam", "质量监测:考试成绩分析 / exam quality monitoring");
  cmd->require_subcommand(1);
  o.list = cmd->add_subcommand("list", "列出考试 / list exams");
  o.results = cmd->add_subcommand("results", "三率一分与排名 / results per level");
  o.integrity = cmd->add_subcommand("integrity", "诚信报告 / integrity report");
  o.import = cmd->add_subcommand("import", "导入成绩(xlsx/csv) / import scores");
  for (CLI::App* sub : {o.results, o.integrity, o.import})
    sub->add_option("--exam", o.exam_id, "考试编号 / exam id")->required();
  for (CLI::App* sub : {o.results, o.integrity}) sub->add_flag("--json", o.json, "输出 JSON / JSON output");
  o.results->add_option("--level", o.level, "county|township|school|class|teacher")->capture_default_str();
  o.import->add_option("--file", o.file, "成绩表文件 / score sheet")->required();
  o.import->add_option("--user", o.user, "以该用户身份导入 / import as")->required();
  o.import->add_flag("--commit", o.commit, "确认导入 / commit");
  return cmd;
}

int run_exam(Database& db, const ExamOptions& o) {
  if (*o.list) return run_list(db);
  if (*o.import) return run_import(db, o);
  exam::Level level;
  if (!exam::parse_level(o.level, level))
    return fail(Status::Error("validation", "未知的层级“" + o.level + "”(可用:county、township、school、class、teacher)"));
  auto report = build_exam_report(db, o.exam_id);
  if (!report.ok()) return fail(report.status());
  const ExamViewer everyone{Scope::All(), {}};
  if (*o.integrity) {
    auto reviews = load_flag_reviews(db, o.exam_id);
    if (!reviews.ok()) return fail(reviews.status());
    const auto j = integrity_json(*report, everyone, *reviews);
    if (o.json) std::cout << j.dump(2) << "\n";
    else
      for (const auto& f : j["flags"]) std::cout << "· " << f["message"].get<std::string>() << "\n";
    return 0;
  }
  const auto j = results_json(*report, level, everyone);
  if (o.json) std::cout << j.dump(2) << "\n";
  else print_results(j);
  return 0;
}

}  // namespace edu
