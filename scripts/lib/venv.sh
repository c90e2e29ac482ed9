# Sourced by scripts/demo.sh and scripts/test.sh (from the repository root, `set -euo pipefail`).
#
#   hitl_venv NAME SPEC   # NAME: the script's name for messages; SPEC: ".", ".[dev]"
#
# Makes sure the virtualenv $HITL_VENV (default .venv) exists, puts it first on PATH, and
# runs `pip install -e SPEC` when pyproject.toml (or where the repository lives) changed
# since the last install, so a second run starts in seconds and needs no network.

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
say() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }

hitl_venv() {
    local name="$1" spec="$2"
    local python="${PYTHON:-python3}" venv="${HITL_VENV:-.venv}"
    case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
    if [ ! -x "$venv/bin/python" ]; then
        if ! command -v "$python" >/dev/null; then
            printf '%s: %s not found; install Python 3.11 or newer\n' "$name" "$python" >&2
            exit 1
        fi
        if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            printf '%s: hitl needs Python 3.11 or newer; %s is %s\n' \
                "$name" "$python" "$("$python" -V 2>&1)" >&2
            exit 1
        fi
        say "Creating a virtualenv in $venv"
        "$python" -m venv "$venv"
    fi
    export VIRTUAL_ENV="$venv"
    export PATH="$VIRTUAL_ENV/bin:$PATH" # so `celery`, `gunicorn`, `ruff` are this venv's

    local tag="${spec//[^a-z]/}" wanted
    local stamp="$venv/.hitl-installed-${tag:-base}"
    wanted="$(python -c 'import hashlib, os
print(hashlib.sha256(open("pyproject.toml", "rb").read() + os.getcwd().encode()).hexdigest())')"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
        say "Installing hitl into $venv (pip install -e '$spec')"
        python -m pip install --quiet --disable-pip-version-check -e "$spec"
        echo "$wanted" >"$stamp"
    fi
}
