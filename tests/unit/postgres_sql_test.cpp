// The store's SQL as the PostgreSQL backend sends it (store/postgres/pg_database.h).
#include <gtest/gtest.h>

#include "store/postgres/pg_database.h"

namespace edu {
namespace {

TEST(PostgresSql, PlaceholdersAreNumberedOutsideQuotesAndComments) {
  EXPECT_EQ(postgres_sql("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(postgres_sql("SELECT '?', \"a?b\" FROM t WHERE x = ? -- why?\n AND y = ?"),
            "SELECT '?', \"a?b\" FROM t WHERE x = $1 -- why?\n AND y = $2");
  EXPECT_EQ(postgres_sql("SELECT 'it''s ?' WHERE z LIKE ? ESCAPE '\\'"), "SELECT 'it''s ?' WHERE z LIKE $1 ESCAPE '\\'");
  EXPECT_EQ(postgres_sql("SELECT '? unterminated"), "SELECT '? unterminated");
}

TEST(PostgresSql, CurrentTimestampIsSqlitesTextInUtc) {
  EXPECT_EQ(postgres_sql("INSERT INTO a (at, x) VALUES (CURRENT_TIMESTAMP, ?)"),
            "INSERT INTO a (at, x) VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), $1)");
  EXPECT_EQ(postgres_sql("SELECT 'CURRENT_TIMESTAMP'"), "SELECT 'CURRENT_TIMESTAMP'");
}

}  // namespace
}  // namespace edu
