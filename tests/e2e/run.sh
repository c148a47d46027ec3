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
if [ ! -f "$REPO/web/dist/index.html" ]; then
  (cd "$REPO/web" && npm ci --no-audit --no-fund && npx vite build)
fi

TMP=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$BIN" --db "$TMP/demo.db" demo --scale 0.05 >"$TMP/demo.log" 2>&1 || {
  echo "e2e: generating the demo county failed:" >&2
  cat "$TMP/demo.log" >&2
  exit 1
}
"$BIN" --db "$TMP/demo.db" serve --host 127.0.0.1 --port "$PORT" --web "$REPO/web/dist" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

# Wait until the API answers (401 before login is the expected answer).
for _ in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/auth/me" || true)
  if [ "$code" = 401 ] || [ "$code" = 200 ]; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: the server exited:" >&2
    cat "$TMP/server.log" >&2
    exit 1
  fi
  sleep 0.2
done
if [ "$code" != 401 ] && [ "$code" != 200 ]; then
  echo "e2e: the server did not answer on port $PORT within 20 s" >&2
  cat "$TMP/server.log" >&2
  exit 1
fi

status=0
BASE_URL="http://127.0.0.1:$PORT" node "$HERE/login_school.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$TMP/server.log" >&2
fi
exit "$status"
