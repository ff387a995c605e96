#!/usr/bin/env bash
# From a fresh Debian 12 machine to a first result: installs the dependencies,
# builds choreo, runs scenarios/default.ini (the readable summary goes to the
# terminal, summary.json and timeseries.csv to out/default/) and plots the
# run to out/default/run.png.
#   scripts/quickstart.sh [extra `choreo run` flags, e.g. --seed 7]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
choreo=$(scripts/build.sh)
status=0
"$choreo" run scenarios/default.ini --out out/default "$@" || status=$?
if [[ $status -ge 2 ]]; then exit "$status"; fi
if [[ -f out/default/timeseries.csv ]]; then
  scripts/python.sh scripts/plot_run.py out/default/timeseries.csv -o out/default/run.png
  echo "plot: out/default/run.png"
fi
exit "$status"
