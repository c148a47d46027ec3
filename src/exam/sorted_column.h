// The counted candidates of one column (a subject or the total) in ascending
// order of points, found once per column by a counting sort and shared by
// every grouping: a group's counted points in order are this order kept to
// its members (score_stats keeps it to a grouping's groups in one pass).
//
// Contract:
//  - Counted = those who sat, plus the absent (their points: 0, or the
//    subjects sat of a total) under AbsentPolicy::kCountAsZero, as in
//    score_stats.h. Exempt candidates are never listed.
//  - Points are clamped to [0, full] (the import accepts nothing outside).
//  - Ties keep candidate order (a stable sort).
//  - group[j][k] is the group of entry k in the j-th grouping given to of(),
//    so that distributing the entries to groups reads in order (score_stats).
//  - `uncounted` lists the candidates who are 应考 but not counted (absent
//    under AbsentPolicy::kExclude), in candidate order.
#pragma once

#include <cstdint>
#include <vector>

#include "exam/exam_data.h"
#include "exam/grouping.h"

namespace edu::exam {

struct SortedColumn {
  struct Entry {  // 8 bytes: the passes that move entries are bound by memory
    Points points;      // in [0, full]
    uint32_t who : 31;  // the candidate (index into the column; a column has fewer than 2^31)
    uint32_t sat : 1;   // 0: absent, counted
  };
  std::vector<Entry> entries;  // ascending by points
  std::vector<std::vector<int32_t>> group;  // per grouping given to of(), per entry
  std::vector<uint32_t> uncounted;

  static SortedColumn of(const Column& column, Points full, AbsentPolicy policy,
                         const std::vector<const Grouping*>& groupings);
  // The same into this one, whose arrays keep their capacity (one kept per
  // thread costs no fresh pages for the next column).
  void sort(const Column& column, Points full, AbsentPolicy policy, const std::vector<const Grouping*>& groupings);
};

// Whether a candidate's sitting is counted in averages and rates under `policy`.
inline bool counted(Sitting s, AbsentPolicy policy) {
  return s == Sitting::kSat || (s == Sitting::kAbsent && policy == AbsentPolicy::kCountAsZero);
}

}  // namespace edu::exam
