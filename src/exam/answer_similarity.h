// Pairs of students with improbably similar answers to a subject's objective
// items: the same wrong option on many items.
//
// Contract: for each item with a key, q = the chance that two wrong answers
// to it are the same option, Σₒ w(o)² with w(o) the share of wrong option o
// among all wrong answers to the item. For a pair of students, over the K items
// both got wrong, the number M of identical wrong options is, if they worked
// independently, a sum of Bernoulli(q) (Poisson-binomial, computed exactly);
// conditioning on K keeps two weak students from looking alike merely because
// both miss a lot. A pair is flagged when P(M' ≥ M) × (pairs compared in its
// school) < alpha. Only students of the same school are compared; candidates
// are found by hashing bands of 4 items (a pair is examined only if it shares a
// band with ≥ 2 identical wrong answers), so the cost grows with the rows, not
// their square.
#pragma once

#include <vector>

#include "exam/integrity.h"
#include "exam/item_analysis.h"

namespace edu::exam {

// P(X ≥ k) for X the number of successes of independent Bernoulli(p_i).
double poisson_binomial_upper_tail(const std::vector<double>& p, size_t k);

std::vector<IntegrityFlag> similar_answer_flags(const std::string& subject, const ItemMatrix& matrix,
                                                const Cohort& cohort, const Units& units,
                                                const IntegrityOptions& options);

}  // namespace edu::exam
