// Merging whole parts into groups (a subject's teachers from their classes),
// checked entry by entry on a hand-made case of two and of four parts.
#include "exam/sorted_groups.h"

#include <gtest/gtest.h>

namespace edu::exam {
namespace {

// Six parts, each ascending by points; part 3 is empty.
SortedGroups six_parts() {
  SortedGroups parts;
  parts.slots = {{2, 0, 1}, {5, 1, 1}, {9, 2, 1},  // part 0
                 {1, 3, 1}, {5, 4, 0},             // part 1 (candidate 4 absent, counted)
                 {5, 5, 1}, {7, 6, 1},             // part 2
                 {0, 7, 1}, {5, 8, 1},             // part 4
                 {3, 9, 1}};                       // part 5
  parts.start = {0, 3, 5, 7, 7, 9, 10};
  parts.end = {3, 5, 7, 7, 9, 10};
  return parts;
}

std::vector<std::pair<Points, uint32_t>> group_of(const SortedGroups& groups, int32_t g) {
  std::vector<std::pair<Points, uint32_t>> out;
  for (uint32_t k = groups.start[g]; k < groups.end[g]; ++k)
    out.push_back({groups.slots[k].points, groups.slots[k].who});
  return out;
}

TEST(SortedGroups, MergedGroupsAreTheirPartsInOrderEarlierPartFirstAmongEquals) {
  SortedGroups merged;
  merged.merge(six_parts(), {0, 1, 0, 1, 1, 1}, 3);  // group 0: parts 0 and 2; group 1: 1, 3, 4, 5; group 2: none
  using Row = std::vector<std::pair<Points, uint32_t>>;
  EXPECT_EQ(group_of(merged, 0), (Row{{2, 0}, {5, 1}, {5, 5}, {7, 6}, {9, 2}}));
  EXPECT_EQ(group_of(merged, 1), (Row{{0, 7}, {1, 3}, {3, 9}, {5, 4}, {5, 8}}));
  EXPECT_EQ(merged.size(2), 0u);
  EXPECT_EQ(merged.slots[merged.start[1] + 3].sat, 0u);  // the absent candidate stays absent
}

}  // namespace
}  // namespace edu::exam
