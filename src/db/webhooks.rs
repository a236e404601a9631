//! Webhook subscriptions, their deliveries (the webhook outbox) and the delivery log.

use diesel::prelude::*;

use super::{
    events::EventRow,
    schema::{events, webhook_attempts, webhook_deliveries, webhook_fanout, webhook_subscriptions},
    DbConnection,
};
use crate::{
    domain::{
        ids::{PartnerId, WebhookAttemptId, WebhookDeliveryId, WebhookId},
        webhooks::Audience,
    },
    error::{ApiError, ApiResult},
};

/// A stored subscription.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_subscriptions)]
pub struct SubscriptionRow {
    /// Id.
    pub id: WebhookId,
    /// `admin`, `partner` or `vendor`: whose scope of events it receives.
    pub owner_role: String,
    /// The partner of a partner's subscription.
    pub partner_id: Option<PartnerId>,
    /// Where deliveries go.
    pub url: String,
    /// The subscribed event types, a JSON array of strings.
    pub event_types: String,
    /// The owner's note.
    pub description: Option<String>,
    /// The signing secret (`whsec_…`).
    pub secret: String,
    /// The secret before the last rotation, which signs too until it expires.
    pub previous_secret: Option<String>,
    /// When the previous secret stops signing.
    pub previous_secret_expires_at: Option<String>,
    /// `active`, `paused` or `failing`.
    pub status: String,
    /// Why it is failing.
    pub failing_reason: Option<String>,
    /// Version for `ETag`.
    pub version: i64,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
}

impl SubscriptionRow {
    /// Whose events it receives.
    pub fn audience(&self) -> Audience {
        match (self.owner_role.as_str(), self.partner_id) {
            ("partner", Some(partner)) => Audience::Partner(partner),
            ("vendor", _) => Audience::Vendor,
            _ => Audience::Admin,
        }
    }

    /// The subscribed event types.
    pub fn event_types(&self) -> Vec<String> {
        serde_json::from_str(&self.event_types).unwrap_or_default()
    }
}

/// A stored delivery: one event to one subscription.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    /// Id.
    pub id: WebhookDeliveryId,
    /// The subscription.
    pub subscription_id: WebhookId,
    /// The event (its id is the `webhook-id` of every attempt).
    pub event_id: String,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    /// Attempts since it was queued (or redelivered).
    pub attempts: i32,
    /// Not before this time.
    pub next_attempt_at: String,
    /// A worker holds it until then.
    pub locked_until: Option<String>,
    /// The last answer's HTTP status.
    pub last_status_code: Option<i32>,
    /// The last attempt's error.
    pub last_error: Option<String>,
    /// When a receiver accepted it.
    pub delivered_at: Option<String>,
    /// When it was queued.
    pub created_at: String,
}

/// One attempt of the delivery log.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_attempts)]
pub struct AttemptRow {
    /// Id (time-ordered).
    pub id: WebhookAttemptId,
    /// The delivery.
    pub delivery_id: WebhookDeliveryId,
    /// The subscription.
    pub subscription_id: WebhookId,
    /// The event.
    pub event_id: String,
    /// 1 for the first attempt of the delivery.
    pub attempt: i32,
    /// When it was made.
    pub attempted_at: String,
    /// The answer's HTTP status, if one came.
    pub status_code: Option<i32>,
    /// Milliseconds from connecting to the status line (or to the failure).
    pub latency_ms: i64,
    /// What went wrong, if anything.
    pub error: Option<String>,
}

/// Stores a new subscription.
pub fn insert(conn: &mut DbConnection, row: SubscriptionRow) -> ApiResult<SubscriptionRow> {
    diesel::insert_into(webhook_subscriptions::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// Narrows a subscription query to what `audience` owns.
macro_rules! owned_by {
    ($query:expr, $audience:expr) => {
        match $audience {
            Audience::Admin => $query.filter(webhook_subscriptions::owner_role.eq("admin")),
            Audience::Vendor => $query.filter(webhook_subscriptions::owner_role.eq("vendor")),
            Audience::Partner(partner) => $query
                .filter(webhook_subscriptions::owner_role.eq("partner"))
                .filter(webhook_subscriptions::partner_id.eq(partner)),
        }
    };
}

/// The subscription `id` as its owner (`None`: the administrator, who reaches every one) sees it;
/// 404 for anyone else's.
pub fn get(
    conn: &mut DbConnection,
    owner: Option<Audience>,
    id: WebhookId,
) -> ApiResult<SubscriptionRow> {
    let mut query = webhook_subscriptions::table
        .find(id)
        .select(SubscriptionRow::as_select())
        .into_boxed();
    if let Some(owner) = owner {
        query = owned_by!(query, owner);
    }
    query
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound("no such webhook subscription".into()))
}

/// A page of `audience`'s own subscriptions (or every one for `None`), in id order.
pub fn list(
    conn: &mut DbConnection,
    owner: Option<Audience>,
    after: Option<WebhookId>,
    limit: i64,
) -> ApiResult<(Vec<SubscriptionRow>, bool)> {
    let mut query = webhook_subscriptions::table
        .select(SubscriptionRow::as_select())
        .into_boxed();
    if let Some(owner) = owner {
        query = owned_by!(query, owner);
    }
    super::paginate!(conn, query, webhook_subscriptions::id, after, limit)
}

/// Every subscription that takes new deliveries (`active`).
pub fn active(conn: &mut DbConnection) -> ApiResult<Vec<SubscriptionRow>> {
    Ok(webhook_subscriptions::table
        .filter(webhook_subscriptions::status.eq("active"))
        .select(SubscriptionRow::as_select())
        .load(conn)?)
}

/// The changes a PATCH or a rotation makes to a subscription.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = webhook_subscriptions)]
pub struct SubscriptionChanges {
    /// New URL.
    pub url: Option<String>,
    /// New event types (JSON array).
    pub event_types: Option<String>,
    /// New description (`Some(None)` clears it).
    pub description: Option<Option<String>>,
    /// New secret.
    pub secret: Option<String>,
    /// New previous secret.
    pub previous_secret: Option<Option<String>>,
    /// New expiry of the previous secret.
    pub previous_secret_expires_at: Option<Option<String>>,
    /// New status.
    pub status: Option<String>,
    /// New failing reason.
    pub failing_reason: Option<Option<String>>,
}

/// Applies `changes` when the stored version is `expected` (if given); 412 otherwise.
pub fn update(
    conn: &mut DbConnection,
    current: &SubscriptionRow,
    expected: Option<i64>,
    changes: SubscriptionChanges,
    now: &str,
) -> ApiResult<()> {
    super::update_versioned!(conn, webhook_subscriptions, current, expected, now, changes)
}

/// Marks a subscription failing with the reason, unless it was paused or changed meanwhile.
pub fn mark_failing(
    conn: &mut DbConnection,
    id: WebhookId,
    reason: &str,
    now: &str,
) -> ApiResult<()> {
    diesel::update(
        webhook_subscriptions::table
            .find(id)
            .filter(webhook_subscriptions::status.eq("active")),
    )
    .set((
        webhook_subscriptions::status.eq("failing"),
        webhook_subscriptions::failing_reason.eq(reason),
        webhook_subscriptions::version.eq(webhook_subscriptions::version + 1),
        webhook_subscriptions::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(())
}

/// Deletes a subscription with its deliveries and their log.
pub fn delete(conn: &mut DbConnection, id: WebhookId) -> ApiResult<()> {
    diesel::delete(webhook_attempts::table.filter(webhook_attempts::subscription_id.eq(id)))
        .execute(conn)?;
    diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::subscription_id.eq(id)))
        .execute(conn)?;
    diesel::delete(webhook_subscriptions::table.find(id)).execute(conn)?;
    Ok(())
}

/// The fan-out position: the last event `seq` turned into deliveries. On PostgreSQL the row is
/// locked until the transaction ends, so one replica fans out at a time (SQLite's write transaction
/// already serializes).
pub fn lock_fanout(conn: &mut DbConnection) -> ApiResult<i64> {
    #[derive(QueryableByName)]
    struct Position {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        last_seq: i64,
    }
    let position: Position = match conn {
        DbConnection::Postgresql(pg) => {
            diesel::sql_query("SELECT last_seq FROM webhook_fanout WHERE id = 1 FOR UPDATE")
                .get_result(pg)?
        }
        DbConnection::Sqlite(sqlite) => {
            diesel::sql_query("SELECT last_seq FROM webhook_fanout WHERE id = 1")
                .get_result(sqlite)?
        }
    };
    Ok(position.last_seq)
}

/// Moves the fan-out position.
pub fn advance_fanout(conn: &mut DbConnection, last_seq: i64) -> ApiResult<()> {
    diesel::update(webhook_fanout::table.find(1))
        .set(webhook_fanout::last_seq.eq(last_seq))
        .execute(conn)?;
    Ok(())
}

/// Queues a delivery unless the subscription already has one for the event.
pub fn queue(conn: &mut DbConnection, row: &DeliveryRow) -> ApiResult<()> {
    let exists: i64 = webhook_deliveries::table
        .filter(webhook_deliveries::subscription_id.eq(row.subscription_id))
        .filter(webhook_deliveries::event_id.eq(&row.event_id))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(webhook_deliveries::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Queues the event again for the subscription now: a new delivery, or its existing one reset to
/// pending with a fresh attempt count. Returns the delivery's id; 409 while a worker holds the
/// delivery (an attempt is running).
pub fn requeue(
    conn: &mut DbConnection,
    subscription_id: WebhookId,
    event_id: &str,
    now: &str,
) -> ApiResult<WebhookDeliveryId> {
    let existing: Option<(WebhookDeliveryId, Option<String>)> = webhook_deliveries::table
        .filter(webhook_deliveries::subscription_id.eq(subscription_id))
        .filter(webhook_deliveries::event_id.eq(event_id))
        .select((webhook_deliveries::id, webhook_deliveries::locked_until))
        .first(conn)
        .optional()?;
    match existing {
        Some((_, Some(locked_until))) if locked_until.as_str() > now => {
            Err(ApiError::Conflict(format!(
                "the event `{event_id}` is being delivered to this subscription right now; \
                 retry after the attempt shows in the delivery log"
            )))
        }
        Some((id, _)) => {
            diesel::update(webhook_deliveries::table.find(id))
                .set((
                    webhook_deliveries::status.eq("pending"),
                    webhook_deliveries::attempts.eq(0),
                    webhook_deliveries::next_attempt_at.eq(now),
                    webhook_deliveries::locked_until.eq(None::<String>),
                ))
                .execute(conn)?;
            Ok(id)
        }
        None => {
            let row = DeliveryRow {
                id: WebhookDeliveryId::new(),
                subscription_id,
                event_id: event_id.to_owned(),
                status: "pending".into(),
                attempts: 0,
                next_attempt_at: now.to_owned(),
                locked_until: None,
                last_status_code: None,
                last_error: None,
                delivered_at: None,
                created_at: now.to_owned(),
            };
            queue(conn, &row)?;
            Ok(row.id)
        }
    }
}

/// The id a claim returns.
#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
}

/// Claims up to `limit` due pending deliveries until `lock_until`, in one statement (the mail
/// outbox's pattern: `FOR UPDATE SKIP LOCKED` on PostgreSQL so replicas take different ones).
pub fn claim_due(
    conn: &mut DbConnection,
    now: &str,
    lock_until: &str,
    limit: i64,
) -> ApiResult<Vec<DeliveryRow>> {
    use diesel::sql_types::{BigInt, Text};
    const DUE: &str = "status = 'pending' AND next_attempt_at <= {now} \
                       AND (locked_until IS NULL OR locked_until < {now}) \
                       AND subscription_id IN (SELECT id FROM webhook_subscriptions WHERE status = 'active') \
                       ORDER BY next_attempt_at";
    let ids: Vec<Claimed> = match conn {
        DbConnection::Postgresql(pg) => diesel::sql_query(format!(
            "UPDATE webhook_deliveries SET locked_until = $1 WHERE id IN \
             (SELECT id FROM webhook_deliveries WHERE {} LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id",
            DUE.replace("{now}", "$2")
        ))
        .bind::<Text, _>(lock_until)
        .bind::<Text, _>(now)
        .bind::<BigInt, _>(limit)
        .load(pg)?,
        DbConnection::Sqlite(sqlite) => diesel::sql_query(format!(
            "UPDATE webhook_deliveries SET locked_until = ? WHERE id IN \
             (SELECT id FROM webhook_deliveries WHERE {} LIMIT ?) RETURNING id",
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
    Ok(webhook_deliveries::table
        .filter(webhook_deliveries::id.eq_any(ids.into_iter().map(|c| c.id)))
        .order(webhook_deliveries::next_attempt_at.asc())
        .select(DeliveryRow::as_select())
        .load(conn)?)
}

/// The subscriptions with these ids.
pub fn subscriptions(
    conn: &mut DbConnection,
    ids: &[WebhookId],
) -> ApiResult<Vec<SubscriptionRow>> {
    Ok(webhook_subscriptions::table
        .filter(webhook_subscriptions::id.eq_any(ids))
        .select(SubscriptionRow::as_select())
        .load(conn)?)
}

/// What one attempt did to its delivery.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A `2xx` answer.
    Delivered,
    /// Another attempt at this time.
    Retry(String),
    /// No more attempts.
    Failed,
}

/// Records the outcome on the delivery and the attempt in the log, if the delivery is still there
/// and still held by the claim `claim` (its `locked_until`); returns whether it recorded.
pub fn record(
    conn: &mut DbConnection,
    delivery: &DeliveryRow,
    claim: &str,
    attempt: &AttemptRow,
    outcome: &Outcome,
) -> ApiResult<bool> {
    let row = webhook_deliveries::table
        .find(delivery.id)
        .filter(webhook_deliveries::locked_until.eq(claim));
    let common = (
        webhook_deliveries::attempts.eq(attempt.attempt),
        webhook_deliveries::last_status_code.eq(attempt.status_code),
        webhook_deliveries::last_error.eq(&attempt.error),
        webhook_deliveries::locked_until.eq(None::<String>),
    );
    let updated = match outcome {
        Outcome::Delivered => diesel::update(row)
            .set((
                common,
                webhook_deliveries::status.eq("delivered"),
                webhook_deliveries::delivered_at.eq(&attempt.attempted_at),
            ))
            .execute(conn)?,
        Outcome::Retry(next) => diesel::update(row)
            .set((common, webhook_deliveries::next_attempt_at.eq(next)))
            .execute(conn)?,
        Outcome::Failed => diesel::update(row)
            .set((common, webhook_deliveries::status.eq("failed")))
            .execute(conn)?,
    };
    if updated == 0 {
        return Ok(false);
    }
    diesel::insert_into(webhook_attempts::table)
        .values(attempt)
        .execute(conn)?;
    Ok(true)
}

/// Gives up deliveries that cannot be attempted any more (their event was deleted after the
/// retention), without holding it against their subscriptions; only those still held by `claim`.
pub fn abandon(
    conn: &mut DbConnection,
    ids: &[WebhookDeliveryId],
    claim: &str,
    reason: &str,
) -> ApiResult<()> {
    if !ids.is_empty() {
        diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::id.eq_any(ids))
                .filter(webhook_deliveries::locked_until.eq(claim)),
        )
        .set((
            webhook_deliveries::status.eq("failed"),
            webhook_deliveries::last_error.eq(reason),
            webhook_deliveries::locked_until.eq(None::<String>),
        ))
        .execute(conn)?;
    }
    Ok(())
}

/// Deletes the log lines, and the finished deliveries, older than `cutoff`; returns how many rows.
pub fn prune(conn: &mut DbConnection, cutoff: &str) -> ApiResult<usize> {
    let attempts =
        diesel::delete(webhook_attempts::table.filter(webhook_attempts::attempted_at.lt(cutoff)))
            .execute(conn)?;
    let finished = webhook_deliveries::table
        .filter(webhook_deliveries::status.ne("pending"))
        .filter(webhook_deliveries::created_at.lt(cutoff))
        .select(webhook_deliveries::id);
    let stale: Vec<WebhookDeliveryId> = finished.load(conn)?;
    diesel::delete(webhook_attempts::table.filter(webhook_attempts::delivery_id.eq_any(&stale)))
        .execute(conn)?;
    let deliveries =
        diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&stale)))
            .execute(conn)?;
    Ok(attempts + deliveries)
}

/// A page of a subscription's delivery log, newest first when `newest_first`, else in time order.
pub fn attempts(
    conn: &mut DbConnection,
    subscription_id: WebhookId,
    after: Option<WebhookAttemptId>,
    limit: i64,
) -> ApiResult<(Vec<AttemptRow>, bool)> {
    let query = webhook_attempts::table
        .filter(webhook_attempts::subscription_id.eq(subscription_id))
        .select(AttemptRow::as_select())
        .into_boxed();
    super::paginate!(conn, query, webhook_attempts::id, after, limit)
}

/// Up to `limit` sequenced events after position `after`, in order.
pub fn events_after(conn: &mut DbConnection, after: i64, limit: i64) -> ApiResult<Vec<EventRow>> {
    super::events::after(conn, after, super::events::EventScope::All, limit)
}

/// The sequenced events with these ids.
pub fn events(conn: &mut DbConnection, ids: &[String]) -> ApiResult<Vec<EventRow>> {
    Ok(events::table
        .filter(events::id.eq_any(ids))
        .filter(events::seq.is_not_null())
        .select(EventRow::as_select())
        .load(conn)?)
}

/// The sequenced event `id`, if there is one.
pub fn sequenced_event(conn: &mut DbConnection, id: &str) -> ApiResult<Option<EventRow>> {
    Ok(events::table
        .filter(events::id.eq(id))
        .filter(events::seq.is_not_null())
        .select(EventRow::as_select())
        .first(conn)
        .optional()?)
}
