// Migration 5: an import lists only its first problems (import_commands.h),
// so the record counts them all; earlier imports listed every problem.
#pragma once

namespace edu {

inline constexpr const char* kMigration0005ImportProblemCount = R"SQL(
ALTER TABLE imports ADD COLUMN problem_count BIGINT NOT NULL DEFAULT 0;
UPDATE imports SET problem_count = (SELECT COUNT(*) FROM import_problems p WHERE p.import_id = imports.id);
)SQL";

}  // namespace edu
