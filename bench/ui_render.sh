#!/usr/bin/env bash
# 均衡发展's render time on a scale-1 demo county (issue 13), one build against another
# in the same run: generates the demo once (with AFTER_BIN) into bench/out/ui_render/,
# serves it with each binary and web UI in turn, and runs bench/ui_render.mjs (RUNS
# navigations each, median printed).
#   bench/ui_render.sh BEFORE_BIN BEFORE_WEB_DIST AFTER_BIN AFTER_WEB_DIST [RUNS]
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages chromium curl
ensure_node_modules "$ROOT/tests/e2e"
if [ $# -lt 4 ]; then
  echo "usage: $0 BEFORE_BIN BEFORE_WEB_DIST AFTER_BIN AFTER_WEB_DIST [RUNS]" >&2
  exit 2
fi
RUNS=${5:-5}
OUT="$ROOT/bench/out/ui_render"
mkdir -p "$OUT"
DB="$OUT/demo.db"
"$3" --db "$DB" demo --scale 1 --force >/dev/null
PORT=18942

measure() {  # measure LABEL BIN WEB_DIST
  "$2" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --web "$(realpath "$3")" >"$OUT/$1.log" 2>&1 &
  local server=$!
  for _ in $(seq 100); do curl -s "http://127.0.0.1:$PORT/api/v1/auth/me" >/dev/null && break; sleep 0.1; done
  echo "== $1: $2 $3"
  BASE_URL="http://127.0.0.1:$PORT" RUNS="$RUNS" node "$ROOT/bench/ui_render.mjs"
  kill "$server"
  wait "$server" 2>/dev/null || true
}

measure before "$1" "$2"
measure after "$3" "$4"
