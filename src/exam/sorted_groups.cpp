#include "exam/sorted_groups.h"

#include <algorithm>

namespace edu::exam {

void SortedGroups::distribute(const SortedColumn& sorted, size_t index, int32_t count) {
  const std::vector<int32_t>& group = sorted.group[index];
  start.assign(count + 1, 0);
  for (int32_t g : group)
    if (g >= 0) ++start[g + 1];
  for (int32_t g = 0; g < count; ++g) start[g + 1] += start[g];
  end.assign(start.begin(), start.end() - 1);
  slots.resize(start.back());
  for (size_t k = 0; k < sorted.entries.size(); ++k)
    if (group[k] >= 0) slots[end[group[k]]++] = sorted.entries[k];
}

void SortedGroups::merge(const SortedGroups& parts, const std::vector<int32_t>& parent, int32_t count) {
  const size_t part_count = std::min(parent.size(), parts.end.size());  // parts beyond either have no group
  start.assign(count + 1, 0);
  for (size_t p = 0; p < part_count; ++p)
    if (parent[p] >= 0) start[parent[p] + 1] += parts.size(static_cast<int32_t>(p));
  for (int32_t g = 0; g < count; ++g) start[g + 1] += start[g];
  end.assign(start.begin(), start.end() - 1);
  slots.resize(start.back());
  thread_local std::vector<SortedColumn::Entry> merged;  // the group's entries so far
  auto by_points = [](const SortedColumn::Entry& a, const SortedColumn::Entry& b) { return a.points < b.points; };
  for (size_t p = 0; p < part_count; ++p) {
    const int32_t g = parent[p];
    if (g < 0) continue;
    const SortedColumn::Entry* part = parts.slots.data() + parts.start[p];
    SortedColumn::Entry* const first = slots.data() + start[g];
    merged.assign(first, slots.data() + end[g]);
    end[g] = static_cast<uint32_t>(
        std::merge(merged.begin(), merged.end(), part, part + parts.size(static_cast<int32_t>(p)), first, by_points) -
        slots.data());
  }
}

}  // namespace edu::exam
