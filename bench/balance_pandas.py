#!/usr/bin/env python3
"""Peer of bench_balance: the same balance computation (units per school and
section, the seven 2017 indicators, student-weighted 差异系数) in pandas over
the synthetic province that bench_balance wrote to SQLite. Loading the tables
is not timed, nor is the preparation a pandas expert gives them (what the C++
side gets from its untimed snapshot): narrow integer ids and grades, and every
text column as a categorical. The computation is run 3 times and the median
printed as JSON:
{"seconds": s, "cv": {"小学": [7 CVs], "初中": [...]}}.
usage: balance_pandas.py PROVINCE_DB
"""
import json
import sqlite3
import sys
import time

import numpy as np
import pandas as pd

KEYS = ["x1", "x2", "x3", "x4", "x5", "x6", "x7"]


def compute(schools, enr, teachers, cond):
    junior = enr.grade > 6  # a boolean key, not a string column
    counts = enr.groupby([enr.school_id, junior]).size().unstack(fill_value=0)
    counts = counts.rename(columns={False: "小学", True: "初中"})
    counts["total"] = counts.sum(axis=1)
    t = teachers[teachers.post == "专任教师"]
    above = t.education.isin(["研究生", "本科"]) | ((t.section == "小学") & (t.education == "专科"))
    tq = t.assign(above=above, backbone=t.backbone != "无", pe_art=t.subject.isin(["体育", "音乐", "美术"])) \
          .groupby(["school_id", "section"], observed=True)[["above", "backbone", "pe_art"]].sum()
    out = {}
    for sec, kinds in (("小学", ["小学", "九年一贯制学校", "教学点"]), ("初中", ["初级中学", "九年一贯制学校"])):
        s = schools[schools.kind.isin(kinds)].set_index("school_id").join(counts, how="inner")
        s = s[(s[sec] > 0) & ~((s.kind == "教学点") & (s[sec] < 50))]
        u = s[[sec, "total"]].rename(columns={sec: "n"}).join(cond.set_index("school_id"), how="inner")
        q = tq.xs(sec, level="section").reindex(u.index, fill_value=0)
        u["x1"] = q.above * 100 / u.n
        u["x2"] = q.backbone * 100 / u.n
        u["x3"] = q.pe_art * 100 / u.n
        u["x4"] = u.teaching_area / u.total
        u["x5"] = u.sports_area / u.total
        u["x6"] = u.equipment_value / u.total
        u["x7"] = u.multimedia_rooms * 100 / u.total
        w = u.n.sum()
        cvs = []
        for k in KEYS:
            mean = (u.n * u[k]).sum() / w
            cvs.append(float(np.sqrt((u.n * (u[k] - mean) ** 2).sum() / w) / mean))
        out[sec] = cvs
    return out


def prepare(schools, enr, teachers, cond):
    """Narrow ints and categoricals, in place (untimed, like the C++ snapshot)."""
    for frame in (schools, enr, teachers, cond):
        frame["school_id"] = frame.school_id.astype(np.int32)
    enr["grade"] = enr.grade.astype(np.int8)
    schools["kind"] = schools.kind.astype("category")
    for col in ("section", "post", "education", "subject", "backbone"):
        teachers[col] = teachers[col].astype("category")


def main():
    con = sqlite3.connect(sys.argv[1])
    schools = pd.read_sql("SELECT id AS school_id, kind FROM schools", con)
    enr = pd.read_sql("SELECT school_id, grade FROM enrolments", con)
    teachers = pd.read_sql("SELECT school_id, section, post, education, subject, backbone FROM teachers", con)
    cond = pd.read_sql("SELECT school_id, teaching_area, sports_area, equipment_value, multimedia_rooms "
                       "FROM conditions", con)
    prepare(schools, enr, teachers, cond)
    times, result = [], None
    for _ in range(3):
        start = time.perf_counter()
        result = compute(schools, enr, teachers, cond)
        times.append(time.perf_counter() - start)
    print(json.dumps({"seconds": sorted(times)[1], "cv": result}, ensure_ascii=False))


if __name__ == "__main__":
    main()
