#include "core/section_norms.h"

#include "core/enums.h"

namespace edu {

int entry_grade(std::string_view section) {
  if (section == "学前") return -2;
  if (section == "初中") return 7;
  if (section == "高中" || section == "中职") return 10;
  return 1;
}

const std::string& required_education(std::string_view section) {
  const auto& e = educations().values;  // 研究生 本科 专科 高中及以下
  if (section == "初中") return e[2];
  if (section == "高中" || section == "中职") return e[1];
  return e[3];
}

}  // namespace edu
