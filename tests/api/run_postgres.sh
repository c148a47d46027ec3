#!/usr/bin/env bash
# The API suite again, on PostgreSQL: a throwaway cluster (tests/pg_cluster.sh),
# each test server in a fresh database of it (tests/api/test_database.h).
#   tests/api/run_postgres.sh build/tests/api_tests
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../pg_cluster.sh"
EDU_TEST_PG="$EDU_PG_URL" "$1"
