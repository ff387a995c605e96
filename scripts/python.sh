#!/usr/bin/env bash
# Runs a Python interpreter that has matplotlib: Debian's /usr/bin/python3
# (python3-matplotlib), even when `python3` on PATH is another build (pyenv)
# without Debian's packages. Usage: scripts/python.sh script.py [args...]
set -euo pipefail
for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
  if [[ -n "$candidate" && -x "$candidate" ]] && "$candidate" -c 'import matplotlib' 2>/dev/null; then
    exec "$candidate" "$@"
  fi
done
echo "scripts/python.sh: no python3 with matplotlib found; run scripts/setup.sh (installs python3-matplotlib)" >&2
exit 2
