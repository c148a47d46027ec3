// Migration 22: indexes for what is counted on every page at city and province
// scale. Plain SQL that runs alike on SQLite and PostgreSQL.
//  - enrolments_year_grade: an exam's roster (store/exam_store.h) is one school
//    year's grade; without it every roster read scanned all enrolments (11 M
//    rows at province scale).
//  - students_class now carries the status too: the home page's class sizes
//    count each class's 在读 students (store/summary_store.h) from the index
//    alone instead of reading every student's row.
#pragma once

namespace edu {

inline constexpr const char* kMigration0022CountIndexes = R"SQL(
CREATE INDEX enrolments_year_grade ON enrolments(school_year, grade);
DROP INDEX students_class;
CREATE INDEX students_class ON students(class_id, status);
)SQL";

}  // namespace edu
