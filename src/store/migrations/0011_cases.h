// Migration 11: casework (workflow/workflow_spec.h declares the workflows).
// `cases` holds each case's current state; `case_log` every transition, append
// only: nothing in the code updates or deletes a case_log row.
#pragma once

namespace edu {

inline constexpr const char* kMigration0011Cases = R"SQL(
CREATE TABLE cases (
  id {{id}},
  kind TEXT NOT NULL,
  student_id BIGINT NOT NULL REFERENCES students(id),
  state TEXT NOT NULL,
  school_id BIGINT NOT NULL REFERENCES schools(id),
  target_school_id BIGINT REFERENCES schools(id),
  due_on TEXT,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX cases_student ON cases(student_id);
CREATE INDEX cases_school ON cases(school_id, state);
CREATE INDEX cases_target ON cases(target_school_id, state);
CREATE INDEX cases_state ON cases(kind, state, due_on);
CREATE TABLE case_log (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_log_case ON case_log(case_id, id);
)SQL";

}  // namespace edu
