#!/usr/bin/env bash
# Two `edubureau serve` on one PostgreSQL database (tests/pg_cluster.sh's
# throwaway cluster) behind an nginx upstream (round-robin, a temporary
# config on free loopback ports): a login through nginx holds for requests
# that nginx hands to either server; a session made on one server is honoured
# by the other, and a logout on one ends it on both; a write on one is read on
# the other; failed logins on either spend one budget (3 on one server and 2
# on the other lock the username on both). Exits 77 (skipped) when nginx is
# not installed.
# Usage: two_servers_test.sh PATH_TO_EDUBUREAU
set -u
BIN="$1"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx 未安装(apt-get install nginx),跳过"; exit 77; }
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../pg_cluster.sh" || exit 1
TMP=$(mktemp -d)
PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$TMP"
  pg_cluster_stop
}
trap stop_all EXIT
source "$HERE/../cli/checks.sh"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

psql -X -q "$EDU_PG_URL" -c "CREATE DATABASE two_servers" >/dev/null || exit 1
DB="${EDU_PG_URL%/*}/two_servers"
"$BIN" --db "$DB" init --county 青山县 --code 430521 --admin admin --password Qingshan2026x >"$TMP/init.log" 2>&1 ||
  { cat "$TMP/init.log"; exit 1; }

P1=$(free_port) P2=$(free_port) PN=$(free_port)
for port in "$P1" "$P2"; do
  "$BIN" --db "$DB" serve --host 127.0.0.1 --port "$port" --web "" --behind-proxy >"$TMP/server-$port.log" 2>&1 &
  PIDS+=($!)
done
mkdir -p "$TMP/nginx"
cat >"$TMP/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 64; }
http {
    log_format upstream '\$request_method \$uri \$upstream_addr \$status';
    access_log $TMP/nginx/access.log upstream;
    client_body_temp_path $TMP/nginx/body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    upstream edubureau {
        server 127.0.0.1:$P1;
        server 127.0.0.1:$P2;
    }
    server {
        listen 127.0.0.1:$PN;
        location / {
            proxy_pass http://edubureau;
            proxy_http_version 1.1;
            proxy_set_header Host \$host;
            proxy_set_header X-Real-IP \$remote_addr;
        }
    }
}
CONF
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log" -g 'daemon off;' >"$TMP/nginx/out.log" 2>&1 &
PIDS+=($!)
for port in "$P1" "$P2" "$PN"; do
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/auth/me")" = 401 ] && break
    sleep 0.1
  done
done

# call JAR METHOD URL [JSON]: the body, then the status on a line of its own
call() {
  local jar="$1" method="$2" url="$3" body="${4:-}" csrf
  csrf=$(cat "$jar.csrf" 2>/dev/null)
  curl -s -b "$jar" -c "$jar" -X "$method" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    ${body:+--data "$body"} -w '\n%{http_code}' "$url"
}
status() { tail -n 1; }
login() {  # login JAR BASE_URL: logs in as admin, keeps the cookie and the CSRF token
  call "$1" POST "$2/api/v1/auth/login" '{"username":"admin","password":"Qingshan2026x"}' | head -n 1 |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["csrf_token"])' >"$1.csrf"
}
NG="http://127.0.0.1:$PN" S1="http://127.0.0.1:$P1" S2="http://127.0.0.1:$P2"

check "login through nginx" login "$TMP/via" "$NG"
for i in 1 2 3 4 5 6; do
  check "request $i through nginx keeps the session" test "$(call "$TMP/via" GET "$NG/api/v1/auth/me" | status)" = 200
done
served_by() { grep -c "^GET /api/v1/auth/me 127.0.0.1:$1 200" "$TMP/nginx/access.log"; }
check "nginx handed the session's requests to both servers" test "$(served_by "$P1")" = 3 -a "$(served_by "$P2")" = 3

check "login on server 1" login "$TMP/one" "$S1"
check "server 2 honours server 1's session" bash -c "curl -s -b '$TMP/one' '$S2/api/v1/auth/me' | grep -q '\"username\":\"admin\"'"
user='{"username":"zhang_ju","display_name":"张局","password":"Zhangju2026x","role":"bureau_admin"}'
check "a write on server 2 with server 1's session" test "$(call "$TMP/one" POST "$S2/api/v1/users" "$user" | status)" = 201
check "server 1 reads it" bash -c "curl -s -b '$TMP/one' '$S1/api/v1/users' | grep -q '\"username\":\"zhang_ju\"'"
cp "$TMP/one" "$TMP/one.kept"  # the cookie as it was: logout clears it in the jar
check "logout on server 2" test "$(call "$TMP/one" POST "$S2/api/v1/auth/logout" "{}" | status)" = 200
check "the session is over on server 1 too" test "$(curl -s -o /dev/null -w '%{http_code}' -b "$TMP/one.kept" "$S1/api/v1/auth/me")" = 401
check "the nginx session is another and still holds" test "$(call "$TMP/via" GET "$NG/api/v1/auth/me" | status)" = 200

wrong='{"username":"zhang_ju","password":"Wrong2026x"}' right='{"username":"zhang_ju","password":"Zhangju2026x"}'
for i in 1 2 3; do check "failed login $i on server 1" test "$(call "$TMP/guess" POST "$S1/api/v1/auth/login" "$wrong" | status)" = 401; done
for i in 4 5; do check "failed login $i on server 2" test "$(call "$TMP/guess" POST "$S2/api/v1/auth/login" "$wrong" | status)" = 401; done
check "server 1 refuses the username after 5 failures on both" test "$(call "$TMP/guess" POST "$S1/api/v1/auth/login" "$right" | status)" = 429
check "server 2 refuses it too" test "$(call "$TMP/guess" POST "$S2/api/v1/auth/login" "$right" | status)" = 429
check "through nginx too" test "$(call "$TMP/guess" POST "$NG/api/v1/auth/login" "$right" | status)" = 429
check "another username from the same address logs in" login "$TMP/after" "$S2"
echo "two servers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
