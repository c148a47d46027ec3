// The records behind a cell of the balance table (a school's section in a
// school year): the denominator is the section's students; the numerator the
// section's 专任教师 the indicator counts — all of them, 高于规定学历 (the
// default 小学 rule: 专科及以上) or 骨干. Other numerators (体音美教师, 职称,
// the school's conditions) have no list that selects them, and teacher
// numerators none for a year without teacher data.
#pragma once

#include "analytics/balance_standard.h"
#include "analytics/record_list.h"
#include "analytics/snapshot.h"

namespace edu::analytics {

RecordLinks balance_cell_records(Quantity quantity, const SchoolInfo& school, Section section,
                                 int year, const BalanceSettings& settings, bool teachers_known);

}  // namespace edu::analytics
