#!/usr/bin/env bash
# The student list under 16 concurrent clients, one binary against another in the
# same run (issue 8: the hardening must cost nothing measurable). Each round serves
# the same demo database (`--threads 4`) with BEFORE, then AFTER, and drives it
# with wrk (16 connections, 10 s, random pages of 20 as the bureau admin).
#   bench/list_before_after.sh BEFORE_BIN AFTER_BIN [ROUNDS]
# The peer is BEFORE: the ratio printed is AFTER : BEFORE per figure.
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages wrk curl python3
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
ROUNDS=${3:-3}
OUT="$ROOT/bench/out/before_after"
mkdir -p "$OUT"
DB="$OUT/http.db"
[ -f "$DB" ] || "$AFTER" --db "$DB" demo >/dev/null
TOTAL=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM students').fetchone()[0])" "$DB")
python3 - "$OUT/list.paths" "$TOTAL" <<'PY'
import random, sys
random.seed(7)
total = int(sys.argv[2])
open(sys.argv[1], "w").write("".join(f"/api/v1/students?page={random.randint(1, total // 20)}&size=20\n" for _ in range(500)))
PY
PORT=18941

measure() {  # measure BIN LABEL ROUND
  "$1" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --web "" --threads 4 >/dev/null 2>&1 &
  local server=$!
  for _ in $(seq 100); do curl -s "http://127.0.0.1:$PORT/api/v1/auth/me" >/dev/null && break; sleep 0.1; done
  local cookie
  cookie=$(curl -s -i -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"Demo@2026"}' "http://127.0.0.1:$PORT/api/v1/auth/login" |
    tr -d '\r' | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
  EB_COOKIE="$cookie" EB_PATHS="$OUT/list.paths" \
    wrk -t2 -c16 -d10s --latency -s "$ROOT/bench/list_students.lua" "http://127.0.0.1:$PORT" >"$OUT/$2.$3.wrk"
  kill "$server"
  wait "$server" 2>/dev/null || true
}

for round in $(seq "$ROUNDS"); do
  measure "$BEFORE" before "$round"
  measure "$AFTER" after "$round"
done

python3 - "$OUT" "$ROUNDS" <<'PY'
import re, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
def read(label, r):
    text = open(f"{out}/{label}.{r}.wrk").read()
    lat = {m[0]: ms(m[1], m[2]) for m in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", text, re.M)}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if bad:
        sys.exit(f"{label} round {r}: {bad.group(1)} answers were not 2xx")
    return lat["50"], lat["99"], float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print("| round | before p50 / p99 / req/s | after p50 / p99 / req/s |")
print("| --- | --- | --- |")
runs = {"before": [], "after": []}
for r in range(1, rounds + 1):
    for label in runs:
        runs[label].append(read(label, r))
    b, a = runs["before"][-1], runs["after"][-1]
    print(f"| {r} | {b[0]:.1f} ms / {b[1]:.0f} ms / {b[2]:.0f} | {a[0]:.1f} ms / {a[1]:.0f} ms / {a[2]:.0f} |")
med = {label: [statistics.median(x[i] for x in v) for i in range(3)] for label, v in runs.items()}
print(f"medians: before p50 {med['before'][0]:.1f} ms, p99 {med['before'][1]:.0f} ms, {med['before'][2]:.0f} req/s; "
      f"after p50 {med['after'][0]:.1f} ms, p99 {med['after'][1]:.0f} ms, {med['after'][2]:.0f} req/s")
print(f"ratio after : before  p50 {med['after'][0] / med['before'][0]:.2f}  "
      f"p99 {med['after'][1] / med['before'][1]:.2f}  req/s {med['after'][2] / med['before'][2]:.2f}")
PY
