#!/usr/bin/env bash
# Ensure DejaVu Sans (Debian's fonts-dejavu-core; Bitstream Vera licence, free), which the venue posters
# use for Vietnamese letters, installing it when missing.
set -euo pipefail
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
  exit 0
fi
echo "installing fonts-dejavu-core from Debian's packages..." >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core >&2 || {
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core >&2
}
