#!/usr/bin/env python3
"""Peer of bench_exam: the exam aggregates in pandas over the city-scale exam
bench_exam wrote as a wide CSV (student, township, school, klass, s0..s8; an
empty cell = absent, counted as 0). Per level (county, township, school,
class), per subject and the total: 应考, 实考, mean, SD, 优秀/及格/低分率,
max, min, P10/P25/P50/P75/P90 and 20 distribution bins. Reading the CSV is not
timed, nor is giving the keys narrow integer types; every level is one groupby
over all ten columns. The computation runs 3 times and the median (seconds) is printed.
usage: exam_pandas.py WIDE_CSV
"""
import sys
import time

import numpy as np
import pandas as pd

FULL = [150, 150, 150, 100, 100, 100, 100, 100, 100]


def aggregate(df, subjects, full):
    """Every level's statistics for all columns at once (one groupby per level)."""
    x = df[subjects].fillna(0.0)
    full = np.asarray(full, dtype=float)
    flags = {"sat": df[subjects].notna(), "exc": x >= 0.85 * full, "pas": x >= 0.6 * full, "low": x < 0.4 * full}
    bins = pd.DataFrame(np.minimum((x.to_numpy() * 20 // full).astype(np.int8), 19), columns=subjects)
    out = []
    for level in (None, "township", "school", "klass"):
        key = np.zeros(len(df), dtype=np.int32) if level is None else df[level].to_numpy()
        g = x.groupby(key)
        stats = {"n": g.size(), "mean": g.mean(), "sd": g.std(), "max": g.max(), "min": g.min(),
                 "quantiles": g.quantile([0.1, 0.25, 0.5, 0.75, 0.9])}
        stats["sat"] = flags["sat"].groupby(key).sum()
        for name in ("exc", "pas", "low"):
            stats[name] = flags[name].groupby(key).mean()
        stats["bins"] = [bins[col].groupby([key, bins[col]]).size().unstack(fill_value=0) for col in subjects]
        out.append(stats)
    return out


def main():
    # What a pandas expert gives the data before timing: narrow integer keys.
    df = pd.read_csv(sys.argv[1], dtype={"student": np.int32, "township": np.int32, "school": np.int32,
                                         "klass": np.int32})
    subjects = [f"s{i}" for i in range(9)]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        total = df[subjects].fillna(0.0).sum(axis=1).where(df[subjects].notna().all(axis=1))
        work = df.assign(total=total)
        aggregate(work, subjects + ["total"], FULL + [sum(FULL)])
        times.append(time.perf_counter() - start)
    print(sorted(times)[1])


if __name__ == "__main__":
    main()
