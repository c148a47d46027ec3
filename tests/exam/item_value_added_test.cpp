// Item analysis (P, D, α, school score-rates) and value-added regression.
#include <gtest/gtest.h>

#include "exam/item_analysis.h"
#include "exam/value_added.h"

namespace edu::exam {
namespace {

TEST(ItemAnalysis, DifficultyDiscriminationAlpha) {
  ItemMatrix m;
  m.items = {{"1", 1, ""}, {"2", 1, ""}, {"3", 1, ""}};
  m.candidate = {0, 1, 2, 3};
  // rows: 1 1 1 / 1 1 0 / 1 0 0 / 0 0 0 (in points: ×2)
  m.scores = {{2, 2, 2, 0}, {2, 2, 0, 0}, {2, 0, 0, 0}};
  ItemAnalysis a = analyze_items(m, {0, 0, 1, 1}, 2);
  ASSERT_EQ(a.items.size(), 3u);
  EXPECT_DOUBLE_EQ(a.items[0].difficulty, 0.75);
  EXPECT_DOUBLE_EQ(a.items[1].difficulty, 0.5);
  EXPECT_DOUBLE_EQ(a.items[2].difficulty, 0.25);
  for (const auto& item : a.items) EXPECT_DOUBLE_EQ(item.discrimination, 1.0);  // groups of 1
  // item variances .1875 + .25 + .1875 = .625; total variance 1.25; α = 3/2·(1 − .5)
  EXPECT_DOUBLE_EQ(a.alpha, 0.75);
  EXPECT_DOUBLE_EQ(a.items[0].school_rate[0], 1.0);
  EXPECT_DOUBLE_EQ(a.items[0].school_rate[1], 0.5);
  EXPECT_DOUBLE_EQ(a.items[2].school_rate[1], 0.0);
  EXPECT_EQ(a.school_rows, (std::vector<int64_t>{2, 2}));
}

TEST(ItemAnalysis, HalfPointItemsOfTwelveMarks) {
  ItemMatrix m;
  m.items = {{"17", 12, ""}, {"18", 12, ""}};
  m.candidate = {0, 1};
  m.scores = {{to_points(10.5), to_points(3)}, {to_points(12), to_points(6)}};
  ItemAnalysis a = analyze_items(m, {0, 0}, 1);
  EXPECT_DOUBLE_EQ(a.items[0].mean, 6.75);
  EXPECT_DOUBLE_EQ(a.items[0].discrimination, 7.5 / 12);
  // item variances 14.0625 + 9; totals 22.5, 9 → variance 45.5625; α = 2·(1 − 23.0625/45.5625)
  EXPECT_NEAR(a.alpha, 2 * (1 - 23.0625 / 45.5625), 1e-12);
}

TEST(ValueAdded, OlsResidualsPerSchoolWithInterval) {
  MatchedScores m{{1, 2, 3, 4}, {2, 4, 5, 8}, {0, 0, 1, 1}, {0, 0, 1, -1}};
  ValueAddedResult r = value_added(m, 2, 2);
  EXPECT_DOUBLE_EQ(r.fit.slope, 1.9);
  EXPECT_NEAR(r.fit.intercept, 0, 1e-12);
  // residuals 0.1 0.2 −0.7 0.4
  EXPECT_NEAR(r.schools[0].mean_residual, 0.15, 1e-12);
  EXPECT_NEAR(r.schools[1].mean_residual, -0.15, 1e-12);
  const double half = 12.706 * std::sqrt(0.005) / std::sqrt(2.0);
  EXPECT_NEAR(r.schools[0].ci_low, 0.15 - half, 1e-9);
  EXPECT_NEAR(r.schools[0].ci_high, 0.15 + half, 1e-9);
  EXPECT_EQ(r.schools[0].rank, 1);
  EXPECT_EQ(r.schools[0].raw_rank, 2);  // raw means 3 vs 6.5
  EXPECT_EQ(r.classes[1].n, 1);         // one student: no interval
  EXPECT_DOUBLE_EQ(r.classes[1].ci_low, r.classes[1].ci_high);
}

TEST(ValueAdded, MatchesStudentsWhoSatBoth) {
  Cohort before, now;
  before.student_id = {7, 8, 9};
  before.school = before.klass = {0, 0, 0};
  now.student_id = {9, 8, 10};
  now.school = now.klass = {0, 0, 0};
  Column b{{20, 40, 60}, {Sitting::kSat, Sitting::kAbsent, Sitting::kSat}};
  Column n{{80, 90, 100}, {Sitting::kSat, Sitting::kSat, Sitting::kSat}};
  MatchedScores m = match_students(before, b, now, n);
  ASSERT_EQ(m.prior.size(), 1u);  // 8 was absent before, 10 is new
  EXPECT_DOUBLE_EQ(m.prior[0], 30);
  EXPECT_DOUBLE_EQ(m.current[0], 40);
}

TEST(ValueAdded, StudentTCriticalValues) {
  EXPECT_DOUBLE_EQ(t_critical_95(1), 12.706);
  EXPECT_NEAR(t_critical_95(60), 2.000, 0.001);
  EXPECT_NEAR(t_critical_95(120), 1.980, 0.001);
}

}  // namespace
}  // namespace edu::exam
