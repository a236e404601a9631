#!/usr/bin/env bash
# The test suite: unit tests, black-box HTTP tests on SQLite, and on PostgreSQL too when
# CSAT_TEST_POSTGRES_URL names a server (each test creates and drops its own database).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=UTC
cargo test --locked "$@"
