// Migration 2: imports of register files (the uploaded file, its checksum, the
// preview's counts and problems, who committed it and when).
#pragma once

namespace edu {

inline constexpr const char* kMigration0002Imports = R"SQL(
CREATE TABLE imports (
  id {{id}},
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  status TEXT NOT NULL,
  rows BIGINT NOT NULL,
  valid_rows BIGINT NOT NULL,
  to_create BIGINT NOT NULL,
  to_update BIGINT NOT NULL,
  unchanged BIGINT NOT NULL,
  created BIGINT NOT NULL DEFAULT 0,
  updated BIGINT NOT NULL DEFAULT 0,
  unknown_columns TEXT NOT NULL DEFAULT '',
  missing_columns TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  committed_at TEXT,
  content_base64 TEXT NOT NULL
);
CREATE TABLE import_problems (
  import_id BIGINT NOT NULL REFERENCES imports(id),
  row_number BIGINT NOT NULL,
  column_index BIGINT NOT NULL,
  header TEXT NOT NULL,
  value TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX import_problems_import ON import_problems(import_id);
)SQL";

}  // namespace edu
