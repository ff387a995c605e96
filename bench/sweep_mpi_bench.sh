#!/usr/bin/env bash
# Wall time of one `choreo sweep` grid under `mpirun -np 1, 2, 3` and, with
# the same binary without mpirun, at -j 1 and -j 2: interleaved (np1 np2 np3
# j1 j2, REPS times), median per configuration, the load average before and
# after, and whether every CSV has the bytes of -j 1. Not a test (no
# assertion; wall time depends on the machine and its load).
#
#   bench/sweep_mpi_bench.sh
# Environment: SEEDS (default 1..200), REPS (default 5), CHOREO (a choreo
# built with MPI; default: scripts/build.sh's). The grid is
# scenarios/phold.ini with run.duration=1s and the quantized delay shape
# (about 900,000 events per run; mpirun itself takes ~2 s to start). More
# ranks than cores are oversubscribed.
set -euo pipefail
cd "$(dirname "$0")/.."
choreo=${CHOREO:-$(scripts/build.sh)}
seeds=${SEEDS:-1..200}
reps=${REPS:-5}
command -v mpirun >/dev/null || {
  echo "sweep_mpi_bench: mpirun not found (scripts/setup.sh installs openmpi-bin)" >&2
  exit 2
}
grid=(scenarios/phold.ini --seeds "$seeds" --set run.duration=1s --set phold.shape=quantized)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

# one CONFIG REP: runs one whole sweep (the CSV starts empty) and appends
# its wall seconds to $dir/CONFIG.times.
one() {
  local config=$1 csv="$dir/$1.$2.csv" start end
  start=$(date +%s.%N)
  case $config in
    np*) mpirun --oversubscribe -np "${config#np}" "$choreo" sweep "${grid[@]}" --out "$csv" ;;
    j*) "$choreo" sweep "${grid[@]}" -j "${config#j}" --out "$csv" ;;
  esac >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l >>"$dir/$config.times"
}

configs=(np1 np2 np3 j1 j2)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq "$reps"); do
  for config in "${configs[@]}"; do one "$config" "$rep"; done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

runs=$(($(wc -l <"$dir/j1.1.csv") - 1))
printf 'sweep MPI bench: %s, %d runs per sweep, %d cores, median of %d interleaved repetitions\n' \
  "${grid[*]}" "$runs" "$(nproc)" "$reps"
printf 'load average before: %s, after: %s\n' "$load_before" "$load_after"
for config in "${configs[@]}"; do
  median=$(sort -g "$dir/$config.times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  same=yes
  for rep in $(seq "$reps"); do cmp -s "$dir/$config.$rep.csv" "$dir/j1.1.csv" || same=NO; done
  printf '  %-4s %7.2f s median (%s)  CSV = -j 1 bytes: %s\n' "$config" "$median" \
    "$(sort -g "$dir/$config.times" | xargs printf '%.1f ')" "$same"
done
