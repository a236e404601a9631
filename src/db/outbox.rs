//! The mail outbox: queued in the same transaction as the invitation, delivered by the worker.

use diesel::prelude::*;

use super::{
    results::{insert_rows, Bind},
    schema::outbox,
    DbConnection,
};
use crate::{
    domain::ids::{InvitationId, MessageId},
    error::ApiResult,
};

/// A queued email.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    /// Id.
    pub id: MessageId,
    /// The invitation it belongs to.
    pub invitation_id: InvitationId,
    /// `invitation` or `reminder`.
    pub kind: String,
    /// Recipient address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body (holds the personal link); cleared once sent.
    pub body: Option<String>,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// Not before this time.
    pub next_attempt_at: String,
    /// A worker holds it until then.
    pub locked_until: Option<String>,
    /// When it was delivered.
    pub sent_at: Option<String>,
    /// When delivery was given up.
    pub failed_at: Option<String>,
    /// The last delivery error.
    pub last_error: Option<String>,
    /// When it was queued.
    pub created_at: String,
}

/// Queues messages, a few statements for all.
pub fn enqueue_many(conn: &mut DbConnection, rows: &[OutboxRow]) -> ApiResult<()> {
    let binds: Vec<Bind> = rows
        .iter()
        .flat_map(|row| {
            [
                Bind::Text(row.id.to_string()),
                Bind::Text(row.invitation_id.to_string()),
                Bind::Text(row.kind.clone()),
                Bind::Text(row.recipient.clone()),
                Bind::Text(row.subject.clone()),
                Bind::NullableText(row.body.clone()),
                Bind::Int(row.attempts.into()),
                Bind::Text(row.next_attempt_at.clone()),
                Bind::NullableText(row.locked_until.clone()),
                Bind::NullableText(row.sent_at.clone()),
                Bind::NullableText(row.failed_at.clone()),
                Bind::NullableText(row.last_error.clone()),
                Bind::Text(row.created_at.clone()),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "outbox",
        &[
            "id",
            "invitation_id",
            "kind",
            "recipient",
            "subject",
            "body",
            "attempts",
            "next_attempt_at",
            "locked_until",
            "sent_at",
            "failed_at",
            "last_error",
            "created_at",
        ],
        &binds,
        "",
    )?;
    Ok(())
}

/// The id a claim returns.
#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
}

/// Claims up to `limit` due messages (oldest due first) until `lock_until`, in one statement: each
/// message is claimed by one worker only. On PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`,
/// so replicas claiming at the same moment take different messages instead of waiting for each
/// other; SQLite has a single writer, so the plain statement is enough there.
pub fn claim_due(
    conn: &mut DbConnection,
    now: &str,
    lock_until: &str,
    limit: i64,
) -> ApiResult<Vec<OutboxRow>> {
    use diesel::sql_types::{BigInt, Text};
    const DUE: &str = "sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now} \
                       AND (locked_until IS NULL OR locked_until < {now}) ORDER BY next_attempt_at";
    let ids: Vec<Claimed> = match conn {
        DbConnection::Postgresql(pg) => diesel::sql_query(format!(
            "UPDATE outbox SET locked_until = $1 WHERE id IN \
             (SELECT id FROM outbox WHERE {} LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id",
            DUE.replace("{now}", "$2")
        ))
        .bind::<Text, _>(lock_until)
        .bind::<Text, _>(now)
        .bind::<BigInt, _>(limit)
        .load(pg)?,
        DbConnection::Sqlite(sqlite) => diesel::sql_query(format!(
            "UPDATE outbox SET locked_until = ? WHERE id IN \
             (SELECT id FROM outbox WHERE {} LIMIT ?) RETURNING id",
            DUE.replace("{now}", "?")
        ))
        .bind::<Text, _>(lock_until)
        .bind::<Text, _>(now)
        .bind::<Text, _>(now)
        .bind::<BigInt, _>(limit)
        .load(sqlite)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(outbox::table
        .filter(outbox::id.eq_any(ids.into_iter().map(|c| c.id)))
        .order(outbox::next_attempt_at.asc())
        .select(OutboxRow::as_select())
        .load(conn)?)
}

/// Gives back claimed messages that were not attempted, so the next pass takes them at once.
pub fn release(conn: &mut DbConnection, ids: &[MessageId]) -> ApiResult<()> {
    if !ids.is_empty() {
        diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
            .set(outbox::locked_until.eq(None::<String>))
            .execute(conn)?;
    }
    Ok(())
}

/// Marks a message delivered and forgets its body.
pub fn mark_sent(conn: &mut DbConnection, id: MessageId, now: &str) -> ApiResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(now),
            outbox::body.eq(None::<String>),
            outbox::locked_until.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Schedules another attempt after a transient failure.
pub fn mark_retry(
    conn: &mut DbConnection,
    id: MessageId,
    attempts: i32,
    next_attempt_at: &str,
    error: &str,
) -> ApiResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::attempts.eq(attempts),
            outbox::next_attempt_at.eq(next_attempt_at),
            outbox::last_error.eq(error),
            outbox::locked_until.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Gives up on a message and forgets its body.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: MessageId,
    attempts: i32,
    now: &str,
    error: &str,
) -> ApiResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::attempts.eq(attempts),
            outbox::failed_at.eq(now),
            outbox::last_error.eq(error),
            outbox::body.eq(None::<String>),
            outbox::locked_until.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}
