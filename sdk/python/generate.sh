#!/usr/bin/env bash
# Regenerates the Python SDK's generated package, sdk/python/generated/csat_index_client, from
# openapi/v1.json alone, with the pinned openapi-python-client and ruff (generator-requirements.txt,
# installed into target/sdk-python-venv when missing or when that file changed).
# Deterministic: the generated folder is emptied first and every run writes the same files.
# Works from any cwd, without stdin. The hand-written helpers (src/csat_index) are not touched.
set -euo pipefail
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
root="$(readlink -f "$here/../..")"
export LC_ALL=C.UTF-8 TZ=UTC PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
export PIP_CACHE_DIR="$root/target/pip-cache" PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# The generator's venv, rebuilt when the pinned requirements change.
venv="$root/target/sdk-python-venv"
requirements="$here/generator-requirements.txt"
stamp="$(sha256sum "$requirements" | cut -d' ' -f1) $(python3 --version)"
if [[ "$(cat "$venv/.requirements-stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "generate.sh: installing the pinned generator into ${venv#"$root/"}" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --require-virtualenv -r "$requirements" </dev/null
    echo "$stamp" >"$venv/.requirements-stamp"
fi
# The post-hooks in generator-config.yaml call `ruff` by name: the pinned one.
export PATH="$venv/bin:$PATH"

out="$here/generated"
package="$out/csat_index_client"
rm -rf "$out"
mkdir -p "$out"
# Relative paths only, so nothing absolute can reach the output.
cd "$here"
openapi-python-client generate \
    --path ../../openapi/v1.json \
    --config generator-config.yaml \
    --meta none \
    --output-path generated/csat_index_client \
    --fail-on-warning </dev/null

# Fail on what ruff cannot fix (an undefined or shadowed name is a broken client).
ruff check --no-cache --quiet generated

# --meta none writes no py.typed marker: add it, so type checkers use the annotations.
printf '# Marker file for PEP 561\n' >"$package/py.typed"
# Mark every generated module (ruff has formatted them already; a leading comment keeps that).
header='# Generated from openapi/v1.json by sdk/python/generate.sh (openapi-python-client): do not edit.'
find "$package" -name '*.py' -print0 | sort -z | while IFS= read -r -d '' file; do
    { printf '%s\n' "$header"; cat "$file"; } >"$file.tmp"
    mv "$file.tmp" "$file"
done
cat >"$out/README.md" <<'EOF'
# Generated — do not edit

`csat_index_client/` is generated from `openapi/v1.json` by `sdk/python/generate.sh`
(openapi-python-client and ruff, pinned in `sdk/python/generator-requirements.txt`).
Change the Rust code, run `scripts/generate-openapi.sh`, then `sdk/python/generate.sh`.
Hand-written helpers live in `sdk/python/src/csat_index/`.
EOF
echo "generate.sh: wrote ${out#"$root/"} ($(find "$package" -type f | wc -l) files)" >&2
