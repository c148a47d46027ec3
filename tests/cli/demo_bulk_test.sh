#!/usr/bin/env bash
# `edubureau demo --bulk` (cli/demo_county.h load_demo_county) against the
# ordinary demo of the same seed and scale (0.05), on SQLite files or, with
# EDU_PG_URL set (tests/cli/run_postgres.sh), on fresh databases of that
# PostgreSQL cluster. What must agree, and why:
#  - the balance table (差异系数, schools, students per school) and the
#    statistics indicators, line for line: both ways write the same registers
#    (tests/api/demo_county_test.cpp), 交流轮岗 and the 学籍异动 casework included;
#  - the exams' 应考 per school and subject: the same roster. Who was absent
#    and the scores differ: the exam generator draws each student's marks and
#    absences in the order of the students' ids, which the imports give in
#    their own order while the bulk load keeps the generator's;
#  - the load is one audit entry (导入 of the 学年, with the row counts), the
#    students imported one by one are only the 数据核查 second records, and
#    职称评聘 (left out of the bulk way) has no appointment;
#  - served, the demo 学校管理员 logs in and lists their school's students: all of
#    them, and only them.
# Usage: demo_bulk_test.sh PATH_TO_EDUBUREAU
set -u
BIN="$1"
TMP=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
DB_PREFIX=bulk
source "$(dirname "$0")/checks.sh"
ORD=$(new_db ordinary) BULK=$(new_db bulk)

check "demo --help names --bulk" bash -c "'$BIN' demo --help | grep -q -- '--bulk.*整体装载'"
check "demo by the imports" "$BIN" --db "$ORD" demo --scale 0.05 --seed 7
check "demo --bulk" bash -c "'$BIN' --db '$BULK' demo --bulk --scale 0.05 --seed 7 >'$TMP/bulk.log'"
check "demo --bulk says what it left out" grep -q '整体装载未写职称评聘' "$TMP/bulk.log"
refuses "demo --bulk on a database with data" "已存在" "$BIN" --db "$BULK" demo --bulk --scale 0.05 --seed 7

same() {  # same ARGS...: the command says something, and the same on both databases
  "$BIN" --db "$ORD" "$@" >"$TMP/ord.out" && "$BIN" --db "$BULK" "$@" >"$TMP/bulk.out" &&
    test -s "$TMP/ord.out" && diff "$TMP/ord.out" "$TMP/bulk.out"
}
check "analyze balance: the same table and 差异系数" same analyze balance
check "analyze balance: schools counted" bash -c "grep -q '综合差异系数.*评估学校 [1-9]' '$TMP/bulk.out'"
check "analyze indicators: the same" same analyze indicators
participation() {  # school names, then per subject: name, 应考
  "$BIN" --db "$1" exam results --exam "$2" --level school | cut -f1-2
}
for exam in 1 2; do
  check "exam $exam: the same 应考 per school and subject" \
    test "$(participation "$ORD" $exam | md5sum)" = "$(participation "$BULK" $exam | md5sum)"
done
check "exam 2: participation lines listed" bash -c "test \$('$BIN' --db '$BULK' exam results --exam 2 --level school | grep -c '应考 [1-9]') -gt 10"

in_bulk() { sql_on "$BULK" "$1"; }
check "the load: one audit entry, the admin's import of 2026 with the students' count" test \
  "$(in_bulk "SELECT l.username, c.new_value FROM audit_log l JOIN audit_changes c ON c.audit_id = l.id AND c.field = 'students'
     WHERE l.action = 'import' AND l.entity = 'school_year'")" = "admin|$(in_bulk "SELECT COUNT(*) - 3 FROM students")"
check "no row-by-row audit of the registers: only the 3 second records imported" \
  test "$(in_bulk "SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'student'")" = 3
check "the same students, classes, enrolments and teachers as the imports wrote" test \
  "$(in_bulk "SELECT (SELECT COUNT(*) FROM students), (SELECT COUNT(*) FROM classes), (SELECT COUNT(*) FROM enrolments), (SELECT COUNT(*) FROM teachers)")" = \
  "$(sql_on "$ORD" "SELECT (SELECT COUNT(*) FROM students), (SELECT COUNT(*) FROM classes), (SELECT COUNT(*) FROM enrolments), (SELECT COUNT(*) FROM teachers)")"
check "交流轮岗 written, 职称评聘 not" test "$(in_bulk "SELECT (SELECT COUNT(*) FROM teacher_exchanges) > 0, (SELECT COUNT(*) FROM title_appointments)")" = \
  "$(in_bulk "SELECT 1 = 1, 0")"

# Served: the demo school admin lists their school's students.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" --db "$BULK" serve --host 127.0.0.1 --port "$PORT" --web "" >"$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/auth/me" && break; sleep 0.1; done
OWN=$(in_bulk "SELECT school_id FROM users WHERE username = 'school_admin'")
check "school_admin logs in and lists every student of their school, and only those" python3 - \
  "http://127.0.0.1:$PORT/api/v1" "$OWN" "$(in_bulk "SELECT COUNT(*) FROM students WHERE school_id = $OWN")" <<'PY'
import http.cookiejar, json, sys, urllib.request
api, own, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
login = urllib.request.Request(f"{api}/auth/login", json.dumps({"username": "school_admin", "password": "Demo@2026"}).encode(),
                               {"Content-Type": "application/json"})
web.open(login).read()
schools, seen, page = set(), 0, 1
while True:
    got = json.load(web.open(f"{api}/students?page={page}&size=200"))
    schools |= {s["school_id"] for s in got["items"]}
    seen += len(got["items"])
    if not got["items"] or seen >= got["total"]:
        break
    page += 1
assert got["total"] == seen == count > 0, (got["total"], seen, count)
assert schools == {own}, schools
PY
echo "demo_bulk: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
