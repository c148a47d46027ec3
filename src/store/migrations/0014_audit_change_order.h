// Migration 14: the order of an audit entry's field changes as a column, not
// SQLite's rowid (which PostgreSQL has not). Rows written before keep their
// rowid order on SQLite ({{rowid}} is rowid there, 0 on PostgreSQL, which has
// no older rows).
#pragma once

namespace edu {

inline constexpr const char* kMigration0014AuditChangeOrder = R"SQL(
ALTER TABLE audit_changes ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
UPDATE audit_changes SET position = {{rowid}};
)SQL";

}  // namespace edu
