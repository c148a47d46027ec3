# A throwaway PostgreSQL 15 cluster for the test suites, sourced: initdb in a
# temporary directory (as the `postgres` system user when run as root: initdb
# refuses root), pg_ctl start on a free loopback port, trust authentication on
# loopback only. Exports EDU_PG_URL (its `postgres` database; tests create their
# own databases in it) and stops and removes the cluster when the shell exits.
# EDU_PG_PARENT: the directory to put the cluster in (default /tmp).
#   source tests/pg_cluster.sh
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PG_BIN" ]; then
  echo "pg_cluster: PostgreSQL 未安装(apt-get install postgresql)" >&2
  return 1
fi
PG_DIR=$(mktemp -d "${EDU_PG_PARENT:-/tmp}/edu-pg.XXXXXX")
PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
  cat "$PG_DIR/initdb.log" >&2
  return 1
}
as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null || {
  cat "$PG_DIR/server.log" >&2
  return 1
}
export EDU_PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
pg_cluster_stop() {
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap pg_cluster_stop EXIT
