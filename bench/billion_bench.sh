#!/usr/bin/env bash
# Comments per wall second and bytes per comment (peak RSS / comments
# posted) of scenarios/scale/billion.ini at 10^6, 10^7, 10^8 and 10^9
# comments (the run is cut short by run.duration; 10,000 comments per
# virtual second). Peak RSS and user CPU from /usr/bin/time -v; the load
# average is the 1-minute one as each run ends. Not a test: no
# assertion, speed varies with the machine and its load. Extra arguments
# are passed to every run, e.g. the PN-Counter run with deletes:
#   bench/billion_bench.sh --set workload.delete_fraction=10% --set replica.counts-g.strategy=pn-counter
#   SIZES="1e6 1e7" bench/billion_bench.sh     # fewer sizes
set -euo pipefail
cd "$(dirname "$0")/.."
choreo=${CHOREO:-$(scripts/build.sh)}
sizes=${SIZES:-"1e6 1e7 1e8 1e9"}
uptime
printf '%-6s %12s %10s %10s %10s %14s %12s %9s %9s %16s %s\n' size comments wall_s user_s "peak MiB" comments/s \
  bytes/comment converged abs_error trace_hash load
for size in $sizes; do
  # 100.5 us per comment (whole-microsecond gaps of mean 100 us, at least 1).
  duration=$(scripts/python.sh -c "print(int(float('$size') * 100.6e-6) + 1)")
  out=$(mktemp -d)
  /usr/bin/time -v "$choreo" run scenarios/scale/billion.ini --set "run.duration=${duration}s" "$@" --json \
    --out "$out" >"$out/stdout.json" 2>"$out/time.txt" || true
  scripts/python.sh - "$out" "$size" <<'PY'
import json, re, sys
out, size = sys.argv[1], sys.argv[2]
s = json.load(open(out + "/summary.json"))
time_txt = open(out + "/time.txt").read()
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_txt).group(1))
user_s = float(re.search(r"User time \(seconds\): ([\d.]+)", time_txt).group(1))
load = open("/proc/loadavg").read().split()[0]  # 1-minute load average as the run ends
comments = s["delivery"]["by_topic"]["comments"]["published"]  # posts, and deletes if any
r = s["replicas"][0]
print(f"{size:<6} {comments:>12} {s['wall_time_s']:>10.1f} {user_s:>10.1f} {rss_kb / 1024:>10.1f} "
      f"{comments / s['wall_time_s']:>14.0f} {rss_kb * 1024 / comments:>12.1f} {str(r['converged']):>9} "
      f"{r['abs_error']:>9} {s['trace_hash']:>16} {load}", flush=True)
PY
  rm -rf "$out"
done
