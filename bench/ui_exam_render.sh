#!/usr/bin/env bash
# 质量监测's load time in Chromium over a scale-1 demo county (BENCHMARKS.md):
#   bash bench/ui_exam_render.sh [path/to/edubureau] [demo.db]
# Generates the demo into demo.db unless it exists (default /tmp/ui_exam_bench.db),
# serves it with web/dist on a free port and runs bench/ui_exam_render.mjs
# (RUNS, USER_NAME pass through; WEB=dir serves another build of the web UI).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/build/edubureau}")
DB=${2:-/tmp/ui_exam_bench.db}

[ -f "$DB" ] || "$BIN" --db "$DB" demo --scale 1 --force >/dev/null
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --web "${WEB:-$ROOT/web/dist}" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/auth/me" || true)" = 401 ] && break
  sleep 0.2
done
BASE_URL="http://127.0.0.1:$PORT" node "$ROOT/bench/ui_exam_render.mjs"
