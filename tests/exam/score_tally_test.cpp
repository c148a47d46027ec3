// Tallies of a coarser grouping summed from a finer one's, checked against
// hand-computed figures and against counting the coarser grouping directly.
#include "exam/score_tally.h"

#include <gtest/gtest.h>

#include "exam/score_stats.h"
#include "exam_fixture.h"

namespace edu::exam {
namespace {

using testing::kAbsent;
using testing::kExempt;

const SubjectSpec kTen{"数学", 10, {}};  // full 20 points; cuts 8.5 / 6 / 4 marks = 17 / 12 / 8 points

// School 0: 8, 6, 缺考, 免考; school 1: 10, 4, 6; one candidate of no school: 5.
// Both schools are in township 0; township 1 has no school.
struct TwoSchools {
  Column column = testing::column_of({8, 6, kAbsent, kExempt, 10, 4, 6, 5});
  Grouping schools = Grouping::by({0, 0, 0, 0, 1, 1, 1, -1}, 2);
  std::vector<int32_t> township_of_school = {0, 0, -1};  // the schools' rows, then outside
  Grouping townships = schools.lifted({0, 0}, 2);
};

TEST(ScoreTally, TownshipSummedFromTwoSchools) {
  const TwoSchools t;
  for (AbsentPolicy policy : {AbsentPolicy::kCountAsZero, AbsentPolicy::kExclude}) {
    ScoreTally by_school, township;
    by_school.count(t.column, t.schools, 20, policy);
    township.sum(by_school, t.township_of_school, 2);
    EXPECT_EQ(by_school.expected, (std::vector<int64_t>{3, 3, 1}));  // the exempt cell is not 应考
    EXPECT_EQ(township.expected, (std::vector<int64_t>{6, 0, 1}));
    EXPECT_EQ(township.sat, (std::vector<int64_t>{5, 0, 1}));
    EXPECT_EQ(township.max[0], 20);
    EXPECT_EQ(township.min[0], 8);
    const bool zero = policy == AbsentPolicy::kCountAsZero;
    std::vector<uint32_t> row(21, 0);  // 缺考 as 0, then 4, 6, 6, 8, 10 marks
    row[0] = zero ? 1 : 0;
    row[8] = 1;
    row[12] = 2;
    row[16] = 1;
    row[20] = 1;
    EXPECT_EQ(std::vector<uint32_t>(township.row(0), township.row(0) + 21), row);
    EXPECT_EQ(std::vector<uint32_t>(township.row(1), township.row(1) + 21), std::vector<uint32_t>(21, 0));

    std::vector<int32_t> ranks;
    const auto st = tallied_score_stats(township, t.column, t.townships, kTen, {policy, 20, &ranks});
    ASSERT_EQ(st.size(), 2u);
    EXPECT_EQ(st[0].expected, 6);
    EXPECT_EQ(st[0].sat, 5);
    EXPECT_EQ(st[0].counted, zero ? 6 : 5);
    EXPECT_DOUBLE_EQ(*st[0].participation, 5.0 / 6);
    EXPECT_DOUBLE_EQ(*st[0].mean, zero ? 34.0 / 6 : 6.8);
    EXPECT_EQ(st[0].excellent, 1);  // 10
    EXPECT_EQ(st[0].pass, 4);       // 6, 6, 8, 10
    EXPECT_EQ(st[0].low, zero ? 1 : 0);  // the absent 0 under kCountAsZero
    EXPECT_DOUBLE_EQ(*st[0].max, 10);
    EXPECT_DOUBLE_EQ(*st[0].min, 4);
    EXPECT_DOUBLE_EQ((*st[0].percentiles)[2], 6);  // 0 4 [6 6] 8 10, or 4 6 [6] 8 10
    EXPECT_DOUBLE_EQ((*st[0].percentiles)[0], zero ? 2 : 4.8);
    EXPECT_EQ(st[1].expected, 0);
    EXPECT_FALSE(st[1].participation);
    EXPECT_FALSE(st[1].mean);
    // ranks in the township; 0 for the absent, the exempt and the one of no township
    EXPECT_EQ(ranks, (std::vector<int32_t>{2, 3, 0, 0, 1, 5, 3, 0}));
  }
}

TEST(ScoreTally, SumsAgreeWithCountingTheCoarserGrouping) {
  const TwoSchools t;
  const Grouping county = Grouping::single(t.column.points.size());
  for (AbsentPolicy policy : {AbsentPolicy::kCountAsZero, AbsentPolicy::kExclude}) {
    ScoreTally by_school, township, county_summed, township_counted, county_counted;
    by_school.count(t.column, t.schools, 20, policy);
    township.sum(by_school, t.township_of_school, 2);
    county_summed.sum(township, {0, 0, 0}, 1);  // the county holds the candidate of no township too
    township_counted.count(t.column, t.townships, 20, policy);
    county_counted.count(t.column, county, 20, policy);
    for (const auto& [summed, direct] : {std::pair{&township, &township_counted}, {&county_summed, &county_counted}}) {
      EXPECT_EQ(summed->at, direct->at);
      EXPECT_EQ(summed->expected, direct->expected);
      EXPECT_EQ(summed->sat, direct->sat);
      EXPECT_EQ(summed->max, direct->max);
      EXPECT_EQ(summed->min, direct->min);
    }
    EXPECT_EQ(county_summed.expected[0], 7);
    EXPECT_EQ(county_summed.sat[0], 6);
    const auto st = tallied_score_stats(county_summed, t.column, county, kTen, {policy, 20});
    EXPECT_DOUBLE_EQ(*st[0].mean, policy == AbsentPolicy::kCountAsZero ? 39.0 / 7 : 6.5);
  }
}

}  // namespace
}  // namespace edu::exam
