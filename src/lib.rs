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

pub mod api;
pub mod auth;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod openapi;

use std::sync::Arc;

use chrono::{DateTime, Utc};

pub use api::configure;
pub use config::Config;
pub use openapi::openapi;

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
    pub pool: db::DbPool,
    /// Verifies bearer tokens.
    pub verifier: Arc<auth::Verifier>,
    /// The clock.
    pub clock: Arc<dyn Clock>,
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

impl AppState {
    /// Connects to the database, runs migrations and loads the token verifier.
    pub fn new(config: &Config) -> Result<Self, StartupError> {
        let verifier = auth::Verifier::from_config(&config.jwt)?;
        let pool = db::connect(config).map_err(StartupError::Database)?;
        Ok(AppState {
            pool,
            verifier: Arc::new(verifier),
            clock: Arc::new(SystemClock),
        })
    }

    /// Replaces the clock (tests and simulations).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The current time as stored.
    pub fn timestamp(&self) -> String {
        db::timestamp(self.clock.now())
    }
}
