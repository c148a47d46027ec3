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
// graduates 毕业 with their from_year enrolment closed as 毕业; a student's
// class is always of the current year, so graduates and those who left during
// from_year (辍学, 转出 …) keep their class of from_year in their enrolment only.
// Every teacher's rows of from_year (the closing year's staff) and of to_year
// (the opening year's, kept in step from then on) are written from the register.
Status apply_rollover(Database& db, const rollover::Plan& plan);

}  // namespace edu
