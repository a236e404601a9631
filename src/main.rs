//! `csat-index`: the service binary, a thin host around the library.

use actix_web::{App, HttpServer};
use clap::{Parser, Subcommand, ValueEnum};
use csat_index::{
    auth::Role,
    config::{DatabaseUrl, EventSettings, HttpServerConfig, JwtKey, MailDelivery},
    AppState, Config,
};
use uuid::Uuid;

#[derive(Parser)]
#[command(name = "csat-index", version, about = "Partner CSAT Index API")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP service (migrates the database first).
    Serve,
    /// Run pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Exit 0 when the local service answers `/ready` (the container healthcheck).
    Healthcheck,
    /// Seed a realistic sample program into the configured (empty) database.
    Demo,
    /// Print a development JWT signed with the configured shared secret.
    Token {
        /// The role of the token.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The partner a `partner` token acts for.
        #[arg(long)]
        partner_id: Option<Uuid>,
        /// The token's subject.
        #[arg(long, default_value = "dev-user")]
        subject: String,
        /// Lifetime in hours.
        #[arg(long, default_value_t = 12)]
        hours: i64,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Partner,
    Vendor,
}

fn main() {
    limit_malloc_arenas();
    if let Err(message) = run() {
        eprintln!("csat-index: {message}");
        std::process::exit(1);
    }
}

/// glibc gives each thread that allocates while another does an arena of its own (up to eight per
/// core) and keeps what is freed in it: with the database pool's connections used from many threads,
/// peak RSS under load was ~100 MB with the default and ~65 MB with two arenas, at the same speed
/// (`bench/RESULTS.md`). `MALLOC_ARENA_MAX`, when set, still decides.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: runs first in `main`, before any other thread exists; `mallopt` only sets a limit.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

fn run() -> Result<(), String> {
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        print!("{}", csat_index::openapi::openapi_json());
        return Ok(());
    }
    let config = Config::from_env().map_err(|e| e.to_string())?;
    match cli.command {
        Command::Openapi => unreachable!("handled above"),
        Command::Healthcheck => healthcheck(config.bind),
        Command::Demo => {
            let summary = csat_index::demo::seed_database(&config, chrono::Utc::now()).map_err(
                |e| match e {
                    ref e if e.code().status() == actix_web::http::StatusCode::CONFLICT => {
                        format!("{e}; {}", start_over(&config.database))
                    }
                    _ => e.to_string(),
                },
            )?;
            println!(
                "seeded {} partners, {} memberships, {} offices, {} contacts and {} responses; published {} ended quarters",
                summary.partners,
                summary.memberships,
                summary.offices,
                summary.contacts,
                summary.responses,
                summary.published_quarters
            );
            if let Some(partner) = summary.example_partner {
                println!("a partner token: `cargo run --release -- token --role partner --partner-id {partner}` (installed binary: `csat-index token …`)");
            }
            Ok(())
        }
        Command::Migrate => {
            AppState::migrate(&config).map_err(|e| e.to_string())?;
            println!("migrations are up to date");
            Ok(())
        }
        Command::Token {
            role,
            partner_id,
            subject,
            hours,
        } => {
            let role = match role {
                RoleArg::Admin => Role::Admin,
                RoleArg::Partner => Role::Partner,
                RoleArg::Vendor => Role::Vendor,
            };
            if role == Role::Partner && partner_id.is_none() {
                return Err("a partner token needs --partner-id".into());
            }
            let verifier =
                csat_index::auth::Verifier::from_config(&config.jwt).map_err(|e| e.to_string())?;
            let token = verifier
                .issue(
                    role,
                    partner_id,
                    &subject,
                    chrono::Utc::now().timestamp(),
                    hours.clamp(1, 24 * 30) * 3600,
                )
                .map_err(|e| e.to_string())?;
            println!("{token}");
            Ok(())
        }
        Command::Serve => serve(config),
    }
}

/// How to get an empty database for `demo` when the configured one already holds data.
fn start_over(database: &DatabaseUrl) -> String {
    match database {
        DatabaseUrl::Sqlite(path) => format!(
            "to start over, stop `serve` and delete `{path}` (with `{path}-wal` and `{path}-shm`), or seed \
             another file and serve that one: `CSAT_DATABASE_URL=sqlite://demo.db cargo run --release -- demo`"
        ),
        DatabaseUrl::Postgres(_) => "to start over, point CSAT_DATABASE_URL at a new, empty PostgreSQL database"
            .to_owned(),
    }
}

fn serve(config: Config) -> Result<(), String> {
    let limits = HttpServerConfig::from_env().map_err(|e| e.to_string())?;
    let mail_delivery = MailDelivery::from_env().map_err(|e| e.to_string())?;
    let event_settings = EventSettings::from_env().map_err(|e| e.to_string())?;
    let webhooks = csat_index::config::WebhookSettings::from_env().map_err(|e| e.to_string())?;
    init_logging()?;
    if let JwtKey::Development(path) = &config.jwt.key {
        tracing::warn!(
            secret_file = %path.display(),
            "DEVELOPMENT MODE: no CSAT_JWT_SECRET or CSAT_JWT_PUBLIC_KEY is set; tokens are verified with a random secret kept in this file. \
             Get a token with `cargo run --release -- token --role admin` (installed binary: `csat-index token --role admin`). Never run like this in production."
        );
    }
    let state = AppState::new(&config)
        .map_err(|e| e.to_string())?
        .serving_at_bind_address()
        .with_mail_delivery(mail_delivery)
        .with_event_settings(event_settings)
        .with_webhooks(webhooks);
    let _outbox = state.start_outbox_worker();
    let _events = state.start_event_worker();
    let _webhooks = state.start_webhook_worker();
    tracing::info!(bind = %config.bind, "serving the API at http://{}/api/v1 and Swagger UI at http://{}/swagger-ui/", config.bind, config.bind);
    actix_web::rt::System::new()
        .block_on(async move {
            let server =
                HttpServer::new(move || App::new().configure(csat_index::configure(state.clone())))
                    .client_request_timeout(limits.header_timeout)
                    .client_disconnect_timeout(limits.disconnect_timeout)
                    .keep_alive(match limits.keep_alive {
                        std::time::Duration::ZERO => actix_web::http::KeepAlive::Disabled,
                        idle => actix_web::http::KeepAlive::Timeout(idle),
                    })
                    .max_connections(limits.max_connections);
            let server = match limits.workers {
                Some(workers) => server.workers(workers),
                None => server,
            };
            server.bind(config.bind)?.run().await
        })
        .map_err(|e| format!("the server stopped: {e}"))
}

fn healthcheck(bind: std::net::SocketAddr) -> Result<(), String> {
    use std::io::{Read, Write};
    let mut address = bind;
    if address.ip().is_unspecified() {
        address.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let timeout = std::time::Duration::from_secs(3);
    let mut stream = std::net::TcpStream::connect_timeout(&address, timeout)
        .map_err(|e| format!("{address}: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    stream
        .write_all(
            format!("GET /ready HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .map_err(|e| e.to_string())?;
    let mut reply = String::new();
    stream
        .read_to_string(&mut reply)
        .map_err(|e| e.to_string())?;
    match reply.lines().next() {
        Some(status) if status.contains(" 200 ") => Ok(()),
        other => Err(format!("not ready: {}", other.unwrap_or("no answer"))),
    }
}

fn init_logging() -> Result<(), String> {
    let level = match std::env::var("CSAT_LOG") {
        Ok(text) => text.parse().map_err(|_| format!("invalid configuration: CSAT_LOG `{text}` must be ERROR, WARN, INFO, DEBUG or TRACE"))?,
        Err(_) => tracing::Level::INFO,
    };
    let json = match std::env::var("CSAT_LOG_FORMAT").as_deref() {
        Ok("json") => true,
        Ok("text") | Err(_) => false,
        Ok(other) => {
            return Err(format!(
                "invalid configuration: CSAT_LOG_FORMAT `{other}` must be text or json"
            ))
        }
    };
    let builder = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_target(false);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
    Ok(())
}
