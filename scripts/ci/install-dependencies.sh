#!/usr/bin/env bash
# Installs exactly what package-lock.json pins: `npm ci`, used by .ci/run and the Dockerfile.
#
# npm ci refuses a lockfile that lacks other platforms' optional binaries (darwin, win32, …); the
# package mirror this workplace uses serves only Linux ones, so a lockfile written here never has
# them. Then the locked versions are installed with `npm install`, which fails if that would change
# what the lockfile pins (scripts/ci/lockfile-unchanged.mjs: optional entries for other platforms
# come and go with the mirror), which keeps the guarantee npm ci gives.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if npm ci --no-audit --no-fund; then exit 0; fi
echo "npm ci refused the lockfile (see above); installing the locked versions with npm install instead"
before="$(mktemp "${TMPDIR:-/tmp}/promptuary-lock-before.XXXXXX.json")"
trap 'rm -f "$before"' EXIT
cp package-lock.json "$before"
npm install --no-audit --no-fund
node scripts/ci/lockfile-unchanged.mjs "$before" package-lock.json
