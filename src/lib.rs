//! Partner CSAT Index: an embeddable, versioned REST API for a partner program's
//! customer-satisfaction requirement.
//!
//! Mount the whole API into any actix-web application with one call:
//!
//! ```no_run
//! use actix_web::{App, HttpServer};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = csat_index::Config::from_env()?;
//! let state = csat_index::AppState::new(&config)?;
//! HttpServer::new(move || App::new().configure(csat_index::configure(state.clone())))
//!     .bind(config.bind)?
//!     .run()
//!     .await?;
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod api;
pub mod auth;
pub mod config;
mod db;
#[cfg(feature = "cli")]
pub mod demo;
mod domain;
pub mod error;
mod i18n;
pub mod mail;
pub mod openapi;
mod service;
mod web;
pub mod webhook_sender;

#[doc(hidden)]
pub mod testing {
    //! The internals this crate's own tests, benchmarks and examples reach; not part of the API and
    //! free to change.

    /// Storage.
    pub mod db {
        pub use crate::db::*;
    }
    /// Pure rules.
    pub mod domain {
        pub use crate::domain::*;
    }
    /// Use cases.
    pub mod service {
        pub use crate::service::*;
    }

    /// The state's database pool.
    pub fn pool(state: &crate::AppState) -> &crate::db::DbPool {
        &state.pool
    }
}

use std::sync::Arc;

pub use api::{configure, configure_with, Options};
use chrono::{DateTime, Utc};
pub use config::Config;
pub use openapi::openapi;
pub use service::{
    events::{EventWorker, PassReport},
    webhooks::WebhookWorker,
};

/// The source of the current time (a port, so tests can fix it).
pub trait Clock: Send + Sync {
    /// The current UTC time.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Everything a request needs: the pool, the token verifier and the clock. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub(crate) pool: db::DbPool,
    /// Verifies bearer tokens.
    pub(crate) verifier: Arc<auth::Verifier>,
    /// The clock.
    pub(crate) clock: Arc<dyn Clock>,
    /// Delivers email.
    pub(crate) mailer: Arc<dyn mail::MailTransport>,
    /// How the outbox worker delivers (batch, concurrency, interval).
    pub(crate) mail_delivery: config::MailDelivery,
    /// How the events worker runs (interval, retention).
    pub(crate) events: config::EventSettings,
    /// Base URL of personal survey links.
    pub(crate) public_url: String,
    /// `public_url` was derived from the bind address because `CSAT_PUBLIC_URL` is unset: right for the
    /// standalone server, which listens there, so an embedding host is warned when it mounts the API.
    pub(crate) public_url_is_default: bool,
    /// Warns about a default `public_url` once, however many workers mount the API.
    public_url_warning: Arc<std::sync::Once>,
    /// Limits the public respondent endpoints per client.
    pub(crate) respondent_limiter: Arc<api::rate_limit::RateLimiter>,
    /// Identify clients by the forwarded-for headers of a trusted proxy.
    pub(crate) trust_forwarded_for: bool,
    /// Limits authenticated requests per token, shared with other replicas through the database.
    pub(crate) token_limiter: Arc<api::token_limit::TokenLimiter>,
    /// How webhooks are delivered (address rules, timeouts, retries).
    pub(crate) webhooks: config::WebhookSettings,
    /// Sends webhook requests.
    pub(crate) webhook_sender: Arc<dyn webhook_sender::WebhookSender>,
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// Invalid settings.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// The database could not be opened or migrated.
    #[error("{0}")]
    Database(String),
}

/// Connects to the database, runs pending migrations, then computes the stored compliance of every
/// membership that has none yet (those that existed before `membership_standings` did: the migration
/// cannot apply the organization cap in SQL, so this start-up step does, with the rule itself).
fn open_database(config: &Config) -> Result<db::DbPool, StartupError> {
    let pool = db::connect(config).map_err(StartupError::Database)?;
    let mut conn = pool
        .get()
        .map_err(|e| StartupError::Database(format!("cannot open the database: {e}")))?;
    let filled = service::standing::fill_missing(&mut conn, Utc::now().date_naive())
        .map_err(|e| StartupError::Database(format!("cannot compute stored compliance: {e}")))?;
    if filled > 0 {
        tracing::info!(
            memberships = filled,
            "computed the stored compliance of memberships without one"
        );
    }
    drop(conn);
    Ok(pool)
}

impl AppState {
    /// Connects to the database, runs migrations and loads the token verifier.
    pub fn new(config: &Config) -> Result<Self, StartupError> {
        let verifier = auth::Verifier::from_config(&config.jwt)?;
        let mailer = mail::LettreMailer::from_config(&config.mail, &config.mail_from)?;
        let pool = open_database(config)?;
        let limiter = api::rate_limit::RateLimiter::new(
            config.respondent_rate_limit,
            std::time::Duration::from_secs(60),
        );
        Ok(AppState {
            verifier: Arc::new(verifier),
            clock: Arc::new(SystemClock),
            mailer: Arc::new(mailer),
            mail_delivery: config::MailDelivery::default(),
            events: config::EventSettings::default(),
            public_url: config.public_url.clone(),
            public_url_is_default: config.public_url_is_default,
            public_url_warning: Arc::new(std::sync::Once::new()),
            respondent_limiter: Arc::new(limiter),
            trust_forwarded_for: config.trust_forwarded_for,
            token_limiter: api::token_limit::TokenLimiter::start(config.rate_limits, pool.clone()),
            webhooks: config::WebhookSettings::default(),
            webhook_sender: Arc::new(webhook_sender::HttpSender::new(
                config::WebhookSettings::default(),
            )),
            pool,
        })
    }

    /// Warns, once, when `public_url` was not configured: an embedding host does not listen on the
    /// address it was derived from.
    pub(crate) fn warn_about_a_default_public_url(&self) {
        if self.public_url_is_default {
            self.public_url_warning.call_once(|| {
                tracing::warn!(
                    public_url = %self.public_url,
                    "CSAT_PUBLIC_URL is not set: personal links point at the address the standalone server would bind; \
                     set it to the URL (with any mount prefix) respondents reach this API at"
                );
            });
        }
    }

    /// Connects to the database and runs any pending migrations (what [`AppState::new`] does first).
    pub fn migrate(config: &Config) -> Result<(), StartupError> {
        open_database(config).map(drop)
    }

    /// Marks `public_url` as right even though it was derived from the bind address: the host listens
    /// there (the standalone server), so mounting the API does not warn.
    pub fn serving_at_bind_address(mut self) -> Self {
        self.public_url_is_default = false;
        self
    }

    /// Verifies bearer tokens, and issues them with a shared secret (`csat-index token`, tests, or a
    /// host that mints tokens in process).
    pub fn verifier(&self) -> &auth::Verifier {
        &self.verifier
    }

    /// Replaces the clock (tests and simulations).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Replaces the mail transport (tests, or a host with its own mail service).
    pub fn with_mailer(mut self, mailer: Arc<dyn mail::MailTransport>) -> Self {
        self.mailer = mailer;
        self
    }

    /// Sets how the outbox worker delivers (the defaults of [`config::MailDelivery`] otherwise).
    pub fn with_mail_delivery(mut self, delivery: config::MailDelivery) -> Self {
        self.mail_delivery = delivery;
        self
    }

    /// Starts the background delivery of queued email; it stops when the returned worker is dropped.
    pub fn start_outbox_worker(&self) -> mail::OutboxWorker {
        mail::OutboxWorker::spawn(self.clone(), self.mail_delivery.interval)
    }

    /// Sets how the events worker runs (the defaults of [`config::EventSettings`] otherwise).
    pub fn with_event_settings(mut self, settings: config::EventSettings) -> Self {
        self.events = settings;
        self
    }

    /// Starts the background events worker: every `CSAT_EVENTS_INTERVAL_MS` it numbers new events in
    /// commit order so the change feed (and webhooks) see them; at most every second it recomputes the
    /// stored compliance of changed memberships (emitting `membership.compliance_changed`); every ten
    /// minutes it deletes events past the retention. It stops when the returned worker is dropped.
    /// Replicas may each run one: they take turns. Without it, events are stored but never listed.
    pub fn start_event_worker(&self) -> EventWorker {
        EventWorker::spawn(self.clone())
    }

    /// Runs one pass of the events worker now, on the calling thread (tests, or a host that schedules
    /// its own background work); prunes expired events too.
    pub fn run_event_pass(&self) -> Result<PassReport, error::ApiError> {
        let mut conn = self.pool.get()?;
        service::events::pass(
            &mut conn,
            self.clock.now(),
            &self.events,
            service::events::Chores::ALL,
        )
    }

    /// Sets how webhooks are delivered (the defaults of [`config::WebhookSettings`] otherwise: HTTPS to
    /// public addresses only), with an HTTP sender that follows the same settings.
    pub fn with_webhooks(mut self, settings: config::WebhookSettings) -> Self {
        self.webhooks = settings;
        self.webhook_sender = Arc::new(webhook_sender::HttpSender::new(settings));
        self
    }

    /// Replaces the webhook sender (tests, or a host with its own egress proxy).
    pub fn with_webhook_sender(mut self, sender: Arc<dyn webhook_sender::WebhookSender>) -> Self {
        self.webhook_sender = sender;
        self
    }

    /// Starts the background fan-out and delivery of webhooks; it stops when the returned worker is
    /// dropped.
    pub fn start_webhook_worker(&self) -> WebhookWorker {
        WebhookWorker::spawn(self.clone())
    }

    /// The current time as stored.
    pub fn timestamp(&self) -> String {
        db::timestamp(self.clock.now())
    }
}
