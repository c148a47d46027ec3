# Shared set-up for the README's commands: install what is missing (Debian
# packages, npm packages), build the web UI and the C++ binary incrementally.
# Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${EDU_BUILD_DIR:-$ROOT/build}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/edubureau-ccache}"
# Paths relative to the checkout, so that every clone (CI's fresh one, a worktree) shares the cache.
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1

RUNTIME_PACKAGES=(build-essential cmake pkg-config ccache libsqlite3-dev libsodium-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev
  libminizip-dev libpugixml-dev libuchardet-dev libxlsxwriter-dev libpq-dev)
TEST_PACKAGES=(chromium fonts-noto-cjk sqlite3 curl python3 python3-pandas libreoffice-calc-nogui postgresql nginx)

# Installs the Debian packages in "$@" that are not installed yet.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> 安装系统软件包: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Node.js and npm for the web UI: Debian's, unless the machine already has them.
ensure_node() {
  command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
}

# npm ci in a folder whose node_modules is missing or older than its lock file.
ensure_node_modules() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "==> npm ci ($dir)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_web() {
  ensure_node
  ensure_node_modules "$ROOT/web"
  local newest
  newest=$(find "$ROOT/web/src" "$ROOT/web/index.html" "$ROOT/web/vite.config."* -newer "$ROOT/web/dist/index.html" 2>/dev/null | head -1 || true)
  if [ ! -f "$ROOT/web/dist/index.html" ] || [ -n "$newest" ]; then
    echo "==> 构建前端 (vite build)"
    (cd "$ROOT/web" && npx vite build --logLevel warn)
  fi
}

# build_cpp TARGET...: configure once, then build the named targets.
build_cpp() {
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  echo "==> 编译 $*"
  cmake --build "$BUILD" --parallel "$(nproc)" --target "$@"
}

# build_bench TARGET...: the Release build of the benchmarks in build-bench/
# (no tests); sets BENCH_BUILD to its directory.
build_bench() {
  BENCH_BUILD="$ROOT/build-bench"
  if [ ! -f "$BENCH_BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BENCH_BUILD" -DCMAKE_BUILD_TYPE=Release -DEDU_BUILD_TESTS=OFF -DEDU_BUILD_BENCH=ON >/dev/null
  fi
  cmake --build "$BENCH_BUILD" --parallel "$(nproc)" --target "$@"
}

# bench_databases DIR NAME: the same data on both engines, for a benchmark — an
# empty database NAME in a throwaway PostgreSQL 15 cluster under DIR
# (tests/pg_cluster.sh, removed when the shell exits) and a fresh SQLite file
# DIR/NAME.db; sets PG and SQLITE to them.
bench_databases() {
  mkdir -p "$1"
  EDU_PG_PARENT="$1" source "$ROOT/tests/pg_cluster.sh"
  psql -X -q "$EDU_PG_URL" -c "CREATE DATABASE $2" >/dev/null
  PG="${EDU_PG_URL%/*}/$2"
  SQLITE="$1/$2.db"
  rm -f "$SQLITE" "$SQLITE-wal" "$SQLITE-shm"
}
