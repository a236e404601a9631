//! Middleware of the v1 scope: request ids with structured access logs, and idempotent POSTs.

use std::time::Instant;

use actix_web::{
    body::{self, BoxBody, MessageBody},
    dev::{Payload, ServiceRequest, ServiceResponse},
    http::header::{self, HeaderName, HeaderValue},
    middleware::Next,
    web, HttpResponse, ResponseError,
};
use sha2::{Digest, Sha256};

use crate::{
    auth, db,
    error::{ApiError, ErrorCode},
    service::{self, idempotency::IdempotencyRow},
    AppState,
};

/// The header carrying the request id (taken from the client when well-formed, else generated).
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The header that makes a POST safe to retry.
pub const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
/// Set on a response replayed from an earlier request with the same `Idempotency-Key`.
pub const IDEMPOTENT_REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");
/// How long idempotency keys are remembered.
pub const IDEMPOTENCY_RETENTION_HOURS: i64 = 24;
/// After this long without an answer, a claimed key is taken to belong to a request that died.
pub const IDEMPOTENCY_ABANDONED_SECONDS: i64 = 60;

/// Tags each request with an id (echoed in `X-Request-Id`) and logs one structured line per request,
/// with personal-link tokens shortened and external ids left out (see [`loggable_path`]).
pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let started = Instant::now();
    let mut response = next.call(req).await?;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    let status = response.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    // The line is only put together when it is logged.
    let (method, path) = (response.request().method(), response.request().path());
    if status >= 500 {
        let error = response
            .response()
            .error()
            .map_or_else(|| "-".to_owned(), ToString::to_string);
        let path = loggable_path(path);
        tracing::error!(%request_id, %method, %path, status, elapsed_ms, %error, "request failed");
    } else if tracing::enabled!(tracing::Level::INFO) {
        let path = loggable_path(path);
        tracing::info!(%request_id, %method, %path, status, elapsed_ms, "request");
    }
    Ok(response)
}

/// The path as it may be logged: a personal-link token (the segment after `respond` or `s`) is a
/// credential, so only its first 6 characters are kept; an integrator's external id (after
/// `by-external-id`) may identify a contact in its CRM, so none of it is kept.
pub fn loggable_path(path: &str) -> String {
    let mut previous = "";
    path.split('/')
        .map(|segment| {
            let shown = match previous {
                "respond" | "s" if segment.chars().count() > 6 => {
                    format!("{}…", segment.chars().take(6).collect::<String>())
                }
                "by-external-id" => "…".to_owned(),
                _ => segment.to_owned(),
            };
            previous = segment;
            shown
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Makes POSTs with an `Idempotency-Key` safe to retry: the first successful answer is stored
/// and replayed for the same caller, key and request; the same key with another request is 422,
/// and a retry while the first is still running is 409. Answers marked `Cache-Control: no-store`
/// (they hold secrets, such as personal survey links) are never stored.
pub async fn idempotency(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = match req.headers().get(&IDEMPOTENCY_KEY) {
        Some(value) if req.method() == actix_web::http::Method::POST => {
            value.to_str().ok().map(str::to_owned).unwrap_or_default()
        }
        _ => return Ok(next.call(req).await?.map_into_boxed_body()),
    };
    if key.is_empty() || key.len() > 255 {
        return Ok(reject(
            req,
            ApiError::coded(
                ErrorCode::InvalidHeader,
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
            ),
        ));
    }
    // Unauthenticated requests go through: the handler answers 401 and nothing is stored.
    let Ok(principal) = auth::authenticate(req.request()) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(reject(
            req,
            ApiError::Internal("AppState is not registered".into()),
        ));
    };
    let body = match req.extract::<web::Bytes>().await {
        Ok(body) => body,
        Err(_) => {
            return Ok(reject(
                req,
                ApiError::PayloadTooLarge(format!(
                    "the body is larger than the limit of {} bytes",
                    super::MAX_BODY_BYTES
                )),
            ))
        }
    };
    req.set_payload(Payload::from(body.clone()));

    let mut hasher = Sha256::new();
    hasher.update(req.method().as_str());
    hasher.update(req.uri().to_string());
    hasher.update(&body);
    let request_hash = format!("{:x}", hasher.finalize());
    let now = state.clock.now();
    let claim = IdempotencyRow {
        principal: principal.key(),
        idempotency_key: key.clone(),
        request_hash: request_hash.clone(),
        status: None,
        response_body: None,
        location: None,
        etag: None,
        created_at: db::timestamp(now),
    };
    let expired_before = db::timestamp(now - chrono::Duration::hours(IDEMPOTENCY_RETENTION_HOURS));
    let abandoned_before =
        db::timestamp(now - chrono::Duration::seconds(IDEMPOTENCY_ABANDONED_SECONDS));
    let mine = claim.clone();
    let existing = match db::run(&state.pool, move |conn| {
        service::idempotency::claim(conn, &claim, &expired_before, &abandoned_before)
    })
    .await
    {
        Ok(existing) => existing,
        Err(error) => return Ok(reject(req, error)),
    };
    if let Some(first) = existing {
        return Ok(match (first.request_hash == request_hash, first.status) {
            (false, _) => reject(req, ApiError::coded(
                ErrorCode::IdempotencyKeyReused,
                "this Idempotency-Key was already used with a different request; use a new key for a new request",
            )),
            (true, None) => reject(req, ApiError::conflict(ErrorCode::IdempotencyKeyInFlight, "the first request with this Idempotency-Key is still running; retry shortly")),
            (true, Some(status)) => replay(req, first, status),
        });
    }

    let response = next.call(req).await?;
    let (request, response) = response.into_parts();
    let status = response.status();
    let no_store = response
        .headers()
        .get(header::CACHE_CONTROL)
        .is_some_and(|v| v.as_bytes() == b"no-store");
    if !status.is_success() || no_store {
        db::run(&state.pool, move |conn| {
            service::idempotency::release(conn, &mine)
        })
        .await
        .ok();
        return Ok(ServiceResponse::new(
            request,
            response.map_into_boxed_body(),
        ));
    }
    let header_text = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .map(str::to_owned)
    };
    let (location, etag) = (header_text(header::LOCATION), header_text(header::ETAG));
    let (head, body) = response.into_parts();
    let bytes = body::to_bytes(body)
        .await
        .map_err(|_| ApiError::Internal("could not buffer the response".into()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let stored = db::run(&state.pool, move |conn| {
        service::idempotency::complete(
            conn,
            &mine,
            i32::from(status.as_u16()),
            &text,
            location.as_deref(),
            etag.as_deref(),
        )
    })
    .await;
    if let Err(error) = stored {
        tracing::warn!(error = %error, "could not store an idempotent response; a retry will run the request again");
    }
    Ok(ServiceResponse::new(
        request,
        head.set_body(bytes).map_into_boxed_body(),
    ))
}

fn replay(req: ServiceRequest, first: IdempotencyRow, status: i32) -> ServiceResponse<BoxBody> {
    let status = actix_web::http::StatusCode::from_u16(status as u16)
        .unwrap_or(actix_web::http::StatusCode::OK);
    let mut response = HttpResponse::build(status);
    response
        .content_type("application/json")
        .insert_header((IDEMPOTENT_REPLAYED, "true"));
    if let Some(location) = first.location {
        response.insert_header((header::LOCATION, location));
    }
    if let Some(etag) = first.etag {
        response.insert_header((header::ETAG, etag));
    }
    req.into_response(response.body(first.response_body.unwrap_or_default()))
}

fn reject(req: ServiceRequest, error: ApiError) -> ServiceResponse<BoxBody> {
    req.into_response(error.error_response())
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn personal_link_tokens_are_shortened_in_logged_paths() {
        assert_eq!(
            loggable_path("/api/v1/respond/abcdefghijklmnop"),
            "/api/v1/respond/abcdef…"
        );
        assert_eq!(loggable_path("/csat/s/abcdefghijklmnop"), "/csat/s/abcdef…");
        assert_eq!(
            loggable_path("/api/v1/surveys/0191/responses"),
            "/api/v1/surveys/0191/responses"
        );
        assert_eq!(loggable_path("/s/abc"), "/s/abc");
    }

    #[test]
    fn external_ids_are_left_out_of_logged_paths() {
        assert_eq!(
            loggable_path("/api/v1/offices/0191/contacts/by-external-id/crm%20ana.petrova"),
            "/api/v1/offices/0191/contacts/by-external-id/…"
        );
    }
}
