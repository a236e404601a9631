//! Storage: one diesel codebase over SQLite and PostgreSQL, the pool, migrations,
//! the blocking helper and the queries per aggregate.

pub mod contacts;
pub mod events;
pub mod idempotency;
pub mod invitations;
pub mod memberships;
pub mod offices;
pub mod outbox;
pub mod partners;
pub mod periods;
pub mod publications;
pub mod questions;
pub mod rate_limits;
pub mod responses;
pub mod results;
pub mod schema;
pub mod settings;
pub mod standing;
pub mod surveys;
pub mod types;
pub mod webhooks;

use diesel::{
    connection::{AnsiTransactionManager, SimpleConnection, TransactionManager},
    prelude::*,
    r2d2::{ManageConnection, Pool},
};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::{
    config::{Config, DatabaseUrl},
    error::{ApiError, ApiResult},
};

/// The migrations, written in SQL that both backends run as is (split per backend only where SQL must differ).
const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

pub use connection::*;

/// The connection type; a module of its own so the items `MultiConnection` derives (undocumented, like
/// all generated code) stay out of the documentation lint.
mod connection {
    #![allow(missing_docs)]

    /// A connection to either backend.
    #[derive(diesel::MultiConnection)]
    pub enum DbConnection {
        /// PostgreSQL, the production backend.
        Postgresql(diesel::PgConnection),
        /// SQLite, the embedded default.
        Sqlite(diesel::SqliteConnection),
    }
}

/// The backend type of [`DbConnection`] (either database).
pub type Backend = <DbConnection as diesel::Connection>::Backend;

/// The connection pool.
pub type DbPool = Pool<Manager>;

/// Opens connections by URL scheme (so a down PostgreSQL reports its real error) and
/// sets SQLite's pragmas on each one.
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
    /// Kept while the pool lives; its SQLite checkpointer stops when this is gone.
    _alive: std::sync::Arc<()>,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        match &self.url {
            DatabaseUrl::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConnection::Postgresql)
                .map_err(diesel::r2d2::Error::ConnectionError),
            DatabaseUrl::Sqlite(path) => {
                let mut conn = open_sqlite(path).map_err(diesel::r2d2::Error::ConnectionError)?;
                // No checkpoint at commit: the pool's checkpointer does them off the request path.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0; PRAGMA temp_store = MEMORY;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    /// A connection left inside a transaction (a panic mid-way) is discarded, never reused; so is a
    /// lost PostgreSQL connection (the database restarted, or the network dropped it): diesel puts its
    /// transaction manager in error as soon as a query finds libpq's connection bad. This is what
    /// lets the pool skip a test query on every checkout and still recover by itself after an outage
    /// (`tests/faults/outage.rs`).
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        match conn {
            DbConnection::Sqlite(c) => AnsiTransactionManager::is_broken_transaction_manager(c),
            DbConnection::Postgresql(c) => AnsiTransactionManager::is_broken_transaction_manager(c),
        }
    }
}

/// Opens a SQLite connection with stable query plans (`SQLITE_DBCONFIG_ENABLE_QPSG`): plans never
/// depend on bound values. Without it, SQLite marks every statement with a bound `LIMIT` (diesel's
/// `.first()`, every page), and after an `ANALYZE` every statement with a bound key, to be compiled
/// again at each execution in the hope of a better plan: the statement cache then saves nothing and
/// a one-row read by primary key spent most of its time in SQLite's parser. Only connections opened
/// here are configured, never other SQLite connections of a host application.
pub fn open_sqlite(path: &str) -> ConnectionResult<diesel::SqliteConnection> {
    static REGISTER: std::sync::Once = std::sync::Once::new();
    // SAFETY: registers a function with the signature SQLite expects; it runs inside `sqlite3_open_v2`.
    REGISTER.call_once(|| unsafe {
        libsqlite3_sys::sqlite3_auto_extension(Some(stable_plans));
    });
    OPENING.with(|opening| opening.set(true));
    let conn = diesel::SqliteConnection::establish(path);
    OPENING.with(|opening| opening.set(false));
    conn
}

thread_local! {
    /// Whether this thread is inside [`open_sqlite`] (SQLite runs auto-extensions on the opening thread).
    static OPENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// How many connections [`stable_plans`] configured on this thread.
    static STABLE_PLANS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// SQLite auto-extension: turns on the query-planner stability guarantee of connections [`open_sqlite`] opens.
unsafe extern "C" fn stable_plans(
    db: *mut libsqlite3_sys::sqlite3,
    _error: *mut *mut std::ffi::c_char,
    _api: *const libsqlite3_sys::sqlite3_api_routines,
) -> std::ffi::c_int {
    if OPENING.with(std::cell::Cell::get) {
        // SAFETY: `db` is the connection being opened; QPSG takes an int and an optional int out-pointer.
        let rc = unsafe {
            libsqlite3_sys::sqlite3_db_config(
                db,
                libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
                1 as std::ffi::c_int,
                std::ptr::null_mut::<std::ffi::c_int>(),
            )
        };
        if rc == libsqlite3_sys::SQLITE_OK {
            STABLE_PLANS.with(|n| n.set(n.get() + 1));
        }
    }
    libsqlite3_sys::SQLITE_OK
}

/// Opens the pool and runs pending migrations; errors are start-up errors.
pub fn connect(config: &Config) -> Result<DbPool, String> {
    let alive = std::sync::Arc::new(());
    let pool = Pool::builder()
        .max_size(config.pool_size)
        .min_idle(Some(config.pool_size.min(2)))
        .connection_timeout(config.pool_timeout)
        // No `SELECT 1` per checkout: a lost connection fails its request once (503) and is then
        // discarded by `has_broken`.
        .test_on_check_out(false)
        .build(Manager {
            url: config.database.clone(),
            _alive: alive.clone(),
        })
        .map_err(|e| {
            format!(
                "cannot open the database {}: {e}",
                describe(&config.database)
            )
        })?;
    let mut conn = pool.get().map_err(|e| {
        format!(
            "cannot open the database {}: {e}",
            describe(&config.database)
        )
    })?;
    migrate(&mut conn)?;
    if let DatabaseUrl::Sqlite(path) = &config.database {
        checkpointer::start(path, std::sync::Arc::downgrade(&alive));
    }
    Ok(pool)
}

/// SQLite's checkpoints, off the request path. A connection's automatic checkpoint runs inside the
/// commit that crosses 1,000 WAL pages, so that writer (and, through [`WriterTurn`], every writer
/// queued behind it) waited for the pages to be copied and the database file to be synced: the tail
/// of answer intake. Request connections therefore never checkpoint; one thread per pool runs a
/// PASSIVE checkpoint every [`checkpointer::INTERVAL`], concurrently with writers. Durability is
/// unchanged: a commit is acknowledged once its WAL frames are synced (`synchronous = FULL`), and a
/// checkpoint only copies frames that are already durable.
pub mod checkpointer {
    use std::{
        sync::Weak,
        time::{Duration, Instant},
    };

    use diesel::{connection::SimpleConnection, prelude::*};

    /// How often committed WAL frames are copied into the database file.
    pub const INTERVAL: Duration = Duration::from_millis(200);

    /// WAL pages (4 KiB each by default, so 256 MiB) beyond which a checkpoint waits for this
    /// process's writers: under sustained writes a PASSIVE checkpoint never catches up with the end of
    /// the WAL, and SQLite only starts the WAL over after one did, so without this the file would grow
    /// while the load lasts. Writers pause while it completes, so it should be rare: at 16,384 pages
    /// it came every 0.65 s of intake at 4 clients (an answer adds ~27 pages). The file keeps its
    /// largest size while the service runs (SQLite writes it over from the start; a
    /// `journal_size_limit` that cut it back made every later growth pay for extending the file again).
    pub const WAL_PAGES_BEFORE_A_WAITING_CHECKPOINT: i64 = 65_536;

    #[derive(QueryableByName)]
    pub(super) struct Outcome {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        busy: i32,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        pub(super) log: i32,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        checkpointed: i32,
    }

    /// Starts the checkpointer of the SQLite file `path`; it stops once `alive` is gone.
    pub fn start(path: &str, alive: Weak<()>) {
        if path.is_empty() || path == ":memory:" || path.contains("mode=memory") {
            return;
        }
        let path = path.to_owned();
        let spawned = std::thread::Builder::new()
            .name("csat-checkpoint".into())
            .spawn(move || run(&path, &alive));
        if let Err(error) = spawned {
            tracing::error!(%error, "cannot start the SQLite checkpointer; the WAL grows until the last connection closes");
        }
    }

    fn run(path: &str, alive: &Weak<()>) {
        let mut conn = match super::open_sqlite(path).and_then(|mut c| {
            c.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;")
                .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
            Ok(c)
        }) {
            Ok(conn) => conn,
            Err(error) => {
                tracing::error!(%error, "the SQLite checkpointer cannot open the database");
                return;
            }
        };
        while alive.upgrade().is_some() {
            std::thread::sleep(INTERVAL);
            if let Err(error) = checkpoint(&mut conn, path) {
                tracing::warn!(%error, "SQLite checkpoint failed; retrying");
            }
        }
        // The pool is gone: copy what is left so the next start finds a short WAL.
        checkpoint(&mut conn, path).ok();
    }

    /// One PASSIVE checkpoint; when the WAL is long, another one inside a writer's turn, which copies
    /// everything (no writer of this process runs), so the next writer starts the WAL over. SQLite
    /// syncs the database file only after a checkpoint that reached the end of the WAL, which under
    /// load is only that last one: it would sync everything the others copied while writers wait
    /// (15-20 ms at 64 MiB of WAL), so the file `path` is synced before the turn is taken.
    fn checkpoint(conn: &mut diesel::SqliteConnection, path: &str) -> QueryResult<()> {
        let started = Instant::now();
        let outcome = passive(conn)?;
        if i64::from(outcome.log) > WAL_PAGES_BEFORE_A_WAITING_CHECKPOINT {
            if let Err(error) = std::fs::File::open(path).and_then(|file| file.sync_data()) {
                tracing::warn!(%error, "cannot sync the SQLite file before a waiting checkpoint");
            }
            let _turn = super::WriterTurn::take(conn)?;
            let again = passive(conn)?;
            tracing::info!(
                pages = again.log,
                copied = again.checkpointed,
                busy = again.busy,
                "long SQLite WAL checkpointed between writers"
            );
        }
        tracing::debug!(
            pages = outcome.log,
            copied = outcome.checkpointed,
            elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
            "SQLite checkpoint"
        );
        Ok(())
    }

    fn passive(conn: &mut diesel::SqliteConnection) -> QueryResult<Outcome> {
        diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").get_result(conn)
    }
}

fn describe(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(path) => format!("(SQLite file `{path}`)"),
        DatabaseUrl::Postgres(_) => "(PostgreSQL)".to_owned(),
    }
}

/// Key of the PostgreSQL advisory lock that serializes migrations between replicas.
const MIGRATION_LOCK: i64 = 0x4353_4154_4d49_4752; // "CSATMIGR"

/// Runs pending migrations of the connection's backend; returns how many ran. On PostgreSQL,
/// replicas starting together take turns (an advisory lock): the first migrates, the others then
/// find nothing pending, instead of racing to create the same tables.
pub fn migrate(conn: &mut DbConnection) -> Result<usize, String> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(MIGRATIONS).map(|m| m.len()),
        DbConnection::Postgresql(c) => {
            let lock = |c: &mut diesel::PgConnection, sql: &str| {
                diesel::sql_query(sql)
                    .bind::<diesel::sql_types::BigInt, _>(MIGRATION_LOCK)
                    .execute(c)
                    .map_err(|e| format!("database migration lock failed: {e}"))
            };
            lock(c, "SELECT pg_advisory_lock($1)")?;
            let applied = c.run_pending_migrations(MIGRATIONS).map(|m| m.len());
            lock(c, "SELECT pg_advisory_unlock($1)")?;
            applied
        }
    };
    applied.map_err(|e| format!("database migration failed: {e}"))
}

/// Runs blocking database work on the blocking thread pool: the one way handlers reach the database.
pub async fn run<T, F>(pool: &DbPool, work: F) -> ApiResult<T>
where
    F: FnOnce(&mut DbConnection) -> ApiResult<T> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
}

/// Runs a read of a few rows by key. On SQLite it runs on the calling thread when a pooled connection
/// is idle at once: such a read takes microseconds, less than handing it to the blocking pool and
/// back (two thread wake-ups, a third of a GET's time). Otherwise, and always on PostgreSQL, whose
/// every query is a network round trip that must not hold an HTTP worker, it is [`run`].
pub async fn read<T, F>(pool: &DbPool, work: F) -> ApiResult<T>
where
    F: FnOnce(&mut DbConnection) -> ApiResult<T> + Send + 'static,
    T: Send + 'static,
{
    let idle_sqlite = pool
        .try_get()
        .filter(|conn| matches!(**conn, DbConnection::Sqlite(_)));
    match idle_sqlite {
        Some(mut conn) => work(&mut conn),
        None => run(pool, work).await,
    }
}

/// A write transaction; on SQLite it is `BEGIN IMMEDIATE`, so read-then-write never hits a lock upgrade,
/// taken after this process's earlier writers to the same file are done (see [`WriterTurn`]).
pub fn write_tx<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let _turn = match conn {
        DbConnection::Sqlite(c) => {
            let turn = WriterTurn::take(c)?;
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
            Some(turn)
        }
        DbConnection::Postgresql(c) => {
            AnsiTransactionManager::begin_transaction(c)?;
            None
        }
    };
    match work(conn) {
        Ok(value) => {
            match conn {
                DbConnection::Sqlite(c) => AnsiTransactionManager::commit_transaction(c)?,
                DbConnection::Postgresql(c) => AnsiTransactionManager::commit_transaction(c)?,
            }
            Ok(value)
        }
        Err(error) => {
            let rollback = match conn {
                DbConnection::Sqlite(c) => AnsiTransactionManager::rollback_transaction(c),
                DbConnection::Postgresql(c) => AnsiTransactionManager::rollback_transaction(c),
            };
            if let Err(e) = rollback {
                tracing::error!(error = %e, "rollback failed");
            }
            Err(error)
        }
    }
}

/// A write that may share its SQLite transaction, and the `fsync` of its commit, with the writes that
/// queued behind the writer before it (group commit). On a slow disk the commit's `fsync` is most of
/// a short write's time, so one commit for the whole queue lets answer intake go past one commit at a
/// time. Each write runs in its own savepoint: one that fails is rolled back alone, and every write is
/// acknowledged only after the commit that holds it. On PostgreSQL, whose commits already share their
/// WAL flushes, and on an in-memory SQLite database, it is [`write_tx`].
pub fn write_batched<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
) -> Result<T, E>
where
    T: Send + 'static,
    E: From<diesel::result::Error> + Send + 'static,
{
    let queue = match conn {
        DbConnection::Sqlite(c) => WriterQueue::of(c)?,
        DbConnection::Postgresql(_) => None,
    };
    match queue {
        Some(queue) => queue.write_batched(conn, work),
        None => write_tx(conn, work),
    }
}

/// The turn of one SQLite writer of this process. SQLite admits one writer per file; a second
/// `BEGIN IMMEDIATE` waits in SQLite's busy handler, which polls with sleeps of 1, 2, 5, 10, 15, 20,
/// 25 … ms, so a writer that loses a few times waits ~80 ms while the lock was free after 1 ms.
/// Writers of one file wait here instead, and the next one wakes the moment the previous one
/// commits or rolls back. A writer that waited longer than the busy timeout goes on without its turn
/// and leaves the wait to SQLite (so a writer that never finishes cannot block the others forever).
#[derive(Debug)]
pub struct WriterTurn {
    queue: Option<std::sync::Arc<WriterQueue>>,
}

/// The writers of one SQLite file: whether one is writing, the batched writes waiting for the next
/// group commit, and a wake-up for the waiting writers.
#[derive(Default)]
struct WriterQueue {
    state: std::sync::Mutex<WriterState>,
    done: std::sync::Condvar,
}

/// See [`WriterQueue`].
#[derive(Default)]
struct WriterState {
    writing: bool,
    batch: Vec<BatchedWrite>,
}

/// A queued write: runs in the group's transaction and gives back what delivers its outcome once the
/// commit's fate is known (`Some(reason)` when the commit failed).
/// It is given the connection, or why the transaction could not begin.
type BatchedWrite = Box<dyn FnOnce(Result<&mut DbConnection, &str>) -> DeliverOutcome + Send>;
type DeliverOutcome = Box<dyn FnOnce(Option<&str>) + Send>;

impl std::fmt::Debug for WriterQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterQueue").finish_non_exhaustive()
    }
}

/// How long a writer waits for its turn before it leaves the wait to SQLite's busy timeout.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The most writes one group commit holds.
const MAX_BATCH: usize = 64;

fn locked<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl WriterQueue {
    /// The queue of the connection's database file (none for an in-memory or temporary database,
    /// whose connections share nothing).
    fn of(
        conn: &mut diesel::SqliteConnection,
    ) -> Result<Option<std::sync::Arc<WriterQueue>>, diesel::result::Error> {
        #[derive(QueryableByName)]
        struct File {
            #[diesel(sql_type = diesel::sql_types::Text)]
            file: String,
        }
        let file = diesel::sql_query("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .get_result::<File>(conn)?
            .file;
        if file.is_empty() {
            return Ok(None);
        }
        static QUEUES: std::sync::OnceLock<
            std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<WriterQueue>>>,
        > = std::sync::OnceLock::new();
        Ok(Some(
            locked(QUEUES.get_or_init(Default::default))
                .entry(file)
                .or_default()
                .clone(),
        ))
    }

    /// Queues `work`; the first writer to find the file free runs the whole queue in one transaction.
    fn write_batched<T, E>(
        self: std::sync::Arc<Self>,
        conn: &mut DbConnection,
        work: impl FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<diesel::result::Error> + Send + 'static,
    {
        let outcome = std::sync::Arc::new(std::sync::Mutex::new(None::<Result<T, E>>));
        let delivered = outcome.clone();
        let failure = |reason: &str| {
            E::from(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::Unknown,
                Box::new(format!("the group commit failed: {reason}")),
            ))
        };
        let job: BatchedWrite = Box::new(move |conn| {
            let result = match conn {
                Ok(conn) => in_savepoint(conn, work),
                Err(reason) => Err(failure(reason)),
            };
            Box::new(move |commit_failed| {
                *locked(&delivered) = Some(match commit_failed {
                    None => result,
                    Some(reason) => Err(failure(reason)),
                });
            })
        });
        let mut state = locked(&self.state);
        state.batch.push(job);
        loop {
            if let Some(result) = locked(&outcome).take() {
                return result;
            }
            if state.writing {
                state = self
                    .done
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                continue;
            }
            state.writing = true;
            let taken = state.batch.len().min(MAX_BATCH);
            let batch: Vec<BatchedWrite> = state.batch.drain(..taken).collect();
            drop(state);
            let turn = WriterTurn {
                queue: Some(self.clone()),
            };
            run_batch(conn, batch);
            drop(turn);
            state = locked(&self.state);
        }
    }
}

impl WriterTurn {
    /// Waits for this process's earlier writers to the connection's database file (none for an
    /// in-memory or temporary database, whose connections share nothing).
    pub fn take(conn: &mut diesel::SqliteConnection) -> Result<WriterTurn, diesel::result::Error> {
        let Some(queue) = WriterQueue::of(conn)? else {
            return Ok(WriterTurn { queue: None });
        };
        let (mut state, waited) = queue
            .done
            .wait_timeout_while(locked(&queue.state), WRITER_WAIT, |state| state.writing)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if waited.timed_out() {
            return Ok(WriterTurn { queue: None });
        }
        state.writing = true;
        drop(state);
        Ok(WriterTurn { queue: Some(queue) })
    }
}

impl Drop for WriterTurn {
    fn drop(&mut self) {
        if let Some(queue) = &self.queue {
            locked(&queue.state).writing = false;
            queue.done.notify_all();
        }
    }
}

/// Runs `work` in a savepoint of the open transaction: rolled back alone when it fails or panics.
fn in_savepoint<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let DbConnection::Sqlite(c) = conn else {
        unreachable!("group commits are SQLite's")
    };
    AnsiTransactionManager::begin_transaction(c)?;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(conn)))
        .unwrap_or_else(|_| {
            Err(E::from(diesel::result::Error::QueryBuilderError(
                "a batched write panicked".into(),
            )))
        });
    let DbConnection::Sqlite(c) = conn else {
        unreachable!("group commits are SQLite's")
    };
    match result {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(c)?;
            Ok(value)
        }
        Err(error) => {
            if let Err(e) = AnsiTransactionManager::rollback_transaction(c) {
                tracing::error!(error = %e, "rollback to a savepoint failed");
            }
            Err(error)
        }
    }
}

/// One group commit: every write of `batch` in one `BEGIN IMMEDIATE` … `COMMIT`, then each outcome.
fn run_batch(conn: &mut DbConnection, batch: Vec<BatchedWrite>) {
    let DbConnection::Sqlite(c) = conn else {
        unreachable!("group commits are SQLite's")
    };
    if let Err(error) = AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE") {
        let reason = error.to_string();
        for job in batch {
            job(Err(&reason))(None);
        }
        return;
    }
    let deliveries: Vec<DeliverOutcome> = batch.into_iter().map(|job| job(Ok(conn))).collect();
    let DbConnection::Sqlite(c) = conn else {
        unreachable!("group commits are SQLite's")
    };
    let failed = AnsiTransactionManager::commit_transaction(c)
        .err()
        .map(|error| {
            if let Err(e) = AnsiTransactionManager::rollback_transaction(c) {
                tracing::error!(error = %e, "rollback failed");
            }
            error.to_string()
        });
    for deliver in deliveries {
        deliver(failed.as_deref());
    }
}
/// Whether the database answers (for `/ready`).
pub fn ping(conn: &mut DbConnection) -> ApiResult<()> {
    conn.batch_execute("SELECT 1").map_err(ApiError::from)
}

/// Fixed-width UTC RFC 3339 text with microseconds: how every time is stored, so text order is time order.
pub fn timestamp(time: chrono::DateTime<chrono::Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// Stored-time bounds `[from 00:00, day after to 00:00)` of a date range.
pub fn bounds(from: chrono::NaiveDate, to: chrono::NaiveDate) -> (String, String) {
    let start =
        |d: chrono::NaiveDate| timestamp(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    (start(from), start(to.succ_opt().unwrap_or(to)))
}

/// Parses a stored timestamp.
pub fn parse_timestamp(text: &str) -> ApiResult<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| ApiError::Internal(format!("stored timestamp `{text}` is invalid: {e}")))
}

/// One page of rows: at most `limit`, and whether more follow.
pub fn split_page<T>(mut rows: Vec<T>, limit: i64) -> (Vec<T>, bool) {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    (rows, more)
}

/// Writes `$changes` (a changeset or a tuple of assignments) to the row `$current` of `$table` when its
/// version is the caller's `$expected` one, bumping the version and stamping `updated_at`; 412 when the
/// version differs or a concurrent writer won. The version-guarded write every table shares.
macro_rules! update_versioned {
    ($conn:expr, $table:ident, $current:expr, $expected:expr, $now:expr, $changes:expr) => {{
        $crate::db::check_version($current.version, $expected)?;
        let updated = diesel::update(
            $table::table
                .find($current.id.clone())
                .filter($table::version.eq($current.version)),
        )
        .set((
            $changes,
            $table::version.eq($current.version + 1),
            $table::updated_at.eq($now),
        ))
        .execute($conn)?;
        $crate::db::ensure_updated(updated)
    }};
}
pub(crate) use update_versioned;

/// One page of the boxed query `$query` in the order of its unique text column `$column`, after the
/// cursor `$after` (an id): the keyset pagination every list shares. Evaluates to
/// `ApiResult<(rows, whether more follow)>`.
macro_rules! paginate {
    ($conn:expr, $query:expr, $column:expr, $after:expr, $limit:expr) => {{
        let mut query = $query.order($column.asc()).limit($limit + 1);
        if let Some(after) = $after {
            query = query.filter($column.gt(after));
        }
        Ok($crate::db::split_page(query.load($conn)?, $limit))
    }};
}
pub(crate) use paginate;

/// The row `$id` of `$table` (a table with a `partner_id`) as `$row`, or 404 "no such `$what`" when
/// there is none or `$visibility` does not reach its partner: the scoped read every partner-owned
/// table shares. Two fixed queries rather than one boxed query, so the statement cache finds them by
/// type instead of building their SQL text on every read.
macro_rules! scoped_get {
    ($conn:expr, $table:ident, $row:ty, $visibility:expr, $id:expr, $what:literal) => {{
        let query = $table::table.find($id).select(<$row>::as_select());
        match $visibility.partner() {
            Some(own) => query
                .filter($table::partner_id.eq(own))
                .first($conn)
                .optional()?,
            None => query.first($conn).optional()?,
        }
        .ok_or_else(|| $crate::error::ApiError::NotFound(concat!("no such ", $what).into()))
    }};
}
pub(crate) use scoped_get;

/// 409 naming the field and the value when another row of `$table` (other than `$except`) already
/// holds `$value` in the unique column `$column`.
macro_rules! ensure_unique {
    ($conn:expr, $table:ident, $column:ident, $value:expr, $except:expr, $what:literal) => {{
        let mut others = $table::table
            .filter($table::$column.eq($value))
            .into_boxed();
        if let Some(except) = $except {
            others = others.filter($table::id.ne(except));
        }
        let taken: i64 = others.count().get_result($conn)?;
        match taken {
            0 => Ok(()),
            _ => Err($crate::error::ApiError::conflict(
                $crate::error::ErrorCode::AlreadyExists,
                format!(
                    concat!(
                        "another ",
                        $what,
                        " already has ",
                        stringify!($column),
                        " `{}`"
                    ),
                    $value
                ),
            )),
        }
    }};
}
pub(crate) use ensure_unique;

/// Defines, for `$table` whose external ids are unique among the rows of one parent (`$parent`):
/// `find_by_external_id`, the parent's row with an external id, and `ensure_external_id_free`, 409 when
/// another row of the parent than `except` (the row being changed) already holds it.
macro_rules! external_ids {
    ($table:ident, $row:ty, $id:ty, $parent:ident: $parent_id:ty, $what:literal, $parent_name:literal) => {
        #[doc = concat!("The ", $what, " of the ", $parent_name, " `parent` whose external id is `external_id`, if any.")]
        pub fn find_by_external_id(
            conn: &mut DbConnection,
            parent: $parent_id,
            external_id: &str,
        ) -> ApiResult<Option<$row>> {
            Ok($table::table
                .filter($table::$parent.eq(parent))
                .filter($table::external_id.eq(external_id))
                .select(<$row>::as_select())
                .first(conn)
                .optional()?)
        }

        #[doc = concat!("409 when another ", $what, " of the ", $parent_name, " (other than `except`) has the external id.")]
        fn ensure_external_id_free(
            conn: &mut DbConnection,
            parent: $parent_id,
            external_id: Option<&str>,
            except: Option<$id>,
        ) -> ApiResult<()> {
            let Some(external_id) = external_id else {
                return Ok(());
            };
            match find_by_external_id(conn, parent, external_id)? {
                Some(holder) if Some(&holder.id) != except.as_ref() => {
                    Err($crate::error::ApiError::conflict(
                        $crate::error::ErrorCode::AlreadyExists,
                        format!(
                            concat!(
                                "another ", $what, " of this ", $parent_name,
                                " already has external_id `{}`; external ids are unique among the ",
                                $what, "s of one ", $parent_name
                            ),
                            external_id
                        ),
                    ))
                }
                _ => Ok(()),
            }
        }
    };
}
pub(crate) use external_ids;

/// 412 when the caller's `If-Match` version is not the stored one.
pub fn check_version(stored: i64, expected: Option<i64>) -> ApiResult<()> {
    match expected {
        Some(expected) if expected != stored => Err(ApiError::PreconditionFailed),
        _ => Ok(()),
    }
}

/// 412 when a version-guarded update matched no row (a concurrent writer won).
pub fn ensure_updated(rows: usize) -> ApiResult<()> {
    if rows == 0 {
        Err(ApiError::PreconditionFailed)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(path: &str, busy_timeout_ms: u32) -> DbConnection {
        let mut conn = diesel::SqliteConnection::establish(path).unwrap();
        conn.batch_execute(&format!(
            "PRAGMA busy_timeout = {busy_timeout_ms}; PRAGMA journal_mode = WAL;"
        ))
        .unwrap();
        DbConnection::Sqlite(conn)
    }

    #[test]
    fn only_connections_opened_here_get_stable_query_plans() {
        let dir = std::env::temp_dir().join(format!("csat-qpsg-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("plans.db").display().to_string();
        let count = || STABLE_PLANS.with(std::cell::Cell::get);
        let _ours = open_sqlite(&path).unwrap();
        assert_eq!(
            count(),
            1,
            "a connection opened by open_sqlite is configured"
        );
        let _other = diesel::SqliteConnection::establish(&path).unwrap();
        assert_eq!(count(), 1, "a plain connection is left alone");
        let _again = open_sqlite(&path).unwrap();
        assert_eq!(count(), 2);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn sqlite_writers_of_one_file_take_turns_instead_of_failing_busy() {
        let dir = std::env::temp_dir().join(format!("csat-turns-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("turns.db").display().to_string();
        let mut first = open(&path, 5000);
        first
            .batch_execute("CREATE TABLE t (who TEXT NOT NULL)")
            .unwrap();
        let (started, wait) = std::sync::mpsc::channel();
        let second = {
            let path = path.clone();
            std::thread::spawn(move || {
                wait.recv().unwrap();
                // Without a busy timeout SQLite would refuse at once while the first writer writes.
                let mut conn = open(&path, 0);
                write_tx(&mut conn, |c| {
                    c.batch_execute("INSERT INTO t VALUES ('second')")
                })
            })
        };
        write_tx(&mut first, |c| {
            c.batch_execute("INSERT INTO t VALUES ('first')")?;
            started.send(()).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(100));
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
        second.join().unwrap().unwrap();
        #[derive(QueryableByName)]
        struct Who {
            #[diesel(sql_type = diesel::sql_types::Text)]
            who: String,
        }
        let order: Vec<String> = diesel::sql_query("SELECT who FROM t ORDER BY rowid")
            .load::<Who>(&mut first)
            .unwrap()
            .into_iter()
            .map(|w| w.who)
            .collect();
        assert_eq!(order, ["first", "second"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn batched_writes_commit_together_and_a_failing_one_is_rolled_back_alone() {
        let dir = std::env::temp_dir().join(format!("csat-batch-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("batch.db").display().to_string();
        let mut holder = open(&path, 5000);
        holder
            .batch_execute(
                "CREATE TABLE t (n INTEGER NOT NULL UNIQUE); PRAGMA wal_checkpoint(TRUNCATE);",
            )
            .unwrap();
        let queue = match &mut holder {
            DbConnection::Sqlite(c) => WriterQueue::of(c).unwrap().unwrap(),
            DbConnection::Postgresql(_) => unreachable!(),
        };
        // The writers queue while another writer holds the file, then go in one commit.
        let writers = write_tx(&mut holder, |_| {
            let writers: Vec<_> = (0..10)
                .map(|n| {
                    let path = path.clone();
                    std::thread::spawn(move || {
                        let mut conn = open(&path, 5000);
                        write_batched(&mut conn, move |c| {
                            c.batch_execute(&format!("INSERT INTO t VALUES ({n})"))?;
                            match n {
                                // Its own row went in; the duplicate fails, and both must be undone.
                                3 => c.batch_execute("INSERT INTO t VALUES (3)").map(|()| n),
                                4 => panic!("a write that panics"),
                                _ => Ok::<_, diesel::result::Error>(n),
                            }
                        })
                    })
                })
                .collect();
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while locked(&queue.state).batch.len() < 10 {
                assert!(
                    std::time::Instant::now() < deadline,
                    "the writers never queued"
                );
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Ok::<_, diesel::result::Error>(writers)
        })
        .unwrap();
        let outcomes: Vec<Result<i32, _>> =
            writers.into_iter().map(|w| w.join().unwrap()).collect();
        for (n, outcome) in outcomes.iter().enumerate() {
            assert_eq!(outcome.is_ok(), n != 3 && n != 4, "writer {n}: {outcome:?}");
        }
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::Integer)]
            n: i32,
        }
        let stored: Vec<i32> = diesel::sql_query("SELECT n FROM t ORDER BY n")
            .load::<N>(&mut holder)
            .unwrap()
            .into_iter()
            .map(|r| r.n)
            .collect();
        assert_eq!(stored, [0, 1, 2, 5, 6, 7, 8, 9]);
        // One commit wrote the table's and its index's pages once (a commit per write: 2 pages each).
        let frames = diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)")
            .get_result::<checkpointer::Outcome>(&mut holder)
            .unwrap()
            .log;
        assert!(frames <= 4, "{frames} WAL frames");
        // Nothing is left open on the connections that led a group.
        write_tx(&mut holder, |c| {
            c.batch_execute("INSERT INTO t VALUES (10)")
        })
        .unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
