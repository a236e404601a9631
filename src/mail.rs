//! Email: the mail port, its lettre transport (SMTP, or `.eml` files for the embedded default),
//! and outbox delivery with retries and backoff (at least once: a crash never loses a queued message).

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    thread::JoinHandle,
    time::Duration,
};

use lettre::{
    message::{
        header::{ContentTransferEncoding, ContentType},
        Mailbox, SinglePart,
    },
    Message, Transport,
};

use crate::{
    config::{ConfigError, MailConfig},
    db,
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
                    .timeout(Some(Duration::from_secs(20)))
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
pub const CLAIM_SECONDS: i64 = 120;

/// Wait before attempt `attempts + 1`: 30 s, doubling, at most 6 hours.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let seconds = 30i64.saturating_mul(1i64 << attempts.clamp(1, 16).saturating_sub(1));
    chrono::Duration::seconds(seconds.min(6 * 3600))
}

/// What one delivery pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Delivered.
    pub sent: usize,
    /// Failed for now; retried later.
    pub retried: usize,
    /// Given up.
    pub failed: usize,
}

/// Messages one pass claims: with a 20 s SMTP timeout each, a pass always ends inside its claim
/// (`CLAIM_SECONDS`), so no other replica takes a message that is still being sent.
pub const BATCH: i64 = 5;

/// Delivers the due messages of the outbox once (up to `BATCH`).
pub fn deliver_due(state: &AppState) -> ApiResult<DeliveryReport> {
    let mut conn = state.pool.get()?;
    let now = state.clock.now();
    let claimed = db::outbox::claim_due(
        &mut conn,
        &db::timestamp(now),
        &db::timestamp(now + chrono::Duration::seconds(CLAIM_SECONDS)),
        BATCH,
    )?;
    let mut report = DeliveryReport::default();
    for message in claimed {
        let mail = OutgoingMail {
            to: message.recipient.clone(),
            subject: message.subject.clone(),
            body: message.body.clone().unwrap_or_default(),
        };
        let attempts = message.attempts + 1;
        let stamp = db::timestamp(state.clock.now());
        match state.mailer.send(&mail) {
            Ok(()) => {
                db::write_tx(&mut conn, |conn| {
                    db::outbox::mark_sent(conn, message.id, &stamp)?;
                    db::invitations::advance(
                        conn,
                        message.invitation_id,
                        InvitationStatus::Sent,
                        &stamp,
                    )?;
                    db::invitations::stamp_delivery(conn, message.invitation_id, &stamp)
                })?;
                report.sent += 1;
            }
            Err(MailError::Transient(error)) if attempts < MAX_ATTEMPTS => {
                let next = db::timestamp(state.clock.now() + backoff(attempts));
                db::outbox::mark_retry(&mut conn, message.id, attempts, &next, &error)?;
                tracing::warn!(outbox_id = %message.id, attempts, %error, "mail delivery failed; will retry");
                report.retried += 1;
            }
            Err(error) => {
                db::write_tx(&mut conn, |conn| {
                    db::outbox::mark_failed(
                        conn,
                        message.id,
                        attempts,
                        &stamp,
                        &error.to_string(),
                    )?;
                    db::invitations::advance(
                        conn,
                        message.invitation_id,
                        InvitationStatus::Bounced,
                        &stamp,
                    )
                    .map(drop)
                })?;
                tracing::warn!(outbox_id = %message.id, attempts, %error, "mail delivery given up; invitation bounced");
                report.failed += 1;
            }
        }
    }
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
                    // Passes follow each other while there is work, then the worker rests.
                    loop {
                        match deliver_due(&state) {
                            Ok(report)
                                if report.sent + report.retried + report.failed > 0
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
