# The checks the command-line tests share (sourced): each runs a command into
# $TMP/out and counts it in $passed or $failed, printing the output of a failure.
passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name="$1"; shift
  if "$@" >"$TMP/out" 2>&1; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $name"; cat "$TMP/out"; fi
}
refuses() {  # refuses NAME EXPECTED_TEXT COMMAND...: must fail and say EXPECTED_TEXT
  local name="$1" text="$2"; shift 2
  if "$@" >"$TMP/out" 2>&1; then failed=$((failed + 1)); echo "FAIL: $name succeeded"; cat "$TMP/out"
  elif grep -q "$text" "$TMP/out"; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAIL: $name did not say '$text':"; cat "$TMP/out"; fi
}
