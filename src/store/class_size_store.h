// Classes of a school year with the students enrolled in them that year (班额,
// counted from enrolments as the statistics count; classes nobody is enrolled
// in are left out), across the schools of a Scope, filtered and paged.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"
#include "store/paging.h"
#include "store/scope.h"

namespace edu {

struct ClassSizeFilter {
  int school_year = 0;
  std::optional<int64_t> area_id, school_id;
  std::string location, section;
  std::string band;  // core/class_size.h: 大班额 / 超大班额; "" for any size
};

struct ClassSizeView {
  SchoolClass klass;
  std::string school_name;
  int64_t students = 0;  // enrolled in the class that year
};

// Sortable (PageRequest::sort): students, grade, school.
Result<Page<ClassSizeView>> list_class_sizes(Database& db, const Scope& scope,
                                             const ClassSizeFilter& filter, PageRequest page);

}  // namespace edu
