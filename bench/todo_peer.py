#!/usr/bin/env python3
"""Peer of bench_todo: the bureau admin's 待办 as python's sqlite3 runs it on
the same file and indexes — the expiry sweep's query, then the list's (the
SQL text store/case_store.cpp builds, with the same parameters), rows
fetched into tuples. 1,000 runs; p50 and p99 in ms.
usage: todo_peer.py DB
"""
import sqlite3
import sys
import time

COLUMNS = ("c.id, c.kind, c.student_id, c.state, c.school_id, c.target_school_id, c.due_on, c.created_by, "
           "c.created_at, c.updated_at, c.fields, COALESCE(st.name, json_extract(c.fields, '$.name'), ''), "
           "s1.name, s2.name FROM cases c "
           "LEFT JOIN students st ON st.id = c.student_id JOIN schools s1 ON s1.id = c.school_id "
           "LEFT JOIN schools s2 ON s2.id = c.target_school_id")
ORDER = (" ORDER BY CASE WHEN c.due_on IS NOT NULL AND c.due_on < ? THEN 0 ELSE 1 END, "
         "c.due_on IS NULL, c.due_on, c.id")
BUREAU = "待教育局审批"
# The states waiting for the bureau, in declaration order (workflow_spec.cpp, status_change_workflows.cpp).
WAITING = [("transfer", BUREAU), ("transfer_out", BUREAU), ("suspend", BUREAU), ("suspend", "待审批延期"),
           ("resume", BUREAU), ("dropout_report", BUREAU), ("withdrawal", BUREAU), ("repeat_grade", BUREAU),
           ("skip_grade", BUREAU), ("death", BUREAU), ("transfer_in", BUREAU)]
EXPIRING = [("transfer", "待转入校确认"), ("transfer", "待转出校确认")]
TODAY = "2026-11-29"


def query(pairs, due_before):
    any_of = " OR ".join("(c.kind = ? AND c.state = ?)" for _ in pairs)
    sql = "SELECT " + COLUMNS + " WHERE 1=1 AND ((" + any_of + "))"
    params = [v for pair in pairs for v in pair]
    if due_before:
        sql += " AND (c.due_on < ?)"
        params.append(due_before)
    return sql + ORDER, params + [TODAY]


def main():
    db = sqlite3.connect(sys.argv[1])
    sweep, sweep_params = query(EXPIRING, TODAY)
    todo, todo_params = query(WAITING, None)
    times, listed = [], 0
    for _ in range(1000):
        start = time.perf_counter()
        db.execute(sweep, sweep_params).fetchall()
        listed = len(db.execute(todo, todo_params).fetchall())
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"peer python sqlite3 (same SQL): {listed} cases, 1000 runs: p50 {times[500]:.2f} ms, p99 {times[990]:.2f} ms")


main()
