#!/bin/bash
# The independent check: a demo county's exams analysed by the binary and
# recomputed by tests/exam_check.py (pandas) from the same SQLite file.
# Usage: exam_check.sh EDUBUREAU PYTHON3
set -euo pipefail
bin=$1
python=$2
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --db "$work/demo.db" demo --scale 0.3 > /dev/null
for exam in 1 2; do
  "$bin" --db "$work/demo.db" exam results --exam "$exam" --level school --json > "$work/results$exam.json"
  "$python" "$here/exam_check.py" "$work/demo.db" "$work/results$exam.json" "$exam"
done
