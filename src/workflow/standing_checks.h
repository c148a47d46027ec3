// The bureau's standing checks (数据核查) as a user sees them: reads the
// county's rows (store/check_store.h), runs one check
// (analytics/register_checks.h, where each rule is stated) and keeps the rows
// that touch the user's scope — a row is seen where any school it names is:
// the bureau sees all, a township officer the rows of their township's
// schools, a school admin their school's. Other roles are refused.
//
// 转出未到 counts days against the setting transfer_confirm_days (30 when
// unset): a 转出 older than that with no confirmation is listed.
#pragma once

#include <string>
#include <vector>

#include "access/policy.h"
#include "core/date.h"

namespace edu {

struct CheckKind {
  std::string key;    // duplicates, sat_elsewhere, lost_transfers
  std::string title;  // 重复学籍 …
  std::string description;  // the rule in one sentence, shown above the rows
};
const std::vector<CheckKind>& check_kinds();
const CheckKind* find_check_kind(const std::string& key);

// One finding. The student is the record the row is about; "other" is the
// second record (重复学籍), the school sat at (附读) or the receiving school
// (转出未到, a 县内转学 case).
// `*_in_scope`: whether the user may open that record (its school is in their
// scope); a 重复学籍 row names the record in scope first.
struct CheckRow {
  int64_t student_id = 0;
  std::string student_name, school_name, status;
  bool student_in_scope = false;
  int64_t other_student_id = 0;
  std::string other_name, other_school_name, other_status;
  bool other_in_scope = false;
  std::string reason, detail;
};

inline const char* kTransferConfirmDaysSetting = "transfer_confirm_days";

// The rows of each check in `kinds` (check_kinds() keys) the actor sees, in
// the check's order; the county's rows are read once for all of them.
// Refused ("forbidden") for roles that do not read checks; an unknown kind is
// not found.
Result<std::vector<std::vector<CheckRow>>> run_checks(Database& db, const Actor& actor,
                                                      const std::vector<std::string>& kinds, const Date& today);

}  // namespace edu
