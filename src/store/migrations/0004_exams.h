// Migration 4: exam quality monitoring (质量监测) — exams with their subjects
// and items, class-subject-teacher assignments, exemptions (免考), scores per
// subject and per item, the centrally re-marked sample, score imports with
// their reconciliation, and reward rules.
// exam_scores and exam_item_scores (millions of rows for a city) carry no
// foreign keys to students/schools: they are written only by the score import
// and the demo, which resolve every student against the register first, and
// checking the keys row by row would cost a third of a city's import.
#pragma once

namespace edu {

inline constexpr const char* kMigration0004Exams = R"SQL(
CREATE TABLE exams (
  id {{id}},
  name TEXT NOT NULL,
  exam_date TEXT NOT NULL,
  school_year BIGINT NOT NULL,
  grade BIGINT NOT NULL,
  absent_policy TEXT NOT NULL,
  weight_mean DOUBLE PRECISION NOT NULL,
  weight_excellent DOUBLE PRECISION NOT NULL,
  weight_pass DOUBLE PRECISION NOT NULL,
  weight_low DOUBLE PRECISION NOT NULL,
  previous_exam_id BIGINT REFERENCES exams(id),
  created_at TEXT NOT NULL
);
CREATE TABLE exam_subjects (
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  full_marks DOUBLE PRECISION NOT NULL,
  excellent_cut DOUBLE PRECISION NOT NULL,
  pass_cut DOUBLE PRECISION NOT NULL,
  low_cut DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (exam_id, position)
);
CREATE TABLE exam_items (
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  subject BIGINT NOT NULL,
  position BIGINT NOT NULL,
  label TEXT NOT NULL,
  full_marks DOUBLE PRECISION NOT NULL,
  answer_key TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (exam_id, subject, position)
);
CREATE TABLE exam_teaching (
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  class_id BIGINT NOT NULL REFERENCES classes(id),
  subject BIGINT NOT NULL,
  teacher_id BIGINT NOT NULL REFERENCES teachers(id),
  PRIMARY KEY (exam_id, class_id, subject)
);
CREATE TABLE exam_exemptions (
  id {{id}},
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  student_id BIGINT NOT NULL REFERENCES students(id),
  subject TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_by BIGINT,
  decided_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE INDEX exam_exemptions_exam ON exam_exemptions(exam_id, student_id);
CREATE TABLE exam_scores (
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  student_id BIGINT NOT NULL,
  subject BIGINT NOT NULL,
  school_id BIGINT NOT NULL,
  score DOUBLE PRECISION,
  PRIMARY KEY (exam_id, student_id, subject)
);
CREATE TABLE exam_item_scores (
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  student_id BIGINT NOT NULL,
  subject BIGINT NOT NULL,
  item BIGINT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  response TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (exam_id, student_id, subject, item)
);
CREATE TABLE exam_remarks (
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  student_id BIGINT NOT NULL REFERENCES students(id),
  subject BIGINT NOT NULL,
  self_score DOUBLE PRECISION NOT NULL,
  central_score DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (exam_id, student_id, subject)
);
CREATE TABLE exam_score_imports (
  id {{id}},
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  file_name TEXT NOT NULL,
  rows BIGINT NOT NULL,
  counted BIGINT NOT NULL,
  missing BIGINT NOT NULL,
  outsiders BIGINT NOT NULL,
  duplicates BIGINT NOT NULL,
  report TEXT NOT NULL,
  created_by BIGINT,
  created_at TEXT NOT NULL
);
CREATE TABLE exam_reward_rules (
  id {{id}},
  exam_id BIGINT NOT NULL REFERENCES exams(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  subject TEXT NOT NULL,
  rank_from BIGINT NOT NULL DEFAULT 1,
  rank_to BIGINT NOT NULL DEFAULT 1,
  indicator TEXT NOT NULL DEFAULT '',
  threshold DOUBLE PRECISION NOT NULL DEFAULT 0,
  points DOUBLE PRECISION NOT NULL,
  min_participation DOUBLE PRECISION NOT NULL DEFAULT 0
);
)SQL";

}  // namespace edu
