// 控辍保学 reports and rates (analytics/dropout_report.h) on cases counted by hand.
#include <gtest/gtest.h>

#include "analytics/dropout_report.h"

namespace edu::analytics::dropout {
namespace {

// Two townships; 甲镇 has two schools. Period: the week 2026-11-23 … 2026-11-29.
std::vector<CaseFact> cases() {
  return {
      {1, 0, 10, "甲镇", 100, "甲一小", "辍学", "2026-11-24", "", ""},                           // opened, still out
      {2, 0, 10, "甲镇", 100, "甲一小", "辍学", "2026-10-01", "2026-11-25", "close_returned"},   // returned this week
      {3, 0, 10, "甲镇", 101, "甲中学", "休学逾期", "2026-11-23", "2026-11-26", "dismiss"},       // opened and found untrue
      {4, 0, 20, "乙乡", 200, "乙小", "辍学", "2026-09-15", "2026-11-30", "close_elsewhere"},     // closed after the week: still out
      {5, 0, 20, "乙乡", 200, "乙小", "小升初未入学", "2026-11-29", "", ""},                       // opened on the last day
      {6, 0, 20, "乙乡", 200, "乙小", "辍学", "2026-11-30", "", ""},                               // after the week: nowhere
  };
}

TEST(DropoutReport, CountsAWeekByTownshipSchoolReasonAndOutcome) {
  Report r = build_report(cases(), "2026-11-23", "2026-11-29");
  EXPECT_EQ(r.total.opened.case_ids, (std::vector<int64_t>{1, 3, 5}));
  EXPECT_EQ(r.total.returned.case_ids, (std::vector<int64_t>{2}));
  EXPECT_EQ(r.total.closed.case_ids, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(r.total.still_out.case_ids, (std::vector<int64_t>{1, 4, 5}));
  EXPECT_EQ(r.total.still_out.n, 3);
  ASSERT_EQ(r.townships.size(), 2u);
  EXPECT_EQ(r.townships[0].name, "甲镇");
  EXPECT_EQ(r.townships[0].tally.opened.n, 2);
  EXPECT_EQ(r.townships[0].tally.still_out.n, 1);
  ASSERT_EQ(r.townships[0].schools.size(), 2u);
  EXPECT_EQ(r.townships[0].schools[1].name, "甲中学");
  EXPECT_EQ(r.townships[0].schools[1].tally.closed.case_ids, (std::vector<int64_t>{3}));
  EXPECT_EQ(r.townships[1].tally.opened.case_ids, (std::vector<int64_t>{5}));
  EXPECT_EQ(r.townships[1].tally.still_out.case_ids, (std::vector<int64_t>{4, 5}));
  // Reasons of the three opened: 辍学 (1), 休学逾期 (3), 小升初未入学 (5): ties by key.
  ASSERT_EQ(r.by_reason.size(), 3u);
  EXPECT_EQ(r.by_reason[0].count.n, 1);
  // Outcomes of the two closed in the week.
  ASSERT_EQ(r.by_outcome.size(), 2u);
  EXPECT_EQ(r.by_outcome[0].key, "close_returned");
  EXPECT_EQ(r.by_outcome[1].key, "dismiss");
}

TEST(DropoutReport, AYearHoldsEveryCaseOfIt) {
  Report r = build_report(cases(), "2026-09-01", "2027-08-31");
  EXPECT_EQ(r.total.opened.n, 6);
  EXPECT_EQ(r.total.closed.n, 3);  // 2, 3, 4
  EXPECT_EQ(r.total.still_out.case_ids, (std::vector<int64_t>{1, 5, 6}));
  ASSERT_EQ(r.by_reason.size(), 3u);
  EXPECT_EQ(r.by_reason[0].key, "辍学");
  EXPECT_EQ(r.by_reason[0].count.case_ids, (std::vector<int64_t>{1, 2, 4, 6}));
}

TEST(DropoutRates, OneDropoutPerChildNoneFoundUntrueNoneBackInSchool) {
  std::vector<CaseFact> c = cases();
  for (CaseFact& f : c) f.student_id = f.id;
  c[4].student_id = 1;  // case 5 is the child of case 1 again
  // 2 returned and 4 studies elsewhere (verified) within the year, 3 was untrue: 1 and 6 remain.
  EXPECT_EQ(dropouts_during(c, "2026-09-01", "2027-08-31"), (std::vector<int64_t>{1, 6}));
  // Over the autumn alone (to 2026-11-29) 4 was still out; 2 had returned.
  EXPECT_EQ(dropouts_during(c, "2026-09-01", "2026-11-29"), (std::vector<int64_t>{1, 4}));
  // Closed 其他 (not back in school): still a dropout.
  c[1].outcome = "close_other";
  EXPECT_EQ(dropouts_during(c, "2026-09-01", "2027-08-31"), (std::vector<int64_t>{1, 2, 6}));
}

TEST(DropoutRates, AnnualDropoutRateByHand) {
  // 12 children dropped out in a year that began with 4,800 enrolled: 0.25%.
  Rate r = dropout_rate(12, 4800);
  EXPECT_EQ(r.numerator, 12);
  EXPECT_EQ(r.denominator, 4800);
  ASSERT_TRUE(r.value);
  EXPECT_DOUBLE_EQ(*r.value, 0.25);
  EXPECT_FALSE(r.flagged);
  Rate none = dropout_rate(3, 0);
  EXPECT_FALSE(none.value);
  EXPECT_TRUE(none.flagged);
}

TEST(DropoutRates, RetentionRateByHand) {
  // 初中毕业年级在校生 583 of a cohort of 600 who entered 一年级: 97.1666…%.
  Rate r = retention_rate(583, 600);
  ASSERT_TRUE(r.value);
  EXPECT_NEAR(*r.value, 97.1667, 1e-4);
  EXPECT_FALSE(r.flagged);
  // More at the end than at the start (transfers in): over 100%, flagged, not hidden.
  Rate over = retention_rate(610, 600);
  ASSERT_TRUE(over.value);
  EXPECT_NEAR(*over.value, 101.6667, 1e-4);
  EXPECT_TRUE(over.flagged);
}

}  // namespace
}  // namespace edu::analytics::dropout
