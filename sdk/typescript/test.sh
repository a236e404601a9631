#!/usr/bin/env bash
# Tests the TypeScript SDK as committed (generates nothing): installs from package-lock.json
# (project-local), builds the package (tsc, skipLibCheck false) and the tests against its dist/,
# builds the server binary, and runs the journey test with node's test runner. The test starts
# the binary itself ($CSAT_BIN) on a fresh SQLite file on a free loopback port.
# Works from any cwd, without stdin.
set -euo pipefail
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
repo="$(readlink -f "$here/../..")"
export LC_ALL=C.UTF-8 TZ=UTC
export npm_config_cache="$repo/target/npm-cache"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error </dev/null
npm run --silent build </dev/null
npm run --silent build:test </dev/null

(cd "$repo" && cargo build --locked --bin csat-index </dev/null)
target="${CARGO_TARGET_DIR:-$repo/target}"
export CSAT_BIN="${CSAT_BIN:-$(cd "$repo" && readlink -f "$target")/debug/csat-index}"

node --test build/test/journey.test.js </dev/null
