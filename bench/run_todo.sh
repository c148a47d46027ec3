#!/usr/bin/env bash
# Benchmark of the 待办 inbox (figures go to BENCHMARKS.md): the bureau admin's
# 待办 with 1,000 waiting cases among 21,000, against python's sqlite3 running
# the same SQL on the same file. Usage: bench/run_todo.sh
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages "${RUNTIME_PACKAGES[@]}" python3
build_bench bench_todo
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
PATH="/usr/bin:$PATH" "$BENCH_BUILD/bench/bench_todo" "$OUT" "$ROOT/bench"
