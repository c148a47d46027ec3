// 继续教育 (DOMAIN.md "Teachers' work"): a course (培训项目) and the rows of its
// roster, as plain records. A course has a level — 国家/省/市/县 courses are
// the county's (no school), a 校本 course belongs to the one school that runs
// it — whole 学时, dates, and may target a 学段 and/or a subject (empty: any).
// It counts for the school year its start date falls in (core/model.h
// school_year_of). A roster row names a teacher: whether they must attend
// (required), attended, passed, and the 学时 credited (0 … the course's hours;
// only an attended row is passed or credited).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/status.h"

namespace edu {

struct TrainingCourse {
  int64_t id = 0;
  std::string name;
  std::string level;      // training_levels()
  std::string organiser;  // 主办单位
  Date start_date, end_date;
  int64_t hours = 0;      // 学时
  std::string section;    // the 学段 targeted; "" = any
  std::string subject;    // the subject targeted; "" = any
  std::optional<int64_t> school_id;   // a 校本 course's school; none for the others
  std::optional<int64_t> created_by;  // the user who created it
};

struct RosterEntry {
  int64_t course_id = 0;
  int64_t teacher_id = 0;
  bool required = true;
  bool attended = false;
  bool passed = false;
  int64_t hours_credited = 0;
};

// What the analytics read (analytics/training.h): teachers with their school
// (name, area, kind), courses, and roster rows, as plain rows.
struct TrainingTeacherRow {
  int64_t id = 0;
  std::string name, id_number, post, section, subject;
  int64_t school_id = 0, area_id = 0;
  std::string school_name, school_kind;
};
struct TrainingCourseRow {
  int64_t id = 0;
  std::string name, level;
  Date start_date;
  int64_t hours = 0;
};
struct TrainingTables {
  std::vector<TrainingTeacherRow> teachers;
  std::vector<TrainingCourseRow> courses;
  std::vector<RosterEntry> entries;
};
inline const std::string kSchoolBasedLevel = "校本";
const Enumeration& training_levels();  // 国家 省 市 县 校本

// The first rule the row breaks, as a Chinese "validation" Status naming the
// field (passed or credited without attending, hours beyond the course's or
// negative); Ok otherwise. `who` names the teacher in the message.
Status check_roster_entry(const RosterEntry& entry, int64_t course_hours, const std::string& who);

}  // namespace edu
