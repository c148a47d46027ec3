// Migration 12: cases whose student is not in the register yet (转入 from
// outside the county: the student record is created by the approval), and a
// case log that is append-only in the database itself.
//  - cases.student_id may be NULL until then. SQLite cannot drop a NOT NULL,
//    so cases is rebuilt: renamed aside (case_log's reference follows it),
//    copied into the new table, case_log rebuilt to reference the new one,
//    the old dropped; indexes re-created.
//  - An UPDATE or DELETE of a case_log row is refused by a trigger, so a
//    case's history cannot be edited even by hand or by a bug.
#pragma once

namespace edu {

inline constexpr const char* kMigration0012CaseLogGuard = R"SQL(
ALTER TABLE cases RENAME TO cases_old;
CREATE TABLE cases (
  id {{id}},
  kind TEXT NOT NULL,
  student_id BIGINT REFERENCES students(id),
  state TEXT NOT NULL,
  school_id BIGINT NOT NULL REFERENCES schools(id),
  target_school_id BIGINT REFERENCES schools(id),
  due_on TEXT,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO cases SELECT * FROM cases_old;
CREATE TABLE case_log_new (
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
INSERT INTO case_log_new SELECT * FROM case_log;
DROP TABLE case_log;
ALTER TABLE case_log_new RENAME TO case_log;
DROP TABLE cases_old;
CREATE INDEX cases_student ON cases(student_id);
CREATE INDEX cases_school ON cases(school_id, state);
CREATE INDEX cases_target ON cases(target_school_id, state);
CREATE INDEX cases_state ON cases(kind, state, due_on);
CREATE INDEX case_log_case ON case_log(case_id, id);
CREATE TRIGGER case_log_no_update BEFORE UPDATE ON case_log
BEGIN
  SELECT RAISE(ABORT, '办理记录不可修改');
END;
CREATE TRIGGER case_log_no_delete BEFORE DELETE ON case_log
BEGIN
  SELECT RAISE(ABORT, '办理记录不可删除');
END;
)SQL";

// PostgreSQL drops the NOT NULL in place and guards the log with one trigger
// function.
inline constexpr const char* kMigration0012CaseLogGuardPostgres = R"SQL(
ALTER TABLE cases ALTER COLUMN student_id DROP NOT NULL;
CREATE FUNCTION case_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION '办理记录不可修改';
  END IF;
  RAISE EXCEPTION '办理记录不可删除';
END
$$;
CREATE TRIGGER case_log_no_update BEFORE UPDATE OR DELETE ON case_log
  FOR EACH ROW EXECUTE FUNCTION case_log_append_only();
)SQL";

}  // namespace edu
