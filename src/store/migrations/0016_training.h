// Migration 16: 继续教育 (core/training.h). A course (培训项目) at one level
// (国家/省/市/县/校本) — a 校本 course belongs to its school (school_id), the
// others to the county (school_id NULL) — and its roster: one row per teacher
// named on it, whether they must attend (required), attended, passed, and the
// 学时 credited to them. Hours are whole 学时.
#pragma once

namespace edu {

inline constexpr const char* kMigration0016Training = R"SQL(
CREATE TABLE training_courses (
  id {{id}},
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  organiser TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  hours BIGINT NOT NULL,
  section TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  school_id BIGINT REFERENCES schools(id),
  created_by BIGINT REFERENCES users(id)
);
CREATE INDEX training_courses_start ON training_courses(start_date);
CREATE INDEX training_courses_school ON training_courses(school_id);
CREATE TABLE training_roster (
  course_id BIGINT NOT NULL REFERENCES training_courses(id),
  teacher_id BIGINT NOT NULL REFERENCES teachers(id),
  required BIGINT NOT NULL DEFAULT 1,
  attended BIGINT NOT NULL DEFAULT 0,
  passed BIGINT NOT NULL DEFAULT 0,
  hours_credited BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (course_id, teacher_id)
);
CREATE INDEX training_roster_teacher ON training_roster(teacher_id);
)SQL";

}  // namespace edu
