// Builds a Snapshot from registers held as structs (core/model.h): what the
// store's loader has read, the demo generator has made, or a test has
// written. Students (the person records) are not needed: the enrolments are
// the history. The teachers of `current_year` are `teachers` (the register);
// those of earlier years are the `teacher_years` rows of those years (rows of
// `current_year` or later are ignored). A teacher without a recorded 学段 gets
// the default of core/teacher_section.h.
#pragma once

#include "analytics/snapshot.h"

namespace edu::analytics {

Snapshot build_snapshot(const Registers& registers, int current_year);

}  // namespace edu::analytics
