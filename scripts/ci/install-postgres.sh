#!/usr/bin/env bash
# Installs PostgreSQL 15 and builds pgvector for it on Debian 12 (bookworm).
#
# Debian 12 does not package pgvector for PostgreSQL 15, so it is built from
# Debian's own pgvector source package of the next release (trixie), fetched
# through the machine's configured Debian mirror (read from
# /etc/apt/sources.list.d/debian.sources, never hard-coded here) with a
# throw-away apt configuration that leaves the system's apt state untouched.
#
# Idempotent: packages already installed are skipped, and the build is skipped
# when vector.control is already in PostgreSQL 15's extension directory.
# Needs root only when something must be installed (CI runs as root). Set PROMPTUARY_APT_UPDATED=1 to skip the
# `apt-get update` of the system sources when the caller has just run it.
set -euo pipefail

PG_MAJOR=15
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
PACKAGES=("postgresql-${PG_MAJOR}" "postgresql-server-dev-${PG_MAJOR}" build-essential)
DEBIAN_SOURCES=/etc/apt/sources.list.d/debian.sources
PGVECTOR_SUITE=trixie

export DEBIAN_FRONTEND=noninteractive

log() { printf '[install-postgres] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

need_root() { [[ $(id -u) -eq 0 ]] || die "must run as root to $1"; }

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# --- 1. apt packages --------------------------------------------------------
missing=()
for pkg in "${PACKAGES[@]}"; do
  if is_installed "$pkg"; then
    log "$pkg already installed"
  else
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} > 0)); then
  need_root "install ${missing[*]}"
  if [[ ${PROMPTUARY_APT_UPDATED:-0} != 1 ]]; then
    log "apt-get update"
    apt-get update -q
  fi
  log "installing: ${missing[*]}"
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

[[ -x $PG_CONFIG ]] || die "$PG_CONFIG not found after installing packages"

# --- 2. pgvector ------------------------------------------------------------
ext_dir="$("$PG_CONFIG" --sharedir)/extension"
if [[ -f "$ext_dir/vector.control" ]]; then
  log "pgvector already installed ($ext_dir/vector.control); skipping build"
  exit 0
fi

need_root "build and install pgvector"
[[ -r $DEBIAN_SOURCES ]] || die "$DEBIAN_SOURCES not found; cannot locate the Debian mirror"

# Pick the stanza of debian.sources that serves the main archive (its Suites
# list a bare release name such as "bookworm", not "bookworm-security"), and
# read its URIs: and Signed-By: fields.
read -r mirror_uri signed_by < <(
  awk '
    BEGIN { RS = ""; FS = "\n" }
    {
      uri = ""; key = ""; main = 0
      for (i = 1; i <= NF; i++) {
        line = $i
        if (line ~ /^[ \t]*#/) continue
        if (line ~ /^URIs:/)      { sub(/^URIs:[ \t]*/, "", line); split(line, u, /[ \t]+/); uri = u[1] }
        if (line ~ /^Signed-By:/) { sub(/^Signed-By:[ \t]*/, "", line); key = line }
        if (line ~ /^Suites:/) {
          n = split(line, s, /[ \t]+/)
          for (j = 2; j <= n; j++) if (s[j] !~ /-/) main = 1
        }
      }
      if (main && uri != "") { print uri, (key == "" ? "-" : key); exit }
    }
  ' "$DEBIAN_SOURCES"
) || true
[[ -n ${mirror_uri:-} ]] || die "no URIs: for the main Debian archive in $DEBIAN_SOURCES"
log "using the Debian mirror configured in $DEBIAN_SOURCES"

work="$(mktemp -d "${TMPDIR:-/tmp}/pgvector-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# apt downloads as the unprivileged _apt user; let it write the work dir.
chmod 0755 "$work"
mkdir -p "$work/sources" "$work/lists/partial" "$work/cache/archives/partial" "$work/src"
if id _apt >/dev/null 2>&1; then chown _apt "$work/src" "$work/lists/partial"; fi

{
  echo "Types: deb-src"
  echo "URIs: $mirror_uri"
  echo "Suites: $PGVECTOR_SUITE"
  echo "Components: main"
  # Keyring file paths are copied; an inline (multi-line) key is not, and apt
  # then falls back to the system's trusted keyrings.
  if [[ $signed_by == /* ]]; then echo "Signed-By: $signed_by"; fi
} >"$work/sources/pgvector-src.sources"

# Only the temporary sources, lists and caches are used, so the system's apt
# lists and package caches are neither read nor overwritten.
apt_opts=(
  -o "Dir::Etc::SourceList=/dev/null"
  -o "Dir::Etc::SourceParts=$work/sources"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
)

log "fetching the $PGVECTOR_SUITE source index"
apt-get "${apt_opts[@]}" update -q
log "downloading the pgvector source package"
(cd "$work/src" && apt-get "${apt_opts[@]}" source --download-only pgvector)

shopt -s nullglob
orig=("$work"/src/pgvector_*.orig.tar.*)
shopt -u nullglob
((${#orig[@]} == 1)) || die "expected one pgvector orig tarball, found: ${orig[*]:-none}"
log "building $(basename "${orig[0]}")"

mkdir -p "$work/build"
tar -xf "${orig[0]}" -C "$work/build"
shopt -s nullglob
srcdirs=("$work"/build/*/)
shopt -u nullglob
((${#srcdirs[@]} == 1)) || die "unexpected layout of ${orig[0]}"

# OPTFLAGS="" drops pgvector's default -march=native, so the built extension
# also runs if this machine image is reused on a different CPU.
make -C "${srcdirs[0]}" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS=""
make -C "${srcdirs[0]}" install PG_CONFIG="$PG_CONFIG" OPTFLAGS=""

[[ -f "$ext_dir/vector.control" ]] || die "make install did not produce $ext_dir/vector.control"
log "pgvector installed: $(grep -E '^default_version' "$ext_dir/vector.control")"
