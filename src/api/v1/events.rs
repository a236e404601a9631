//! The change feed (issue 12): the events webhooks deliver, listed in commit order for the caller's role
//! and scope, so an integration that was down catches up without reading everything again.

use actix_web::{get, web};
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{time, Returned, DEFAULT_LIMIT, MAX_LIMIT};
use crate::{
    api::extract::Query,
    auth::{AnyRole, Caller, Role},
    db::{
        self,
        events::{EventRow, EventScope},
    },
    domain::events::{EventData, EventType},
    error::{ApiError, ApiResult, ErrorCode, FieldError},
    service, AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list_events);
}

/// One event, the same envelope in the change feed and in a webhook's body (Standard Webhooks: `type`,
/// `timestamp`, `data`, plus `id` and `version`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41", "type": "response.completed", "version": 1,
    "timestamp": "2026-11-28T09:15:02.114000Z",
    "data": {"response_id": "0c6f1a52-3e0b-4f7e-9a0d-5d8b7e2f1c33", "survey_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
             "office_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5c", "membership_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5d",
             "partner_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5e", "completed_at": "2026-11-28T09:15:02.114000Z",
             "anonymous": false, "invitation_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5f"}
}))]
pub struct EventEnvelope {
    /// The event's id: the same in every delivery of it and in the feed (deduplicate on it).
    pub id: Uuid,
    /// What happened; `data` has this type's schema.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The schema version of `data` (1).
    pub version: i32,
    /// When it happened; for an anonymous response's completion, the start of that day.
    pub timestamp: DateTime<Utc>,
    /// The payload: ids and figures, never a contact's personal data.
    #[schema(value_type = EventData)]
    pub data: serde_json::Value,
}

impl EventEnvelope {
    /// The envelope of a stored event.
    pub fn from_row(row: &EventRow) -> ApiResult<EventEnvelope> {
        Ok(EventEnvelope {
            id: row.id.into(),
            event_type: EventType::parse(&row.event_type).ok_or_else(|| {
                ApiError::Internal(format!("stored event type `{}` is unknown", row.event_type))
            })?,
            version: row.version,
            timestamp: time(&row.occurred_at)?,
            data: serde_json::from_str(&row.payload)
                .map_err(|e| ApiError::Internal(format!("stored event payload is invalid: {e}")))?,
        })
    }
}

/// A page of the change feed.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EventPage {
    /// Events after the cursor, oldest first.
    pub items: Vec<EventEnvelope>,
    /// Pass as `after` for the events that follow. Never `null`: on the last page it is where the feed
    /// stands now, so polling with it returns only what happens later.
    pub next_cursor: String,
    /// Whether more events follow at once (ask again with `next_cursor` without waiting).
    pub has_more: bool,
}

/// Where to continue the feed.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// `next_cursor` of the previous page; omit to start from the oldest event kept.
    pub after: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// The opaque cursor of feed position `seq`.
fn encode(seq: i64) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(seq.to_be_bytes())
}

/// The feed position of a cursor, if it is one.
fn decode(cursor: &str) -> Option<i64> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    let seq = i64::from_be_bytes(bytes.try_into().ok()?);
    (seq >= 0).then_some(seq)
}

impl EventsQuery {
    /// The validated limit and the position to continue after (`None`: the start).
    fn parse(&self) -> ApiResult<(i64, Option<i64>)> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid_field(
                "limit",
                "must be between 1 and 200",
            ));
        }
        let after = match &self.after {
            None => None,
            Some(cursor) => Some(decode(cursor).ok_or_else(|| {
                ApiError::invalid_parameters(vec![FieldError::new(
                    "after",
                    "is not a cursor returned by this API",
                )])
            })?),
        };
        Ok((limit, after))
    }
}

/// List events (the change feed)
///
/// The events webhooks deliver, oldest first, in the order they were committed: `response.completed`,
/// `response.voided`, `invitation.delivery_failed`, `membership.compliance_changed` and
/// `reporting_period.closed` (see `EventData` for each payload). The administrator sees every event, a
/// partner its own, the vendor only program-level aggregates (`reporting_period.closed`).
///
/// Start without `after`, then pass each page's `next_cursor` as `after`: every event is listed once,
/// and a cursor from an empty page waits at the end of the feed. Events appear a moment (about
/// `CSAT_EVENTS_INTERVAL_MS`) after their change; the completion of an anonymous response only after
/// its day is over. Events are kept at least 30 days (`CSAT_EVENTS_RETENTION_DAYS`); a cursor older
/// than that is refused with 410 `cursor_expired`: read the current state again, then follow the feed
/// from a fresh start.
#[utoipa::path(tag = "events", params(EventsQuery), responses(Returned<EventPage>))]
#[get("/events")]
async fn list_events(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    query: Query<EventsQuery>,
) -> ApiResult<Returned<EventPage>> {
    let (limit, after) = query.parse()?;
    let scope = match caller.role {
        Role::Admin => EventScope::All,
        Role::Vendor => EventScope::Vendor,
        Role::Partner => EventScope::Partner(
            caller
                .partner_id
                .ok_or_else(|| ApiError::Forbidden("a partner token needs a partner_id".into()))?
                .into(),
        ),
    };
    let page = db::run(&state.pool, move |conn| {
        service::events::feed(conn, scope, after, limit)
    })
    .await?;
    if page.expired {
        return Err(ApiError::coded(
            ErrorCode::CursorExpired,
            "events after this cursor were deleted (they are kept at least 30 days): read the current state again, then follow the feed without `after`",
        ));
    }
    let items = page
        .rows
        .iter()
        .map(EventEnvelope::from_row)
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(Returned(EventPage {
        items,
        next_cursor: encode(page.next),
        has_more: page.more,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_nothing_else_is_one() {
        for seq in [0, 1, 41, i64::MAX] {
            assert_eq!(decode(&encode(seq)), Some(seq));
        }
        assert_eq!(
            decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode((-1i64).to_be_bytes())),
            None
        );
        assert_eq!(decode("not a cursor"), None);
        assert_eq!(decode(""), None);
        assert_eq!(decode(&encode(7)[..5]), None);
    }
}
