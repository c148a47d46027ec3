// The demo county's 控辍保学 casework for its school year, deterministic: the
// sweep as it would have run on 9月15日 (workflow/dropout_sweep.h, as 系统),
// then the demo area officer works the cases of their township in order of
// id: the first three assigned and visited twice, and those of them whose
// status is 辍学 returned to school (返校复学 into their school's class of the
// grade they left, this year); then one whose visit was due on 11月1日
// (overdue: in the bureau's 待办 too), one 外出就读, one 送教上门, and the rest
// (up to nine in all) still 劝返中 with the next visit after the new year.
// The other townships' cases wait 待核实认定 for their officers.
// Lives beside demo_exams.h: it runs the engine, which the generator (src/demo)
// does not link.
#pragma once

#include "store/database.h"

namespace edu {

Status create_demo_dropout_cases(Database& db, int school_year);

}  // namespace edu
