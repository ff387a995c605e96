#!/usr/bin/env bash
# Runs the PHOLD benchmark and prints its table: choreo's event queue
# (sim::EventQueue in a bare event loop) and whole engine (Simulation running
# models/phold) against a std::priority_queue loop with 16-byte events, a
# 4-ary heap, Brown's calendar queue, ns-3 and SimGrid (each built only when
# libns3-dev / libsimgrid-dev are installed: CHOREO_WITH_COMPARISONS=1
# scripts/setup.sh), on the standard and the quantized delay shape, in
# configurations (a) N=1,000 M=1, (b) N=100,000 M=1, (c) N=1,000 M=100.
# Each repetition runs every implementation once, one after another; the
# table gives medians and same-repetition ratios over 5 repetitions, the
# load average at the start of each, and bytes per pending event.
#
#   scripts/bench_phold.sh [phold_bench flags...]
#   e.g. scripts/bench_phold.sh --reps 5 --configs b --shapes standard --impls choreo-queue,calendar
#
# Builds what it needs (Release) in build-bench/ (BUILD_DIR overrides), and
# prints the machine, date and command first. Takes about 25 minutes.
# Not a test: it asserts nothing, and the numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-bench}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHOREO_BUILD_TESTS=OFF >/dev/null
targets=(phold_bench)
for t in phold_ns3 phold_simgrid; do
  if ninja -C "$build_dir" -t targets all | grep -q "^$t:"; then targets+=("$t"); fi
done
ninja -C "$build_dir" -j2 "${targets[@]}" >&2
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
echo "command: scripts/bench_phold.sh $*"
"$build_dir/bench/phold_bench" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
