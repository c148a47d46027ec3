// Grouping: which group (school, class, teacher …) each candidate belongs to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace edu::exam {

struct Grouping {
  std::vector<int32_t> of;  // group of candidate i, or -1 for none
  int32_t count = 0;        // number of groups

  static Grouping single(size_t candidates);  // everyone in group 0 (the county)
  static Grouping by(std::vector<int32_t> of, int32_t count);
  // Group of each candidate mapped through `parent` (e.g. school → township).
  Grouping lifted(const std::vector<int32_t>& parent, int32_t parent_count) const;
};

}  // namespace edu::exam
