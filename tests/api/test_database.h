// Where a test server's database lives: a SQLite file in `dir`, or — when the
// environment names a PostgreSQL cluster (EDU_TEST_PG=postgresql://…/postgres,
// set by tests/pg_cluster.sh) — a fresh database `edu_<name>` created in it, so the
// same API tests run against both engines.
#pragma once

#include <filesystem>
#include <string>

namespace edu::apitest {

// A new, empty database for `name` (letters, digits and _); its URL or path.
std::string fresh_test_database(const std::string& name, const std::filesystem::path& dir);

}  // namespace edu::apitest
