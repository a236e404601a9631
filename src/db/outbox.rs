//! The mail outbox: queued in the same transaction as the invitation, delivered by the worker.

use diesel::prelude::*;

use super::{schema::outbox, DbConnection};
use crate::{
    domain::ids::{InvitationId, MessageId},
    error::ApiResult,
};

/// A queued email.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
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

/// Queues a message.
pub fn enqueue(conn: &mut DbConnection, row: &OutboxRow) -> ApiResult<()> {
    diesel::insert_into(outbox::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Claims up to `limit` due messages until `lock_until`; each is claimed by one worker only.
pub fn claim_due(
    conn: &mut DbConnection,
    now: &str,
    lock_until: &str,
    limit: i64,
) -> ApiResult<Vec<OutboxRow>> {
    let due = || {
        outbox::table
            .filter(outbox::sent_at.is_null())
            .filter(outbox::failed_at.is_null())
            .filter(outbox::next_attempt_at.le(now.to_owned()))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now.to_owned())),
            )
    };
    let candidates: Vec<String> = due()
        .select(outbox::id)
        .order(outbox::next_attempt_at.asc())
        .limit(limit)
        .load(conn)?;
    let mut claimed = Vec::new();
    for id in candidates {
        let won = diesel::update(due().filter(outbox::id.eq(&id)))
            .set(outbox::locked_until.eq(lock_until))
            .execute(conn)?;
        if won == 1 {
            claimed.push(
                outbox::table
                    .find(&id)
                    .select(OutboxRow::as_select())
                    .first(conn)?,
            );
        }
    }
    Ok(claimed)
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
