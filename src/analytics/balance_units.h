// The units balanced development is measured on: one per school and
// compulsory section (a 九年一贯制 school gives a 小学 unit and an 初中 unit),
// for one school year, with the quantities the indicators divide by the
// unit's students. Schools out of scope are listed with the reason:
// 特殊教育学校, 中等职业学校, 教学点 with fewer than 50 students, a section with
// no students, a school without conditions for the year.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "analytics/balance_standard.h"
#include "analytics/snapshot.h"

namespace edu::analytics {

using Quantities = std::array<double, kQuantityCount>;
inline double& at(Quantities& q, Quantity k) { return q[static_cast<int>(k)]; }
inline double at(const Quantities& q, Quantity k) { return q[static_cast<int>(k)]; }

struct BalanceUnit {
  int school = 0;  // snapshot index
  Section section = Section::kPrimary;
  double students = 0;      // P: the section's students at the start of the year
  double school_share = 1;  // the section's share of the school's students (conditions)
  Quantities quantity{};
  std::vector<int> teachers;  // snapshot indices of the section's 专任教师
};

struct Exclusion {
  int school = 0;
  std::string section;  // 小学 / 初中 / 特教 / 中职
  std::string reason;   // 中文
};

struct BalanceUnits {
  std::vector<BalanceUnit> included;
  std::vector<Exclusion> excluded;
  bool teachers_known = false;  // the year has teacher data (Snapshot::teachers_known)
};

inline constexpr int kSmallTeachingPoint = 50;  // 教学点 below this are out of scope

// `county_id`: the 区/县 measured in a city deployment (SchoolInfo::county_id;
// the official unit of the 差异系数) — other counties' schools are neither
// units nor exclusions; 0 takes every school (a county deployment).
BalanceUnits build_balance_units(const Snapshot& snapshot, int year, const BalanceSettings& settings,
                                 int64_t county_id = 0);

// What one 专任教师 adds to the teacher quantities of a unit of `section`.
Quantities teacher_contribution(const Snapshot& snapshot, int teacher, Section section,
                                const BalanceSettings& settings);

}  // namespace edu::analytics
