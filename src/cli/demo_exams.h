// The demo county's two exams (demo/exam_generator.h) stored after the
// registers, the later one pointing at the earlier for value-added; prints
// what was planted so a user can look for it in the integrity report.
#pragma once

#include <ostream>

#include "demo/generator.h"
#include "store/database.h"

namespace edu {

Status create_demo_exams(Database& db, const demo::DemoCounty& county, const demo::DemoSettings& settings,
                         std::ostream& out);

}  // namespace edu
