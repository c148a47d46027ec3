#include "exam/text.h"

#include <cmath>
#include <cstdio>

namespace edu::exam {

std::string fixed(double value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string marks_text(double marks) {
  return std::fabs(marks - std::round(marks)) < 1e-9 ? fixed(marks, 0) : fixed(marks, 1);
}

std::string percent_text(double rate) { return fixed(rate * 100, 1) + "%"; }

std::string p_value_text(double p) {
  if (p >= 1e-4) return fixed(p, 4);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1e", p);
  return buf;
}

}  // namespace edu::exam
