#!/usr/bin/env bash
# The edubureau command line, end to end on real files: demo (deterministic for
# a seed), user add / passwd (with bad input refused), init of a new county,
# migrate, a backup and restore (into a new database, and over changes made
# since), imports, exports, exam results of
# a school where nobody sat, the year rollover (preview, commit, again) and the
# 小升初 lists after it.
# Each database is a file in a temporary directory, or, with EDU_PG_URL set
# (tests/cli/run_postgres.sh), a fresh database of that PostgreSQL cluster.
# Usage: cli_test.sh PATH_TO_EDUBUREAU
set -u
BIN="$1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB_PREFIX=cli
source "$(dirname "$0")/checks.sh"
A=$(new_db a) B=$(new_db b) C=$(new_db c) NEW=$(new_db new) BAD=$(new_db bad) CITY=$(new_db city)
RESTORED=$(new_db restored)
rows() { sql_on "$1" "SELECT id_number, name, school_id, class_id, status FROM students ORDER BY id" | md5sum; }

check "help is bilingual" bash -c "'$BIN' --help | grep -q '教育局综合管理平台' && '$BIN' demo --help | grep -q 'seed'"
check "demo A" "$BIN" --db "$A" demo --scale 0.05 --seed 7
check "demo B" "$BIN" --db "$B" demo --scale 0.05 --seed 7
check "demo C" "$BIN" --db "$C" demo --scale 0.05 --seed 8
check "same seed, same county" test "$(rows "$A")" = "$(rows "$B")"
check "other seed, other county" test "$(rows "$A")" != "$(rows "$C")"
# every register row and every audit entry but its time
registers() {
  for t in areas schools classes students enrolments teachers teacher_years conditions catchments; do
    sql_on "$1" "SELECT * FROM $t ORDER BY 1, 2"
  done
  sql_on "$1" "SELECT id, user_id, username, action, entity, entity_id FROM audit_log ORDER BY id;
    SELECT * FROM audit_changes ORDER BY audit_id, field"
}
check "same seed, same registers and audit log" test "$(registers "$A" | md5sum)" = "$(registers "$B" | md5sum)"
# on PostgreSQL: the same seed on SQLite gives the same statistics, balance table and exam results
if [ -n "${EDU_PG_URL:-}" ]; then
  check "demo on SQLite, same seed" "$BIN" --db "$TMP/lite.db" demo --scale 0.05 --seed 7
  same_on_both() {  # same_on_both ARGS...: the command succeeds on both, says something, and the same
    "$BIN" --db "$TMP/lite.db" "$@" >"$TMP/lite.out" && "$BIN" --db "$A" "$@" >"$TMP/pg.out" &&
      test -s "$TMP/pg.out" && diff "$TMP/lite.out" "$TMP/pg.out"
  }
  check "analyze balance: the same on both engines" same_on_both analyze balance
  check "analyze indicators: the same on both engines" same_on_both analyze indicators
  check "exam results: the same on both engines" same_on_both exam results --exam 1 --level school
fi
# the demo county came by the real paths: init, the imports, and the rollover for 2025 and 2026
in_a() { sql_on "$A" "$1"; }
imported="EXISTS (SELECT 1 FROM audit_log l WHERE l.action = 'import' AND l.entity = 'class' AND l.entity_id = c.id)"
not_last="(c.section, c.grade) NOT IN (VALUES ('学前', 0), ('小学', 6), ('初中', 9), ('高中', 12), ('中职', 12), ('特教', 9))"
entry="(c.section, c.grade) IN (VALUES ('学前', -2), ('小学', 1), ('初中', 7), ('高中', 10), ('中职', 10), ('特教', 1))"
check "demo: the county by init, its admin the first user" test "$(in_a "SELECT username FROM users ORDER BY id LIMIT 1")" = admin
check "demo: 2025 and 2026 opened by the rollover, as the admin" \
  test "$(in_a "SELECT entity_id FROM audit_log WHERE action = 'rollover' AND username = 'admin' ORDER BY id")" = "$(printf '2025\n2026')"
check "demo: 2024 classes imported, later ones the entry grades only" test "$(in_a "SELECT
  (SELECT COUNT(*) FROM classes c WHERE c.school_year = 2024 AND NOT $imported) +
  (SELECT COUNT(*) FROM classes c WHERE c.school_year > 2024 AND ($imported) != ($entry))")" = 0
check "demo: the other classes are the ones the rollover opened" test "$(in_a "SELECT COUNT(*) FROM classes c WHERE NOT $imported")" = \
  "$(in_a "SELECT SUM(CAST(new_value AS INTEGER)) FROM audit_changes WHERE field = 'classes_opened'")"
check "demo: every 2024 class below a last grade continues into 2025, with its head teacher" test "$(in_a "SELECT COUNT(*) FROM classes c
  WHERE c.school_year = 2024 AND $not_last AND NOT EXISTS (SELECT 1 FROM classes n WHERE n.school_year = 2025
  AND n.school_id = c.school_id AND n.section = c.section AND n.grade = c.grade + 1 AND n.class_no = c.class_no
  AND n.head_teacher_id IS NOT DISTINCT FROM c.head_teacher_id)")" = 0
check "demo: students moved up by the rollover are in 2025 one grade up" test "$(in_a "SELECT COUNT(*) FROM enrolments a
  JOIN enrolments b ON b.student_id = a.student_id AND b.school_year = 2025 AND b.school_id = a.school_id AND b.grade = a.grade + 1
  WHERE a.school_year = 2024")" -gt 0 -a "$(in_a "SELECT new_value FROM audit_changes WHERE field = 'students_moved' LIMIT 1")" -gt 0
check "demo: the staff of 2024 and 2025 kept by the rollover" test "$(in_a "SELECT COUNT(*) FROM teacher_years WHERE school_year = 2024;
  SELECT COUNT(*) FROM teacher_years WHERE school_year = 2025")" = \
  "$(in_a "SELECT COUNT(*) FROM teachers WHERE hired_on <= '2024-09-01'; SELECT COUNT(*) FROM teachers WHERE hired_on <= '2025-09-01'")"
check "demo: every 小学 imported with the 初中 most of its graduates went to (划片)" test \
  "$(in_a "SELECT COUNT(*) FROM catchments c JOIN audit_log l ON l.entity = 'catchment' AND l.entity_id = c.school_id
           WHERE l.action = 'import'")" = "$(in_a "SELECT COUNT(*) FROM catchments")"
check "demo: the 划片 covers the 小学 with graduates" test "$(in_a "SELECT COUNT(*) FROM catchments")" -gt 0
refuses "demo does not overwrite" "已存在" "$BIN" --db "$A" demo --scale 0.05
school=$(sql_on "$A" "SELECT code FROM schools ORDER BY id LIMIT 1")
check "user add" "$BIN" --db "$A" user add zhang_sa --role school_admin --school-code "$school" --password "Zhang2026x"
check "user stored with argon2id" test "$(sql_on "$A" "SELECT substr(password_hash, 1, 10) FROM users WHERE username = 'zhang_sa'")" = '$argon2id$'
refuses "weak password" "至少8位" "$BIN" --db "$A" user add li_admin --role bureau_admin --password short
refuses "common password" "过于常见" "$BIN" --db "$A" user add li_admin --role bureau_admin --password "Qwerty123"
refuses "username in the password" "不能包含用户名" "$BIN" --db "$A" user add li_admin --role bureau_admin --password "li_admin2026"
refuses "school admin needs a school" "须指定学校" "$BIN" --db "$A" user add li_sa --role school_admin --password "Li2026xyz"
refuses "unknown school code" "不存在" "$BIN" --db "$A" user add li_sa --role school_admin --school-code 0000000000 --password "Li2026xyz"
refuses "duplicate user" "已存在" "$BIN" --db "$A" user add zhang_sa --role bureau_admin --password "Zhang2026x"
check "nothing half-created" test "$(sql_on "$A" "SELECT COUNT(*) FROM users WHERE username LIKE 'li%'")" = 0
before=$(sql_on "$A" "SELECT password_hash FROM users WHERE username = 'admin'")
check "passwd from stdin" bash -c "echo 'NewPass2026' | '$BIN' --db '$A' user passwd admin"
check "password changed" test "$(sql_on "$A" "SELECT password_hash FROM users WHERE username = 'admin'")" != "$before"
refuses "passwd to a common password" "过于常见" "$BIN" --db "$A" user passwd admin --password "password1"
refuses "passwd unknown user" "不存在" "$BIN" --db "$A" user passwd nobody --password "NewPass2026"
# init: a new county and its first bureau admin, once; bad input leaves no trace
check "init a county" bash -c "'$BIN' --db '$NEW' init --county 青山县 --code 430521 --admin ju_admin --password Qingshan2026x | grep -q '已初始化“青山县”'"
check "the county is the root area" test "$(sql_on "$NEW" "SELECT code, name, level FROM areas WHERE parent_id IS NULL")" = "430521|青山县|县"
check "the admin is a bureau admin" test "$(sql_on "$NEW" "SELECT role FROM users WHERE username = 'ju_admin'")" = bureau_admin
refuses "init twice" "已初始化为“青山县”" "$BIN" --db "$NEW" init --county 青山县 --code 430521 --admin ju_two --password Qingshan2026x
refuses "init on the demo county" "不能再次初始化" "$BIN" --db "$A" init --county 青山县 --code 430521 --admin ju_two --password Qingshan2026x
refuses "county code of 5 digits" "6位数字" "$BIN" --db "$BAD" init --county 青山县 --code 43052 --admin ju_admin --password Qingshan2026x
refuses "init with a weak password" "至少8位" "$BIN" --db "$BAD" init --county 青山县 --code 430521 --admin ju_admin --password short
check "init a city" bash -c "'$BIN' --db '$CITY' init --city 邵阳市 --code 430500 --admin shi_admin --password Shaoyang2026x | grep -q '导入区/县'"
check "the city is the root area" test "$(sql_on "$CITY" "SELECT code, name, level FROM areas WHERE parent_id IS NULL")" = "430500|邵阳市|市"
refuses "a city's balance needs its 区/县" "尚未导入区/县" "$BIN" --db "$CITY" analyze balance
refuses "a city code not ending in 00" "以00结尾" "$BIN" --db "$BAD" init --city 邵阳市 --code 430521 --admin ju_admin --password Qingshan2026x
refuses "both --county and --city" "二者选一" "$BIN" --db "$BAD" init --county 青山县 --city 邵阳市 --code 430500 --admin ju_admin --password Qingshan2026x
refuses "neither --county nor --city" "二者选一" "$BIN" --db "$BAD" init --code 430500 --admin ju_admin --password Qingshan2026x
check "a refused init leaves no county" test "$(sql_on "$BAD" "SELECT COUNT(*) FROM areas; SELECT COUNT(*) FROM settings")" = "$(printf '0\n0')"
check "migrate is idempotent" bash -c "'$BIN' --db '$A' migrate | grep -q '最新版本'"
check "backup" "$BIN" --db "$A" backup "$TMP/backup"
refuses "backup does not overwrite" "已存在" "$BIN" --db "$A" backup "$TMP/backup"
check "restore into an empty database" "$BIN" --db "$RESTORED" restore "$TMP/backup"
check "backup restores every student" test "$(rows "$RESTORED")" = "$(rows "$A")"
counts="SELECT COUNT(*) FROM users; SELECT COUNT(*) FROM audit_log; SELECT COUNT(*) FROM enrolments"
check "backup keeps users and audit" test "$(sql_on "$RESTORED" "$counts")" = "$(sql_on "$A" "$counts")"
check "restored database migrates" "$BIN" --db "$RESTORED" migrate
# a restore over the live database: the changes since the backup are gone, what was before is back
first="SELECT name, status FROM students WHERE id = (SELECT MIN(id) FROM students)"
before_rows=$(rows "$A") before_counts=$(sql_on "$A" "$counts") before_first=$(sql_on "$A" "$first")
sql_on "$A" "UPDATE students SET name = '改后', status = '休学' WHERE id = (SELECT MIN(id) FROM students);
  DELETE FROM enrolments WHERE school_year = 2024"
check "a user added after the backup" "$BIN" --db "$A" user add wang_after --role bureau_admin --password "Wang2026xyz"
check "restore over the changes" bash -c "'$BIN' --db '$A' restore '$TMP/backup' | grep -q '已从'"
check "the changed student is as before" test "$(sql_on "$A" "$first")" = "$before_first"
check "row counts as before" test "$(sql_on "$A" "$counts")" = "$before_counts"
check "every student as before" test "$(rows "$A")" = "$before_rows"
refuses "restore of a missing file" "不存在" "$BIN" --db "$RESTORED" restore "$TMP/nothing"
printf 'not a backup' >"$TMP/junk"
refuses "restore of a file that is no backup" "恢复" "$BIN" --db "$RESTORED" restore "$TMP/junk"
check "a refused restore changed nothing" test "$(rows "$RESTORED")" = "$before_rows"
# import: a file with a bad row changes nothing; a good one commits; again, nothing changes
code=$(sql_on "$A" "SELECT s.code FROM schools s WHERE s.kind = '小学' ORDER BY s.id LIMIT 1")
klass=$(sql_on "$A" "SELECT c.name FROM classes c JOIN schools s ON s.id = c.school_id WHERE s.code = '$code' AND c.school_year = 2026 AND c.grade = 3 LIMIT 1")
header="姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质"
good="命令行,男,11010120180315001X,2018-03-15,汉族,$code,$klass,在读,2024-09-01,农村"
bad="坏行,女,110101201803150024,2018-03-15,汉族,$code,$klass,在读,2024-09-01,农村"
printf '%s\n%s\n%s\n' "$header" "$good" "$bad" >"$TMP/mixed.csv"
printf '%s\n%s\n' "$header" "$good" >"$TMP/good.csv"
students=$(sql_on "$A" "SELECT COUNT(*) FROM students")
refuses "import with a bad row" "第3行C列(身份证号)" "$BIN" --db "$A" import student "$TMP/mixed.csv" --user admin --commit
check "bad import changed nothing" test "$(sql_on "$A" "SELECT COUNT(*) FROM students")" = "$students"
check "good import commits" bash -c "'$BIN' --db '$A' import student '$TMP/good.csv' --user admin --commit | grep -q '新增 1'"
check "one student more" test "$(sql_on "$A" "SELECT COUNT(*) FROM students")" = "$((students + 1))"
check "re-import changes nothing" bash -c "'$BIN' --db '$A' import student '$TMP/good.csv' --user admin --commit | grep -q '无变化 1'"
check "imports are recorded" test "$(sql_on "$A" "SELECT COUNT(*) FROM imports WHERE status = 'committed'")" = 2
# export: the school's students as xlsx, imported again without a change
check "export students" bash -c "'$BIN' --db '$A' export students '$TMP/out.xlsx' --user admin --school-code '$code' | grep -q '已导出'"
check "exported file imports unchanged" bash -c "'$BIN' --db '$A' import student '$TMP/out.xlsx' --user admin | grep -q '新增 0,更新 0'"
refuses "export of an unknown list" "未知的名录" "$BIN" --db "$A" export pupils "$TMP/x.xlsx" --user admin
# exam results: a school where nobody sat (absent excluded) has no mean or rates: "—", never 0
sql_on "$A" "UPDATE exams SET absent_policy = 'exclude' WHERE id = 1;
  DELETE FROM exam_scores WHERE exam_id = 1 AND student_id IN (SELECT id FROM students WHERE school_id =
    (SELECT MIN(school_id) FROM exam_scores WHERE exam_id = 1))"
check "no data is —, never 0" bash -c "'$BIN' --db '$A' exam results --exam 1 --level school |
  grep -q '实考 0.参考率 0.0%.平均分 —.优秀率 —.及格率 —.低分率 —.综合排名 —'"
# year rollover: the preview changes nothing; the commit opens 2027 once; again, nothing changes
check "rollover preview" bash -c "'$BIN' --db '$B' year rollover --to 2027 | grep -q '预览'"
check "preview opened no class" test "$(sql_on "$B" "SELECT COUNT(*) FROM classes WHERE school_year = 2027")" = 0
check "rollover commit" bash -c "'$BIN' --db '$B' year rollover --to 2027 --commit | grep -q '已完成'"
opened=$(sql_on "$B" "SELECT COUNT(*) FROM classes WHERE school_year = 2027")
check "2027 opened" test "$opened" -gt 0
check "rollover again changes nothing" bash -c "'$BIN' --db '$B' year rollover --to 2027 --commit | grep -q '未改动任何数据'"
check "still the same classes" test "$(sql_on "$B" "SELECT COUNT(*) FROM classes WHERE school_year = 2027")" = "$opened"
refuses "rollover skips no year" "只能升级到下一学年 2028" "$BIN" --db "$B" year rollover --to 2029

# 小升初 after the rollover: with 实验小学 fed to the 初级中学 and nobody in 七年级 yet, every
# graduate is enrolled nowhere and every one of 实验小学's is missing at the 初级中学
sql() { sql_on "$B" "$1"; }
sql "DELETE FROM catchments"  # the demo's own 划片 aside: this starts from a county without one
primary=$(sql "SELECT id FROM schools WHERE kind = '小学' ORDER BY id LIMIT 1")
printf '小学标识码,对口初中标识码\n%s,%s\n' "$(sql "SELECT code FROM schools WHERE id = $primary")" \
  "$(sql "SELECT code FROM schools WHERE kind = '初级中学' ORDER BY id LIMIT 1")" >"$TMP/catchment.csv"
check "catchment import" bash -c "'$BIN' --db '$B' import catchment '$TMP/catchment.csv' --user admin --commit | grep -q '新增 1'"
graduated="FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE e.school_year = 2026 AND c.section = '小学' AND c.grade = 6 AND e.status = '毕业'"
all=$(sql "SELECT COUNT(*) $graduated") fed=$(sql "SELECT COUNT(*) $graduated AND e.school_id = $primary")
check "transition lists every graduate" bash -c "'$BIN' --db '$B' transition --json | python3 -c 'import json, sys
t = json.load(sys.stdin)
assert t[\"year\"] == 2027 and t[\"totals\"] == {\"graduates\": $all, \"nowhere\": $all, \"expected\": $fed, \"missing\": $fed}, t[\"totals\"]
assert $fed > 0'"
check "transition reads as a table" bash -c "'$BIN' --db '$B' transition | grep -q '全县均未入学'"
refuses "transition year bound" "2000 到 2100" "$BIN" --db "$B" transition --year 1999
# 控辍保学: the demo's casework is the same for the same seed; the sweep on a given day opens
# what the commands above changed, and nothing the second time
cases() { sql_on "$1" "SELECT id, kind, student_id, state, school_id, due_on, created_by, fields FROM cases ORDER BY id;
  SELECT case_id, user_id, username, action, from_state, to_state, fields FROM case_log ORDER BY id"; }
check "demo: the same dropout casework for the same seed" test "$(cases "$A" | md5sum)" = "$(cases "$B" | md5sum)"
check "demo: dropout cases returned, open, and one overdue" test "$(sql_on "$B" "SELECT CASE WHEN
  (SELECT COUNT(*) FROM case_log WHERE action = 'close_returned') > 0 AND
  (SELECT COUNT(*) FROM cases WHERE state = '劝返中' AND due_on > '2026-12-31') > 0 AND
  (SELECT COUNT(*) FROM cases WHERE state = '劝返中' AND due_on = '2026-11-01') = 1 THEN 1 ELSE 0 END")" = 1
check "dropout sweep on a given day" bash -c "'$BIN' --db '$B' dropout sweep --date 2026-11-29 | grep -q '控辍保学排查'"
check "dropout sweep again: nothing new" bash -c "'$BIN' --db '$B' dropout sweep --date 2026-11-29 | grep -q '新登记 0 名'"
refuses "dropout sweep date" "有效日期" "$BIN" --db "$B" dropout sweep --date 2026-02-30
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
