// Migration 12: the case log (migration 11) is append-only in the database
// itself — an UPDATE or DELETE of a case_log row is refused by a trigger, so a
// case's history cannot be edited even by hand or by a bug.
#pragma once

namespace edu {

inline constexpr const char* kMigration0012CaseLogGuard = R"SQL(
CREATE TRIGGER case_log_no_update BEFORE UPDATE ON case_log
BEGIN
  SELECT RAISE(ABORT, '办理记录不可修改');
END;
CREATE TRIGGER case_log_no_delete BEFORE DELETE ON case_log
BEGIN
  SELECT RAISE(ABORT, '办理记录不可删除');
END;
)SQL";

}  // namespace edu
