// The demo county's 学籍异动 casework (workflow/case_engine.h), taken through
// the engine as the schools and the bureau would, dated back from `today`:
// between the first two 小学 of the county, a 县内转学 approved, one refused
// by the receiving school, one refused by the bureau, one left unanswered
// until it expired (swept on `today`), one requested by the receiving school
// and waiting for the sender; a 休学 approved, one waiting for the bureau past
// its deadline (overdue); a 辍学 recorded; each application's 证明材料 a small
// PDF uploaded by its school. The schools act as actors of their
// own (the demo's accounts come later): the log names them "演示:<学校>".
#pragma once

#include <optional>

#include "access/policy.h"
#include "core/date.h"
#include "store/database.h"

namespace edu::demo {

// A school's admin (school_id given) or the bureau as the demo acts:
// logged as "演示:<name>".
Actor demo_actor(const std::string& role_name, std::optional<int64_t> school_id, const std::string& name);

Status write_demo_casework(Database& db, const Date& today);


}  // namespace edu::demo
