//! The HTTP benchmark's helper (run by `bench/http.sh` against the release server on loopback):
//! seeds the data the load generator needs, runs the contact import, and measures the database
//! ceilings each HTTP figure is compared with in the same run.
//!
//! Usage:
//! - `bench_http seed <database-url> <address> <dir>`: creates a partner, a membership, offices and
//!   two open surveys through the API, then (directly in the database) contacts with personal links
//!   for answer intake and 5,000 responses for one survey's results; writes the admin token, the ids,
//!   the respondent tokens and the answer body into `<dir>`.
//! - `bench_http import <address> <dir> <requests>`: posts `<requests>` imports of 1,000 new contacts
//!   one after another; prints `import_rows_per_s`.
//! - `bench_http ceilings <database-url> <dir>`: prints the single-commit INSERT rate and latency,
//!   the rate of the GET figure's read by key on 32 connections, the rate of bare 1,000-row INSERTs of contacts, and the latency of the survey's grouped answer
//!   count in raw SQL.
//!
//! Figures go to stdout as `name value` lines for the script to read. The JWT secret comes from
//! `CSAT_JWT_SECRET`, as for the server.

use std::{
    io::{Read, Write},
    net::{SocketAddr, TcpStream},
    path::Path,
    time::{Duration, Instant},
};

use csat_index::{
    auth::{Role, Verifier, Visibility},
    config::{DatabaseUrl, JwtConfig, JwtKey},
    testing::{
        db::{self, DbConnection},
        service::respond::hash_token,
    },
};
use diesel::{connection::SimpleConnection, Connection};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Responses of the survey whose results are read.
const RESULT_RESPONSES: usize = 5_000;
/// Personal links for answer intake (each answered at most once).
const INTAKE_LINKS: usize = 40_000;
/// Contacts per bare multi-row INSERT, as many as one import request carries.
const IMPORT_ROWS: usize = 1_000;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| -> Result<&str> {
        args.get(i).map(String::as_str).ok_or_else(|| {
            "usage: bench_http seed <database-url> <address> <dir> | import <address> <dir> <requests> | ceilings <database-url> <dir>".into()
        })
    };
    match arg(0)? {
        "seed" => seed(arg(1)?, arg(2)?.parse()?, Path::new(arg(3)?)),
        "import" => import(arg(1)?.parse()?, Path::new(arg(2)?), arg(3)?.parse()?),
        "ceilings" => ceilings(arg(1)?, Path::new(arg(2)?)),
        other => Err(format!("unknown command `{other}`").into()),
    }
}

/// A direct database connection (the server's pragmas on SQLite).
fn connect(url: &str) -> Result<DbConnection> {
    Ok(match DatabaseUrl::parse(url)? {
        DatabaseUrl::Postgres(url) => {
            DbConnection::Postgresql(diesel::PgConnection::establish(&url)?)
        }
        DatabaseUrl::Sqlite(path) => {
            let mut conn = db::open_sqlite(&path)?;
            conn.batch_execute(
                "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
            )?;
            DbConnection::Sqlite(conn)
        }
    })
}

fn admin_token() -> Result<String> {
    let secret = std::env::var("CSAT_JWT_SECRET")?;
    let verifier = Verifier::from_config(&JwtConfig {
        key: JwtKey::Secret(secret.into_bytes()),
        issuer: "csat-index".into(),
        audience: "csat-index-api".into(),
        leeway_seconds: 5,
    })?;
    let now = chrono::Utc::now().timestamp();
    Ok(verifier.issue(Role::Admin, None, "bench", now, 6 * 3600)?)
}

fn seed(url: &str, address: SocketAddr, dir: &Path) -> Result<()> {
    let token = admin_token()?;
    let post = |path: &str, body: &str| -> Result<String> {
        let (status, reply) = request(address, "POST", path, &token, body)?;
        if !(200..300).contains(&status) {
            return Err(format!("POST {path}: {status} {reply}").into());
        }
        Ok(field(&reply, "id").unwrap_or_default())
    };
    let partner = post(
        "/api/v1/partners",
        r#"{"external_key": "BENCH-HTTP", "name": "Bench Partner", "email_domains": ["bench.example"]}"#,
    )?;
    let membership = post(
        &format!("/api/v1/partners/{partner}/memberships"),
        r#"{"membership_number": "MPN-BENCH", "renewal_date": "2027-06-30"}"#,
    )?;
    let office = |name: &str| {
        post(
            &format!("/api/v1/memberships/{membership}/offices"),
            &format!(r#"{{"name": "{name}", "country": "BG", "city": "Sofia"}}"#),
        )
    };
    let (intake_office, import_office, ceiling_office) =
        (office("Intake")?, office("Import")?, office("Ceiling")?);
    let survey = |title: &str| -> Result<String> {
        let id = post(
            &format!("/api/v1/offices/{intake_office}/surveys"),
            &format!(r#"{{"title": "{title}", "locales": ["en"]}}"#),
        )?;
        post(&format!("/api/v1/surveys/{id}/open"), "")?;
        Ok(id)
    };
    let (intake_survey, results_survey) = (survey("Intake")?, survey("Results")?);

    let mut conn = connect(url)?;
    let stamp = db::timestamp(chrono::Utc::now());
    let expires = db::timestamp(chrono::Utc::now() + chrono::Duration::days(30));
    let mut tokens = Vec::with_capacity(INTAKE_LINKS);
    conn.batch_execute("BEGIN")?;
    for chunk in (0..INTAKE_LINKS).collect::<Vec<_>>().chunks(500) {
        let (mut contacts, mut invitations, mut hashes) = (vec![], vec![], vec![]);
        for &n in chunk {
            let (contact, invitation) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
            let token = format!("bench{n:038}");
            contacts.push(format!(
                "('{contact}','{intake_office}','{partner}','Customer {n}','c{n}@org{}.example','Org {}','domain:org{}.example','en','{stamp}','web_form',NULL,1,'{stamp}','{stamp}')",
                n % 300, n % 300, n % 300
            ));
            invitations.push(format!(
                "('{invitation}','{intake_survey}','{contact}','{intake_office}','{partner}','partner','sent','{expires}','{stamp}',NULL,NULL,NULL,0,'{stamp}','{stamp}')"
            ));
            hashes.push(format!(
                "('{}','{invitation}','{stamp}')",
                hash_token(&token)
            ));
            tokens.push(token);
        }
        conn.batch_execute(&format!("INSERT INTO contacts (id, office_id, partner_id, name, email, organization, org_key, locale, consent_given_at, consent_method, erased_at, version, created_at, updated_at) VALUES {};", contacts.join(",")))?;
        conn.batch_execute(&format!("INSERT INTO invitations (id, survey_id, contact_id, office_id, partner_id, delivery, status, expires_at, sent_at, opened_at, completed_at, bounced_at, reminders_sent, created_at, updated_at) VALUES {};", invitations.join(",")))?;
        conn.batch_execute(&format!(
            "INSERT INTO invitation_tokens (token_hash, invitation_id, created_at) VALUES {};",
            hashes.join(",")
        ))?;
    }
    let nsat = [
        "very_satisfied",
        "somewhat_satisfied",
        "somewhat_dissatisfied",
        "very_dissatisfied",
        "dont_know",
    ];
    let question = |n: u8| format!("00000000-0000-7000-8000-00000000000{n}");
    for chunk in (0..RESULT_RESPONSES).collect::<Vec<_>>().chunks(500) {
        let (mut responses, mut answers) = (vec![], vec![]);
        for &n in chunk {
            let response = uuid::Uuid::now_v7();
            let completed =
                db::timestamp(chrono::Utc::now() - chrono::Duration::minutes(n as i64 * 7));
            responses.push(format!(
                "('{response}','{results_survey}','{intake_office}','{membership}','{partner}',NULL,NULL,0,'domain:org{}.example','en','import','{completed}',NULL,NULL,NULL,'{stamp}')",
                n % 300
            ));
            answers.push(format!(
                "('{response}','{}','nsat',NULL,'{}')",
                question(1),
                nsat[n % 5]
            ));
            answers.push(format!(
                "('{response}','{}','nps',{},NULL)",
                question(2),
                n % 11
            ));
            answers.push(format!(
                "('{response}','{}','ces',{},NULL)",
                question(3),
                n % 7 + 1
            ));
            if n % 20 == 0 {
                answers.push(format!(
                    "('{response}','{}',NULL,NULL,'Comment {n}')",
                    question(4)
                ));
            }
        }
        conn.batch_execute(&format!("INSERT INTO responses (id, survey_id, office_id, membership_id, partner_id, invitation_id, contact_id, anonymous, org_key, locale, source, completed_at, voided_at, voided_by, void_reason, created_at) VALUES {};", responses.join(",")))?;
        conn.batch_execute(&format!(
            "INSERT INTO answers (response_id, question_id, metric, number_value, text_value) VALUES {};",
            answers.join(",")
        ))?;
    }
    // The counts and comments the write path keeps for every stored response
    // (`db::results::count_response`, in the shard of the response id's last byte), filled in one
    // statement for the responses seeded above.
    let shard = (0..8)
        .map(|s| {
            format!(
                "WHEN SUBSTR(r.id, 36, 1) IN ('{s:x}', '{:x}') THEN {s}",
                s + 8
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    conn.batch_execute(&format!(
        "INSERT INTO survey_answer_counts (survey_id, question_id, value_key, shard, metric, number_value, text_value, answers) \
         SELECT survey_id, question_id, value_key, shard, metric, number_value, text_value, COUNT(*) FROM ( \
         SELECT r.survey_id, a.question_id, CASE WHEN q.kind = 'text' THEN 'text:' || a.response_id \
         ELSE COALESCE(CAST(a.number_value AS TEXT), '') || '|' || COALESCE(a.text_value, '') END AS value_key, \
         CASE {shard} END AS shard, a.metric, a.number_value, a.text_value FROM answers a JOIN responses r ON r.id = a.response_id \
         JOIN questions q ON q.id = a.question_id WHERE r.survey_id = '{results_survey}') k \
         GROUP BY survey_id, question_id, value_key, shard, metric, number_value, text_value;"
    ))?;
    conn.batch_execute("COMMIT; ANALYZE")?;

    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text);
    write("admin.jwt", &token)?;
    write("membership", &membership)?;
    write("results-survey", &results_survey)?;
    write("import-office", &import_office)?;
    write("ceiling-office", &ceiling_office)?;
    write("partner", &partner)?;
    write("tokens-32", &tokens[..INTAKE_LINKS * 3 / 4].join("\n"))?;
    write("tokens-4", &tokens[INTAKE_LINKS * 3 / 4..].join("\n"))?;
    write(
        "answers.json",
        &format!(
            r#"{{"answers": {{"{}": "very_satisfied", "{}": 9, "{}": 2, "{}": "Quick and friendly."}}}}"#,
            question(1),
            question(2),
            question(3),
            question(4)
        ),
    )?;
    println!("seeded {INTAKE_LINKS} links and {RESULT_RESPONSES} responses");
    Ok(())
}

/// One contact of an import or of the bare INSERT, as JSON.
fn contact_json(request: usize, n: usize) -> String {
    format!(
        r#"{{"name": "Imported {request}-{n}", "email": "i{request}-{n}@imp{}.example", "organization": "Imp {}", "locale": "en", "consent": {{"given_at": "2026-01-15T09:00:00Z", "method": "web_form"}}}}"#,
        n % 50,
        n % 50
    )
}

fn import(address: SocketAddr, dir: &Path, requests: usize) -> Result<()> {
    let token = std::fs::read_to_string(dir.join("admin.jwt"))?;
    let office = std::fs::read_to_string(dir.join("import-office"))?;
    let path = format!("/api/v1/offices/{office}/contacts/import");
    let body = |r: usize| {
        let rows: Vec<String> = (0..IMPORT_ROWS).map(|n| contact_json(r, n)).collect();
        format!(r#"{{"contacts": [{}]}}"#, rows.join(","))
    };
    // One warm-up request, then the timed ones.
    let (status, reply) = request(address, "POST", &path, &token, &body(0))?;
    if status != 200 || !reply.contains(&format!("\"created\":{IMPORT_ROWS}")) {
        return Err(format!("import: {status} {}", &reply[..reply.len().min(300)]).into());
    }
    let bodies: Vec<String> = (1..=requests).map(body).collect();
    let started = Instant::now();
    for body in &bodies {
        let (status, reply) = request(address, "POST", &path, &token, body)?;
        if status != 200 || !reply.contains(&format!("\"created\":{IMPORT_ROWS}")) {
            return Err(format!("import: {status} {}", &reply[..reply.len().min(300)]).into());
        }
    }
    let rows = (requests * IMPORT_ROWS) as f64;
    println!(
        "import_rows_per_s {:.0}",
        rows / started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn ceilings(url: &str, dir: &Path) -> Result<()> {
    let mut conn = connect(url)?;

    // Durable single-row commits, one after another on one connection, for two seconds.
    conn.batch_execute(
        "CREATE TABLE bench_commits (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL)",
    )?;
    let mut times = Vec::new();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(2) {
        let start = Instant::now();
        conn.batch_execute(&format!(
            "INSERT INTO bench_commits (id, body) VALUES ('{}', 'answer')",
            uuid::Uuid::now_v7()
        ))?;
        times.push(start.elapsed());
    }
    let rate = times.len() as f64 / started.elapsed().as_secs_f64();
    conn.batch_execute("DROP TABLE bench_commits")?;
    times.sort();
    println!("commit_per_s {rate:.0}");
    println!("commit_p50_ms {:.2}", ms(percentile(&times, 50)));
    println!("commit_p99_ms {:.2}", ms(percentile(&times, 99)));

    // The membership the GET figure reads, read by key as the server reads it, on 32 connections at
    // once (a thread each) for two seconds: what the database alone answers, without HTTP.
    let membership: uuid::Uuid = std::fs::read_to_string(dir.join("membership"))?
        .trim()
        .parse()?;
    let stop = Instant::now() + Duration::from_secs(2);
    let reads = std::thread::scope(|scope| {
        let readers: Vec<_> = (0..32)
            .map(|_| {
                scope.spawn(|| {
                    let mut conn = connect(url).map_err(|e| e.to_string())?;
                    let mut reads = 0_usize;
                    while Instant::now() < stop {
                        db::memberships::get(&mut conn, Visibility::All, membership.into())
                            .map_err(|e| e.to_string())?;
                        reads += 1;
                    }
                    Ok::<_, String>(reads)
                })
            })
            .collect();
        readers
            .into_iter()
            .map(|reader| reader.join().expect("a reader thread does not panic"))
            .sum::<std::result::Result<usize, String>>()
    })?;
    println!("point_reads_per_s {:.0}", reads as f64 / 2.0);

    // Bare 1,000-row INSERTs of contacts, one transaction each (what one import request stores).
    let office = std::fs::read_to_string(dir.join("ceiling-office"))?;
    let partner = std::fs::read_to_string(dir.join("partner"))?;
    let stamp = db::timestamp(chrono::Utc::now());
    let statements: Vec<String> = (0..20)
        .map(|r| {
            let rows: Vec<String> = (0..IMPORT_ROWS)
                .map(|n| format!(
                    "('{}','{office}','{partner}','Ceiling {r}-{n}','x{r}-{n}@imp{}.example','Imp {}','domain:imp{}.example','en','{stamp}','web_form',NULL,1,'{stamp}','{stamp}')",
                    uuid::Uuid::now_v7(), n % 50, n % 50, n % 50
                ))
                .collect();
            format!("BEGIN; INSERT INTO contacts (id, office_id, partner_id, name, email, organization, org_key, locale, consent_given_at, consent_method, erased_at, version, created_at, updated_at) VALUES {}; COMMIT;", rows.join(","))
        })
        .collect();
    let started = Instant::now();
    for sql in &statements {
        conn.batch_execute(sql)?;
    }
    let rows = (statements.len() * IMPORT_ROWS) as f64;
    println!(
        "insert_rows_per_s {:.0}",
        rows / started.elapsed().as_secs_f64()
    );

    // The survey's answers counted per question and value in one raw grouped query.
    let survey = std::fs::read_to_string(dir.join("results-survey"))?;
    let sql = format!(
        "SELECT a.question_id, a.number_value, a.text_value, COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id \
         WHERE r.survey_id = '{survey}' AND r.voided_at IS NULL GROUP BY a.question_id, a.number_value, a.text_value"
    );
    let mut times: Vec<Duration> = (0..100)
        .map(|_| {
            let start = Instant::now();
            conn.batch_execute(&sql).map(|_| start.elapsed())
        })
        .collect::<std::result::Result<_, _>>()?;
    times.sort();
    println!("grouped_count_p50_ms {:.2}", ms(percentile(&times, 50)));
    Ok(())
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One HTTP/1.1 request on a fresh connection: the status and the body.
fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    token: &str,
    body: &str,
) -> Result<(u16, String)> {
    let mut stream = TcpStream::connect(address)?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply)?;
    let status = reply.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = reply.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    Ok((status, body.to_owned()))
}

/// A top-level string field of a JSON object.
fn field(json: &str, name: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    value.get(name)?.as_str().map(str::to_owned)
}
