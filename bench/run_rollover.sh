#!/usr/bin/env bash
# Benchmark of 学年升级 (figures go to BENCHMARKS.md): `edubureau year rollover
# --to 2027 --commit` on the demo county (scale 1, about 60,000 students) and on
# a city of about 500,000 (scale 8.3), each against the same moves done with
# plain SQL in the sqlite3 shell (bench/rollover_peer.sql: one transaction, its
# indexes made before the clock starts) on a copy of the same database. Both
# results are compared row by row, so the two did the same work.
# Usage: bench/run_rollover.sh [SCALE...]   (default: 1 8.3)
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages "${RUNTIME_PACKAGES[@]}" sqlite3
build_bench edubureau
BIN="$BENCH_BUILD/edubureau"
OUT="$ROOT/bench/out/rollover"
rm -rf "$OUT" && mkdir -p "$OUT"
now() { date +%s.%N; }
# What a rollover leaves: every student's class (year, grade, 班号), status, the enrolments
# and the staff of each year.
outcome() {
  sqlite3 "$1" "SELECT s.id, s.status, c.school_year, c.grade, c.class_no, c.name FROM students s
    LEFT JOIN classes c ON c.id = s.class_id ORDER BY s.id;
    SELECT student_id, school_year, grade, status FROM enrolments ORDER BY 1, 2;
    SELECT teacher_id, school_year, school_id, section, title FROM teacher_years ORDER BY 1, 2;" | md5sum
}

[ $# -eq 0 ] && set -- 1 8.3
printf '%-8s %10s %8s %14s %12s %7s\n' scale students classes edubureau_s sqlite3_s ratio
for scale in "$@"; do
  db="$OUT/county_$scale.db"
  "$BIN" --db "$db" demo --scale "$scale" >/dev/null
  cp "$db" "$OUT/peer_$scale.db"
  students=$(sqlite3 "$db" "SELECT COUNT(*) FROM students WHERE status IN ('在读', '休学')")
  classes=$(sqlite3 "$db" "SELECT COUNT(*) FROM classes WHERE school_year = 2026")
  sqlite3 "$OUT/peer_$scale.db" "CREATE INDEX IF NOT EXISTS bench_students_status ON students(status);"

  t0=$(now)
  "$BIN" --db "$db" year rollover --to 2027 --commit >"$OUT/edubureau_$scale.log"
  t1=$(now)
  sqlite3 "$OUT/peer_$scale.db" <"$ROOT/bench/rollover_peer.sql"
  t2=$(now)

  if [ "$(outcome "$db")" != "$(outcome "$OUT/peer_$scale.db")" ]; then
    echo "scale $scale: edubureau and the SQL peer disagree" >&2
    exit 1
  fi
  python3 -c "import sys; a, b, c = map(float, sys.argv[1:4]); s, n, k = sys.argv[4:7];
print(f'{s:<8} {n:>10} {k:>8} {b - a:>14.3f} {c - b:>12.3f} {(b - a) / (c - b):>7.2f}')" \
    "$t0" "$t1" "$t2" "$scale" "$students" "$classes"
done
