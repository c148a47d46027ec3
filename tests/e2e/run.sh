#!/usr/bin/env bash
# Browser end-to-end test: a demo county in a temporary database, the server on a free
# loopback port, then login_school.mjs in headless Chromium against it.
#   tests/e2e/run.sh build/edubureau
# Builds web/dist and installs the test's node modules first when they are missing.
# SCREENSHOT_DIR (default /tmp) receives e2e-dashboard.png, e2e-school.png,
# e2e-import-problems.png, e2e-import-done.png and e2e-rollover.png.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 path/to/edubureau" >&2
  exit 2
fi
BIN=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)

if [ ! -d "$HERE/node_modules" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi
SUITE=e2e
source "$REPO/tests/serve_demo.sh"

status=0
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/login_school.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$TMP/server.log" >&2
fi
exit "$status"
