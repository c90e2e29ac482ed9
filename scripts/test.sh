#!/usr/bin/env bash
# Run hitl's checks: ruff (lint and format), then the whole pytest suite.
#
#   ./scripts/test.sh                      # everything; arguments go to pytest:
#   ./scripts/test.sh tests/audit -x -k verify
#
# With nothing set it runs on SQLite and the filesystem broker: tests marked `postgres`, and
# `worker` tests that need a broker server, are skipped (pytest lists them in its summary).
# With DATABASE_URL=postgres://… and CELERY_BROKER_URL=redis://… it runs all of them; this
# is what .ci/run does. The virtualenv is .venv (HITL_VENV to change); it is created, and
# `pip install -e '.[dev]'` runs, when missing or when pyproject.toml changed.
set -euo pipefail

cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${HITL_VENV:-.venv}"

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
say() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
die() {
    printf 'test.sh: %s\n' "$*" >&2
    exit 1
}

if [ ! -x "$VENV/bin/python" ]; then
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found; install Python 3.11 or newer"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "hitl needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)"
    say "Creating a virtualenv in $VENV"
    "$PYTHON" -m venv "$VENV"
fi
export VIRTUAL_ENV="$PWD/$VENV"
export PATH="$VIRTUAL_ENV/bin:$PATH" # tests that start `celery` find this one

# Re-install only when pyproject.toml (or where the repository lives) changed.
stamp="$VENV/.hitl-installed-dev"
wanted="$(python -c 'import hashlib, os
print(hashlib.sha256(open("pyproject.toml", "rb").read() + os.getcwd().encode()).hexdigest())')"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    say "Installing hitl and its test tools into $VENV (pip install -e '.[dev]')"
    python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
    echo "$wanted" >"$stamp"
fi

say "ruff check ."
ruff check .
say "ruff format --check ."
ruff format --check .

db="SQLite (tests marked postgres skip)"
broker="filesystem (worker tests that need a broker server skip; the rest start a worker on it)"
[ -z "${DATABASE_URL:-}" ] || db="${DATABASE_URL%%:*}"
[ -z "${CELERY_BROKER_URL:-}" ] || broker="${CELERY_BROKER_URL%%:*}"
say "pytest — database: $db; broker: $broker"
status=0
python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    printf 'test.sh: FAILED: pytest collected no tests (exit 5); check the paths, -k, -m\n' >&2
fi
exit "$status"
