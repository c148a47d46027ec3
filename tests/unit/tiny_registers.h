// Pieces of the small hand-made registers the store tests load: a 公办 小学
// with one 一年级 class (the class's id is the school's), its 在读 pupils, and
// the bureau administrator who sees the whole county.
#pragma once

#include <string>

#include "access/policy.h"
#include "core/model.h"

namespace edu::tiny {

inline School primary_school(int64_t id, const std::string& code, const std::string& name, int64_t area_id,
                             const std::string& location) {
  School s;
  s.id = id, s.code = code, s.name = name, s.kind = "小学", s.ownership = "公办", s.location = location,
  s.area_id = area_id;
  return s;
}

inline SchoolClass first_grade_class(int64_t school_id) {
  return {school_id, school_id, 2026, "小学", 1, 1, "一年级(1)班", std::nullopt};
}

// 在读 in its school's one class since 2026-09-01; 汉族, 农村.
inline Student pupil(int64_t id, const std::string& id_number, const std::string& name, const std::string& gender,
                     Date birth_date, int64_t school_id) {
  Student s;
  s.id = id, s.id_number = id_number, s.name = name, s.gender = gender, s.birth_date = birth_date;
  s.ethnicity = "汉族";
  s.school_id = school_id;
  s.class_id = school_id;
  s.status = "在读";
  s.enrolled_on = {2026, 9, 1};
  s.household = "农村";
  return s;
}

inline Actor bureau_admin() { return {{1, "admin", "管理员", "", "bureau_admin", {}, {}, {}, true}, Scope::All(), ""}; }

}  // namespace edu::tiny
