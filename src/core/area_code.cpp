#include "core/area_code.h"

#include "core/area_tree.h"

namespace edu {

bool is_area_code(const std::string& code, size_t length) {
  if (code.size() != length) return false;
  for (char c : code)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string level_of_code(const std::string& code) {
  if (is_area_code(code, 6)) return area_level::kCounty;
  if (is_area_code(code, 9) || is_area_code(code, 12)) return area_level::kTownship;
  if (is_area_code(code, 11) || is_area_code(code, 14)) return area_level::kDistrict;
  return "";
}

std::string parent_code(const std::string& code) {
  const std::string level = level_of_code(code);
  if (level == area_level::kTownship) return code.substr(0, 6);
  if (level == area_level::kDistrict) return code.substr(0, code.size() - 2);
  return "";
}

}  // namespace edu
