// Everything known about one exam, computed from the database in one go: its
// stored rows, the analysis at every level (with rank change against the
// previous exam of the same cohort), value-added on the total score, item
// analysis and the integrity report. Read-only; the caller scopes what it shows.
#pragma once

#include <optional>
#include <vector>

#include "exam/exam_analysis.h"
#include "exam/exam_input.h"
#include "exam/integrity.h"
#include "exam/item_analysis.h"
#include "exam/value_added.h"
#include "store/database.h"

namespace edu {

struct ExamReport {
  exam::ExamTables tables;
  exam::ExamInput input;
  exam::ExamAnalysis analysis;
  std::optional<exam::ExamRecord> previous;
  std::optional<exam::ValueAddedResult> value_added;  // total score, against `previous`
  std::vector<exam::ItemAnalysis> items;             // per subject; rows == 0 without items
  std::vector<exam::IntegrityFlag> flags;
};

Result<ExamReport> build_exam_report(Database& db, int64_t exam_id);

}  // namespace edu
