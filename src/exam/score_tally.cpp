#include "exam/score_tally.h"

#include <algorithm>

#include "exam/sorted_column.h"

namespace edu::exam {
namespace {

void reset(ScoreTally& t, int32_t groups, size_t width, Points full) {
  t.groups = groups;
  t.width = width;
  const size_t rows = static_cast<size_t>(groups) + 1;
  t.at.assign(rows * width, 0);
  t.expected.assign(rows, 0);
  t.sat.assign(rows, 0);
  t.max.assign(rows, 0);
  t.min.assign(rows, full);
}

}  // namespace

void ScoreTally::count(const Column& column, const Grouping& grouping, Points full, AbsentPolicy policy) {
  full = std::max<Points>(full, 0);
  reset(*this, grouping.count, static_cast<size_t>(full) + 1, full);
  for (size_t i = 0; i < grouping.of.size(); ++i) {
    const Sitting s = column.sitting[i];
    if (s == Sitting::kExempt) continue;
    const int32_t r = grouping.of[i] < 0 ? outside() : grouping.of[i];
    ++expected[r];
    const Points p = column.points[i];
    if (s == Sitting::kSat) {
      ++sat[r];
      max[r] = std::max(max[r], p);
      min[r] = std::min(min[r], p);
    }
    if (counted(s, policy)) ++row(r)[std::clamp<Points>(p, 0, full)];
  }
}

void ScoreTally::sum(const ScoreTally& finer, const std::vector<int32_t>& parent, int32_t count) {
  reset(*this, count, finer.width, static_cast<Points>(finer.width) - 1);
  for (int32_t f = 0; f <= finer.outside(); ++f) {
    const int32_t r = parent[f] < 0 ? outside() : parent[f];
    expected[r] += finer.expected[f];
    sat[r] += finer.sat[f];
    max[r] = std::max(max[r], finer.max[f]);
    min[r] = std::min(min[r], finer.min[f]);
    const uint32_t* from = finer.row(f);
    uint32_t* to = row(r);
    for (size_t v = 0; v < width; ++v) to[v] += from[v];
  }
}

}  // namespace edu::exam
