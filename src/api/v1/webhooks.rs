//! Webhook subscriptions: signed deliveries of events (the Standard Webhooks scheme), with a
//! delivery log and redelivery.

use std::collections::BTreeMap;

use actix_web::{
    delete, get,
    http::{header, StatusCode},
    patch, post, web, HttpRequest, HttpResponse,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{openapi::RefOr, IntoResponses, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{etag, if_match, page_of, time, validated, ListQuery, NoContent, Returned, Versioned};
use crate::{
    api::extract::{Json, Query},
    auth::{AnyRole, Caller},
    db::{
        self,
        webhooks::{AttemptRow, SubscriptionRow},
    },
    error::{ApiError, ApiResult},
    service::{
        self,
        webhooks::{NewSubscription, Owner, SubscriptionUpdate},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_webhook)
        .service(list_webhooks)
        .service(get_webhook)
        .service(update_webhook)
        .service(delete_webhook)
        .service(rotate_webhook_secret)
        .service(list_webhook_deliveries)
        .service(redeliver_webhook_event);
}

/// Where a subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WebhookStatus {
    /// Events are queued and delivered.
    Active,
    /// Paused by its owner: events that occur meanwhile are not queued (catch up from the change feed).
    Paused,
    /// A delivery was given up after retrying for more than 3 days (see `failing_reason`); nothing is
    /// queued or sent until its owner resumes it with `paused: false`.
    Failing,
}

/// A webhook subscription. Its scope is its owner's: the administrator's receives every event, a
/// partner's only events about that partner's own data, the vendor's only program-level aggregates.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Webhook {
    /// The subscription's id.
    pub id: Uuid,
    /// Whose subscription it is: `admin`, `partner` or `vendor`.
    #[schema(example = "partner")]
    pub owner_role: String,
    /// The partner of a partner's subscription.
    pub partner_id: Option<Uuid>,
    /// Where deliveries are POSTed.
    #[schema(example = "https://crm.example.com/hooks/csat")]
    pub url: String,
    /// The event types it receives (`*`: every type its owner may receive).
    #[schema(example = json!(["membership.compliance_changed"]))]
    pub event_types: Vec<String>,
    /// The owner's note.
    pub description: Option<String>,
    /// Where it stands.
    pub status: WebhookStatus,
    /// Why it is failing (the last delivery that was given up and its last error).
    pub failing_reason: Option<String>,
    /// After a rotation: until when the previous secret still signs deliveries beside the new one.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

super::page_type!(
    WebhookPage,
    Webhook,
    id,
    "One page of webhook subscriptions, in a stable order."
);

impl TryFrom<SubscriptionRow> for Webhook {
    type Error = ApiError;

    fn try_from(row: SubscriptionRow) -> ApiResult<Self> {
        let status = match row.status.as_str() {
            "paused" => WebhookStatus::Paused,
            "failing" => WebhookStatus::Failing,
            _ => WebhookStatus::Active,
        };
        Ok(Webhook {
            id: row.id.into(),
            event_types: row.event_types(),
            owner_role: row.owner_role,
            partner_id: row.partner_id.map(Into::into),
            url: row.url,
            description: row.description,
            status,
            failing_reason: row.failing_reason,
            previous_secret_expires_at: row
                .previous_secret_expires_at
                .as_deref()
                .map(time)
                .transpose()?,
            created_at: time(&row.created_at)?,
            updated_at: time(&row.updated_at)?,
        })
    }
}

/// A subscription with its signing secret, shown this once (at creation and at each rotation).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookWithSecret {
    /// The subscription.
    #[serde(flatten)]
    pub webhook: Webhook,
    /// The signing secret: `whsec_` + base64 of the HMAC-SHA256 key. Store it now: it is never shown
    /// again (rotate to get a new one).
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

/// A new webhook subscription.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"url": "https://crm.example.com/hooks/csat", "event_types": ["membership.compliance_changed", "response.completed"]}))]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// Where deliveries go: an `https://` URL (`http://` only where the server allows it for
    /// development) that does not point at an internal address. Redirects are not followed.
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2,000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub url: String,
    /// Event types to receive (1–20), or `["*"]` for every type the caller may receive.
    #[validate(length(min = 1, max = 20, message = "must list 1 to 20 event types"))]
    #[schema(min_items = 1, max_items = 20)]
    pub event_types: Vec<String>,
    /// A note for the owner (at most 500 characters).
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    #[serde(default)]
    pub description: Option<String>,
}

/// Changes to a subscription; omitted fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"paused": false}))]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    /// New URL (same rules as at creation).
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2,000 characters"))]
    #[schema(min_length = 1, max_length = 2000, nullable = false)]
    #[serde(default)]
    pub url: Option<String>,
    /// New event types (1–20, or `["*"]`).
    #[validate(length(min = 1, max = 20, message = "must list 1 to 20 event types"))]
    #[schema(min_items = 1, max_items = 20, nullable = false)]
    #[serde(default)]
    pub event_types: Option<Vec<String>>,
    /// New note; `null` clears it.
    #[serde(default, deserialize_with = "super::double_option")]
    #[schema(max_length = 500, value_type = Option<String>)]
    pub description: Option<Option<String>>,
    /// `true` pauses deliveries; `false` resumes them (also a `failing` subscription).
    #[serde(default)]
    #[schema(nullable = false)]
    pub paused: Option<bool>,
}

/// One attempt to deliver an event: a line of the delivery log.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookAttempt {
    /// The attempt's id (attempts sort by time).
    pub id: Uuid,
    /// The delivery (one event to this subscription).
    pub delivery_id: Uuid,
    /// The event, also the `webhook-id` header of every attempt to deliver it.
    pub event_id: String,
    /// 1 for the first attempt (a redelivery starts again at 1).
    pub attempt: i32,
    /// When it was made.
    pub attempted_at: DateTime<Utc>,
    /// The receiver's HTTP status, if it answered.
    pub status_code: Option<i32>,
    /// Milliseconds from connecting to the answer's status line (or to the failure).
    pub latency_ms: i64,
    /// What went wrong; `null` when the receiver answered `2xx`.
    pub error: Option<String>,
}

super::page_type!(
    WebhookAttemptPage,
    WebhookAttempt,
    id,
    "One page of a subscription's delivery log, oldest attempt first."
);

impl TryFrom<AttemptRow> for WebhookAttempt {
    type Error = ApiError;

    fn try_from(row: AttemptRow) -> ApiResult<Self> {
        Ok(WebhookAttempt {
            id: row.id.into(),
            delivery_id: row.delivery_id.into(),
            event_id: row.event_id,
            attempt: row.attempt,
            attempted_at: time(&row.attempted_at)?,
            status_code: row.status_code,
            latency_ms: row.latency_ms,
            error: row.error,
        })
    }
}

/// Which event to deliver again.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"event_id": "5b0e9f3e-8d7c-4a55-9a1f-3f0c2a7d9e41"}))]
#[serde(deny_unknown_fields)]
pub struct RedeliverEvent {
    /// The event's id (from the delivery log, a delivery's `webhook-id`, or the change feed); it must
    /// be from the last 30 days and one this subscription may receive.
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub event_id: String,
}

/// The redelivery queued.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Redelivery {
    /// The delivery, due now.
    pub delivery_id: Uuid,
    /// The event.
    pub event_id: String,
}

/// 201 Created with the new subscription and its secret, `Location`, `ETag` and
/// `Cache-Control: no-store` (so neither a cache nor an idempotent replay keeps the secret).
pub struct CreatedWithSecret {
    version: i64,
    body: WebhookWithSecret,
}

impl actix_web::Responder for CreatedWithSecret {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, req: &HttpRequest) -> HttpResponse {
        HttpResponse::build(StatusCode::CREATED)
            .insert_header((
                header::LOCATION,
                format!(
                    "{}/webhooks/{}",
                    crate::api::api_root(req),
                    self.body.webhook.id
                ),
            ))
            .insert_header((header::ETAG, etag(self.version)))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(self.body)
    }
}

/// In the spec: 201 with the subscription and secret, `Location`, `ETag` and `Cache-Control`.
impl IntoResponses for CreatedWithSecret {
    fn responses() -> BTreeMap<String, RefOr<utoipa::openapi::response::Response>> {
        let mut responses = super::Created::<WebhookWithSecret>::responses();
        if let Some(RefOr::T(created)) = responses.get_mut("201") {
            let mut no_store = utoipa::openapi::header::Header::default();
            no_store.description = Some(
                "`no-store`: the secret is shown this once; a retry with the same `Idempotency-Key` creates another subscription."
                    .into(),
            );
            created.headers.insert("Cache-Control".into(), no_store);
        }
        responses
    }
}

fn subscription_of(row: SubscriptionRow) -> ApiResult<WebhookWithSecret> {
    let secret = row.secret.clone();
    Ok(WebhookWithSecret {
        webhook: Webhook::try_from(row)?,
        secret,
    })
}

const WEBHOOK_ID: &str = "The subscription's id.";

/// Subscribe to events
///
/// Any role subscribes for its own scope: the administrator to every event, a partner to events about
/// its own memberships, the vendor to program-level aggregate events only (422 for other types). Each
/// delivery is a `POST` of the event's envelope (the same JSON the change feed lists) signed per
/// Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with backoff for
/// more than 3 days. The secret is in this answer only.
#[utoipa::path(tag = "webhooks", request_body = CreateWebhook, responses(CreatedWithSecret))]
#[post("/webhooks")]
async fn create_webhook(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    body: Json<CreateWebhook>,
) -> ApiResult<CreatedWithSecret> {
    let input = validated(body.into_inner())?;
    let (owner, settings, now) = (Owner::of(&principal)?, state.webhooks, state.timestamp());
    let new = NewSubscription {
        url: input.url.trim().to_owned(),
        event_types: input.event_types,
        description: input.description,
    };
    service::webhooks::check_url(new.url.clone(), settings).await?;
    let row = db::run(&state.pool, move |conn| {
        service::webhooks::create(conn, owner, &settings, new, &now)
    })
    .await?;
    Ok(CreatedWithSecret {
        version: row.version,
        body: subscription_of(row)?,
    })
}

/// List webhook subscriptions
///
/// The caller's own subscriptions (the administrator sees every one, so it can see why one is failing).
#[utoipa::path(tag = "webhooks", params(ListQuery), responses(Returned<WebhookPage>))]
#[get("/webhooks")]
async fn list_webhooks(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<WebhookPage>> {
    let (limit, after) = query.parse()?;
    let owner = Owner::of(&principal)?;
    let rows = db::run(&state.pool, move |conn| {
        service::webhooks::list(conn, owner, after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, Webhook::try_from)?))
}

/// Get a webhook subscription
///
/// Without its secret. Another owner's subscription is 404.
#[utoipa::path(tag = "webhooks", params(("webhook_id" = Uuid, Path, description = WEBHOOK_ID)), responses(Versioned<Webhook>))]
#[get("/webhooks/{webhook_id}")]
async fn get_webhook(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Webhook>> {
    let (id, owner) = (path.into_inner(), Owner::of(&principal)?);
    let row = db::run(&state.pool, move |conn| {
        service::webhooks::get(conn, owner, id.into())
    })
    .await?;
    Ok(Versioned::new(row.version, Webhook::try_from(row)?))
}

/// Update a webhook subscription
///
/// Change its URL, event types or note, pause it, or resume it (also after it was failing).
#[utoipa::path(tag = "webhooks", params(("webhook_id" = Uuid, Path, description = WEBHOOK_ID)), request_body = UpdateWebhook, responses(Versioned<Webhook>))]
#[patch("/webhooks/{webhook_id}")]
async fn update_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
    body: Json<UpdateWebhook>,
) -> ApiResult<Versioned<Webhook>> {
    let input = validated(body.into_inner())?;
    if let Some(Some(description)) = &input.description {
        if description.chars().count() > 500 {
            return Err(ApiError::invalid_field(
                "description",
                "must be at most 500 characters",
            ));
        }
    }
    let (id, owner, expected, settings, now) = (
        path.into_inner(),
        Owner::of(&principal)?,
        if_match(&req)?,
        state.webhooks,
        state.timestamp(),
    );
    let update = SubscriptionUpdate {
        url: input.url.map(|url| url.trim().to_owned()),
        event_types: input.event_types,
        description: input.description,
        paused: input.paused,
    };
    if let Some(url) = &update.url {
        service::webhooks::check_url(url.clone(), settings).await?;
    }
    let row = db::run(&state.pool, move |conn| {
        service::webhooks::update(conn, owner, &settings, id.into(), expected, update, &now)
    })
    .await?;
    Ok(Versioned::new(row.version, Webhook::try_from(row)?))
}

/// Delete a webhook subscription
///
/// With its pending deliveries and its delivery log.
#[utoipa::path(tag = "webhooks", params(("webhook_id" = Uuid, Path, description = WEBHOOK_ID)), responses(NoContent))]
#[delete("/webhooks/{webhook_id}")]
async fn delete_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
) -> ApiResult<NoContent> {
    let (id, owner, expected) = (path.into_inner(), Owner::of(&principal)?, if_match(&req)?);
    db::run(&state.pool, move |conn| {
        service::webhooks::delete(conn, owner, id.into(), expected)
    })
    .await?;
    Ok(NoContent)
}

/// Rotate a webhook subscription's secret
///
/// A new secret, in this answer only. The previous one keeps signing beside it (the
/// `webhook-signature` header then holds two signatures) until `previous_secret_expires_at`
/// (24 hours by default), so receivers can switch without missing a delivery.
#[utoipa::path(tag = "webhooks", params(("webhook_id" = Uuid, Path, description = WEBHOOK_ID)), responses(super::ShownOnce<WebhookWithSecret>))]
#[post("/webhooks/{webhook_id}/rotate-secret")]
async fn rotate_webhook_secret(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
) -> ApiResult<super::ShownOnce<WebhookWithSecret>> {
    let (id, owner, expected, grace, now) = (
        path.into_inner(),
        Owner::of(&principal)?,
        if_match(&req)?,
        state.webhooks.secret_grace,
        state.clock.now(),
    );
    let row = db::run(&state.pool, move |conn| {
        service::webhooks::rotate_secret(conn, owner, id.into(), expected, grace, now)
    })
    .await?;
    Ok(super::ShownOnce(subscription_of(row)?))
}

/// List a webhook subscription's delivery log
///
/// Every attempt to deliver an event to this subscription, oldest first: its HTTP status, latency and
/// error.
#[utoipa::path(tag = "webhooks", params(("webhook_id" = Uuid, Path, description = WEBHOOK_ID), ListQuery), responses(Returned<WebhookAttemptPage>))]
#[get("/webhooks/{webhook_id}/deliveries")]
async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<WebhookAttemptPage>> {
    let (limit, after) = query.parse()?;
    let (id, owner) = (path.into_inner(), Owner::of(&principal)?);
    let rows = db::run(&state.pool, move |conn| {
        service::webhooks::attempts(conn, owner, id.into(), after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, WebhookAttempt::try_from)?))
}

/// Deliver an event again
///
/// Queues any event of the last 30 days that this subscription may receive for delivery now (again, or
/// for the first time if it occurred while the subscription was paused), with the same `webhook-id`.
#[utoipa::path(tag = "webhooks", params(("webhook_id" = Uuid, Path, description = WEBHOOK_ID)), request_body = RedeliverEvent, responses(Returned<Redelivery>))]
#[post("/webhooks/{webhook_id}/redeliver")]
async fn redeliver_webhook_event(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
    body: Json<RedeliverEvent>,
) -> ApiResult<Returned<Redelivery>> {
    let input = validated(body.into_inner())?;
    let (id, owner, now) = (path.into_inner(), Owner::of(&principal)?, state.clock.now());
    let event_id = input.event_id.trim().to_owned();
    let event = event_id.clone();
    let delivery = db::run(&state.pool, move |conn| {
        service::webhooks::redeliver(conn, owner, id.into(), &event, now)
    })
    .await?;
    Ok(Returned(Redelivery {
        delivery_id: delivery.into(),
        event_id,
    }))
}
