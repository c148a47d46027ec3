// Grouping: which group (school, class, teacher …) each candidate belongs to,
// and the candidates of each group in one flat array (a counting sort), so a
// pass over one group touches only its members.
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

// Members of every group: members[offsets[g] .. offsets[g + 1]).
struct GroupMembers {
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> members;
  explicit GroupMembers(const Grouping& grouping);
  size_t size(int32_t g) const { return offsets[g + 1] - offsets[g]; }
  const uint32_t* begin(int32_t g) const { return members.data() + offsets[g]; }
  const uint32_t* end(int32_t g) const { return members.data() + offsets[g + 1]; }
};

}  // namespace edu::exam
