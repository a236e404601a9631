//! HTTP surface: mounting, extractor errors in problem+json, health, middleware.

pub mod extract;
pub mod middleware;
pub mod rate_limit;
pub mod v1;

use actix_web::{
    error::{JsonPayloadError, PathError, QueryPayloadError},
    web, HttpRequest, HttpResponse, Responder,
};
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    error::{ApiError, FieldError},
    AppState,
};

/// Largest JSON body accepted (a 1,000-contact import fits comfortably).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Mounts the whole API into an actix-web application or scope:
/// `/api/v1/...`, `/api/v1/openapi.json`, `/swagger-ui/`, the respondent page `/s/{token}`, `/health` and `/ready`.
///
/// Everything it needs travels with it (its own app data, error handlers and middleware);
/// it installs no logger and touches no global state.
pub fn configure(state: AppState) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        let data = web::Data::new(state);
        cfg.service(
            SwaggerUi::new("/swagger-ui/{_:.*}").url("/api/v1/openapi.json", crate::openapi()),
        )
        .service(web::resource("/swagger-ui").route(web::get().to(redirect_to_swagger_ui)))
        .service(web::resource("/health").route(web::get().to(health)))
        .service(
            web::resource("/ready")
                .app_data(data.clone())
                .route(web::get().to(ready)),
        )
        .configure(|cfg| crate::web::configure(cfg, data.clone()))
        .service(
            utoipa_actix_web::scope("/api/v1")
                .configure(v1::routes)
                .app_data(data)
                .app_data(
                    web::JsonConfig::default()
                        .limit(MAX_BODY_BYTES)
                        .error_handler(json_error),
                )
                .app_data(web::PayloadConfig::default().limit(MAX_BODY_BYTES))
                .app_data(web::PathConfig::default().error_handler(path_error))
                .app_data(web::QueryConfig::default().error_handler(query_error))
                .default_service(web::to(not_found))
                .map(|scope| {
                    scope
                        .wrap(actix_web::middleware::from_fn(middleware::idempotency))
                        .wrap(actix_web::middleware::from_fn(middleware::request_context))
                }),
        );
    }
}

async fn redirect_to_swagger_ui(req: HttpRequest) -> HttpResponse {
    let target = format!("{}/", req.path());
    HttpResponse::PermanentRedirect()
        .insert_header(("Location", target))
        .finish()
}

async fn health() -> impl Responder {
    web::Json(serde_json::json!({ "status": "ok" }))
}

async fn ready(state: web::Data<AppState>) -> Result<web::Json<serde_json::Value>, ApiError> {
    crate::db::run(&state.pool, crate::db::ping).await?;
    Ok(web::Json(serde_json::json!({ "status": "ready" })))
}

async fn not_found(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound(format!(
        "there is no operation {} {}",
        req.method(),
        req.path()
    )))
}

/// Errors of reading a JSON body (size, content type, syntax); whether it fits the expected type is
/// judged by [`extract::Json`], which names the field.
fn json_error(error: JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    let api_error = match &error {
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => ApiError::PayloadTooLarge(format!(
            "the body is larger than the limit of {limit} bytes"
        )),
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType(
            "the body must be JSON with `Content-Type: application/json`".into(),
        ),
        JsonPayloadError::Deserialize(e) => {
            ApiError::BadRequest(format!("the body is not valid JSON: {e}"))
        }
        other => ApiError::BadRequest(format!("the body could not be read: {other}")),
    };
    api_error.into()
}

fn path_error(error: PathError, req: &HttpRequest) -> actix_web::Error {
    let not_uuids: Vec<FieldError> = req
        .match_info()
        .iter()
        .filter(|(name, value)| name.ends_with("_id") && uuid::Uuid::parse_str(value).is_err())
        .map(|(name, _)| FieldError::new(name, "must be a UUID"))
        .collect();
    if not_uuids.is_empty() {
        ApiError::BadRequest(format!("a path parameter is invalid: {error}")).into()
    } else {
        ApiError::invalid_parameters(not_uuids).into()
    }
}

fn query_error(error: QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::BadRequest(format!("a query parameter is invalid: {error}")).into()
}
