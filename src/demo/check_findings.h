// A few records for the standing checks (数据核查) to find on the demo
// county, so its page is not empty there: second records of three 在读
// students — two with the same name, birth date and gender under another ID
// number, one whose ID number differs from the first's in one date digit
// (check character recomputed) — each in a class of the same grade at another
// school of the current year. Deterministic: the same county gives the same
// records. (附读 and old 转出 are in the county already: demo/exam_generator.h
// plants visitors, register_years the years' leavers.)
#pragma once

#include <vector>

#include "demo/generator.h"

namespace edu::demo {

// The records to enter (by the student import) in `school_year`, the current one.
std::vector<Student> duplicate_records(const DemoCounty& county, int school_year);

}  // namespace edu::demo
