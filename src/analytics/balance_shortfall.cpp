#include "analytics/balance_shortfall.h"

#include <cmath>
#include <cstdio>

namespace edu::analytics {

namespace {

// `v` with `digits` decimals, rounded down (up when `up`); a hair of floating-point
// noise (4.5 computed as 4.4999999…) is not a digit's worth.
std::string number(double v, int digits, bool up) {
  const double scale = std::pow(10.0, digits);
  const double scaled = v * scale;
  const double rounded = (up ? std::ceil(scaled - 1e-6) : std::floor(scaled + 1e-6)) / scale;
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, rounded);
  return text;
}

std::string shortest(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

}  // namespace

std::vector<Shortfall> shortfalls(const BalanceStandard& standard, const BalanceRow& row) {
  std::vector<Shortfall> out;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const BalanceCell& c = row.cells[i];
    if (c.mark != Mark::kNear && c.mark != Mark::kShort) continue;
    const IndicatorDef& d = standard.indicators[i];
    Shortfall s;
    s.indicator = static_cast<int>(i);
    s.value = *c.value;
    s.standard = d.standard[static_cast<int>(row.section)];
    s.gap = s.standard - s.value;
    s.share = s.value / s.standard;
    const std::string unit = " " + d.unit;
    s.text = d.label + " " + number(s.value, d.digits, false) + unit + ",差 " +
             number(s.gap, d.digits, true) + unit + "(标准 " + shortest(s.standard) + unit +
             ",达标准的" + number(s.share * 100, 0, false) + "%)";
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace edu::analytics
