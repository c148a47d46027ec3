#!/usr/bin/env bash
# Runs every test: unit and API suites (GoogleTest under CTest) and the
# end-to-end browser test (Playwright driving Debian's Chromium).
# Installs what is missing and builds only what the tests need.
source "$(dirname "$0")/common.sh"
ensure_packages "${RUNTIME_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
build_web
ensure_node_modules "$ROOT/tests/e2e"
build_cpp all   # the binary, every test suite and the fuzz corpus replays
cd "$BUILD"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
