// The demo county's 划片 (小升初 catchments): for each 小学 (a school whose kind
// teaches 小学; not a 特殊教育学校) whose 六年级
// graduates went on to a 七年级 in the county, the school that took most of
// them (ties: the lower id) — so the table the demo imports is where its
// children actually went, and the 小升初 lists show only the few who went
// elsewhere. Pure: reads the generated enrolments.
#pragma once

#include <vector>

#include "core/model.h"

namespace edu::demo {

std::vector<Catchment> catchments_of(const Registers& county);

}  // namespace edu::demo
