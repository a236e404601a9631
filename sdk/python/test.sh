#!/usr/bin/env bash
# Runs the Python SDK's journey test against the real server: installs the SDK (`pip install ./sdk/python`)
# and pytest (test-requirements.txt, pinned) into a fresh venv under target/, builds the server binary
# (cargo build --locked --bin csat-index, honouring CARGO_TARGET_DIR), and runs pytest; the test starts
# the binary itself ($CSAT_BIN) on a fresh SQLite file on a free loopback port.
# Works from any cwd, without stdin. Exits non-zero on any failure, and also when pytest ran no test.
set -euo pipefail
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
root="$(readlink -f "$here/../..")"
export LC_ALL=C.UTF-8 TZ=UTC PYTHONDONTWRITEBYTECODE=1
export PIP_CACHE_DIR="$root/target/pip-cache" PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# A fresh venv each run, so the SDK is installed exactly as a user installs it.
venv="$root/target/sdk-python-test-venv"
rm -rf "$venv"
python3 -m venv "$venv"
cd "$root"
"$venv/bin/pip" install --quiet --require-virtualenv -r sdk/python/test-requirements.txt ./sdk/python </dev/null
"$venv/bin/pip" check

cargo build --locked --bin csat-index
export CSAT_BIN="${CSAT_BIN:-$(readlink -f "${CARGO_TARGET_DIR:-target}")/debug/csat-index}"

# Run from the venv against the installed packages (not the source folders); no cache files in the tree.
cd "$here/tests"
status=0
"$venv/bin/python" -m pytest -p no:cacheprovider -ra "$@" </dev/null || status=$?
if [[ $status -eq 5 ]]; then
    echo "test.sh: pytest collected no test" >&2
fi
exit "$status"
