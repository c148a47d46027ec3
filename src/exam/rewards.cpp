#include "exam/rewards.h"

#include <algorithm>
#include <map>

#include "exam/text.h"

namespace edu::exam {
namespace {

const ColumnResult* find_column(const ExamAnalysis& a, Level level, const std::string& subject) {
  for (const ColumnResult& c : a.at(level).columns)
    if (c.subject.name == subject) return &c;
  return nullptr;
}

using Indicator = std::optional<double> ScoreStats::*;

// The indicators a threshold rule may name; nullptr for any other.
Indicator indicator_of(const std::string& name) {
  static const std::pair<const char*, Indicator> kIndicators[] = {{"平均分", &ScoreStats::mean},
                                                                  {"优秀率", &ScoreStats::excellent_rate},
                                                                  {"及格率", &ScoreStats::pass_rate},
                                                                  {"参考率", &ScoreStats::participation}};
  for (const auto& [key, field] : kIndicators)
    if (name == key) return field;
  return nullptr;
}

std::string indicator_text(const std::string& indicator, double v) {
  return indicator == "平均分" ? fixed(v, 2) + "分" : percent_text(v);
}

// The points one group earns from one rule, with the working; 0 for none.
AwardLine apply(const RewardRule& r, const GroupResult& g) {
  AwardLine line{r.name, "", 0};
  const std::string prefix = r.subject + (r.level == Level::kTeacher ? "(任教)" : "");
  if (g.stats.counted == 0) return line;
  const double participation = *g.stats.participation;  // somebody counted: somebody 应考
  if (participation < r.min_participation) {
    line.working = prefix + "参考率" + percent_text(participation) + "低于要求" +
                   percent_text(r.min_participation) + ",本项不计分";
    return line;
  }
  switch (r.kind) {
    case RewardKind::kRankBand:
      if (g.rank >= r.rank_from && g.rank <= r.rank_to) {
        line.points = r.points;
        line.working = prefix + "综合排名第" + std::to_string(g.rank) + "(名次段" +
                       std::to_string(r.rank_from) + "–" + std::to_string(r.rank_to) + ")→ " +
                       fixed(r.points, 1) + "分";
      }
      break;
    case RewardKind::kImprovement:
      if (g.rank_change > 0) {
        line.points = r.points * g.rank_change;
        line.working = prefix + "名次由第" + std::to_string(g.previous_rank) + "升至第" +
                       std::to_string(g.rank) + ",进步" + std::to_string(g.rank_change) + "名 × " +
                       fixed(r.points, 1) + " = " + fixed(line.points, 1) + "分";
      }
      break;
    case RewardKind::kThreshold: {
      const std::optional<double> v = g.stats.*indicator_of(r.indicator);  // checked by check_rule
      if (v && *v >= r.threshold) {
        line.points = r.points;
        line.working = prefix + r.indicator + indicator_text(r.indicator, *v) + " ≥ " +
                       indicator_text(r.indicator, r.threshold) + " → " + fixed(r.points, 1) + "分";
      }
      break;
    }
  }
  return line;
}

}  // namespace

const char* reward_kind_key(RewardKind kind) {
  switch (kind) {
    case RewardKind::kRankBand: return "rank_band";
    case RewardKind::kImprovement: return "improvement";
    case RewardKind::kThreshold: return "threshold";
  }
  return "";
}

bool parse_reward_kind(const std::string& key, RewardKind& kind) {
  for (RewardKind k : {RewardKind::kRankBand, RewardKind::kImprovement, RewardKind::kThreshold})
    if (key == reward_kind_key(k)) {
      kind = k;
      return true;
    }
  return false;
}

Status check_rule(const RewardRule& r, const ExamAnalysis& a) {
  const std::string where = "奖励规则“" + r.name + "”";
  if (r.level != Level::kSchool && r.level != Level::kTeacher)
    return Status::Error("validation", where + "只能用于学校或教师", "level");
  if (!find_column(a, r.level, r.subject))
    return Status::Error("validation", where + "的科目“" + r.subject + "”不在本次考试中", "subject");
  if (r.level == Level::kTeacher && r.subject == "总分")
    return Status::Error("validation", where + ":教师奖励须指定任教科目", "subject");
  if (r.kind == RewardKind::kThreshold && !indicator_of(r.indicator))
    return Status::Error("validation", where + "的指标须为 平均分、优秀率、及格率 或 参考率", "indicator");
  if (r.kind == RewardKind::kRankBand && (r.rank_from < 1 || r.rank_to < r.rank_from))
    return Status::Error("validation", where + "的名次段无效", "rank_from");
  return Status::Ok();
}

Result<std::vector<Award>> compute_awards(const std::vector<RewardRule>& rules, const ExamAnalysis& a) {
  std::map<std::pair<int, int32_t>, Award> awards;
  for (const RewardRule& r : rules) {
    Status s = check_rule(r, a);
    if (!s.ok()) return s;
    const ColumnResult& column = *find_column(a, r.level, r.subject);
    for (size_t g = 0; g < column.groups.size(); ++g) {
      AwardLine line = apply(r, column.groups[g]);
      if (line.working.empty()) continue;
      Award& award = awards[{static_cast<int>(r.level), static_cast<int32_t>(g)}];
      award.level = r.level;
      award.unit = static_cast<int32_t>(g);
      award.points += line.points;
      award.lines.push_back(std::move(line));
    }
  }
  std::vector<Award> out;
  for (auto& [key, award] : awards) out.push_back(std::move(award));
  std::stable_sort(out.begin(), out.end(), [](const Award& x, const Award& y) { return x.points > y.points; });
  return out;
}

}  // namespace edu::exam
