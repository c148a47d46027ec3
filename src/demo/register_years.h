// The demo county (demo/generator.h) as a bureau records it, school year by
// school year from the first history year: what is entered by hand each year,
// leaving to the rollover (analytics/rollover_plan.h) what it does itself —
// opening the classes that continue last year's, moving their students up a
// grade, graduating the last grades, keeping the staff's rows of the closing
// year. Pure: the records keep the generator's ids, which the writer turns
// into the codes, names and ID numbers a register file uses.
//
// Each year, in order:
//   teachers   — hired by the year's 1 September (the first year: everyone
//                hired by then; the last year also takes anyone left over);
//   classes    — the classes no class of the year before continues into: the
//                first year's all, later the entry grades (一年级, 七年级, 高一 …);
//   students   — everyone who joins a class: the first year's whole register,
//                later the entrants of each section (新生, 小升初, 中考 …) and
//                transfers in — as that year's record: its school and class,
//                在读, 入学日期 the 1 September they started the section;
//   conditions — the year's 办学条件;
//   leavers    — the year's status changes (辍学, 转出, 休学): the same
//                records with the year's closing status, applied after the rest.
#pragma once

#include <vector>

#include "demo/generator.h"

namespace edu::demo {

struct RegisterYear {
  int school_year = 0;
  std::vector<Teacher> teachers;
  std::vector<SchoolClass> classes;
  std::vector<Student> students;  // by id
  std::vector<Conditions> conditions;
  std::vector<Student> leavers;  // by id
};

// One entry per history year, oldest first.
std::vector<RegisterYear> register_years(const DemoCounty& county, const DemoSettings& settings);

}  // namespace edu::demo
