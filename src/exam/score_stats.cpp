#include "exam/score_stats.h"

#include <algorithm>
#include <cmath>

namespace edu::exam {
namespace {

Points ceil_points(double marks) {
  return static_cast<Points>(std::ceil(marks * kPointsPerMark - 1e-9));
}

bool counts(Sitting s, AbsentPolicy policy) {
  return s == Sitting::kSat || (s == Sitting::kAbsent && policy == AbsentPolicy::kCountAsZero);
}

// Sorts small groups with std::sort, large ones by counting (scores are
// bounded); returns true when it counted, leaving `tally` turned into the
// number of values strictly above each value (for ranks in O(1)).
bool sort_points(std::vector<Points>& values, Points full, std::vector<uint32_t>& tally) {
  if (values.size() < 64 || values.size() * 4 < static_cast<size_t>(full)) {
    std::sort(values.begin(), values.end());
    return false;
  }
  tally.assign(full + 1, 0);
  for (Points v : values) ++tally[std::clamp<Points>(v, 0, full)];
  size_t k = values.size();
  uint32_t above = 0;
  for (Points v = full; v >= 0; --v) {
    const uint32_t here = tally[v];
    for (uint32_t c = here; c > 0; --c) values[--k] = v;
    tally[v] = above;
    above += here;
  }
  return true;
}

void fill_from_sorted(ScoreStats& st, const std::vector<Points>& sorted, const PointCuts& cuts,
                      int bins) {
  st.counted = static_cast<int64_t>(sorted.size());
  st.bins.assign(bins, 0);
  if (sorted.empty()) return;
  double sum = 0, sum_sq = 0;
  for (Points v : sorted) {
    sum += v;
    sum_sq += static_cast<double>(v) * v;
    int bin = cuts.full > 0 ? static_cast<int>(static_cast<int64_t>(v) * bins / cuts.full) : 0;
    ++st.bins[std::clamp(bin, 0, bins - 1)];
  }
  const double n = static_cast<double>(sorted.size());
  const double mean = sum / n;
  st.mean = to_marks(mean);
  st.sd = to_marks(std::sqrt(std::max(0.0, sum_sq / n - mean * mean)));
  auto at_least = [&](Points cut) {
    return static_cast<int64_t>(sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), cut));
  };
  st.excellent = at_least(cuts.excellent);
  st.pass = at_least(cuts.pass);
  st.low = st.counted - at_least(cuts.low);
  st.excellent_rate = st.excellent / n;
  st.pass_rate = st.pass / n;
  st.low_rate = st.low / n;
  st.percentiles.emplace();
  for (size_t k = 0; k < kPercentiles.size(); ++k)
    (*st.percentiles)[k] = to_marks(percentile_of_sorted(sorted, kPercentiles[k]));
}

}  // namespace

PointCuts PointCuts::of(const SubjectSpec& s) {
  return {ceil_points(s.cuts.excellent * s.full_marks), ceil_points(s.cuts.pass * s.full_marks),
          ceil_points(s.cuts.low * s.full_marks), to_points(s.full_marks)};
}

double percentile_of_sorted(const std::vector<Points>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::vector<ScoreStats> score_stats(const Column& column, const Grouping& grouping,
                                    const GroupMembers& members, const SubjectSpec& subject,
                                    const StatsOptions& options) {
  const PointCuts cuts = PointCuts::of(subject);
  std::vector<ScoreStats> out(grouping.count);
  if (options.ranks) options.ranks->assign(column.points.size(), 0);
  std::vector<Points> values;
  std::vector<uint32_t> tally;
  for (int32_t g = 0; g < grouping.count; ++g) {
    ScoreStats& st = out[g];
    values.clear();
    Points max = 0, min = cuts.full;
    for (const uint32_t* it = members.begin(g); it != members.end(g); ++it) {
      const Sitting s = column.sitting[*it];
      if (s == Sitting::kExempt) continue;
      ++st.expected;
      const Points p = column.points[*it];  // an absent total holds the subjects sat
      if (s == Sitting::kSat) {
        ++st.sat;
        max = std::max(max, p);
        min = std::min(min, p);
      }
      if (counts(s, options.absent_policy)) values.push_back(p);
    }
    if (st.sat > 0) {
      st.max = to_marks(max);
      st.min = to_marks(min);
    }
    if (st.expected > 0) st.participation = static_cast<double>(st.sat) / st.expected;
    const bool counted = sort_points(values, cuts.full, tally);
    fill_from_sorted(st, values, cuts, options.bins);
    if (!options.ranks) continue;
    for (const uint32_t* it = members.begin(g); it != members.end(g); ++it) {
      if (column.sitting[*it] != Sitting::kSat) continue;
      const Points p = column.points[*it];
      const auto above = counted ? tally[p] : values.end() - std::upper_bound(values.begin(), values.end(), p);
      (*options.ranks)[*it] = static_cast<int32_t>(above + 1);
    }
  }
  return out;
}

}  // namespace edu::exam
