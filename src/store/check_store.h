// The rows the standing checks (数据核查, analytics/register_checks.h) read,
// county-wide: the checks compare records across schools, and the caller
// (workflow/standing_checks.h) keeps their results to the user's scope. Each
// source is one read.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analytics/register_checks.h"
#include "store/database.h"
#include "store/scope.h"

namespace edu {

// Every student record (full ID numbers: for comparing only).
Result<std::vector<analytics::CheckPerson>> check_people(Database& db);
// Every exam a student has a score in: the school they sat for and their
// enrolment's school in the exam's school year (0 for none).
Result<std::vector<analytics::Sitting>> exam_sittings(Database& db);
// The cases whose (kind, state) is one of `states`: (case, student, target school).
Result<std::vector<analytics::DoneTransfer>> cases_in_states(
    Database& db, const std::vector<std::pair<std::string, std::string>>& states);
// For each student whose record is 转出: the day they left, the earlier of
// the latest audited change of their status to 转出 and — when their last
// enrolment is a past school year's with status 转出 — that year's last day
// (8月31日). Students with neither are absent.
Result<std::map<int64_t, Date>> left_on(Database& db, int current_school_year);
// The ids of the schools in `scope`.
Result<std::set<int64_t>> school_ids_in(Database& db, const Scope& scope);
// Names by id: every school, every exam.
Result<std::map<int64_t, std::string>> school_names(Database& db);
Result<std::map<int64_t, std::string>> exam_names(Database& db);

}  // namespace edu
