#!/usr/bin/env python3
"""An independent check of `edubureau analyze balance`: generates a small demo
county in a temporary SQLite file, recomputes the balanced-development table
(2017 standard, national settings) straight from the tables with pandas, and
compares every value, mark, verdict, exclusion and 差异系数 with the CLI's
--json output. Exit status 0 when they agree.

usage: balance_check.py EDUBUREAU [--year 2026] [--scale 0.3]
"""
import argparse
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile

import pandas as pd

STANDARD = {  # indicator: (小学, 初中) per DOMAIN.md
    "above_teachers": (4.2, 5.3), "backbone_teachers": (1.0, 1.0), "pe_art_teachers": (0.9, 0.9),
    "teaching_area": (4.5, 5.8), "sports_area": (7.5, 10.2), "equipment": (2000, 2500),
    "multimedia_rooms": (2.3, 2.4),
}
LIMIT = {"小学": 0.50, "初中": 0.45}
SECTIONS_OF_KIND = {"小学": ["小学"], "教学点": ["小学"], "初级中学": ["初中"],
                    "九年一贯制学校": ["小学", "初中"], "完全中学": ["初中", "高中"],
                    "十二年一贯制学校": ["小学", "初中", "高中"], "高级中学": ["高中"],
                    "幼儿园": ["学前"], "中等职业学校": ["中职"], "特殊教育学校": ["特教"]}
JUNIOR_SUBJECTS = {"物理", "化学", "生物", "历史", "地理"}


def teacher_section(row):
    sections = SECTIONS_OF_KIND.get(row.kind, [])
    if row.section in sections:
        return row.section
    if not sections:
        return ""
    if len(sections) > 1 and row.subject in JUNIOR_SUBJECTS and "初中" in sections:
        return "初中"
    return sections[0]


def recompute(db_path, year):
    con = sqlite3.connect(db_path)
    schools = pd.read_sql("SELECT id AS school_id, name, kind FROM schools", con)
    # 在校生 (src/core/in_school.h): in a class of the year, status 在读 or 毕业.
    enr = pd.read_sql("SELECT school_id, grade FROM enrolments WHERE school_year = ? AND class_id IS NOT NULL "
                      "AND status IN ('在读', '毕业')", con, params=(year,))
    enr["section"] = pd.cut(enr.grade, [0, 6, 9, 99], labels=["小学", "初中", "other"]).astype(str)
    total = enr.groupby("school_id").size().rename("total")
    by_section = enr.groupby(["school_id", "section"]).size().rename("students").reset_index()
    teachers = pd.read_sql(  # the year's staff: the current year's rows are kept in step
        "SELECT t.school_id, t.section, t.subject, t.education, t.backbone, s.kind FROM teacher_years t "
        "JOIN schools s ON s.id = t.school_id WHERE t.post = '专任教师' AND t.school_year = ?", con,
        params=(year,))
    teachers["section"] = teachers.apply(teacher_section, axis=1)
    teachers["above"] = teachers.apply(
        lambda t: t.education in (("研究生", "本科", "专科") if t.section == "小学" else ("研究生", "本科")), axis=1)
    teachers["backbone_"] = teachers.backbone != "无"
    teachers["pe_art"] = teachers.subject.isin(["体育", "音乐", "美术"])
    tq = teachers.groupby(["school_id", "section"]).agg(
        above=("above", "sum"), backbone=("backbone_", "sum"), pe_art=("pe_art", "sum")).reset_index()
    cond = pd.read_sql("SELECT school_id, teaching_area, sports_area, equipment_value, multimedia_rooms "
                       "FROM conditions WHERE school_year = ?", con, params=(year,))

    units, excluded = [], []
    for s in schools.itertuples():
        if s.kind in ("特殊教育学校", "中等职业学校"):
            excluded.append(s.school_id)
            continue
        for section in SECTIONS_OF_KIND.get(s.kind, []):
            if section not in ("小学", "初中"):
                continue
            n = by_section[(by_section.school_id == s.school_id) & (by_section.section == section)].students.sum()
            c = cond[cond.school_id == s.school_id]
            if (s.kind == "教学点" and n < 50) or n == 0 or c.empty:
                excluded.append(s.school_id)
                continue
            units.append({"school_id": s.school_id, "section": section, "students": float(n),
                          "share": n / total[s.school_id]})
    u = pd.DataFrame(units).merge(tq, how="left", on=["school_id", "section"]).merge(cond, on="school_id")
    u = u.fillna({"above": 0, "backbone": 0, "pe_art": 0})
    u["above_teachers"] = u.above * 100 / u.students
    u["backbone_teachers"] = u.backbone * 100 / u.students
    u["pe_art_teachers"] = u.pe_art * 100 / u.students
    u["teaching_area"] = u.teaching_area * u.share / u.students
    u["sports_area"] = u.sports_area * u.share / u.students
    u["equipment"] = u.equipment_value * u.share / u.students
    u["multimedia_rooms"] = u.multimedia_rooms * u.share * 100 / u.students
    return u, set(excluded)


def mark(value, standard):
    if value >= standard * (1 - 1e-9):
        return "met"
    return "near" if value >= standard * 0.85 * (1 - 1e-9) else "short"


def weighted_cv(p, x):
    mean = (p * x).sum() / p.sum()
    sd = math.sqrt((p * (x - mean) ** 2).sum() / p.sum())
    return sd / mean if mean else None


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-7 * max(1.0, abs(a), abs(b))


def compare(units, excluded, cli):
    problems = []
    for table in cli["sections"]:
        section = table["section"]
        k = 0 if section == "小学" else 1
        mine = units[units.section == section].set_index("school_id")
        rows = {r["school_id"]: r for r in table["rows"]}
        if set(rows) != set(mine.index):
            problems.append(f"{section}: 学校集合不同 {sorted(set(rows) ^ set(mine.index))}")
            continue
        for school_id, r in rows.items():
            met = short = 0
            for cell in r["cells"]:
                expected = mine.loc[school_id, cell["key"]]
                m = mark(expected, STANDARD[cell["key"]][k])
                met += m == "met"
                short += m == "short"
                if not close(cell["value"], expected) or cell["mark"] != m:
                    problems.append(f"{section} 学校{school_id} {cell['key']}: CLI {cell['value']} {cell['mark']}"
                                    f" ≠ pandas {expected} {m}")
            if r["complies"] != (met >= 6 and short == 0):
                problems.append(f"{section} 学校{school_id}: 结论不同")
        for cv in table["cvs"]:
            expected = weighted_cv(mine.students, mine[cv["key"]])
            if not close(cv["cv"], expected) or cv["limit"] != LIMIT[section]:
                problems.append(f"{section} {cv['key']}: 差异系数 CLI {cv['cv']} ≠ pandas {expected}")
        for x in table["excluded"]:
            if x["school_id"] not in excluded:
                problems.append(f"{section}: CLI 排除了学校{x['school_id']},pandas 未排除")
    listed = {x["school_id"] for t in cli["sections"] for x in t["excluded"]}
    for school_id in excluded - listed:
        problems.append(f"pandas 排除了学校{school_id},CLI 未列出")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edubureau")
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--scale", default="0.3")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "check.db")
        subprocess.run([args.edubureau, "--db", db, "demo", "--scale", args.scale], check=True,
                       stdout=subprocess.DEVNULL)
        out = subprocess.run([args.edubureau, "--db", db, "analyze", "balance", "--year", str(args.year),
                              "--json"], check=True, capture_output=True, text=True).stdout
        units, excluded = recompute(db, args.year)
    cli = json.loads(out)
    problems = compare(units, excluded, cli)
    cells = sum(len(r["cells"]) for t in cli["sections"] for r in t["rows"])
    for p in problems:
        print("不一致:", p)
    print(f"比较了 {sum(len(t['rows']) for t in cli['sections'])} 个学校学段、{cells} 个指标值、"
          f"{sum(len(t['cvs']) for t in cli['sections'])} 个差异系数:{'一致' if not problems else '不一致'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
