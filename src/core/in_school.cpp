#include "core/in_school.h"

#include <algorithm>

namespace edu {

const std::vector<std::string>& in_school_statuses() {
  static const std::vector<std::string> statuses = {"在读", "毕业"};
  return statuses;
}

bool is_in_school(const std::string& status) {
  const auto& s = in_school_statuses();
  return std::find(s.begin(), s.end(), status) != s.end();
}

}  // namespace edu
