// Migration 22: enrolments found by school year and grade. An exam's roster
// (store/exam_store.h) is a school year's grade: without this index every
// roster read scanned the whole enrolments table (11 M rows at province scale).
// Plain SQL that runs alike on SQLite and PostgreSQL.
#pragma once

namespace edu {

inline constexpr const char* kMigration0022EnrolmentsByYear = R"SQL(
CREATE INDEX enrolments_year_grade ON enrolments(school_year, grade);
)SQL";

}  // namespace edu
