// The current school year (学年): the latest one the register has opened, i.e.
// the highest classes.school_year, so a rollover (workflow/rollover.h) moves
// every reader to the new year at once, without a restart. A county with no
// classes yet falls back to the "school_year" setting (default 2026).
#pragma once

#include "store/database.h"

namespace edu {

Result<int> current_school_year(Database& db);

}  // namespace edu
