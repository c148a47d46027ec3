#!/usr/bin/env bash
# A real county from day one (issue 9), end to end on an EMPTY database and
# files written by LibreOffice: init → 乡镇(街道) → 学校 → 班级 → 教职工 →
# 班级 again (班主任) → 学生 → 办学条件, then `analyze balance --json`, with
# one 差异系数 checked against the value worked out by hand below.
# Usage: new_county_test.sh PATH_TO_EDUBUREAU
set -u
BIN="$1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT
DB="$TMP/county.db"
source "$(dirname "$0")/../cli/checks.sh"
# xlsx NAME TYPES: $TMP/NAME.csv converted by LibreOffice into $TMP/NAME.xlsx;
# TYPES are the CSV filter's "column/type" pairs (2 = text, for codes and ID
# numbers, as a bureau's clerk sets them); other cells LibreOffice types itself.
xlsx() {
  (cd "$TMP" && HOME="$TMP" soffice -env:UserInstallation="file://$TMP/profile" --headless \
    --infilter="CSV:44,34,76,1,$2" --convert-to xlsx --outdir "$TMP" "$TMP/$1.csv" >/dev/null 2>&1)
  test -s "$TMP/$1.xlsx" || { echo "LibreOffice (soffice) could not convert $1.csv"; exit 1; }
}
import() {  # import KIND NAME: commit $TMP/NAME.xlsx as the bureau admin
  "$BIN" --db "$DB" import "$1" "$TMP/$2.xlsx" --user ju_admin --commit
}
# An ID number of Qingshan county (430521) born on $1 (YYYYMMDD), sequence $2 (3 digits).
id_number() {
  python3 -c 'import sys
s = "430521" + sys.argv[1] + sys.argv[2]
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(s + "10X98765432"[sum(int(a) * b for a, b in zip(s, w)) % 11])' "$1" "$2"
}

check "init" "$BIN" --db "$DB" init --county 青山县 --code 430521 --admin ju_admin --password Qingshan2026x
Y=$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'school_year'")
check "the school year is recorded" test -n "$Y"

printf '%s\n' 学校标识码,学校名称,学校类别,办学性质,城乡类别,所属乡镇 \
  2143052101,青山县城关小学,小学,公办,城区,城关镇 \
  2143052102,青山县桃花小学,小学,公办,乡村,桃花乡 >"$TMP/schools.csv"
xlsx schools 1/2
refuses "schools before their townships (the issue's failure)" "乡镇“城关镇”不是本县的乡镇(街道)" import school schools

printf '%s\n' '行政区划代码,乡镇(街道)名称' 430521100,城关镇 430521201,桃花乡 430522100,邻县镇 >"$TMP/bad_areas.csv"
xlsx bad_areas 1/2
refuses "a township of another county" "第4行A列(行政区划代码)" import area bad_areas
check "a refused file changes nothing" test "$(sqlite3 "$DB" "SELECT COUNT(*) FROM areas")" = 1
printf '%s\n' '行政区划代码,乡镇(街道)名称' 430521100,城关镇 430521201,桃花乡 >"$TMP/areas.csv"
xlsx areas 1/2
check "areas" import area areas
check "townships under the county" test \
  "$(sqlite3 "$DB" "SELECT COUNT(*) FROM areas a JOIN areas c ON c.id = a.parent_id WHERE c.code = '430521' AND a.level = '乡镇'")" = 2
check "schools" import school schools

printf '%s\n' 学校标识码,学年,学段,年级,班号 "2143052101,$Y,小学,三年级,1" "2143052102,$Y,小学,三年级,1" >"$TMP/classes.csv"
xlsx classes 1/2
check "classes" import class classes
check "class names by the grade label" test \
  "$(sqlite3 "$DB" "SELECT DISTINCT name FROM classes")" = "三年级(1)班"

T1=$(id_number 19900315 001)  # male
T2=$(id_number 19880720 002)  # female
printf '%s\n' 姓名,性别,身份证号,出生日期,学校标识码,岗位类别,最高学历,职称,任教学科,骨干级别,是否在编,参加工作日期 \
  "王建国,男,$T1,1990-03-15,2143052101,专任教师,本科,一级,数学,无,是,2012-09-01" \
  "李秀兰,女,$T2,1988-07-20,2143052102,专任教师,本科,一级,语文,无,是,2010-09-01" >"$TMP/teachers.csv"
xlsx teachers 1/2/3/2
check "teachers" import teacher teachers

printf '%s\n' 学校标识码,学年,学段,年级,班号,班级名称,班主任身份证号 \
  "2143052101,$Y,小学,三年级,1,,$T1" "2143052102,$Y,小学,三年级,1,,$T2" >"$TMP/heads.csv"
xlsx heads 1/2/7/2
check "classes again, with their head teachers" bash -c "'$BIN' --db '$DB' import class '$TMP/heads.xlsx' --user ju_admin --commit | grep -q '更新 2'"
check "head teachers set" test "$(sqlite3 "$DB" "SELECT COUNT(*) FROM classes WHERE head_teacher_id IS NOT NULL")" = 2

# Third-graders are 8 on 1 September of year Y: born in Y-8, entered in Y-2.
B=$((Y - 8))
S1=$(id_number "${B}0315" 001); S2=$(id_number "${B}0412" 002)
S3=$(id_number "${B}0521" 003); S4=$(id_number "${B}0630" 004)
printf '%s\n' 姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质 \
  "张一,男,$S1,$B-03-15,汉族,2143052101,三年级(1)班,在读,$((Y - 2))-09-01,城镇" \
  "张二,女,$S2,$B-04-12,汉族,2143052102,三年级(1)班,在读,$((Y - 2))-09-01,农村" \
  "张三,男,$S3,$B-05-21,汉族,2143052102,三年级(1)班,在读,$((Y - 2))-09-01,农村" \
  "张四,女,$S4,$B-06-30,汉族,2143052102,三年级(1)班,在读,$((Y - 2))-09-01,农村" >"$TMP/students.csv"
xlsx students 3/2
check "students" import student students
check "students enrolled in their classes' year" test \
  "$(sqlite3 "$DB" "SELECT COUNT(*) FROM enrolments WHERE school_year = $Y AND grade = 3 AND status = '在读'")" = 4

printf '%s\n' 学校标识码,学年,校舍建筑面积,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,图书,计算机,网络多媒体教室 \
  "2143052101,$Y,100,4,50,10000,100,2,1" "2143052102,$Y,200,24,90,30000,300,6,1" >"$TMP/conditions.csv"
xlsx conditions 1/2
check "conditions" import conditions conditions

# 生均教学及辅助用房面积 of 小学, by hand (weighted_cv.h: weights P = students):
#   城关小学: P = 1, X = 4 m² / 1 = 4;   桃花小学: P = 3, X = 24 m² / 3 = 8
#   X̄ = (1·4 + 3·8) / 4 = 7;   S² = (1·(4−7)² + 3·(8−7)²) / 4 = (9 + 3) / 4 = 3
#   CV = √3 / 7 = 0.247435829…
check "analyze balance" bash -c "'$BIN' --db '$DB' analyze balance --section 小学 --json >'$TMP/balance.json'"
check "差异系数 of 生均教学及辅助用房面积 as worked by hand" python3 - "$TMP/balance.json" <<'PY'
import json, math, sys
doc = json.load(open(sys.argv[1]))
[primary] = [s for s in doc["sections"] if s["section"] == "小学"]
[cv] = [c for c in primary["cvs"] if c["key"] == "teaching_area"]
assert primary["units"] == 2 and not primary["excluded"], primary["excluded"]
assert abs(cv["mean"] - 7) < 1e-12 and abs(cv["sd"] - math.sqrt(3)) < 1e-12, cv
assert abs(cv["cv"] - math.sqrt(3) / 7) < 1e-12, cv
PY
echo "setup: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
