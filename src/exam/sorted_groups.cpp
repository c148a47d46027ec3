#include "exam/sorted_groups.h"

#include <algorithm>

namespace edu::exam {
namespace {

// Two ascending runs merged into `out`, a's entries first among equal points;
// without a branch on the points (they are unpredictable).
SortedColumn::Entry* merge_two(const SortedColumn::Entry* a, const SortedColumn::Entry* a_end,
                               const SortedColumn::Entry* b, const SortedColumn::Entry* b_end,
                               SortedColumn::Entry* out) {
  while (a < a_end && b < b_end) {
    const SortedColumn::Entry heads[2] = {*a, *b};
    const size_t take_b = b->points < a->points;
    *out++ = heads[take_b];  // an index, not a jump
    b += take_b;
    a += 1 - take_b;
  }
  return std::copy(b, b_end, std::copy(a, a_end, out));
}

}  // namespace

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
  // Kept per thread: group g's parts are of_group[first[g], first[g + 1]), in part order.
  thread_local std::vector<uint32_t> first, next, of_group;
  start.assign(count + 1, 0);
  first.assign(count + 1, 0);
  for (size_t p = 0; p < part_count; ++p)
    if (parent[p] >= 0) {
      start[parent[p] + 1] += parts.size(static_cast<int32_t>(p));
      ++first[parent[p] + 1];
    }
  for (int32_t g = 0; g < count; ++g) {
    start[g + 1] += start[g];
    first[g + 1] += first[g];
  }
  end.assign(start.begin() + 1, start.end());
  slots.resize(start.back());
  of_group.resize(first.back());
  next.assign(first.begin(), first.end() - 1);
  for (size_t p = 0; p < part_count; ++p)
    if (parent[p] >= 0) of_group[next[parent[p]]++] = static_cast<uint32_t>(p);
  // Each group's parts merged one after the other, between the group's slots
  // and a scratch run, so that the last merge ends in the slots.
  thread_local std::vector<SortedColumn::Entry> scratch;
  scratch.resize(slots.size());
  for (int32_t g = 0; g < count; ++g) {
    const uint32_t n_parts = first[g + 1] - first[g];
    if (n_parts == 0) continue;
    SortedColumn::Entry* run[2] = {slots.data() + start[g], scratch.data() + start[g]};
    int at = (n_parts - 1) % 2;
    auto part = [&](uint32_t k) {
      const auto p = static_cast<int32_t>(of_group[first[g] + k]);
      return std::pair{parts.slots.data() + parts.start[p], parts.slots.data() + parts.end[p]};
    };
    SortedColumn::Entry* run_end = std::copy(part(0).first, part(0).second, run[at]);
    for (uint32_t k = 1; k < n_parts; ++k) {
      const auto [from, to] = part(k);
      run_end = merge_two(run[at], run_end, from, to, run[1 - at]);
      at = 1 - at;
    }
  }
}

}  // namespace edu::exam
