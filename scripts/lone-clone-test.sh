#!/usr/bin/env bash
# A lone clone passes: clone the committed HEAD into a temporary folder with no ../shared beside it,
# then run the suite's fast part there with this checkout's virtualenv: every test is collected, and
# the tests that read ../shared run and skip with their one-line reason.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
git clone --quiet --no-checkout "$ROOT" "$WORK/khaibao"
git -C "$WORK/khaibao" checkout --quiet "$(git -C "$ROOT" rev-parse HEAD)"
cd "$WORK/khaibao"
test ! -e ../shared
export PYTHONPATH="$PWD"
"$PYTHON" -m pytest --collect-only -q -p no:cacheprovider >/dev/null
"$PYTHON" -m pytest -q -rs -p no:cacheprovider tests/directive tests/test_notices.py | tee "$WORK/report"
grep -q "is absent (a lone clone)" "$WORK/report"
