#!/usr/bin/env bash
# Installs calledit into .venv and starts the bot (SQLite file calledit.db by default).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
[ -f .env ] || { cp .env.example .env; echo "Created .env from .env.example: put your bot token in it." >&2; }
exec .venv/bin/calledit run
