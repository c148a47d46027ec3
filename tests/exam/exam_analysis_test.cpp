// Levels, totals, 综合得分, group ranks and rank change, z/T and student ranks.
#include "exam/exam_analysis.h"

#include <gtest/gtest.h>

#include "exam/ranking.h"
#include "exam_fixture.h"

namespace edu::exam {
namespace {

using testing::kAbsent;
using testing::kExempt;

TEST(Ranking, CompetitionRanksSkipAfterTies) {
  EXPECT_EQ(competition_ranks({3, 5, 5, 1}, {true, true, true, true}),
            (std::vector<int32_t>{3, 1, 1, 4}));
  EXPECT_EQ(competition_ranks({3, 5, 9, 1}, {true, true, false, true}),
            (std::vector<int32_t>{2, 1, 0, 3}));
}

TEST(Ranking, CompositeIsWeightedStandardisedRates) {
  std::vector<ScoreStats> g(4);
  double means[] = {80, 70, 60}, exc[] = {0.3, 0.2, 0.1}, pass[] = {0.9, 0.8, 0.7}, low[] = {0, 0.1, 0.2};
  for (int i = 0; i < 3; ++i) {
    g[i].counted = 10;
    g[i].mean = means[i], g[i].excellent_rate = exc[i], g[i].pass_rate = pass[i], g[i].low_rate = low[i];
  }
  g[3].mean = 100;  // nobody counted: not standardised, not ranked
  auto composite = composite_scores(g, CompositeWeights{});
  const double z = 1 / std::sqrt(2.0 / 3);  // values −1, 0, 1 around their mean
  EXPECT_NEAR(composite[0], (0.4 + 0.2 + 0.3 + 0.1) * z, 1e-12);
  EXPECT_NEAR(composite[1], 0, 1e-12);
  EXPECT_NEAR(composite[2], -z, 1e-12);
  EXPECT_EQ(composite[3], 0);
  EXPECT_EQ(competition_ranks(composite, rankable(g)), (std::vector<int32_t>{1, 2, 3, 0}));
}

// Two schools in one township; school 1 has classes 0 and 1, school 2 class 2.
struct TwoSchools {
  ExamSpec spec;
  Cohort cohort;
  Units units = testing::simple_units(2, 2);
  TwoSchools() {
    spec.subjects = {{"语文", 150, {}}, {"数学", 120, {}}};
    spec.absent_policy = AbsentPolicy::kExclude;
    cohort.student_id = {1, 2, 3, 4, 5};
    cohort.school = {0, 0, 0, 1, 1};
    cohort.klass = {0, 0, 1, 2, 2};
    cohort.subjects = {testing::column_of({120, 90, 60, 150, kAbsent}),
                       testing::column_of({100, 60, 30, 120, 80})};
    units.teachers = {{501, "语文甲", -1}, {502, "数学乙", -1}, {503, "数学丙", -1}};
    units.teaching = {{0, 0, 0, -1}, {1, 1, 2, -1}};
  }
};

TEST(ExamAnalysis, TotalsLevelsAndTeachers) {
  TwoSchools t;
  ExamAnalysis a = analyze_exam(t.spec, t.cohort, t.units);
  ASSERT_EQ(a.columns.size(), 3u);
  EXPECT_EQ(a.columns[2].name, "总分");
  EXPECT_DOUBLE_EQ(a.columns[2].full_marks, 270);
  const ScoreStats& county_total = a.at(Level::kCounty).columns[2].groups[0].stats;
  EXPECT_EQ(county_total.expected, 5);
  EXPECT_EQ(county_total.sat, 4);  // student 5 missed 语文
  EXPECT_DOUBLE_EQ(*county_total.mean, (220 + 150 + 90 + 270) / 4.0);
  const auto& schools = a.at(Level::kSchool).columns[0].groups;
  EXPECT_DOUBLE_EQ(*schools[0].stats.mean, 90);
  EXPECT_DOUBLE_EQ(*schools[1].stats.mean, 150);
  EXPECT_DOUBLE_EQ(*schools[1].stats.participation, 0.5);
  EXPECT_EQ(schools[1].mean_rank, 1);
  EXPECT_EQ(a.at(Level::kTownship).columns[0].groups[0].stats.counted, 4);
  const auto& classes = a.at(Level::kClass).columns[1].groups;
  EXPECT_DOUBLE_EQ(*classes[0].stats.mean, 80);
  EXPECT_EQ(classes[3].stats.expected, 0);  // a class without candidates
  EXPECT_EQ(classes[3].rank, 0);
  const auto& teachers = a.at(Level::kTeacher).columns[1].groups;  // 数学
  EXPECT_EQ(teachers[0].stats.expected, 0);                        // teaches 语文 only
  EXPECT_DOUBLE_EQ(*teachers[1].stats.mean, 190.0 / 3);             // classes 0 and 1: 100, 60, 30
  EXPECT_DOUBLE_EQ(*teachers[2].stats.mean, 100);                   // class 2: 120, 80
  EXPECT_TRUE(a.at(Level::kTeacher).columns[2].groups.empty());
}

TEST(ExamAnalysis, StudentZAndRanks) {
  TwoSchools t;
  ExamAnalysis a = analyze_exam(t.spec, t.cohort, t.units);
  const StudentColumn& math = a.students[1];
  // 数学 county: 100 60 30 120 80 → mean 78, population SD √1000 = 31.62…
  const double sd = std::sqrt((22 * 22 + 18 * 18 + 48 * 48 + 42 * 42 + 2 * 2) / 5.0);
  EXPECT_NEAR(math.z[0], (100 - 78) / sd, 1e-6);
  EXPECT_EQ(math.county_rank, (std::vector<int32_t>{2, 4, 5, 1, 3}));
  EXPECT_EQ(math.school_rank, (std::vector<int32_t>{1, 2, 3, 1, 2}));
  EXPECT_EQ(math.class_rank, (std::vector<int32_t>{1, 2, 1, 1, 2}));
  EXPECT_EQ(a.students[0].county_rank[4], 0);  // absent
  EXPECT_EQ(a.students[0].z[4], 0.f);
}

TEST(ExamAnalysis, RankChangeAgainstThePreviousExam) {
  TwoSchools t;
  ExamAnalysis now = analyze_exam(t.spec, t.cohort, t.units);
  Cohort before = t.cohort;
  before.subjects[0] = testing::column_of({150, 150, 150, 30, 30});
  ExamAnalysis then = analyze_exam(t.spec, before, t.units);
  compare_with_previous(now, t.units, then, t.units);
  const auto& schools = now.at(Level::kSchool).columns[0].groups;
  EXPECT_EQ(schools[1].previous_rank, 2);
  EXPECT_EQ(schools[1].rank, 1);
  EXPECT_EQ(schools[1].rank_change, 1);
  EXPECT_EQ(schools[0].rank_change, -1);
}

}  // namespace
}  // namespace edu::exam

namespace edu::exam {
namespace {

TEST(ExamAnalysis, AbsentTotalCountsTheSubjectsSatUnderCountAsZero) {
  TwoSchools t;
  t.spec.absent_policy = AbsentPolicy::kCountAsZero;
  ExamAnalysis a = analyze_exam(t.spec, t.cohort, t.units);
  const ScoreStats& school2 = a.at(Level::kSchool).columns[2].groups[1].stats;
  EXPECT_EQ(school2.sat, 1);
  EXPECT_EQ(school2.counted, 2);
  EXPECT_DOUBLE_EQ(*school2.mean, (270 + 80) / 2.0);  // student 5 missed 语文: 0 + 80
  EXPECT_DOUBLE_EQ(*school2.min, 270);                // over those who sat
}

}  // namespace
}  // namespace edu::exam
