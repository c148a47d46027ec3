// 控辍保学's reads, as stored (workflow/dropout_sweep.h and dropout_report.h
// decide what they mean): the children the daily sweep looks at, and every
// dropout case with its school's township and its log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/case_store.h"
#include "store/scope.h"

namespace edu {

struct SweepChild {
  int64_t student_id = 0;
  std::string status;  // the register's 学籍状态 now
  std::optional<Date> birth_date;
  bool on_leave_last_year = false;  // their enrolment of year − 1 ended 休学
};

// Students now 辍学; students now 休学 whose enrolment of `year` − 1 ended
// 休学 too; and the students `also` names (the 小升初 list's), by id.
Result<std::vector<SweepChild>> load_sweep_children(Database& db, int year, const std::vector<int64_t>& also);

struct DropoutCaseRow {
  CaseView view;
  int64_t township_id = 0;  // the area of the case's school
  std::string township_name;
  std::vector<CaseLogEntry> log;  // in order
};

// Every case of `kind` whose school is in `scope`.
Result<std::vector<DropoutCaseRow>> load_dropout_cases(Database& db, const std::string& kind, const Scope& scope);

// The register's side of the rates (analytics/dropout_report.h), in `scope`:
// 学年初在册 of `year` (enrolments of the year in 小学 and 初中 classes, every
// status), 初中毕业年级在校生 of `year` (九年级 enrolments, 在读 or 毕业), the
// cohort's 一年级 (小学 一年级 enrolments of `year` − 8), and the first year the
// register holds.
struct RateCounts {
  int64_t enrolled_at_start = 0, final_grade_in_school = 0, cohort_grade_one = 0;
  int first_year = 0;
};
Result<RateCounts> load_rate_counts(Database& db, int year, const Scope& scope);

}  // namespace edu
