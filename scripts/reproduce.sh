#!/usr/bin/env bash
# Reproduces results/: the reference experiment "which processing strategy
# survives which broker, and at what cost". Builds choreo, sweeps every
# scenario that opts in, and draws the plots and the tables in results/.
#
# A scenario opts in with one comment line naming its grid, e.g.
#   # reproduce: --vary broker.kind=nats,sqs,sqs_fifo,kafka
# (anything after "reproduce:" is passed to `choreo sweep`). Each such
# scenarios/NAME.ini gives results/NAME.csv (one row per run), NAME.cells.csv
# (per cell and replica, the runs that converged), NAME.txt (the sweep's
# tables and failing seeds), NAME.matrix.png (replica x first varied key),
# NAME.error.png (each replica's absolute error against it) and, when the
# model reports bytes, NAME.bandwidth.png. scenarios/phold.ini (the engine
# benchmark) is always swept as a baseline, with its closed form overlaid.
#
#   scripts/reproduce.sh                # seeds 1..20 (SEEDS=1..100 for more)
#   CHOREO=build-x/cli/choreo scripts/reproduce.sh   # use an existing binary
# Resumable: an interrupted run continues where it stopped (the sweeps
# resume); delete results/*.csv to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${SEEDS:-1..20}
choreo=${CHOREO:-$(scripts/build.sh)}
py=scripts/python.sh
mkdir -p results

# sweep NAME ARGS...: one sweep into results/NAME.csv; exit 1 (expectations
# violated) is a finding, not a failure of this script.
sweep() {
  local name=$1
  shift
  local status=0
  "$choreo" sweep "scenarios/$name.ini" --seeds "$seeds" --out "results/$name.csv" "$@" \
    >"results/$name.txt" || status=$?
  if [[ $status -ge 2 ]]; then
    echo "reproduce.sh: sweep of scenarios/$name.ini failed (exit $status)" >&2
    exit "$status"
  fi
  echo "results/$name.csv: $(($(wc -l <"results/$name.csv") - 1)) runs; table in results/$name.txt"
}

# Plots that need columns a model may not report are skipped with a note.
plots() {
  local name=$1 csv=results/$1.csv
  if head -1 "$csv" | grep -q '\.abs_error'; then
    $py scripts/plot_sweep.py "$csv" --y abs_error -o "results/$name.error.png"
  fi
  if head -1 "$csv" | grep -q '\.strategy'; then
    $py scripts/plot_matrix.py "$csv" -o "results/$name.matrix.png"
  fi
  if [[ -n $($py - "$csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print("yes" if rows and rows[0].get("delivery.bytes") else "")
PY
  ) ]]; then
    $py scripts/plot_bandwidth.py "$csv" -o "results/$name.bandwidth.png"
  fi
}

# The engine baseline: events per run against the varied delay, with PHOLD's
# closed form (N processes x duration / (lookahead + mean delay)) overlaid.
sweep phold --vary phold.mean_delay=1ms,2ms,4ms --set phold.shape=custom --set run.duration=1s --set phold.processes=1000 \
  --set expect.events_processed=1..1000000000
$py scripts/plot_sweep.py results/phold.csv --y events_processed -o results/phold.events.png \
  --overlay 'closed form: 1000 processes x 1 s / (100 us + mean delay)=1000 / (0.0001 + x)'

for ini in scenarios/*.ini; do
  name=$(basename "$ini" .ini)
  line=$(grep -m1 -E '^#[[:space:]]*reproduce:' "$ini" || true)
  [[ -z $line || $name == phold ]] && continue
  read -r -a grid <<<"${line#*reproduce:}"
  sweep "$name" "${grid[@]}"
  plots "$name"
done
echo "done: results/ (see results/README.md)"
