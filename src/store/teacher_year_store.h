// The staff's history (table teacher_years, core/model.h TeacherYear): one row
// per teacher and school year, copied from the register. Saving a teacher keeps
// the current year's row in step; a rollover writes every teacher's rows of the
// closing year and of the year it opens (store/rollover_store.h). Writing a year
// again overwrites it.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

#include "store/database.h"

namespace edu {

// Copies the register's teachers whose ids lie in [first_id, last_id] (every
// teacher by default) into the rows of `school_year`, in one statement.
Status record_teacher_years(Database& db, int school_year, int64_t first_id = 0,
                            int64_t last_id = std::numeric_limits<int64_t>::max());

struct TeacherYearView {
  TeacherYear year;
  std::string school_name;
};

// One teacher's rows, oldest year first, with each year's school name (the
// caller has decided the teacher may be seen).
Result<std::vector<TeacherYearView>> teacher_years_of(Database& db, int64_t teacher_id);

}  // namespace edu
