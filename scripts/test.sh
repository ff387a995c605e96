#!/usr/bin/env bash
# Builds choreo and runs every test, twice: a Release build with warnings as
# errors, then an AddressSanitizer + UndefinedBehaviorSanitizer build; then
# runs each libFuzzer harness for 60 seconds (scripts/fuzz.sh; long runs are
# scripts/fuzz.sh SECONDS by hand).
# This is the command README.md gives and the one CI (.ci/run) calls.
#   scripts/test.sh            everything
#   scripts/test.sh -L sim     only tests labelled sim (ctest arguments pass through; no fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

echo "== Format (.clang-format)"
scripts/check_format.sh

echo "== Release build (-Wall -Wextra -Werror)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHOREO_WERROR=ON >/dev/null
ninja -C build
(cd build && ctest --output-on-failure -j "$jobs" "$@")

echo "== ASan + UBSan build"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHOREO_WERROR=ON \
  -DCHOREO_SANITIZE=ON -DCHOREO_BUILD_BENCH=OFF >/dev/null
ninja -C build-asan
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs" "$@")

# The scenario reader and --set values under libFuzzer (clang, ASan + UBSan),
# 60 seconds each; a crash, a sanitizer report or a two-line error fails here.
if (($# == 0)); then
  echo "== Fuzz (60 s per harness)"
  scripts/fuzz.sh 60
fi
