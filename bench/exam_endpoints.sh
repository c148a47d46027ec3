#!/usr/bin/env bash
# Exam pages at city size under 16 concurrent clients (issue 11). Serves the city exam
# that bench_exam writes (bench/run_exam.sh: 200,000 students × 9 subjects, 1.8 M
# scores, 4,000 classes) and measures:
#  - the first computation: the first request after the server starts (loads the exam
#    and the previous one, analyses, keeps the report) — target < 3 s;
#  - every exam endpoint's body size (target: none over 2 MB) — class and teacher
#    levels come in pages (http/exam_json.h ResultsPiece);
#  - p50/p99 of a random mix of exam requests under wrk, 16 connections, 10 s, once the
#    report is kept — target p99 < 50 ms;
#  - the peer, in the same run and the same way: the student list (a paged SQLite
#    query, /students?page=k&size=20) on the same server. Ratio = exam p99 : list p99.
#   bench/exam_endpoints.sh [path/to/edubureau]   (default: the Release build; runs
#                                                  bench_exam first when its database is missing)
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages wrk curl python3 sqlite3
build_bench edubureau bench_exam
BIN=$(realpath "${1:-$BENCH_BUILD/edubureau}")  # another build to compare, e.g. main's
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
if [ ! -f "$OUT/exam_city.db" ]; then
  PATH="/usr/bin:$PATH" "$BENCH_BUILD/bench/bench_exam" "$OUT" "$ROOT/bench" >"$OUT/bench_exam.log"
fi
DB="$OUT/exam_endpoints.db"
cp "$OUT/exam_city.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
echo 'Bench@2026x' | "$BIN" --db "$DB" user add benchadmin --role bureau_admin >/dev/null 2>&1
EXAM=$(sqlite3 "$DB" 'SELECT MAX(id) FROM exams')
CLASSES=$(sqlite3 "$DB" "SELECT COUNT(*) FROM classes c JOIN exams e ON e.id = $EXAM AND c.grade = e.grade AND c.school_year = e.school_year")
SCHOOL=$(sqlite3 "$DB" 'SELECT MIN(id) FROM schools')
PORT=18943
"$BIN" --db "$DB" serve --host 127.0.0.1 --port "$PORT" --web "" --threads 4 >"$OUT/exam_endpoints.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$PORT/api/v1/auth/me" >/dev/null && break; sleep 0.1; done
COOKIE=$(curl -s -i -H 'Content-Type: application/json' -d '{"username":"benchadmin","password":"Bench@2026x"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/login" | tr -d '\r' | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')
get() {  # get PATH → "seconds bytes status"
  curl -s -o /dev/null -w '%{time_total} %{size_download} %{http_code}\n' -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/v1$1"
}

echo "city exam $EXAM: $CLASSES classes of its grade"
echo "first computation (GET /exams/$EXAM/results?level=school right after start): $(get "/exams/$EXAM/results?level=school" | awk '{printf "%.2f s", $1}')"
echo
echo "| request | time (kept report) | body |"
echo "| --- | --- | --- |"
PATHS=("/exams/$EXAM/results?level=county" "/exams/$EXAM/results?level=township" "/exams/$EXAM/results?level=school"
  "/exams/$EXAM/results?level=class&size=200" "/exams/$EXAM/results?level=class&size=200&column=0"
  "/exams/$EXAM/results?level=class&size=200&school_id=$SCHOOL" "/exams/$EXAM/results?level=teacher&size=200"
  "/exams/$EXAM/absentees" "/exams/$EXAM/integrity" "/exams/$EXAM/items" "/exams/$EXAM/value-added"
  "/exams/$EXAM/rewards" "/exams/$EXAM/exemptions" "/exams/$EXAM/candidates?q=%E7%8E%8B")
largest=0
for p in "${PATHS[@]}"; do
  read -r t bytes code < <(get "$p")
  [ "$bytes" -gt "$largest" ] && largest=$bytes
  printf '| `%s` | %.1f ms (HTTP %s) | %s bytes |\n' "$p" "$(python3 -c "print($t * 1000)")" "$code" "$bytes"
done
echo "largest body: $largest bytes (target ≤ 2,097,152)"

python3 - "$OUT" "$EXAM" "$CLASSES" "$SCHOOL" <<'PY'
import random, sys
out, exam, classes, school = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(11)
pages = max(1, classes // 50)
mix = [f"/exams/{exam}/results?level={l}" for l in ("county", "township", "school")]
mix += [f"/exams/{exam}/results?level=class&size=50&page={random.randint(1, pages)}&column={random.randint(0, 9)}"
        for _ in range(40)]
mix += [f"/exams/{exam}/results?level=teacher&size=50&page={random.randint(1, 20)}" for _ in range(10)]
mix += [f"/exams/{exam}/{p}" for p in ("absentees", "integrity", "items", "value-added", "rewards", "exemptions")]
open(f"{out}/exam.paths", "w").write("".join(f"/api/v1{p}\n" for p in mix))
open(f"{out}/list.paths", "w").write("".join(f"/api/v1/students?page={random.randint(1, 5000)}&size=20\n"
                                             for _ in range(200)))
PY
run_wrk() {  # run_wrk PATHS LABEL
  EB_COOKIE="$COOKIE" EB_PATHS="$1" wrk -t2 -c16 -d10s --latency -s "$ROOT/bench/list_students.lua" \
    "http://127.0.0.1:$PORT" >"$OUT/$2.wrk"
  awk -v label="$2" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {printf "%s: %s requests/s, p50 %s, p99 %s%s\n", label, rps, p50, p99, bad ? ", non-2xx " bad : ""}' "$OUT/$2.wrk"
}
echo
echo "16 connections, 10 s each, the report kept:"
run_wrk "$OUT/exam.paths" "exam requests (a mix of levels, pages, columns and tabs)"
run_wrk "$OUT/list.paths" "peer: the student list (random pages of 20)"
python3 - "$OUT" <<'PY'
import re, sys
def p99(path):
    text = open(path).read()
    v, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", text, re.M).groups()
    return float(v) * {"us": 1e-3, "ms": 1, "s": 1e3}[unit]
out = sys.argv[1]
exam = p99(f"{out}/exam requests (a mix of levels, pages, columns and tabs).wrk")
peer = p99(f"{out}/peer: the student list (random pages of 20).wrk")
print(f"ratio exam p99 : list p99 = {exam:.2f} ms : {peer:.2f} ms = {exam / peer:.2f}  [exam target < 50 ms]")
PY
