// The per-section norms the statistics count by (DOMAIN.md, 教育事业统计 and
// 教师法), shared by the analytics and the list filters that open the records
// behind an indicator, so both count the same rows.
#pragma once

#include <string>
#include <string_view>

namespace edu {

// The grade a section admits into: 学前 -2 (小班), 小学/特教 1, 初中 7, 高中/中职 10.
int entry_grade(std::string_view section);

// The lowest education (a value of educations()) that meets the 学历达标 norm of
// a section: 学前/小学/特教 高中及以下 (中师), 初中 专科, 高中/中职 本科.
// 高于规定学历 is any education above it.
const std::string& required_education(std::string_view section);

}  // namespace edu
