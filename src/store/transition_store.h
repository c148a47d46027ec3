// The 小升初 lists' input (analytics/transition.h) for a school year Y, read
// from the registers: every school with its township (core/area_tree.h: a
// school in a 学区 lists under the 学区's township), the 划片, the graduates
// (enrolments of Y-1 in 小学六年级 closed as 毕业) and the 七年级 enrolments of Y.
#pragma once

#include "analytics/transition.h"
#include "store/database.h"

namespace edu {

Result<transition::Input> load_transition_input(Database& db, int year);

}  // namespace edu
