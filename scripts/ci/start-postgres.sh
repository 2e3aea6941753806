#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster for tests and prints its URL.
#
#   URL=$(scripts/ci/start-postgres.sh)   # postgresql://postgres@127.0.0.1:55432/postgres
#   scripts/ci/stop-postgres.sh           # stops it and deletes its data
#
# The cluster lives in a fresh temporary directory, listens only on 127.0.0.1
# (port $PGPORT, default 55432) with trust authentication, and is tuned for
# speed, not durability. The data directory's path is written to a state file
# (default ${TMPDIR:-/tmp}/promptuary-ci-postgres-$PGPORT.path, override with
# PROMPTUARY_PG_STATE_FILE) for stop-postgres.sh.
#
# Re-runnable: if the cluster recorded in the state file is still running it
# is reused; a stale state file (crashed or deleted cluster) is cleaned up and
# a new cluster is created. Only the URL goes to stdout; progress goes to stderr.
set -euo pipefail

PG_MAJOR=15
PG_BIN="${PG_BIN:-/usr/lib/postgresql/${PG_MAJOR}/bin}"
PGPORT="${PGPORT:-55432}"
PG_HOST=127.0.0.1
PG_SUPERUSER=postgres
STATE_FILE="${PROMPTUARY_PG_STATE_FILE:-${TMPDIR:-/tmp}/promptuary-ci-postgres-${PGPORT}.path}"
URL="postgresql://${PG_SUPERUSER}@${PG_HOST}:${PGPORT}/postgres"

log() { printf '[start-postgres] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

for tool in initdb pg_ctl pg_isready; do
  [[ -x "$PG_BIN/$tool" ]] || die "$PG_BIN/$tool not found; run scripts/ci/install-postgres.sh"
done
command -v psql >/dev/null || die "psql not found; run scripts/ci/install-postgres.sh"

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  die "running as root but there is no 'postgres' user to own the cluster"
fi

ready() { "$PG_BIN/pg_isready" -q -h "$PG_HOST" -p "$PGPORT" -d postgres -U "$PG_SUPERUSER"; }

# Proves the extension is installed and loads, without leaving it created, so
# migrations and tests decide for themselves when to CREATE EXTENSION.
check_vector() {
  if ! psql "$URL" -v ON_ERROR_STOP=1 -qAt >/dev/null <<'SQL'
SET client_min_messages = warning;
BEGIN;
CREATE EXTENSION IF NOT EXISTS vector;
SELECT '[1,2,3]'::vector <=> '[1,2,4]'::vector;
ROLLBACK;
SQL
  then
    die "CREATE EXTENSION vector failed; run scripts/ci/install-postgres.sh"
  fi
}

# --- reuse a cluster from an earlier run, or clean up after it ---------------
if [[ -f $STATE_FILE ]]; then
  old_data="$(<"$STATE_FILE")"
  if [[ -n $old_data && -d $old_data ]] && as_owner "$PG_BIN/pg_ctl" -D "$old_data" status >/dev/null 2>&1; then
    for _ in $(seq 1 60); do ready && break; sleep 0.5; done
    if ready; then
      log "reusing the running cluster in $old_data"
      check_vector
      printf '%s\n' "$URL"
      exit 0
    fi
    log "cluster in $old_data runs but does not answer; stopping it"
    as_owner "$PG_BIN/pg_ctl" -D "$old_data" stop -m immediate -w >/dev/null 2>&1 || true
  fi
  log "removing stale state from an earlier run"
  if [[ -n $old_data && $(basename "$(dirname "$old_data")") == promptuary-pg.* ]]; then
    rm -rf "$(dirname "$old_data")"
  fi
  rm -f "$STATE_FILE"
fi

if ready || (exec 3<>"/dev/tcp/$PG_HOST/$PGPORT") 2>/dev/null; then
  die "port $PGPORT on $PG_HOST is already in use by another process; set PGPORT to a free port"
fi

# --- create and start a fresh cluster ----------------------------------------
root="$(mktemp -d "${TMPDIR:-/tmp}/promptuary-pg.XXXXXX")"
data="$root/data"
logfile="$root/postgres.log"
started=0
cleanup_on_failure() {
  [[ $started == 1 ]] && return
  if [[ -f "$data/postmaster.pid" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$data" stop -m immediate -w >/dev/null 2>&1 || true
  fi
  [[ -f $logfile ]] && tail -n 30 "$logfile" >&2
  rm -rf "$root"
  rm -f "$STATE_FILE"
}
trap cleanup_on_failure EXIT
chmod 0755 "$root"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$root"; fi

log "initdb into $data"
as_owner "$PG_BIN/initdb" -D "$data" -U "$PG_SUPERUSER" --auth=trust -E UTF8 --locale=C >/dev/null

cat >>"$data/postgresql.conf" <<CONF

# --- throw-away test cluster (scripts/ci/start-postgres.sh) ---
listen_addresses = '$PG_HOST'
port = $PGPORT
unix_socket_directories = '$root'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

printf '%s\n' "$data" >"$STATE_FILE"

log "starting PostgreSQL $PG_MAJOR on $PG_HOST:$PGPORT (log: $logfile)"
as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start >/dev/null

for _ in $(seq 1 60); do ready && break; sleep 0.5; done
ready || { log "server did not become ready"; false; }

# initdb -U postgres already made the postgres superuser and the postgres
# database; this is a no-op safety net should that ever change.
psql "postgresql://${PG_SUPERUSER}@${PG_HOST}:${PGPORT}/template1" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
SELECT 'CREATE DATABASE postgres OWNER ${PG_SUPERUSER}'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'postgres')\gexec
SQL
check_vector

started=1
log "ready: $URL"
printf '%s\n' "$URL"
