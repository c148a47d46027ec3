// Builds a Snapshot, row by row: SnapshotBuilder takes the registers' rows as
// a loader streams them (store/snapshot_loader.h: straight from the database,
// no struct or string per row), build_snapshot the registers held as structs
// (core/model.h) — what the demo generator has made or a test has written —
// by feeding them to a SnapshotBuilder, so both give the same snapshot.
// Students (the person records) are not needed: the enrolments are the
// history.
//   - The places and their conditions (small registers, held whole) come
//     first, to the constructor; then the classes; then the enrolments, the
//     register's teachers and the teacher_years, each in any order among its
//     kind, the register's teachers before any teacher_years; then finish().
//   - The history years are those of the classes (`current_year` alone when
//     there is none). Classes are indexed in the order given; a class of an
//     unknown school keeps school -1.
//   - Enrolments end in (student, year) order, whatever order they came in;
//     one of an unknown school is left out; an unknown class is -1.
//   - The teachers of `current_year` are the register's; those of earlier
//     years the teacher_years rows of those years (rows of `current_year` or
//     later are ignored), named as on the register ("" when not there). A
//     teacher of an unknown school is left out. A teacher without a recorded
//     学段 gets the default of core/teacher_section.h.
//   - Text fields (status, section, post …) become their enumeration's codes
//     (code_of; kNoCode for a value not in it).
#pragma once

#include <string_view>
#include <unordered_map>

#include "analytics/snapshot.h"

namespace edu::analytics {

// One teacher in one school year, as the register or teacher_years holds it.
struct TeacherFields {
  int64_t id = 0;
  int year = 0;
  int64_t school_id = 0;
  std::string_view section, post, education, title, subject, backbone;
};

class SnapshotBuilder {
 public:
  SnapshotBuilder(int current_year, std::vector<Area> areas, const std::vector<School>& schools,
                  std::vector<Conditions> conditions);
  void add_class(int64_t id, int64_t school_id, int year, std::string_view section, int grade);
  void add_enrolment(int64_t student_id, int year, int64_t school_id, int64_t class_id, int grade,
                     std::string_view status);
  // A teacher on the register now (`t.year` is current_year).
  void add_teacher(const TeacherFields& t, std::string_view name);
  // A row of teacher_years.
  void add_teacher_year(const TeacherFields& t);
  Snapshot finish() &&;

 private:
  void add_teacher_row(const TeacherFields& t, std::string_view name);

  Snapshot s_;
  int current_year_;
  std::unordered_map<int64_t, int32_t> classes_;  // database id -> dense index
  std::unordered_map<int64_t, std::string> names_;  // the register's teachers by id
};

Snapshot build_snapshot(const Registers& registers, int current_year);

}  // namespace edu::analytics
