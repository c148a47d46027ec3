// Migration 10: an exam can be archived (hidden from the default list of
// GET /exams), and the bureau marks integrity flags as 已核查 (one row per
// reviewed flag, keyed by exam/integrity_review.h's flag key).
#pragma once

namespace edu {

inline constexpr const char* kMigration0010ExamArchiveReviews = R"SQL(
ALTER TABLE exams ADD COLUMN archived BIGINT NOT NULL DEFAULT 0;
CREATE TABLE exam_flag_reviews (
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  flag_key TEXT NOT NULL,
  reviewed_by BIGINT NOT NULL,
  reviewed_at TEXT NOT NULL,
  PRIMARY KEY (exam_id, flag_key)
);
)SQL";

}  // namespace edu
