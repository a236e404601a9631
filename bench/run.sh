#!/usr/bin/env bash
# Benchmarks compliance on SQLite and PostgreSQL with 10,000 memberships and 1,000,000 responses
# (release build, loopback only) and writes the figures to bench/RESULTS.md.
# Usage: bench/run.sh [memberships] [responses-per-membership]
# PostgreSQL: CSAT_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); a database is created and dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
memberships="${1:-10000}"
per_membership="${2:-100}"
admin_url="${CSAT_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
cargo build --release --locked --example bench
bin=target/release/examples/bench
work="$(mktemp -d)"
database="csat_bench_$$"
cleanup() {
    rm -rf "$work"
    psql "$admin_url" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
out="$work/results.md"
{
    echo "# Benchmark results"
    echo
    echo "\`bench/run.sh $memberships $per_membership\` on $(nproc) cores, $(date -u +%Y-%m-%d), release build, loopback, one request at a time."
    echo "Each figure stands next to a ceiling measured in the same run; the ratio is what the API costs over that floor."
    echo
    "$bin" "sqlite://$work/bench.db" "$memberships" "$per_membership"
    echo
    if psql "$admin_url" -qc "CREATE DATABASE $database" >/dev/null 2>&1; then
        "$bin" "${admin_url%/*}/$database" "$memberships" "$per_membership"
    else
        echo "PostgreSQL at $admin_url is not reachable: skipped."
    fi
} | tee "$out"
cp "$out" bench/RESULTS.md
echo "wrote bench/RESULTS.md"
