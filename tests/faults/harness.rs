//! What the fault tests share: the real binary as a child process (killed on drop), a small
//! blocking HTTP client, a TCP proxy the test can cut, an SMTP sink, databases of their own, and
//! SQL checks of what was stored. Everything listens on loopback ports picked free at run time, and
//! every wait has a deadline.

use std::{
    collections::HashMap,
    fs::File,
    io::{BufRead, BufReader, Read, Write},
    net::{Shutdown, SocketAddr, TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use diesel::{sql_types::BigInt, sql_types::Text, Connection, QueryableByName, RunQueryDsl};
use serde_json::{json, Value};
use uuid::Uuid;

/// The HS256 secret the binary is started with.
pub const SECRET: &str = "fault-test-secret-that-is-at-least-32-bytes";
/// Answers to the standard questions: every submission stores exactly these four.
pub const ANSWERS_PER_RESPONSE: i64 = 4;

/// A loopback port that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// A random number below `bound` (no extra crate for it).
pub fn random_below(bound: u64) -> u64 {
    (Uuid::new_v4().as_u128() % u128::from(bound.max(1))) as u64
}

/// Polls `done` every 20 ms until it holds or `timeout` passes; panics with `what` then.
#[track_caller]
pub fn wait_until(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

// ---------------------------------------------------------------------------------------------
// The binary

/// The service binary running as a child process; killed (SIGKILL) when dropped, so no test leaves
/// one behind, whatever fails.
pub struct Server {
    child: Child,
    /// The loopback port it listens on.
    pub port: u16,
    log: PathBuf,
}

impl Server {
    /// Starts `csat-index serve` on a free port with only `env` (plus the port, the JWT secret and
    /// no rate limit) and waits until `/health` answers.
    pub fn start(env: &[(&str, String)], log: &Path) -> Server {
        let port = free_port();
        let log_file = File::options()
            .create(true)
            .append(true)
            .open(log)
            .expect("the server log opens");
        let mut command = Command::new(env!("CARGO_BIN_EXE_csat-index"));
        command
            .arg("serve")
            .env_clear()
            .env("CSAT_BIND", format!("127.0.0.1:{port}"))
            .env("CSAT_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
            .env("CSAT_JWT_SECRET", SECRET)
            .env("CSAT_RESPONDENT_RATE_LIMIT", "100000")
            .env("CSAT_LOG", "WARN")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("the log file"))
            .stderr(log_file);
        for (name, value) in env {
            command.env(name, value);
        }
        let child = command.spawn().expect("the binary starts");
        let mut server = Server {
            child,
            port,
            log: log.to_owned(),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("the server exited at start ({status}):\n{}", server.log());
            }
            if get(port, "/health", None).is_ok_and(|r| r.status == 200) {
                return server;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not answer /health within 30 s:\n{}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `kill -9`, and waits until the process is gone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The end of its log, for failure messages.
    pub fn log(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let mut start = text.len().saturating_sub(4000);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        text[start..].to_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

// ---------------------------------------------------------------------------------------------
// HTTP

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Headers, names in lower case.
    pub headers: HashMap<String, String>,
    /// Body text.
    pub body: String,
}

impl Reply {
    /// The body as JSON (`Null` when it is not).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// Asserts a 503 RFC 9457 problem with `Retry-After` and the `unavailable` code.
    #[track_caller]
    pub fn assert_unavailable(&self, what: &str) {
        assert_eq!(self.status, 503, "{what}: {self:?}");
        assert_eq!(
            self.headers.get("content-type").map(String::as_str),
            Some("application/problem+json"),
            "{what}: {self:?}"
        );
        assert!(
            self.headers
                .get("retry-after")
                .is_some_and(|s| s.parse::<u64>().is_ok()),
            "{what}: no Retry-After: {self:?}"
        );
        let problem = self.json();
        assert_eq!(problem["status"], 503, "{what}: {self:?}");
        assert_eq!(problem["code"], "unavailable", "{what}: {self:?}");
    }
}

/// How long any one request may take before the test calls it hung.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// Sends one request on a new connection (`Connection: close`) and reads the whole response.
pub fn send(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> std::io::Result<Reply> {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(3))?;
    stream.set_read_timeout(Some(REQUEST_TIMEOUT))?;
    stream.set_write_timeout(Some(REQUEST_TIMEOUT))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    if let Some(token) = token {
        head.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse_reply(&raw)
}

/// Parses a complete HTTP/1.1 response (sized or chunked body).
pub fn parse_reply(raw: &[u8]) -> std::io::Result<Reply> {
    let invalid =
        |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| invalid("no complete response head"))?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid("no status line"))?;
    let headers: HashMap<String, String> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .get("transfer-encoding")
        .is_some_and(|t| t.contains("chunked"))
    {
        let mut decoded = Vec::new();
        let mut rest = &body[..];
        while let Some(end) = rest.windows(2).position(|w| w == b"\r\n") {
            let size = usize::from_str_radix(String::from_utf8_lossy(&rest[..end]).trim(), 16)
                .map_err(|_| invalid("bad chunk size"))?;
            if size == 0 || rest.len() < end + 2 + size {
                break;
            }
            decoded.extend_from_slice(&rest[end + 2..end + 2 + size]);
            rest = &rest[(end + 4 + size).min(rest.len())..];
        }
        body = decoded;
    } else if let Some(length) = headers.get("content-length").and_then(|l| l.parse().ok()) {
        if body.len() < length {
            return Err(invalid("the body was cut short"));
        }
        body.truncate(length);
    }
    Ok(Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// `GET path`.
pub fn get(port: u16, path: &str, token: Option<&str>) -> std::io::Result<Reply> {
    send(port, "GET", path, token, None)
}

/// `POST path` with a JSON body, expecting `status`; returns the JSON answer.
#[track_caller]
pub fn post_ok(port: u16, path: &str, token: &str, body: Value, status: u16) -> Value {
    let reply = send(port, "POST", path, Some(token), Some(&body))
        .unwrap_or_else(|e| panic!("POST {path}: {e}"));
    assert_eq!(reply.status, status, "POST {path}: {}", reply.body);
    reply.json()
}

/// A token the binary accepts.
pub fn token(role: &str, partner_id: Option<&str>) -> String {
    let claims = json!({
        "sub": "fault-test", "iss": "csat-index", "aud": "csat-index-api",
        "exp": chrono::Utc::now().timestamp() + 3600, "role": role, "partner_id": partner_id,
    });
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .expect("the token signs")
}

/// The answers every fault-test respondent submits (four answer rows).
pub fn answers() -> Value {
    json!({"answers": {
        "00000000-0000-7000-8000-000000000001": "very_satisfied",
        "00000000-0000-7000-8000-000000000002": 9,
        "00000000-0000-7000-8000-000000000003": 2,
        "00000000-0000-7000-8000-000000000004": "Fine"
    }})
}

// ---------------------------------------------------------------------------------------------
// Seeding through the API

/// One personal link: the respondent's path and the invitation it belongs to.
#[derive(Debug, Clone)]
pub struct Link {
    /// `/api/v1/respond/<token>`.
    pub path: String,
    /// The invitation's id.
    pub invitation: String,
}

/// A partner with one office and an open survey, created through the API.
pub struct Program {
    /// A token of the partner.
    pub partner_token: String,
    /// The office's id.
    pub office: String,
    /// The open survey's id.
    pub survey: String,
}

impl Program {
    /// Creates a partner (`key` unique per database), a membership, an office and an open survey.
    pub fn create(port: u16, key: &str) -> Program {
        let admin = token("admin", None);
        let partner = post_ok(
            port,
            "/api/v1/partners",
            &admin,
            json!({"external_key": key, "name": format!("Partner {key}")}),
            201,
        )["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let membership = post_ok(
            port,
            &format!("/api/v1/partners/{partner}/memberships"),
            &admin,
            json!({"membership_number": format!("M-{key}"), "renewal_date": "2027-06-30"}),
            201,
        )["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let office = post_ok(
            port,
            &format!("/api/v1/memberships/{membership}/offices"),
            &admin,
            json!({"name": "Office", "country": "BG", "city": "Sofia"}),
            201,
        )["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let survey = post_ok(
            port,
            &format!("/api/v1/offices/{office}/surveys"),
            &admin,
            json!({"title": "Fault test"}),
            201,
        )["id"]
            .as_str()
            .unwrap()
            .to_owned();
        post_ok(
            port,
            &format!("/api/v1/surveys/{survey}/open"),
            &admin,
            json!({}),
            200,
        );
        Program {
            partner_token: token("partner", Some(&partner)),
            office,
            survey,
        }
    }

    /// Imports `count` consenting contacts with addresses `<prefix><i>@faults.example`; returns their ids.
    pub fn contacts(&self, port: u16, prefix: &str, count: usize) -> Vec<String> {
        let mut ids = Vec::new();
        for start in (0..count).step_by(1000) {
            let rows: Vec<Value> = (start..count.min(start + 1000))
                .map(|i| {
                    json!({
                        "name": format!("Customer {i}"), "email": format!("{prefix}{i}@faults.example"),
                        "organization": format!("Org {}", i % 50), "locale": "en",
                        "consent": {"given_at": "2026-01-15T10:00:00Z", "method": "web_form"}
                    })
                })
                .collect();
            let reply = post_ok(
                port,
                &format!("/api/v1/offices/{}/contacts/import", self.office),
                &token("admin", None),
                json!({ "contacts": rows }),
                200,
            );
            assert_eq!(reply["created"], rows.len(), "{reply}");
            ids.extend(
                reply["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["contact_id"].as_str().unwrap().to_owned()),
            );
        }
        ids
    }

    /// Invites `contacts` with `delivery` (`partner` or `email`) through the server at `port`;
    /// returns the links (`partner` delivery) or the invitation ids with empty paths (`email`).
    pub fn invite(&self, port: u16, contacts: &[String], delivery: &str) -> Vec<Link> {
        let mut links = Vec::new();
        for batch in contacts.chunks(500) {
            let reply = post_ok(
                port,
                &format!("/api/v1/surveys/{}/invitations", self.survey),
                &self.partner_token,
                json!({"contact_ids": batch, "delivery": delivery}),
                200,
            );
            let invited = reply["invited"].as_array().unwrap();
            assert_eq!(invited.len(), batch.len(), "{reply}");
            links.extend(invited.iter().map(|i| {
                Link {
                    path: i["link"]
                        .as_str()
                        .map(|link| format!("/api/v1/respond/{}", link.rsplit('/').next().unwrap()))
                        .unwrap_or_default(),
                    invitation: i["invitation"]["id"].as_str().unwrap().to_owned(),
                }
            }));
        }
        links
    }
}

// ---------------------------------------------------------------------------------------------
// Databases and what they hold

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file.
    Sqlite,
    /// A fresh PostgreSQL database on `CSAT_TEST_POSTGRES_URL`.
    Postgres,
}

/// `CSAT_TEST_POSTGRES_URL`, when set.
pub fn postgres_url() -> Option<String> {
    std::env::var("CSAT_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// A database (and a scratch folder for logs and mail) that exists for one test; removed on drop.
pub struct Database {
    /// The backend.
    pub backend: Backend,
    /// The URL the service is given.
    pub url: String,
    /// The scratch folder.
    pub dir: PathBuf,
    name: String,
}

impl Database {
    /// A brand-new database on `backend`.
    pub fn create(backend: Backend) -> Database {
        let name = format!("csat_fault_{}", Uuid::new_v4().simple());
        let dir = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&dir).expect("the scratch folder");
        let url = match backend {
            Backend::Sqlite => dir.join("csat-index.db").to_string_lossy().into_owned(),
            Backend::Postgres => {
                let admin_url = postgres_url().expect("CSAT_TEST_POSTGRES_URL is set");
                let mut admin = diesel::PgConnection::establish(&admin_url)
                    .expect("PostgreSQL at CSAT_TEST_POSTGRES_URL");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .expect("CREATE DATABASE");
                let (base, _) = admin_url
                    .rsplit_once('/')
                    .expect("a URL ending in /database");
                format!("{base}/{name}")
            }
        };
        Database {
            backend,
            url,
            dir,
            name,
        }
    }

    /// The same PostgreSQL database reached through `port` on loopback (a proxy).
    pub fn url_through(&self, port: u16) -> String {
        let (_, database) = self.url.rsplit_once('/').unwrap();
        format!("postgres://postgres@127.0.0.1:{port}/{database}")
    }

    /// Every invitation with its responses and their answers, and the responses without answers,
    /// read straight from the database.
    pub fn stored(&self) -> Stored {
        const INVITATIONS: &str = "SELECT i.id, i.status, \
             (SELECT COUNT(*) FROM responses r WHERE r.invitation_id = i.id) AS responses, \
             (SELECT COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id \
              WHERE r.invitation_id = i.id) AS answers \
             FROM invitations i";
        const ORPHANS: &str =
            "SELECT COUNT(*) AS n FROM responses r WHERE r.invitation_id IS NULL \
             OR NOT EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id)";
        let (invitations, orphans) = match self.backend {
            Backend::Sqlite => {
                let mut conn = diesel::SqliteConnection::establish(&self.url).unwrap();
                diesel::sql_query("PRAGMA busy_timeout = 5000")
                    .execute(&mut conn)
                    .unwrap();
                (
                    diesel::sql_query(INVITATIONS).load(&mut conn).unwrap(),
                    diesel::sql_query(ORPHANS)
                        .get_result::<Count>(&mut conn)
                        .unwrap(),
                )
            }
            Backend::Postgres => {
                let mut conn = diesel::PgConnection::establish(&self.url).unwrap();
                (
                    diesel::sql_query(INVITATIONS).load(&mut conn).unwrap(),
                    diesel::sql_query(ORPHANS)
                        .get_result::<Count>(&mut conn)
                        .unwrap(),
                )
            }
        };
        Stored {
            invitations: invitations
                .into_iter()
                .map(|i: InvitationState| (i.id.clone(), i))
                .collect(),
            orphan_responses: orphans.n,
        }
    }

    /// Counts with one `n` column (`SELECT COUNT(*) AS n …`) on PostgreSQL.
    pub fn pg_count(&self, sql: &str) -> i64 {
        let mut conn = diesel::PgConnection::establish(&self.url).unwrap();
        diesel::sql_query(sql)
            .get_result::<Count>(&mut conn)
            .unwrap()
            .n
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if self.backend == Backend::Postgres {
            if let Some(admin_url) = postgres_url() {
                if let Ok(mut admin) = diesel::PgConnection::establish(&admin_url) {
                    let _ = diesel::sql_query(format!(
                        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                        self.name
                    ))
                    .execute(&mut admin);
                }
            }
        }
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// One invitation as stored.
#[derive(Debug, QueryableByName)]
pub struct InvitationState {
    #[diesel(sql_type = Text)]
    id: String,
    /// Its status.
    #[diesel(sql_type = Text)]
    pub status: String,
    /// Responses stored for it.
    #[diesel(sql_type = BigInt)]
    pub responses: i64,
    /// Answer rows of those responses.
    #[diesel(sql_type = BigInt)]
    pub answers: i64,
}

/// What the database holds.
pub struct Stored {
    /// Invitations by id.
    pub invitations: HashMap<String, InvitationState>,
    /// Responses without an invitation or without answers (fault tests only store live responses).
    pub orphan_responses: i64,
}

/// What a client learned about one submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx: the service acknowledged it.
    Acknowledged,
    /// 409: already answered (a retry of a submission whose first answer was lost).
    AlreadyAnswered,
    /// Another status, or no answer at all (the connection died).
    NotAcknowledged,
}

impl Stored {
    /// Asserts that nothing is half-stored: each invitation has no response, or exactly one with all
    /// its answers and then it is completed; no response stands without its answers or invitation.
    #[track_caller]
    pub fn assert_consistent(&self) {
        assert_eq!(self.orphan_responses, 0, "responses without answers");
        for (id, state) in &self.invitations {
            assert!(
                state.responses <= 1,
                "invitation {id} has {} responses",
                state.responses
            );
            assert_eq!(
                state.answers,
                state.responses * ANSWERS_PER_RESPONSE,
                "invitation {id}: {state:?}"
            );
            assert_eq!(
                state.status == "completed",
                state.responses == 1,
                "invitation {id}: {state:?}"
            );
        }
    }

    /// Asserts that every acknowledged (or already answered) submission is stored exactly once;
    /// returns how many were stored though never acknowledged (they died between commit and answer).
    #[track_caller]
    pub fn assert_acknowledged_kept(&self, outcomes: &[(Link, Outcome)]) -> usize {
        let mut stored_unacknowledged = 0;
        for (link, outcome) in outcomes {
            let state = self
                .invitations
                .get(&link.invitation)
                .unwrap_or_else(|| panic!("invitation {} is gone", link.invitation));
            match outcome {
                Outcome::Acknowledged | Outcome::AlreadyAnswered => assert_eq!(
                    state.responses, 1,
                    "acknowledged answer for {} is stored {} times",
                    link.invitation, state.responses
                ),
                Outcome::NotAcknowledged => stored_unacknowledged += state.responses as usize,
            }
        }
        stored_unacknowledged
    }
}

/// Submits the standard answers on `link` at `port`.
pub fn submit(port: u16, link: &Link) -> std::io::Result<Reply> {
    send(port, "POST", &link.path, None, Some(&answers()))
}

/// The outcome of a submission's reply.
pub fn outcome(reply: &std::io::Result<Reply>) -> Outcome {
    match reply {
        Ok(r) if (200..300).contains(&r.status) => Outcome::Acknowledged,
        Ok(r) if r.status == 409 => Outcome::AlreadyAnswered,
        _ => Outcome::NotAcknowledged,
    }
}

// ---------------------------------------------------------------------------------------------
// A TCP proxy the test can cut

/// A TCP forwarder on a loopback port to `upstream`. [`Proxy::cut`] closes every forwarded
/// connection and refuses new ones (the port is closed); [`Proxy::restore`] listens again.
pub struct Proxy {
    /// The port it listens on.
    pub port: u16,
    upstream: SocketAddr,
    open: Arc<Mutex<Vec<TcpStream>>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Proxy {
    /// Starts forwarding a free loopback port to `upstream`.
    pub fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("the proxy binds");
        let mut proxy = Proxy {
            port: listener.local_addr().unwrap().port(),
            upstream,
            open: Arc::default(),
            stop: Arc::default(),
            thread: None,
        };
        proxy.listen(listener);
        proxy
    }

    fn listen(&mut self, listener: TcpListener) {
        listener.set_nonblocking(true).unwrap();
        let (open, stop, upstream) = (self.open.clone(), self.stop.clone(), self.upstream);
        stop.store(false, Ordering::SeqCst);
        self.thread = Some(std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                let Ok((client, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(5));
                    continue;
                };
                client.set_nonblocking(false).unwrap();
                let Ok(server) = TcpStream::connect_timeout(&upstream, Duration::from_secs(3))
                else {
                    continue;
                };
                let mut open = open.lock().unwrap();
                for (from, to) in [(&client, &server), (&server, &client)] {
                    let (mut from, mut to) = (from.try_clone().unwrap(), to.try_clone().unwrap());
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(Shutdown::Both);
                        let _ = from.shutdown(Shutdown::Both);
                    });
                }
                open.extend([client, server]);
            }
        }));
    }

    /// Closes every forwarded connection and stops listening.
    pub fn cut(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
        for stream in self.open.lock().unwrap().drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    /// Listens again on the same port.
    pub fn restore(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).expect("the proxy re-binds");
        self.listen(listener);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.cut();
    }
}

// ---------------------------------------------------------------------------------------------
// An SMTP sink

/// A minimal SMTP server on loopback (220/250/354/221) that records the `To:` of every message.
pub struct SmtpSink {
    /// Its port.
    pub port: u16,
    received: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    /// Starts the sink; each connection is served on its own thread.
    pub fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").expect("the SMTP sink binds");
        let port = listener.local_addr().unwrap().port();
        let received: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink = received.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { break };
                let sink = sink.clone();
                std::thread::spawn(move || {
                    let _ = serve_smtp(stream, &sink);
                });
            }
        });
        SmtpSink { port, received }
    }

    /// The recipients of the messages received so far, one entry per message.
    pub fn recipients(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }
}

fn serve_smtp(mut stream: TcpStream, sink: &Mutex<Vec<String>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    stream.write_all(b"220 localhost fault-test SMTP\r\n")?;
    let (mut line, mut to, mut in_data) = (String::new(), None, false);
    while reader.read_line(&mut line)? > 0 {
        let command = line.trim_end().to_owned();
        line.clear();
        if in_data {
            if command == "." {
                in_data = false;
                sink.lock()
                    .unwrap()
                    .push(to.take().unwrap_or_else(|| "(no To:)".to_owned()));
                stream.write_all(b"250 2.0.0 queued\r\n")?;
            } else if let Some(address) = command.strip_prefix("To: ") {
                to = Some(address.trim().to_owned());
            }
            continue;
        }
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" | "HELO" => stream.write_all(b"250 localhost\r\n")?,
            "DATA" => {
                in_data = true;
                stream.write_all(b"354 end with .\r\n")?;
            }
            "QUIT" => {
                stream.write_all(b"221 bye\r\n")?;
                break;
            }
            _ => stream.write_all(b"250 OK\r\n")?,
        }
    }
    Ok(())
}
