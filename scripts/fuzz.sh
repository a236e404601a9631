#!/usr/bin/env bash
# Contract fuzzing: runs schemathesis (pinned in scripts/fuzz-requirements.txt, installed into the
# project-local virtual environment target/fuzz/venv when missing or different) against the live debug
# server, on SQLite always and on PostgreSQL when CSAT_TEST_POSTGRES_URL names a server, once per role
# (vendor, partner, admin), each on a fresh database seeded by `csat-index demo`.
# Checks: not_a_server_error and response_schema_conformance; all four phases (examples, coverage,
# fuzzing, stateful) with a fixed seed and a bounded number of examples per operation. Identifiers of the
# seeded objects (and fresh personal links) are offered to the generator through dictionaries, so most
# requests reach real objects rather than 404.
# Exits non-zero when any run fails; the reports, the fuzzer's output and the server log of every run
# are kept in target/fuzz/reports/<backend>-<role>/.
# Works from any cwd, without stdin; servers, temp dirs and PostgreSQL databases are always cleaned up.
# Tuning: CSAT_FUZZ_SEED (default 20261127), CSAT_FUZZ_MAX_EXAMPLES (default 40), CSAT_FUZZ_ROLES
# (default "vendor partner admin"), CSAT_FUZZ_BACKENDS (default "sqlite", plus "postgres" when
# CSAT_TEST_POSTGRES_URL is set), CSAT_FUZZ_WORKERS (default 1).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export LC_ALL=C.UTF-8 TZ=UTC
root="$(pwd)"

seed="${CSAT_FUZZ_SEED:-20261127}"
max_examples="${CSAT_FUZZ_MAX_EXAMPLES:-40}"
roles="${CSAT_FUZZ_ROLES:-vendor partner admin}"
workers="${CSAT_FUZZ_WORKERS:-1}"
run_timeout=900 # seconds per backend × role; a normal run takes about a minute

fuzz_dir="$root/target/fuzz"
venv="$fuzz_dir/venv"
requirements="$root/scripts/fuzz-requirements.txt"
reports="$fuzz_dir/reports"

# --- the fuzzer, in a project-local virtual environment -------------------------------------------
export PIP_CACHE_DIR="$fuzz_dir/pip-cache" PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
export PYTHONNOUSERSITE=1
unset PYTHONPATH PYTHONHOME
if [[ -d "$venv" ]] && ! "$venv/bin/python" -c '' 2>/dev/null; then
    rm -rf "$venv" # the interpreter it was made from is gone
fi
if ! cmp -s "$requirements" "$venv/.installed-requirements.txt" 2>/dev/null \
    || [[ ! -x "$venv/bin/schemathesis" ]]; then
    echo "fuzz: installing the pinned schemathesis into ${venv#"$root"/}" >&2
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
        echo "fuzz: schemathesis needs Python >= 3.11; python3 is $(python3 --version 2>&1)" >&2
        exit 1
    }
    mkdir -p "$fuzz_dir"
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv" </dev/null
    "$venv/bin/python" -m pip install --quiet --require-virtualenv -r "$requirements" </dev/null
    cp "$requirements" "$venv/.installed-requirements.txt"
fi
st="$venv/bin/schemathesis"
py="$venv/bin/python"
echo "fuzz: $("$st" --version)" >&2

# --- the service ------------------------------------------------------------------------------------
cargo build --locked --bin csat-index
bin="$(readlink -f "${CARGO_TARGET_DIR:-target}")/debug/csat-index"

work="$(mktemp -d "${TMPDIR:-/tmp}/csat-fuzz.XXXXXX")"
pg_admin_url="${CSAT_TEST_POSTGRES_URL:-}"
pg_databases=()
server_pid=""

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 40); do # 10 s of graceful shutdown, then it is killed
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.25
        done
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
cleanup() {
    local status=$?
    stop_server
    local database
    for database in "${pg_databases[@]}"; do
        psql "$pg_admin_url" -qXc "DROP DATABASE IF EXISTS $database WITH (FORCE)" </dev/null >/dev/null 2>&1 \
            || echo "fuzz: could not drop the PostgreSQL database $database" >&2
    done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Walks the seeded program as administrator and writes a schemathesis.toml whose dictionaries hold the
# identifiers of every seeded object and a few fresh personal links. Arguments: base URL, admin token, output.
write_config() {
    "$py" - "$@" <<'PYTHON'
import datetime, json, sys, urllib.request

base, token, out = sys.argv[1:4]

def call(method, path, body=None):
    headers = {"Authorization": "Bearer " + token}
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    request = urllib.request.Request(base + path, method=method, headers=headers, data=data)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)

def items(path):
    return call("GET", path + ("&" if "?" in path else "?") + "limit=200")["items"]

ids = {name: [] for name in ("partner_id", "membership_id", "office_id", "survey_id", "contact_id",
                             "question_id", "invitation_id", "response_id", "period_id", "token")}
open_surveys = []
for partner in items("/api/v1/partners"):
    ids["partner_id"].append(partner["id"])
    for membership in items(f"/api/v1/partners/{partner['id']}/memberships"):
        ids["membership_id"].append(membership["id"])
        for office in items(f"/api/v1/memberships/{membership['id']}/offices"):
            ids["office_id"].append(office["id"])
            ids["contact_id"] += [c["id"] for c in items(f"/api/v1/offices/{office['id']}/contacts")]
            for survey in items(f"/api/v1/offices/{office['id']}/surveys"):
                sid = survey["id"]
                ids["survey_id"].append(sid)
                if survey["status"] == "open":
                    open_surveys.append(survey)
                ids["question_id"] += [q["id"] for q in call("GET", f"/api/v1/surveys/{sid}/questions")["items"]]
                ids["response_id"] += [r["id"] for r in items(f"/api/v1/surveys/{sid}/responses")]
                ids["invitation_id"] += [i["id"] for i in items(f"/api/v1/surveys/{sid}/invitations")]
ids["question_id"] += [q["id"] for q in call("GET", "/api/v1/program/questions")["items"]]
ids["period_id"] = [p["id"] for p in call("GET", "/api/v1/periods")["items"]]
# The seeded invitations are all answered: invite a fresh contact with consent to each open survey (a
# few times) so the respondent routes get personal links that can still be answered.
given_at = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
respondents = 0
for survey in open_surveys:
    for _ in range(3):
        respondents += 1
        contact = call("POST", f"/api/v1/offices/{survey['office_id']}/contacts", {
            "name": f"Fuzz Respondent {respondents}",
            "email": f"fuzz-respondent-{respondents}@example.com",
            "consent": {"given_at": given_at, "method": "web_form"},
        })
        ids["contact_id"].append(contact["id"])
        batch = call("POST", f"/api/v1/surveys/{survey['id']}/invitations",
                     {"contact_ids": [contact["id"]], "delivery": "partner"})
        for invited in batch["invited"]:
            ids["invitation_id"].append(invited["invitation"]["id"])
            ids["token"].append(invited["link"].rstrip("/").rsplit("/", 1)[-1])

lines = [
    "# Written by scripts/fuzz.sh for one run; the seeded objects' identifiers.",
    "[cache]",
    "enabled = false",
    "",
    "[parameters]",
]
for name, values in ids.items():
    if values:
        lines.append(f'{name} = {{ dictionary = "{name}", probability = 0.75 }}')
if ids["contact_id"]:
    lines.append('"body.contact_ids[*]" = { dictionary = "contact_id", probability = 0.75 }')
for name, values in ids.items():
    if values:
        unique = list(dict.fromkeys(values))
        lines += ["", f"[dictionaries.{name}]", "values = " + json.dumps(unique)]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(" ".join(f"{len(set(v))} {k.removesuffix('_id')}" for k, v in ids.items()))
PYTHON
}

# Starts the service on a fresh database, seeds it and sets $base, $partner_id and $run_dir.
start_server() { # backend, role
    local backend="$1" role="$2" database_url
    case "$backend" in
        sqlite)
            mkdir -p "$work/$role"
            database_url="sqlite://$work/$role/csat.db"
            ;;
        postgres)
            if [[ -z "$pg_admin_url" ]]; then
                echo "fuzz: the postgres backend needs CSAT_TEST_POSTGRES_URL" >&2
                exit 1
            fi
            local database
            database="csat_fuzz_$$_${role}_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
            psql "$pg_admin_url" -qXv ON_ERROR_STOP=1 -c "CREATE DATABASE $database" </dev/null >/dev/null
            pg_databases+=("$database")
            # The admin URL with its database path replaced (user, host, port and ?options kept).
            database_url="$(python3 -c 'import sys, urllib.parse as u
url = u.urlsplit(sys.argv[1])
print(u.urlunsplit(url._replace(path="/" + sys.argv[2])))' "$pg_admin_url" "$database")"
            ;;
        *)
            echo "fuzz: unknown backend '$backend' in CSAT_FUZZ_BACKENDS" >&2
            exit 1
            ;;
    esac
    local port
    port="$(free_port)"
    export CSAT_DATABASE_URL="$database_url"
    export CSAT_BIND="127.0.0.1:$port"
    export CSAT_PUBLIC_URL="http://127.0.0.1:$port"
    export CSAT_MAIL_URL="file://$work/mail-$backend-$role"
    base="$CSAT_PUBLIC_URL"

    local demo
    demo="$("$bin" demo </dev/null)"
    partner_id="$(sed -n 's/.*--partner-id \([0-9a-f-]\{36\}\).*/\1/p' <<<"$demo" | head -n 1)"
    if [[ -z "$partner_id" ]]; then
        echo "fuzz: \`csat-index demo\` named no partner:" >&2
        echo "$demo" >&2
        exit 1
    fi

    "$bin" serve </dev/null >"$run_dir/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do # 30 s
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "fuzz: the server exited before it was ready; its log:" >&2
            tail -n 40 "$run_dir/server.log" >&2
            exit 1
        fi
        if "$bin" healthcheck >/dev/null 2>&1; then # GET /ready on $CSAT_BIND answers 200
            return 0
        fi
        sleep 0.25
    done
    echo "fuzz: $base/ready did not answer 200 within 30 s" >&2
    exit 1
}

export CSAT_JWT_SECRET="fuzz-only-secret-not-for-production-0123456789"
export CSAT_LOG="${CSAT_LOG:-WARN}" CSAT_LOG_FORMAT=json
export CSAT_RESPONDENT_RATE_LIMIT=100000 # reach the respondent handlers rather than 429
export CSAT_RATE_LIMIT_PARTNER=1000000 CSAT_RATE_LIMIT_VENDOR=1000000 CSAT_RATE_LIMIT_ADMIN=1000000 # and the others
unset CSAT_JWT_PUBLIC_KEY CSAT_JWT_ALGORITHM CSAT_JWT_ISSUER CSAT_JWT_AUDIENCE CSAT_TRUST_FORWARDED_FOR

backends=(sqlite)
if [[ -n "$pg_admin_url" ]]; then
    backends+=(postgres)
fi
if [[ -n "${CSAT_FUZZ_BACKENDS:-}" ]]; then
    read -r -a backends <<<"$CSAT_FUZZ_BACKENDS"
fi

rm -rf "$reports"
mkdir -p "$reports"
summary=()
failed=()
for backend in "${backends[@]}"; do
    for role in $roles; do
        run_dir="$reports/$backend-$role"
        mkdir -p "$run_dir"
        started=$SECONDS
        start_server "$backend" "$role"
        admin_token="$("$bin" token --role admin --subject fuzz-admin --hours 2)"
        case "$role" in
            admin) token="$admin_token" ;;
            partner) token="$("$bin" token --role partner --partner-id "$partner_id" --subject fuzz-partner --hours 2)" ;;
            vendor) token="$("$bin" token --role vendor --subject fuzz-vendor --hours 2)" ;;
            *)
                echo "fuzz: unknown role '$role' in CSAT_FUZZ_ROLES" >&2
                exit 1
                ;;
        esac
        seeded="$(write_config "$base" "$admin_token" "$run_dir/schemathesis.toml")"
        echo "fuzz: $backend × $role on $base (seeded: $seeded)" >&2

        status=0
        # cwd: the run's folder, where hypothesis and schemathesis keep their scratch state.
        (cd "$run_dir" && HYPOTHESIS_STORAGE_DIRECTORY="$run_dir/.hypothesis" timeout "$run_timeout" \
            "$st" --config-file "$run_dir/schemathesis.toml" --no-color run "$base/api/v1/openapi.json" \
            --header "Authorization: Bearer $token" \
            --checks not_a_server_error,response_schema_conformance \
            --phases examples,coverage,fuzzing,stateful \
            --seed "$seed" --max-examples "$max_examples" --workers "$workers" \
            --generation-database none --request-timeout 30 \
            --report junit,ndjson --report-dir "$run_dir" \
            --report-junit-path "$run_dir/junit.xml" --report-ndjson-path "$run_dir/events.ndjson" \
            </dev/null >"$run_dir/schemathesis.txt" 2>&1) || status=$?
        stop_server
        elapsed=$((SECONDS - started))

        cases="$(grep -A1 '^Test cases:' "$run_dir/schemathesis.txt" | tail -n 1 | sed 's/^ *//')"
        line="$(printf '%-8s × %-7s %4d s  %s' "$backend" "$role" "$elapsed" "${cases:-no summary}")"
        if [[ $status -ne 0 ]]; then
            failed+=("$backend-$role")
            line+="  FAILED (exit $status)"
            echo "fuzz: $backend × $role failed; the fuzzer's findings:" >&2
            sed -n '/^=* FAILURES =*$/,/^=* WARNINGS =*$/p' "$run_dir/schemathesis.txt" >&2
            if ! grep -q '^=* FAILURES =*$' "$run_dir/schemathesis.txt"; then
                tail -n 60 "$run_dir/schemathesis.txt" >&2
            fi
            echo "fuzz: the server's log is in ${run_dir#"$root"/}/server.log" >&2
        fi
        summary+=("$line")
        echo "fuzz: $line" >&2
    done
done

echo "fuzz: schemathesis $("$st" --version | sed 's/.* //'), seed $seed, $max_examples examples per operation:"
printf '  %s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz: FAILED: ${failed[*]} (reports in ${reports#"$root"/}/)" >&2
    exit 1
fi
