// Item and test statistics of one subject whose scores were imported per item.
//
// Contract (DOMAIN.md): 难度 P = item mean ÷ item full marks; 区分度 D = (mean of
// the top 27% − mean of the bottom 27%) ÷ full marks, the groups taken by the
// subject score (the sum of the items; round(0.27·n), at least 1, ties broken
// by row order); Cronbach's α = k/(k−1)·(1 − Σσᵢ²/σ²ₜₒₜₐₗ) with population
// variances (0 when k < 2 or σ²ₜₒₜₐₗ = 0). School score-rate = the school's
// item mean ÷ full marks (0 for a school with no rows).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exam/exam_data.h"

namespace edu::exam {

struct ItemSpec {
  std::string label;  // 第1题, 选择题3 …
  double full_marks = 1;
  std::string key;    // the correct option of an objective item ("A"), "" for others
};

// Item scores of the candidates who sat, row by row: scores[item][row];
// responses[item][row] is the chosen option of objective items ('A' …, 0 = none).
struct ItemMatrix {
  std::vector<ItemSpec> items;
  std::vector<uint32_t> candidate;  // cohort index of each row
  std::vector<std::vector<Points>> scores;
  std::vector<std::vector<char>> responses;  // empty, or one vector per item
  size_t rows() const { return candidate.size(); }
};

struct ItemStats {
  double mean = 0;        // marks
  double difficulty = 0;  // P
  double discrimination = 0;  // D
  std::vector<double> school_rate;  // per school
};

struct ItemAnalysis {
  std::vector<ItemStats> items;
  double alpha = 0;
  int64_t rows = 0;
  std::vector<int64_t> school_rows;  // rows per school (a school without rows has no score-rate)
};

ItemAnalysis analyze_items(const ItemMatrix& matrix, const std::vector<int32_t>& school_of_candidate,
                           int32_t school_count);

}  // namespace edu::exam
