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
                let mut conn = diesel::SqliteConnection::establish(path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                conn.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
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

/// Opens the pool and runs pending migrations; errors are start-up errors.
pub fn connect(config: &Config) -> Result<DbPool, String> {
    let pool = Pool::builder()
        .max_size(config.pool_size)
        .connection_timeout(config.pool_timeout)
        // No `SELECT 1` per checkout: a lost connection fails its request once (503) and is then
        // discarded by `has_broken`.
        .test_on_check_out(false)
        .build(Manager {
            url: config.database.clone(),
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
    Ok(pool)
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

/// The writers of one SQLite file: whether one is writing, and a wake-up for the waiting ones.
#[derive(Debug, Default)]
struct WriterQueue {
    writing: std::sync::Mutex<bool>,
    done: std::sync::Condvar,
}

/// How long a writer waits for its turn before it leaves the wait to SQLite's busy timeout.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

impl WriterTurn {
    /// Waits for this process's earlier writers to the connection's database file (none for an
    /// in-memory or temporary database, whose connections share nothing).
    pub fn take(conn: &mut diesel::SqliteConnection) -> Result<WriterTurn, diesel::result::Error> {
        #[derive(QueryableByName)]
        struct File {
            #[diesel(sql_type = diesel::sql_types::Text)]
            file: String,
        }
        let file = diesel::sql_query("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .get_result::<File>(conn)?
            .file;
        if file.is_empty() {
            return Ok(WriterTurn { queue: None });
        }
        static QUEUES: std::sync::OnceLock<
            std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<WriterQueue>>>,
        > = std::sync::OnceLock::new();
        let queue = QUEUES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(file)
            .or_default()
            .clone();
        let writing = queue
            .writing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (mut writing, waited) = queue
            .done
            .wait_timeout_while(writing, WRITER_WAIT, |writing| *writing)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if waited.timed_out() {
            return Ok(WriterTurn { queue: None });
        }
        *writing = true;
        drop(writing);
        Ok(WriterTurn { queue: Some(queue) })
    }
}

impl Drop for WriterTurn {
    fn drop(&mut self) {
        if let Some(queue) = &self.queue {
            *queue
                .writing
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) = false;
            queue.done.notify_one();
        }
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
/// table shares.
macro_rules! scoped_get {
    ($conn:expr, $table:ident, $row:ty, $visibility:expr, $id:expr, $what:literal) => {{
        let mut query = $table::table
            .find($id)
            .select(<$row>::as_select())
            .into_boxed();
        if let Some(own) = $visibility.partner() {
            query = query.filter($table::partner_id.eq(own));
        }
        query
            .first($conn)
            .optional()?
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
}
