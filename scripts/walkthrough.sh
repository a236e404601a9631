#!/usr/bin/env bash
# Runs the README's walk-through exactly as written, so the README cannot drift from the API.
#
# The fenced ```sh blocks between `<!-- walkthrough:begin -->` and `<!-- walkthrough:end -->` in
# README.md are the walk-through. The first one is the "first terminal" command that starts the
# service; this script starts it in the background, waits for /ready, then runs all the other
# blocks, in order, as one `bash -euo pipefail` script (the "second terminal"). Any failing command
# fails the walk-through; at the end the script checks, with the README's own variables, that the
# survey holds a completed response and the membership's compliance counts it.
#
# Everything runs against a fresh SQLite file in a temp dir (development mode: the dev secret and
# mail-outbox/ are written there too) on a free loopback port: CSAT_DATABASE_URL and CSAT_BIND are
# the only settings given, and the README's commands honour both. Works from any cwd, without stdin;
# the server and the temp dir are always cleaned up.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export LC_ALL=C.UTF-8 TZ=UTC

for tool in curl python3; do
    command -v "$tool" >/dev/null || { echo "walkthrough: the README's walk-through needs $tool" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/csat-walkthrough.XXXXXX")"
server_pid=""
cleanup() {
    local status=$?
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ $status -ne 0 && -s "$work/server.log" ]]; then
        echo "walkthrough: failed; the server's last log lines:" >&2
        tail -n 40 "$work/server.log" >&2 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The walk-through's blocks, NUL-separated, in README order.
python3 - README.md "$work/blocks" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
parts = re.findall(r"<!-- walkthrough:begin -->(.*?)<!-- walkthrough:end -->", text, re.S)
if len(parts) != 1:
    sys.exit(f"walkthrough: README.md needs exactly one walkthrough:begin/end pair, found {len(parts)}")
blocks = re.findall(r"^```sh\n(.*?)^```$", parts[0], re.S | re.M)
if len(blocks) < 2:
    sys.exit("walkthrough: the walk-through needs the server block and at least one more ```sh block")
open(sys.argv[2], "w", encoding="utf-8").write("\0".join(blocks))
PY
mapfile -d '' blocks <"$work/blocks"
server_command="$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' <<<"${blocks[0]}")"
if [[ "$(wc -l <<<"$server_command")" -ne 1 || "$server_command" != *" serve"* ]]; then
    echo "walkthrough: the first block must be the one command that starts the service, not:" >&2
    echo "${blocks[0]}" >&2
    exit 1
fi
{
    echo 'trap '"'"'echo "walkthrough: this README command failed (line $LINENO of the blocks): $BASH_COMMAND" >&2'"'"' ERR'
    for i in "${!blocks[@]}"; do
        [[ $i -eq 0 ]] && continue
        printf 'echo "walkthrough: README block %d" >&2\n%s\n' "$((i + 1))" "${blocks[$i]}"
    done
    # Not in the README: prove, with the README's own variables, where the walk-through got to.
    cat <<'CHECK'
# --- walkthrough.sh checks ---
completed="$(call "$API/surveys/$SURVEY/responses" | python3 -c 'import json, sys
print(sum(1 for r in json.load(sys.stdin)["items"] if r.get("completed_at")))')"
counted="$(call "$API/memberships/$MEMBERSHIP/compliance" | python3 -c 'import json, sys
print(sum(o["counted"] for o in json.load(sys.stdin)["offices"]))')"
if [[ "$completed" != 1 || "$counted" != 1 ]]; then
    echo "walkthrough: expected 1 completed response counted for compliance, got completed=$completed counted=$counted" >&2
    exit 1
fi
echo "walkthrough: OK (1 completed response, counted towards the membership's compliance)"
CHECK
} >"$work/walkthrough.sh"

# Build first so the service starts within the wait below; the README's `cargo run` then only runs it.
cargo build --release --locked --bin csat-index

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export CSAT_DATABASE_URL="sqlite://$work/csat-index.db"
export CSAT_BIND="127.0.0.1:$port"
# The README runs in development mode with the defaults: no settings from the caller's environment.
unset CSAT_PUBLIC_URL CSAT_MAIL_URL CSAT_JWT_SECRET CSAT_JWT_PUBLIC_KEY CSAT_JWT_ALGORITHM \
    CSAT_JWT_ISSUER CSAT_JWT_AUDIENCE CSAT_TRUST_FORWARDED_FOR

echo "walkthrough: first terminal: $server_command" >&2
bash -c "exec $server_command" </dev/null >"$work/server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 240); do # 60 s
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "walkthrough: the service exited before it was ready" >&2
        exit 1
    fi
    if curl -fsS -o /dev/null "http://$CSAT_BIND/ready" 2>/dev/null; then
        ready=1
        break
    fi
    sleep 0.25
done
if [[ -z "$ready" ]]; then
    echo "walkthrough: http://$CSAT_BIND/ready did not answer 200 within 60 s" >&2
    exit 1
fi

echo "walkthrough: second terminal: the README's other blocks" >&2
bash -euo pipefail "$work/walkthrough.sh" </dev/null
