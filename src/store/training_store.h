// 继续教育 in the database (tables training_courses, training_roster; core/
// training.h). Every read goes through a Scope:
//  - a course is seen when it is the county's (国家/省/市/县: no school) or a
//    校本 course of a school in the scope;
//  - a roster row is seen when its teacher is in the scope (a school admin
//    sees their own teachers' rows of a county course, never another
//    school's; a teacher their own row).
// Out-of-scope records read as absent. Writers take what the command checked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/training.h"
#include "store/scope.h"

namespace edu {

struct CourseFilter {
  std::optional<int> school_year;  // courses starting in that school year
  std::string level;
  std::optional<int64_t> school_id;  // 校本 courses of that school
  std::string name_contains;
};

// A course with the counts of its roster rows the scope sees.
struct CourseView {
  TrainingCourse course;
  std::string school_name;  // a 校本 course's school
  int64_t roster = 0, required = 0, attended = 0, passed = 0;
};

// Newest first (start date, then id).
Result<std::vector<CourseView>> list_courses(Database& db, const Scope& scope, const CourseFilter& filter);
Result<std::optional<CourseView>> get_course(Database& db, const Scope& scope, int64_t id);
Result<int64_t> insert_course(Database& db, const TrainingCourse& course);
Status update_course(Database& db, const TrainingCourse& course);

struct RosterRow {
  RosterEntry entry;
  std::string teacher_name, id_number, school_name, section, subject;
  int64_t school_id = 0;
};

// The course's rows the scope sees, by school then name.
Result<std::vector<RosterRow>> list_roster(Database& db, const Scope& scope, int64_t course_id);
Result<std::optional<RosterEntry>> find_roster_entry(Database& db, int64_t course_id, int64_t teacher_id);
// Inserts the row, or replaces the stored one of the same course and teacher.
Status save_roster_entry(Database& db, const RosterEntry& entry);
// Bulk load (the demo county) into empty tables, inside a Transaction:
// courses with their ids as given, then rows, through bulk_insert (COPY on PostgreSQL).
Status load_training(Database& db, const std::vector<TrainingCourse>& courses,
                     const std::vector<RosterEntry>& entries);

// What the analytics read (analytics/training.h, core/training.h TrainingTables),
// for the teachers in the scope: every teacher of the register with their
// school, every course, and every roster row of those teachers.
// With `teacher_id`, only that teacher (and still only within the scope).
Result<TrainingTables> load_training_tables(Database& db, const Scope& scope,
                                            std::optional<int64_t> teacher_id = std::nullopt);

}  // namespace edu
