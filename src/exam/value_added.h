// 增值评价: how much better (or worse) a school's or class's students did than
// their earlier results predict.
//
// Contract: over the matched students (sat both exams), an OLS regression
// current = a + b·prior; residual = current − (a + b·prior). Per school and
// class: n, the mean residual (the value added, in marks) with a 95%
// confidence interval mean ± t(0.975, n−1)·s/√n (s = the group's sample SD of
// residuals; no interval when n < 2: both ends equal the mean), the raw mean of
// the current score, and competition ranks by value added and by raw mean
// among groups with matched students.
#pragma once

#include <cstdint>
#include <vector>

#include "exam/exam_data.h"

namespace edu::exam {

struct MatchedScores {  // one entry per matched student (marks)
  std::vector<double> prior, current;
  std::vector<int32_t> school, klass;  // current exam's units; klass may be -1
};

// Students present (sat) in both columns, matched on student id.
MatchedScores match_students(const Cohort& before, const Column& before_column, const Cohort& now,
                             const Column& now_column);

struct Regression {
  int64_t n = 0;
  double intercept = 0, slope = 0, r_squared = 0;
};

struct ValueAdded {
  int64_t n = 0;
  double mean_residual = 0, ci_low = 0, ci_high = 0;
  double raw_mean = 0;
  int32_t rank = 0, raw_rank = 0;
};

struct ValueAddedResult {
  Regression fit;
  std::vector<ValueAdded> schools, classes;
};

Regression fit_ols(const std::vector<double>& x, const std::vector<double>& y);
// Two-sided 95% critical value of Student's t with `df` degrees of freedom.
double t_critical_95(int64_t df);
ValueAddedResult value_added(const MatchedScores& matched, int32_t school_count, int32_t class_count);

}  // namespace edu::exam
