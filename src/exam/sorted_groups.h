// A column's counted entries kept to each group of one grouping, each group's
// in ascending order of points — what score_stats reads for many small groups.
//
// Contract:
//  - Group g's entries are slots[start[g], end[g]), ascending by points.
//  - distribute(): from the column's one sort (SortedColumn::group[index]),
//    in one pass in order, so ties keep candidate order.
//  - merge(): for groups that are unions of another grouping's groups (a
//    subject's teacher teaches whole classes): part p belongs to group
//    parent[p], to none when −1; each group's entries are a merge of its
//    parts' (ties: the earlier part first). Nothing score_stats computes
//    depends on the order among equal points (ranks depend on points alone),
//    so a merge gives the same figures as a distribution.
//  - The vectors keep their capacity when filled again, so one SortedGroups
//    reused across columns costs no fresh pages.
#pragma once

#include <cstdint>
#include <vector>

#include "exam/sorted_column.h"

namespace edu::exam {

struct SortedGroups {
  std::vector<SortedColumn::Entry> slots;
  std::vector<uint32_t> start, end;

  void distribute(const SortedColumn& sorted, size_t index, int32_t count);
  void merge(const SortedGroups& parts, const std::vector<int32_t>& parent, int32_t count);
  uint32_t size(int32_t g) const { return end[g] - start[g]; }
};

}  // namespace edu::exam
