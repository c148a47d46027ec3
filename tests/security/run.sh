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
  echo "security: generating the demo county failed:" >&2
  cat "$TMP/demo.log" >&2
  exit 1
}
"$BIN" --db "$TMP/demo.db" serve --host 127.0.0.1 --port "$PORT" --threads 8 --web "$REPO/web/dist" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/auth/me" || true)
  if [ "$code" = 401 ]; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "security: the server exited:" >&2
    cat "$TMP/server.log" >&2
    exit 1
  fi
  sleep 0.2
done

status=0
EDU_BASE_PORT="$PORT" EDU_SERVER_PID="$SERVER_PID" EDU_DB="$TMP/demo.db" EDU_BIN="$BIN" \
  python3 -m unittest discover -s "$HERE" -p 'test_*.py' -v || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 60 lines) ---" >&2
  tail -n 60 "$TMP/server.log" >&2
fi
exit "$status"
