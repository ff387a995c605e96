#!/usr/bin/env bash
# Simulated events per second of wall time, and peak memory, of the default
# comments scenario run for longer and longer virtual times: memory should
# follow the model's live state (users, comments kept), not the event count.
# Not a test (no assertion; speed varies by machine).
#   bench/comments_bench.sh [durations...]    default: 60s 300s 600s
set -euo pipefail
cd "$(dirname "$0")/.."
choreo=${CHOREO:-$(scripts/build.sh)}
durations=("$@")
[[ ${#durations[@]} -gt 0 ]] || durations=(60s 300s 600s)
printf '%-10s %12s %10s %12s %10s\n' duration events wall_s "M events/s" "peak MiB"
for d in "${durations[@]}"; do
  out=$(mktemp -d)
  rss_kb=$( { /usr/bin/time -f '%M' "$choreo" run scenarios/default.ini --set "run.duration=$d" --json \
              --out "$out" >"$out/stdout.json"; } 2>&1 | tail -1)
  scripts/python.sh - "$out/stdout.json" "$d" "$rss_kb" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
events, wall = s["events_processed"], s["wall_time_s"]
print(f"{sys.argv[2]:<10} {events:>12} {wall:>10.3f} {events / wall / 1e6:>12.2f} {int(sys.argv[3]) / 1024:>10.1f}")
PY
  rm -rf "$out"
done
