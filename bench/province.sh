#!/usr/bin/env bash
# A county at province scale (issue 11) on both engines, in one run (figures go to
# BENCHMARKS.md, "Province scale"):
#  1. bench_province generates the demo county at SCALE once and loads the same
#     registers with the bulk loader (load_registers: prepared INSERTs on SQLite, COPY on
#     PostgreSQL — not `edubureau demo`, which writes through the register imports) into
#     a SQLite file and a throwaway PostgreSQL 15 cluster (tests/pg_cluster.sh, fsync off
#     as in the tests), and times load_snapshot (the analytics snapshot) on both, and
#     its peer (the same registers read into structs, then build_snapshot);
#  2. a bureau admin (whole province in scope) is added to both, each is served in turn
#     by `edubureau serve --threads 4`, and wrk (2 threads, 16 connections, 10 s, a
#     request timing out after 10 s rather than wrk's default 2 s) runs
#     four mixes of 500 request paths against each: random pages of 20 over every
#     student, random pages of one random school, name-prefix searches (two common
#     characters) and ID-number-prefix searches (the first 14 digits of a real one:
#     area and birth date). Prints p50/p99 per engine and the ratio PostgreSQL : SQLite.
# Data (SQLite file, cluster) under $PROVINCE_DIR (default /tmp/province), never here.
# Usage: bench/province.sh [SCALE]   (default 60; PORT (default 18951) for the servers; BIN=path/to/edubureau and
#        BENCH_PROVINCE=path/to/bench_province skip the Release build)
source "$(dirname "$0")/../scripts/common.sh"
SCALE=${1:-60}
if [ -z "${BIN:-}" ]; then
  ensure_packages "${RUNTIME_PACKAGES[@]}" postgresql wrk curl sqlite3 python3
  build_bench edubureau bench_province
  BIN="$BENCH_BUILD/edubureau" BENCH_PROVINCE="$BENCH_BUILD/bench/bench_province"
fi
DATA=${PROVINCE_DIR:-/tmp/province}
OUT="$ROOT/bench/out/province"
rm -rf "$OUT" && mkdir -p "$OUT"
bench_databases "$DATA" province

echo "## scale $SCALE: generate, bulk load and snapshot (load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$BENCH_PROVINCE" "$DATA" "$SCALE" "$PG" | tee "$OUT/load.txt"
echo "(load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
for db in "$SQLITE" "$PG"; do
  "$BIN" --db "$db" user add benchadmin --role bureau_admin --password 'Bench@2026x' >/dev/null
done

python3 - "$SQLITE" "$OUT" <<'PY'
import random, sqlite3, sys, urllib.parse
db, out = sqlite3.connect(sys.argv[1]), sys.argv[2]
random.seed(11)
total = db.execute("SELECT COUNT(*) FROM students").fetchone()[0]
schools = db.execute("SELECT school_id, COUNT(*) FROM students GROUP BY school_id").fetchall()
ids = [r[0] for r in db.execute("SELECT substr(id_number, 1, 14) FROM students WHERE id % 997 = 0")]
names = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "文", "明", "华", "丽"]
mixes = {
    "list": [f"/api/v1/students?page={random.randint(1, total // 20)}&size=20" for _ in range(500)],
    "school": [f"/api/v1/students?school_id={s}&page={random.randint(1, max(1, n // 20))}&size=20"
               for s, n in random.choices(schools, k=500)],
    "name": [f"/api/v1/students?q={urllib.parse.quote(random.choice(names) + random.choice(names))}&size=20"
             for _ in range(500)],
    "id_number": [f"/api/v1/students?q={random.choice(ids)}&size=20" for _ in range(500)],
}
for name, paths in mixes.items():
    open(f"{out}/{name}.paths", "w").write("\n".join(paths) + "\n")
PY

PORT=${PORT:-18951}
for engine in sqlite postgresql; do
  db=$SQLITE; [ $engine = postgresql ] && db=$PG
  "$BIN" --db "$db" serve --host 127.0.0.1 --port "$PORT" --web "" --threads 4 >"$OUT/serve.$engine.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 300); do curl -s "http://127.0.0.1:$PORT/api/v1/auth/me" >/dev/null && break; sleep 0.1; done
  COOKIE=$(curl -s -i -H 'Content-Type: application/json' -d '{"username":"benchadmin","password":"Bench@2026x"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/login" | tr -d '\r' | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
  for mix in list school name id_number; do
    echo "load average before $engine $mix: $(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT/$mix.$engine.wrk"
    EB_COOKIE="$COOKIE" EB_PATHS="$OUT/$mix.paths" wrk -t2 -c16 -d10s --timeout 10s --latency \
      -s "$ROOT/bench/list_students.lua" "http://127.0.0.1:$PORT" >>"$OUT/$mix.$engine.wrk"
  done
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null
done

python3 - "$OUT" <<'PY'
import re, sys
out = sys.argv[1]
load = {line.split()[0]: line.split()[1:] for line in open(f"{out}/load.txt")}
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
def wrk(mix, engine):
    text = open(f"{out}/{mix}.{engine}.wrk").read()
    lat = {m[0]: ms(m[1], m[2]) for m in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", text, re.M)}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    timeouts = re.search(r"timeout (\d+)", text)
    bad = int(bad.group(1)) if bad else 0
    bad += int(timeouts.group(1)) if timeouts else 0
    return lat["50"], lat["99"], float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), \
        bad, re.search(r"load average before \S+ \S+: (.*)", text).group(1)
print()
print(f"{load['schools'][0]} schools, {load['students'][0]} students, {load['enrolments'][0]} enrolments, "
      f"{load['rows'][0]} rows; generated in {float(load['generate_s'][0]):.1f} s")
print("| what | SQLite wall / CPU | PostgreSQL wall / CPU (client + server) | PostgreSQL : SQLite (wall; CPU) |")
print("| --- | --- | --- | --- |")
for key, what in (("load", "bulk load (migrations + load_registers)"), ("snapshot", "load_snapshot (median)"),
                  ("snapshot_registers", "peer: read into Registers + build_snapshot (median)")):
    (sw, sc), (pw, pc) = map(float, load[f"{key}_sqlite"]), map(float, load[f"{key}_postgres"])
    print(f"| {what} | {sw:.2f} s / {sc:.2f} s | {pw:.2f} s / {pc:.2f} s | {pw / sw:.2f}; {pc / sc:.2f} |")
print()
for engine in ("sqlite", "postgres"):
    (w, c), (pw, pc) = map(float, load[f"snapshot_{engine}"]), map(float, load[f"snapshot_registers_{engine}"])
    print(f"load_snapshot on {engine}: peer : load_snapshot = {pw / w:.2f} (wall), {pc / c:.2f} (CPU)")
print()
print("| 16 connections | SQLite p50 / p99 / req/s | PostgreSQL p50 / p99 / req/s | p99 PostgreSQL : SQLite | load average before (SQLite; PostgreSQL) |")
print("| --- | --- | --- | --- | --- |")
for mix in ("list", "school", "name", "id_number"):
    s, p = wrk(mix, "sqlite"), wrk(mix, "postgresql")
    cell = lambda r: f"{r[0]:.1f} ms / {r[1]:.1f} ms / {r[2]:.0f}" + (f" ({r[3]} non-2xx or timed out)" if r[3] else "")
    print(f"| {mix} | {cell(s)} | {cell(p)} | {p[1] / s[1]:.2f} | {s[4]}; {p[4]} |")
PY
