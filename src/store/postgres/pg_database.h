// The PostgreSQL backend (libpq): one connection to a server given by a URL
// (postgresql://user@host:port/db). The store's SQL is the portable subset
// (store/database.h), rewritten by postgres_sql below,
// integers are sent as int8, reals as float8, text untyped (the server infers
// it from the context, as SQLite's loose typing would). Results come back as
// int64 (integer types and booleans), double (float and numeric) or text.
// Errors: a unique violation is "duplicate", a foreign key one "validation",
// like the SQLite backend. A failed statement inside a transaction aborts it
// (PostgreSQL's rule); the Transaction then rolls back as it would anyway.
// Transactions take one database-wide advisory lock: writers queue, as on
// SQLite (BEGIN IMMEDIATE), across every server process.
// bulk_insert is COPY … FROM STDIN (text format). backup_to runs pg_dump
// (custom format) against the same URL, restore_from pg_restore; a missing
// client or its failure is a Chinese error with the tool's own output.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/database.h"

namespace edu {

Result<std::unique_ptr<Database>> open_postgres(const std::string& url);

// The store's SQL as PostgreSQL takes it, outside single-quoted strings,
// double-quoted names and comments: '?' placeholders as $1, $2 …, and
// CURRENT_TIMESTAMP as SQLite's text for it ("YYYY-MM-DD HH:MM:SS", UTC).
std::string postgres_sql(std::string_view sql);
// The same, with the n-th '?' (from 1) replaced by placeholder(n).
std::string postgres_sql(std::string_view sql, const std::function<std::string(int)>& placeholder);

}  // namespace edu
