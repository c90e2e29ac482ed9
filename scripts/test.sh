#!/usr/bin/env bash
# Run hitl's checks: ruff (lint and format), the import contracts, then the whole pytest suite.
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

# shellcheck source=scripts/lib/venv.sh
. scripts/lib/venv.sh
hitl_venv test.sh '.[dev]'

say "ruff check ."
ruff check .
say "ruff format --check ."
ruff format --check .
say "lint-imports (one-way imports and no cycles: docs/architecture.md)"
lint-imports --no-cache
say "mypy (django-stubs; strict on services and selectors: pyproject.toml)"
mypy

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
