#!/usr/bin/env bash
# Starts EduBureau with a demo county on the embedded SQLite database:
# installs what is missing, builds, generates demo.db once, serves on :8080.
# Usage: scripts/start.sh [--port N] [--db FILE]
source "$(dirname "$0")/common.sh"
PORT=8080
DB="$ROOT/demo.db"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    *) echo "未知参数: $1(可用 --port N、--db FILE)" >&2; exit 2 ;;
  esac
done
ensure_packages "${RUNTIME_PACKAGES[@]}"
build_web
build_cpp edubureau
[ -f "$DB" ] || "$BUILD/edubureau" --db "$DB" demo
exec "$BUILD/edubureau" --db "$DB" serve --port "$PORT" --web "$ROOT/web/dist"
