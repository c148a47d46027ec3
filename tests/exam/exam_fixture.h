// Small hand-made cohorts for the exam analytics tests.
#pragma once

#include <string>
#include <vector>

#include "exam/exam_data.h"

namespace edu::exam::testing {

// A value that means "absent" or "exempt" in score lists below.
inline constexpr double kAbsent = -1, kExempt = -2;

inline Column column_of(const std::vector<double>& marks) {
  Column c;
  for (double m : marks) {
    c.points.push_back(m >= 0 ? to_points(m) : 0);
    c.sitting.push_back(m >= 0 ? Sitting::kSat : m == kAbsent ? Sitting::kAbsent : Sitting::kExempt);
  }
  return c;
}

// One school, one class, one subject of `full` marks.
inline Cohort one_class(const std::vector<double>& marks) {
  Cohort c;
  for (size_t i = 0; i < marks.size(); ++i) {
    c.student_id.push_back(static_cast<int64_t>(i + 1));
    c.school.push_back(0);
    c.klass.push_back(0);
  }
  c.subjects.push_back(column_of(marks));
  return c;
}

inline Units simple_units(int schools, int classes_per_school) {
  Units u;
  u.county = "测试县";
  u.townships.push_back({1, "城关镇", -1});
  for (int s = 0; s < schools; ++s) {
    u.schools.push_back({100 + s, "学校" + std::to_string(s + 1), 0});
    for (int k = 0; k < classes_per_school; ++k)
      u.classes.push_back({1000 + s * 10 + k, "班" + std::to_string(s + 1) + "-" + std::to_string(k + 1), s});
  }
  return u;
}

}  // namespace edu::exam::testing
