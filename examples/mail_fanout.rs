//! Benchmark of invitation fan-out by email: seeds N consenting contacts (default 100,000) with bulk
//! inserts, invites them all by email through the invitation service, then lets one outbox worker
//! deliver the outbox into an SMTP sink running in this program, and prints the delivery rate, the
//! time to the last message and the duplicates, next to ceilings measured in the same run on the
//! same sink (a bare lettre client over one pooled connection, and over as many as the worker uses).
//! Runs on SQLite (a temporary file) and on PostgreSQL when `CSAT_BENCH_POSTGRES_URL` is set or a
//! server answers at 127.0.0.1:5432 (a database is created for the run and dropped after).
//! Run it with `bench/mail.sh` (release build, loopback only).
//!
//! Usage: `mail_fanout [contacts]`; the worker reads `CSAT_MAIL_BATCH` and `CSAT_MAIL_CONCURRENCY`
//! like the server; `CSAT_BENCH_BACKENDS=sqlite|postgres` runs one backend only.

use std::{
    collections::{HashMap, HashSet},
    io::{BufRead, BufReader, Write},
    net::{TcpListener, TcpStream},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use csat_index::{
    auth::Visibility,
    config::{Config, MailDelivery},
    testing::{
        db::{self, DbConnection},
        domain::{
            ids::{ContactId, SurveyId},
            invitation::Delivery,
        },
        service,
    },
    AppState,
};
use diesel::{connection::SimpleConnection, Connection};
use lettre::{message::Mailbox, transport::smtp::PoolConfig, Message, SmtpTransport, Transport};

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let contacts: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(100_000);
    let delivery = MailDelivery::from_env()?;
    let only = std::env::var("CSAT_BENCH_BACKENDS").unwrap_or_default();
    let sink = Sink::start()?;
    println!(
        "mail fan-out: {contacts} contacts, one worker: passes of {} messages, {} senders (SMTP connections)",
        delivery.batch, delivery.concurrency
    );

    let single = ceiling(&sink, 1, 100)?;
    let pooled = ceiling(&sink, delivery.concurrency, contacts.clamp(1, 5_000))?;
    println!(
        "ceiling, bare lettre into the same sink: {single:.0} messages/s over 1 pooled connection, \
         {pooled:.0} messages/s over {} pooled connections",
        delivery.concurrency
    );

    if only.is_empty() || only == "sqlite" {
        let path = std::env::temp_dir().join(format!("csat-mail-bench-{}.db", std::process::id()));
        let url = format!("sqlite://{}", path.display());
        let result = run("SQLite", &url, contacts, delivery, &sink, pooled);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        result?;
    }
    if only.is_empty() || only == "postgres" {
        match postgres_base() {
            None => println!("PostgreSQL: skipped (set CSAT_BENCH_POSTGRES_URL or start a server at 127.0.0.1:5432)"),
            Some(base) => {
                let name = format!("csat_mail_bench_{}", std::process::id());
                let mut admin = diesel::PgConnection::establish(&base)?;
                admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
                let url = match base.rfind('/') {
                    Some(slash) if slash > "postgres://".len() => format!("{}/{name}", &base[..slash]),
                    _ => format!("{base}/{name}"),
                };
                let result = run("PostgreSQL", &url, contacts, delivery, &sink, pooled);
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
                result?;
            }
        }
    }
    Ok(())
}

/// The PostgreSQL server to use, if any.
fn postgres_base() -> Option<String> {
    match std::env::var("CSAT_BENCH_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => TcpStream::connect_timeout(&"127.0.0.1:5432".parse().ok()?, Duration::from_secs(1))
            .ok()
            .map(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned()),
    }
}

/// Seeds, queues and delivers on one backend, and prints the figures.
fn run(
    backend: &str,
    url: &str,
    contacts: usize,
    delivery: MailDelivery,
    sink: &Sink,
    ceiling: f64,
) -> Result<(), Error> {
    let settings: HashMap<&str, String> = HashMap::from([
        ("CSAT_DATABASE_URL", url.to_owned()),
        (
            "CSAT_JWT_SECRET",
            "mail-benchmark-secret-at-least-32-bytes".into(),
        ),
        ("CSAT_MAIL_URL", format!("smtp://127.0.0.1:{}", sink.port)),
        ("CSAT_MAIL_FROM", "Bench <bench@localhost>".into()),
        ("CSAT_PUBLIC_URL", "http://127.0.0.1:8080".into()),
    ]);
    let config = Config::from_lookup(|name| settings.get(name).cloned())?;
    let state = AppState::new(&config)?.with_mail_delivery(delivery);
    let pool = csat_index::testing::pool(&state).clone();
    let mut conn = pool.get()?;

    let started = Instant::now();
    let (survey, ids) = seed(&mut conn, contacts)?;
    let seeded = started.elapsed();

    let started = Instant::now();
    let now = chrono::Utc::now();
    for chunk in ids.chunks(500) {
        let batch = service::invitations::invite(
            &mut conn,
            Visibility::All,
            survey,
            chunk.to_vec(),
            Delivery::Email,
            "http://127.0.0.1:8080",
            now,
        )?;
        assert_eq!(batch.invited.len(), chunk.len(), "every contact is invited");
    }
    let queued = started.elapsed();
    drop(conn);

    sink.reset();
    let started = Instant::now();
    let worker = state.start_outbox_worker();
    let limit = Duration::from_secs(120 + contacts as u64 / 20);
    while sink.counts().messages < contacts && started.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(50));
    }
    // Anything sent twice would arrive within a pass or two.
    std::thread::sleep(Duration::from_millis(500));
    drop(worker);
    let counts = sink.counts();
    let last = counts
        .last
        .map(|at| at.saturating_duration_since(started))
        .unwrap_or(limit);
    let unsent: i64 = {
        use csat_index::testing::db::schema::outbox;
        use diesel::prelude::*;
        outbox::table
            .filter(outbox::sent_at.is_null())
            .count()
            .get_result(&mut pool.get()?)?
    };
    let rate = counts.recipients as f64 / last.as_secs_f64();
    println!(
        "{backend}: seeded {contacts} contacts in {:.1} s; queued {contacts} email invitations in {:.1} s ({:.0}/s)",
        seeded.as_secs_f64(),
        queued.as_secs_f64(),
        contacts as f64 / queued.as_secs_f64()
    );
    println!(
        "{backend}: delivered {} messages to {} recipients in {:.1} s (last message {:.1} s after the worker started): \
         {rate:.0} messages/s = {:.2} × ceiling; {} duplicates, {} not delivered, {} still unsent in the outbox, {} SMTP connections",
        counts.messages,
        counts.recipients,
        last.as_secs_f64(),
        last.as_secs_f64(),
        rate / ceiling,
        counts.messages - counts.recipients,
        contacts.saturating_sub(counts.recipients),
        unsent,
        counts.connections
    );
    Ok(())
}

/// One partner, membership, office and open survey, and `contacts` consenting contacts (multi-row
/// INSERTs, one transaction); returns the survey and the contacts.
fn seed(conn: &mut DbConnection, contacts: usize) -> Result<(SurveyId, Vec<ContactId>), Error> {
    let stamp = db::timestamp(chrono::Utc::now());
    let id = |kind: u8, n: usize| format!("{kind:02x}000000-0000-7000-8000-{n:012x}");
    let (partner, membership, office, survey) = (id(1, 0), id(2, 0), id(3, 0), id(4, 0));
    conn.batch_execute("BEGIN")?;
    conn.batch_execute(&format!(
        "INSERT INTO partners (id, external_key, name, email_domains, version, created_at, updated_at) \
         VALUES ('{partner}', 'MAIL-BENCH', 'Mail bench', '[]', 1, '{stamp}', '{stamp}');
         INSERT INTO memberships (id, partner_id, membership_number, renewal_date, version, created_at, updated_at) \
         VALUES ('{membership}', '{partner}', 'MAIL-BENCH-M', '2027-06-30', 1, '{stamp}', '{stamp}');
         INSERT INTO offices (id, membership_id, partner_id, name, country, city, version, created_at, updated_at) \
         VALUES ('{office}', '{membership}', '{partner}', 'Office', 'DE', 'Berlin', 1, '{stamp}', '{stamp}');
         INSERT INTO surveys (id, office_id, membership_id, partner_id, title, status, locales, closes_at, opened_at, \
         closed_at, questionnaire, version, created_at, updated_at) VALUES ('{survey}', '{office}', '{membership}', \
         '{partner}', 'Bench', 'open', '[\"en\"]', NULL, '{stamp}', NULL, '[]', 1, '{stamp}', '{stamp}');"
    ))?;
    let ids: Vec<String> = (0..contacts).map(|n| id(5, n)).collect();
    for (chunk_index, chunk) in ids.chunks(500).enumerate() {
        let rows: Vec<String> = chunk
            .iter()
            .enumerate()
            .map(|(i, contact)| {
                let n = chunk_index * 500 + i;
                format!(
                    "('{contact}', '{office}', '{partner}', 'Contact {n}', 'fan-{n}@org{}.example', 'Org {}', \
                     'domain:org{}.example', 'en', '{stamp}', 'web_form', NULL, 1, '{stamp}', '{stamp}')",
                    n % 1000,
                    n % 1000,
                    n % 1000
                )
            })
            .collect();
        conn.batch_execute(&format!(
            "INSERT INTO contacts (id, office_id, partner_id, name, email, organization, org_key, locale, \
             consent_given_at, consent_method, erased_at, version, created_at, updated_at) VALUES {}",
            rows.join(",")
        ))?;
    }
    conn.batch_execute("COMMIT")?;
    let parse = |text: &str| uuid::Uuid::parse_str(text).map_err(Error::from);
    let contacts = ids
        .iter()
        .map(|text| parse(text).map(ContactId::from))
        .collect::<Result<_, _>>()?;
    Ok((SurveyId::from(parse(&survey)?), contacts))
}

/// The sink's rate fed by a bare lettre client: `messages` sent `connections` at a time over
/// pooled connections, no database.
fn ceiling(sink: &Sink, connections: usize, messages: usize) -> Result<f64, Error> {
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(sink.port)
        .pool_config(PoolConfig::new().max_size(connections as u32))
        .build();
    let from: Mailbox = "Bench <bench@localhost>".parse()?;
    sink.reset();
    let started = Instant::now();
    std::thread::scope(|scope| {
        for sender in 0..connections {
            let (transport, from) = (&transport, &from);
            scope.spawn(move || {
                for n in (sender..messages).step_by(connections) {
                    let message = Message::builder()
                        .from(from.clone())
                        .to(format!("ceiling-{n}@bench.example").parse().unwrap())
                        .subject("Ceiling")
                        .body("A message of the ceiling run.\r\n".to_owned())
                        .unwrap();
                    transport.send(&message).expect("the sink accepts");
                }
            });
        }
    });
    let elapsed = started.elapsed().as_secs_f64();
    let counts = sink.counts();
    assert_eq!(
        counts.recipients, messages,
        "the ceiling run delivered everything once"
    );
    Ok(messages as f64 / elapsed)
}

/// What the sink received since its last reset.
#[derive(Debug, Default, Clone)]
struct Counts {
    /// Messages accepted.
    messages: usize,
    /// Distinct recipients among them (one per message unless some came twice).
    recipients: usize,
    /// Connections opened.
    connections: usize,
    /// When the last message was accepted.
    last: Option<Instant>,
}

/// A minimal SMTP server on loopback (220, 250, 354, 250, 221), a thread per connection, that
/// counts messages and duplicates by recipient.
struct Sink {
    port: u16,
    state: Arc<Mutex<(Counts, HashSet<String>)>>,
}

impl Sink {
    fn start() -> Result<Sink, Error> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let state: Arc<Mutex<(Counts, HashSet<String>)>> = Arc::default();
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { break };
                shared.lock().unwrap().0.connections += 1;
                let shared = shared.clone();
                std::thread::spawn(move || serve(stream, &shared));
            }
        });
        Ok(Sink { port, state })
    }

    fn reset(&self) {
        *self.state.lock().unwrap() = Default::default();
    }

    fn counts(&self) -> Counts {
        self.state.lock().unwrap().0.clone()
    }
}

/// One SMTP session; a message counts when its final `.` is answered.
fn serve(stream: TcpStream, state: &Mutex<(Counts, HashSet<String>)>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    writer.write_all(b"220 localhost bench SMTP\r\n")?;
    let (mut line, mut recipient, mut in_data) = (String::new(), String::new(), false);
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        if in_data {
            if line == ".\r\n" {
                in_data = false;
                let mut guard = state.lock().unwrap();
                let (counts, seen) = &mut *guard;
                counts.messages += 1;
                if seen.insert(std::mem::take(&mut recipient)) {
                    counts.recipients += 1;
                }
                counts.last = Some(Instant::now());
                drop(guard);
                writer.write_all(b"250 2.0.0 queued\r\n")?;
            }
            continue;
        }
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("RCPT TO:") {
            recipient = line[8..].trim().to_owned();
            writer.write_all(b"250 OK\r\n")?;
        } else if upper.starts_with("DATA") {
            in_data = true;
            writer.write_all(b"354 end with .\r\n")?;
        } else if upper.starts_with("QUIT") {
            return writer.write_all(b"221 bye\r\n");
        } else if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            writer.write_all(b"250 localhost\r\n")?;
        } else {
            writer.write_all(b"250 OK\r\n")?;
        }
    }
}
