// The integrity report: signs that an exam's results were gamed, each flag
// explaining itself in Chinese with the numbers behind it.
//
//  - cut_spike_flags: per school, subject (and total) and the pass/excellent
//    cut: a = scores in [cut, cut+w), b = in [cut−w, cut), w = max(1 mark, 2% of
//    full marks). Under no gaming a ~ Binomial(a+b, p0), p0 = the same ratio in
//    all other schools (0.5 when they have fewer than 20 scores there). Flagged
//    when a+b ≥ 8, z = (a − n·p0)/√(n·p0·(1−p0)) ≥ spike_z and a ≥ 1.5·n·p0.
//  - remark_flags: per school and subject, the self-marked score minus the
//    centrally re-marked score over the sample; flagged when the mean
//    difference exceeds the tolerance (a fraction of full marks) and is
//    significant (t = mean/(s/√n) ≥ 2, or every difference is equal and n ≥ 2).
//  - participation_flags: per school, 参考率 (total) against the county's median:
//    flagged when it is below the median by more than 3 percentage points and
//    its robust z = (rate − median)/(1.4826·MAD, at least 0.01) ≤ −3.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exam/exam_analysis.h"
#include "exam/exam_data.h"

namespace edu::exam {

struct Evidence {
  std::string name;
  double value = 0;
};

struct IntegrityFlag {
  std::string kind;  // cut_spike, remark, participation, similar_answers, visiting (exam/visiting.h)
  int32_t school = -1;
  std::string subject;
  std::string message;
  std::vector<Evidence> evidence;
  int64_t student_a = 0, student_b = 0;  // similar_answers only
};

// The Chinese name of a flag's kind (分数线堆积 …); the kind itself when unknown.
std::string integrity_kind_label(const std::string& kind);

struct IntegrityOptions {
  double spike_z = 3.0;
  double remark_tolerance = 0.03;  // of full marks
  double participation_gap = 0.03;
  double similarity_alpha = 0.001;  // after correcting for the pairs compared
};

struct RemarkSample {
  uint32_t candidate = 0;  // cohort index
  int32_t subject = 0;     // ExamSpec::subjects index
  double self_marks = 0, central_marks = 0;
};

std::vector<IntegrityFlag> cut_spike_flags(const ExamSpec& spec, const Cohort& cohort,
                                           const Units& units, const IntegrityOptions& options);
std::vector<IntegrityFlag> remark_flags(const ExamSpec& spec, const Cohort& cohort, const Units& units,
                                        const std::vector<RemarkSample>& samples,
                                        const IntegrityOptions& options);
std::vector<IntegrityFlag> participation_flags(const ExamAnalysis& analysis, const Units& units,
                                               const IntegrityOptions& options);

// When the cohort sat an earlier exam: adds to each participation flag the
// earlier total of the school's candidates absent now against those who sat
// now (matched on student id; only when both groups have at least 3 students
// with an earlier total) — absentees far below their classmates are the
// weakest students left out.
void add_prior_evidence(std::vector<IntegrityFlag>& flags, const Cohort& now, const Cohort& before);

// Upper tail P(X ≥ k) of the standard normal (x = z) and of Poisson(mean).
double normal_upper_tail(double z);
double poisson_upper_tail(double mean, int64_t k);

}  // namespace edu::exam
