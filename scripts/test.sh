#!/usr/bin/env bash
# The test suite: unit tests, black-box HTTP tests on SQLite, and on PostgreSQL too when
# CSAT_TEST_POSTGRES_URL names a server (each test creates and drops its own database), and the fault
# tests against the real binary (tests/faults: kill -9, database outage, replicas, slow clients; set
# CSAT_SKIP_FAULTS=1 to leave them out), then the
# browser test of the survey page in headless Chromium (installed by scripts/browser-test.sh when
# missing; set CSAT_SKIP_BROWSER=1 to leave it out), then contract fuzzing of the live server with the
# pinned schemathesis on the same backends (scripts/fuzz.sh; set CSAT_SKIP_FUZZ=1 to leave it out),
# then the spec's lint, the SDKs' drift check and their journey tests (scripts/sdk-test.sh; installs
# the pinned npm and pip packages into project-local folders; set CSAT_SKIP_SDK=1 to leave it out).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=UTC
cargo test --locked "$@"
# The README's walk-through, run as written against a fresh server (CSAT_SKIP_WALKTHROUGH=1 leaves it out).
if [ "${CSAT_SKIP_WALKTHROUGH:-0}" != "1" ]; then
    scripts/walkthrough.sh
fi
if [ "${CSAT_SKIP_BROWSER:-0}" != "1" ]; then
    scripts/browser-test.sh
fi
if [ "${CSAT_SKIP_FUZZ:-0}" != "1" ]; then
    scripts/fuzz.sh
fi
if [ "${CSAT_SKIP_SDK:-0}" != "1" ]; then
    scripts/sdk-test.sh
fi
