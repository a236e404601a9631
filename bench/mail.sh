#!/usr/bin/env sh
# Invitation fan-out by email: N contacts (default 100,000) invited by email and delivered by one
# outbox worker into an SMTP sink on loopback, on SQLite and (when reachable) PostgreSQL; prints
# messages/s and the time to the last message next to a bare-lettre ceiling measured in the same run.
#
#   bench/mail.sh [contacts]
#   CSAT_MAIL_CONCURRENCY=64 CSAT_MAIL_BATCH=500 bench/mail.sh 20000
#   CSAT_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres bench/mail.sh
#   CSAT_BENCH_BACKENDS=sqlite bench/mail.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --release --locked --example mail_fanout
exec target/release/examples/mail_fanout "${1:-100000}"
