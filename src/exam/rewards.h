// 奖励方案: a bureau's rule set turned into awards per school and teacher, each
// with its working shown.
//
// Rules (each for one level — school or teacher — and one column: a subject's
// name or 总分):
//  - kRankBand: a group ranked (by 综合得分) within [rank_from, rank_to] gets `points`.
//  - kImprovement: `points` per place moved up against the previous exam
//    (rank_change > 0); nothing for moving down.
//  - kThreshold: `points` when the indicator (平均分, 优秀率, 及格率, 参考率)
//    reaches `threshold` (rates as fractions).
//  - min_participation: no points at all from this rule when the group's
//    参考率 is below it (so leaving students out never pays).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "exam/exam_analysis.h"

namespace edu::exam {

enum class RewardKind { kRankBand, kImprovement, kThreshold };

struct RewardRule {
  std::string name;
  RewardKind kind = RewardKind::kRankBand;
  Level level = Level::kSchool;
  std::string subject = "总分";
  int rank_from = 1, rank_to = 1;
  std::string indicator;  // kThreshold
  double threshold = 0;
  double points = 0;
  double min_participation = 0;
};

struct AwardLine {
  std::string rule;
  std::string working;  // 总分综合排名第2(名次段1–3) → 10分
  double points = 0;
};

struct Award {
  Level level = Level::kSchool;
  int32_t unit = 0;  // index into the level's units
  double points = 0;
  std::vector<AwardLine> lines;
};

// Checks a rule against the exam (level, subject, indicator); Chinese errors.
Status check_rule(const RewardRule& rule, const ExamAnalysis& analysis);
// Awards of every group that earned any points, highest first.
Result<std::vector<Award>> compute_awards(const std::vector<RewardRule>& rules,
                                          const ExamAnalysis& analysis);
const char* reward_kind_key(RewardKind kind);  // rank_band, improvement, threshold
bool parse_reward_kind(const std::string& key, RewardKind& kind);

}  // namespace edu::exam
