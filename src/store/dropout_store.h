// 控辍保学's reads, as stored (workflow/dropout_sweep.h and dropout_report.h
// decide what they mean): the children the daily sweep looks at, and every
// dropout case with its school's township and its log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/case_store.h"

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

// Every case of `kind` whose school is in `area_id`'s subtree (none: all).
Result<std::vector<DropoutCaseRow>> load_dropout_cases(Database& db, const std::string& kind,
                                                       std::optional<int64_t> area_id);

}  // namespace edu
