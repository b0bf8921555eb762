#!/usr/bin/env bash
# Ensure Debian's Chromium for the browser tests and print its executable's path on stdout (the rest on stderr).
# Playwright drives this browser; it never downloads one of its own.
set -euo pipefail
find_chromium() { command -v chromium || command -v chromium-browser || ls /usr/bin/chromium 2>/dev/null || true; }
FOUND="$(find_chromium)"
if [ -z "$FOUND" ]; then
  echo "installing chromium from Debian's packages..." >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2 || {
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
  }
  FOUND="$(find_chromium)"
fi
[ -n "$FOUND" ] || { echo "chromium could not be installed" >&2; exit 1; }
echo "$FOUND"
