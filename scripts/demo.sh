#!/usr/bin/env bash
# Set up hitl and run it: the one command for a fresh machine.
#
#   ./scripts/demo.sh            # then open http://127.0.0.1:8000/ ; Ctrl-C stops everything
#
# 1. Creates a virtualenv in .venv (HITL_VENV to change) and installs hitl into it.
# 2. Migrates the database and loads the demo data (`manage.py seed_demo`, idempotent).
# 3. Runs web (gunicorn), a Celery worker and Celery beat in the foreground until Ctrl-C.
#
# Nothing needs to be set: with no DATABASE_URL / CELERY_BROKER_URL hitl uses an SQLite file
# and a filesystem broker under var/ (HITL_DATA_DIR). PORT changes the web port (8000).
#
# Why gunicorn and not runserver: it is the server production and the Dockerfile use, it
# runs two processes next to the worker so nothing can quietly assume a single process,
# and it has no auto-reloader forking a second copy of everything behind Ctrl-C.
set -euo pipefail

cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
DATA_DIR="${HITL_DATA_DIR:-var}"
LOG_DIR="$DATA_DIR/log"
CREDENTIALS="$DATA_DIR/demo-credentials.txt" # written by seed_demo, readable by this user only

die() {
    printf 'demo.sh: %s\n' "$*" >&2
    exit 1
}

# --- 1. virtualenv and install ---------------------------------------------------------
# shellcheck source=scripts/lib/venv.sh
. scripts/lib/venv.sh
hitl_venv demo.sh .

# --- 2. database and demo data --------------------------------------------------------
mkdir -p "$LOG_DIR"
db="SQLite ($DATA_DIR/hitl.sqlite3)"
broker="filesystem ($DATA_DIR/broker)"
[ -z "${DATABASE_URL:-}" ] || db="${DATABASE_URL%%:*} (DATABASE_URL)"
[ -z "${CELERY_BROKER_URL:-}" ] || broker="${CELERY_BROKER_URL%%:*} (CELERY_BROKER_URL)"
say "Migrating the database: $db"
python manage.py migrate --noinput

say "Loading demo data (manage.py seed_demo)"
python manage.py seed_demo

# --- 3. web + worker + beat -----------------------------------------------------------
pids=()

any_alive() {
    local pid
    for pid in "${pids[@]}"; do
        kill -0 "$pid" 2>/dev/null && return 0
    done
    return 1
}

stop() {
    # A second Ctrl-C reaches the children too (Celery then shuts down cold); this function
    # still waits for them, for 15 s at most.
    trap '' INT
    trap - TERM EXIT
    [ "${#pids[@]}" -gt 0 ] || return 0
    say "Stopping web, worker and beat"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    # Celery finishes the task in hand (warm shutdown); give everyone 15 s, then insist.
    for _ in $(seq 60); do
        any_alive || break
        sleep 0.25
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    # Anything a killed parent left behind (a prefork child) is still in our process group
    # when we lead it, as we do when started from a shell.
    if [ "$(ps -o pgid= -p $$ 2>/dev/null | tr -d ' ')" = "$$" ]; then
        trap '' TERM
        kill -TERM -- -$$ 2>/dev/null || true
    fi
    pids=()
    echo "Stopped."
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop' EXIT

# Each process logs to the terminal with a prefix, and to $LOG_DIR/<name>.log. The log pipe
# ignores Ctrl-C so that it still shows how the process shuts down; it ends at end of input.
run() {
    local name="$1" prefix
    shift
    prefix="$(printf '%-6s| ' "$name")"
    "$@" > >(
        trap '' INT
        tee -a "$LOG_DIR/$name.log" | awk -v p="$prefix" '{ print p $0; fflush() }'
    ) 2>&1 &
    pids+=("$!")
}

say "Starting web (gunicorn), worker and beat; logs also in $LOG_DIR/"
web=(gunicorn hitl.wsgi --bind "127.0.0.1:$PORT" --workers 2 --access-logfile -
    --graceful-timeout 10)
# gunicorn >= 25 opens a control socket in ~/.gunicorn, shared by every copy on the machine.
if gunicorn --help 2>/dev/null | grep -q -- --no-control-socket; then web+=(--no-control-socket); fi
run web "${web[@]}"
run worker celery -A hitl worker -l info --without-mingle --without-gossip
run beat celery -A hitl beat -l info

url="http://127.0.0.1:$PORT"
up=""
for _ in $(seq 90); do
    python -c "import urllib.request as u; u.urlopen('$url/healthz', timeout=2)" 2>/dev/null \
        && up=1 && break
    kill -0 "${pids[0]}" 2>/dev/null \
        || die "web did not start; see $LOG_DIR/web.log (port $PORT taken? PORT changes it)"
    sleep 0.5
done
[ -n "$up" ] || echo "demo.sh: $url/healthz is not answering yet; see $LOG_DIR/web.log" >&2

cat <<EOF

  hitl is running at $url/
    review app  $url/            admin  $url/admin/
    API docs    $url/api/docs/   health $url/healthz  $url/readyz
  database: $db; broker: $broker
  Demo users, passwords and API tokens: printed above, and kept in $CREDENTIALS

  Ctrl-C stops web, worker and beat.

EOF

# Stay in the foreground; if one of the three dies, stop the others and say which.
names=(web worker beat)
while :; do
    for i in 0 1 2; do
        if ! kill -0 "${pids[$i]}" 2>/dev/null; then
            status=0
            wait "${pids[$i]}" || status=$?
            echo "demo.sh: ${names[$i]} exited (status $status); see $LOG_DIR/${names[$i]}.log" >&2
            stop
            exit 1
        fi
    done
    sleep 1
done
