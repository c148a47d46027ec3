// Why a school section falls short of the 2017 standard: each indicator whose
// value is below its per-school standard, with the standard, the value, how far
// short and the share of the standard reached, and one Chinese sentence saying so
// in the indicator's unit, e.g.
//   生均教学及辅助用房面积 3.10 m²,差 1.40 m²(标准 4.5 m²,达标准的68%)
// Numbers are shown with the indicator's digits, rounded so that a shortfall never
// reads as none: the value and the share down, the gap up (4.496 of 4.5 reads
// "4.49,差 0.01", 84.9% reads 84%). Indicators without a value (teachers of a year
// without teacher data) or without a per-school standard (2012) are never listed.
#pragma once

#include <string>
#include <vector>

#include "analytics/balance_model.h"

namespace edu::analytics {

struct Shortfall {
  int indicator = 0;  // index into the standard's indicators
  double value = 0;
  double standard = 0;
  double gap = 0;     // standard − value, > 0
  double share = 0;   // value ÷ standard, < 1 (below kNearShare fails the school alone)
  std::string text;
};

// The indicators of `row` (a row of a model under `standard`) below their standard,
// in the standard's order; empty when the row meets every standard.
std::vector<Shortfall> shortfalls(const BalanceStandard& standard, const BalanceRow& row);

}  // namespace edu::analytics
