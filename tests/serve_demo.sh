# Sourced by the suites that test a real server (tests/e2e/run.sh,
# tests/security/run.sh): BIN=path/to/edubureau and SUITE=name must be set.
# Builds web/dist when missing, generates a small demo county into a temporary
# directory ($TMP, removed on exit with the server), serves it with the web UI
# on a free loopback port ($PORT, process $SERVER_PID, log $TMP/server.log) and
# returns once the API answers. Extra `serve` options: SERVE_OPTIONS.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

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
  echo "$SUITE: generating the demo county failed:" >&2
  cat "$TMP/demo.log" >&2
  exit 1
}
# shellcheck disable=SC2086
"$BIN" --db "$TMP/demo.db" serve --host 127.0.0.1 --port "$PORT" --web "$REPO/web/dist" ${SERVE_OPTIONS:-} \
  >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

# Wait until the API answers (401 before login is the expected answer).
for _ in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/auth/me" || true)
  if [ "$code" = 401 ]; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "$SUITE: the server exited:" >&2
    cat "$TMP/server.log" >&2
    exit 1
  fi
  sleep 0.2
done
if [ "$code" != 401 ]; then
  echo "$SUITE: the server did not answer on port $PORT within 20 s" >&2
  cat "$TMP/server.log" >&2
  exit 1
fi
