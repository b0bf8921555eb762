#!/usr/bin/env bash
# Ensure Tesseract OCR with its Vietnamese model (Debian's tesseract-ocr and tesseract-ocr-vie), installing them when missing.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -x vie >/dev/null; then
  exit 0
fi
echo "installing tesseract-ocr and tesseract-ocr-vie from Debian's packages..." >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
PACKAGES="tesseract-ocr tesseract-ocr-vie"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $PACKAGES >&2 || {
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $PACKAGES >&2
}
