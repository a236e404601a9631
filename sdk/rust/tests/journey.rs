//! The partner journey, through the SDK only, against the real binary: the binary (`CSAT_BIN`)
//! is started on a fresh SQLite file on a free loopback port, and again on a fresh PostgreSQL
//! database when `CSAT_TEST_POSTGRES_URL` is set.
//!
//! The journey opens with the README's quickstart (between the `quickstart` markers, compared
//! with the README): `base_url` and `admin_token` are all it needs.

use std::error::Error as StdError;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use csat_index_client::{types, ApiError, ETag, Error, NullFields, Paginated};
use serde_json::json;

/// Answers by question id, as the spec types them.
type Answers = std::collections::HashMap<String, types::AnswerData>;

type TestResult = Result<(), Box<dyn StdError>>;

/// Standard question ids (NSAT, NPS, CES, comment).
const NSAT: &str = "00000000-0000-7000-8000-000000000001";
const NPS: &str = "00000000-0000-7000-8000-000000000002";
const CES: &str = "00000000-0000-7000-8000-000000000003";
const COMMENT: &str = "00000000-0000-7000-8000-000000000004";

async fn journey(server: &Server) -> TestResult {
    let base_url = server.base_url.clone();
    let admin_token = server.token(&["--role", "admin"])?;

    // quickstart:begin
    use csat_index_client::{types, uuid::Uuid, Client, ProblemExt};

    // A client for the API root, sending `Authorization: Bearer <token>` on every call.
    let client = Client::with_token(&base_url, &admin_token)?;

    // Typed request bodies (builders check lengths before sending) and typed answers.
    let partner = client
        .create_partner()
        .body(
            types::CreatePartner::builder()
                .external_key("PN-4711")
                .name("Northwind Consulting")
                .email_domains(vec!["northwind.example".to_string()]),
        )
        .send()
        .await?;
    println!("partner {} ({})", partner.name, partner.id);

    // A documented error answer comes back as a typed RFC 9457 problem document.
    let error = client
        .get_partner()
        .partner_id(Uuid::nil())
        .send()
        .await
        .unwrap_err();
    let problem = error.problem().expect("a problem document");
    assert_eq!(problem.status, 404);
    println!("{}: {}", problem.title, problem.detail);
    // quickstart:end

    let admin = client;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert!(!problem.type_.is_empty());

    // The administrator: a membership and two offices in two countries.
    let membership = admin
        .create_membership()
        .partner_id(partner.id)
        .body(
            types::CreateMembership::builder()
                .membership_number("MPN-1234567")
                .renewal_date(NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()),
        )
        .send()
        .await?;
    let sofia = admin
        .create_office()
        .membership_id(membership.id)
        .body(
            types::CreateOffice::builder()
                .name("Northwind Sofia")
                .country("BG")
                .city("Sofia"),
        )
        .send()
        .await?;
    let berlin = admin
        .create_office()
        .membership_id(membership.id)
        .body(
            types::CreateOffice::builder()
                .name("Northwind Berlin")
                .country("DE")
                .city("Berlin"),
        )
        .send()
        .await?;
    assert_eq!(
        (sofia.country.as_str(), berlin.country.as_str()),
        ("BG", "DE")
    );

    // The partner imports its contacts, with recorded consent.
    let partner_token =
        server.token(&["--role", "partner", "--partner-id", &partner.id.to_string()])?;
    let partner_client = Client::with_token(&base_url, &partner_token)?;
    let people = [
        (
            "Maria Ivanova",
            "maria.ivanova@contoso.example",
            "Contoso Ltd",
        ),
        (
            "Georgi Petrov",
            "georgi.petrov@fabrikam.example",
            "Fabrikam",
        ),
        (
            "Elena Dimitrova",
            "elena.dimitrova@tailspin.example",
            "Tailspin Toys",
        ),
    ];
    let contacts = people
        .iter()
        .map(|(name, email, organization)| contact(name, email, organization))
        .collect::<Result<Vec<_>, _>>()?;
    let imported = partner_client
        .import_contacts()
        .office_id(sofia.id)
        .body(types::ImportContacts { contacts })
        .send()
        .await?;
    assert_eq!(
        (imported.created, imported.invalid, imported.duplicate),
        (3, 0, 0)
    );
    assert!(imported
        .rows
        .iter()
        .all(|row| row.status == types::ImportStatus::Created));
    let contact_ids: Vec<Uuid> = imported
        .rows
        .iter()
        .map(|row| row.contact_id.unwrap())
        .collect();

    // A survey with a custom question, opened.
    let closes_at =
        DateTime::<Utc>::from(std::time::SystemTime::now() + Duration::from_secs(30 * 86400));
    let survey = partner_client
        .create_survey()
        .office_id(sofia.id)
        .body(
            types::CreateSurvey::builder()
                .title("Customer satisfaction 2026")
                .locales(Some(vec!["en".to_string(), "bg".to_string()]))
                .closes_at(Some(closes_at)),
        )
        .send()
        .await?;
    let custom = partner_client
        .create_question()
        .survey_id(survey.id)
        .body(
            types::CreateQuestion::builder()
                .kind(types::QuestionKind::SingleChoice)
                .prompt(translations(&[
                    ("en", "Would you work with us again?"),
                    ("bg", "Бихте ли работили с нас отново?"),
                ]))
                .options(vec![choice("yes", "Yes")?, choice("no", "No")?]),
        )
        .send()
        .await?;
    assert!(!custom.standard);
    let opened = partner_client
        .open_survey()
        .survey_id(survey.id)
        .send()
        .await?;
    assert_eq!(opened.status, types::SurveyStatus::Open);

    // Invitations delivered by the partner: each answer carries the personal link once.
    let batch = partner_client
        .create_invitations()
        .survey_id(survey.id)
        .body(
            types::CreateInvitations::builder()
                .contact_ids(contact_ids.clone())
                .delivery(types::Delivery::Partner),
        )
        .send()
        .await?;
    assert_eq!((batch.invited.len(), batch.refused.len()), (3, 0));
    let respondent_tokens: Vec<String> = batch
        .invited
        .iter()
        .map(|invited| {
            invited
                .link
                .as_deref()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();

    // A webhook receiver on loopback, subscribed by the partner to its completed responses.
    let receiver = Receiver::start()?;
    let subscription = partner_client
        .create_webhook()
        .body(
            types::CreateWebhook::builder()
                .url(format!("http://127.0.0.1:{}/hooks", receiver.port).as_str())
                .event_types(vec!["response.completed".to_string()]),
        )
        .send()
        .await?;
    assert!(subscription.secret.starts_with("whsec_"));

    // Respondents answer through their links: no bearer token; the last one anonymously.
    let respondent = Client::new(&base_url, NullFields::default());
    for (i, token) in respondent_tokens.iter().enumerate() {
        let questionnaire = respondent
            .get_respondent_survey()
            .token(token.as_str())
            .send()
            .await?;
        assert!(questionnaire.questions.iter().any(|q| q.id == custom.id));
        let answers = json!({ NSAT: "very_satisfied", NPS: 9 - i as i64, CES: 2, COMMENT: "Quick and friendly.",
            (custom.id.to_string()): "yes" });
        let submitted = respondent
            .submit_answers()
            .token(token.as_str())
            .body(
                types::SubmitAnswers::builder()
                    .answers(serde_json::from_value::<Answers>(answers)?)
                    .anonymous(Some(i == 2)),
            )
            .send()
            .await?;
        assert_eq!(submitted.status(), 201);
    }
    let again = respondent
        .submit_answers()
        .token(respondent_tokens[0].as_str())
        .body(
            types::SubmitAnswers::builder().answers(serde_json::from_value::<Answers>(
                json!({ NSAT: "very_satisfied" }),
            )?),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        again.problem().map(|p| (p.status, p.code)),
        Some((409, types::ErrorCode::InvitationAlreadyAnswered)),
        "{again}"
    );

    // The two named answers arrive signed (the anonymous one is held until its day is over).
    let deliveries = receiver.wait_for(2, Duration::from_secs(20));
    assert_eq!(deliveries.len(), 2);
    for (headers, body) in &deliveries {
        let header = |name: &str| headers.get(name).map(String::as_str);
        let event = csat_index_client::verify_webhook(&subscription.secret, header, body)?;
        assert_eq!(event["type"], "response.completed");
        assert_eq!(event["id"].as_str(), header("webhook-id"));
        assert_eq!(event["data"]["survey_id"], survey.id.to_string());
        assert_eq!(event["data"]["anonymous"], false);
        let tampered =
            String::from_utf8(body.clone())?.replace("\"anonymous\":false", "\"anonymous\":true");
        assert_eq!(
            csat_index_client::verify_webhook(&subscription.secret, header, tampered.as_bytes()),
            Err(csat_index_client::WebhookError::NoMatchingSignature)
        );
        let stale = header("webhook-timestamp").unwrap().parse::<i64>()? + 301;
        assert_eq!(
            csat_index_client::verify_webhook_at(&subscription.secret, header, body, stale),
            Err(csat_index_client::WebhookError::TimestampOutOfTolerance)
        );
    }

    // A paginated list walked to its end, one item per page.
    let listed = partner_client
        .list_contacts()
        .office_id(sofia.id)
        .limit(1u64)
        .all_items()
        .await?;
    let mut listed_ids: Vec<Uuid> = listed.iter().map(|c| c.id).collect();
    let mut expected_ids = contact_ids.clone();
    listed_ids.sort();
    expected_ids.sort();
    assert_eq!(listed_ids, expected_ids);
    let first_page = partner_client
        .list_contacts()
        .office_id(sofia.id)
        .limit(1u64)
        .send()
        .await?;
    assert_eq!(first_page.items.len(), 1);
    assert!(first_page.next_cursor.is_some());

    // The survey's results and the membership's compliance.
    let results = partner_client
        .survey_results()
        .survey_id(survey.id)
        .send()
        .await?;
    assert_eq!(results.responses, 3);
    let nsat = results.metrics.nsat.as_ref().expect("an NSAT figure");
    assert_eq!((nsat.n, nsat.value), (3, 200.0));
    let compliance = partner_client
        .membership_compliance()
        .membership_id(membership.id)
        .send()
        .await?;
    assert_eq!(compliance.status, types::ComplianceStatus::NotMet);
    let office = compliance
        .offices
        .iter()
        .find(|o| o.office_id == sofia.id)
        .expect("Sofia's figures");
    assert_eq!(
        (office.completed, office.counted, office.shortfall),
        (3, 3, 7)
    );

    // Idempotency-Key: a retried create answers the first object.
    let retry = || {
        partner_client
            .create_survey()
            .office_id(berlin.id)
            .idempotency_key("journey-survey-1")
            .body(types::CreateSurvey::builder().title("Berlin 2026"))
            .send()
    };
    let (first, second) = (retry().await?, retry().await?);
    assert_eq!(*first, *second);
    assert_eq!(
        second
            .headers()
            .get("idempotent-replayed")
            .map(|v| v.as_bytes()),
        Some(&b"true"[..])
    );
    let berlin_surveys = partner_client
        .list_surveys()
        .office_id(berlin.id)
        .all_items()
        .await?;
    assert_eq!(berlin_surveys.len(), 1);

    // If-Match: a write with the current ETag succeeds, one with a stale ETag is a typed 412.
    let read = admin.get_partner().partner_id(partner.id).send().await?;
    let stale = read.etag().expect("an ETag").to_string();
    let renamed = admin
        .update_partner()
        .partner_id(partner.id)
        .if_match(stale.clone())
        .body(types::UpdatePartner::builder().name(Some(
            "Northwind Consulting Ltd".parse::<types::UpdatePartnerName>()?,
        )))
        .send()
        .await?;
    assert_ne!(renamed.etag(), Some(stale.as_str()));
    let conflict = admin
        .update_partner()
        .partner_id(partner.id)
        .if_match(stale)
        .body(types::UpdatePartner::builder().name(Some(
            "Someone else's name".parse::<types::UpdatePartnerName>()?,
        )))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        conflict.problem().map(|p| (p.status, p.code)),
        Some((412, types::ErrorCode::VersionMismatch)),
        "{conflict}"
    );
    assert_eq!(
        admin
            .get_partner()
            .partner_id(partner.id)
            .send()
            .await?
            .name,
        "Northwind Consulting Ltd"
    );

    // Clearing nullable fields with an explicit null in a PATCH, read back as null.
    let maria = partner_client
        .get_contact()
        .contact_id(contact_ids[0])
        .send()
        .await?;
    assert_eq!(maria.organization.as_deref(), Some("Contoso Ltd"));
    let cleared = partner_client
        .sending_null(["organization"])
        .update_contact()
        .contact_id(maria.id)
        .if_match(maria.etag().unwrap())
        .body(types::UpdateContact::builder().locale(Some("bg".to_string())))
        .send()
        .await?;
    assert_eq!(
        (cleared.organization.as_deref(), cleared.locale.as_deref()),
        (None, Some("bg"))
    );
    let reread = partner_client
        .get_contact()
        .contact_id(maria.id)
        .send()
        .await?;
    assert_eq!(reread.organization, None);
    let survey_now = partner_client
        .get_survey()
        .survey_id(survey.id)
        .send()
        .await?;
    assert!(survey_now.closes_at.is_some());
    let without_close = partner_client
        .sending_null(["closes_at"])
        .update_survey()
        .survey_id(survey.id)
        .body(types::UpdateSurvey::default())
        .send()
        .await?;
    assert_eq!(without_close.closes_at, None);
    assert_eq!(
        partner_client
            .get_survey()
            .survey_id(survey.id)
            .send()
            .await?
            .closes_at,
        None
    );
    // A field the body does not declare nullable is refused before anything is sent.
    let refused = partner_client
        .sending_null(["nickname"])
        .update_contact()
        .contact_id(maria.id)
        .body(types::UpdateContact::default())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, Error::InvalidRequest(m) if m.contains("`nickname`")),
        "{refused}"
    );
    // A plain client leaves `None` out: the field stays as it is.
    let untouched = partner_client
        .update_contact()
        .contact_id(contact_ids[1])
        .body(types::UpdateContact::builder().locale(Some("en".to_string())))
        .send()
        .await?;
    assert_eq!(untouched.organization.as_deref(), Some("Fabrikam"));

    // The vendor reads program-wide compliance, and gets a typed 403 for a contact.
    let vendor = Client::with_token(&base_url, &server.token(&["--role", "vendor"])?)?;
    let statuses = vendor.program_compliance().limit(1u64).all_items().await?;
    let status = statuses
        .iter()
        .find(|s| s.membership_id == membership.id)
        .expect("the membership");
    assert_eq!(status.countries, vec!["BG".to_string(), "DE".to_string()]);
    let forbidden = vendor
        .get_contact()
        .contact_id(maria.id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        forbidden.problem().map(|p| p.status),
        Some(403),
        "{forbidden}"
    );

    // A bad request is a typed 422 naming the field.
    let invalid = partner_client
        .create_contact()
        .office_id(sofia.id)
        .body(
            types::CreateContact::builder()
                .name("Nobody")
                .email("not-an-email"),
        )
        .send()
        .await
        .unwrap_err();
    let problem = invalid.problem().expect("a problem document");
    assert_eq!(problem.status, 422);
    assert_eq!(problem.code, types::ErrorCode::ValidationFailed);
    assert!(
        problem.errors.iter().any(|e| e.field == "email"),
        "{problem:?}"
    );
    Ok(())
}

/// A contact to import, with consent recorded on the web form.
fn contact(name: &str, email: &str, organization: &str) -> Result<types::CreateContact, String> {
    let consent = types::Consent {
        given_at: "2026-01-15T09:00:00Z".parse().unwrap(),
        method: types::ConsentMethod::WebForm,
    };
    types::CreateContact::builder()
        .name(name)
        .email(email)
        .organization(Some(
            organization
                .parse::<types::CreateContactOrganization>()
                .map_err(|e| e.to_string())?,
        ))
        .locale(Some("en".to_string()))
        .consent(Some(consent))
        .try_into()
        .map_err(|e: types::error::ConversionError| e.to_string())
}

/// A webhook receiver on loopback: records each request's headers (lower-case names) and body, and
/// answers 204.
struct Receiver {
    port: u16,
    received: std::sync::Arc<std::sync::Mutex<Vec<Delivery>>>,
}

type Delivery = (std::collections::HashMap<String, String>, Vec<u8>);

impl Receiver {
    fn start() -> std::io::Result<Receiver> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = received.clone();
        std::thread::spawn(move || {
            for mut socket in listener.incoming().flatten() {
                if let Some(delivery) = read_delivery(&mut socket) {
                    sink.lock().unwrap().push(delivery);
                    let _ = std::io::Write::write_all(
                        &mut socket,
                        b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n",
                    );
                }
            }
        });
        Ok(Receiver { port, received })
    }

    /// The deliveries once `count` arrived, or what arrived by `timeout`.
    fn wait_for(&self, count: usize, timeout: Duration) -> Vec<Delivery> {
        let deadline = Instant::now() + timeout;
        while self.received.lock().unwrap().len() < count && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        self.received.lock().unwrap().clone()
    }
}

fn read_delivery(socket: &mut std::net::TcpStream) -> Option<Delivery> {
    socket.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut data = Vec::new();
    let mut chunk = [0u8; 4096];
    let end = loop {
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = socket.read(&mut chunk).ok().filter(|n| *n > 0)?;
        data.extend_from_slice(&chunk[..n]);
    };
    let headers: std::collections::HashMap<String, String> = String::from_utf8_lossy(&data[..end])
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = headers.get("content-length")?.parse().ok()?;
    let mut body = data[end + 4..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).ok().filter(|n| *n > 0)?;
        body.extend_from_slice(&chunk[..n]);
    }
    Some((headers, body))
}

fn translations(texts: &[(&str, &str)]) -> types::Translations {
    types::Translations(
        texts
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

fn choice(value: &str, label: &str) -> Result<types::ChoiceOption, types::error::ConversionError> {
    types::ChoiceOption::builder()
        .value(value)
        .label(translations(&[("en", label)]))
        .try_into()
}

#[tokio::test]
async fn journey_on_sqlite() -> TestResult {
    let server = Server::start(None)?;
    journey(&server).await.inspect_err(|_| server.print_log())
}

#[tokio::test]
async fn journey_on_postgres() -> TestResult {
    let Some(admin_url) = std::env::var("CSAT_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        eprintln!("journey_on_postgres: CSAT_TEST_POSTGRES_URL is not set; only SQLite was tested");
        return Ok(());
    };
    let server = Server::start(Some(PostgresDatabase::create(&admin_url)?))?;
    journey(&server).await.inspect_err(|_| server.print_log())
}

/// `ApiError` is a std error, so `?` works with `Box<dyn Error>`.
#[allow(dead_code)]
fn api_error_is_an_error(e: ApiError) -> Box<dyn StdError> {
    Box::new(e)
}

/// A uniquely named PostgreSQL database, dropped when dropped.
struct PostgresDatabase {
    admin_url: String,
    name: String,
}

impl PostgresDatabase {
    /// Creates the database on the server of `admin_url` (with `psql`).
    fn create(admin_url: &str) -> Result<PostgresDatabase, Box<dyn StdError>> {
        let name = unique_name("csat_sdk_rs");
        psql(admin_url, &format!("CREATE DATABASE {name}"))?;
        Ok(PostgresDatabase {
            admin_url: admin_url.to_string(),
            name,
        })
    }

    fn url(&self) -> String {
        let (server, _) = self
            .admin_url
            .rsplit_once('/')
            .expect("CSAT_TEST_POSTGRES_URL ends with /database");
        format!("{server}/{}", self.name)
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        if let Err(e) = psql(
            &self.admin_url,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        ) {
            eprintln!("could not drop database {}: {e}", self.name);
        }
    }
}

fn psql(url: &str, sql: &str) -> Result<(), Box<dyn StdError>> {
    let output = Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            format!("psql (PostgreSQL's client) is needed for CSAT_TEST_POSTGRES_URL: {e}")
        })?;
    if !output.status.success() {
        return Err(format!("psql {sql:?}: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(())
}

fn unique_name(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{prefix}_{}_{nanos}", std::process::id())
}

/// The binary serving on a free loopback port, with its SQLite file (unless it is given a
/// PostgreSQL database), mail folder and log in a fresh temporary folder; stopped and removed
/// when dropped.
struct Server {
    base_url: String,
    bin: PathBuf,
    secret: String,
    child: Child,
    work: PathBuf,
    _postgres: Option<PostgresDatabase>,
}

impl Server {
    fn start(postgres: Option<PostgresDatabase>) -> Result<Server, Box<dyn StdError>> {
        let bin = match std::env::var_os("CSAT_BIN") {
            Some(bin) => PathBuf::from(bin),
            None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/csat-index"),
        };
        if !bin.is_file() {
            return Err(format!(
                "no server binary at {} (set CSAT_BIN or run sdk/rust/test.sh)",
                bin.display()
            )
            .into());
        }
        let work = std::env::temp_dir().join(unique_name("csat_sdk_rs"));
        std::fs::create_dir_all(&work)?;
        let database_url = match &postgres {
            Some(database) => database.url(),
            None => format!("sqlite://{}", work.join("csat.db").display()),
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let base_url = format!("http://127.0.0.1:{port}");
        let secret = format!("sdk-rs-journey-{}", unique_name("secret"));
        let log = std::fs::File::create(work.join("server.log"))?;
        let child = server_command(&bin, &secret)
            .arg("serve")
            .env("CSAT_DATABASE_URL", database_url)
            .env("CSAT_BIND", format!("127.0.0.1:{port}"))
            .env("CSAT_PUBLIC_URL", &base_url)
            .env(
                "CSAT_MAIL_URL",
                format!("file://{}", work.join("mail").display()),
            )
            .env("CSAT_LOG", "WARN")
            // The journey's webhook receiver listens on loopback over plain HTTP.
            .env("CSAT_WEBHOOK_ALLOW_HTTP", "1")
            .env("CSAT_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "1")
            .env("CSAT_WEBHOOK_INTERVAL_MS", "100")
            .env("CSAT_EVENTS_INTERVAL_MS", "100")
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()?;
        let mut server = Server {
            base_url,
            bin,
            secret,
            child,
            work,
            _postgres: postgres,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = server.child.try_wait()? {
                server.print_log();
                return Err(format!("the server exited before it was ready: {status}").into());
            }
            let ready = server_command(&server.bin, &server.secret)
                .arg("healthcheck")
                .env("CSAT_BIND", format!("127.0.0.1:{port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            if ready.success() {
                return Ok(server);
            }
            if Instant::now() > deadline {
                server.print_log();
                return Err(format!("{}/ready did not answer within 30 s", server.base_url).into());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// A JWT minted by the binary with the server's secret (`token <args>`).
    fn token(&self, args: &[&str]) -> Result<String, Box<dyn StdError>> {
        let output = server_command(&self.bin, &self.secret)
            .arg("token")
            .args(args)
            .output()?;
        if !output.status.success() {
            return Err(format!(
                "token {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            )
            .into());
        }
        Ok(String::from_utf8(output.stdout)?.trim().to_string())
    }

    fn print_log(&self) {
        let mut text = String::new();
        if std::fs::File::open(self.work.join("server.log"))
            .and_then(|mut f| f.read_to_string(&mut text))
            .is_ok()
        {
            eprintln!("--- server log ({}) ---\n{text}", self.base_url);
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.work);
    }
}

/// The binary with this server's JWT secret and no other JWT settings from the environment.
fn server_command(bin: &PathBuf, secret: &str) -> Command {
    let mut command = Command::new(bin);
    command.stdin(Stdio::null()).env("CSAT_JWT_SECRET", secret);
    for name in [
        "CSAT_JWT_PUBLIC_KEY",
        "CSAT_JWT_ALGORITHM",
        "CSAT_JWT_ISSUER",
        "CSAT_JWT_AUDIENCE",
    ] {
        command.env_remove(name);
    }
    command
}
