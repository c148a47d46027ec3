// The demo county's 交流轮岗 for the current school year, taken through the
// case engine as the schools and the bureau would (workflow/exchange_workflow.cpp),
// from the year's plan (workflow/exchange_report.h): each school that must send
// proposes its quota — ⌈10%⌉ of its eligible, the 骨干 among them first up to
// ⌈20%⌉ of those — to the county's 乡村 schools in turn (of its own kind where
// there is one), starting 1 September, approved (the teachers move); the
// first school's last one still waits for the receiving school, and one more
// of it is refused by the receiving school. The last sending school proposes
// one fewer than its quota: short. A county with no 乡村 school or no school
// that must send gets none. Actors as in demo/casework.h ("演示:<学校>").
#pragma once

#include "core/date.h"
#include "store/database.h"

namespace edu::demo {

Status write_demo_exchange(Database& db, const Date& today);

}  // namespace edu::demo
