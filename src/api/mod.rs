//! HTTP surface: mounting, extractor errors in problem+json, health, middleware.

pub mod charts;
pub mod extract;
pub mod middleware;
pub mod rate_limit;
pub mod token_limit;
pub mod v1;

use actix_web::{
    error::{JsonPayloadError, PathError, QueryPayloadError},
    web, HttpRequest, HttpResponse, Responder,
};
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    error::{ApiError, ErrorCode, FieldError},
    AppState,
};

/// Largest JSON body accepted (a 1,000-contact import fits comfortably).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// How [`configure_with`] mounts the API.
#[derive(Debug, Clone)]
pub struct Options {
    /// Serve Swagger UI at `{mount}/swagger-ui/` (default: yes).
    pub swagger_ui: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { swagger_ui: true }
    }
}

/// Mounts the whole API with the default [`Options`]; see [`configure_with`].
pub fn configure(state: AppState) -> impl FnOnce(&mut web::ServiceConfig) {
    configure_with(state, Options::default())
}

/// Mounts the whole API into an actix-web application or scope:
/// `/api/v1/...`, `/api/v1/openapi.json`, `/swagger-ui/`, the respondent page `/s/{token}`, `/health` and `/ready`.
///
/// It works under any prefix (`web::scope("/csat").configure(…)`): the spec's `servers`, Swagger UI's spec
/// URL, `Location` headers and the survey page's links and form all follow the path a request came in
/// on. Personal links in emails use `CSAT_PUBLIC_URL`, which must then include the prefix. Everything it
/// needs travels with it (its own app data, extractor settings, error handlers and middleware), so a
/// host's `JsonConfig`, `QueryConfig` or default service never answers for it; it installs no logger and
/// touches no global state.
pub fn configure_with(state: AppState, options: Options) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        state.warn_about_a_default_public_url();
        let data = web::Data::new(state);
        if options.swagger_ui {
            // A relative spec URL: from `{mount}/swagger-ui/` it reaches `{mount}/api/v1/openapi.json`.
            cfg.service(
                SwaggerUi::new("/swagger-ui/{_:.*}")
                    .config(utoipa_swagger_ui::Config::new(["../api/v1/openapi.json"])),
            )
            .service(web::resource("/swagger-ui").route(web::get().to(redirect_to_swagger_ui)));
        }
        let spec = web::Data::new(
            serde_json::to_value(crate::openapi()).expect("the OpenAPI document serializes"),
        );
        cfg.service(web::resource("/health").route(web::get().to(health)))
            .service(
                web::resource("/ready")
                    .app_data(data.clone())
                    .route(web::get().to(ready)),
            )
            .service(
                web::resource(SPEC_PATH)
                    .app_data(spec)
                    .route(web::get().to(openapi_document)),
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
                            .wrap(actix_web::middleware::from_fn(token_limit::limit_tokens))
                            .wrap(actix_web::middleware::from_fn(middleware::request_context))
                    }),
            );
    }
}

/// Where the spec is served, below the mount point.
const SPEC_PATH: &str = "/api/v1/openapi.json";

/// The OpenAPI document, its `servers` naming the mount point this request came in on.
async fn openapi_document(req: HttpRequest, spec: web::Data<serde_json::Value>) -> HttpResponse {
    let mount = req.path().strip_suffix(SPEC_PATH).unwrap_or_default();
    let mut spec = spec.as_ref().clone();
    spec["servers"] = serde_json::json!([{
        "url": if mount.is_empty() { "/" } else { mount },
        "description": "This deployment, where this document was served from."
    }]);
    HttpResponse::Ok().json(spec)
}

/// The path of the API's root (`{mount}/api/v1`) for a request to one of its operations.
pub(crate) fn api_root(req: &HttpRequest) -> &str {
    let path = req.path();
    path.rfind("/api/v1")
        .map_or("/api/v1", |at| &path[..at + "/api/v1".len()])
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
    crate::db::run(&state.pool, crate::service::ping).await?;
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
        JsonPayloadError::Deserialize(e) => ApiError::coded(
            ErrorCode::MalformedJson,
            format!("the body is not valid JSON: {e}"),
        ),
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
        ApiError::coded(
            ErrorCode::InvalidParameters,
            format!("a path parameter is invalid: {error}"),
        )
        .into()
    } else {
        ApiError::invalid_parameters(not_uuids).into()
    }
}

/// Errors of reading a query string, as problem+json.
pub(crate) fn query_error(error: QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::coded(
        ErrorCode::InvalidParameters,
        format!("a query parameter is invalid: {error}"),
    )
    .into()
}
