#include "workflow/dropout_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "store/school_year_store.h"
#include "workflow/case_engine.h"

namespace edu {
namespace {

using analytics::dropout::CaseFact;

CaseFact fact_of(const DropoutCaseRow& row, const WorkflowSpec& w) {
  const CaseRecord& c = row.view.record;
  auto fields = nlohmann::json::parse(c.fields, nullptr, false);
  auto text = [](const nlohmann::json& j, const char* key) {
    return j.is_object() ? j.value(key, std::string()) : std::string();
  };
  CaseFact f{c.id, c.student_id, row.township_id, row.township_name, c.school_id, row.view.school_name,
             text(fields, "reason"), text(fields, "date"), "", ""};
  const StateSpec* state = w.state(c.state);
  if (state && state->terminal && !row.log.empty()) {
    const CaseLogEntry& last = row.log.back();
    auto given = nlohmann::json::parse(last.fields, nullptr, false);
    f.outcome = last.action;
    f.closed_on = text(given, "date");
    if (f.closed_on.empty()) f.closed_on = last.at.substr(0, 10);
  }
  return f;
}

std::vector<CaseFact> facts_of(const std::vector<DropoutCaseRow>& rows) {
  const WorkflowSpec& w = *find_workflow("dropout");
  std::vector<CaseFact> facts;
  for (const DropoutCaseRow& r : rows) facts.push_back(fact_of(r, w));
  return facts;
}

}  // namespace

std::string dropout_outcome_label(const std::string& key) {
  const WorkflowSpec* w = find_workflow("dropout");
  const ActionSpec* a = w ? w->action(key) : nullptr;
  return a ? a->label : key;
}

Result<std::vector<CaseFact>> dropout_ledger(Database& db) {
  auto rows = load_dropout_cases(db, "dropout", Scope::All());
  if (!rows.ok()) return rows.status();
  return facts_of(*rows);
}

Result<DropoutReport> dropout_report(Database& db, const Actor& actor, const std::string& from,
                                     const std::string& to) {
  if (!handles_cases(actor.user)) return Status::Error("forbidden", "您的角色不办理控辍保学");
  auto rows = load_dropout_cases(db, "dropout", actor.scope);
  if (!rows.ok()) return rows.status();
  std::vector<CaseFact> facts = facts_of(*rows);

  DropoutReport out;
  out.report = analytics::dropout::build_report(facts, from, to);
  auto year = current_school_year(db);
  if (!year.ok()) return year.status();
  out.year = *year;
  out.dropout_case_ids = analytics::dropout::dropouts_during(facts, Date{*year, 9, 1}.iso(), Date{*year + 1, 8, 31}.iso());
  auto counts = load_rate_counts(db, *year, actor.scope);
  if (!counts.ok()) return counts.status();
  out.dropout_rate = analytics::dropout::dropout_rate(static_cast<int>(out.dropout_case_ids.size()),
                                                      static_cast<int>(counts->enrolled_at_start));
  out.retention_rate = analytics::dropout::retention_rate(static_cast<int>(counts->final_grade_in_school),
                                                          static_cast<int>(counts->cohort_grade_one));
  if (counts->first_year > *year - 8 || counts->first_year == 0) {
    out.retention_rate.value.reset();
    out.retention_note = "需该届学生入小学一年级时(" + std::to_string(*year - 8) + "学年)的人数,学籍登记最早为" +
                         std::to_string(counts->first_year) + "学年,无法计算";
  }

  std::set<int64_t> shown(out.dropout_case_ids.begin(), out.dropout_case_ids.end());
  const auto& t = out.report.total;
  for (const auto* n : {&t.opened, &t.returned, &t.closed, &t.still_out}) shown.insert(n->case_ids.begin(), n->case_ids.end());
  for (DropoutCaseRow& r : *rows)
    if (shown.count(r.view.record.id)) out.cases.push_back(std::move(r));
  return out;
}

}  // namespace edu
