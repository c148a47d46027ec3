#!/usr/bin/env bash
# The province demo (issue 11) on both engines, in one run (figures go to BENCHMARKS.md,
# "Province demo"):
#  1. `edubureau demo --bulk --scale SCALE` (cli/demo_county.h load_demo_county) into a
#     throwaway PostgreSQL 15 cluster (tests/pg_cluster.sh, fsync off as in the tests) and
#     into a SQLite file, each timed (wall, and the demo's own time per step) with its
#     peak memory;
#  2. each is served in turn by `edubureau serve --threads 4` and, logged in as the demo's
#     bureau admin (the whole county in scope), one client asks the pages the issue names
#     one request at a time: the balance (/analytics/balance, its history), the statistics
#     (/analytics/indicators), the home page (/dashboard), the exam list, the students list
#     (20 random pages of 20, a school's list) and the second exam's results (every column;
#     one subject at the school level, as the page asks), absentees and integrity report. The first request of
#     a page is timed apart (the balance's first builds the analytics snapshot, an exam's
#     first its analysis); then WARM (default 20) requests give p50 and p99 (with 20, p99
#     is the slowest). Prints PostgreSQL : SQLite for each figure.
# Data (SQLite file, cluster) under $PROVINCE_DIR (default /tmp/province_demo), never here.
# Usage: bench/province_demo.sh [SCALE]   (default 60; BIN=path/to/edubureau skips the
#        Release build; WARM=n requests per page)
source "$(dirname "$0")/../scripts/common.sh"
SCALE=${1:-60}
WARM=${WARM:-20}
if [ -z "${BIN:-}" ]; then
  ensure_packages "${RUNTIME_PACKAGES[@]}" postgresql curl python3
  build_bench edubureau
  BIN="$BENCH_BUILD/edubureau"
fi
DATA=${PROVINCE_DIR:-/tmp/province_demo}
OUT="$ROOT/bench/out/province_demo"
rm -rf "$OUT" && mkdir -p "$OUT"
bench_databases "$DATA" province_demo

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for engine in postgresql sqlite; do
  db=$SQLITE; [ $engine = postgresql ] && db=$PG
  echo "## $engine: demo --bulk --scale $SCALE (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  {
    echo "load_before $(cut -d' ' -f1-3 /proc/loadavg)"
    start=$(date +%s.%N)
    /usr/bin/time -f "max_rss_kb %M" -o "$OUT/demo.$engine.rss" "$BIN" --db "$db" demo --bulk --scale "$SCALE" \
      >"$OUT/demo.$engine.log" 2>&1 || { cat "$OUT/demo.$engine.log" >&2; exit 1; }
    echo "demo_s $(python3 -c "print($(date +%s.%N) - $start)")"
    cat "$OUT/demo.$engine.rss"
    echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$OUT/demo.$engine.txt"
  cat "$OUT/demo.$engine.txt"
  grep -E '各步用时|学校 .* 所' "$OUT/demo.$engine.log"

  "$BIN" --db "$db" serve --host 127.0.0.1 --port "$PORT" --web "" --threads 4 >"$OUT/serve.$engine.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/auth/me" && break; sleep 0.1; done
  python3 - "http://127.0.0.1:$PORT/api/v1" "$WARM" >"$OUT/pages.$engine.txt" <<'PY'
import http.cookiejar, json, os, random, statistics, sys, time, urllib.parse, urllib.request
api, warm = sys.argv[1], int(sys.argv[2])
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
web.open(urllib.request.Request(f"{api}/auth/login", json.dumps({"username": "admin", "password": "Demo@2026"}).encode(),
                                {"Content-Type": "application/json"})).read()
def get(path):
    start = time.perf_counter()
    body = web.open(api + path, timeout=600).read()
    return time.perf_counter() - start, body
print("load_before", *(f"{x:.2f}" for x in os.getloadavg()))
random.seed(11)
total = json.loads(get("/students?size=1")[1])["total"]
schools = json.loads(get("/schools?size=200")[1])["items"]
school = schools[len(schools) // 2]["id"]
exam = max(e["id"] for e in json.loads(get("/exams")[1])["items"])  # the later exam: value-added, planted problems
pages = {
    "balance": lambda: "/analytics/balance",
    "balance_history": lambda: "/analytics/balance/history",
    "indicators": lambda: "/analytics/indicators",
    "home": lambda: "/dashboard",
    "exam_list": lambda: "/exams",
    "students": lambda: f"/students?page={random.randint(1, total // 20)}&size=20",
    "school_students": lambda: f"/students?school_id={school}&size=20",
    "exam_results": lambda: f"/exams/{exam}/results",
    "exam_school_subject": lambda: f"/exams/{exam}/results?level=school&column=0",
    "exam_absentees": lambda: f"/exams/{exam}/absentees",
    "exam_integrity": lambda: f"/exams/{exam}/integrity",
}
for name, path in pages.items():
    first, body = get(path())
    times = sorted(get(path())[0] for _ in range(warm))
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    print(name, f"{first * 1000:.1f}", f"{statistics.median(times) * 1000:.1f}", f"{p99 * 1000:.1f}", len(body))
print("load_after", *(f"{x:.2f}" for x in os.getloadavg()))
PY
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null
  cat "$OUT/pages.$engine.txt"
done

python3 - "$OUT" <<'PY'
import sys
out = sys.argv[1]
def kv(path):
    return {l.split()[0]: l.split()[1:] for l in open(path) if l.strip()}
demo = {e: kv(f"{out}/demo.{e}.txt") for e in ("sqlite", "postgresql")}
pages = {e: kv(f"{out}/pages.{e}.txt") for e in ("sqlite", "postgresql")}
print()
print("| demo --bulk | SQLite | PostgreSQL | PostgreSQL : SQLite | load average before (SQLite; PostgreSQL) |")
print("| --- | --- | --- | --- | --- |")
s, p = float(demo["sqlite"]["demo_s"][0]), float(demo["postgresql"]["demo_s"][0])
print(f"| wall | {s:.1f} s | {p:.1f} s | {p / s:.2f} | {' '.join(demo['sqlite']['load_before'])}; "
      f"{' '.join(demo['postgresql']['load_before'])} |")
s, p = int(demo["sqlite"]["max_rss_kb"][0]), int(demo["postgresql"]["max_rss_kb"][0])
print(f"| peak memory (edubureau) | {s / 1024:.0f} MB | {p / 1024:.0f} MB | {p / s:.2f} | |")
print()
print("| page (admin) | SQLite first / p50 / p99 | PostgreSQL first / p50 / p99 | p50 PostgreSQL : SQLite |")
print("| --- | --- | --- | --- |")
for name in [k for k in pages["sqlite"] if not k.startswith("load_")]:
    s, p = map(float, pages["sqlite"][name][:3]), map(float, pages["postgresql"][name][:3])
    s, p = list(s), list(p)
    cell = lambda r: f"{r[0]:.1f} / {r[1]:.1f} / {r[2]:.1f} ms"
    print(f"| {name} | {cell(s)} | {cell(p)} | {p[1] / s[1]:.2f} |")
print()
print("load average while serving: SQLite", *pages["sqlite"]["load_before"], "→", *pages["sqlite"]["load_after"],
      "; PostgreSQL", *pages["postgresql"]["load_before"], "→", *pages["postgresql"]["load_after"])
PY
