// The 学段 a teacher belongs to when the register does not say: a school of a
// single section has only that one; in a school of several sections (九年一贯制,
// 完全中学, 十二年一贯制) 物理/化学/生物/历史/地理 are 初中 subjects, the others go
// to the school's first section. Migration 0003 backfills with the same rule.
#pragma once

#include <string>
#include <string_view>

namespace edu {

std::string default_teacher_section(std::string_view school_kind, std::string_view subject);

// The teacher's recorded section if it is one the school kind teaches, else the default.
std::string teacher_section(std::string_view recorded, std::string_view school_kind,
                            std::string_view subject);

}  // namespace edu
