// BalanceModel: one school year's balanced-development figures under one
// standard, for both compulsory sections, kept so that a change to a few
// schools (a teacher moved, rooms added) updates only those schools' values
// and the running sums behind each 差异系数 (see weighted_cv.h) — the
// what-if and the planner work on a copy of the model; a fresh model over the
// changed registers gives the same figures (tests pin this).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analytics/balance_standard.h"
#include "analytics/balance_units.h"
#include "analytics/weighted_cv.h"
#include "core/status.h"

namespace edu::analytics {

enum class Mark { kMet, kNear, kShort, kNone };
const char* mark_label(Mark m);  // 达标 / 达85%以上 / 未达标 / ""

struct BalanceCell {
  double numerator = 0;    // the quantity (teachers, m², 元 …)
  double denominator = 0;  // the students
  std::optional<double> value;  // absent when not known (teachers of a past year)
  Mark mark = Mark::kNone;
};

struct BalanceRow {
  int unit = 0;
  int school = 0;
  Section section = Section::kPrimary;
  double students = 0;
  double teachers = 0;  // 专任教师
  std::vector<BalanceCell> cells;  // by indicator of the standard
  int met = 0, near = 0, short_of = 0;
  std::optional<bool> complies;  // 2017 with teacher data only
};

struct IndicatorCv {
  int indicator = 0;
  CvResult cv;
  double limit = 0;
  bool available = true;        // false: teacher indicator in a year without teacher data
  std::optional<bool> within;   // cv ≤ limit
};

struct BalanceSummary {  // the county's figures for one section (one 区/县 of a city)
  std::vector<IndicatorCv> cvs;
  std::optional<double> composite;  // mean of the available indicators' CVs (综合差异系数)
  int units = 0, complying = 0;
};

class BalanceModel {
 public:
  // `county_id`: the 区/县 measured in a city deployment (balance_units.h); 0: every school.
  BalanceModel(const Snapshot& snapshot, int year, const BalanceStandard& standard,
               BalanceSettings settings = {}, int64_t county_id = 0);

  const Snapshot& snapshot() const { return *snapshot_; }
  const BalanceStandard& standard() const { return *standard_; }
  const BalanceSettings& settings() const { return settings_; }
  int year() const { return year_; }
  int64_t county_id() const { return county_id_; }
  bool teachers_known() const { return units_.teachers_known; }
  const std::vector<BalanceUnit>& units() const { return units_.included; }
  const std::vector<Exclusion>& excluded() const { return units_.excluded; }
  int unit_of(int school, Section section) const;  // -1 when not in scope

  double value(int unit, int indicator) const;
  BalanceRow row(int unit) const;
  BalanceSummary summary(Section section) const;
  IndicatorCv cv(Section section, int indicator) const;

  // The 差异系数 of `indicator` if a teacher contributing `teacher` moved
  // from one unit to another (same section); the model is unchanged.
  std::optional<double> cv_after_move(int indicator, int from_unit, int to_unit,
                                      const Quantities& teacher) const;
  // Adds `delta` to a unit's quantities (negative to take away).
  void change(int unit, const Quantities& delta);
  // Moves a 专任教师 (snapshot index) from one unit to another of the same section.
  Status move_teacher(int teacher, int from_unit, int to_unit);

 private:
  void account(int unit, double sign);  // adds or removes a unit from the sums

  const Snapshot* snapshot_;
  const BalanceStandard* standard_;
  BalanceSettings settings_;
  int year_;
  int64_t county_id_;
  BalanceUnits units_;
  std::vector<std::array<WeightedSums, kSectionCount>> sums_;  // by indicator
};

}  // namespace edu::analytics
