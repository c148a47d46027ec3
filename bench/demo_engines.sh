#!/usr/bin/env bash
# `edubureau demo` on both engines (figures go to BENCHMARKS.md): for each scale
# the wall and CPU time of the demo into a new SQLite file and into a new
# database of a throwaway PostgreSQL 15 cluster (tests/pg_cluster.sh, fsync off
# as in the tests), and the registers of the two compared table by table (row
# counts), so both did the same work. Then the bulk load (load_registers: COPY
# on PostgreSQL, prepared INSERTs on SQLite) of the same county on both, by
# bench_demo.
# Usage: bench/demo_engines.sh [SCALE...]   (default: 1 5; BIN=path/to/edubureau
# and BENCH_DEMO=path/to/bench_demo skip the Release build)
source "$(dirname "$0")/../scripts/common.sh"
if [ -z "${BIN:-}" ]; then
  ensure_packages "${RUNTIME_PACKAGES[@]}" postgresql
  build_bench edubureau bench_demo
  BIN="$BENCH_BUILD/edubureau" BENCH_DEMO="$BENCH_BUILD/bench/bench_demo"
fi
OUT="$ROOT/bench/out/demo_engines"
rm -rf "$OUT" && mkdir -p "$OUT"
source "$ROOT/tests/pg_cluster.sh"
counts() {
  local sql="" t
  for t in areas schools classes students enrolments teachers teacher_years conditions catchments audit_log exam_scores cases; do
    sql+="SELECT '$t', COUNT(*) FROM $t; "
  done
  case "$1" in
    postgresql://*) psql -X -q -At -F' ' "$1" <<<"$sql" ;;
    *) sqlite3 -separator ' ' "$1" "$sql" ;;
  esac
}
timed() { /usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -n 1; }

[ $# -eq 0 ] && set -- 1 5
printf '%-6s %-10s %8s %8s\n' scale engine wall_s cpu_s
for scale in "$@"; do
  name="demo_${scale//./_}"
  psql -X -q "$EDU_PG_URL" -c "CREATE DATABASE $name" >/dev/null
  for db in "$OUT/$name.db" "${EDU_PG_URL%/*}/$name"; do
    read -r wall user sys < <(timed "$BIN" --db "$db" demo --scale "$scale")
    engine=sqlite; [[ $db == postgresql://* ]] && engine=postgresql
    printf '%-6s %-10s %8.1f %8.1f\n' "$scale" "$engine" "$wall" "$(echo "$user + $sys" | bc)"
  done
  if [ "$(counts "$OUT/$name.db")" != "$(counts "${EDU_PG_URL%/*}/$name")" ]; then
    echo "scale $scale: the two engines' registers differ:" >&2
    diff <(counts "$OUT/$name.db") <(counts "${EDU_PG_URL%/*}/$name") >&2
    exit 1
  fi
done
psql -X -q "$EDU_PG_URL" -c "CREATE DATABASE bulk_load" >/dev/null
"$BENCH_DEMO" "$OUT" "${EDU_PG_URL%/*}/bulk_load"
