//! Email: the mail port, its lettre transport (SMTP, or `.eml` files for the embedded default),
//! and outbox delivery with retries and backoff (at least once: a crash never loses a queued message).

use std::{
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Arc, Mutex,
    },
    thread::JoinHandle,
    time::{Duration, Instant},
};

use lettre::{
    message::{
        header::{ContentTransferEncoding, ContentType},
        Mailbox, SinglePart,
    },
    transport::smtp::PoolConfig,
    Message, Transport,
};

use crate::{
    config::{ConfigError, MailConfig, MailDelivery},
    db::{self, outbox::OutboxRow, DbConnection},
    domain::invitation::InvitationStatus,
    error::ApiResult,
    AppState,
};

/// One email to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// Why a message was not delivered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// Worth retrying later (connection refused, 4xx).
    #[error("temporary failure: {0}")]
    Transient(String),
    /// Will never succeed (invalid address, 5xx rejection).
    #[error("permanent failure: {0}")]
    Permanent(String),
}

/// The mail port.
pub trait MailTransport: Send + Sync {
    /// Delivers one message.
    fn send(&self, mail: &OutgoingMail) -> Result<(), MailError>;
}

/// The lettre-backed transport.
pub struct LettreMailer {
    from: Mailbox,
    transport: LettreTransport,
}

enum LettreTransport {
    Smtp(lettre::SmtpTransport),
    Directory(lettre::FileTransport),
}

impl LettreMailer {
    /// Builds the transport from settings (creating the `.eml` folder if needed).
    pub fn from_config(config: &MailConfig, from: &str) -> Result<Self, ConfigError> {
        let from = from
            .parse()
            .map_err(|e| ConfigError(format!("CSAT_MAIL_FROM `{from}` is not a mailbox: {e}")))?;
        let transport = match config {
            MailConfig::Smtp(url) => LettreTransport::Smtp(
                lettre::SmtpTransport::from_url(url)
                    .map_err(|e| {
                        ConfigError(format!("CSAT_MAIL_URL is not a usable SMTP URL: {e}"))
                    })?
                    .timeout(Some(SMTP_TIMEOUT))
                    // Each sender of the outbox worker keeps its connection between messages.
                    .pool_config(PoolConfig::new().max_size(MailDelivery::MAX_CONCURRENCY as u32))
                    .build(),
            ),
            MailConfig::Directory(path) => {
                std::fs::create_dir_all(path).map_err(|e| {
                    ConfigError(format!(
                        "cannot create the mail folder {}: {e}",
                        path.display()
                    ))
                })?;
                LettreTransport::Directory(lettre::FileTransport::new(path))
            }
        };
        Ok(LettreMailer { from, transport })
    }
}

impl MailTransport for LettreMailer {
    fn send(&self, mail: &OutgoingMail) -> Result<(), MailError> {
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|e| MailError::Permanent(format!("invalid recipient: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::QuotedPrintable)
                    .body(mail.body.clone()),
            )
            .map_err(|e| MailError::Permanent(format!("cannot build the message: {e}")))?;
        match &self.transport {
            LettreTransport::Smtp(smtp) => smtp.send(&message).map(drop).map_err(|e| {
                if e.is_permanent() {
                    MailError::Permanent(e.to_string())
                } else {
                    MailError::Transient(e.to_string())
                }
            }),
            LettreTransport::Directory(files) => files
                .send(&message)
                .map(drop)
                .map_err(|e| MailError::Transient(e.to_string())),
        }
    }
}

/// Attempts before a message is given up and its invitation marked bounced.
pub const MAX_ATTEMPTS: i32 = 8;
/// How long a worker holds a claimed message before another may take it.
pub const CLAIM_SECONDS: i64 = 300;
/// The SMTP timeout, per step of the exchange (connecting, each command, the message).
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(20);
/// A pass starts no message later than this after its claim. A message takes at most ten timed
/// steps (connect, greeting, EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, the message: 200 s), so one
/// started in time is done before its claim (`CLAIM_SECONDS`) lapses and no other replica takes a
/// message that is still being sent. Messages not started in time are given back for the next pass.
pub const START_WITHIN: Duration = Duration::from_secs(100);

/// Wait before attempt `attempts + 1`: 30 s, doubling, at most 6 hours.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let seconds = 30i64.saturating_mul(1i64 << attempts.clamp(1, 16).saturating_sub(1));
    chrono::Duration::seconds(seconds.min(6 * 3600))
}

/// What one or more delivery passes did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Messages claimed.
    pub claimed: usize,
    /// Delivered.
    pub sent: usize,
    /// Failed for now; retried later.
    pub retried: usize,
    /// Given up.
    pub failed: usize,
    /// Claimed but not attempted in time ([`START_WITHIN`]); given back for the next pass.
    pub released: usize,
}

impl std::ops::AddAssign for DeliveryReport {
    fn add_assign(&mut self, other: DeliveryReport) {
        self.claimed += other.claimed;
        self.sent += other.sent;
        self.retried += other.retried;
        self.failed += other.failed;
        self.released += other.released;
    }
}

/// What became of one claimed message: the result of sending it and when, or `None` if it was not
/// attempted.
type Outcome = Option<(Result<(), MailError>, chrono::DateTime<chrono::Utc>)>;

/// One delivery pass: claims up to `batch` due messages (`AppState::with_mail_delivery`), sends them
/// `concurrency` at a time, then records every outcome in one transaction. A message is marked sent
/// only after the SMTP server accepted it; if the process dies (or the database fails) between the
/// two, the message is sent again once its claim lapses: delivery is at least once, never lost.
pub fn deliver_due(state: &AppState) -> ApiResult<DeliveryReport> {
    let settings = state.mail_delivery;
    let claimed_at = Instant::now();
    let now = state.clock.now();
    let claimed = db::outbox::claim_due(
        &mut *state.pool.get()?,
        &db::timestamp(now),
        &db::timestamp(now + chrono::Duration::seconds(CLAIM_SECONDS)),
        settings.batch as i64,
    )?;
    if claimed.is_empty() {
        return Ok(DeliveryReport::default());
    }
    // No database connection is held while mail is sent.
    let outcomes = send_all(
        state,
        &claimed,
        settings.concurrency,
        claimed_at + START_WITHIN,
    );
    let mut conn = state.pool.get()?;
    db::write_tx(&mut conn, |conn| record(conn, &claimed, outcomes))
}

/// Delivers pass after pass while they come back full, until what is left is not due; returns what
/// the passes did together.
pub fn deliver_all(state: &AppState) -> ApiResult<DeliveryReport> {
    let mut total = DeliveryReport::default();
    loop {
        let report = deliver_due(state)?;
        total += report;
        if report.claimed < state.mail_delivery.batch {
            return Ok(total);
        }
    }
}

/// Sends `messages`, `concurrency` at a time (each sender reusing its pooled SMTP connection), starting
/// none after `start_before`.
fn send_all(
    state: &AppState,
    messages: &[OutboxRow],
    concurrency: usize,
    start_before: Instant,
) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let outcomes: Vec<Mutex<Outcome>> = messages.iter().map(|_| Mutex::new(None)).collect();
    let sender = || loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(message) = messages.get(index) else {
            break;
        };
        if Instant::now() >= start_before {
            break;
        }
        let mail = OutgoingMail {
            to: message.recipient.clone(),
            subject: message.subject.clone(),
            body: message.body.clone().unwrap_or_default(),
        };
        let result = state.mailer.send(&mail);
        *outcomes[index].lock().unwrap_or_else(|e| e.into_inner()) =
            Some((result, state.clock.now()));
    };
    match concurrency.min(messages.len()) {
        0 | 1 => sender(),
        senders => std::thread::scope(|scope| {
            for _ in 0..senders {
                scope.spawn(sender);
            }
        }),
    }
    outcomes
        .into_iter()
        .map(|outcome| outcome.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

/// Records the outcomes of a pass (inside its transaction): sent messages advance their invitation,
/// transient failures wait for their backoff, the rest bounce; unattempted ones are given back.
fn record(
    conn: &mut DbConnection,
    claimed: &[OutboxRow],
    outcomes: Vec<Outcome>,
) -> ApiResult<DeliveryReport> {
    let mut report = DeliveryReport {
        claimed: claimed.len(),
        ..DeliveryReport::default()
    };
    let mut unattempted = Vec::new();
    for (message, outcome) in claimed.iter().zip(outcomes) {
        let attempts = message.attempts + 1;
        let Some((result, at)) = outcome else {
            unattempted.push(message.id);
            continue;
        };
        let stamp = db::timestamp(at);
        match result {
            Ok(()) => {
                db::outbox::mark_sent(conn, message.id, &stamp)?;
                db::invitations::advance(
                    conn,
                    message.invitation_id,
                    InvitationStatus::Sent,
                    &stamp,
                )?;
                db::invitations::stamp_delivery(conn, message.invitation_id, &stamp)?;
                report.sent += 1;
            }
            Err(MailError::Transient(error)) if attempts < MAX_ATTEMPTS => {
                let next = db::timestamp(at + backoff(attempts));
                db::outbox::mark_retry(conn, message.id, attempts, &next, &error)?;
                tracing::warn!(outbox_id = %message.id, attempts, %error, "mail delivery failed; will retry");
                report.retried += 1;
            }
            Err(error) => {
                db::outbox::mark_failed(conn, message.id, attempts, &stamp, &error.to_string())?;
                // Announced only when the invitation did bounce (one answered meanwhile stays answered).
                if db::invitations::advance(
                    conn,
                    message.invitation_id,
                    InvitationStatus::Bounced,
                    &stamp,
                )? {
                    let event = crate::service::events::delivery_failed(
                        conn,
                        message.invitation_id,
                        attempts,
                        &error,
                    )?;
                    crate::service::events::emit_at(conn, event, at)?;
                }
                tracing::warn!(outbox_id = %message.id, attempts, %error, "mail delivery given up; invitation bounced");
                report.failed += 1;
            }
        }
    }
    report.released = unattempted.len();
    db::outbox::release(conn, &unattempted)?;
    Ok(report)
}

/// A background thread that delivers the outbox every `interval`; stops when dropped.
pub struct OutboxWorker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl OutboxWorker {
    /// Starts the worker.
    pub fn spawn(state: AppState, interval: Duration) -> OutboxWorker {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::Builder::new()
            .name("csat-outbox".into())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    // Passes follow each other at once while they come back full, then the worker rests.
                    loop {
                        match deliver_due(&state) {
                            Ok(report)
                                if report.claimed >= state.mail_delivery.batch
                                    && !stopped.load(Ordering::Relaxed) =>
                            {
                                continue
                            }
                            Ok(_) => break,
                            Err(error) => {
                                tracing::warn!(%error, "outbox delivery pass failed");
                                break;
                            }
                        }
                    }
                    let mut waited = Duration::ZERO;
                    while waited < interval && !stopped.load(Ordering::Relaxed) {
                        std::thread::sleep(Duration::from_millis(100));
                        waited += Duration::from_millis(100);
                    }
                }
            })
            .expect("the outbox thread starts");
        OutboxWorker {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for OutboxWorker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_30_seconds_and_is_capped() {
        assert_eq!(backoff(1).num_seconds(), 30);
        assert_eq!(backoff(2).num_seconds(), 60);
        assert_eq!(backoff(5).num_seconds(), 480);
        assert_eq!(backoff(30).num_seconds(), 6 * 3600);
    }

    #[test]
    fn directory_transport_writes_an_eml_file() {
        let dir = std::env::temp_dir().join(format!("csat-mail-{}", uuid::Uuid::new_v4()));
        let mailer = LettreMailer::from_config(
            &MailConfig::Directory(dir.clone()),
            "CSAT <no-reply@example.com>",
        )
        .unwrap();
        let mail = OutgoingMail {
            to: "maria@contoso.example".into(),
            subject: "Здравейте".into(),
            body: "link: http://x/s/abc".into(),
        };
        mailer.send(&mail).unwrap();
        let files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(&files[0]).unwrap();
        assert!(text.contains("To: maria@contoso.example"), "{text}");
        assert!(text.contains("http://x/s/abc"));
        assert!(matches!(
            mailer.send(&OutgoingMail {
                to: "not an address".into(),
                ..mail
            }),
            Err(MailError::Permanent(_))
        ));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
