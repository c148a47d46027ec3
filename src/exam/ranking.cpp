#include "exam/ranking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace edu::exam {
namespace {

std::vector<double> standardised(const std::vector<double>& values, const std::vector<bool>& eligible) {
  double sum = 0, sum_sq = 0, n = 0;
  for (size_t i = 0; i < values.size(); ++i)
    if (eligible[i]) {
      sum += values[i];
      sum_sq += values[i] * values[i];
      ++n;
    }
  std::vector<double> z(values.size(), 0);
  if (n == 0) return z;
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, sum_sq / n - mean * mean));
  if (sd < 1e-12) return z;
  for (size_t i = 0; i < values.size(); ++i)
    if (eligible[i]) z[i] = (values[i] - mean) / sd;
  return z;
}

}  // namespace

std::vector<int32_t> competition_ranks(const std::vector<double>& values,
                                       const std::vector<bool>& eligible) {
  // (value, index), highest first; the order among ties does not change their rank.
  std::vector<std::pair<double, uint32_t>> order;
  order.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    if (eligible[i]) order.push_back({values[i], static_cast<uint32_t>(i)});
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<int32_t> ranks(values.size(), 0);
  for (size_t k = 0; k < order.size(); ++k)
    ranks[order[k].second] = (k > 0 && order[k].first == order[k - 1].first) ? ranks[order[k - 1].second]
                                                                             : static_cast<int32_t>(k + 1);
  return ranks;
}

std::vector<bool> rankable(const std::vector<ScoreStats>& groups) {
  std::vector<bool> out(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) out[i] = groups[i].counted > 0;
  return out;
}

std::vector<double> composite_scores(const std::vector<ScoreStats>& groups,
                                     const CompositeWeights& w) {
  const std::vector<bool> eligible = rankable(groups);
  auto field = [&](std::optional<double> ScoreStats::*member) {
    std::vector<double> v(groups.size());  // read for the eligible only, who all have a value
    for (size_t i = 0; i < groups.size(); ++i) v[i] = (groups[i].*member).value_or(0);
    return standardised(v, eligible);
  };
  const auto mean = field(&ScoreStats::mean), exc = field(&ScoreStats::excellent_rate),
             pass = field(&ScoreStats::pass_rate), low = field(&ScoreStats::low_rate);
  std::vector<double> out(groups.size(), 0);
  for (size_t i = 0; i < groups.size(); ++i)
    out[i] = w.mean * mean[i] + w.excellent * exc[i] + w.pass * pass[i] - w.low * low[i];
  return out;
}

}  // namespace edu::exam
