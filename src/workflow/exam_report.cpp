#include "workflow/exam_report.h"

#include "exam/answer_similarity.h"
#include "exam/visiting.h"
#include "store/exam_store.h"

namespace edu {
namespace {

using namespace edu::exam;

void add_integrity(ExamReport& r, const std::optional<ExamInput>& before) {
  const IntegrityOptions options;
  auto add = [&](std::vector<IntegrityFlag> flags) {
    for (IntegrityFlag& f : flags) r.flags.push_back(std::move(f));
  };
  std::vector<IntegrityFlag> participation = participation_flags(r.analysis, r.input.units, options);
  if (before) add_prior_evidence(participation, r.input.cohort, before->cohort);
  add(std::move(participation));
  add(visiting_flags(r.tables, r.input));
  add(remark_flags(r.input.spec, r.input.cohort, r.input.units, r.input.remarks, options));
  add(cut_spike_flags(r.input.spec, r.input.cohort, r.input.units, options));
  for (size_t s = 0; s < r.input.items.size(); ++s)
    add(similar_answer_flags(r.input.spec.subjects[s].name, r.input.items[s], r.input.cohort, r.input.units,
                             options));
}

// The previous exam's input (for the integrity report), when there is one.
Result<std::optional<ExamInput>> add_previous(Database& db, ExamReport& r) {
  if (!r.tables.exam.previous_exam_id) return std::optional<ExamInput>();
  auto tables = load_exam_tables(db, *r.tables.exam.previous_exam_id, ExamItemScores::kSkip);
  if (!tables.ok()) return tables.status();
  ExamInput before = build_input(*tables);
  const ExamAnalysis analysis = analyze_exam(before.spec, before.cohort, before.units);
  compare_with_previous(r.analysis, r.input.units, analysis, before.units);
  const MatchedScores matched =
      match_students(before.cohort, total_column(before.cohort), r.input.cohort, total_column(r.input.cohort));
  r.value_added = value_added(matched, static_cast<int32_t>(r.input.units.schools.size()),
                              static_cast<int32_t>(r.input.units.classes.size()));
  r.previous = tables->exam;
  return std::optional<ExamInput>(std::move(before));
}

}  // namespace

Result<ExamReport> build_exam_report(Database& db, int64_t exam_id) {
  auto tables = load_exam_tables(db, exam_id);
  if (!tables.ok()) return tables.status();
  ExamReport r;
  r.tables = std::move(*tables);
  r.input = build_input(r.tables);
  r.analysis = analyze_exam(r.input.spec, r.input.cohort, r.input.units);
  auto before = add_previous(db, r);
  if (!before.ok()) return before.status();
  for (const ItemMatrix& m : r.input.items)
    r.items.push_back(analyze_items(m, r.input.cohort.school, static_cast<int32_t>(r.input.units.schools.size())));
  add_integrity(r, *before);
  return r;
}

}  // namespace edu
