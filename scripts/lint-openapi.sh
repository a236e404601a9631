#!/usr/bin/env bash
# Validates and lints the checked-in OpenAPI documents with pinned tools, installed into project-local
# folders when missing: openapi-spec-validator (scripts/openapi-lint/requirements.txt, in
# target/openapi-lint/venv) validates openapi/v1.json and its 3.0.3 down-conversion; Redocly CLI
# (scripts/openapi-lint/package-lock.json) lints openapi/v1.json with the `recommended` rules plus
# RFC 9457 problem details on every 4xx (scripts/openapi-lint/redocly.yaml; no rule is turned off).
# Fails on any validation error or lint error.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export LC_ALL=C.UTF-8 TZ=UTC
tools="$(pwd)/scripts/openapi-lint"
local_dir="$(pwd)/target/openapi-lint"
venv="$local_dir/venv"
export PIP_CACHE_DIR="$local_dir/pip-cache" PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
export npm_config_cache="$local_dir/npm-cache" REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

if ! cmp -s "$tools/requirements.txt" "$venv/.installed-requirements.txt" 2>/dev/null; then
    mkdir -p "$local_dir"
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv" </dev/null
    "$venv/bin/python" -m pip install --quiet --require-virtualenv -r "$tools/requirements.txt" </dev/null
    cp "$tools/requirements.txt" "$venv/.installed-requirements.txt"
fi
(cd "$tools" && npm ci --no-audit --no-fund --loglevel=error </dev/null)

for document in openapi/v1.json openapi/v1-3.0.json; do
    [[ -f "$document" ]] && "$venv/bin/openapi-spec-validator" "$document"
done
"$tools/node_modules/.bin/redocly" lint openapi/v1.json --config "$tools/redocly.yaml" --format stylish </dev/null
