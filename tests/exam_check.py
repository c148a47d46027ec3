#!/usr/bin/env python3
"""Independent check of the exam analysis: recomputes, with pandas straight
from the SQLite file, every school's 应考, 实考, 平均分, 优秀率, 及格率 and 低分率
per subject and for the total, and compares them with the JSON printed by
`edubureau exam results --exam ID --level school --json`.

Rules (DOMAIN.md): 应考 = roster (register: the year's enrolments of the grade in
在读/毕业, plus students now 在读 in a class of that year and grade not yet enrolled) minus
approved exemptions; 实考 = has a score; under the "zero" absent policy the
absent count as 0 in averages and rates, under "exclude" they are left out.
The total is sat when every subject was sat; exempt when any subject was.

Usage: exam_check.py DATABASE RESULTS_JSON EXAM_ID
Exit status 0 when every value agrees (to 2e-6), 1 otherwise (each mismatch printed).
"""
import json
import math
import sqlite3
import sys

import pandas as pd

FIELDS = ("expected", "sat", "mean", "excellent_rate", "pass_rate", "low_rate")
EPS = 1e-9


def load(db, exam_id):
    con = sqlite3.connect(db)
    exam = pd.read_sql_query("SELECT * FROM exams WHERE id = ?", con, params=(exam_id,)).iloc[0]
    subjects = pd.read_sql_query(
        "SELECT position, name, full_marks, excellent_cut, pass_cut, low_cut FROM exam_subjects "
        "WHERE exam_id = ? ORDER BY position", con, params=(exam_id,))
    year, grade = int(exam.school_year), int(exam.grade)
    enrolled = pd.read_sql_query(
        "SELECT student_id, school_id FROM enrolments WHERE school_year = ? AND grade = ? "
        "AND status IN ('在读', '毕业')", con, params=(year, grade))
    # Students now 在读 in a class of that year and grade, not yet in the year's enrolments.
    current = pd.read_sql_query(
        "SELECT s.id AS student_id, s.school_id FROM students s JOIN classes c ON c.id = s.class_id "
        "WHERE c.school_year = ? AND c.grade = ? AND s.status = '在读'", con, params=(year, grade))
    any_enrolment = pd.read_sql_query("SELECT student_id FROM enrolments WHERE school_year = ?", con, params=(year,))
    current = current[~current.student_id.isin(any_enrolment.student_id)]
    roster = pd.concat([enrolled, current], ignore_index=True)
    scores = pd.read_sql_query("SELECT student_id, subject, score FROM exam_scores WHERE exam_id = ?",
                               con, params=(exam_id,))
    exempt = pd.read_sql_query("SELECT student_id, subject FROM exam_exemptions WHERE exam_id = ? "
                               "AND status = '已批准'", con, params=(exam_id,))
    return exam, subjects, roster, scores, exempt


def summarise(frame, full, cuts, zero):
    """frame: school_id, exempt, sat, value → per-school statistics."""
    data = frame[~frame.exempt]
    counted = data if zero else data[data.sat]
    g = data.groupby("school_id")
    out = pd.DataFrame({"expected": g.size(), "sat": g.sat.sum()})
    c = counted.assign(excellent=counted.value >= cuts[0] * full - EPS,
                       passed=counted.value >= cuts[1] * full - EPS,
                       low=counted.value < cuts[2] * full - EPS).groupby("school_id")
    out["mean"] = c.value.mean()
    out["excellent_rate"] = c.excellent.mean()
    out["pass_rate"] = c.passed.mean()
    out["low_rate"] = c.low.mean()
    return out  # a group with nobody counted: NaN, as the program's null


def expected_stats(exam, subjects, roster, scores, exempt):
    zero = exam.absent_policy == "zero"
    all_exempt = set(exempt[exempt.subject == ""].student_id)
    frames, out = [], {}
    for _, s in subjects.iterrows():
        score = scores[scores.subject == s.position].set_index("student_id").score
        frame = roster.assign(score=roster.student_id.map(score))
        frame["exempt"] = frame.student_id.isin(all_exempt | set(exempt[exempt.subject == s["name"]].student_id))
        frame["sat"] = frame.score.notna()
        frame["value"] = frame.score.fillna(0.0)
        frames.append(frame)
        out[s["name"]] = summarise(frame, s.full_marks, (s.excellent_cut, s.pass_cut, s.low_cut), zero)
    total = roster.copy()
    total["exempt"] = pd.concat([f.exempt for f in frames], axis=1).any(axis=1)
    total["sat"] = pd.concat([f.sat for f in frames], axis=1).all(axis=1)
    total["value"] = sum(f.value for f in frames)
    out["总分"] = summarise(total, subjects.full_marks.sum(), (0.85, 0.60, 0.40), zero)
    return out


def main():
    db, results_path, exam_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
    expected = expected_stats(*load(db, exam_id))
    with open(results_path, encoding="utf-8") as f:
        results = json.load(f)
    columns = [c["subject"] for c in results["columns"]]
    mismatches, compared, seen = 0, 0, set()
    for group in results["groups"]:
        school = group["id"]
        seen.add(school)
        for name, stats in zip(columns, group["columns"]):
            want = expected[name].loc[school] if school in expected[name].index else None
            for field in FIELDS:
                compared += 1
                value = float(want[field]) if want is not None else 0.0 if field in ("expected", "sat") else math.nan
                got = math.nan if stats[field] is None else float(stats[field])
                same = math.isnan(got) and math.isnan(value) or abs(got - value) <= 2e-6
                if not same:
                    mismatches += 1
                    print(f"不一致:{group['name']}({school}) {name} {field}:程序 {stats[field]},pandas {value}")
    for school in set(expected["总分"].index) - seen:
        mismatches += 1
        print(f"程序结果缺少学校 {school}")
    print(f"考试 {exam_id}:{len(seen)} 所学校,比对 {compared} 个数值,不一致 {mismatches} 个")
    return 1 if mismatches or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
