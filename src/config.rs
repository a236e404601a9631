//! Settings from environment variables, validated once at start-up.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

/// Where the data lives; the URL scheme picks the backend at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite file path (from `sqlite://path`, `sqlite:path`, `file:path` or a bare path).
    Sqlite(String),
    /// A PostgreSQL connection URL (`postgres://` or `postgresql://`).
    Postgres(String),
}

impl DatabaseUrl {
    /// Parses a database URL, choosing the backend by its scheme.
    pub fn parse(url: &str) -> Result<Self, ConfigError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(ConfigError("CSAT_DATABASE_URL is empty".into()));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() {
            return Err(ConfigError(format!(
                "CSAT_DATABASE_URL `{url}` names no SQLite file"
            )));
        }
        if path.contains("://") {
            return Err(ConfigError(format!(
                "CSAT_DATABASE_URL `{url}` has an unsupported scheme: use postgres://… or sqlite://path"
            )));
        }
        Ok(DatabaseUrl::Sqlite(path.to_owned()))
    }

    /// The folder that holds development files (the dev JWT secret): the SQLite file's folder, else the working directory.
    pub fn data_dir(&self) -> PathBuf {
        match self {
            DatabaseUrl::Sqlite(path) => {
                let path = path.strip_prefix("file:").unwrap_or(path);
                let path = path.split('?').next().unwrap_or(path);
                match std::path::Path::new(path).parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                    _ => PathBuf::from("."),
                }
            }
            DatabaseUrl::Postgres(_) => PathBuf::from("."),
        }
    }
}

/// How JWTs are verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtKey {
    /// HS256 with a shared secret (at least 32 bytes).
    Secret(Vec<u8>),
    /// RS256 with an RSA public key in PEM.
    RsaPublicKeyPem(Vec<u8>),
    /// ES256 with an EC P-256 public key in PEM.
    EcPublicKeyPem(Vec<u8>),
    /// Development mode: an HS256 secret generated once and kept in this file (mode 0600).
    Development(PathBuf),
}

/// JWT verification settings.
#[derive(Debug, Clone)]
pub struct JwtConfig {
    /// The key and algorithm.
    pub key: JwtKey,
    /// Required `iss` claim.
    pub issuer: String,
    /// Required `aud` claim.
    pub audience: String,
    /// Clock skew allowed on `exp` and `nbf`, in seconds.
    pub leeway_seconds: u64,
}

/// Where invitation emails go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailConfig {
    /// An SMTP server URL (`smtp://user:pass@host:587?tls=required`, `smtps://host`, or plain `smtp://127.0.0.1:2525`).
    Smtp(String),
    /// Write each message as an `.eml` file into this folder (the embedded default: no mail server needed).
    Directory(PathBuf),
}

/// How the outbox worker delivers email (`CSAT_MAIL_*`); read apart from [`Config`] (like
/// [`HttpServerConfig`]) and given to the state with `AppState::with_mail_delivery`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailDelivery {
    /// Messages one pass claims (`CSAT_MAIL_BATCH`, default 200); passes follow each other at once
    /// while they come back full.
    pub batch: usize,
    /// Messages sent at the same time, each over its own SMTP connection; the connections stay open
    /// in a pool between messages, so this is also the number of SMTP connections the worker keeps
    /// (`CSAT_MAIL_CONCURRENCY`, default 32).
    pub concurrency: usize,
    /// Rest between passes once the outbox is drained (`CSAT_MAIL_INTERVAL_MS`, default 2,000).
    pub interval: Duration,
}

impl Default for MailDelivery {
    /// 200 messages a pass, 32 at a time, a pass every 2 seconds when idle.
    fn default() -> Self {
        MailDelivery {
            batch: 200,
            concurrency: 32,
            interval: Duration::from_secs(2),
        }
    }
}

impl MailDelivery {
    /// The most messages sent at the same time (and SMTP connections kept).
    pub const MAX_CONCURRENCY: usize = 256;

    /// Reads the delivery settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the delivery settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let defaults = MailDelivery::default();
        let number = |name: &str, default: usize, max: usize| {
            setting(&lookup, name, default as u64, 1..=max as u64).map(|n| n as usize)
        };
        Ok(MailDelivery {
            batch: number("CSAT_MAIL_BATCH", defaults.batch, 10_000)?,
            concurrency: number(
                "CSAT_MAIL_CONCURRENCY",
                defaults.concurrency,
                Self::MAX_CONCURRENCY,
            )?,
            interval: Duration::from_millis(number(
                "CSAT_MAIL_INTERVAL_MS",
                defaults.interval.as_millis() as usize,
                600_000,
            )? as u64),
        })
    }
}

/// How the events worker runs (`CSAT_EVENTS_*`); read apart from [`Config`] (like [`MailDelivery`]) and
/// given to the state with `AppState::with_event_settings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSettings {
    /// Rest between passes (`CSAT_EVENTS_INTERVAL_MS`, default 200): how soon after a change its
    /// events appear in the change feed (and a compliance change is noticed).
    pub interval: Duration,
    /// Days events are kept (`CSAT_EVENTS_RETENTION_DAYS`, default and least 30).
    pub retention_days: u32,
}

impl Default for EventSettings {
    /// A pass every 200 ms, events kept 30 days.
    fn default() -> Self {
        EventSettings {
            interval: Duration::from_millis(200),
            retention_days: Self::MIN_RETENTION_DAYS,
        }
    }
}

impl EventSettings {
    /// The shortest retention: an integration that was down for up to 30 days catches up from the feed.
    pub const MIN_RETENTION_DAYS: u32 = 30;

    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let defaults = EventSettings::default();
        let number = |name: &str, default: u64, min: u64, max: u64| {
            setting(&lookup, name, default, min..=max)
        };
        Ok(EventSettings {
            interval: Duration::from_millis(number(
                "CSAT_EVENTS_INTERVAL_MS",
                defaults.interval.as_millis() as u64,
                1,
                600_000,
            )?),
            retention_days: number(
                "CSAT_EVENTS_RETENTION_DAYS",
                u64::from(defaults.retention_days),
                u64::from(Self::MIN_RETENTION_DAYS),
                36_500,
            )? as u32,
        })
    }
}

/// Requests per minute each token may make, by its role (0: unlimited), and how often a replica
/// shares its counts with the others through the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Per `partner` token.
    pub partner: u32,
    /// Per `vendor` token.
    pub vendor: u32,
    /// Per `admin` token.
    pub admin: u32,
    /// How often each replica adds its counts to the shared totals and reads them back.
    pub sync_interval: Duration,
}

impl Default for RateLimits {
    /// 600 per minute per partner token, 1,200 per vendor token, 3,000 per admin token; synced every second.
    fn default() -> Self {
        RateLimits {
            partner: 600,
            vendor: 1_200,
            admin: 3_000,
            sync_interval: Duration::from_secs(1),
        }
    }
}

/// Default pool size on SQLite: answers waiting for the next group commit each hold a connection, so
/// the pool bounds how many one commit can take (32 measured 1.2× the answers per second of 8).
pub const DEFAULT_SQLITE_POOL_SIZE: u64 = 32;

/// Default pool size on PostgreSQL: answers to one survey update the same counter rows, so more
/// connections only wait longer on those row locks (32 measured slower than 8).
pub const DEFAULT_POSTGRES_POOL_SIZE: u64 = 8;

/// All settings of the service.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database to use.
    pub database: DatabaseUrl,
    /// Address the binary listens on.
    pub bind: SocketAddr,
    /// JWT verification.
    pub jwt: JwtConfig,
    /// Maximum pooled database connections (opened as needed, two kept open).
    pub pool_size: u32,
    /// How long a request waits for a database connection before it gets 503.
    pub pool_timeout: Duration,
    /// The base URL respondents reach the service at (personal links are `{public_url}/s/{token}`),
    /// including any prefix the API is mounted under.
    pub public_url: String,
    /// `CSAT_PUBLIC_URL` was unset and `public_url` is `http://{bind}`.
    pub public_url_is_default: bool,
    /// Mail delivery.
    pub mail: MailConfig,
    /// The `From` of invitation emails.
    pub mail_from: String,
    /// Requests per minute one client may make to the public respondent endpoints.
    pub respondent_rate_limit: u32,
    /// Identify clients by `Forwarded` / `X-Forwarded-For` (only behind a proxy that sets them).
    pub trust_forwarded_for: bool,
    /// Request limits per token.
    pub rate_limits: RateLimits,
}

/// A configuration problem; start-up stops with its message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct ConfigError(pub String);

/// Default SQLite file, in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://csat-index.db";
/// Default listen address.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Default `iss` and `aud`.
pub const DEFAULT_ISSUER: &str = "csat-index";
/// Default `aud`.
pub const DEFAULT_AUDIENCE: &str = "csat-index-api";
/// Name of the development secret file kept beside the database.
pub const DEV_SECRET_FILE: &str = ".csat-index-dev-secret";

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let database = DatabaseUrl::parse(
            &get("CSAT_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
        )?;
        let bind_text = get("CSAT_BIND").unwrap_or_else(|| DEFAULT_BIND.into());
        let bind = bind_text.parse().map_err(|_| {
            ConfigError(format!(
                "CSAT_BIND `{bind_text}` is not an address like 127.0.0.1:8080"
            ))
        })?;
        let number = |name: &str, default: u64, range: std::ops::RangeInclusive<u64>| {
            setting(&get, name, default, range)
        };
        let key = jwt_key(&get, &database)?;
        let public_url_is_default = get("CSAT_PUBLIC_URL").is_none();
        let public_url = get("CSAT_PUBLIC_URL").unwrap_or_else(|| format!("http://{bind}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError(format!(
                "CSAT_PUBLIC_URL `{public_url}` must start with http:// or https://"
            )));
        }
        let mail = match get("CSAT_MAIL_URL") {
            None => MailConfig::Directory(database.data_dir().join("mail-outbox")),
            Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => {
                MailConfig::Smtp(url)
            }
            Some(url) => match url.strip_prefix("file://") {
                Some(path) if !path.is_empty() => MailConfig::Directory(PathBuf::from(path)),
                _ => {
                    return Err(ConfigError(format!(
                        "CSAT_MAIL_URL `{url}` must be smtp://…, smtps://… or file://folder"
                    )))
                }
            },
        };
        let mail_from = get("CSAT_MAIL_FROM")
            .unwrap_or_else(|| "Partner CSAT Index <no-reply@localhost>".into());
        Ok(Config {
            public_url: public_url.trim_end_matches('/').to_owned(),
            public_url_is_default,
            mail,
            mail_from,
            respondent_rate_limit: number("CSAT_RESPONDENT_RATE_LIMIT", 60, 1..=100_000)? as u32,
            trust_forwarded_for: number("CSAT_TRUST_FORWARDED_FOR", 0, 0..=1)? == 1,
            rate_limits: {
                let defaults = RateLimits::default();
                let limit = |name, default: u32| {
                    number(name, u64::from(default), 0..=10_000_000).map(|n| n as u32)
                };
                RateLimits {
                    partner: limit("CSAT_RATE_LIMIT_PARTNER", defaults.partner)?,
                    vendor: limit("CSAT_RATE_LIMIT_VENDOR", defaults.vendor)?,
                    admin: limit("CSAT_RATE_LIMIT_ADMIN", defaults.admin)?,
                    sync_interval: Duration::from_millis(number(
                        "CSAT_RATE_LIMIT_SYNC_MS",
                        defaults.sync_interval.as_millis() as u64,
                        50..=60_000,
                    )?),
                }
            },
            jwt: JwtConfig {
                key,
                issuer: get("CSAT_JWT_ISSUER").unwrap_or_else(|| DEFAULT_ISSUER.into()),
                audience: get("CSAT_JWT_AUDIENCE").unwrap_or_else(|| DEFAULT_AUDIENCE.into()),
                leeway_seconds: number("CSAT_JWT_LEEWAY_SECONDS", 30, 0..=300)?,
            },
            pool_size: number(
                "CSAT_DB_POOL_SIZE",
                match database {
                    DatabaseUrl::Sqlite(_) => DEFAULT_SQLITE_POOL_SIZE,
                    DatabaseUrl::Postgres(_) => DEFAULT_POSTGRES_POOL_SIZE,
                },
                1..=256,
            )? as u32,
            pool_timeout: Duration::from_secs(number("CSAT_DB_TIMEOUT_SECONDS", 5, 1..=120)?),
            database,
            bind,
        })
    }
}

fn jwt_key(
    get: &dyn Fn(&str) -> Option<String>,
    database: &DatabaseUrl,
) -> Result<JwtKey, ConfigError> {
    let algorithm = get("CSAT_JWT_ALGORITHM").map(|a| a.trim().to_ascii_uppercase());
    match (get("CSAT_JWT_SECRET"), get("CSAT_JWT_PUBLIC_KEY")) {
        (Some(_), Some(_)) => Err(ConfigError(
            "set CSAT_JWT_SECRET or CSAT_JWT_PUBLIC_KEY, not both".into(),
        )),
        (Some(secret), None) => {
            if !matches!(algorithm.as_deref(), None | Some("HS256")) {
                return Err(ConfigError(
                    "CSAT_JWT_SECRET is for HS256; set CSAT_JWT_ALGORITHM=HS256 or leave it unset"
                        .into(),
                ));
            }
            if secret.len() < 32 {
                return Err(ConfigError(
                    "CSAT_JWT_SECRET must be at least 32 bytes".into(),
                ));
            }
            Ok(JwtKey::Secret(secret.into_bytes()))
        }
        (None, Some(key)) => {
            let pem = if key.contains("-----BEGIN") {
                key.into_bytes()
            } else {
                std::fs::read(&key).map_err(|e| {
                    ConfigError(format!(
                        "CSAT_JWT_PUBLIC_KEY: cannot read PEM file `{key}`: {e}"
                    ))
                })?
            };
            match algorithm.as_deref() {
                Some("RS256") | None => Ok(JwtKey::RsaPublicKeyPem(pem)),
                Some("ES256") => Ok(JwtKey::EcPublicKeyPem(pem)),
                Some(other) => Err(ConfigError(format!(
                    "CSAT_JWT_ALGORITHM `{other}` is not supported with a public key: use RS256 or ES256"
                ))),
            }
        }
        (None, None) => Ok(JwtKey::Development(
            database.data_dir().join(DEV_SECRET_FILE),
        )),
    }
}

/// Connection limits of the standalone HTTP server (the binary); an embedding host sets its own on
/// its `HttpServer`. Slow or idle clients hold only their connection, never a worker thread: these
/// bound how long and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpServerConfig {
    /// Worker threads (`CSAT_HTTP_WORKERS`; default: one per CPU core).
    pub workers: Option<usize>,
    /// Time from a connection's first byte until its request headers are complete; then it is
    /// answered 408 and closed however slowly bytes still arrive (`CSAT_HTTP_HEADER_TIMEOUT_SECONDS`, default 5).
    pub header_timeout: Duration,
    /// How long an idle keep-alive connection stays open (`CSAT_HTTP_KEEP_ALIVE_SECONDS`, default 5;
    /// 0 closes each connection after its response).
    pub keep_alive: Duration,
    /// How long a client has to close its side after the server shut a connection
    /// (`CSAT_HTTP_DISCONNECT_TIMEOUT_SECONDS`, default 1).
    pub disconnect_timeout: Duration,
    /// Open connections per worker; above it new ones wait in the listen backlog
    /// (`CSAT_HTTP_MAX_CONNECTIONS`, default 10,000).
    pub max_connections: usize,
}

impl HttpServerConfig {
    /// Reads the server limits from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the server limits through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let number = |name: &str, default: u64, max: u64, min: u64| {
            setting(&lookup, name, default, min..=max)
        };
        let workers = number("CSAT_HTTP_WORKERS", 0, 1024, 0)?;
        Ok(HttpServerConfig {
            workers: (workers > 0).then_some(workers as usize),
            header_timeout: Duration::from_secs(number(
                "CSAT_HTTP_HEADER_TIMEOUT_SECONDS",
                5,
                300,
                1,
            )?),
            keep_alive: Duration::from_secs(number("CSAT_HTTP_KEEP_ALIVE_SECONDS", 5, 3600, 0)?),
            disconnect_timeout: Duration::from_secs(number(
                "CSAT_HTTP_DISCONNECT_TIMEOUT_SECONDS",
                1,
                60,
                1,
            )?),
            max_connections: number("CSAT_HTTP_MAX_CONNECTIONS", 10_000, 1_000_000, 1)? as usize,
        })
    }
}

/// How webhooks are delivered (`CSAT_WEBHOOK_*`); read apart from [`Config`] (like [`MailDelivery`])
/// and given to the state with `AppState::with_webhooks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookSettings {
    /// Accept `http://` subscription URLs (`CSAT_WEBHOOK_ALLOW_HTTP=1`; development only).
    pub allow_http: bool,
    /// Let deliveries reach loopback, private, link-local and other internal addresses
    /// (`CSAT_WEBHOOK_ALLOW_PRIVATE_NETWORKS=1`; development and tests only: it disables the SSRF guard).
    pub allow_private_networks: bool,
    /// Time to open the TCP connection (`CSAT_WEBHOOK_CONNECT_TIMEOUT_MS`, default 5,000).
    pub connect_timeout: Duration,
    /// Time for the whole attempt, from connecting to the response's status line
    /// (`CSAT_WEBHOOK_TIMEOUT_MS`, default 15,000).
    pub timeout: Duration,
    /// How long the previous secret still signs after a rotation (`CSAT_WEBHOOK_SECRET_GRACE_SECONDS`,
    /// default 86,400).
    pub secret_grace: Duration,
    /// Divides every retry wait (`CSAT_WEBHOOK_RETRY_SCALE`, default 1; tests compress the days-long
    /// schedule with it).
    pub retry_scale: u32,
    /// Deliveries one pass claims (`CSAT_WEBHOOK_BATCH`, default 100).
    pub batch: usize,
    /// Rest between passes of the webhook worker (`CSAT_WEBHOOK_INTERVAL_MS`, default 1,000).
    pub interval: Duration,
}

impl Default for WebhookSettings {
    /// HTTPS to public addresses only, 5 s to connect, 15 s per attempt, 24 h of grace for a rotated
    /// secret, the real retry schedule, 100 deliveries a pass, a pass every second.
    fn default() -> Self {
        WebhookSettings {
            allow_http: false,
            allow_private_networks: false,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(15),
            secret_grace: Duration::from_secs(24 * 3600),
            retry_scale: 1,
            batch: 100,
            interval: Duration::from_secs(1),
        }
    }
}

impl WebhookSettings {
    /// Reads the webhook settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the webhook settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let defaults = WebhookSettings::default();
        let number = |name: &str, default: u64, min: u64, max: u64| {
            setting(&lookup, name, default, min..=max)
        };
        let millis = |name: &str, default: Duration, min: u64, max: u64| {
            number(name, default.as_millis() as u64, min, max).map(Duration::from_millis)
        };
        Ok(WebhookSettings {
            allow_http: number("CSAT_WEBHOOK_ALLOW_HTTP", 0, 0, 1)? == 1,
            allow_private_networks: number("CSAT_WEBHOOK_ALLOW_PRIVATE_NETWORKS", 0, 0, 1)? == 1,
            connect_timeout: millis(
                "CSAT_WEBHOOK_CONNECT_TIMEOUT_MS",
                defaults.connect_timeout,
                100,
                60_000,
            )?,
            timeout: millis("CSAT_WEBHOOK_TIMEOUT_MS", defaults.timeout, 100, 120_000)?,
            secret_grace: Duration::from_secs(number(
                "CSAT_WEBHOOK_SECRET_GRACE_SECONDS",
                defaults.secret_grace.as_secs(),
                0,
                30 * 24 * 3600,
            )?),
            retry_scale: number("CSAT_WEBHOOK_RETRY_SCALE", 1, 1, 100_000_000)? as u32,
            batch: number("CSAT_WEBHOOK_BATCH", defaults.batch as u64, 1, 10_000)? as usize,
            interval: millis("CSAT_WEBHOOK_INTERVAL_MS", defaults.interval, 10, 600_000)?,
        })
    }
}

/// The whole number `lookup` gives for `name` within `range`, or `default` when it gives none (or
/// only blanks); anything else is an error naming the variable and the range.
fn setting(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, ConfigError> {
    match lookup(name).filter(|text| !text.trim().is_empty()) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|value| range.contains(value))
            .ok_or_else(|| {
                ConfigError(format!(
                    "{name} `{text}` must be a whole number from {} to {}",
                    range.start(),
                    range.end()
                ))
            }),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_to_sqlite_in_working_directory_and_development_mode() {
        let config = config(&[]).unwrap();
        assert_eq!(config.database, DatabaseUrl::Sqlite("csat-index.db".into()));
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            config.jwt.key,
            JwtKey::Development(PathBuf::from(".").join(DEV_SECRET_FILE))
        );
    }

    #[test]
    fn rate_limits_per_role_from_the_environment() {
        assert_eq!(config(&[]).unwrap().rate_limits, RateLimits::default());
        let limits = config(&[
            ("CSAT_RATE_LIMIT_PARTNER", "5"),
            ("CSAT_RATE_LIMIT_VENDOR", "0"),
            ("CSAT_RATE_LIMIT_ADMIN", "7"),
            ("CSAT_RATE_LIMIT_SYNC_MS", "250"),
        ])
        .unwrap()
        .rate_limits;
        assert_eq!(
            limits,
            RateLimits {
                partner: 5,
                vendor: 0,
                admin: 7,
                sync_interval: Duration::from_millis(250)
            }
        );
        assert!(config(&[("CSAT_RATE_LIMIT_PARTNER", "-1")])
            .unwrap_err()
            .0
            .contains("CSAT_RATE_LIMIT_PARTNER"));
        assert!(config(&[("CSAT_RATE_LIMIT_SYNC_MS", "0")]).is_err());
    }

    #[test]
    fn url_scheme_selects_backend() {
        assert_eq!(
            DatabaseUrl::parse("postgres://u@h/db").unwrap(),
            DatabaseUrl::Postgres("postgres://u@h/db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/data/x.db").unwrap(),
            DatabaseUrl::Sqlite("/var/data/x.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("data/x.db").unwrap().data_dir(),
            PathBuf::from("data")
        );
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
    }

    #[test]
    fn rejects_short_secret_bad_bind_and_out_of_range_numbers() {
        assert!(config(&[("CSAT_JWT_SECRET", "short")])
            .unwrap_err()
            .0
            .contains("32 bytes"));
        assert!(config(&[("CSAT_BIND", "nowhere")])
            .unwrap_err()
            .0
            .contains("CSAT_BIND"));
        assert!(config(&[("CSAT_DB_POOL_SIZE", "0")])
            .unwrap_err()
            .0
            .contains("CSAT_DB_POOL_SIZE"));
        assert!(config(&[
            ("CSAT_JWT_SECRET", &"x".repeat(32)),
            ("CSAT_JWT_ALGORITHM", "RS256")
        ])
        .is_err());
    }

    #[test]
    fn mail_delivery_settings_have_defaults_and_are_validated() {
        let delivery = |pairs: &[(&str, &str)]| {
            let map: HashMap<String, String> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            MailDelivery::from_lookup(|name| map.get(name).cloned())
        };
        assert_eq!(delivery(&[]).unwrap(), MailDelivery::default());
        assert_eq!(
            delivery(&[
                ("CSAT_MAIL_BATCH", "50"),
                ("CSAT_MAIL_CONCURRENCY", "4"),
                ("CSAT_MAIL_INTERVAL_MS", "250"),
            ])
            .unwrap(),
            MailDelivery {
                batch: 50,
                concurrency: 4,
                interval: Duration::from_millis(250)
            }
        );
        assert!(delivery(&[("CSAT_MAIL_BATCH", "0")])
            .unwrap_err()
            .0
            .contains("CSAT_MAIL_BATCH"));
        assert!(delivery(&[("CSAT_MAIL_CONCURRENCY", "257")]).is_err());
    }

    #[test]
    fn event_settings_have_defaults_and_keep_events_at_least_30_days() {
        let settings = |pairs: &[(&str, &str)]| {
            let map: HashMap<String, String> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            EventSettings::from_lookup(|name| map.get(name).cloned())
        };
        assert_eq!(settings(&[]).unwrap(), EventSettings::default());
        assert_eq!(EventSettings::default().retention_days, 30);
        assert_eq!(
            settings(&[
                ("CSAT_EVENTS_INTERVAL_MS", "20"),
                ("CSAT_EVENTS_RETENTION_DAYS", "90")
            ])
            .unwrap(),
            EventSettings {
                interval: Duration::from_millis(20),
                retention_days: 90
            }
        );
        assert!(settings(&[("CSAT_EVENTS_RETENTION_DAYS", "29")])
            .unwrap_err()
            .0
            .contains("CSAT_EVENTS_RETENTION_DAYS"));
        assert!(settings(&[("CSAT_EVENTS_INTERVAL_MS", "0")]).is_err());
    }

    #[test]
    fn http_server_limits_have_defaults_and_are_validated() {
        let limits = |pairs: &[(&str, &str)]| {
            let map: HashMap<String, String> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            HttpServerConfig::from_lookup(|name| map.get(name).cloned())
        };
        let defaults = limits(&[]).unwrap();
        assert_eq!(defaults.workers, None);
        assert_eq!(defaults.header_timeout, Duration::from_secs(5));
        assert_eq!(defaults.keep_alive, Duration::from_secs(5));
        assert_eq!(defaults.max_connections, 10_000);
        let set = limits(&[
            ("CSAT_HTTP_WORKERS", "2"),
            ("CSAT_HTTP_KEEP_ALIVE_SECONDS", "0"),
        ])
        .unwrap();
        assert_eq!(set.workers, Some(2));
        assert_eq!(set.keep_alive, Duration::ZERO);
        assert!(limits(&[("CSAT_HTTP_HEADER_TIMEOUT_SECONDS", "0")])
            .unwrap_err()
            .0
            .contains("CSAT_HTTP_HEADER_TIMEOUT_SECONDS"));
    }

    #[test]
    fn webhook_settings_default_to_https_and_public_addresses() {
        let settings = |pairs: &[(&str, &str)]| {
            let map: HashMap<String, String> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            WebhookSettings::from_lookup(|name| map.get(name).cloned())
        };
        let defaults = settings(&[]).unwrap();
        assert_eq!(defaults, WebhookSettings::default());
        assert!(!defaults.allow_http && !defaults.allow_private_networks);
        let dev = settings(&[
            ("CSAT_WEBHOOK_ALLOW_HTTP", "1"),
            ("CSAT_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "1"),
            ("CSAT_WEBHOOK_RETRY_SCALE", "1000"),
        ])
        .unwrap();
        assert!(dev.allow_http && dev.allow_private_networks);
        assert_eq!(dev.retry_scale, 1000);
        assert!(settings(&[("CSAT_WEBHOOK_ALLOW_HTTP", "yes")])
            .unwrap_err()
            .0
            .contains("CSAT_WEBHOOK_ALLOW_HTTP"));
    }
}
