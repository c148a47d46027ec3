// 在校生 (DOMAIN.md): the one definition behind every 在校生 figure — the
// dashboard's 在校学生, 统计指标's 在校生数 and the list that opens them. A
// student counts in a school year when placed in a class of that year with the
// status, at the year's end (for the current year: now), 在读, or 毕业 (the year
// completed). 休学, 转出 and 辍学 do not count; they stay in 学年初在册, the
// denominator of 年辍学率.
#pragma once

#include <string>
#include <vector>

namespace edu {

const std::vector<std::string>& in_school_statuses();  // 在读, 毕业
bool is_in_school(const std::string& status);
// What a user reads beside the figure.
inline constexpr const char* kInSchoolDefinition =
    "在校生 = 本学年编入班级、学籍状态为在读的学生(往届学年含该学年末毕业者),不含休学、转出、辍学、退学、死亡";

}  // namespace edu
