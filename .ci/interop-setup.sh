#!/usr/bin/env bash
# Prepare the interop checkers: a separate Python environment with independent iCalendar
# parsers and a CalDAV server, and under tests/interop/node_modules Mozilla's ical.js and
# axe-core (the accessibility engine the browser tests run inside Chromium).
#
# Separate because caldav's dependencies pin python-dateutil<3 while summitcal needs 4.
# Safe to run again: an existing environment is reused and brought up to date.
#
# Environment:
#   SUMMITCAL_INTEROP_VENV  where the environment goes (default: .ci/.interop-venv)
#   PYTHON                  the interpreter to build it from (default: python3)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${SUMMITCAL_INTEROP_VENV:-$root/.ci/.interop-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  echo "interop-setup: creating $venv"
  "$python" -m venv "$venv"
fi
# Keep the environment out of version control wherever it is placed.
printf '*\n' > "$venv/.gitignore"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$root/tests/interop/requirements.txt"
"$venv/bin/python" - <<'PY'
import importlib.metadata as md
for name in ("vobject", "ical", "ics", "radicale", "caldav"):
    print(f"interop-setup: {name} {md.version(name)}")
PY

cd "$root/tests/interop"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
node -e 'const p = JSON.parse(require("fs").readFileSync("node_modules/ical.js/package.json")); console.log("interop-setup: ical.js " + p.version)'
node -e 'const p = JSON.parse(require("fs").readFileSync("node_modules/axe-core/package.json")); console.log("interop-setup: axe-core " + p.version)'
