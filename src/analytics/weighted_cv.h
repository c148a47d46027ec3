// The student-weighted 差异系数 (DOMAIN.md):
//   X̄ = Σ Pᵢ·Xᵢ / Σ Pᵢ,  S = sqrt( Σ Pᵢ·(Xᵢ − X̄)² / Σ Pᵢ ),  CV = S / X̄
// WeightedSums keeps Σ P, Σ P·d and Σ P·d² with d = X − centre, so one
// school's value can be taken out and put back (what-if, planner) without a
// full pass; a centre near the mean (the first full pass's mean) keeps the
// sums free of cancellation, and identical values give exactly 0.
#pragma once

#include <optional>
#include <vector>

namespace edu::analytics {

struct CvResult {
  double weight = 0;  // Σ P
  double mean = 0;    // X̄
  double sd = 0;      // S
  std::optional<double> cv;  // absent when Σ P = 0 or X̄ = 0
};

class WeightedSums {
 public:
  explicit WeightedSums(double centre = 0) : centre_(centre) {}
  void add(double p, double x);
  void remove(double p, double x);
  CvResult result() const;

 private:
  double centre_;
  double w_ = 0, s1_ = 0, s2_ = 0;
};

// Two passes over (P, X) pairs: the reference the incremental sums are checked against.
CvResult weighted_cv(const std::vector<double>& p, const std::vector<double>& x);

}  // namespace edu::analytics
