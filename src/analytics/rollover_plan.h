// The school year turning over (学年升级, DOMAIN.md "The school year and the
// register's life"), planned as a pure function: the classes and students of
// the current year in, what the next year opens and who moves where out. No
// SQL here (analytics style): store/rollover_store.h loads the input and
// applies the plan in one transaction, workflow/rollover.h decides who may and
// when.
//
// For every class of year Y (school, section, grade g, 班号 n):
//   - g is the last grade of its section (小学六年级, 初中九年级, 高中/中职三年级,
//     学前大班, 特教九年级): its 在读 students graduate (毕业); no class opens.
//   - otherwise the class (Y+1, section, g+1, n) opens, named by class_label:
//     三年级(2)班 → 四年级(2)班, keeping its 班主任; its 在读 students move into it.
//   - 休学 students keep their grade: they go to the class (Y+1, section, g, n),
//     opened for them if no class of grade g-1 continues into it.
// Nothing is dropped silently; each of these is a problem, and its students are
// left as they are:
//   - a class whose grade is not one of its section's (no successor class);
//   - a class of a section the school's kind does not teach (the school has no
//     next grade for it);
//   - a 在读 or 休学 student without a class of year Y.
// Other statuses (转出, 辍学, 毕业 …) are not touched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace edu::rollover {

struct SchoolRow {
  int64_t id = 0;
  std::string name;
  std::string kind;  // school_kinds()
};

struct ClassRow {  // a class of the year rolled over from, or one the plan opens (id 0)
  int64_t id = 0;
  int64_t school_id = 0;
  std::string section;
  int grade = 0;
  int class_no = 0;
  std::string name;
  std::optional<int64_t> head_teacher_id;
};

struct StudentRow {  // a 在读 or 休学 student
  int64_t id = 0;
  int64_t school_id = 0;
  std::string name;
  std::optional<int64_t> class_id;
  std::string status;
};

struct Input {
  int from_year = 0;
  std::vector<SchoolRow> schools;
  std::vector<ClassRow> classes;
  std::vector<StudentRow> students;
};

// A student placed in a class of the new year: moved up (在读) or kept (休学).
struct Placement {
  int64_t student_id = 0;
  int64_t school_id = 0;
  size_t new_class = 0;  // index into Plan::classes
  int grade = 0;
  std::string status;  // unchanged: 在读 or 休学
};

struct Problem {
  int64_t school_id = 0;
  std::string kind;  // no_successor, no_next_grade, no_class
  std::string message;
};

struct SchoolSummary {
  int64_t school_id = 0;
  std::string school_name;
  int classes_opened = 0;
  int students_moved = 0;
  int graduates = 0;
  int kept = 0;
  int problems = 0;
};

struct Plan {
  int from_year = 0;
  int to_year = 0;
  std::vector<ClassRow> classes;  // to open in to_year
  std::vector<Placement> placements;
  std::vector<int64_t> graduates;  // student ids
  std::vector<Problem> problems;
  std::vector<SchoolSummary> schools;  // in the order of Input::schools
  SchoolSummary total;                 // school_id 0, school_name 全县
};

Plan plan_rollover(const Input& input);

}  // namespace edu::rollover
