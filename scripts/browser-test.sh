#!/usr/bin/env bash
# End-to-end browser test of the respondent survey page: installs Debian's Chromium when it is
# missing, installs playwright-core (tests/browser), builds the binary, starts it on SQLite in a
# temp dir on a free loopback port, and runs tests/browser/e2e.mjs against it.
# Works from any cwd, without stdin; the server and the temp dir are always cleaned up.
# Screenshots go to $CSAT_E2E_SCREENSHOTS (default: a new dir under $TMPDIR, kept and printed).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export LC_ALL=C.UTF-8 TZ=UTC

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH
if [[ ! -x "$CHROMIUM_PATH" ]]; then
    echo "browser-test: installing Debian's chromium" >&2
    sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo -n); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq </dev/null
    "${sudo[@]}" apt-get install -y -qq chromium </dev/null >/dev/null
fi

# playwright-core never downloads a browser; make sure nothing tries to.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error </dev/null)

cargo build --locked --bin csat-index
bin="$(readlink -f "${CARGO_TARGET_DIR:-target}")/debug/csat-index"

work="$(mktemp -d "${TMPDIR:-/tmp}/csat-browser-test.XXXXXX")"
server_pid=""
cleanup() {
    local status=$?
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ $status -ne 0 && -s "$work/server.log" ]]; then
        echo "browser-test: failed; the server's last log lines:" >&2
        tail -n 40 "$work/server.log" >&2 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export CSAT_DATABASE_URL="sqlite://$work/csat.db"
export CSAT_BIND="127.0.0.1:$port"
export CSAT_PUBLIC_URL="http://127.0.0.1:$port"
export CSAT_JWT_SECRET="browser-test-secret-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export CSAT_MAIL_URL="file://$work/mail"
export CSAT_LOG="${CSAT_LOG:-WARN}"
unset CSAT_JWT_PUBLIC_KEY CSAT_JWT_ALGORITHM CSAT_JWT_ISSUER CSAT_JWT_AUDIENCE

"$bin" serve </dev/null >"$work/server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 120); do # 30 s
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "browser-test: the server exited before it was ready" >&2
        exit 1
    fi
    if "$bin" healthcheck >/dev/null 2>&1; then # GET /ready on $CSAT_BIND answers 200
        ready=1
        break
    fi
    sleep 0.25
done
if [[ -z "$ready" ]]; then
    echo "browser-test: $CSAT_PUBLIC_URL/ready did not answer 200 within 30 s" >&2
    exit 1
fi

export CSAT_E2E_BASE_URL="$CSAT_PUBLIC_URL"
export CSAT_E2E_BIN="$bin"
export CSAT_E2E_SCREENSHOTS="${CSAT_E2E_SCREENSHOTS:-$(mktemp -d "${TMPDIR:-/tmp}/csat-e2e-screenshots.XXXXXX")}"
node tests/browser/e2e.mjs </dev/null
