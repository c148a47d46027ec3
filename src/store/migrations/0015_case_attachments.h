// Migration 15: the files a case's actions carry (证明材料), uploaded before
// the action and attached to the case by it (store/case_attachment_store.h).
// case_id stays NULL until the action that names the file is taken; the bytes
// are kept in the database itself (BLOB / bytea), with their SHA-256.
// uploaded_by is NULL for the demo county's casework (written by no user).
#pragma once

namespace edu {

inline constexpr const char* kMigration0015CaseAttachments = R"SQL(
CREATE TABLE case_attachments (
  id {{id}},
  case_id BIGINT REFERENCES cases(id),
  uploaded_by BIGINT REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  bytes {{blob}} NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE INDEX case_attachments_case ON case_attachments(case_id);
)SQL";

}  // namespace edu
