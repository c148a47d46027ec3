// 三率一分, distribution and ranks of one column, checked against hand-computed values.
#include "exam/score_stats.h"

#include <gtest/gtest.h>

#include "exam_fixture.h"

namespace edu::exam {
namespace {

using testing::kAbsent;
using testing::kExempt;

// Full marks 120: cuts 102 / 72 / 48; half-point scores right at and below each cut.
const std::vector<double> kMarks = {102, 101.5, 72, 71.5, 48, 47.5, kAbsent, kExempt};
const SubjectSpec kMath{"数学", 120, {}};

ScoreStats county_stats(const std::vector<double>& marks, AbsentPolicy policy,
                        std::vector<int32_t>* ranks = nullptr, std::vector<int32_t>* bins = nullptr) {
  Cohort c = testing::one_class(marks);
  Grouping g = Grouping::single(c.size());
  return score_stats(c.subjects[0], g, kMath, {policy, 20, ranks, bins})[0];
}

TEST(ScoreStats, CutLinesInPointsFor120) {
  PointCuts cuts = PointCuts::of(kMath);
  EXPECT_EQ(cuts.excellent, 204);
  EXPECT_EQ(cuts.pass, 144);
  EXPECT_EQ(cuts.low, 96);
  EXPECT_EQ(cuts.full, 240);
  EXPECT_EQ(PointCuts::of({"语文", 150, {}}).excellent, 255);  // 127.5 marks
}

TEST(ScoreStats, HalfPointsAtTheCutsExcludingAbsent) {
  ScoreStats st = county_stats(kMarks, AbsentPolicy::kExclude);
  EXPECT_EQ(st.expected, 7);  // the exempt candidate is not 应考
  EXPECT_EQ(st.sat, 6);
  EXPECT_EQ(st.counted, 6);
  EXPECT_DOUBLE_EQ(*st.participation, 6.0 / 7);
  EXPECT_DOUBLE_EQ(*st.mean, 442.5 / 6);
  EXPECT_NEAR(*st.sd, std::sqrt(2928.375 / 6), 1e-9);
  EXPECT_EQ(st.excellent, 1);  // 102 yes, 101.5 no
  EXPECT_EQ(st.pass, 3);       // 72 yes, 71.5 no
  EXPECT_EQ(st.low, 1);        // 47.5 yes, 48 no
  EXPECT_DOUBLE_EQ(*st.excellent_rate, 1.0 / 6);
  EXPECT_DOUBLE_EQ(*st.pass_rate, 0.5);
  EXPECT_DOUBLE_EQ(*st.low_rate, 1.0 / 6);
  EXPECT_DOUBLE_EQ(*st.max, 102);
  EXPECT_DOUBLE_EQ(*st.min, 47.5);
  // sorted 47.5 48 71.5 72 101.5 102; pandas' linear interpolation
  EXPECT_DOUBLE_EQ((*st.percentiles)[0], 47.75);
  EXPECT_DOUBLE_EQ((*st.percentiles)[1], 53.875);
  EXPECT_DOUBLE_EQ((*st.percentiles)[2], 71.75);
  EXPECT_DOUBLE_EQ((*st.percentiles)[3], 94.125);
  EXPECT_DOUBLE_EQ((*st.percentiles)[4], 101.75);
}

TEST(ScoreStats, AbsentCountAsZero) {
  ScoreStats st = county_stats(kMarks, AbsentPolicy::kCountAsZero);
  EXPECT_EQ(st.expected, 7);
  EXPECT_EQ(st.sat, 6);
  EXPECT_EQ(st.counted, 7);
  EXPECT_DOUBLE_EQ(*st.mean, 442.5 / 7);
  EXPECT_EQ(st.low, 2);  // 47.5 and the absent 0
  EXPECT_DOUBLE_EQ(*st.pass_rate, 3.0 / 7);
  EXPECT_DOUBLE_EQ(*st.min, 47.5);  // over those who sat
}

TEST(ScoreStats, DistributionBins) {
  std::vector<int32_t> bins;
  county_stats({120, 102, 101.5, 72, 71.5, 0}, AbsentPolicy::kExclude, nullptr, &bins);
  ASSERT_EQ(bins.size(), 20u);  // 6 marks each
  EXPECT_EQ(bins[19], 1);  // full marks fall in the last bin
  EXPECT_EQ(bins[17], 1);  // [102, 108)
  EXPECT_EQ(bins[16], 1);  // 101.5
  EXPECT_EQ(bins[12], 1);  // 72
  EXPECT_EQ(bins[11], 1);  // 71.5
  EXPECT_EQ(bins[0], 1);
}

TEST(ScoreStats, TiesShareACompetitionRank) {
  std::vector<int32_t> ranks;
  county_stats({90, 85, 85, 80, kAbsent, 85.5}, AbsentPolicy::kCountAsZero, &ranks);
  EXPECT_EQ(ranks, (std::vector<int32_t>{1, 3, 3, 5, 0, 2}));
}

// No data is no value, never a zero: under exclude, a group where nobody sat
// has 参考率 0 (0 of 2, data) and no mean, SD, rates, max/min or percentiles;
// an empty group has no 参考率 either.
TEST(ScoreStats, GroupsWithNobodyCountedHaveNoValues) {
  Cohort c = testing::one_class({kAbsent, kAbsent, 80});
  Grouping g = Grouping::by({0, 0, 2}, 3);  // group 1 has nobody; group 0 is all absent
  std::vector<int32_t> bins;
  auto excl = score_stats(c.subjects[0], g, kMath, {AbsentPolicy::kExclude, 20, nullptr, &bins});
  const ScoreStats& absent = excl[0];
  EXPECT_EQ(absent.expected, 2);
  EXPECT_EQ(absent.sat, 0);
  EXPECT_EQ(absent.counted, 0);
  EXPECT_EQ(absent.participation, 0.0);
  for (const auto& none : {absent.mean, absent.sd, absent.excellent_rate, absent.pass_rate, absent.low_rate,
                           absent.max, absent.min})
    EXPECT_EQ(none, std::nullopt);
  EXPECT_EQ(absent.percentiles, std::nullopt);
  std::vector<int32_t> expected_bins(3 * 20, 0);  // groups 0 and 1 count nobody; group 2's 80 in [78, 84)
  expected_bins[2 * 20 + 13] = 1;
  EXPECT_EQ(bins, expected_bins);
  const ScoreStats& empty = excl[1];
  EXPECT_EQ(empty.expected, 0);
  EXPECT_EQ(empty.participation, std::nullopt);
  EXPECT_EQ(empty.mean, std::nullopt);
  EXPECT_EQ(excl[2].counted, 1);
  EXPECT_EQ(excl[2].mean, 80.0);
  EXPECT_EQ(excl[2].excellent_rate, 0.0);  // 80 < 102: a real 0%
  EXPECT_DOUBLE_EQ((*excl[2].percentiles)[2], 80);
  // Counted as zero, the all-absent group has values: two zeros, mean 0, all 低分.
  auto zero = score_stats(c.subjects[0], g, kMath, {AbsentPolicy::kCountAsZero, 20});
  EXPECT_EQ(zero[0].counted, 2);
  EXPECT_EQ(zero[0].mean, 0.0);
  EXPECT_EQ(zero[0].low_rate, 1.0);
  EXPECT_EQ(zero[0].max, std::nullopt);  // nobody sat
}

TEST(ScoreStats, LargeGroupsSortByCountingLikeSmallOnes) {
  std::vector<double> marks;
  for (int i = 0; i < 500; ++i) marks.push_back((i * 37 % 241) / 2.0);
  std::vector<int32_t> ranks;
  ScoreStats st = county_stats(marks, AbsentPolicy::kExclude, &ranks);
  for (size_t i = 0; i < marks.size(); ++i) {  // ranks from the tally agree with counting by hand
    int32_t above = 0;
    for (double m : marks) above += m > marks[i];
    ASSERT_EQ(ranks[i], above + 1) << i;
  }
  std::vector<Points> sorted;
  for (double m : marks) sorted.push_back(to_points(m));
  std::sort(sorted.begin(), sorted.end());
  EXPECT_DOUBLE_EQ((*st.percentiles)[2], to_marks(percentile_of_sorted(sorted, 0.5)));
  EXPECT_DOUBLE_EQ(*st.max, to_marks(sorted.back()));
}

// Every figure of a and b is the same.
void expect_same(const ScoreStats& a, const ScoreStats& b) {
  EXPECT_EQ(a.expected, b.expected);
  EXPECT_EQ(a.sat, b.sat);
  EXPECT_EQ(a.counted, b.counted);
  EXPECT_EQ(a.excellent, b.excellent);
  EXPECT_EQ(a.pass, b.pass);
  EXPECT_EQ(a.low, b.low);
  for (const auto& [x, y] : {std::pair{a.participation, b.participation}, {a.mean, b.mean}, {a.sd, b.sd},
                             {a.excellent_rate, b.excellent_rate}, {a.pass_rate, b.pass_rate},
                             {a.low_rate, b.low_rate}, {a.max, b.max}, {a.min, b.min}})
    EXPECT_EQ(x, y);
  EXPECT_EQ(a.percentiles, b.percentiles);
}

// The two ways to a grouping's figures (tallies for few groups, the column's
// one sort for many) agree on every figure and rank, under both absent policies.
TEST(ScoreStats, TalliesAndTheSortAgree) {
  std::vector<double> marks;
  std::vector<int32_t> of;
  for (int i = 0; i < 300; ++i) {
    marks.push_back(i % 37 == 0 ? kAbsent : i % 41 == 0 ? kExempt : (i * 53 % 241) / 2.0);
    of.push_back(i % 4 == 3 ? -1 : i % 3);  // group 3 has nobody
  }
  const Cohort c = testing::one_class(marks);
  const Grouping g = Grouping::by(of, 4);
  for (AbsentPolicy policy : {AbsentPolicy::kCountAsZero, AbsentPolicy::kExclude}) {
    std::vector<int32_t> tally_ranks, sort_ranks;
    std::vector<int32_t> tally_bins, sort_bins;
    const auto tallied = tallied_score_stats(c.subjects[0], g, kMath, {policy, 20, &tally_ranks, &tally_bins});
    const SortedColumn sorted = SortedColumn::of(c.subjects[0], PointCuts::of(kMath).full, policy, {&g});
    const auto by_sort = score_stats(c.subjects[0], sorted, 0, g, kMath, {policy, 20, &sort_ranks, &sort_bins});
    ASSERT_EQ(tallied.size(), 4u);
    ASSERT_EQ(by_sort.size(), 4u);
    for (size_t k = 0; k < 4; ++k) expect_same(tallied[k], by_sort[k]);
    // group 0: the 75 multiples of 3 below 300 that are not 3 mod 4; 246 is exempt, 0 and 222 absent
    EXPECT_EQ(tallied[0].expected, 74);
    EXPECT_EQ(tallied[0].sat, 72);
    EXPECT_EQ(tallied[3].expected, 0);
    EXPECT_EQ(tally_ranks, sort_ranks);
    EXPECT_EQ(tally_bins, sort_bins);
  }
}

// A grouping made of whole groups of another (a subject's teachers, of its
// classes): merging the classes' sorted points gives the figures and ranks of
// distributing the column to the teachers directly.
TEST(ScoreStats, GroupsMergedFromTheirPartsAgreeWithTheirOwnSort) {
  std::vector<double> marks;
  std::vector<int32_t> klass;
  for (int i = 0; i < 300; ++i) {
    marks.push_back(i % 37 == 0 ? kAbsent : i % 41 == 0 ? kExempt : (i * 53 % 241) / 2.0);
    klass.push_back(i % 11 == 10 ? -1 : i % 5);  // five classes; some candidates in none
  }
  const std::vector<int32_t> teacher_of_class = {1, 0, 1, -1, 1};  // class 3 untaught; teacher 2 teaches none
  std::vector<int32_t> teacher(marks.size(), -1);
  for (size_t i = 0; i < marks.size(); ++i)
    if (klass[i] >= 0) teacher[i] = teacher_of_class[klass[i]];
  const Cohort c = testing::one_class(marks);
  const Grouping classes = Grouping::by(klass, 5), teachers = Grouping::by(teacher, 3);
  for (AbsentPolicy policy : {AbsentPolicy::kCountAsZero, AbsentPolicy::kExclude}) {
    const SortedColumn sorted =
        SortedColumn::of(c.subjects[0], PointCuts::of(kMath).full, policy, {&classes, &teachers});
    SortedGroups by_class, merged, direct;
    by_class.distribute(sorted, 0, classes.count);
    merged.merge(by_class, teacher_of_class, teachers.count);
    direct.distribute(sorted, 1, teachers.count);
    std::vector<int32_t> merged_ranks, direct_ranks;
    std::vector<int32_t> merged_bins, direct_bins;
    const auto a =
        score_stats(c.subjects[0], sorted, merged, teachers, kMath, {policy, 20, &merged_ranks, &merged_bins});
    const auto b =
        score_stats(c.subjects[0], sorted, direct, teachers, kMath, {policy, 20, &direct_ranks, &direct_bins});
    for (int32_t t = 0; t < teachers.count; ++t) {
      expect_same(a[t], b[t]);
      ASSERT_EQ(merged.size(t), direct.size(t));
      for (uint32_t k = 0; k < merged.size(t); ++k)
        EXPECT_EQ(merged.slots[merged.start[t] + k].points, direct.slots[direct.start[t] + k].points);
    }
    EXPECT_EQ(merged_ranks, direct_ranks);
    EXPECT_EQ(merged_bins, direct_bins);
    // teacher 1: classes 0, 2 and 4 less 16 without a class, 3 exempt; 6 of them absent
    EXPECT_EQ(a[1].expected, 161);
    EXPECT_EQ(a[1].sat, 155);
    EXPECT_EQ(a[2].expected, 0);
  }
}

}  // namespace
}  // namespace edu::exam
