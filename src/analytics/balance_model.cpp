#include "analytics/balance_model.h"

#include <algorithm>

namespace edu::analytics {

const char* mark_label(Mark m) {
  switch (m) {
    case Mark::kMet: return "达标";
    case Mark::kNear: return "达85%以上";
    case Mark::kShort: return "未达标";
    case Mark::kNone: return "";
  }
  return "";
}

namespace {

constexpr double kTolerance = 1e-9;  // relative; 4.5 computed as 4.4999999… still meets 4.5

Mark mark_of(double value, double standard) {
  if (standard <= 0) return Mark::kNone;
  if (value >= standard * (1 - kTolerance)) return Mark::kMet;
  if (value >= standard * kNearShare * (1 - kTolerance)) return Mark::kNear;
  return Mark::kShort;
}

}  // namespace

BalanceModel::BalanceModel(const Snapshot& snapshot, int year, const BalanceStandard& standard,
                           BalanceSettings settings, int64_t county_id)
    : snapshot_(&snapshot),
      standard_(&standard),
      settings_(settings),
      year_(year),
      county_id_(county_id),
      units_(build_balance_units(snapshot, year, settings, county_id)) {
  // Centre each indicator's sums on its mean (a first pass), then fill them.
  const size_t n = standard.indicators.size();
  std::vector<std::array<double, kSectionCount>> weight(n), total(n);
  for (size_t u = 0; u < units_.included.size(); ++u) {
    int k = static_cast<int>(units_.included[u].section);
    for (size_t i = 0; i < n; ++i) {
      weight[i][k] += units_.included[u].students;
      total[i][k] += units_.included[u].students * value(static_cast<int>(u), static_cast<int>(i));
    }
  }
  sums_.resize(n);
  for (size_t i = 0; i < n; ++i)
    for (int k = 0; k < kSectionCount; ++k)
      sums_[i][k] = WeightedSums(weight[i][k] > 0 ? total[i][k] / weight[i][k] : 0);
  for (size_t u = 0; u < units_.included.size(); ++u) account(static_cast<int>(u), +1);
}

int BalanceModel::unit_of(int school, Section section) const {
  for (size_t u = 0; u < units_.included.size(); ++u)
    if (units_.included[u].school == school && units_.included[u].section == section)
      return static_cast<int>(u);
  return -1;
}

double BalanceModel::value(int unit, int indicator) const {
  const BalanceUnit& u = units_.included[unit];
  const IndicatorDef& d = standard_->indicators[indicator];
  return at(u.quantity, d.quantity) * d.per / u.students;
}

void BalanceModel::account(int unit, double sign) {
  const BalanceUnit& u = units_.included[unit];
  int k = static_cast<int>(u.section);
  for (size_t i = 0; i < sums_.size(); ++i)
    sums_[i][k].add(sign * u.students, value(unit, static_cast<int>(i)));
}

void BalanceModel::change(int unit, const Quantities& delta) {
  account(unit, -1);
  for (int j = 0; j < kQuantityCount; ++j) units_.included[unit].quantity[j] += delta[j];
  account(unit, +1);
}

Status BalanceModel::move_teacher(int teacher, int from_unit, int to_unit) {
  BalanceUnit& from = units_.included[from_unit];
  BalanceUnit& to = units_.included[to_unit];
  if (from.section != to.section)
    return Status::Error("validation", "只能在同一学段之间调动教师");
  auto it = std::find(from.teachers.begin(), from.teachers.end(), teacher);
  if (it == from.teachers.end())
    return Status::Error("validation", "该教师不在调出学校的" + std::string(section_name(from.section)) + "学段");
  from.teachers.erase(it);
  to.teachers.push_back(teacher);
  Quantities q = teacher_contribution(*snapshot_, teacher, from.section, settings_);
  Quantities minus{};
  for (int j = 0; j < kQuantityCount; ++j) minus[j] = -q[j];
  change(from_unit, minus);
  change(to_unit, q);
  return Status::Ok();
}

std::optional<double> BalanceModel::cv_after_move(int indicator, int from_unit, int to_unit,
                                                  const Quantities& teacher) const {
  const IndicatorDef& d = standard_->indicators[indicator];
  const BalanceUnit& from = units_.included[from_unit];
  const BalanceUnit& to = units_.included[to_unit];
  WeightedSums sums = sums_[indicator][static_cast<int>(from.section)];
  const double moved = at(teacher, d.quantity) * d.per;
  sums.remove(from.students, value(from_unit, indicator));
  sums.add(from.students, value(from_unit, indicator) - moved / from.students);
  sums.remove(to.students, value(to_unit, indicator));
  sums.add(to.students, value(to_unit, indicator) + moved / to.students);
  return sums.result().cv;
}

IndicatorCv BalanceModel::cv(Section section, int indicator) const {
  IndicatorCv out;
  out.indicator = indicator;
  out.limit = standard_->cv_limit[static_cast<int>(section)];
  out.available =
      teachers_known() || !is_teacher_quantity(standard_->indicators[indicator].quantity);
  if (!out.available) return out;
  out.cv = sums_[indicator][static_cast<int>(section)].result();
  if (out.cv.cv) out.within = *out.cv.cv <= out.limit + kTolerance;
  return out;
}

BalanceRow BalanceModel::row(int unit) const {
  const BalanceUnit& u = units_.included[unit];
  BalanceRow r;
  r.unit = unit;
  r.school = u.school;
  r.section = u.section;
  r.students = u.students;
  r.teachers = at(u.quantity, Quantity::kTeachers);
  bool complete = true;
  for (size_t i = 0; i < standard_->indicators.size(); ++i) {
    const IndicatorDef& d = standard_->indicators[i];
    BalanceCell c;
    c.numerator = at(u.quantity, d.quantity);
    c.denominator = u.students;
    if (!teachers_known() && is_teacher_quantity(d.quantity)) {
      complete = false;
    } else {
      c.value = value(unit, static_cast<int>(i));
      c.mark = mark_of(*c.value, d.standard[static_cast<int>(u.section)]);
    }
    r.met += c.mark == Mark::kMet;
    r.near += c.mark == Mark::kNear;
    r.short_of += c.mark == Mark::kShort;
    r.cells.push_back(c);
  }
  if (standard_->has_school_standards && complete)
    r.complies = r.met >= kMetNeeded && r.short_of == 0;
  return r;
}

BalanceSummary BalanceModel::summary(Section section) const {
  BalanceSummary s;
  double total = 0;
  int counted = 0;
  for (size_t i = 0; i < standard_->indicators.size(); ++i) {
    IndicatorCv c = cv(section, static_cast<int>(i));
    if (c.available && c.cv.cv) {
      total += *c.cv.cv;
      ++counted;
    }
    s.cvs.push_back(c);
  }
  if (counted > 0) s.composite = total / counted;
  for (size_t u = 0; u < units_.included.size(); ++u) {
    if (units_.included[u].section != section) continue;
    ++s.units;
    if (row(static_cast<int>(u)).complies.value_or(false)) ++s.complying;
  }
  return s;
}

}  // namespace edu::analytics
