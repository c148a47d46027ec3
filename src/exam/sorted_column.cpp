#include "exam/sorted_column.h"

#include <algorithm>

namespace edu::exam {

SortedColumn SortedColumn::of(const Column& column, Points full, AbsentPolicy policy,
                              const std::vector<const Grouping*>& groupings) {
  SortedColumn out;
  out.sort(column, full, policy, groupings);
  return out;
}

void SortedColumn::sort(const Column& column, Points full, AbsentPolicy policy,
                        const std::vector<const Grouping*>& groupings) {
  full = std::max<Points>(full, 0);
  std::vector<uint32_t> start(static_cast<size_t>(full) + 2, 0);  // start[v + 1] counts v, then prefix sums
  for (size_t i = 0; i < column.points.size(); ++i)
    if (counted(column.sitting[i], policy)) ++start[std::clamp<Points>(column.points[i], 0, full) + 1];
  for (size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
  entries.resize(start.back());  // every entry and group below is written
  group.resize(groupings.size());
  for (std::vector<int32_t>& of_entry : group) of_entry.resize(start.back());
  uncounted.clear();
  // Plain pointers: the compiler need not reload every vector's data after each store.
  const Points* const points = column.points.data();
  const Sitting* const sitting = column.sitting.data();
  Entry* const sorted = entries.data();
  uint32_t* const next = start.data();
  thread_local std::vector<std::pair<const int32_t*, int32_t*>> of;  // (group of candidate, group of entry)
  of.clear();
  for (size_t j = 0; j < groupings.size(); ++j) of.push_back({groupings[j]->of.data(), group[j].data()});
  for (size_t i = 0; i < column.points.size(); ++i) {
    if (!counted(sitting[i], policy)) {
      if (sitting[i] != Sitting::kExempt) uncounted.push_back(static_cast<uint32_t>(i));
      continue;
    }
    const Points p = std::clamp<Points>(points[i], 0, full);
    const uint32_t k = next[p]++;
    sorted[k] = {p, static_cast<uint32_t>(i), sitting[i] == Sitting::kSat};
    for (const auto& [candidate_group, entry_group] : of) entry_group[k] = candidate_group[i];
  }
}

}  // namespace edu::exam
