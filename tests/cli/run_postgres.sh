#!/usr/bin/env bash
# The command-line test again, on PostgreSQL: a throwaway cluster
# (tests/pg_cluster.sh), each database of the test a fresh one in it.
#   tests/cli/run_postgres.sh build/edubureau
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../pg_cluster.sh"
bash "$HERE/cli_test.sh" "$1"
