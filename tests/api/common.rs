//! The test app: the real API in-process over a real SQLite file or a fresh PostgreSQL database.

use std::{future::Future, pin::Pin, rc::Rc, sync::Arc, time::Duration};

use actix_web::{
    http::{header::HeaderMap, Method, StatusCode},
    test as atest, App,
};
use csat_index::{
    auth::Role,
    config::{Config, DatabaseUrl, JwtConfig, JwtKey, MailConfig, RateLimits, WebhookSettings},
    mail::MailTransport,
    AppState, Clock,
};
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::Value;
use uuid::Uuid;

/// The HS256 secret of every test app.
pub const SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";
/// `iss` of test tokens.
pub const ISSUER: &str = "csat-index";
/// The public URL of test apps (personal links start with it).
pub const PUBLIC_URL: &str = "http://csat.test";
/// `aud` of test tokens.
pub const AUDIENCE: &str = "csat-index-api";

/// Which database a test app runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backends to test: SQLite always, PostgreSQL when `CSAT_TEST_POSTGRES_URL` names a server.
pub fn backends() -> Vec<Backend> {
    let mut list = vec![Backend::Sqlite];
    if postgres_url().is_some() {
        list.push(Backend::Postgres);
    }
    list
}

fn postgres_url() -> Option<String> {
    std::env::var("CSAT_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// Asserts the status and returns the body.
    #[track_caller]
    pub fn expect(&self, status: u16) -> &Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        &self.body
    }

    /// Asserts an RFC 9457 problem with this status and returns it.
    #[track_caller]
    pub fn problem(&self, status: u16) -> &Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json"),
            "body: {}",
            self.text
        );
        assert_eq!(self.body["status"], status);
        assert!(self.body["type"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(self.body["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(
            self.body["detail"].as_str().is_some_and(|t| !t.is_empty()),
            "problem without detail: {}",
            self.text
        );
        assert!(
            self.body["code"].as_str().is_some_and(|c| !c.is_empty()),
            "problem without code: {}",
            self.text
        );
        &self.body
    }

    /// Asserts an RFC 9457 problem with this status and returns its `code`.
    #[track_caller]
    pub fn problem_code(&self, status: u16) -> String {
        self.problem(status)["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The `field`s of a validation problem.
    pub fn error_fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
            .collect()
    }
}

type Call = Rc<dyn Fn(actix_http::Request) -> Pin<Box<dyn Future<Output = Reply>>>>;

/// How a test app differs from the defaults.
pub struct Options {
    pub pool_size: u32,
    pub pool_timeout: Duration,
    pub clock: Option<Arc<dyn Clock>>,
    pub mail: Option<MailConfig>,
    pub mailer: Option<Arc<dyn MailTransport>>,
    pub respondent_rate_limit: u32,
    /// Requests per minute per token (high by default, so only the tests of limits meet them).
    pub rate_limits: RateLimits,
    /// Mount the API under this prefix inside a host app with its own JSON, query and 404 handling
    /// (each answering 418), as an embedding host would; requests then go under the prefix.
    pub hosted_at: Option<&'static str>,
    /// Webhook delivery settings (HTTPS to public addresses only by default).
    pub webhooks: Option<WebhookSettings>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pool_size: 8,
            pool_timeout: Duration::from_secs(5),
            clock: None,
            mail: None,
            mailer: None,
            respondent_rate_limit: 10_000,
            rate_limits: RateLimits {
                partner: 1_000_000,
                vendor: 1_000_000,
                admin: 1_000_000,
                ..RateLimits::default()
            },
            hosted_at: None,
            webhooks: None,
        }
    }
}

/// A running API with its database; the database is dropped with it.
pub struct TestApp {
    pub state: AppState,
    call: Call,
    /// Where the API is mounted ("" at the root); every request path is taken below it.
    pub prefix: &'static str,
    database: Rc<Database>,
}

/// A request being built.
pub struct Req<'a> {
    app: &'a TestApp,
    request: atest::TestRequest,
}

impl Req<'_> {
    pub fn token(mut self, token: &str) -> Self {
        self.request = self
            .request
            .insert_header(("Authorization", format!("Bearer {token}")));
        self
    }
    pub fn with_role(self, role: Role, partner_id: Option<&str>) -> Self {
        let token = token(role, partner_id.map(|p| p.parse().unwrap()));
        self.token(&token)
    }
    pub fn admin(self) -> Self {
        self.with_role(Role::Admin, None)
    }
    pub fn vendor(self) -> Self {
        self.with_role(Role::Vendor, None)
    }
    pub fn partner(self, partner_id: &str) -> Self {
        self.with_role(Role::Partner, Some(partner_id))
    }
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.request = self
            .request
            .insert_header((name.to_owned(), value.to_owned()));
        self
    }
    pub fn json(mut self, body: Value) -> Self {
        self.request = self.request.set_json(body);
        self
    }
    pub fn raw(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.request = self
            .request
            .insert_header(("content-type", content_type.to_owned()))
            .set_payload(body.into());
        self
    }
    pub async fn send(self) -> Reply {
        (self.app.call)(self.request.to_request()).await
    }
}

impl TestApp {
    /// Starts the API on `backend` with a brand-new database.
    pub async fn start(backend: Backend) -> TestApp {
        Self::start_with(backend, Options::default()).await
    }

    /// Starts the API with non-default options.
    pub async fn start_with(backend: Backend, options: Options) -> TestApp {
        Self::serve(Rc::new(Database::create(backend)), options).await
    }

    /// Starts another instance of the API (another replica) on this app's database.
    pub async fn replica(&self, options: Options) -> TestApp {
        Self::serve(self.database.clone(), options).await
    }

    async fn serve(database: Rc<Database>, options: Options) -> TestApp {
        let Options {
            pool_size,
            pool_timeout,
            clock,
            mail,
            mailer,
            respondent_rate_limit,
            rate_limits,
            hosted_at,
            webhooks,
        } = options;
        let config = Config {
            database: database.url.clone(),
            bind: "127.0.0.1:0".parse().unwrap(),
            jwt: JwtConfig {
                key: JwtKey::Secret(SECRET.as_bytes().to_vec()),
                issuer: ISSUER.into(),
                audience: AUDIENCE.into(),
                leeway_seconds: 5,
            },
            pool_size,
            pool_timeout,
            public_url: PUBLIC_URL.into(),
            public_url_is_default: false,
            mail: mail.unwrap_or_else(|| MailConfig::Directory(database.mail_dir())),
            mail_from: "CSAT Test <csat@test.example>".into(),
            respondent_rate_limit,
            trust_forwarded_for: false,
            rate_limits,
        };
        let mut state = AppState::new(&config).expect("the test app starts");
        if let Some(clock) = clock {
            state = state.with_clock(clock);
        }
        if let Some(mailer) = mailer {
            state = state.with_mailer(mailer);
        }
        if let Some(webhooks) = webhooks {
            state = state.with_webhooks(webhooks);
        }
        let service = Rc::new(match hosted_at {
            None => {
                atest::init_service(App::new().configure(csat_index::configure(state.clone())))
                    .await
            }
            Some(prefix) => {
                let teapot =
                    || actix_web::error::InternalError::new("host", StatusCode::IM_A_TEAPOT);
                atest::init_service(
                    App::new()
                        .app_data(
                            actix_web::web::JsonConfig::default()
                                .error_handler(move |_, _| teapot().into()),
                        )
                        .app_data(
                            actix_web::web::QueryConfig::default()
                                .error_handler(move |_, _| teapot().into()),
                        )
                        .route(
                            "/",
                            actix_web::web::get().to(|| async { "the host's own page" }),
                        )
                        .service(
                            actix_web::web::scope(prefix)
                                .configure(csat_index::configure(state.clone())),
                        )
                        .default_service(actix_web::web::to(|| async {
                            actix_web::HttpResponse::build(StatusCode::IM_A_TEAPOT).body("host")
                        })),
                )
                .await
            }
        });
        let call: Call = Rc::new(move |request| {
            let service = service.clone();
            Box::pin(async move {
                let response = atest::call_service(&*service, request).await;
                let (status, headers) = (response.status(), response.headers().clone());
                let bytes = atest::read_body(response).await;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
                Reply {
                    status,
                    headers,
                    body,
                    text,
                }
            })
        });
        TestApp {
            state,
            call,
            prefix: hosted_at.unwrap_or_default(),
            database,
        }
    }

    pub fn request(&self, method: Method, uri: &str) -> Req<'_> {
        Req {
            app: self,
            request: atest::TestRequest::default()
                .method(method)
                .uri(&format!("{}{uri}", self.prefix)),
        }
    }
    pub fn get(&self, uri: &str) -> Req<'_> {
        self.request(Method::GET, uri)
    }
    pub fn post(&self, uri: &str) -> Req<'_> {
        self.request(Method::POST, uri)
    }
    pub fn patch(&self, uri: &str) -> Req<'_> {
        self.request(Method::PATCH, uri)
    }
    pub fn delete(&self, uri: &str) -> Req<'_> {
        self.request(Method::DELETE, uri)
    }

    /// Creates a partner as admin and returns its id.
    pub async fn partner(&self, key: &str) -> String {
        let body = self
            .post("/api/v1/partners")
            .admin()
            .json(serde_json::json!({"external_key": key, "name": format!("Partner {key}")}))
            .send()
            .await;
        id_of(body.expect(201))
    }

    /// Creates a membership as admin and returns its id.
    pub async fn membership(&self, partner_id: &str, number: &str) -> String {
        let body = self
            .post(&format!("/api/v1/partners/{partner_id}/memberships"))
            .admin()
            .json(serde_json::json!({"membership_number": number, "renewal_date": "2027-06-30"}))
            .send()
            .await;
        id_of(body.expect(201))
    }

    /// Closes a reporting period as admin, publishing the quarters that end in it; returns the reply.
    pub async fn close_period(&self, period: &str) -> Value {
        self.post(&format!("/api/v1/periods/{period}/close"))
            .admin()
            .send()
            .await
            .expect(200)
            .clone()
    }

    /// Creates an office as admin and returns its id.
    pub async fn office(&self, membership_id: &str, country: &str) -> String {
        let body = self
            .post(&format!("/api/v1/memberships/{membership_id}/offices"))
            .admin()
            .json(serde_json::json!({"name": format!("Office {country}"), "country": country, "city": "Capital"}))
            .send()
            .await;
        id_of(body.expect(201))
    }

    /// Creates a contact as admin and returns its id.
    pub async fn contact(&self, office_id: &str, email: &str) -> String {
        let body = self
            .post(&format!("/api/v1/offices/{office_id}/contacts"))
            .admin()
            .json(serde_json::json!({"name": "Some Customer", "email": email, "organization": "Contoso Ltd", "locale": "bg"}))
            .send()
            .await;
        id_of(body.expect(201))
    }

    /// A partner with one membership, one office and one contact: (partner, membership, office, contact).
    pub async fn partner_tree(&self, key: &str) -> (String, String, String, String) {
        let partner = self.partner(key).await;
        let membership = self.membership(&partner, &format!("M-{key}")).await;
        let office = self.office(&membership, "BG").await;
        let contact = self
            .contact(&office, &format!("customer@{}.example", key.to_lowercase()))
            .await;
        (partner, membership, office, contact)
    }
}

pub fn id_of(body: &Value) -> String {
    body["id"].as_str().expect("the body has an id").to_owned()
}

/// A valid token for the test apps.
pub fn token(role: Role, partner_id: Option<Uuid>) -> String {
    let claims = serde_json::json!({
        "sub": "test-user", "iss": ISSUER, "aud": AUDIENCE,
        "exp": chrono::Utc::now().timestamp() + 600, "role": role, "partner_id": partner_id,
    });
    sign(&claims)
}

/// Signs arbitrary claims with the test secret (HS256).
pub fn sign(claims: &Value) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        claims,
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap()
}

/// A database that exists for one test app and is removed afterwards.
struct Database {
    url: DatabaseUrl,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Database {
    /// Where the default mail transport of this test app writes `.eml` files.
    fn mail_dir(&self) -> std::path::PathBuf {
        match &self.cleanup {
            Cleanup::File(dir) => dir.join("mail"),
            Cleanup::Postgres { name, .. } => std::env::temp_dir().join(format!("{name}-mail")),
        }
    }

    fn create(backend: Backend) -> Database {
        let name = format!("csat_test_{}", Uuid::new_v4().simple());
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(&name);
                std::fs::create_dir_all(&dir).unwrap();
                let path = dir.join("csat-index.db");
                Database {
                    url: DatabaseUrl::Sqlite(path.to_string_lossy().into_owned()),
                    cleanup: Cleanup::File(dir),
                }
            }
            Backend::Postgres => {
                let admin_url = postgres_url().expect("CSAT_TEST_POSTGRES_URL is set");
                let mut admin = PgConnection::establish(&admin_url).unwrap_or_else(|e| {
                    panic!("cannot reach PostgreSQL at CSAT_TEST_POSTGRES_URL: {e}")
                });
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .unwrap();
                let (base, _) = admin_url
                    .rsplit_once('/')
                    .expect("CSAT_TEST_POSTGRES_URL ends with /database");
                Database {
                    url: DatabaseUrl::Postgres(format!("{base}/{name}")),
                    cleanup: Cleanup::Postgres { admin_url, name },
                }
            }
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                let _ = std::fs::remove_dir_all(std::env::temp_dir().join(format!("{name}-mail")));
                if let Ok(mut admin) = PgConnection::establish(admin_url) {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut admin);
                }
            }
        }
    }
}

/// Ids of the standard questions seeded by the migrations.
pub const NSAT: &str = "00000000-0000-7000-8000-000000000001";
pub const NPS: &str = "00000000-0000-7000-8000-000000000002";
pub const CES: &str = "00000000-0000-7000-8000-000000000003";
pub const COMMENT: &str = "00000000-0000-7000-8000-000000000004";

/// A complete, valid set of standard answers.
pub fn standard_answers() -> Value {
    serde_json::json!({ NSAT: "very_satisfied", NPS: 9, CES: 2, COMMENT: "Great help" })
}

/// The token at the end of a personal link.
pub fn token_of(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_owned()
}

impl TestApp {
    /// Creates a contact with recorded consent and returns its id.
    pub async fn consenting_contact(
        &self,
        office_id: &str,
        email: &str,
        organization: &str,
    ) -> String {
        let body = self
            .post(&format!("/api/v1/offices/{office_id}/contacts"))
            .admin()
            .json(serde_json::json!({
                "name": "Consenting Customer", "email": email, "organization": organization, "locale": "bg",
                "consent": {"given_at": "2026-01-15T10:00:00Z", "method": "web_form"}
            }))
            .send()
            .await;
        id_of(body.expect(201))
    }

    /// Creates a survey (bg and en) with one custom single-choice question, opens it, and returns
    /// (survey id, custom question id).
    pub async fn open_survey(&self, partner_id: &str, office_id: &str) -> (String, String) {
        let survey = self
            .post(&format!("/api/v1/offices/{office_id}/surveys"))
            .partner(partner_id)
            .json(serde_json::json!({"title": "Satisfaction 2026", "locales": ["bg", "en"]}))
            .send()
            .await;
        let survey_id = id_of(survey.expect(201));
        let question = self
            .post(&format!("/api/v1/surveys/{survey_id}/questions"))
            .partner(partner_id)
            .json(serde_json::json!({
                "kind": "single_choice", "required": true,
                "prompt": {"en": "Which service did you use?", "bg": "Коя услуга използвахте?"},
                "options": [
                    {"value": "licensing", "label": {"en": "Licensing", "bg": "Лицензиране"}},
                    {"value": "support", "label": {"en": "Support", "bg": "Поддръжка"}}
                ]
            }))
            .send()
            .await;
        let question_id = id_of(question.expect(201));
        self.post(&format!("/api/v1/surveys/{survey_id}/open"))
            .partner(partner_id)
            .send()
            .await
            .expect(200);
        (survey_id, question_id)
    }

    /// Invites contacts with partner delivery and returns the personal links in order.
    pub async fn invite_links(
        &self,
        partner_id: &str,
        survey_id: &str,
        contacts: &[&str],
    ) -> Vec<String> {
        let reply = self
            .post(&format!("/api/v1/surveys/{survey_id}/invitations"))
            .partner(partner_id)
            .json(serde_json::json!({"contact_ids": contacts, "delivery": "partner"}))
            .send()
            .await;
        let body = reply.expect(200);
        body["invited"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["link"].as_str().unwrap().to_owned())
            .collect()
    }
}

impl TestApp {
    /// An opened survey with only the standard questions.
    pub async fn plain_survey(&self, office_id: &str) -> String {
        let survey = self
            .post(&format!("/api/v1/offices/{office_id}/surveys"))
            .admin()
            .json(serde_json::json!({"title": "Plain"}))
            .send()
            .await;
        let id = id_of(survey.expect(201));
        self.post(&format!("/api/v1/surveys/{id}/open"))
            .admin()
            .send()
            .await
            .expect(200);
        id
    }

    /// Imports completed responses `(day, organization)` with the given answers; returns their ids.
    pub async fn import(
        &self,
        survey_id: &str,
        rows: &[(&str, String)],
        answers: &Value,
    ) -> Vec<String> {
        let rows: Vec<Value> = rows
            .iter()
            .map(|(day, org)| serde_json::json!({"completed_at": format!("{day}T12:00:00Z"), "organization": org, "answers": answers}))
            .collect();
        let reply = self
            .post(&format!("/api/v1/surveys/{survey_id}/responses/import"))
            .admin()
            .json(serde_json::json!({"responses": rows}))
            .send()
            .await;
        let body = reply.expect(200);
        assert_eq!(body["invalid"], 0, "{body}");
        body["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["response_id"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// `count` rows on `day`, organizations named `{prefix}{i}` (or one organization when `same_org`).
pub fn rows(
    day: &'static str,
    count: usize,
    prefix: &str,
    same_org: bool,
) -> Vec<(&'static str, String)> {
    (0..count)
        .map(|i| {
            (
                day,
                if same_org {
                    prefix.to_owned()
                } else {
                    format!("{prefix}{i}")
                },
            )
        })
        .collect()
}

mockall::mock! {
    pub Clock {}
    impl csat_index::Clock for Clock {
        fn now(&self) -> chrono::DateTime<chrono::Utc>;
    }
}

/// A mocked clock (the clock port) whose time, in whole seconds, the test moves.
pub fn movable_clock(
    start: chrono::DateTime<chrono::Utc>,
) -> (Arc<MockClock>, Arc<std::sync::atomic::AtomicI64>) {
    use std::sync::atomic::{AtomicI64, Ordering};
    let seconds = Arc::new(AtomicI64::new(start.timestamp()));
    let read = seconds.clone();
    let mut clock = MockClock::new();
    clock.expect_now().returning(move || {
        chrono::DateTime::from_timestamp(read.load(Ordering::SeqCst), 0).unwrap()
    });
    (Arc::new(clock), seconds)
}

/// A partner's open survey (with one custom question) and one contact invited to it.
pub struct Invited {
    pub partner: String,
    pub membership: String,
    pub office: String,
    pub contact: String,
    pub survey: String,
    pub custom: String,
    pub link: String,
}

impl Invited {
    pub fn token(&self) -> String {
        token_of(&self.link)
    }
}

impl TestApp {
    /// A new partner tree with a consenting contact at `email`, invited to an open survey.
    pub async fn invited(&self, key: &str, email: &str) -> Invited {
        let (partner, membership, office, _) = self.partner_tree(key).await;
        let contact = self.consenting_contact(&office, email, key).await;
        let (survey, custom) = self.open_survey(&partner, &office).await;
        let link = self
            .invite_links(&partner, &survey, &[&contact])
            .await
            .remove(0);
        Invited {
            partner,
            membership,
            office,
            contact,
            survey,
            custom,
            link,
        }
    }
}

/// The standard answers, with `choice` for the custom question.
pub fn answers_with(custom: &str, choice: &str) -> Value {
    let mut answers = standard_answers();
    answers[custom] = serde_json::json!(choice);
    answers
}

/// Log lines written while a [`capture_logs`] guard lives (this thread only).
#[derive(Clone, Default)]
pub struct Logs(Arc<std::sync::Mutex<Vec<u8>>>);

impl Logs {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

thread_local! {
    /// Where this thread's log lines go while a test captures them.
    static CAPTURE: std::cell::RefCell<Option<Logs>> = const { std::cell::RefCell::new(None) };
}

/// Writes a log line into the capture of the thread that logs it, if any.
struct ThreadCapture;

impl std::io::Write for ThreadCapture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        CAPTURE.with(|capture| {
            if let Some(logs) = capture.borrow_mut().as_mut() {
                logs.write_all(bytes)?;
            }
            Ok(bytes.len())
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Stops capturing this thread's log lines when dropped.
pub struct CaptureGuard;

impl Drop for CaptureGuard {
    fn drop(&mut self) {
        CAPTURE.with(|capture| capture.borrow_mut().take());
    }
}

/// Captures every INFO-or-higher log line of this thread until the guard is dropped. One global
/// subscriber serves the whole test binary (a per-thread one can miss lines whose log site another
/// test's thread reached first), writing each line to the capture of the thread that logged it.
pub fn capture_logs() -> (Logs, CaptureGuard) {
    static GLOBAL: std::sync::Once = std::sync::Once::new();
    GLOBAL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| ThreadCapture)
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("no other test sets a global subscriber");
        tracing::callsite::rebuild_interest_cache();
    });
    let logs = Logs::default();
    CAPTURE.with(|capture| *capture.borrow_mut() = Some(logs.clone()));
    (logs, CaptureGuard)
}
