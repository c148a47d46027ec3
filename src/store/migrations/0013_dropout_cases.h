// Migration 13: 控辍保学 (workflow/dropout_workflow.cpp). A child has at most
// one open dropout case: the daily sweep and a hand-made report racing for
// the same child cannot both open one.
#pragma once

namespace edu {

inline constexpr const char* kMigration0013DropoutCases = R"SQL(
CREATE UNIQUE INDEX cases_one_open_dropout ON cases(student_id)
  WHERE kind = 'dropout' AND state IN ('待核实认定', '劝返中');
)SQL";

}  // namespace edu
