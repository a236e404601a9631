//! Webhooks: subscriptions (their owners manage them), the fan-out of sequenced events into
//! deliveries, and the delivery passes that send, sign, retry and log them.

use std::{
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Arc, Mutex,
    },
    thread::JoinHandle,
    time::{Duration, Instant},
};

use crate::{
    auth::{Principal, Role},
    config::WebhookSettings,
    db::{
        self,
        events::EventRow,
        webhooks::{AttemptRow, DeliveryRow, Outcome, SubscriptionChanges, SubscriptionRow},
        DbConnection,
    },
    domain::{
        ids::{WebhookAttemptId, WebhookDeliveryId, WebhookId},
        webhooks::{self as rules, Audience},
    },
    error::{ApiError, ApiResult, FieldError},
    webhook_sender::{SendError, WebhookRequest},
    AppState,
};

/// Whose subscriptions a caller manages and whose events a new one receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    /// The scope of events its subscriptions receive.
    pub audience: Audience,
}

impl Owner {
    /// The caller's: the administrator's, a partner's own, or the vendor's.
    pub fn of(principal: &Principal) -> ApiResult<Owner> {
        let audience = match (principal.role, principal.partner_id) {
            (Role::Admin, _) => Audience::Admin,
            (Role::Vendor, _) => Audience::Vendor,
            (Role::Partner, Some(partner)) => Audience::Partner(partner.into()),
            (Role::Partner, None) => {
                return Err(ApiError::Forbidden(
                    "a partner token needs a partner_id".into(),
                ))
            }
        };
        Ok(Owner { audience })
    }

    /// The subscriptions it may read and change: the administrator every one (to see why one is
    /// failing), the others their own.
    fn reach(self) -> Option<Audience> {
        match self.audience {
            Audience::Admin => None,
            own => Some(own),
        }
    }

    fn role(self) -> &'static str {
        match self.audience {
            Audience::Admin => "admin",
            Audience::Partner(_) => "partner",
            Audience::Vendor => "vendor",
        }
    }
}

/// A new subscription, as validated by the caller.
#[derive(Debug, Clone)]
pub struct NewSubscription {
    /// Where deliveries go.
    pub url: String,
    /// The event types it wants (`*` for all it may see).
    pub event_types: Vec<String>,
    /// The owner's note.
    pub description: Option<String>,
}

/// Changes to a subscription; `None` keeps a field.
#[derive(Debug, Clone, Default)]
pub struct SubscriptionUpdate {
    /// New URL.
    pub url: Option<String>,
    /// New event types.
    pub event_types: Option<Vec<String>>,
    /// New description (`Some(None)` clears it).
    pub description: Option<Option<String>>,
    /// `true` pauses; `false` resumes (an `active` subscription again, also after it was failing).
    pub paused: Option<bool>,
}

/// 422 unless the URL may be subscribed under `settings`, including the addresses its host resolves
/// to now. The lookup blocks (on the blocking thread pool), so handlers call this before they take a
/// database connection.
pub async fn check_url(url: String, settings: WebhookSettings) -> ApiResult<()> {
    actix_web::web::block(move || crate::webhook_sender::check_destination(&url, &settings))
        .await
        .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
        .map_err(|why| ApiError::invalid_field("url", &why))
}

/// 422 unless the URL has a form that may be subscribed under `settings` (no lookup: see
/// [`check_url`]).
fn check_url_form(url: &str, settings: &WebhookSettings) -> ApiResult<()> {
    rules::parse_url(url, settings.allow_http, settings.allow_private_networks)
        .map(|_| ())
        .map_err(|why| ApiError::invalid_field("url", &why))
}

/// 422 unless every type is one `owner` may receive; returns them as stored (JSON).
fn check_event_types(owner: Owner, types: &[String]) -> ApiResult<String> {
    let mut errors = Vec::new();
    if types.is_empty() {
        errors.push(FieldError::new(
            "event_types",
            "must name at least one event type (or `*`)",
        ));
    }
    for (index, name) in types.iter().enumerate() {
        if let Err(why) = rules::subscribable(owner.audience, name) {
            errors.push(FieldError::new(format!("event_types[{index}]"), why));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut types = types.to_vec();
    types.sort();
    types.dedup();
    Ok(serde_json::to_string(&types).unwrap_or_else(|_| "[]".into()))
}

/// Subscribes `owner` at `now`; the returned row holds the secret, shown this once.
pub fn create(
    conn: &mut DbConnection,
    owner: Owner,
    settings: &WebhookSettings,
    new: NewSubscription,
    now: &str,
) -> ApiResult<SubscriptionRow> {
    check_url_form(&new.url, settings)?;
    let event_types = check_event_types(owner, &new.event_types)?;
    db::write_tx(conn, |conn| {
        db::webhooks::insert(
            conn,
            SubscriptionRow {
                id: WebhookId::new(),
                owner_role: owner.role().into(),
                partner_id: match owner.audience {
                    Audience::Partner(partner) => Some(partner),
                    _ => None,
                },
                url: new.url,
                event_types,
                description: new.description,
                secret: rules::new_secret(),
                previous_secret: None,
                previous_secret_expires_at: None,
                status: "active".into(),
                failing_reason: None,
                version: 1,
                created_at: now.to_owned(),
                updated_at: now.to_owned(),
            },
        )
    })
}

/// A page of the subscriptions `owner` reaches.
pub fn list(
    conn: &mut DbConnection,
    owner: Owner,
    after: Option<WebhookId>,
    limit: i64,
) -> ApiResult<(Vec<SubscriptionRow>, bool)> {
    db::webhooks::list(conn, owner.reach(), after, limit)
}

/// The subscription `id`; 404 unless `owner` reaches it.
pub fn get(conn: &mut DbConnection, owner: Owner, id: WebhookId) -> ApiResult<SubscriptionRow> {
    db::webhooks::get(conn, owner.reach(), id)
}

/// Changes a subscription (`expected`: the `If-Match` version).
pub fn update(
    conn: &mut DbConnection,
    owner: Owner,
    settings: &WebhookSettings,
    id: WebhookId,
    expected: Option<i64>,
    update: SubscriptionUpdate,
    now: &str,
) -> ApiResult<SubscriptionRow> {
    if let Some(url) = &update.url {
        check_url_form(url, settings)?;
    }
    db::write_tx(conn, |conn| {
        let current = db::webhooks::get(conn, owner.reach(), id)?;
        // The types are checked against the subscription's own scope (the administrator may edit a
        // partner's subscription, which still receives only that partner's events).
        let event_types = match &update.event_types {
            Some(types) => Some(check_event_types(
                Owner {
                    audience: current.audience(),
                },
                types,
            )?),
            None => None,
        };
        let (status, failing_reason) = match update.paused {
            Some(true) => (Some("paused".to_owned()), Some(None)),
            Some(false) => (Some("active".to_owned()), Some(None)),
            None => (None, None),
        };
        db::webhooks::update(
            conn,
            &current,
            expected,
            SubscriptionChanges {
                url: update.url,
                event_types,
                description: update.description,
                status,
                failing_reason,
                ..SubscriptionChanges::default()
            },
            now,
        )?;
        db::webhooks::get(conn, None, id)
    })
}

/// Deletes a subscription with its deliveries and log.
pub fn delete(
    conn: &mut DbConnection,
    owner: Owner,
    id: WebhookId,
    expected: Option<i64>,
) -> ApiResult<()> {
    db::write_tx(conn, |conn| {
        let current = db::webhooks::get(conn, owner.reach(), id)?;
        db::check_version(current.version, expected)?;
        db::webhooks::delete(conn, id)
    })
}

/// Gives the subscription a new secret (returned, shown this once); the current one keeps signing
/// beside it for `grace`.
pub fn rotate_secret(
    conn: &mut DbConnection,
    owner: Owner,
    id: WebhookId,
    expected: Option<i64>,
    grace: Duration,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<SubscriptionRow> {
    let stamp = db::timestamp(now);
    let expires = chrono::Duration::from_std(grace).unwrap_or_else(|_| chrono::Duration::days(1));
    db::write_tx(conn, |conn| {
        let current = db::webhooks::get(conn, owner.reach(), id)?;
        db::webhooks::update(
            conn,
            &current,
            expected,
            SubscriptionChanges {
                secret: Some(rules::new_secret()),
                previous_secret: Some(Some(current.secret.clone())),
                previous_secret_expires_at: Some(Some(db::timestamp(now + expires))),
                ..SubscriptionChanges::default()
            },
            &stamp,
        )?;
        db::webhooks::get(conn, None, id)
    })
}

/// A page of the subscription's delivery log (oldest attempt first).
pub fn attempts(
    conn: &mut DbConnection,
    owner: Owner,
    id: WebhookId,
    after: Option<WebhookAttemptId>,
    limit: i64,
) -> ApiResult<(Vec<AttemptRow>, bool)> {
    db::webhooks::get(conn, owner.reach(), id)?;
    db::webhooks::attempts(conn, id, after, limit)
}

/// How far back an event may be delivered again.
pub const REDELIVERY_DAYS: i64 = 30;

/// Queues the event `event_id` for the subscription again, now: any event of the last
/// [`REDELIVERY_DAYS`] days the subscription may receive (404 otherwise, like an unknown event).
/// 409 unless the subscription is active, or while an attempt to deliver the event to it is running.
pub fn redeliver(
    conn: &mut DbConnection,
    owner: Owner,
    id: WebhookId,
    event_id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<WebhookDeliveryId> {
    let stamp = db::timestamp(now);
    let since = db::timestamp(now - chrono::Duration::days(REDELIVERY_DAYS));
    db::write_tx(conn, |conn| {
        let subscription = db::webhooks::get(conn, owner.reach(), id)?;
        let event = db::webhooks::sequenced_event(conn, event_id)?
            .filter(|event| {
                event.occurred_at >= since
                    && subscription
                        .audience()
                        .sees(event.partner_id, event.vendor_visible == 1)
            })
            .ok_or_else(|| {
                ApiError::NotFound(format!(
                    "no event `{event_id}` from the last {REDELIVERY_DAYS} days that this subscription may receive"
                ))
            })?;
        if subscription.status != "active" {
            return Err(ApiError::Conflict(format!(
                "the subscription is {}: resume it (PATCH with `paused: false`) before redelivering, \
                 or nothing would be sent",
                subscription.status
            )));
        }
        db::webhooks::requeue(conn, id, &event.id.to_string(), &stamp)
    })
}

/// Turns up to `batch` newly sequenced events into deliveries for each active subscription that wants
/// them and may see them (and existed when they became available), advancing the fan-out position in the same
/// transaction; returns how many events it took.
pub fn fan_out(conn: &mut DbConnection, now: &str, batch: i64) -> ApiResult<usize> {
    db::write_tx(conn, |conn| {
        let last = db::webhooks::lock_fanout(conn)?;
        let events = db::webhooks::events_after(conn, last, batch)?;
        let Some(newest) = events.last().and_then(|e| e.seq) else {
            return Ok(0);
        };
        let subscriptions = db::webhooks::active(conn)?;
        for event in &events {
            for subscription in &subscriptions {
                let wanted = rules::wants(&subscription.event_types(), &event.event_type)
                    && subscription
                        .audience()
                        .sees(event.partner_id, event.vendor_visible == 1)
                    && event.available_at >= subscription.created_at;
                if wanted {
                    db::webhooks::queue(
                        conn,
                        &DeliveryRow {
                            id: WebhookDeliveryId::new(),
                            subscription_id: subscription.id,
                            event_id: event.id.to_string(),
                            status: "pending".into(),
                            attempts: 0,
                            next_attempt_at: now.to_owned(),
                            locked_until: None,
                            last_status_code: None,
                            last_error: None,
                            delivered_at: None,
                            created_at: now.to_owned(),
                        },
                    )?;
                }
            }
        }
        db::webhooks::advance_fanout(conn, newest)?;
        Ok(events.len())
    })
}

/// What one or more delivery passes did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Deliveries claimed.
    pub claimed: usize,
    /// Accepted by their receivers.
    pub delivered: usize,
    /// Failed for now; retried later.
    pub retried: usize,
    /// Given up (their subscriptions are now failing).
    pub failed: usize,
}

/// Deliveries sent at the same time by one pass.
const CONCURRENCY: usize = 8;

/// How long a pass holds its claim: long enough for a full batch, [`CONCURRENCY`] at a time, each
/// attempt taking at most the connect and the total timeout, plus a minute.
fn claim_length(settings: &WebhookSettings) -> Duration {
    let rounds = u32::try_from(settings.batch.div_ceil(CONCURRENCY).max(1)).unwrap_or(u32::MAX);
    (settings.connect_timeout + settings.timeout)
        .checked_mul(rounds)
        .and_then(|d| d.checked_add(Duration::from_secs(60)))
        .unwrap_or(Duration::from_secs(24 * 3600))
}

/// One delivery pass: claims due deliveries of active subscriptions, sends them (no database
/// connection held meanwhile), then records every attempt and outcome in one transaction. A
/// delivery is marked delivered only after its receiver answered `2xx`; if the process dies in
/// between it is sent again once its claim lapses: at least once, with the same `webhook-id`. An
/// outcome is recorded only while the pass still holds the delivery's claim (a delivery deleted with
/// its subscription, or taken over after the claim lapsed, is skipped).
pub fn deliver_due(state: &AppState) -> ApiResult<DeliveryReport> {
    let settings = state.webhooks;
    let now = state.clock.now();
    let claim = chrono::Duration::from_std(claim_length(&settings))
        .unwrap_or_else(|_| chrono::Duration::hours(1));
    let claim = db::timestamp(now + claim);
    let (claimed, subscriptions, events) = {
        let mut conn = state.pool.get()?;
        let claimed = db::webhooks::claim_due(
            &mut conn,
            &db::timestamp(now),
            &claim,
            settings.batch as i64,
        )?;
        if claimed.is_empty() {
            return Ok(DeliveryReport::default());
        }
        let mut ids: Vec<WebhookId> = claimed.iter().map(|d| d.subscription_id).collect();
        ids.sort();
        ids.dedup();
        let subscriptions = db::webhooks::subscriptions(&mut conn, &ids)?;
        let event_ids: Vec<String> = claimed.iter().map(|d| d.event_id.clone()).collect();
        let events = db::webhooks::events(&mut conn, &event_ids)?;
        (claimed, subscriptions, events)
    };
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<(AttemptRow, Outcome)>>> =
        claimed.iter().map(|_| Mutex::new(None)).collect();
    let sender = || loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(delivery) = claimed.get(index) else {
            break;
        };
        let subscription = subscriptions
            .iter()
            .find(|s| s.id == delivery.subscription_id);
        let event = events
            .iter()
            .find(|e| e.id.to_string() == delivery.event_id);
        let result = match (subscription, event) {
            (Some(subscription), Some(event)) => {
                Some(attempt(state, subscription, delivery, event))
            }
            _ => None,
        };
        *results[index].lock().unwrap_or_else(|e| e.into_inner()) = result;
    };
    match CONCURRENCY.min(claimed.len()) {
        0 | 1 => sender(),
        senders => std::thread::scope(|scope| {
            for _ in 0..senders {
                scope.spawn(sender);
            }
        }),
    }
    let mut conn = state.pool.get()?;
    db::write_tx(&mut conn, |conn| {
        let mut report = DeliveryReport {
            claimed: claimed.len(),
            ..DeliveryReport::default()
        };
        let mut gone = Vec::new();
        for (delivery, result) in claimed.iter().zip(results) {
            let Some((attempt, outcome)) = result.into_inner().unwrap_or_else(|e| e.into_inner())
            else {
                gone.push(delivery.id);
                continue;
            };
            if !db::webhooks::record(conn, delivery, &claim, &attempt, &outcome)? {
                continue;
            }
            match outcome {
                Outcome::Delivered => report.delivered += 1,
                Outcome::Retry(_) => report.retried += 1,
                Outcome::Failed => {
                    let reason = format!(
                        "event {} could not be delivered in {} attempts over more than 3 days; last: {}",
                        delivery.event_id,
                        attempt.attempt,
                        attempt.error.as_deref().unwrap_or("no answer")
                    );
                    db::webhooks::mark_failing(
                        conn,
                        delivery.subscription_id,
                        &reason,
                        &attempt.attempted_at,
                    )?;
                    tracing::warn!(subscription_id = %delivery.subscription_id, %reason, "webhook subscription failing");
                    report.failed += 1;
                }
            }
        }
        db::webhooks::abandon(
            conn,
            &gone,
            &claim,
            "the event is no longer stored (older than the retention)",
        )?;
        Ok(report)
    })
}

/// The body of a delivery: the event's envelope, exactly as the change feed lists it.
pub fn body(event: &EventRow) -> ApiResult<Vec<u8>> {
    let envelope = crate::api::v1::events::EventEnvelope::from_row(event)?;
    serde_json::to_vec(&envelope).map_err(|e| ApiError::Internal(format!("event envelope: {e}")))
}

/// Sends one delivery once and judges the answer.
fn attempt(
    state: &AppState,
    subscription: &SubscriptionRow,
    delivery: &DeliveryRow,
    event: &EventRow,
) -> (AttemptRow, Outcome) {
    let now = state.clock.now();
    let number = delivery.attempts + 1;
    let started = Instant::now();
    let result = body(event)
        .map_err(|e| SendError::Failed(e.to_string()))
        .and_then(|body| {
            let timestamp = rules::unix_seconds(now);
            let mut secrets = vec![subscription.secret.as_str()];
            if let (Some(previous), Some(until)) = (
                &subscription.previous_secret,
                &subscription.previous_secret_expires_at,
            ) {
                if *until > db::timestamp(now) {
                    secrets.push(previous);
                }
            }
            let request = WebhookRequest {
                url: subscription.url.clone(),
                headers: vec![
                    ("webhook-id".into(), delivery.event_id.clone()),
                    ("webhook-timestamp".into(), timestamp.to_string()),
                    (
                        "webhook-signature".into(),
                        rules::signature_header(&secrets, &delivery.event_id, timestamp, &body),
                    ),
                ],
                body,
            };
            state.webhook_sender.send(&request)
        });
    let latency_ms = started.elapsed().as_millis().min(i64::MAX as u128) as i64;
    let (status_code, error) = match &result {
        Ok(code) if (200..300).contains(code) => (Some(i32::from(*code)), None),
        Ok(code) if (300..400).contains(code) => (
            Some(i32::from(*code)),
            Some(format!("HTTP {code}: redirects are not followed")),
        ),
        Ok(code) => (Some(i32::from(*code)), Some(format!("HTTP {code}"))),
        Err(error) => (None, Some(error.to_string())),
    };
    let outcome = if error.is_none() {
        Outcome::Delivered
    } else {
        let mut jitter = [0u8; 4];
        let _ = getrandom::fill(&mut jitter);
        let jitter = f64::from(u32::from_le_bytes(jitter)) / f64::from(u32::MAX);
        match rules::retry_delay(number, jitter, state.webhooks.retry_scale) {
            Some(wait) => Outcome::Retry(db::timestamp(
                state.clock.now()
                    + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1)),
            )),
            None => Outcome::Failed,
        }
    };
    (
        AttemptRow {
            id: WebhookAttemptId::new(),
            delivery_id: delivery.id,
            subscription_id: delivery.subscription_id,
            event_id: delivery.event_id.clone(),
            attempt: number,
            attempted_at: db::timestamp(now),
            status_code,
            latency_ms,
            error,
        },
        outcome,
    )
}

/// Fans out what is new and delivers what is due, pass after pass while they come back full;
/// returns what the delivery passes did together.
pub fn run_pending(state: &AppState) -> ApiResult<DeliveryReport> {
    let batch = state.webhooks.batch as i64;
    loop {
        let taken = fan_out(&mut *state.pool.get()?, &state.timestamp(), batch)?;
        if (taken as i64) < batch {
            break;
        }
    }
    let mut total = DeliveryReport::default();
    loop {
        let report = deliver_due(state)?;
        total.claimed += report.claimed;
        total.delivered += report.delivered;
        total.retried += report.retried;
        total.failed += report.failed;
        if report.claimed < state.webhooks.batch {
            return Ok(total);
        }
    }
}

/// How often the worker deletes the delivery log older than [`REDELIVERY_DAYS`].
const PRUNE_EVERY: Duration = Duration::from_secs(600);

/// Deletes the delivery log and finished deliveries older than [`REDELIVERY_DAYS`] (their events are
/// gone from the change feed by then too); returns how many rows.
pub fn prune(state: &AppState) -> ApiResult<usize> {
    let cutoff = db::timestamp(state.clock.now() - chrono::Duration::days(REDELIVERY_DAYS));
    let mut conn = state.pool.get()?;
    db::write_tx(&mut conn, |conn| db::webhooks::prune(conn, &cutoff))
}

/// A background thread that fans out and delivers webhooks every `interval`; stops when dropped.
pub struct WebhookWorker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl WebhookWorker {
    /// Starts the worker.
    pub fn spawn(state: AppState) -> WebhookWorker {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let interval = state.webhooks.interval;
        let thread = std::thread::Builder::new()
            .name("csat-webhooks".into())
            .spawn(move || {
                let mut pruned_at: Option<Instant> = None;
                while !stopped.load(Ordering::Relaxed) {
                    if let Err(error) = run_pending(&state) {
                        tracing::warn!(%error, "webhook delivery pass failed");
                    }
                    if pruned_at.is_none_or(|at| at.elapsed() >= PRUNE_EVERY) {
                        pruned_at = Some(Instant::now());
                        if let Err(error) = prune(&state) {
                            tracing::warn!(%error, "pruning the webhook log failed");
                        }
                    }
                    let mut waited = Duration::ZERO;
                    let step = Duration::from_millis(10).max(interval / 20);
                    while waited < interval && !stopped.load(Ordering::Relaxed) {
                        std::thread::sleep(step);
                        waited += step;
                    }
                }
            })
            .expect("the webhook thread starts");
        WebhookWorker {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for WebhookWorker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_lasts_for_a_whole_pass_against_silent_receivers() {
        let settings = WebhookSettings::default();
        // 100 deliveries, 8 at a time: 13 rounds of at most 5 s to connect and 15 s in all.
        assert_eq!(claim_length(&settings), Duration::from_secs(13 * 20 + 60));
        let one = WebhookSettings {
            batch: 1,
            ..settings
        };
        assert_eq!(claim_length(&one), Duration::from_secs(20 + 60));
    }
}
