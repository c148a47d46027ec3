// Migration 18: 职称评聘 (workflow/title_workflow.cpp, DOMAIN.md "Teachers'
// work"). Plain SQL that runs alike on SQLite and PostgreSQL.
//  - school_posts: the approved posts (核定岗位) of a school, per school year
//    and level (高级, 一级, 二级, 三级: core/enums titles()).
//  - title_appointments: a teacher's appointments, appended, never changed;
//    the newest row (by id) is the teacher's present one: the title held
//    (评审, title_level), the post held (聘任, post_level; "" after 解聘),
//    the status (聘任, 高职低聘, 缓聘, 解聘), its reason and since when. A
//    teacher with no row holds the post of the register's title.
//  - title_rounds: the application rounds (职称申报批次); at most one open,
//    which the unique partial index keeps even when two openings race.
//  - title_applications: which round each 职称申报 case belongs to, and the
//    level applied for.
//  - A teacher has at most one open title case (cases_one_open_title).
#pragma once

namespace edu {

inline constexpr const char* kMigration0018Titles = R"SQL(
CREATE TABLE school_posts (
  school_id BIGINT NOT NULL REFERENCES schools(id),
  school_year BIGINT NOT NULL,
  level TEXT NOT NULL,
  approved BIGINT NOT NULL,
  PRIMARY KEY (school_id, school_year, level)
);
CREATE TABLE title_appointments (
  id {{id}},
  teacher_id BIGINT NOT NULL REFERENCES teachers(id),
  case_id BIGINT REFERENCES cases(id),
  title_level TEXT NOT NULL,
  post_level TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  since TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX title_appointments_teacher ON title_appointments(teacher_id, id);
CREATE TABLE title_rounds (
  id {{id}},
  year BIGINT NOT NULL,
  name TEXT NOT NULL,
  is_open BIGINT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL
);
CREATE UNIQUE INDEX title_rounds_one_open ON title_rounds(is_open) WHERE is_open = 1;
CREATE TABLE title_applications (
  case_id BIGINT PRIMARY KEY REFERENCES cases(id),
  round_id BIGINT NOT NULL REFERENCES title_rounds(id),
  teacher_id BIGINT NOT NULL REFERENCES teachers(id),
  level TEXT NOT NULL
);
CREATE INDEX title_applications_round ON title_applications(round_id);
CREATE UNIQUE INDEX cases_one_open_title ON cases(teacher_id)
  WHERE kind = 'title' AND state IN ('待学校推荐', '待县级评审', '待聘任', '缓聘');
)SQL";

}  // namespace edu
