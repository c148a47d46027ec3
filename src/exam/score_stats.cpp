#include "exam/score_stats.h"

#include <algorithm>
#include <cmath>

namespace edu::exam {
namespace {

Points ceil_points(double marks) {
  return static_cast<Points>(std::ceil(marks * kPointsPerMark - 1e-9));
}

// The linear-interpolation percentile q of n ascending values, nth(j) being the j-th.
template <class Nth>
double percentile(size_t n, double q, Nth nth) {
  const double pos = q * static_cast<double>(n - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, n - 1);
  return nth(lo) + (pos - static_cast<double>(lo)) * (nth(hi) - nth(lo));
}

// The distribution bin of every value in [0, full].
std::vector<int> bin_table(Points full, int bins) {
  std::vector<int> out(static_cast<size_t>(std::max<Points>(full, 0)) + 1, 0);
  for (Points v = 1; v <= full; ++v)
    out[v] = std::clamp(static_cast<int>(static_cast<int64_t>(v) * bins / full), 0, bins - 1);
  return out;
}

// Mean, SD, 三率 and percentiles of the st.counted > 0 values with this sum
// and sum of squares (exact: points are small integers); at_least(cut) counts
// the values ≥ cut, nth(j) is the j-th smallest.
template <class AtLeast, class Nth>
void fill_counted(ScoreStats& st, int64_t sum, int64_t sum_sq, const PointCuts& cuts, AtLeast at_least, Nth nth) {
  const double count = static_cast<double>(st.counted);
  const double mean = static_cast<double>(sum) / count;
  st.mean = to_marks(mean);
  st.sd = to_marks(std::sqrt(std::max(0.0, static_cast<double>(sum_sq) / count - mean * mean)));
  st.excellent = at_least(cuts.excellent);
  st.pass = at_least(cuts.pass);
  st.low = st.counted - at_least(cuts.low);
  st.excellent_rate = st.excellent / count;
  st.pass_rate = st.pass / count;
  st.low_rate = st.low / count;
  st.percentiles.emplace();
  for (size_t k = 0; k < kPercentiles.size(); ++k)
    (*st.percentiles)[k] = to_marks(percentile(static_cast<size_t>(st.counted), kPercentiles[k], nth));
}

// Where the groups' bins go: options.bin_counts zeroed for `groups`, or a
// per-thread scratch array when the caller does not want them.
int32_t* bins_of_groups(const StatsOptions& options, int32_t groups) {
  thread_local std::vector<int32_t> unused;
  std::vector<int32_t>& out = options.bin_counts ? *options.bin_counts : unused;
  out.assign(static_cast<size_t>(groups) * options.bins, 0);
  return out.data();
}

void fill_participation(ScoreStats& st, Points max, Points min) {
  if (st.sat > 0) {
    st.max = to_marks(max);
    st.min = to_marks(min);
  }
  if (st.expected > 0) st.participation = static_cast<double>(st.sat) / st.expected;
}

// Few groups against the candidates (the county, townships; schools for a
// subject): each group's figures and ranks come from its tally.
std::vector<ScoreStats> by_tally(ScoreTally& tally, const Column& column, const Grouping& grouping,
                                 const PointCuts& cuts, const StatsOptions& options, const std::vector<int>& bin_of) {
  const size_t width = tally.width;
  std::vector<ScoreStats> out(grouping.count);
  int32_t* const bins = bins_of_groups(options, grouping.count);
  for (int32_t g = 0; g < grouping.count; ++g) {
    ScoreStats& st = out[g];
    st.expected = tally.expected[g];
    st.sat = tally.sat[g];
    fill_participation(st, tally.max[g], tally.min[g]);
    int32_t* const group_bins = bins + static_cast<size_t>(g) * options.bins;
    uint32_t* const row = tally.row(g);  // made cumulative: row[v] = number of values ≤ v
    int64_t n = 0, sum = 0, sum_sq = 0;
    for (size_t v = 0; v < width; ++v) {
      const int64_t here = row[v];
      sum += here * static_cast<int64_t>(v);
      sum_sq += here * static_cast<int64_t>(v * v);
      group_bins[bin_of[v]] += static_cast<int32_t>(here);
      n += here;
      row[v] = static_cast<uint32_t>(n);
    }
    st.counted = n;
    if (n == 0) continue;
    auto at_least = [&](Points cut) -> int64_t {
      return cut <= 0 ? n : cut > cuts.full ? 0 : n - row[cut - 1];
    };
    auto nth = [&](size_t j) { return static_cast<Points>(std::upper_bound(row, row + width, j) - row); };
    fill_counted(st, sum, sum_sq, cuts, at_least, nth);
  }
  if (!options.ranks) return out;
  options.ranks->assign(column.points.size(), 0);
  int32_t* const ranks = options.ranks->data();
  for (size_t i = 0; i < grouping.of.size(); ++i) {  // 1 + the number counted strictly above
    const int32_t g = grouping.of[i];
    if (g < 0 || column.sitting[i] != Sitting::kSat) continue;
    const Points p = std::clamp<Points>(column.points[i], 0, cuts.full);
    ranks[i] = static_cast<int32_t>(out[g].counted - tally.row(g)[p] + 1);
  }
  return out;
}

// Many small groups (classes, teachers): each group's counted points in
// ascending order (SortedGroups), and each group's figures and ranks from them.
std::vector<ScoreStats> by_sorting(const Column& column, const SortedColumn& sorted, const SortedGroups& groups,
                                   const Grouping& grouping, const PointCuts& cuts, const StatsOptions& options,
                                   const std::vector<int>& bin_of) {
  std::vector<ScoreStats> out(grouping.count);
  for (uint32_t i : sorted.uncounted)
    if (grouping.of[i] >= 0) ++out[grouping.of[i]].expected;
  if (options.ranks) options.ranks->assign(column.points.size(), 0);
  int32_t* const ranks = options.ranks ? options.ranks->data() : nullptr;
  int32_t* const bins = bins_of_groups(options, grouping.count);
  for (int32_t g = 0; g < grouping.count; ++g) {
    ScoreStats& st = out[g];
    const uint32_t n = groups.size(g);
    const SortedColumn::Entry* e = groups.slots.data() + groups.start[g];
    int32_t* const group_bins = bins + static_cast<size_t>(g) * options.bins;
    int64_t sum = 0, sum_sq = 0, sat = 0;
    for (uint32_t k = 0; k < n; ++k) {
      const Points v = e[k].points;
      sum += v;
      sum_sq += static_cast<int64_t>(v) * v;
      sat += e[k].sat;
      ++group_bins[bin_of[v]];
    }
    st.counted = n;
    st.expected += n;
    st.sat = sat;
    uint32_t lo = 0, hi = n;  // 最高/最低分 over those who sat: the first and the last of them
    while (lo < n && !e[lo].sat) ++lo;
    while (hi > lo && !e[hi - 1].sat) --hi;
    fill_participation(st, sat ? e[hi - 1].points : 0, sat ? e[lo].points : 0);
    if (n == 0) continue;
    auto at_least = [&](Points cut) -> int64_t {
      return e + n - std::partition_point(e, e + n, [&](const SortedColumn::Entry& x) { return x.points < cut; });
    };
    fill_counted(st, sum, sum_sq, cuts, at_least, [&](size_t j) { return e[j].points; });
    if (!ranks) continue;
    int32_t rank = 0;  // competition ranks, from the top
    for (uint32_t above = 0; above < n; ++above) {
      const uint32_t k = n - 1 - above;
      if (above == 0 || e[k].points != e[k + 1].points) rank = static_cast<int32_t>(above + 1);
      if (e[k].sat) ranks[e[k].who] = rank;
    }
  }
  return out;
}

}  // namespace

PointCuts PointCuts::of(const SubjectSpec& s) {
  return {ceil_points(s.cuts.excellent * s.full_marks), ceil_points(s.cuts.pass * s.full_marks),
          ceil_points(s.cuts.low * s.full_marks), to_points(s.full_marks)};
}

double percentile_of_sorted(const std::vector<Points>& sorted, double q) {
  return percentile(sorted.size(), q, [&](size_t j) { return sorted[j]; });
}

std::vector<ScoreStats> score_stats(const Column& column, const SortedColumn& sorted, const SortedGroups& groups,
                                    const Grouping& grouping, const SubjectSpec& subject,
                                    const StatsOptions& options) {
  const PointCuts cuts = PointCuts::of(subject);
  return by_sorting(column, sorted, groups, grouping, cuts, options, bin_table(cuts.full, options.bins));
}

std::vector<ScoreStats> score_stats(const Column& column, const SortedColumn& sorted, size_t index,
                                    const Grouping& grouping, const SubjectSpec& subject,
                                    const StatsOptions& options) {
  SortedGroups groups;
  groups.distribute(sorted, index, grouping.count);
  return score_stats(column, sorted, groups, grouping, subject, options);
}

std::vector<ScoreStats> tallied_score_stats(ScoreTally& tally, const Column& column, const Grouping& grouping,
                                            const SubjectSpec& subject, const StatsOptions& options) {
  const PointCuts cuts = PointCuts::of(subject);
  return by_tally(tally, column, grouping, cuts, options, bin_table(cuts.full, options.bins));
}

std::vector<ScoreStats> tallied_score_stats(const Column& column, const Grouping& grouping,
                                            const SubjectSpec& subject, const StatsOptions& options) {
  // Kept per thread: fresh arrays of this size cost more in page faults than the pass.
  thread_local ScoreTally tally;
  tally.count(column, grouping, PointCuts::of(subject).full, options.absent_policy);
  return tallied_score_stats(tally, column, grouping, subject, options);
}

bool tally_is_cheaper(const Grouping& grouping, const SubjectSpec& subject) {
  const auto width = static_cast<size_t>(std::max<Points>(PointCuts::of(subject).full, 0)) + 1;
  return static_cast<size_t>(grouping.count) * width <= grouping.of.size();
}

std::vector<ScoreStats> score_stats(const Column& column, const Grouping& grouping, const SubjectSpec& subject,
                                    const StatsOptions& options) {
  if (tally_is_cheaper(grouping, subject)) return tallied_score_stats(column, grouping, subject, options);
  const SortedColumn sorted =
      SortedColumn::of(column, PointCuts::of(subject).full, options.absent_policy, {&grouping});
  return score_stats(column, sorted, 0, grouping, subject, options);
}

}  // namespace edu::exam
