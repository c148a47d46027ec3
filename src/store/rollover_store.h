// The rollover's rows (analytics/rollover_plan.h): read the input of a year from
// the registers, and write a plan. apply_rollover writes classes, students,
// enrolments and teacher_years only; the caller holds the transaction and audits.
#pragma once

#include "store/database.h"
#include "analytics/rollover_plan.h"

namespace edu {

// Every school, the classes of `from_year`, and every 在读 or 休学 student.
Result<rollover::Input> load_rollover_input(Database& db, int from_year);

// Opens the plan's classes in to_year (bulk INSERT), moves placed students into
// them (UPDATE by id) with an enrolment row of to_year each, and marks the
// graduates 毕业 with their from_year enrolment closed as 毕业; every teacher's
// row of from_year is written from the register (the closing year's staff).
Status apply_rollover(Database& db, const rollover::Plan& plan);

}  // namespace edu
