#include "exam/item_analysis.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace edu::exam {
namespace {

double population_variance(const std::vector<double>& v) {
  if (v.empty()) return 0;
  double mean = std::accumulate(v.begin(), v.end(), 0.0) / v.size();
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return ss / v.size();
}

std::vector<double> row_totals(const ItemMatrix& m) {
  std::vector<double> totals(m.rows(), 0);
  for (const auto& item : m.scores)
    for (size_t r = 0; r < m.rows(); ++r) totals[r] += to_marks(item[r]);
  return totals;
}

double mean_of(const std::vector<Points>& scores, const std::vector<size_t>& rows, size_t from, size_t to) {
  double sum = 0;
  for (size_t k = from; k < to; ++k) sum += to_marks(scores[rows[k]]);
  return to > from ? sum / (to - from) : 0;
}

}  // namespace

ItemAnalysis analyze_items(const ItemMatrix& m, const std::vector<int32_t>& school_of_candidate,
                           int32_t school_count) {
  ItemAnalysis out;
  out.rows = static_cast<int64_t>(m.rows());
  const size_t n = m.rows();
  const std::vector<double> totals = row_totals(m);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return totals[a] > totals[b]; });
  const size_t group = n == 0 ? 0 : std::max<size_t>(1, static_cast<size_t>(std::lround(0.27 * n)));

  out.school_rows.assign(school_count, 0);
  for (size_t r = 0; r < n; ++r) ++out.school_rows[school_of_candidate[m.candidate[r]]];
  const std::vector<int64_t>& school_rows = out.school_rows;

  double sum_item_var = 0;
  for (size_t i = 0; i < m.items.size(); ++i) {
    const auto& scores = m.scores[i];
    const double full = m.items[i].full_marks;
    ItemStats st;
    std::vector<double> marks(n);
    std::vector<double> school_sum(school_count, 0);
    for (size_t r = 0; r < n; ++r) {
      marks[r] = to_marks(scores[r]);
      school_sum[school_of_candidate[m.candidate[r]]] += marks[r];
    }
    st.mean = n ? std::accumulate(marks.begin(), marks.end(), 0.0) / n : 0;
    st.difficulty = full > 0 ? st.mean / full : 0;
    if (group > 0 && full > 0)
      st.discrimination = (mean_of(scores, order, 0, group) - mean_of(scores, order, n - group, n)) / full;
    st.school_rate.assign(school_count, 0);
    for (int32_t s = 0; s < school_count; ++s)
      if (school_rows[s] > 0 && full > 0) st.school_rate[s] = school_sum[s] / static_cast<double>(school_rows[s]) / full;
    sum_item_var += population_variance(marks);
    out.items.push_back(std::move(st));
  }
  const double k = static_cast<double>(m.items.size());
  const double total_var = population_variance(totals);
  if (k >= 2 && total_var > 0) out.alpha = k / (k - 1) * (1 - sum_item_var / total_var);
  return out;
}

}  // namespace edu::exam
