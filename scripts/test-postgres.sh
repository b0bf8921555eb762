#!/usr/bin/env bash
# Ensure a PostgreSQL server for the test suite and print its URL on stdout (everything else on stderr).
# Reuses a server already answering on the port; otherwise installs Debian's postgresql package when
# missing and starts a private, throw-away cluster (fsync off) on 127.0.0.1.
set -euo pipefail
PORT="${KHAIBAO_TEST_PG_PORT:-55432}"
DATA="${KHAIBAO_TEST_PG_DIR:-/tmp/khaibao-test-pg}"
URL="postgresql+asyncpg://khaibao@127.0.0.1:${PORT}/postgres"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"; exit 0
fi
BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  echo "installing PostgreSQL from Debian's packages..." >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
run() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
mkdir -p "$DATA"
[ "$(id -u)" = 0 ] && chown postgres "$DATA"
if [ ! -f "$DATA/PG_VERSION" ]; then
  run "'$BIN/initdb' -D '$DATA' -A trust -U khaibao -E UTF8 --locale=C.UTF-8" >&2
fi
OPTS="-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
run "'$BIN/pg_ctl' -D '$DATA' -o '$OPTS' -l '$DATA/server.log' -w start" >&2
echo "$URL"
