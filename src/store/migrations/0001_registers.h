// Migration 1: the registers (areas, schools, classes, students, enrolments,
// teachers, conditions), users and sessions, and the audit log.
#pragma once

namespace edu {

inline constexpr const char* kMigration0001Registers = R"SQL(
CREATE TABLE areas (
  id {{id}},
  parent_id BIGINT REFERENCES areas(id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL
);
CREATE TABLE schools (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  ownership TEXT NOT NULL,
  location TEXT NOT NULL,
  area_id BIGINT NOT NULL REFERENCES areas(id),
  parent_school_id BIGINT REFERENCES schools(id),
  address TEXT NOT NULL DEFAULT '',
  principal TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  founded_year BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX schools_area ON schools(area_id);
CREATE TABLE teachers (
  id {{id}},
  id_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  school_id BIGINT NOT NULL REFERENCES schools(id),
  post TEXT NOT NULL,
  education TEXT NOT NULL,
  title TEXT NOT NULL,
  subject TEXT NOT NULL,
  backbone TEXT NOT NULL,
  on_staff BIGINT NOT NULL,
  hired_on TEXT NOT NULL
);
CREATE INDEX teachers_school ON teachers(school_id);
CREATE INDEX teachers_name ON teachers(name);
CREATE TABLE classes (
  id {{id}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  school_year BIGINT NOT NULL,
  section TEXT NOT NULL,
  grade BIGINT NOT NULL,
  class_no BIGINT NOT NULL,
  name TEXT NOT NULL,
  head_teacher_id BIGINT REFERENCES teachers(id),
  UNIQUE (school_id, school_year, section, grade, class_no)
);
CREATE TABLE students (
  id {{id}},
  id_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  school_id BIGINT NOT NULL REFERENCES schools(id),
  class_id BIGINT REFERENCES classes(id),
  status TEXT NOT NULL,
  enrolled_on TEXT NOT NULL,
  household TEXT NOT NULL,
  left_behind BIGINT NOT NULL DEFAULT 0,
  disabled BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX students_school ON students(school_id, status);
CREATE INDEX students_class ON students(class_id);
CREATE INDEX students_name ON students(name);
CREATE TABLE enrolments (
  student_id BIGINT NOT NULL REFERENCES students(id),
  school_year BIGINT NOT NULL,
  school_id BIGINT NOT NULL REFERENCES schools(id),
  class_id BIGINT NOT NULL REFERENCES classes(id),
  grade BIGINT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (student_id, school_year)
);
CREATE INDEX enrolments_school_year ON enrolments(school_id, school_year);
CREATE TABLE conditions (
  school_id BIGINT NOT NULL REFERENCES schools(id),
  school_year BIGINT NOT NULL,
  building_area DOUBLE PRECISION NOT NULL,
  teaching_area DOUBLE PRECISION NOT NULL,
  sports_area DOUBLE PRECISION NOT NULL,
  equipment_value DOUBLE PRECISION NOT NULL,
  books BIGINT NOT NULL,
  computers BIGINT NOT NULL,
  multimedia_rooms BIGINT NOT NULL,
  PRIMARY KEY (school_id, school_year)
);
CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  area_id BIGINT REFERENCES areas(id),
  school_id BIGINT REFERENCES schools(id),
  teacher_id BIGINT REFERENCES teachers(id),
  active BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE audit_log (
  id {{id}},
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE TABLE audit_changes (
  audit_id BIGINT NOT NULL REFERENCES audit_log(id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_changes_audit ON audit_changes(audit_id);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)SQL";

}  // namespace edu
