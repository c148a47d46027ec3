// The balanced-development standards as data (DOMAIN.md): the 2017 优质均衡
// standard (seven indicators with a per-school standard value, limits
// 0.50 小学 / 0.45 初中) and the 2012 基本均衡 standard (eight indicators,
// limits 0.65 / 0.55, no per-school values). Each indicator is
//   value = quantity × per / students of the school section
// where quantity is a count of 专任教师 of a kind or the section's share of a
// school's conditions (shared in proportion to students, so a 九年一贯制
// school's two sections see the same per-student space and equipment).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace edu::analytics {

enum class Quantity {
  kTeachers,            // 专任教师
  kAboveTeachers,       // 高于规定学历 (see BalanceSettings)
  kBackboneTeachers,    // 县级及以上骨干
  kPeArtTeachers,       // 体育、音乐、美术
  kSeniorTitleTeachers, // 中级及以上职称 (正高级, 高级, 一级)
  kTeachingArea, kSportsArea, kEquipment, kMultimediaRooms, kComputers, kBooks,
};
inline constexpr int kQuantityCount = 11;
bool is_teacher_quantity(Quantity q);

enum class Section { kPrimary, kJunior };  // the two compulsory sections
inline constexpr int kSectionCount = 2;
const char* section_name(Section s);  // 小学 / 初中
std::optional<Section> section_from_name(const std::string& name);

struct IndicatorDef {
  std::string key;    // e.g. "above_teachers"
  std::string label;  // 每百名学生拥有高于规定学历教师数
  std::string unit;   // 人 / m² / 元 / 间 …
  Quantity quantity;
  double per = 1;                  // 100 for "每百名学生"
  double standard[kSectionCount];  // per-school standard; 0 = none
  int digits = 2;                  // decimals a value is shown with (0 for 元)
};

struct BalanceSettings {
  // 小学 "above the required education": 专科及以上 (national, default) or 本科及以上.
  bool primary_above_needs_bachelor = false;
  std::string description() const;  // shown on reports
};

struct BalanceStandard {
  std::string key;   // "2017" / "2012"
  std::string name;  // 优质均衡(2017) / 基本均衡(2012)
  std::vector<IndicatorDef> indicators;
  double cv_limit[kSectionCount];
  bool has_school_standards = false;  // per-school verdicts (2017 only)
};

const BalanceStandard& quality_standard_2017();
const BalanceStandard& basic_standard_2012();
const BalanceStandard* find_standard(const std::string& key);

// A school complies (2017) with ≥ 6 indicators met and the rest ≥ 85% of the standard.
inline constexpr int kMetNeeded = 6;
inline constexpr double kNearShare = 0.85;
// Staffing norm: students per 专任教师 a school section must at least keep.
double staffing_norm(Section s);  // 19 小学, 13.5 初中

}  // namespace edu::analytics
