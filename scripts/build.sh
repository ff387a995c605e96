#!/usr/bin/env bash
# Configures and builds choreo into build/ (Release). Extra arguments go to
# CMake, e.g. scripts/build.sh -DCHOREO_WERROR=ON. Prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${CHOREO_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
ninja -C "$build_dir" >&2
echo "$build_dir/cli/choreo"
