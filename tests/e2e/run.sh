#!/usr/bin/env bash
# Browser end-to-end tests: a demo county in a temporary database, the server on a free
# loopback port, then each script below in headless Chromium against it (each script's header
# says what it checks: a task of one role, a page's view kept in the URL, axe-core, layouts at
# 1366 and 390 px), and first_run.mjs on a second server over an empty database.
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

if [ ! -d "$HERE/node_modules" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi
SUITE=e2e
source "$REPO/tests/serve_demo.sh"

status=0
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/login_school.mjs" || status=$?
# Before admin_accounts.mjs, which resets the inspector's password.
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/roles.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/admin_accounts.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/layout.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/balance.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/lists.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/exam_review.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/transfer.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/suspension.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/settings.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/student_history.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/record_forms.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/dropout.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/exchange.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/training.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/titles.mjs" || status=$?
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/a11y.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$TMP/server.log" >&2
fi

# 首次设置: a second server, on an empty database; its console names the setup code.
EMPTY_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" --db "$TMP/empty.db" serve --host 127.0.0.1 --port "$EMPTY_PORT" --web "$REPO/web/dist" \
  >"$TMP/empty.log" 2>&1 &
EMPTY_PID=$!
for _ in $(seq 1 100); do
  grep -q "首次设置码" "$TMP/empty.log" && break
  sleep 0.2
done
SETUP_CODE=$(grep -o "首次设置码 [A-Z0-9]*" "$TMP/empty.log" | cut -d' ' -f2)
BASE_URL="http://127.0.0.1:$EMPTY_PORT" SETUP_CODE="$SETUP_CODE" node "$HERE/first_run.mjs" || status=$?
kill "$EMPTY_PID" 2>/dev/null || true
wait "$EMPTY_PID" 2>/dev/null || true
exit "$status"
