#include "analytics/weighted_cv.h"

#include <cmath>

namespace edu::analytics {
namespace {

CvResult finish(double w, double mean, double variance) {
  CvResult r;
  r.weight = w;
  if (w <= 0) return r;
  r.mean = mean;
  r.sd = std::sqrt(std::max(0.0, variance));
  if (mean != 0) r.cv = r.sd / mean;
  return r;
}

}  // namespace

void WeightedSums::add(double p, double x) {
  double d = x - centre_;
  w_ += p;
  s1_ += p * d;
  s2_ += p * d * d;
}

void WeightedSums::remove(double p, double x) { add(-p, x); }

CvResult WeightedSums::result() const {
  if (w_ <= 0) return finish(0, 0, 0);
  double m = s1_ / w_;
  return finish(w_, centre_ + m, s2_ / w_ - m * m);
}

CvResult weighted_cv(const std::vector<double>& p, const std::vector<double>& x) {
  double w = 0, sum = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    w += p[i];
    sum += p[i] * x[i];
  }
  if (w <= 0) return finish(0, 0, 0);
  double mean = sum / w, squares = 0;
  for (size_t i = 0; i < p.size(); ++i) squares += p[i] * (x[i] - mean) * (x[i] - mean);
  return finish(w, mean, squares / w);
}

}  // namespace edu::analytics
