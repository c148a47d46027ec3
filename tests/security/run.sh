#!/usr/bin/env bash
# Security suite: a demo county in a temporary database, `edubureau serve` on a free
# loopback port, then every tests/security/test_*.py (Python's unittest, standard
# library only) against it as an attacker or a careless user would send requests.
#   tests/security/run.sh build/edubureau
# The server must survive the whole suite: it is checked after every test.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 path/to/edubureau" >&2
  exit 2
fi
BIN=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)

SUITE=security SERVE_OPTIONS="--threads 8"
source "$REPO/tests/serve_demo.sh"

status=0
EDU_BASE_PORT="$PORT" EDU_SERVER_PID="$SERVER_PID" EDU_DB="$TMP/demo.db" EDU_BIN="$BIN" \
  python3 -m unittest discover -s "$HERE" -p 'test_*.py' -v || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 60 lines) ---" >&2
  tail -n 60 "$TMP/server.log" >&2
fi
exit "$status"
