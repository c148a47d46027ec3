#!/usr/bin/env bash
# A command-line test again, on PostgreSQL: a throwaway cluster
# (tests/pg_cluster.sh), each database of the test a fresh one in it.
#   tests/cli/run_postgres.sh build/edubureau [TEST_SCRIPT]   (default cli_test.sh)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../pg_cluster.sh"
bash "$HERE/${2:-cli_test.sh}" "$1"
