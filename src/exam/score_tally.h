// A column tallied by group: for each group, how many counted candidates hold
// each point value, with 应考, 实考 and the highest and lowest score sat —
// all that score_stats reads for a level of few groups (tallied_score_stats).
//
// Contract (the figures as in score_stats.h):
//  - Rows are the groups 0 … groups − 1, then one more, "outside": the
//    candidates of no group (−1), so that a coarser grouping can take them.
//  - Row g: at[v] = its counted candidates with v points (points clamped to
//    [0, full]); expected/sat count its 应考/实考; max/min are over those who
//    sat (0 and full when nobody sat). Exempt candidates are in no row.
//  - count(): one pass over the candidates.
//  - sum(): the tally of a coarser grouping whose groups are unions of the
//    finer one's (school → township → county): the finer row r goes to group
//    parent[r], to outside when −1; parent has an entry for every finer row,
//    outside included (the county takes the candidates of no township). Every
//    field is a count or a max/min, so the sum is exactly what count() gives
//    for the coarser grouping, with one pass over the finer groups' rows
//    instead of one over the candidates.
//  - Filled again, the arrays keep their capacity (one kept per thread costs
//    no fresh pages).
#pragma once

#include <cstdint>
#include <vector>

#include "exam/exam_data.h"
#include "exam/grouping.h"

namespace edu::exam {

struct ScoreTally {
  int32_t groups = 0;
  size_t width = 0;              // full + 1
  std::vector<uint32_t> at;      // (groups + 1) × width, row by row
  std::vector<int64_t> expected, sat;  // per row
  std::vector<Points> max, min;        // per row

  void count(const Column& column, const Grouping& grouping, Points full, AbsentPolicy policy);
  void sum(const ScoreTally& finer, const std::vector<int32_t>& parent, int32_t count);
  uint32_t* row(int32_t r) { return at.data() + static_cast<size_t>(r) * width; }
  const uint32_t* row(int32_t r) const { return at.data() + static_cast<size_t>(r) * width; }
  int32_t outside() const { return groups; }
};

}  // namespace edu::exam
