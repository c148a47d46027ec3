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
# new_db NAME: a fresh database for a test, named NAME within it: a file in $TMP,
# or, with EDU_PG_URL set (tests/cli/run_postgres.sh), a database ${DB_PREFIX}_NAME
# of that PostgreSQL cluster. sql_on DB SQL: the rows of SQL on DB, columns by "|".
if [ -n "${EDU_PG_URL:-}" ]; then
  new_db() { psql -X -q "$EDU_PG_URL" -c "CREATE DATABASE ${DB_PREFIX}_$1" >/dev/null && echo "${EDU_PG_URL%/*}/${DB_PREFIX}_$1"; }
  sql_on() { psql -X -q -At -F'|' -v ON_ERROR_STOP=1 "$1" <<<"$2"; }
else
  new_db() { echo "$TMP/$1.db"; }
  sql_on() { sqlite3 "$1" "$2"; }
fi
