#include "exam/value_added.h"

#include <cmath>
#include <unordered_map>

#include "exam/ranking.h"

namespace edu::exam {
namespace {

std::vector<ValueAdded> per_group(const std::vector<int32_t>& group, int32_t count,
                                  const std::vector<double>& residual, const std::vector<double>& current) {
  std::vector<ValueAdded> out(count);
  std::vector<double> sum_sq(count, 0), raw(count, 0);
  for (size_t i = 0; i < group.size(); ++i) {
    if (group[i] < 0) continue;
    ValueAdded& v = out[group[i]];
    ++v.n;
    v.mean_residual += residual[i];
    sum_sq[group[i]] += residual[i] * residual[i];
    raw[group[i]] += current[i];
  }
  std::vector<double> va(count), raw_mean(count);
  std::vector<bool> eligible(count);
  for (int32_t g = 0; g < count; ++g) {
    ValueAdded& v = out[g];
    eligible[g] = v.n > 0;
    if (v.n == 0) continue;
    const double n = static_cast<double>(v.n);
    v.mean_residual /= n;
    v.raw_mean = raw[g] / n;
    v.ci_low = v.ci_high = v.mean_residual;
    if (v.n >= 2) {
      const double s = std::sqrt(std::max(0.0, (sum_sq[g] - n * v.mean_residual * v.mean_residual) / (n - 1)));
      const double half = t_critical_95(v.n - 1) * s / std::sqrt(n);
      v.ci_low -= half;
      v.ci_high += half;
    }
    va[g] = v.mean_residual;
    raw_mean[g] = v.raw_mean;
  }
  const auto rank = competition_ranks(va, eligible), raw_rank = competition_ranks(raw_mean, eligible);
  for (int32_t g = 0; g < count; ++g) {
    out[g].rank = rank[g];
    out[g].raw_rank = raw_rank[g];
  }
  return out;
}

}  // namespace

MatchedScores match_students(const Cohort& before, const Column& before_column, const Cohort& now,
                             const Column& now_column) {
  std::unordered_map<int64_t, size_t> prior;
  for (size_t i = 0; i < before.size(); ++i)
    if (before_column.sitting[i] == Sitting::kSat) prior[before.student_id[i]] = i;
  MatchedScores out;
  for (size_t i = 0; i < now.size(); ++i) {
    if (now_column.sitting[i] != Sitting::kSat) continue;
    auto it = prior.find(now.student_id[i]);
    if (it == prior.end()) continue;
    out.prior.push_back(to_marks(before_column.points[it->second]));
    out.current.push_back(to_marks(now_column.points[i]));
    out.school.push_back(now.school[i]);
    out.klass.push_back(now.klass[i]);
  }
  return out;
}

Regression fit_ols(const std::vector<double>& x, const std::vector<double>& y) {
  Regression r;
  r.n = static_cast<int64_t>(x.size());
  if (x.empty()) return r;
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) mx += x[i], my += y[i];
  mx /= n, my /= n;
  double sxx = 0, sxy = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) * (y[i] - my);
  }
  r.slope = sxx > 0 ? sxy / sxx : 0;
  r.intercept = my - r.slope * mx;
  r.r_squared = sxx > 0 && syy > 0 ? sxy * sxy / (sxx * syy) : 0;
  return r;
}

double t_critical_95(int64_t df) {
  static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                 2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df < 1) return 0;
  if (df <= 30) return table[df - 1];
  const double z = 1.959964, d = static_cast<double>(df);  // Cornish–Fisher expansion
  return z + (z * z * z + z) / (4 * d) + (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * d * d);
}

ValueAddedResult value_added(const MatchedScores& m, int32_t school_count, int32_t class_count) {
  ValueAddedResult out;
  out.fit = fit_ols(m.prior, m.current);
  std::vector<double> residual(m.prior.size());
  for (size_t i = 0; i < residual.size(); ++i)
    residual[i] = m.current[i] - (out.fit.intercept + out.fit.slope * m.prior[i]);
  out.schools = per_group(m.school, school_count, residual, m.current);
  out.classes = per_group(m.klass, class_count, residual, m.current);
  return out;
}

}  // namespace edu::exam
