// Reward schemes with their working, and the reconciliation of score rows
// against the register (缺考, 附读/外校, duplicates).
#include <gtest/gtest.h>

#include "exam/participation.h"
#include "exam/rewards.h"
#include "exam_fixture.h"

namespace edu::exam {
namespace {

ExamAnalysis three_schools(const std::vector<double>& means) {
  ExamAnalysis a;
  a.columns = {{"总分", 100, {}}};
  LevelResult& schools = a.levels[static_cast<int>(Level::kSchool)];
  schools.columns.push_back({a.columns[0], {}, 0, {}});
  for (size_t i = 0; i < means.size(); ++i) {
    GroupResult g;
    g.stats.counted = g.stats.expected = g.stats.sat = 10;
    g.stats.participation = i == 2 ? 0.8 : 1.0;
    g.stats.mean = means[i];
    g.stats.pass_rate = means[i] / 100;
    g.rank = static_cast<int32_t>(i + 1);
    g.previous_rank = 3 - static_cast<int32_t>(i);
    g.rank_change = g.previous_rank - g.rank;
    schools.columns[0].groups.push_back(g);
  }
  return a;
}

TEST(Rewards, PointsWithWorkingShown) {
  ExamAnalysis a = three_schools({80, 70, 60});
  std::vector<RewardRule> rules = {
      {"前两名", RewardKind::kRankBand, Level::kSchool, "总分", 1, 2, "", 0, 10, 0.95},
      {"进步奖", RewardKind::kImprovement, Level::kSchool, "总分", 1, 1, "", 0, 3, 0},
      {"及格率达标", RewardKind::kThreshold, Level::kSchool, "总分", 1, 1, "及格率", 0.6, 5, 0}};
  auto awards = compute_awards(rules, a);
  ASSERT_TRUE(awards.ok());
  ASSERT_EQ(awards->size(), 3u);
  const Award& first = (*awards)[0];
  EXPECT_EQ(first.unit, 0);
  EXPECT_DOUBLE_EQ(first.points, 10 + 3 * 2 + 5);
  EXPECT_EQ(first.lines[0].working, "总分综合排名第1(名次段1–2)→ 10.0分");
  EXPECT_EQ(first.lines[1].working, "总分名次由第3升至第1,进步2名 × 3.0 = 6.0分");
  EXPECT_EQ(first.lines[2].working, "总分及格率80.0% ≥ 60.0% → 5.0分");
  const Award& third = (*awards)[2];  // school 3 only reaches the threshold
  EXPECT_EQ(third.unit, 2);
  EXPECT_DOUBLE_EQ(third.points, 5);
}

TEST(Rewards, LowParticipationEarnsNothingFromTheRule) {
  ExamAnalysis a = three_schools({60, 70, 80});
  std::vector<RewardRule> rules = {
      {"及格率达标", RewardKind::kThreshold, Level::kSchool, "总分", 1, 1, "及格率", 0.5, 5, 0.95}};
  auto awards = compute_awards(rules, a);
  ASSERT_TRUE(awards.ok());
  const Award& last = awards->back();
  EXPECT_EQ(last.unit, 2);
  EXPECT_DOUBLE_EQ(last.points, 0);
  EXPECT_EQ(last.lines[0].working, "总分参考率80.0%低于要求95.0%,本项不计分");
}

TEST(Rewards, BadRulesAreRejectedInChinese) {
  ExamAnalysis a = three_schools({60});
  RewardRule r{"物理奖", RewardKind::kRankBand, Level::kSchool, "物理", 1, 3, "", 0, 1, 0};
  auto awards = compute_awards({r}, a);
  ASSERT_FALSE(awards.ok());
  EXPECT_EQ(awards.status().message(), "奖励规则“物理奖”的科目“物理”不在本次考试中");
}

TEST(Participation, MissingOutsidersAndDuplicatesAreNamed) {
  std::vector<RosterEntry> roster = {{1, "G1", "1", "甲", 10, 1, false},
                                     {2, "G2", "2", "乙", 10, 1, false},
                                     {3, "G3", "3", "丙", 10, 1, true},   // 免考
                                     {4, "G4", "4", "丁", 20, 2, false},
                                     {5, "G5", "5", "戊", 20, 2, false}};
  std::vector<ScoreRowKey> rows = {{2, 10, "G1", "甲"},   // matched
                                   {3, 10, "4", "丁"},    // 附读: registered at school 20
                                   {4, 10, "G9", "某"},   // 不在册
                                   {5, 20, "G5", "戊"},   // matched
                                   {6, 20, "5", "戊"}};   // duplicate (by 身份证号)
  Reconciliation r = reconcile(roster, rows);
  EXPECT_EQ(r.row_entry, (std::vector<int32_t>{0, 3, -1, 4, -1}));  // 丁's score counts for school 20
  EXPECT_EQ(r.missing, (std::vector<size_t>{1}));                     // 乙; 丙 is exempt
  ASSERT_EQ(r.outsiders.size(), 2u);
  EXPECT_EQ(r.outsiders[0].row, 1u);
  EXPECT_EQ(r.outsiders[0].registered, 3);
  EXPECT_EQ(r.outsiders[1].registered, -1);
  ASSERT_EQ(r.duplicates.size(), 1u);  // 戊, scored twice
  EXPECT_EQ(r.duplicates[0].entry, 4u);
  EXPECT_EQ(r.duplicates[0].rows, (std::vector<size_t>{3, 4}));
  EXPECT_TRUE(r.misnamed.empty());
  EXPECT_FALSE(r.clean());
}

TEST(Participation, NamesNotTheRegistersAreListed) {
  std::vector<RosterEntry> roster = {{1, "G1", "1", "甲", 10, 1, false}, {2, "G2", "2", "乙", 10, 1, false}};
  std::vector<ScoreRowKey> rows = {{2, 10, "G1", "甲"},    // right
                                   {3, 10, "2", "乙乙"},   // wrong, by 身份证号
                                   {4, 10, "G2", ""},      // empty, a duplicate of 乙
                                   {5, 10, "G9", "丙"}};   // not in the register: no name to check
  Reconciliation r = reconcile(roster, rows);
  ASSERT_EQ(r.misnamed.size(), 2u);
  EXPECT_EQ(r.misnamed[0].row, 1u);
  EXPECT_EQ(r.misnamed[0].entry, 1u);
  EXPECT_EQ(r.misnamed[1].row, 2u);
  EXPECT_EQ(r.misnamed[1].entry, 1u);
  EXPECT_EQ(r.row_entry, (std::vector<int32_t>{0, 1, -1, -1}));
}

TEST(Participation, ARosterOfOneSchoolMakesOthersOutsiders) {
  // A school administrator's sheet is reconciled against their own school's
  // roster: another school's student is, for that sheet, not in the register.
  std::vector<RosterEntry> own = {{1, "G1", "1", "甲", 10, 1, false}};
  std::vector<ScoreRowKey> rows = {{2, 10, "G4", "丁"}, {3, 10, "4", "某"}};  // 丁 is school 20's
  Reconciliation r = reconcile(own, rows);
  EXPECT_EQ(r.row_entry, (std::vector<int32_t>{-1, -1}));
  ASSERT_EQ(r.outsiders.size(), 2u);
  EXPECT_EQ(r.outsiders[0].registered, -1);
  EXPECT_EQ(r.outsiders[1].registered, -1);
  EXPECT_TRUE(r.duplicates.empty());
  EXPECT_TRUE(r.misnamed.empty());
  EXPECT_EQ(r.missing, (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace edu::exam
