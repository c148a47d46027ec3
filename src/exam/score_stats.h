// 三率一分 and the distribution of one column (a subject or the total) for
// every group of a Grouping.
//
// Contract (DOMAIN.md, "Exam quality monitoring"):
//  - 应考 = candidates not exempt; 实考 = those who sat; 参考率 = 实考 ÷ 应考.
//  - counted = 实考, plus the absent (as 0) under AbsentPolicy::kCountAsZero.
//    平均分, 标准差 (population), 优秀率 (≥ excellent cut), 及格率 (≥ pass cut),
//    低分率 (< low cut), percentiles (linear interpolation, as pandas) and the
//    distribution bins are over the counted; 最高分/最低分 over those who sat.
//  - No data is no value (nullopt, shown as null / "—"), never a zero: a group
//    with nobody counted has no mean, SD, rates or percentiles; with nobody
//    who sat, no 最高分/最低分; with nobody 应考, no 参考率 (a group where some
//    are 应考 and none sat has 参考率 0: that is data).
//  - Student ranks in the group: competition ranking ("1224") among the counted,
//    1 + the number of counted scores strictly higher; 0 for those who did not sit.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "exam/exam_data.h"
#include "exam/grouping.h"
#include "exam/score_tally.h"
#include "exam/sorted_column.h"
#include "exam/sorted_groups.h"

namespace edu::exam {

inline constexpr std::array<double, 5> kPercentiles = {0.10, 0.25, 0.50, 0.75, 0.90};

struct ScoreStats {
  int64_t expected = 0;  // 应考
  int64_t sat = 0;       // 实考
  int64_t counted = 0;   // in averages and rates
  int64_t excellent = 0, pass = 0, low = 0;
  std::optional<double> participation;  // 参考率
  std::optional<double> mean, sd;       // marks
  std::optional<double> excellent_rate, pass_rate, low_rate;
  std::optional<double> max, min;  // marks, over those who sat
  std::optional<std::array<double, kPercentiles.size()>> percentiles;  // marks
  // The distribution over bins: StatsOptions::bin_counts (one array for all groups).
};

// Cut lines in points: excellent and pass are "at least", low is "below".
struct PointCuts {
  Points excellent, pass, low, full;
  static PointCuts of(const SubjectSpec& subject);
};

struct StatsOptions {
  AbsentPolicy absent_policy = AbsentPolicy::kCountAsZero;
  int bins = 20;
  std::vector<int32_t>* ranks = nullptr;  // when set: each candidate's rank in its group
  // When set: each group's counts of the counted per equal-width bin of [0,
  // full] (the last includes full), group g's at [g × bins, (g + 1) × bins).
  std::vector<int32_t>* bin_counts = nullptr;
};

// Two ways to the same figures, for the same grouping; analyze_exam uses the
// cheaper one per level (tally_is_cheaper):
//  - many small groups (classes, teachers): `sorted` is SortedColumn::of(column,
//    PointCuts::of(subject).full, options.absent_policy, groupings) with
//    `grouping` as groupings[index], made once per column and shared by its
//    groupings; each group's counted points come out of it in order, so no
//    group is sorted (`groups`: SortedGroups::distribute(sorted, index, …), or
//    merged from the groups of a finer grouping, sorted_groups.h);
//  - few groups (the county, townships; schools for a subject):
//    tallied_score_stats counts each group's points in one pass over the
//    candidates (a tally of full marks + 1 per group, score_tally.h), or takes
//    a tally summed from a finer grouping's, and reads every figure and rank
//    off the tallies.
std::vector<ScoreStats> score_stats(const Column& column, const SortedColumn& sorted, const SortedGroups& groups,
                                    const Grouping& grouping, const SubjectSpec& subject,
                                    const StatsOptions& options);
// The same with `groups` distributed from sorted.group[index].
std::vector<ScoreStats> score_stats(const Column& column, const SortedColumn& sorted, size_t index,
                                    const Grouping& grouping, const SubjectSpec& subject,
                                    const StatsOptions& options);
std::vector<ScoreStats> tallied_score_stats(const Column& column, const Grouping& grouping,
                                            const SubjectSpec& subject, const StatsOptions& options);
// The same from `tally`, column tallied for `grouping` (counted, or summed from
// a finer grouping's tally: score_tally.h). Its counts are left cumulative (a
// row's at[v] = its counted with at most v points): sum any coarser tally first.
std::vector<ScoreStats> tallied_score_stats(ScoreTally& tally, const Column& column, const Grouping& grouping,
                                            const SubjectSpec& subject, const StatsOptions& options);
// Whether tallying costs less than sorting: the tallies (groups × (full marks
// + 1)) are no more than the candidates.
bool tally_is_cheaper(const Grouping& grouping, const SubjectSpec& subject);
// Either of the two, whichever is cheaper for this one grouping.
std::vector<ScoreStats> score_stats(const Column& column, const Grouping& grouping, const SubjectSpec& subject,
                                    const StatsOptions& options);

// The linear-interpolation percentile q ∈ [0, 1] of ascending `sorted` (non-empty).
double percentile_of_sorted(const std::vector<Points>& sorted, double q);

}  // namespace edu::exam
