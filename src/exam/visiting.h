// 附读 in the integrity report: candidates whose scores were submitted by a
// school other than the one holding their register. Their scores count for
// the register's school (the register decides); each such student is named,
// one flag per submitting school, so neither school can blur who belongs where.
// (Such scores come from the bureau's sheets only: a school's sheet scores its
// own roster — workflow/exam_score_import.h.)
#pragma once

#include <vector>

#include "exam/exam_input.h"
#include "exam/integrity.h"

namespace edu::exam {

std::vector<IntegrityFlag> visiting_flags(const ExamTables& tables, const ExamInput& input);

}  // namespace edu::exam
