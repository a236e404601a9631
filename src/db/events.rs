//! Events: the outbox webhooks deliver and the change feed lists (`events`). A use case inserts its
//! events unnumbered in its own transaction; the sequencer ([`sequence_pending`]) numbers committed
//! rows in commit order; readers read numbered rows only.

use diesel::prelude::*;

use super::{schema::events, DbConnection};
use crate::{
    domain::ids::{EventId, PartnerId},
    error::ApiResult,
};

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = events)]
// `None` is bound as NULL rather than written as `DEFAULT`: diesel keeps only statements without
// `DEFAULT` prepared, and this insert runs with every answer.
#[diesel(treat_none_as_default_value = false)]
pub struct EventRow {
    /// Id.
    pub id: EventId,
    /// Position in commit order; `None` until the sequencer numbers it.
    pub seq: Option<i64>,
    /// The type's stable name (`response.completed`).
    pub event_type: String,
    /// The payload's schema version.
    pub version: i32,
    /// The partner whose data it is; `None` for a program-level event.
    pub partner_id: Option<PartnerId>,
    /// 1 when the vendor may see it.
    pub vendor_visible: i32,
    /// When it occurred (RFC 3339).
    pub occurred_at: String,
    /// Not numbered before this time (RFC 3339).
    pub available_at: String,
    /// The JSON payload (`data`).
    pub payload: String,
}

/// Which events a reader may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventScope {
    /// Every event (the administrator).
    All,
    /// One partner's (`partner_id` is its id).
    Partner(PartnerId),
    /// Those the vendor may see (`vendor_visible`).
    Vendor,
}

/// Stores a new, unnumbered event: one small insert, no read.
pub fn insert(conn: &mut DbConnection, row: &EventRow) -> ApiResult<()> {
    diesel::insert_into(events::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Numbers up to `limit` unnumbered events available at `now` after the highest number so far, in
/// (available_at, id) order; returns how many. The caller runs it in a write transaction and one at a
/// time (SQLite's write transactions; on PostgreSQL an advisory transaction lock, [`lock_sequencer`]):
/// only rows committed before it started are seen, so numbers follow commit order and a reader that has
/// seen number `n` never finds a lower number appear later.
pub fn sequence_pending(conn: &mut DbConnection, now: &str, limit: i64) -> ApiResult<usize> {
    super::results::execute(
        conn,
        "UPDATE events SET seq = numbered.seq FROM (\
           SELECT id, (SELECT COALESCE(MAX(seq), 0) FROM events) \
                      + ROW_NUMBER() OVER (ORDER BY available_at, id) AS seq \
           FROM events WHERE seq IS NULL AND available_at <= ? ORDER BY available_at, id LIMIT ?\
         ) AS numbered WHERE events.id = numbered.id",
        &[
            super::results::Bind::Text(now.to_owned()),
            super::results::Bind::Int(limit),
        ],
    )
}

/// Whether any unnumbered event is available at `now` (a read, so an idle sequencer writes nothing).
pub fn pending(conn: &mut DbConnection, now: &str) -> ApiResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        events::table
            .filter(events::seq.is_null())
            .filter(events::available_at.le(now)),
    ))
    .get_result(conn)?)
}

/// Key of the PostgreSQL advisory lock that lets one sequencer run at a time across replicas.
const SEQUENCER_LOCK: i64 = 0x4353_4154_4556_4e54; // "CSATEVNT"

/// Waits until no other sequencer runs (PostgreSQL: an advisory lock held until the transaction ends;
/// SQLite's write transaction already excludes every other writer).
pub fn lock_sequencer(conn: &mut DbConnection) -> ApiResult<()> {
    if let DbConnection::Postgresql(c) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(SEQUENCER_LOCK)
            .execute(c)?;
    }
    Ok(())
}

/// Up to `limit` numbered events `scope` may see after number `after`, in order.
pub fn after(
    conn: &mut DbConnection,
    after: i64,
    scope: EventScope,
    limit: i64,
) -> ApiResult<Vec<EventRow>> {
    between(conn, after, i64::MAX, scope, limit)
}

/// Up to `limit` numbered events `scope` may see after number `after` up to number `up_to`, in order.
pub fn between(
    conn: &mut DbConnection,
    after: i64,
    up_to: i64,
    scope: EventScope,
    limit: i64,
) -> ApiResult<Vec<EventRow>> {
    let mut query = events::table
        .select(EventRow::as_select())
        .filter(events::seq.gt(after))
        .filter(events::seq.le(up_to))
        .order(events::seq.asc())
        .limit(limit)
        .into_boxed();
    query = match scope {
        EventScope::All => query,
        EventScope::Partner(id) => query.filter(events::partner_id.eq(id)),
        // A literal, so PostgreSQL's generic plans use the partial index of vendor events too.
        EventScope::Vendor => query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "vendor_visible = 1",
        )),
    };
    Ok(query.load(conn)?)
}

/// The lowest and highest numbers kept (`None` before any event was numbered).
pub fn seq_range(conn: &mut DbConnection) -> ApiResult<Option<(i64, i64)>> {
    // Two statements: SQLite reads a lone MIN or MAX from the index, but scans for both at once.
    let first = events::table
        .select(diesel::dsl::min(events::seq))
        .first::<Option<i64>>(conn)?;
    let last = events::table
        .select(diesel::dsl::max(events::seq))
        .first::<Option<i64>>(conn)?;
    Ok(first.zip(last))
}

/// The highest number given so far (0 before any).
pub fn last_seq(conn: &mut DbConnection) -> ApiResult<i64> {
    Ok(events::table
        .select(diesel::dsl::max(events::seq))
        .first::<Option<i64>>(conn)?
        .unwrap_or(0))
}

/// Deletes the numbered events before the first one that occurred at or after `cutoff`, all of which
/// occurred before it (read in number order, from the index: rows deleted earlier are not scanned
/// again), and never the last numbered one (numbering goes on after it, so cursors stay valid); returns
/// how many. An expired event numbered after a recent one (held back, or committed late) waits for the
/// next deletion.
pub fn delete_older_than(conn: &mut DbConnection, cutoff: &str) -> ApiResult<usize> {
    let last = last_seq(conn)?;
    let first_kept: Option<i64> = events::table
        .filter(events::seq.is_not_null())
        .filter(events::occurred_at.ge(cutoff))
        .select(events::seq)
        .order(events::seq.asc())
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten();
    let below = first_kept.unwrap_or(last).min(last);
    Ok(diesel::delete(events::table.filter(events::seq.lt(below))).execute(conn)?)
}
