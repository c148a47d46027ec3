#!/usr/bin/env bash
# Benchmark of exam quality monitoring (figures go to BENCHMARKS.md): a city of
# 200,000 students × 9 subjects — CSV score import, load, the full analysis, and
# the same aggregates in SQLite SQL and pandas.
# Usage: bench/run_exam.sh [STUDENTS]
source "$(dirname "$0")/../scripts/common.sh"
ensure_packages "${RUNTIME_PACKAGES[@]}" python3 python3-pandas
build_bench bench_exam
BUILD="$BENCH_BUILD"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
# Debian's python3 (with python3-pandas) ahead of any other on the PATH.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
PATH="/usr/bin:$PATH" "$BUILD/bench/bench_exam" "$OUT" "$ROOT/bench" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
