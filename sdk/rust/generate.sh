#!/usr/bin/env bash
# Regenerates the Rust SDK from openapi/v1.json alone. Builds the generator (sdk/rust/generator:
# progenitor and the strict OpenAPI 3.1 -> 3.0.3 down-conversion, pinned by its Cargo.lock) and
# runs it, which writes:
#   openapi/v1-3.0.json                the 3.0.3 down-conversion (for generators that need 3.0)
#   sdk/rust/src/generated.rs          the progenitor client and models
#   sdk/rust/src/generated_support.rs  pagination impls and the nullable PATCH fields
# The outputs are deleted first; they depend only on openapi/v1.json and the lock file.
# Works from any cwd, without stdin.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export LC_ALL=C.UTF-8 TZ=UTC
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

rm -f "$root/openapi/v1-3.0.json" "$here/src/generated.rs" "$here/src/generated_support.rs"
cargo run --quiet --locked --manifest-path "$here/generator/Cargo.toml" -- \
    "$root/openapi/v1.json" "$root/openapi/v1-3.0.json" "$here/src" </dev/null
echo "generated openapi/v1-3.0.json, sdk/rust/src/generated.rs, sdk/rust/src/generated_support.rs"
