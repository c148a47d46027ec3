#include "exam/grouping.h"

namespace edu::exam {

Grouping Grouping::single(size_t candidates) {
  return Grouping{std::vector<int32_t>(candidates, 0), 1};
}

Grouping Grouping::by(std::vector<int32_t> of, int32_t count) { return Grouping{std::move(of), count}; }

Grouping Grouping::lifted(const std::vector<int32_t>& parent, int32_t parent_count) const {
  Grouping out{std::vector<int32_t>(of.size(), -1), parent_count};
  for (size_t i = 0; i < of.size(); ++i)
    if (of[i] >= 0) out.of[i] = parent[of[i]];
  return out;
}

}  // namespace edu::exam
