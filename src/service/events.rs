//! Events (issue 12): emitted by the use cases inside their own write transactions (the `events` table
//! is the outbox: an event exists exactly when its change committed), numbered in commit order by the
//! sequencer, listed by the change feed and delivered by webhooks, and deleted after the retention.
//!
//! The background pass ([`pass`], run by [`EventWorker`] every `CSAT_EVENTS_INTERVAL_MS`):
//! 1. recomputes the stored compliance of memberships whose responses changed or whose day passed
//!    (`service::standing`), emitting `membership.compliance_changed` in the transaction that flips a
//!    stored status, so a flip on a day with no write is noticed too;
//! 2. numbers the committed events whose `available_at` has come ([`sequence`]);
//! 3. now and then deletes events older than the retention ([`prune`]).

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    thread::JoinHandle,
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};

use crate::{
    auth::Visibility,
    config::EventSettings,
    db::{
        self,
        events::{EventRow, EventScope},
        responses::ResponseRow,
        DbConnection,
    },
    domain::{
        events::{
            redact_addresses, start_of_day, EventData, InvitationDeliveryFailed, ResponseCompleted,
            ResponseVoided, VERSION,
        },
        ids::{EventId, InvitationId},
    },
    error::{ApiError, ApiResult},
    mail::MailError,
    AppState,
};

/// Events numbered per transaction.
const SEQUENCE_BATCH: i64 = 1_000;

/// How often the background worker deletes events past the retention.
const PRUNE_EVERY: Duration = Duration::from_secs(600);

/// How often, at most, the background worker recomputes changed compliance: on SQLite a recomputation
/// holds the writer while it reads the membership's responses, so under a stream of answers to one
/// membership it runs once a second rather than every pass (and notices a change within about a second).
const RECOMPUTE_EVERY: Duration = Duration::from_secs(1);

/// Stores `data` as an event that happened at `now` (stored time text), inside the caller's write
/// transaction: one small insert, no read. It is listed and delivered once the sequencer numbers it.
pub fn emit(conn: &mut DbConnection, data: EventData, now: &str) -> ApiResult<()> {
    emit_at(conn, data, db::parse_timestamp(now)?)
}

/// [`emit`] with the time as a value.
pub fn emit_at(conn: &mut DbConnection, data: EventData, now: DateTime<Utc>) -> ApiResult<()> {
    db::events::insert(conn, &row_of(&data, now)?)
}

/// The stored row of an event emitted at `now`.
fn row_of(data: &EventData, now: DateTime<Utc>) -> ApiResult<EventRow> {
    let (occurred_at, available_at) = data.timing(now);
    let audience = data.audience();
    Ok(EventRow {
        id: EventId::new(),
        seq: None,
        event_type: data.event_type().as_str().to_owned(),
        version: VERSION,
        partner_id: audience.partner_id,
        vendor_visible: i32::from(audience.vendor_visible),
        occurred_at: db::timestamp(occurred_at),
        available_at: db::timestamp(available_at),
        payload: serde_json::to_string(data)
            .map_err(|e| ApiError::Internal(format!("cannot serialize an event: {e}")))?,
    })
}

/// `response.completed` of a stored response: for an anonymous one only its day and no invitation
/// (and [`emit`] holds it back until the day is over).
pub fn response_completed(row: &ResponseRow) -> ApiResult<EventData> {
    let anonymous = row.anonymous != 0;
    let mut completed_at = db::parse_timestamp(&row.completed_at)?;
    if anonymous {
        completed_at = start_of_day(completed_at);
    }
    Ok(EventData::ResponseCompleted(ResponseCompleted {
        response_id: row.id.into(),
        survey_id: row.survey_id.into(),
        office_id: row.office_id.into(),
        membership_id: row.membership_id.into(),
        partner_id: row.partner_id.into(),
        completed_at,
        anonymous,
        invitation_id: row.invitation_id.filter(|_| !anonymous).map(Into::into),
    }))
}

/// Stores `response.voided` of `row`, voided at `now` (stored time text), inside the caller's
/// transaction. The void of an anonymous response is held back until just after its completion is
/// released (the end of the day it was completed), so no reader sees it before the completion.
pub fn emit_response_voided(
    conn: &mut DbConnection,
    row: &ResponseRow,
    now: &str,
) -> ApiResult<()> {
    let mut event = row_of(&response_voided(row, now)?, db::parse_timestamp(now)?)?;
    if row.anonymous != 0 {
        let released = start_of_day(db::parse_timestamp(&row.completed_at)?)
            + chrono::Duration::days(1)
            + chrono::Duration::microseconds(1);
        event.available_at = event.available_at.max(db::timestamp(released));
    }
    db::events::insert(conn, &event)
}

/// `response.voided` of a response voided at `now` (stored time text).
fn response_voided(row: &ResponseRow, now: &str) -> ApiResult<EventData> {
    Ok(EventData::ResponseVoided(ResponseVoided {
        response_id: row.id.into(),
        survey_id: row.survey_id.into(),
        office_id: row.office_id.into(),
        membership_id: row.membership_id.into(),
        partner_id: row.partner_id.into(),
        voided_at: db::parse_timestamp(now)?,
    }))
}

/// `invitation.delivery_failed` of invitation `id`, given up after `attempts` with `error` (any address
/// in it is redacted).
pub fn delivery_failed(
    conn: &mut DbConnection,
    id: InvitationId,
    attempts: i32,
    error: &MailError,
) -> ApiResult<EventData> {
    let invitation = db::invitations::get(conn, Visibility::All, id)?;
    let survey = db::surveys::get(conn, Visibility::All, invitation.survey_id)?;
    let (permanent, text) = match error {
        MailError::Permanent(text) => (true, text),
        MailError::Transient(text) => (false, text),
    };
    Ok(EventData::InvitationDeliveryFailed(
        InvitationDeliveryFailed {
            invitation_id: invitation.id.into(),
            survey_id: survey.id.into(),
            office_id: survey.office_id.into(),
            membership_id: survey.membership_id.into(),
            partner_id: survey.partner_id.into(),
            attempts,
            permanent,
            error: redact_addresses(text),
        },
    ))
}

/// Numbers every committed event available at `now`, a batch per transaction, one sequencer at a time
/// (see `db::events::sequence_pending`); returns how many.
pub fn sequence(conn: &mut DbConnection, now: DateTime<Utc>) -> ApiResult<usize> {
    let now = db::timestamp(now);
    let mut total = 0;
    if !db::events::pending(conn, &now)? {
        return Ok(0);
    }
    loop {
        let numbered = db::write_tx(conn, |conn| {
            db::events::lock_sequencer(conn)?;
            db::events::sequence_pending(conn, &now, SEQUENCE_BATCH)
        })?;
        total += numbered;
        if (numbered as i64) < SEQUENCE_BATCH {
            return Ok(total);
        }
    }
}

/// Deletes events that occurred more than `retention_days` before `now` (the last numbered one always
/// stays, so numbering goes on from it); returns how many.
pub fn prune(conn: &mut DbConnection, now: DateTime<Utc>, retention_days: u32) -> ApiResult<usize> {
    let cutoff = db::timestamp(now - chrono::Duration::days(i64::from(retention_days)));
    db::write_tx(conn, |conn| db::events::delete_older_than(conn, &cutoff))
}

/// What one background pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PassReport {
    /// Memberships whose stored compliance was recomputed.
    pub recomputed: usize,
    /// Events numbered.
    pub sequenced: usize,
    /// Events deleted after the retention.
    pub deleted: usize,
}

/// What a pass does besides numbering events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chores {
    /// Recompute stale compliance (emitting its changes).
    pub recompute: bool,
    /// Delete events past the retention.
    pub prune: bool,
}

impl Chores {
    /// Everything.
    pub const ALL: Chores = Chores {
        recompute: true,
        prune: true,
    };
}

/// One pass at `now`: recomputes stale compliance (emitting its changes) and deletes expired events
/// when `chores` say so, and numbers available events.
pub fn pass(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    settings: &EventSettings,
    chores: Chores,
) -> ApiResult<PassReport> {
    let recomputed = match chores.recompute {
        true => super::standing::refresh_stale(conn, now)?,
        false => 0,
    };
    let sequenced = sequence(conn, now)?;
    let deleted = match chores.prune {
        true => prune(conn, now, settings.retention_days)?,
        false => 0,
    };
    Ok(PassReport {
        recomputed,
        sequenced,
        deleted,
    })
}

/// A page of the change feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedPage {
    /// The events, in order.
    pub rows: Vec<EventRow>,
    /// The position to continue after: the last event's when more follow, else the end of the feed.
    pub next: i64,
    /// Whether more events follow at once.
    pub more: bool,
    /// Events after the reader's position were deleted (older than the retention): it missed some.
    pub expired: bool,
}

/// Up to `limit` numbered events `scope` may see after position `after` (the start when `None`).
/// The end of the feed is read first and the page stops there, so an event numbered meanwhile is
/// listed by the next page, never skipped.
pub fn feed(
    conn: &mut DbConnection,
    scope: EventScope,
    after: Option<i64>,
    limit: i64,
) -> ApiResult<FeedPage> {
    let Some((first, last)) = db::events::seq_range(conn)? else {
        return Ok(FeedPage {
            rows: Vec::new(),
            next: after.unwrap_or(0),
            more: false,
            expired: false,
        });
    };
    let expired = after.is_some_and(|after| after.saturating_add(1) < first);
    let after = after.unwrap_or(0);
    let rows = db::events::between(conn, after, last, scope, limit + 1)?;
    let (rows, more) = db::split_page(rows, limit);
    let next = match (more, rows.last()) {
        (true, Some(row)) => row.seq.unwrap_or(last),
        _ => last.max(after),
    };
    Ok(FeedPage {
        rows,
        next,
        more,
        expired,
    })
}

/// A background thread that runs [`pass`] every `interval` (recomputing compliance at most every second
/// and pruning every ten minutes); stops when dropped.
pub struct EventWorker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl EventWorker {
    /// Starts the worker.
    pub(crate) fn spawn(state: AppState) -> EventWorker {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let settings = state.events;
        let thread = std::thread::Builder::new()
            .name("csat-events".into())
            .spawn(move || {
                let (mut recomputed, mut pruned) = (None::<Instant>, None::<Instant>);
                let mut failing = false;
                while !stopped.load(Ordering::Relaxed) {
                    let due = |last: Option<Instant>, every: Duration| {
                        last.is_none_or(|at| at.elapsed() >= every)
                    };
                    let chores = Chores {
                        recompute: due(recomputed, settings.interval.max(RECOMPUTE_EVERY)),
                        prune: due(pruned, PRUNE_EVERY),
                    };
                    let outcome = state
                        .pool
                        .get()
                        .map_err(ApiError::from)
                        .and_then(|mut conn| pass(&mut conn, state.clock.now(), &settings, chores));
                    // An outage is logged when it starts and when it ends, not every pass.
                    match outcome {
                        Ok(_) => {
                            if chores.recompute {
                                recomputed = Some(Instant::now());
                            }
                            if chores.prune {
                                pruned = Some(Instant::now());
                            }
                            if std::mem::take(&mut failing) {
                                tracing::info!("event passes work again");
                            }
                        }
                        Err(error) if !failing => {
                            failing = true;
                            tracing::warn!(%error, "event pass failed; retrying every interval");
                        }
                        Err(error) => tracing::debug!(%error, "event pass failed again"),
                    }
                    let step = settings.interval.min(Duration::from_millis(50));
                    let mut waited = Duration::ZERO;
                    while waited < settings.interval && !stopped.load(Ordering::Relaxed) {
                        std::thread::sleep(step);
                        waited += step;
                    }
                }
            })
            .expect("the events thread starts");
        EventWorker {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for EventWorker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
