#!/usr/bin/env bash
# Benchmark of statistics and balanced development (figures go to BENCHMARKS.md):
# the demo county's snapshot load, full computation and what-if, and a synthetic
# province of 10,000 schools / 5,000,000 students against SQLite SQL and pandas.
# Usage: bench/run_balance.sh [SCHOOLS STUDENTS]
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages "${RUNTIME_PACKAGES[@]}" python3 python3-pandas
build_bench bench_balance
BUILD="$BENCH_BUILD"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
# Debian's python3 (with python3-pandas) ahead of any other on the PATH.
PATH="/usr/bin:$PATH" "$BUILD/bench/bench_balance" "$OUT" "$ROOT/bench" "$@"
