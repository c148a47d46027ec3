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

GroupMembers::GroupMembers(const Grouping& grouping) : offsets(grouping.count + 1, 0) {
  for (int32_t g : grouping.of)
    if (g >= 0) ++offsets[g + 1];
  for (int32_t g = 0; g < grouping.count; ++g) offsets[g + 1] += offsets[g];
  members.resize(offsets.back());
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (uint32_t i = 0; i < grouping.of.size(); ++i)
    if (grouping.of[i] >= 0) members[next[grouping.of[i]]++] = i;
}

}  // namespace edu::exam
