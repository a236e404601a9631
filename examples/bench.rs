//! Benchmark: seeds 10,000 memberships with 1,000,000 responses, then prints the latency of one
//! membership's compliance and of the vendor's program-wide compliance list, each next to a ceiling
//! measured in the same run (a bare actix-web route for HTTP; the plain indexed count of the same rows
//! for the database). Run it with `bench/run.sh` (release build, loopback only).
//!
//! Usage: `bench <database-url> [memberships] [responses-per-membership]`

use std::{
    io::{Read, Write},
    net::{SocketAddr, TcpStream},
    time::{Duration, Instant},
};

use actix_web::{web, App, HttpResponse, HttpServer};
use csat_index::{
    auth::Role,
    config::{Config, DatabaseUrl, JwtConfig, JwtKey, MailConfig},
    testing::{
        db::{self, DbConnection},
        service::standing,
    },
    AppState,
};
use diesel::connection::SimpleConnection;

const SECRET: &str = "benchmark-secret-that-is-at-least-32-bytes";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let url = args
        .get(1)
        .ok_or("usage: bench <database-url> [memberships] [responses-per-membership]")?;
    let memberships: usize = args
        .get(2)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let per_membership: usize = args.get(3).map(|a| a.parse()).transpose()?.unwrap_or(100);
    let database = DatabaseUrl::parse(url)?;
    let backend = match database {
        DatabaseUrl::Sqlite(_) => "SQLite",
        DatabaseUrl::Postgres(_) => "PostgreSQL",
    };
    let config = Config {
        database,
        bind: "127.0.0.1:0".parse()?,
        jwt: JwtConfig {
            key: JwtKey::Secret(SECRET.into()),
            issuer: "csat-index".into(),
            audience: "csat-index-api".into(),
            leeway_seconds: 5,
        },
        pool_size: 8,
        pool_timeout: Duration::from_secs(30),
        public_url: "http://127.0.0.1".into(),
        public_url_is_default: false,
        mail: MailConfig::Directory(std::env::temp_dir().join("csat-bench-mail")),
        mail_from: "Bench <bench@localhost>".into(),
        respondent_rate_limit: 1_000_000,
        trust_forwarded_for: false,
        rate_limits: csat_index::config::RateLimits {
            partner: 10_000_000,
            vendor: 10_000_000,
            admin: 10_000_000,
            ..Default::default()
        },
    };
    let state = AppState::new(&config)?;
    let started = Instant::now();
    let ids = {
        let mut conn = csat_index::testing::pool(&state).get()?;
        seed(&mut conn, memberships, per_membership)?
    };
    let seeded = started.elapsed();
    let rows = memberships * per_membership;
    println!("# {backend}: {memberships} memberships, {rows} responses (seeded in {:.1} s, {:.0} rows/s)", seeded.as_secs_f64(), rows as f64 / seeded.as_secs_f64());
    // The seed bypasses the use cases: compute each membership's stored compliance as start-up does.
    let today = chrono::Utc::now().date_naive();
    let started = Instant::now();
    let filled = standing::fill_missing(&mut *csat_index::testing::pool(&state).get()?, today)?;
    println!(
        "Stored compliance of {filled} memberships computed in {:.1} s (start-up, for memberships without one).",
        started.elapsed().as_secs_f64()
    );

    let admin = state.verifier().issue(
        Role::Admin,
        None,
        "bench",
        chrono::Utc::now().timestamp(),
        3600,
    )?;
    let vendor = state.verifier().issue(
        Role::Vendor,
        None,
        "bench",
        chrono::Utc::now().timestamp(),
        3600,
    )?;
    let address = serve(state.clone())?;

    let mut pick = Picker(7);
    let ceiling_http = measure(300, || get(address, "/bare", &admin));
    let compliance = measure(300, || {
        get(
            address,
            &format!(
                "/api/v1/memberships/{}/compliance",
                ids[pick.next(ids.len())]
            ),
            &admin,
        )
    });
    let mut conn = csat_index::testing::pool(&state).get()?;
    let ceiling_db = measure(300, || {
        count_membership(&mut conn, &ids[pick.next(ids.len())])
    });
    let list = measure(50, || {
        get(address, "/api/v1/program/compliance?limit=200", &vendor)
    });
    let filtered = measure(50, || {
        get(
            address,
            "/api/v1/program/compliance?limit=200&status=met&country=DE",
            &vendor,
        )
    });
    let yesterday = today.pred_opt().unwrap_or(today);
    let counted = measure(5, || {
        get(
            address,
            &format!("/api/v1/program/compliance?limit=200&as_of={yesterday}"),
            &vendor,
        )
    });
    let ceiling_scan = measure(5, || count_window(&mut conn));

    println!();
    println!("| operation | p50 | p95 | ceiling measured in this run | ceiling p50 | ratio (p50 / ceiling p50) |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let ceiling_one = ceiling_http.p50 + ceiling_db.p50;
    row(
        "one membership's compliance (HTTP)",
        &compliance,
        "bare actix-web GET + indexed COUNT of its responses",
        ceiling_one,
    );
    row(
        "program-wide compliance list, 200 per page (HTTP)",
        &list,
        "COUNT of all responses in the 12-month window",
        ceiling_scan.p50,
    );
    row(
        "program-wide compliance list, status and country filters, 200 per page (HTTP)",
        &filtered,
        "COUNT of all responses in the 12-month window",
        ceiling_scan.p50,
    );
    row(
        "program-wide compliance list of another day (counted, not stored), 200 per page (HTTP)",
        &counted,
        "COUNT of all responses in the 12-month window",
        ceiling_scan.p50,
    );
    row("bare actix-web GET", &ceiling_http, "—", ceiling_http.p50);
    // What the first list of a new day pays: the rows whose responses enter or leave the window that day.
    let tomorrow = today.succ_opt().unwrap_or(today);
    let started = Instant::now();
    let stale = standing::refresh_stale(
        &mut conn,
        tomorrow.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
    )?;
    println!();
    println!(
        "When the day turns, the first list recomputes {stale} memberships in {:.2} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn row(name: &str, stats: &Stats, ceiling: &str, ceiling_p50: Duration) {
    println!(
        "| {name} | {} | {} | {ceiling} | {} | {:.1} |",
        ms(stats.p50),
        ms(stats.p95),
        ms(ceiling_p50),
        stats.p50.as_secs_f64() / ceiling_p50.as_secs_f64()
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

struct Stats {
    p50: Duration,
    p95: Duration,
}

fn measure(runs: usize, mut work: impl FnMut()) -> Stats {
    work();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    Stats {
        p50: times[runs / 2],
        p95: times[(runs * 95 / 100).min(runs - 1)],
    }
}

struct Picker(u64);

impl Picker {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn serve(state: AppState) -> Result<SocketAddr, Box<dyn std::error::Error>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(move || {
                App::new()
                    .route(
                        "/bare",
                        web::get().to(|| async { HttpResponse::Ok().body("ok") }),
                    )
                    .configure(csat_index::configure(state.clone()))
            })
            .workers(2)
            .bind("127.0.0.1:0")
            .expect("bind");
            sender.send(server.addrs()[0]).expect("report the address");
            server.run().await.expect("serve");
        })
    });
    Ok(receiver.recv()?)
}

fn get(address: SocketAddr, path: &str, token: &str) {
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n").expect("send");
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).expect("read");
    assert!(
        reply.starts_with(b"HTTP/1.1 200"),
        "{path}: {}",
        String::from_utf8_lossy(&reply[..reply.len().min(300)])
    );
}

fn count_membership(conn: &mut DbConnection, membership: &str) {
    conn.batch_execute(&format!(
        "SELECT COUNT(*) FROM responses WHERE membership_id = '{membership}'"
    ))
    .expect("count");
}

fn count_window(conn: &mut DbConnection) {
    let since = db::timestamp(chrono::Utc::now() - chrono::Duration::days(365));
    conn.batch_execute(&format!(
        "SELECT COUNT(*) FROM responses WHERE voided_at IS NULL AND completed_at >= '{since}'"
    ))
    .expect("scan");
}

/// Seeds with multi-row INSERTs in large transactions; returns the membership ids.
fn seed(
    conn: &mut DbConnection,
    memberships: usize,
    per_membership: usize,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let now = chrono::Utc::now();
    let stamp = db::timestamp(now);
    let id = |kind: u8, n: usize| format!("{kind:02x}000000-0000-7000-8000-{n:012x}");
    let mut ids = Vec::with_capacity(memberships);
    let partners = memberships.div_ceil(5);
    let statements = |rows: Vec<String>, head: &str| -> Vec<String> {
        rows.chunks(500)
            .map(|c| format!("{head} VALUES {};", c.join(",")))
            .collect()
    };
    conn.batch_execute("BEGIN")?;
    let partner_rows = (0..partners)
        .map(|p| {
            format!(
                "('{}','BENCH-{p}','Partner {p}','[]',1,'{stamp}','{stamp}')",
                id(1, p)
            )
        })
        .collect();
    for sql in statements(partner_rows, "INSERT INTO partners (id, external_key, name, email_domains, version, created_at, updated_at)") {
        conn.batch_execute(&sql)?;
    }
    let countries = ["BG", "DE", "FR", "RU", "US", "RO", "PL", "IT"];
    let mut membership_rows = Vec::new();
    let mut office_rows = Vec::new();
    let mut survey_rows = Vec::new();
    for m in 0..memberships {
        let (membership, partner, office, survey) = (id(2, m), id(1, m / 5), id(3, m), id(4, m));
        membership_rows.push(format!(
            "('{membership}','{partner}','BENCH-M-{m}','2027-06-30',1,'{stamp}','{stamp}')"
        ));
        office_rows.push(format!("('{office}','{membership}','{partner}','Office {m}','{}','City',1,'{stamp}','{stamp}')", countries[m % countries.len()]));
        survey_rows.push(format!("('{survey}','{office}','{membership}','{partner}','Bench','open','[\"en\"]',NULL,'{stamp}',NULL,'[]',1,'{stamp}','{stamp}')"));
        ids.push(membership);
    }
    for sql in statements(membership_rows, "INSERT INTO memberships (id, partner_id, membership_number, renewal_date, version, created_at, updated_at)") {
        conn.batch_execute(&sql)?;
    }
    for sql in statements(office_rows, "INSERT INTO offices (id, membership_id, partner_id, name, country, city, version, created_at, updated_at)") {
        conn.batch_execute(&sql)?;
    }
    for sql in statements(survey_rows, "INSERT INTO surveys (id, office_id, membership_id, partner_id, title, status, locales, closes_at, opened_at, closed_at, questionnaire, version, created_at, updated_at)") {
        conn.batch_execute(&sql)?;
    }
    conn.batch_execute("COMMIT")?;
    let mut picker = Picker(11);
    let mut n = 0;
    for chunk in (0..memberships).collect::<Vec<_>>().chunks(200) {
        let mut rows = Vec::with_capacity(chunk.len() * per_membership);
        for &m in chunk {
            for r in 0..per_membership {
                let completed = db::timestamp(
                    now - chrono::Duration::minutes(picker.next(60 * 24 * 540) as i64),
                );
                let org = picker.next(20);
                rows.push(format!(
                    "('{}','{}','{}','{}','{}',NULL,NULL,0,'domain:org{org}-{m}.example','en','import','{completed}',NULL,NULL,NULL,'{stamp}')",
                    id(5, n),
                    id(4, m),
                    id(3, m),
                    id(2, m),
                    id(1, m / 5)
                ));
                n += 1;
                let _ = r;
            }
        }
        conn.batch_execute("BEGIN")?;
        for sql in statements(rows, "INSERT INTO responses (id, survey_id, office_id, membership_id, partner_id, invitation_id, contact_id, anonymous, org_key, locale, source, completed_at, voided_at, voided_by, void_reason, created_at)") {
            conn.batch_execute(&sql)?;
        }
        conn.batch_execute("COMMIT")?;
    }
    if let DbConnection::Postgresql(_) = conn {
        conn.batch_execute("ANALYZE")?;
    } else {
        conn.batch_execute("ANALYZE")?;
    }
    Ok(ids)
}
