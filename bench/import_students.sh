#!/usr/bin/env bash
# Benchmark (issue 3): import 100,000 new student rows from an xlsx file into the
# demo county, validated and committed (`edubureau import student … --commit`:
# preview + commit, one transaction), with its peak memory; against
#  - the floor: the sqlite3 shell's .import of the same rows as CSV (no checks),
#  - what an analyst would use: pandas read_excel of the same xlsx (reading only).
#  - the writes alone: the same rows put into the register's tables by sqlite3
#    (INSERT … SELECT from a staged copy), the floor of the schema.
# (pandas is Debian's python3-pandas, hence /usr/bin/python3.)
# Usage: bench/import_students.sh [ROWS]   (BIN=path/to/edubureau skips the Release build)
source "$(dirname "$0")/../scripts/common.sh"
ROWS="${1:-100000}"
ensure_packages "${RUNTIME_PACKAGES[@]}" sqlite3 time python3-pandas python3-openpyxl libreoffice-calc-nogui
if [ -z "${BIN:-}" ]; then
  build_bench edubureau
  BIN="$BENCH_BUILD/edubureau"
fi
OUT="$ROOT/bench/out/import"
mkdir -p "$OUT"
BASE="$OUT/base.db"
[ -f "$BASE" ] || "$BIN" --db "$BASE" demo >/dev/null
if [ ! -f "$OUT/students.xlsx" ] || [ "$(wc -l <"$OUT/students.csv")" -ne $((ROWS + 1)) ]; then
  python3 "$ROOT/bench/make_students.py" "$BASE" "$ROWS" "$OUT/students.csv"
  # ID number (col 3) and school code (col 6) as text, as the template asks.
  HOME="$OUT" soffice -env:UserInstallation="file://$OUT/lo-profile" --headless \
    --infilter=CSV:44,34,76,1,3/2/6/2 --convert-to xlsx --outdir "$OUT" "$OUT/students.csv" >/dev/null 2>&1
fi
ls -l "$OUT/students.xlsx" | awk '{printf "file: students.xlsx, %d rows, %.1f MB\n", '"$ROWS"', $5 / 1048576}'

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.3f}')" "$1"; }
run_import() {
  rm -f "$OUT/run.db" "$OUT/run.db-wal" "$OUT/run.db-shm"
  cp "$BASE" "$OUT/run.db"
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" \
    "$BIN" --db "$OUT/run.db" import student "$OUT/students.xlsx" --user admin --commit >"$OUT/import.log"
  tail -1 "$OUT/import.log" >&2
  cat "$OUT/time.txt"
}
# Median of three runs (wall seconds, max RSS KB).
mapfile -t RUNS < <(for _ in 1 2 3; do run_import; done | sort -n)
read -r OURS OURS_KB <<<"${RUNS[1]}"

PEER_SQL=$(python3 - "$OUT" <<'PY'
import subprocess, sys, time, os
out = sys.argv[1]
times = []
for _ in range(3):
    db = f"{out}/peer.db"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix): os.remove(db + suffix)
    script = ("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n"
              "CREATE TABLE students (name TEXT, gender TEXT, id_number TEXT NOT NULL UNIQUE, birth_date TEXT, "
              "ethnicity TEXT, school_code TEXT, class_name TEXT, status TEXT, enrolled_on TEXT, household TEXT, "
              "left_behind TEXT, disabled TEXT);\n"
              f".import --csv --skip 1 {out}/students.csv students\n")
    start = time.perf_counter()
    subprocess.run(["sqlite3", db], input=script.encode(), check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{sorted(times)[1]:.3f}")
PY
)
# The writes alone: the same rows, staged in the database copy untimed, put into
# the register's own tables by SQL in one transaction (students with their four
# indexes and keys, school and class looked up by code and name, enrolments,
# one audit row each), as our import writes them, with no checks and no file
# reading: what the schema costs whoever writes it.
PEER_WRITES=$(python3 - "$OUT" "$BASE" <<'PY'
import shutil, subprocess, sys, time, os
out, base = sys.argv[1], sys.argv[2]
stage = (f"CREATE TABLE staged (name, gender, id_number, birth_date, ethnicity, school_code, class_name, status, "
         f"enrolled_on, household, left_behind, disabled);\n.import --csv --skip 1 {out}/students.csv staged\n")
writes = """PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;
CREATE TEMP TABLE before AS SELECT MAX(id) AS id FROM students;
BEGIN IMMEDIATE;
INSERT INTO students (id_number, name, gender, birth_date, ethnicity, school_id, class_id, status, enrolled_on,
                      household, left_behind, disabled)
  SELECT f.id_number, f.name, f.gender, f.birth_date, f.ethnicity, s.id, c.id, f.status, f.enrolled_on,
         f.household, f.left_behind = '是', f.disabled = '是'
  FROM staged f JOIN schools s ON s.code = f.school_code
  JOIN classes c ON c.school_id = s.id AND c.name = f.class_name
   AND c.school_year = (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'school_year')
  ORDER BY f.rowid;
INSERT INTO enrolments (student_id, school_year, school_id, class_id, grade, status)
  SELECT st.id, c.school_year, st.school_id, c.id, c.grade, st.status FROM students st
  JOIN classes c ON c.id = st.class_id WHERE st.id > (SELECT id FROM before);
INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, ip)
  SELECT CURRENT_TIMESTAMP, 1, 'admin', 'import', 'student', id, '(命令行)' FROM students
  WHERE id > (SELECT id FROM before);
COMMIT;
"""
times = []
for _ in range(3):
    db = f"{out}/writes.db"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix): os.remove(db + suffix)
    shutil.copy(base, db)
    subprocess.run(["sqlite3", db], input=stage.encode(), check=True, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    subprocess.run(["sqlite3", db], input=writes.encode(), check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
    added = subprocess.run(["sqlite3", db, "SELECT COUNT(*) FROM students s JOIN staged f ON f.id_number = s.id_number"],
                           check=True, capture_output=True, text=True).stdout.strip()
    assert added == str(sum(1 for _ in open(f"{out}/students.csv")) - 1), added
print(f"{sorted(times)[1]:.3f}")
PY
)
PEER_PANDAS=$(/usr/bin/python3 - "$OUT/students.xlsx" <<'PY'
import sys, time, pandas
times = []
for _ in range(3):
    start = time.perf_counter()
    frame = pandas.read_excel(sys.argv[1], dtype=str)
    times.append(time.perf_counter() - start)
assert len(frame) > 0
print(f"{sorted(times)[1]:.3f}")
PY
)
echo "edubureau import (xlsx, validated + committed)  $(seconds "$OURS") s   peak RSS $((OURS_KB / 1024)) MB"
echo "peer: sqlite3 .import of the same rows as CSV    $(seconds "$PEER_SQL") s   (no validation)"
echo "peer: pandas read_excel of the same xlsx         $(seconds "$PEER_PANDAS") s   (reading only)"
echo "sqlite3: the same rows into the register's tables $(seconds "$PEER_WRITES") s   (writes only: 4 indexes, keys, enrolments, audit)"
python3 -c "import sys; o, s, p, w = map(float, sys.argv[1:]); print(f'ratio edubureau : sqlite3 .import = {o / s:.2f}   edubureau : pandas read_excel = {o / p:.2f}   writes alone : sqlite3 .import = {w / s:.2f}')" "$OURS" "$PEER_SQL" "$PEER_PANDAS" "$PEER_WRITES"
uptime
