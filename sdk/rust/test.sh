#!/usr/bin/env bash
# Tests the Rust SDK: the generator's unit tests (the down-conversion), formatting, and the
# journey test (tests/journey.rs), which starts the server binary on a fresh SQLite file, and on
# a fresh PostgreSQL database too when CSAT_TEST_POSTGRES_URL is set (it needs `psql` then).
# Builds the server binary first (cargo build --locked --bin csat-index at the repository root);
# CSAT_BIN overrides which binary the journey starts. Works from any cwd, without stdin.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export LC_ALL=C.UTF-8 TZ=UTC
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$target"
export CARGO_TARGET_DIR="$(cd "$target" && pwd)"

(cd "$root" && cargo build --locked --bin csat-index </dev/null)
export CSAT_BIN="${CSAT_BIN:-$CARGO_TARGET_DIR/debug/csat-index}"

# (The quickstarts in README.md and sdk/rust/README.md are checked by the root crate's tests.)
cargo fmt --check --manifest-path "$here/generator/Cargo.toml"
cargo fmt --check --manifest-path "$here/Cargo.toml"
cargo test --locked --manifest-path "$here/generator/Cargo.toml" </dev/null
cargo test --locked --manifest-path "$here/Cargo.toml" </dev/null
if [[ -z "${CSAT_TEST_POSTGRES_URL:-}" ]]; then
    echo "sdk/rust/test.sh: the journey ran on SQLite only (journey_on_postgres skipped: CSAT_TEST_POSTGRES_URL is not set)"
fi
