// Migration 9: each exam's data version — bumped by every write to its scores,
// exemptions and teaching rows (store/exam_store.h), so a kept analysis
// (http/exam_report_cache.h) knows when it is stale.
#pragma once

namespace edu {

inline constexpr const char* kMigration0009ExamDataVersion = R"SQL(
ALTER TABLE exams ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;
)SQL";

}  // namespace edu
