// The student-weighted 差异系数, pinned with hand-computed cases:
//   X̄ = ΣPX/ΣP, S = sqrt(ΣP(X−X̄)²/ΣP), CV = S/X̄.
#include <gtest/gtest.h>

#include <cmath>

#include "analytics/weighted_cv.h"

namespace edu::analytics {
namespace {

TEST(WeightedCv, ThreeSchoolsByHand) {
  // X̄ = (100·1 + 200·2 + 300·3)/600 = 1400/600 = 2.3333…
  // S² = (100·1.3333² + 200·0.3333² + 300·0.6667²)/600 = 333.33/600 = 0.5556, S = 0.74536
  CvResult r = weighted_cv({100, 200, 300}, {1, 2, 3});
  EXPECT_NEAR(r.mean, 1400.0 / 600, 1e-12);
  EXPECT_NEAR(r.sd, std::sqrt(5.0 / 9), 1e-12);
  ASSERT_TRUE(r.cv);
  EXPECT_NEAR(*r.cv, 0.3194382825, 1e-9);
}

TEST(WeightedCv, WeightsMatter) {
  // Unweighted the two values 4.5 and 4.0 would give CV 0.0588; weighted 200:100 it is 0.0544.
  CvResult r = weighted_cv({200, 100}, {4.5, 4.0});
  EXPECT_NEAR(r.mean, 13.0 / 3, 1e-12);
  EXPECT_NEAR(*r.cv, 0.0543928293, 1e-9);
}

TEST(WeightedCv, SingleSchoolAndIdenticalValuesGiveZero) {
  EXPECT_EQ(*weighted_cv({250}, {3.7}).cv, 0.0);
  EXPECT_EQ(*weighted_cv({120, 80, 300}, {4.5, 4.5, 4.5}).cv, 0.0);
  WeightedSums sums(4.5);
  for (double p : {120.0, 80.0, 300.0}) sums.add(p, 4.5);
  EXPECT_EQ(*sums.result().cv, 0.0);
}

TEST(WeightedCv, NoStudentsOrZeroMeanHasNoCv) {
  EXPECT_FALSE(weighted_cv({}, {}).cv);
  EXPECT_FALSE(weighted_cv({0, 0}, {1, 2}).cv);
  EXPECT_FALSE(weighted_cv({10, 20}, {0, 0}).cv);
}

TEST(WeightedCv, RunningSumsFollowChanges) {
  WeightedSums sums(2.0);
  sums.add(100, 1);
  sums.add(200, 5);
  sums.add(300, 3);
  sums.remove(200, 5);  // school 2 changes from 5 to 2
  sums.add(200, 2);
  CvResult r = sums.result();
  CvResult full = weighted_cv({100, 200, 300}, {1, 2, 3});
  EXPECT_NEAR(r.mean, full.mean, 1e-12);
  EXPECT_NEAR(*r.cv, *full.cv, 1e-12);
}

}  // namespace
}  // namespace edu::analytics
