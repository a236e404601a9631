#!/usr/bin/env bash
# The benchmark suite, one command: builds the release binary once, installs wrk (Debian's package)
# when missing, and on SQLite and on PostgreSQL prints
#   - compliance with 10,000 memberships and 1,000,000 responses (examples/bench.rs), and
#   - the HTTP figures of the release server under wrk (bench/http.sh), and
#   - invitation fan-out by email to an SMTP sink on loopback (bench/mail.sh; 100,000 contacts),
# each figure next to a ceiling measured in the same run; writes everything to bench/RESULTS.md.
# Loopback only; not part of the test command.
# Usage: bench/run.sh [memberships] [responses-per-membership]
# PostgreSQL: CSAT_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); the
# databases are created and dropped here. CSAT_BENCH_SKIP_COMPLIANCE=1 and CSAT_BENCH_SKIP_MAIL=1 leave
# those parts out; CSAT_BENCH_MAIL_CONTACTS sets the fan-out's size.
set -euo pipefail
cd "$(dirname "$0")/.."
memberships="${1:-10000}"
per_membership="${2:-100}"
admin_url="${CSAT_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
cargo build --release --locked --bin csat-index --example bench --example bench_http --example mail_fanout
bin=target/release/examples/bench

if ! command -v wrk >/dev/null; then
    if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
        echo "installing wrk (Debian package)" >&2
        apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } || true
    fi
fi
have_wrk=1
command -v wrk >/dev/null || { have_wrk=0; echo "wrk is not installed and apt-get is unavailable here: the HTTP figures are skipped" >&2; }

work="$(mktemp -d)"
# Named here, in the shell whose exit trap drops them (the figures below run in a pipeline's subshell).
databases=("csat_bench_$$" "csat_bench_http_$$")
cleanup() {
    rm -rf "$work"
    for database in "${databases[@]}"; do
        psql "$admin_url" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
    done
}
trap cleanup EXIT
# Creates the fresh PostgreSQL database $1 and prints its URL; fails when the server is unreachable.
postgres_database() {
    psql "$admin_url" -qc "CREATE DATABASE $1" >/dev/null 2>&1 && echo "${admin_url%/*}/$1"
}
out="$work/results.md"
{
    echo "# Benchmark results"
    echo
    echo "\`bench/run.sh $memberships $per_membership\` on $(nproc) cores ($(uname -m)), $(date -u +%Y-%m-%d), release build, loopback."
    echo "Each figure stands next to a ceiling measured in the same run."
    echo
    if [[ "${CSAT_BENCH_SKIP_COMPLIANCE:-0}" != 1 ]]; then
        echo "# Compliance, one request at a time"
        echo
        echo "The ratio is what the API costs over that floor."
        echo
        "$bin" "sqlite://$work/bench.db" "$memberships" "$per_membership"
        echo
        if pg="$(postgres_database "${databases[0]}")"; then
            "$bin" "$pg" "$memberships" "$per_membership"
        else
            echo "PostgreSQL at $admin_url is not reachable: skipped."
        fi
        echo
    fi
    if [[ "$have_wrk" == 1 ]]; then
        echo "# HTTP under load (wrk, ${CSAT_BENCH_SECONDS:-5} s per figure, the release server with its default workers)"
        echo
        bench/http.sh "sqlite://$work/http.db" "SQLite"
        echo
        if pg="$(postgres_database "${databases[1]}")"; then
            bench/http.sh "$pg" "PostgreSQL"
        else
            echo "PostgreSQL at $admin_url is not reachable: skipped."
        fi
    else
        echo "wrk is not installed and could not be installed: HTTP figures skipped."
    fi
    if [[ "${CSAT_BENCH_SKIP_MAIL:-0}" != 1 ]]; then
        echo
        CSAT_BENCH_POSTGRES_URL="$admin_url" target/release/examples/mail_fanout "${CSAT_BENCH_MAIL_CONTACTS:-100000}"
    fi
} | tee "$out"
cp "$out" bench/RESULTS.md
echo "wrote bench/RESULTS.md"
