#!/usr/bin/env bash
# Runs the given command with CALLEDIT_TEST_PG naming a PostgreSQL server: the one on 127.0.0.1:5432
# when it answers, else a throwaway cluster started here on a spare port and removed afterwards.
# Usage: bash scripts/with-postgres.sh .venv/bin/python -m pytest -q
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
reachable() {
  "$PY" - "$1" <<'PYEOF' >/dev/null 2>&1
import sys, psycopg
psycopg.connect(f"postgresql://postgres@127.0.0.1:{sys.argv[1]}/postgres", connect_timeout=3).close()
PYEOF
}
if [ "${CALLEDIT_PG_THROWAWAY:-0}" != 1 ] && reachable 5432; then
  echo "PostgreSQL: using the server on 127.0.0.1:5432" >&2
  CALLEDIT_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:5432 "$@"
  exit $?
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$BIN" ]; then
  echo "PostgreSQL: installing the server package" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
DIR=$(mktemp -d /tmp/calledit-pg.XXXXXX)
chown postgres "$DIR"
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
stop() { as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap stop EXIT
echo "PostgreSQL: throwaway server on 127.0.0.1:$PORT" >&2
CALLEDIT_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:$PORT "$@"
