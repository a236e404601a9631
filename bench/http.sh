#!/usr/bin/env bash
# The HTTP figures of one backend: starts the release server on loopback against <database-url>,
# seeds it (examples/bench_http.rs), drives it with wrk and prints a Markdown table, each figure next
# to a ceiling measured in the same run. Called by bench/run.sh after the release build; needs wrk.
# Usage: bench/http.sh <database-url> <label>
# CSAT_BENCH_FIGURES (default `membership intake32 intake4 import results`) picks the figures to run,
# e.g. `CSAT_BENCH_FIGURES=results bench/http.sh ...`; CSAT_BENCH_SECONDS sets wrk's duration.
set -euo pipefail
cd "$(dirname "$0")/.."
url="$1"
label="$2"
server=target/release/csat-index
helper=target/release/examples/bench_http
duration="${CSAT_BENCH_SECONDS:-5}s"
work="$(mktemp -d)"
port=$((20000 + $$ % 20000))
address="127.0.0.1:$port"
export CSAT_JWT_SECRET="benchmark-secret-that-is-at-least-32-bytes"
pid=""
cleanup() {
    if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Token limits stay on (their counting is part of what is measured) but far above what wrk can send.
CSAT_DATABASE_URL="$url" CSAT_BIND="$address" CSAT_RESPONDENT_RATE_LIMIT=100000 CSAT_LOG=WARN \
    CSAT_RATE_LIMIT_PARTNER=10000000 CSAT_RATE_LIMIT_VENDOR=10000000 CSAT_RATE_LIMIT_ADMIN=10000000 \
    CSAT_MAIL_URL="file://$work/mail" "$server" serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    curl -sf "http://$address/health" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "http://$address/health" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

"$helper" seed "$url" "$address" "$work" >/dev/null
"$helper" ceilings "$url" "$work" >"$work/ceilings"
ceiling() { awk -v k="$1" '$1 == k { print $2 }' "$work/ceilings"; }
token="$(cat "$work/admin.jwt")"

# wrk's figures: requests per second, a latency percentile in ms, answers that were not 2xx/3xx.
load() { local name="$1"; shift; wrk --latency -d "$duration" "$@" >"$work/$name.wrk"; }
rate() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$work/$1.wrk"; }
latency() {
    awk -v p="$2%" '$1 == p { v = $2
        if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v) }
        else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
        printf "%.2f", v }' "$work/$1.wrk"
}
failed() { awk '/Non-2xx/ { n = $NF } /Socket errors/ { t = $NF } END { printf "%d not 2xx, %d timeouts", n, t }' "$work/$1.wrk"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }

figures=" ${CSAT_BENCH_FIGURES:-membership intake32 intake4 import results} "
wanted() { [[ "$figures" == *" $1 "* ]]; }
wanted membership && load health -t2 -c32 "http://$address/health"
wanted membership && load membership -t2 -c32 -H "Authorization: Bearer $token" "http://$address/api/v1/memberships/$(cat "$work/membership")"
wanted intake32 && load intake32 -t2 -c32 -s bench/intake.lua "http://$address" -- "$work/tokens-32" "$work/answers.json" 2
wanted intake4 && load intake4 -t1 -c4 -s bench/intake.lua "http://$address" -- "$work/tokens-4" "$work/answers.json" 1
wanted import && import_rate="$("$helper" import "$address" "$work" 20 | awk '$1 == "import_rows_per_s" { print $2 }')"
wanted results && load results -t1 -c1 -H "Authorization: Bearer $token" "http://$address/api/v1/surveys/$(cat "$work/results-survey")/results"
peak_kb="$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")"

echo "## $label"
echo
echo "| figure | measured | ceiling measured in this run | ratio | goal |"
echo "| --- | --- | --- | --- | --- |"
wanted membership && echo "| authenticated GET of one membership, 32 connections | $(rate membership) req/s (p99 $(latency membership 99) ms, $(failed membership)) | GET /health on the same server: $(rate health) req/s; the same read by key in the database alone, 32 connections: $(ceiling point_reads_per_s)/s | $(ratio "$(rate membership)" "$(rate health)")× ($(ratio "$(rate membership)" "$(ceiling point_reads_per_s)")× of the read) | ≥ 0.3× |"
wanted intake32 && echo "| answer intake, 32 clients | $(rate intake32)/s, p50 $(latency intake32 50) ms, p99 $(latency intake32 99) ms ($(failed intake32)) | one durable single-row commit after another: $(ceiling commit_per_s)/s, p99 $(ceiling commit_p99_ms) ms | $(ratio "$(rate intake32)" "$(ceiling commit_per_s)")× | p99 ≤ 50 ms at ≥ 1,000/s, never below the ceiling |"
wanted intake4 && echo "| answer intake, 4 clients | $(rate intake4)/s, p50 $(latency intake4 50) ms, p99 $(latency intake4 99) ms ($(failed intake4)) | same single-commit loop | $(ratio "$(rate intake4)" "$(ceiling commit_per_s)")× | p99 ≤ 15 ms |"
wanted import && echo "| contact import, 1,000 rows per request | $import_rate rows/s | bare 1,000-row INSERT per transaction: $(ceiling insert_rows_per_s) rows/s | $(ratio "$import_rate" "$(ceiling insert_rows_per_s)")× | ≥ 40k rows/s SQLite, ≥ 20k PostgreSQL |"
wanted results && echo "| a survey's results at 5,000 responses, p50 (one client) | $(latency results 50) ms (p99 $(latency results 99) ms) | the survey's answers counted per question and value in one raw SQL query: $(ceiling grouped_count_p50_ms) ms | $(ratio "$(latency results 50)" "$(ceiling grouped_count_p50_ms)")× | ≤ 5 ms |"
echo "| server peak RSS (VmHWM) after the runs above | $((peak_kb / 1024)) MB | — | — | ≤ 100 MB |"
