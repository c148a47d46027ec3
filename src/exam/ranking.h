// Ranking groups: competition ranks ("1224": ties share a rank, the next rank
// skips) and 综合得分, the weighted sum of the standardised 三率一分.
//
// 综合得分 of a group = w_mean·z(平均分) + w_excellent·z(优秀率) + w_pass·z(及格率)
// − w_low·z(低分率), each z standardised across the eligible groups of the same
// level (population SD; a z is 0 when all groups are equal). Groups with nobody
// counted are not eligible: no score, rank 0.
#pragma once

#include <cstdint>
#include <vector>

#include "exam/exam_data.h"
#include "exam/score_stats.h"

namespace edu::exam {

// Ranks, higher value first, over the eligible entries; 0 for the others.
std::vector<int32_t> competition_ranks(const std::vector<double>& values,
                                       const std::vector<bool>& eligible);

std::vector<double> composite_scores(const std::vector<ScoreStats>& groups,
                                     const CompositeWeights& weights);

// Whether a group has anybody counted (eligible for ranking).
std::vector<bool> rankable(const std::vector<ScoreStats>& groups);

}  // namespace edu::exam
