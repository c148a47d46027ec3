// Counts for the home dashboard, within a Scope: schools by kind and township
// (a 学区's schools in its township), teachers by education and title, class
// sizes. (Its 在校生 are 统计指标's, analytics/statistics.h.)
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/scope.h"

namespace edu {

using Counts = std::vector<std::pair<std::string, int64_t>>;  // (name, count), in a stable order

struct Summary {
  int64_t schools = 0, teachers = 0, classes = 0;
  Counts schools_by_kind, schools_by_area;
  Counts teachers_by_education, teachers_by_title;
  int64_t normal_classes = 0, large_classes = 0, huge_classes = 0;  // ≤55, 56–65, ≥66
};

Result<Summary> summarize(Database& db, const Scope& scope, int school_year);

}  // namespace edu
