#!/usr/bin/env bash
# Regenerates every client SDK from openapi/v1.json alone, with the generator versions pinned in each
# SDK's lock files: sdk/typescript, sdk/python and sdk/rust (whose generator also writes the 3.0.3
# down-conversion openapi/v1-3.0.json). Each sdk/<language>/generate.sh empties its generated folder first.
# With --check, it then fails when anything under openapi/ or sdk/ differs from what is committed
# (untracked files included): the spec changed without regenerating, or generated code was edited.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export LC_ALL=C.UTF-8 TZ=UTC
for language in typescript python rust; do
    echo "generate-sdks: $language" >&2
    "sdk/$language/generate.sh" </dev/null
done
if [[ "${1:-}" == "--check" ]]; then
    drift="$(git status --porcelain --untracked-files=all -- openapi sdk)"
    if [[ -n "$drift" ]]; then
        echo "generate-sdks: the SDKs or the spec differ from what is committed:" >&2
        echo "$drift" >&2
        git --no-pager diff --stat -- openapi sdk >&2
        echo "Regenerate with scripts/generate-openapi.sh && scripts/generate-sdks.sh and commit the result." >&2
        exit 1
    fi
    echo "generate-sdks: no drift" >&2
fi
