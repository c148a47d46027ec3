// The 控辍保学 sweep: opens a dropout case (workflow/dropout_workflow.cpp),
// logged as opened by 系统, for every school-age child (dropout_min_age ..
// dropout_max_age 周岁 on `today`, settings, 6 and 15 by default) who should
// be in school and is not, as the register records it:
//   - 学籍状态 辍学;
//   - an unenrolled 小学 graduate: on the current year's 小升初 list of
//     children enrolled in no 七年级 of the county (workflow/transition_lists.h);
//   - a 休学 of more than a year not returned: 休学 now, and the enrolment of
//     the year before ended 休学 too (the register keeps a status per school
//     year, not the day the 休学 began).
// Idempotent: a child is skipped while they have an open dropout case, and
// after one closed this school year (its outcome stands until the next
// year's sweep). Runs at `serve` start and daily, and as `edubureau dropout sweep`.
#pragma once

#include "core/date.h"
#include "store/database.h"

namespace edu {

struct SweepResult {
  int opened = 0;
  int followed = 0;  // already have a case (open, or closed this school year)
};

Result<SweepResult> sweep_dropouts(Database& db, const Date& today);

}  // namespace edu
