// Cases and their log (migrations 11, 12, 17), as stored. The engine
// (workflow/case_engine.h) decides every transition; this only reads and
// writes rows. case_log is append-only: there is no update or delete of it,
// and the database refuses one (migration 12's triggers).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/scope.h"

namespace edu {

struct CaseRecord {
  int64_t id = 0;
  std::string kind;
  int64_t student_id = 0;        // 0 until a 转入's approval creates the student
  std::string state;
  int64_t school_id = 0;         // the sending school (the student's, when opened)
  int64_t target_school_id = 0;  // the receiving school; 0 for none
  std::string due_on;            // "YYYY-MM-DD" while waiting, "" when closed
  int64_t created_by = 0;
  std::string created_at, updated_at;
  std::string fields = "{}";     // JSON text of the fields given so far
  int64_t teacher_id = 0;        // a teacher case's teacher (交流轮岗); 0 for a student case
};

struct CaseView {
  CaseRecord record;
  std::string student_name, school_name, target_school_name;  // student_name: the fields' "name" until created
  std::string teacher_name;  // a teacher case's
};

struct CaseLogEntry {
  int64_t case_id = 0;
  std::string at;
  int64_t user_id = 0;
  std::string username, action, from_state, to_state, comment;
  std::string fields = "{}";
};

// A waiting state: cases of `kind` in `state`, where `school_column`
// ("school_id" or "target_school_id") is `school_id`; "" for any school.
// `overdue_only`: only those due before list_cases' `today`.
struct CaseWaiting {
  std::string kind, state, school_column;
  int64_t school_id = 0;
  bool overdue_only = false;
};

struct CaseFilter {
  std::optional<std::vector<CaseWaiting>> waiting;  // any of them (empty: none)
  std::optional<int64_t> school_id;  // sending or receiving school
  std::optional<int64_t> area_id;    // either school in this area or below
  std::optional<int64_t> created_by;
  std::optional<int64_t> id;
  std::optional<int64_t> student_id;
  std::optional<std::string> kind;
  std::optional<std::string> due_before;  // due_on before this day: overdue
  std::optional<int64_t> teacher_id;
};

// Overdue first (due_on before `today`), then by due date, newest last.
Result<std::vector<CaseView>> list_cases(Database& db, const CaseFilter& filter, const std::string& today);
// Unscoped: the engine decides who may see it.
Result<std::optional<CaseView>> get_case(Database& db, int64_t id);
// The open cases (state not in `closed`) of a student, of one kind.
Result<int64_t> count_open_cases(Database& db, int64_t student_id, const std::string& kind,
                                 const std::vector<std::string>& closed);
// The same of a teacher.
Result<int64_t> count_open_teacher_cases(Database& db, int64_t teacher_id, const std::string& kind,
                                         const std::vector<std::string>& closed);
Result<int64_t> insert_case(Database& db, const CaseRecord& record);
// Sets state, due_on, fields and updated_at.
Status update_case_state(Database& db, const CaseRecord& record);
// A 转入's student, created by its approval.
Status set_case_student(Database& db, int64_t case_id, int64_t student_id);
Status append_case_log(Database& db, const CaseLogEntry& entry);
Result<std::vector<CaseLogEntry>> case_log(Database& db, int64_t case_id);
// The logs of several cases in one read, by case then in order.
Result<std::vector<CaseLogEntry>> case_logs(Database& db, const std::vector<int64_t>& case_ids);

}  // namespace edu
