#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang, ASan and UBSan in
# build-fuzz/, writes their dictionaries and generated seeds from the
# schemas, and runs each harness for SECONDS (default 60). Fails (exit 1) if
# a harness finds a crash, a sanitizer report, an exception or an error
# message that is not one line; the input is saved as
# build-fuzz/fuzz/crash-<harness>-*, and `build-fuzz/tests/fuzz/fuzz_<harness> FILE`
# replays it.
#   scripts/fuzz.sh            60 s per harness (what scripts/test.sh runs)
#   scripts/fuzz.sh 3600       a long run; the corpus in build-fuzz/fuzz/corpus grows across runs
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/setup.sh

echo "== Fuzz build (clang, libFuzzer, ASan + UBSan)"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCHOREO_FUZZ=ON -DCHOREO_BUILD_TESTS=OFF -DCHOREO_BUILD_BENCH=OFF >/dev/null
ninja -C build-fuzz fuzz_reader fuzz_set fuzz_inputs

work=build-fuzz/fuzz
build-fuzz/tests/fuzz/fuzz_inputs "$work"
cp scenarios/*.ini "$work/seeds/reader/"

for harness in reader set; do
  echo "== fuzz_$harness for ${seconds}s"
  mkdir -p "$work/corpus/$harness"
  log="$work/$harness.log"
  # The corpus directory comes first: libFuzzer adds what it finds there.
  status=0
  UBSAN_OPTIONS=print_stacktrace=1 build-fuzz/tests/fuzz/fuzz_$harness \
    "$work/corpus/$harness" "$work/seeds/$harness" \
    -dict="$work/$harness.dict" -max_len=8192 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/crash-$harness-" -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" || true
  if ((status != 0)); then
    tail -n 40 "$log" >&2
    echo "fuzz_$harness found a failure (exit $status): the input is $work/crash-$harness-*" >&2
    exit 1
  fi
done
