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
# The README's quickstart must be the opening of the journey test, word for word.
quickstart_test="$(sed -n '/^\/\/ quickstart:begin$/,/^\/\/ quickstart:end$/p' test/journey.test.ts | sed '1d;$d')"
quickstart_readme="$(sed -n '/^<!-- quickstart:begin -->$/,/^<!-- quickstart:end -->$/p' README.md | sed '1,2d' | sed '$d' | sed '$d')"
if [[ -z "$quickstart_test" || "$quickstart_test" != "$quickstart_readme" ]]; then
    echo "test: README.md's quickstart differs from the opening of test/journey.test.ts:" >&2
    diff <(echo "$quickstart_readme") <(echo "$quickstart_test") >&2 || true
    exit 1
fi

npm ci --no-audit --no-fund --loglevel=error </dev/null
npm run --silent build </dev/null
npm run --silent build:test </dev/null

(cd "$repo" && cargo build --locked --bin csat-index </dev/null)
target="${CARGO_TARGET_DIR:-$repo/target}"
export CSAT_BIN="${CSAT_BIN:-$(cd "$repo" && readlink -f "$target")/debug/csat-index}"

node --test build/test/journey.test.js </dev/null
