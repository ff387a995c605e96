#!/usr/bin/env bash
# Installs choreo's build and plotting dependencies from Debian packages, on a
# fresh Debian 12 machine. Idempotent: does nothing when all are present.
# Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  clang-format                  # scripts/check_format.sh (test.sh fails on unformatted code)
  ccache                        # faster rebuilds (used when present)
  libboost-program-options-dev  # CLI flags and the scenario file syntax
  libfmt-dev                    # formatting
  nlohmann-json3-dev            # summary.json: round-trip, locale-free floats
  libgtest-dev googletest       # tests
  librapidcheck-dev             # property tests of the CRDT laws (with shrinking)
  libbenchmark-dev              # micro-benchmarks in bench/
  python3-matplotlib            # plots in scripts/ (Debian's /usr/bin/python3)
  chromium                      # tests/sweep/report_html_test.cc renders the HTML report in a real browser (headless)
  clang-14 libclang-rt-14-dev   # scripts/fuzz.sh: libFuzzer harnesses (-fsanitize=fuzzer needs clang's runtime)
  libopenmpi-dev openmpi-bin    # `mpirun -np K choreo sweep` across machines (CMake's CHOREO_MPI finds it)
)
# Optional: the PHOLD comparison benchmark also builds against these when present.
if [[ "${CHOREO_WITH_COMPARISONS:-0}" == 1 ]]; then
  packages+=(libns3-dev libsimgrid-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) != 0 ]]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
