#!/usr/bin/env bash
# Ensure the zbar library the QR scanning tests decode with (Debian's libzbar0), installing it when missing.
set -euo pipefail
LDCONFIG="$(command -v ldconfig || echo /sbin/ldconfig)"
if "$LDCONFIG" -p 2>/dev/null | grep 'libzbar\.so\.0' >/dev/null; then  # no -q: an early exit fails the pipe
  exit 0
fi
echo "installing libzbar0 from Debian's packages..." >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libzbar0 >&2 || {
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libzbar0 >&2
}
