#!/usr/bin/env bash
# Benchmarks of the foundation (figures go to BENCHMARKS.md):
#  1. the demo county generator + bulk load, against sqlite3's .import of the same rows;
#  2. listing and searching students over the 60,000 through the HTTP API (wrk on
#     loopback, bounded to 10 s per run: one connection for per-request latency, then
#     8 connections for throughput), against the
#     same SQL run by the sqlite3 shell (no HTTP, no JSON, no session check).
# Usage: bench/run.sh
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages "${RUNTIME_PACKAGES[@]}" sqlite3 wrk curl python3
build_bench edubureau bench_demo
BUILD="$BENCH_BUILD"
OUT="$ROOT/bench/out"
rm -rf "$OUT" && mkdir -p "$OUT"

echo "## demo generator"
"$BUILD/bench/bench_demo" "$OUT"

echo "## list/search students over HTTP"
DB="$OUT/http.db"
"$BUILD/edubureau" --db "$DB" demo >/dev/null
PORT=18931
"$BUILD/edubureau" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --web "" --threads 4 >/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -s "http://127.0.0.1:$PORT/api/v1/auth/me" >/dev/null && break; sleep 0.1; done
COOKIE=$(curl -s -i -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Demo@2026"}' "http://127.0.0.1:$PORT/api/v1/auth/login" |
  tr -d '\r' | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
TOTAL=$(sqlite3 "$DB" "SELECT COUNT(*) FROM students")
python3 - "$OUT" "$TOTAL" <<'PY'
import sys, random, urllib.parse
out, total = sys.argv[1], int(sys.argv[2])
random.seed(7)
pages = [f"/api/v1/students?page={random.randint(1, total // 20)}&size=20" for _ in range(500)]
names = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "文", "明", "华", "丽"]
search = [f"/api/v1/students?q={urllib.parse.quote(random.choice(names) + random.choice(names))}&size=20" for _ in range(500)]
open(f"{out}/list.paths", "w").write("\n".join(pages) + "\n")
open(f"{out}/search.paths", "w").write("\n".join(search) + "\n")
# The peer: the same two statements per request (COUNT + page), run directly on the
# database file through Python's sqlite3 module (same SQLite engine, no HTTP/JSON/session).
cols = ("st.id, st.id_number, st.name, st.gender, st.birth_date, st.ethnicity, st.school_id, st.class_id, "
        "st.status, st.enrolled_on, st.household, st.left_behind, st.disabled, sc.name, COALESCE(c.name, ''), c.section, c.grade")
joins = "JOIN schools sc ON sc.id = st.school_id LEFT JOIN classes c ON c.id = st.class_id"
def sql(paths, file):
    with open(file, "w", encoding="utf-8") as f:
        for p in paths:
            q = urllib.parse.parse_qs(urllib.parse.urlparse(p).query)
            where = "1=1"
            if "q" in q:
                v = q["q"][0]
                hi = v + "\U0010FFFF"
                where += f" AND ((st.name >= '{v}' AND st.name < '{hi}') OR (st.id_number >= '{v}' AND st.id_number < '{hi}'))"
            page = int(q.get("page", ["1"])[0])
            f.write(f"SELECT COUNT(*) FROM students st WHERE {where}\t")
            f.write(f"SELECT {cols} FROM students st {joins} WHERE st.id IN (SELECT st.id FROM students st "
                    f"WHERE {where} ORDER BY st.id LIMIT 20 OFFSET {(page - 1) * 20}) ORDER BY st.id\n")
sql(pages, f"{out}/list.sql")
sql(search, f"{out}/search.sql")
PY
for scenario in list search; do
  EB_COOKIE="$COOKIE" EB_PATHS="$OUT/$scenario.paths" \
    wrk -t1 -c1 -d10s --latency -s "$ROOT/bench/list_students.lua" "http://127.0.0.1:$PORT" >"$OUT/$scenario.wrk"
  EB_COOKIE="$COOKIE" EB_PATHS="$OUT/$scenario.paths" \
    wrk -t2 -c8 -d10s --latency -s "$ROOT/bench/list_students.lua" "http://127.0.0.1:$PORT" >"$OUT/$scenario.c8.wrk"
  python3 - "$DB" "$OUT/$scenario.sql" >"$OUT/$scenario.peer" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
for line in open(sys.argv[2], encoding="utf-8"):
    start = time.perf_counter()
    for statement in line.rstrip("\n").split("\t"):
        db.execute(statement).fetchall()
    print(f"{(time.perf_counter() - start) * 1000:.4f}")
PY
  python3 - "$scenario" "$OUT/$scenario.wrk" "$OUT/$scenario.peer" "$OUT/$scenario.c8.wrk" <<'PY'
import re, sys
name, wrk_file, peer_file, c8_file = sys.argv[1:]
wrk = open(wrk_file).read()
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
lat = {m[0]: ms(m[1], m[2]) for m in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", wrk, re.M)}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
per_request = sorted(float(x) for x in open(peer_file).read().split())
p = lambda q: per_request[min(len(per_request) - 1, int(q * len(per_request)))]
print(f"{name:7s} HTTP p50 {lat['50']:.2f} ms  p99 {lat['99']:.2f} ms  {rps:.0f} req/s"
      f"{'  NON-2xx: ' + errors.group(1) if errors else ''}")
print(f"{name:7s} peer sqlite3 SQL p50 {p(0.5):.2f} ms  p99 {p(0.99):.2f} ms  (same statements, Python sqlite3 on the file)")
print(f"{name:7s} ratio HTTP p50 : sqlite3 p50 = {lat['50'] / p(0.5):.2f}")
c8 = open(c8_file).read()
c8_lat = {m[0]: ms(m[1], m[2]) for m in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", c8, re.M)}
c8_rps = float(re.search(r"Requests/sec:\s+([\d.]+)", c8).group(1))
print(f"{name:7s} 8 connections: p50 {c8_lat['50']:.2f} ms  p99 {c8_lat['99']:.2f} ms  {c8_rps:.0f} req/s")
PY
done
