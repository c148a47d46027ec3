// Migration 17: cases about a teacher (workflow/workflow_spec.h, a
// workflow's subject) and 交流轮岗 (workflow/exchange_workflow.cpp).
//  - cases.teacher_id names the teacher a teacher case is about (NULL for a
//    student case); ADD COLUMN runs alike on SQLite and PostgreSQL.
//  - A teacher has at most one open exchange case: the unique partial index
//    refuses a second one even when two openings race.
//  - teacher_exchanges keeps each approved exchange: the home and host
//    schools, the start, the planned return and, once back, the return day.
#pragma once

namespace edu {

inline constexpr const char* kMigration0017TeacherExchange = R"SQL(
ALTER TABLE cases ADD COLUMN teacher_id BIGINT REFERENCES teachers(id);
CREATE INDEX cases_teacher ON cases(teacher_id);
CREATE UNIQUE INDEX cases_one_open_exchange ON cases(teacher_id)
  WHERE kind = 'exchange' AND state IN ('待派出校同意', '待接收校同意', '待教育局审批', '交流中');
CREATE TABLE teacher_exchanges (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  teacher_id BIGINT NOT NULL REFERENCES teachers(id),
  home_school_id BIGINT NOT NULL REFERENCES schools(id),
  host_school_id BIGINT NOT NULL REFERENCES schools(id),
  start_on TEXT NOT NULL,
  return_on TEXT NOT NULL,
  returned_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX teacher_exchanges_teacher ON teacher_exchanges(teacher_id);
CREATE UNIQUE INDEX teacher_exchanges_case ON teacher_exchanges(case_id);
)SQL";

}  // namespace edu
