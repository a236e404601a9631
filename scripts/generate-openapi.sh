#!/usr/bin/env bash
# Regenerates the checked-in OpenAPI document from the code.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=UTC
mkdir -p openapi
cargo run --quiet --bin csat-index -- openapi > openapi/v1.json.tmp
mv openapi/v1.json.tmp openapi/v1.json
echo "wrote openapi/v1.json"
