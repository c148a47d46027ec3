// Students (学籍): listing with filters and paging, reading and writing, all
// through a Scope. Out-of-scope records read as absent.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "store/paging.h"
#include "store/scope.h"

namespace edu {

// With `school_year`, area_id school_id class_id location section grade status,
// `entrant` and `in_school` select by the student's register of that year (enrolments), as
// the statistics count; without it, by the student's current record.
struct StudentFilter {
  std::optional<int64_t> area_id, school_id, class_id;
  std::optional<int> grade, school_year;
  std::string section, gender, status;
  std::string location;  // the school's 城区 / 镇区 / 乡村
  bool entrant = false;  // needs school_year: in its section's entry grade, not repeating it
  bool in_school = false;  // needs school_year: 在校生 of that year (core/in_school.h)
  std::vector<int64_t> ids;      // one of these students (统计指标's 年辍学率 names them); empty: any
  std::string name_prefix;       // name starts with it (indexed)
  std::string id_number_prefix;  // ID number starts with it (indexed)
  std::vector<std::string> id_numbers;  // one of these ID numbers (indexed); empty: any
};

struct StudentView {
  Student student;
  std::string school_name;
  std::string class_name;  // "" when not in a class
  std::string section;
  std::optional<int> grade;
};

// Sortable (PageRequest::sort): name, birth_date, school.
Result<Page<StudentView>> list_students(Database& db, const Scope& scope,
                                        const StudentFilter& filter, PageRequest page);
Result<std::optional<StudentView>> get_student(Database& db, const Scope& scope, int64_t id);

// One year of a student's register (enrolments): where they were and their
// status at the end of that year.
struct EnrolmentView {
  Enrolment enrolment;
  std::string school_name, class_name, section;
};
// Unscoped (the caller has found the student in scope): every school year's
// enrolment of the student, oldest first, in one read.
Result<std::vector<EnrolmentView>> student_enrolments(Database& db, int64_t student_id);
// Unscoped: which student (anywhere in the county) holds this ID number.
Result<std::optional<StudentView>> find_student_by_id_number(Database& db,
                                                             const std::string& id_number);
// Both also write the student's enrolment in their class's school year (the
// register of that year, which the statistics count): a student without a
// class has none written.
Result<int64_t> insert_student(Database& db, const Student& student);
Status update_student(Database& db, const Student& student);

// Many new students, each with the id Database::next_ids gave it, in one
// batch through bulk_insert (COPY on PostgreSQL); the caller holds the
// transaction. The rows alone: a bulk load brings its own enrolments, an
// import then calls record_enrolments.
Status insert_students(Database& db, const std::vector<Student>& students);
// The enrolment insert_student writes, in one statement for every student
// whose id lies in [first_id, last_id]. Another student there (a gap in a
// batch's ids on PostgreSQL, database.h) gets the same row it holds already:
// the row follows from the student's record, which every write of a student
// records here and a rollover writes for the year it opens.
Status record_enrolments(Database& db, int64_t first_id, int64_t last_id);

}  // namespace edu
