// Schema migrations: an ordered list of numbered SQL scripts. migrate() applies
// the ones not yet recorded in schema_migrations, each in its own transaction,
// in order. A migration once released is never edited: add a new one.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // "{{id}}": the dialect's auto-increment primary key; "{{blob}}": BLOB / BYTEA
  // What PostgreSQL runs instead, where SQLite's way has no portable form
  // (rebuilding a table to drop a NOT NULL, triggers); "" for `sql` on both.
  std::string postgres_sql = "";
};

const std::vector<Migration>& all_migrations();

// Applies pending migrations; returns the versions applied now.
Result<std::vector<int>> migrate(Database& db);
// The highest applied version (0 for an empty database).
Result<int> schema_version(Database& db);

}  // namespace edu
