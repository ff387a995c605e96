#!/usr/bin/env bash
# Wall time of a 1,000-seed `choreo sweep` at -j1 and -j2 and the speedup
# between them. Not a test (no assertion; wall time varies by machine).
#
#   bench/sweep_bench.sh [SCENARIO.ini] [extra sweep flags...]
# Default: scenarios/phold.ini with run.duration=100ms and the quantized
# delay shape (about 90,000 events per run, 1,000 processes). SEEDS=1..1000 and CHOREO=path/to/choreo override.
set -euo pipefail
cd "$(dirname "$0")/.."
choreo=${CHOREO:-$(scripts/build.sh)}
seeds=${SEEDS:-1..1000}
scenario=${1:-scenarios/phold.ini}
shift || true
extra=("$@")
if [[ ${#extra[@]} -eq 0 && $scenario == scenarios/phold.ini ]]; then
  extra=(--set run.duration=100ms --set phold.shape=quantized)
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# run J: prints the wall seconds of one full sweep with -j J.
run() {
  local start end
  start=$(date +%s.%N)
  "$choreo" sweep "$scenario" --seeds "$seeds" -j "$1" --out "$dir/j$1.csv" "${extra[@]}" >/dev/null 2>&1 || [[ $? -eq 1 ]]
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

t1=$(run 1)
t2=$(run 2)
cmp -s "$dir/j1.csv" "$dir/j2.csv" && same=yes || same=NO
runs=$(($(wc -l <"$dir/j1.csv") - 1))
printf 'sweep bench: %s %s, %d runs, %d cores\n' "$scenario" "${extra[*]}" "$runs" "$(nproc)"
printf '  -j1: %.2f s (%.1f runs/s)\n' "$t1" "$(echo "$runs / $t1" | bc -l)"
printf '  -j2: %.2f s (%.1f runs/s)\n' "$t2" "$(echo "$runs / $t2" | bc -l)"
printf '  speedup -j1 -> -j2: %.2fx; CSVs byte-identical: %s\n' "$(echo "$t1 / $t2" | bc -l)" "$same"
