#!/usr/bin/env bash
# The contract and its SDKs: validates and lints the spec, regenerates every SDK and fails on drift,
# then runs each SDK's journey test (TypeScript with node's test runner, Python with pytest, Rust with
# cargo test, the latter on PostgreSQL too when CSAT_TEST_POSTGRES_URL is set) against the real binary.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export LC_ALL=C.UTF-8 TZ=UTC
scripts/lint-openapi.sh
scripts/generate-sdks.sh --check
for language in typescript python rust; do
    echo "sdk-test: $language journey" >&2
    "sdk/$language/test.sh" </dev/null
done
