#!/usr/bin/env bash
# Stops the throw-away cluster started by scripts/ci/start-postgres.sh and
# deletes its data. Safe to run when nothing is running or twice in a row.
set -euo pipefail

PG_MAJOR=15
PG_BIN="${PG_BIN:-/usr/lib/postgresql/${PG_MAJOR}/bin}"
PGPORT="${PGPORT:-55432}"
STATE_FILE="${PROMPTUARY_PG_STATE_FILE:-${TMPDIR:-/tmp}/promptuary-ci-postgres-${PGPORT}.path}"

log() { printf '[stop-postgres] %s\n' "$*" >&2; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [[ ! -f $STATE_FILE ]]; then
  log "no cluster recorded in $STATE_FILE; nothing to stop"
  exit 0
fi

data="$(<"$STATE_FILE")"
if [[ -n $data && -d $data ]]; then
  if as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "stopping the cluster in $data"
    if ! as_owner "$PG_BIN/pg_ctl" -D "$data" stop -m fast -w -t 30 >/dev/null; then
      log "fast shutdown failed; forcing an immediate shutdown"
      as_owner "$PG_BIN/pg_ctl" -D "$data" stop -m immediate -w -t 30 >/dev/null
    fi
  else
    log "cluster in $data is not running"
  fi
  # Only delete directories start-postgres.sh created.
  root="$(dirname "$data")"
  if [[ $(basename "$root") == promptuary-pg.* ]]; then
    rm -rf "$root"
  fi
else
  log "data directory '$data' is gone"
fi
rm -f "$STATE_FILE"
log "stopped"
