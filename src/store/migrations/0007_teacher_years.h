// Migration 7: teachers per school year (core/model.h TeacherYear), so the
// teacher indicators of a past year read that year's staff. The current year's
// rows are filled from the register; earlier years have none (not recorded).
#pragma once

namespace edu {

inline constexpr const char* kMigration0007TeacherYears = R"SQL(
CREATE TABLE teacher_years (
  teacher_id BIGINT NOT NULL REFERENCES teachers(id),
  school_year BIGINT NOT NULL,
  school_id BIGINT NOT NULL REFERENCES schools(id),
  section TEXT NOT NULL,
  post TEXT NOT NULL,
  education TEXT NOT NULL,
  title TEXT NOT NULL,
  subject TEXT NOT NULL,
  backbone TEXT NOT NULL,
  on_staff BIGINT NOT NULL,
  PRIMARY KEY (teacher_id, school_year)
);
CREATE INDEX teacher_years_school_year ON teacher_years(school_id, school_year);
INSERT INTO teacher_years (teacher_id, school_year, school_id, section, post, education, title,
                           subject, backbone, on_staff)
SELECT id, COALESCE((SELECT MAX(school_year) FROM classes),
                    (SELECT CAST(value AS BIGINT) FROM settings WHERE key = 'school_year'), 2026),
       school_id, section, post, education, title, subject, backbone, on_staff
FROM teachers;
)SQL";

}  // namespace edu
