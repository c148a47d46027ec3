// The demo county: a deterministic, seeded generator of a realistic county's
// registers (areas, schools, classes, students with three school years of
// history, teachers, conditions). Pure: no I/O. Same settings -> same county,
// byte for byte, on every machine (own PRNG, no std::*_distribution).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace edu::demo {

struct DemoSettings {
  uint64_t seed = 20260901;
  int current_school_year = 2026;  // the register's "now" (2026–2027学年)
  int history_years = 3;           // school years with classes and enrolments: 2024..2026
  double scale = 1.0;              // 1.0 ≈ 150 institutions, 60,000 students, 4,500 teachers;
                                   // tests use e.g. 0.05 for a small county of the same shape
  std::string county_name = "青山县";
  std::string county_code = "430521";  // first 6 digits of local ID numbers
};

// areas[0] is the county, then its townships; classes and enrolments cover
// every history year; students include graduates and leavers with their status.
using DemoCounty = Registers;

DemoCounty generate_county(const DemoSettings& settings);

}  // namespace edu::demo
