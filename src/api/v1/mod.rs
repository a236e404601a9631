//! Version 1 of the API: routes and the conventions every resource shares
//! (pagination, ETags, validation).

pub mod compliance;
pub mod contacts;
pub mod events;
pub mod external_ids;
pub mod insights;
pub mod invitations;
pub mod memberships;
pub mod offices;
pub mod partners;
pub mod periods;
pub mod program;
pub mod respond;
pub mod responses;
pub mod results;
pub mod surveys;
pub mod webhooks;

use std::collections::BTreeMap;

use actix_web::{
    http::{header, StatusCode},
    HttpRequest, HttpResponse,
};
use base64::Engine as _;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{
    openapi::{header::Header, schema::Schema, Content, Ref, RefOr, ResponseBuilder},
    IntoParams, IntoResponses, PartialSchema, ToSchema,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, ApiResult, ErrorCode, FieldError};

/// Registers every v1 operation (paths are relative to `/api/v1`).
pub fn routes(cfg: &mut ServiceConfig) {
    partners::routes(cfg);
    memberships::routes(cfg);
    offices::routes(cfg);
    contacts::routes(cfg);
    program::routes(cfg);
    surveys::routes(cfg);
    invitations::routes(cfg);
    respond::routes(cfg);
    responses::routes(cfg);
    results::routes(cfg);
    compliance::routes(cfg);
    periods::routes(cfg);
    insights::routes(cfg);
    events::routes(cfg);
    webhooks::routes(cfg);
}

/// Default page size.
pub const DEFAULT_LIMIT: i64 = 50;
/// Largest page size.
pub const MAX_LIMIT: i64 = 200;

/// Cursor pagination parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page; omit for the first page.
    pub cursor: Option<String>,
}

impl ListQuery {
    /// The validated limit and the id to continue after.
    pub fn parse<Id: From<Uuid>>(&self) -> ApiResult<(i64, Option<Id>)> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid_field(
                "limit",
                "must be between 1 and 200",
            ));
        }
        let after = match &self.cursor {
            None => None,
            Some(cursor) => Some(Id::from(decode_cursor(cursor).ok_or_else(|| {
                ApiError::invalid_field("cursor", "is not a cursor returned by this API")
            })?)),
        };
        Ok((limit, after))
    }
}

fn decode_cursor(cursor: &str) -> Option<Uuid> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    Uuid::from_slice(&bytes).ok()
}

pub(crate) fn encode_cursor(id: Uuid) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id.as_bytes())
}

/// Something with an id that pages can continue after.
pub trait Identified {
    /// The object's id.
    fn id(&self) -> Uuid;
}

/// A page type of one item type (each list has its own named schema, so SDKs get clear types).
pub trait Paged: Sized {
    /// The item type.
    type Item: Identified;
    /// A page from its items and the cursor to the next one.
    fn from_parts(items: Vec<Self::Item>, next_cursor: Option<String>) -> Self;
}

/// Declares the page type of a list of `$item`, which pages continue after by its `$id` field.
macro_rules! page_type {
    ($page:ident, $item:ty, $id:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub struct $page {
            /// The items of this page.
            pub items: Vec<$item>,
            /// Pass as `cursor` to get the next page; `null` on the last page.
            pub next_cursor: Option<String>,
        }

        impl $crate::api::v1::Paged for $page {
            type Item = $item;
            fn from_parts(items: Vec<$item>, next_cursor: Option<String>) -> Self {
                $page { items, next_cursor }
            }
        }

        impl $crate::api::v1::Identified for $item {
            fn id(&self) -> uuid::Uuid {
                self.$id
            }
        }
    };
}
pub(crate) use page_type;

/// Converts one page of stored rows (and whether more follow) into a page of representations.
pub fn page_of<R, P: Paged>(
    (rows, more): (Vec<R>, bool),
    convert: impl FnMut(R) -> ApiResult<P::Item>,
) -> ApiResult<P> {
    let items = rows
        .into_iter()
        .map(convert)
        .collect::<ApiResult<Vec<_>>>()?;
    let next_cursor = if more {
        items.last().map(|item| encode_cursor(item.id()))
    } else {
        None
    };
    Ok(P::from_parts(items, next_cursor))
}

/// The entity tag of a stored version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version a request's `If-Match` demands: `None` when absent or `*`.
pub fn if_match(req: &HttpRequest) -> ApiResult<Option<i64>> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| ApiError::coded(ErrorCode::InvalidHeader, "If-Match is not valid text"))?
        .trim();
    if text == "*" {
        return Ok(None);
    }
    let first = text.split(',').next().unwrap_or_default().trim();
    let tag = first.strip_prefix("W/").unwrap_or(first).trim_matches('"');
    // A tag this API never issued cannot match: the write is refused with 412.
    Ok(Some(tag.parse::<i64>().unwrap_or(-1)))
}

// Typed responders: each answers a request and describes that answer to the OpenAPI document, so an
// operation's success status, body and headers in the spec come from its handler's return type.
// `IntoResponses` only references a body's schema: the bodies are registered in `crate::openapi`.

/// The success responses of an operation in the spec, by status code.
type SpecResponses = BTreeMap<String, RefOr<utoipa::openapi::response::Response>>;

/// The spec of an answer whose body is `T` as JSON, described by `T`'s doc comment.
fn json_response<T: ToSchema>() -> ResponseBuilder {
    let description = match T::schema() {
        RefOr::T(Schema::Object(schema)) => schema.description,
        RefOr::T(Schema::Array(schema)) => schema.description,
        RefOr::T(Schema::OneOf(schema)) => schema.description,
        RefOr::T(Schema::AllOf(schema)) => schema.description,
        RefOr::T(Schema::AnyOf(schema)) => schema.description,
        _ => None,
    };
    ResponseBuilder::new()
        .description(description.unwrap_or_else(|| format!("The {}.", T::name())))
        .content(
            "application/json",
            Content::new(Some(Ref::from_schema_name(T::name()))),
        )
}

/// A text header with its description.
fn text_header(description: &str) -> Header {
    let mut header = Header::default();
    header.description = Some(description.to_owned());
    header
}

/// 200 with the object and its `ETag`; on a read whose `If-None-Match` names that tag, 304 without a body.
pub struct Versioned<T> {
    version: i64,
    body: T,
}

impl<T> Versioned<T> {
    /// The object `body` at `version`.
    pub fn new(version: i64, body: T) -> Self {
        Versioned { version, body }
    }
}

impl<T: Serialize> actix_web::Responder for Versioned<T> {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, req: &HttpRequest) -> HttpResponse {
        let tag = etag(self.version);
        let read = matches!(
            *req.method(),
            actix_web::http::Method::GET | actix_web::http::Method::HEAD
        );
        let unchanged = read
            && req
                .headers()
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| {
                    v.split(',')
                        .any(|t| t.trim().trim_start_matches("W/") == tag)
                });
        if unchanged {
            return HttpResponse::NotModified()
                .insert_header((header::ETAG, tag))
                .finish();
        }
        HttpResponse::Ok()
            .insert_header((header::ETAG, tag))
            .json(self.body)
    }
}

/// In the spec: 200 with the object and its `ETag` (`crate::openapi` describes every `ETag` header,
/// and the conditional GET). The 304 is left out of the spec: only a client that sends
/// `If-None-Match` gets it, and listing it would widen every generated SDK's return type.
impl<T: ToSchema> IntoResponses for Versioned<T> {
    fn responses() -> SpecResponses {
        let ok = json_response::<T>().header("ETag", Header::default());
        BTreeMap::from([("200".to_owned(), RefOr::T(ok.build()))])
    }
}

/// 200 with a JSON body that has no version of its own (a page, a computed view, an outcome).
pub struct Returned<T>(pub T);

impl<T: Serialize> actix_web::Responder for Returned<T> {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        HttpResponse::Ok().json(self.0)
    }
}

/// In the spec: 200 with the body.
impl<T: ToSchema> IntoResponses for Returned<T> {
    fn responses() -> SpecResponses {
        BTreeMap::from([("200".to_owned(), RefOr::T(json_response::<T>().build()))])
    }
}

/// 200 with a JSON body that holds secrets shown this once (personal survey links): marked
/// `Cache-Control: no-store`, so neither a cache nor an idempotent replay keeps it.
pub struct ShownOnce<T>(pub T);

impl<T: Serialize> actix_web::Responder for ShownOnce<T> {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(self.0)
    }
}

/// In the spec: 200 with the body and its `Cache-Control: no-store`.
impl<T: ToSchema> IntoResponses for ShownOnce<T> {
    fn responses() -> SpecResponses {
        let ok = json_response::<T>().header(
            "Cache-Control",
            text_header("`no-store`: the answer is shown this once; a retry with the same `Idempotency-Key` runs the request again."),
        );
        BTreeMap::from([("200".to_owned(), RefOr::T(ok.build()))])
    }
}

/// 200 with an SVG chart, which a browser may cache privately for a minute.
pub struct SvgChart(pub String);

impl actix_web::Responder for SvgChart {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        HttpResponse::Ok()
            .content_type("image/svg+xml")
            .insert_header((header::CACHE_CONTROL, "private, max-age=60"))
            .body(self.0)
    }
}

/// In the spec: 200 with an `image/svg+xml` body.
impl IntoResponses for SvgChart {
    fn responses() -> SpecResponses {
        let chart = ResponseBuilder::new()
            .description("An SVG chart.")
            .content("image/svg+xml", Content::new(Some(String::schema())));
        BTreeMap::from([("200".to_owned(), RefOr::T(chart.build()))])
    }
}

/// 204 No Content: a delete that succeeded.
pub struct NoContent;

impl actix_web::Responder for NoContent {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        HttpResponse::NoContent().finish()
    }
}

/// In the spec: 204 without a body.
impl IntoResponses for NoContent {
    fn responses() -> SpecResponses {
        let deleted = ResponseBuilder::new().description("Deleted; no body.");
        BTreeMap::from([("204".to_owned(), RefOr::T(deleted.build()))])
    }
}

/// 201 Created with the new object, its `Location` (under the path the API is mounted at) and `ETag`.
pub struct Created<T> {
    /// The object's path below the API root, e.g. `/partners/{id}`.
    path: String,
    version: i64,
    body: T,
}

impl<T> Created<T> {
    /// The object `body` at `path` (below `/api/v1`), at `version`.
    pub fn at(path: String, version: i64, body: T) -> Self {
        Created {
            path,
            version,
            body,
        }
    }
}

/// In the spec: 201 with the object and its `Location` and `ETag` headers.
impl<T: ToSchema> IntoResponses for Created<T> {
    fn responses() -> SpecResponses {
        let created = json_response::<T>()
            .header("Location", text_header("The URL of the new object."))
            .header("ETag", Header::default());
        BTreeMap::from([("201".to_owned(), RefOr::T(created.build()))])
    }
}

impl<T: Serialize> actix_web::Responder for Created<T> {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, req: &actix_web::HttpRequest) -> HttpResponse {
        HttpResponse::build(StatusCode::CREATED)
            .insert_header((
                header::LOCATION,
                format!("{}{}", crate::api::api_root(req), self.path),
            ))
            .insert_header((header::ETAG, etag(self.version)))
            .json(self.body)
    }
}

/// Runs the `validator` rules of an input and turns failures into field errors.
pub fn validated<T: Validate>(input: T) -> ApiResult<T> {
    input
        .validate()
        .map_err(|errors| ApiError::validation(field_errors(&errors)))?;
    Ok(input)
}

/// Flattens validator errors into sorted field errors (`consent.given_at`, `contacts[2].email`).
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    fn walk(prefix: &str, errors: &ValidationErrors, out: &mut Vec<FieldError>) {
        for (field, kind) in errors.errors() {
            let path = if prefix.is_empty() {
                field.to_string()
            } else {
                format!("{prefix}.{field}")
            };
            match kind {
                ValidationErrorsKind::Field(list) => out.extend(list.iter().map(|e| {
                    FieldError::new(
                        &path,
                        e.message
                            .as_deref()
                            .map(str::to_owned)
                            .unwrap_or_else(|| format!("is invalid ({})", e.code)),
                    )
                })),
                ValidationErrorsKind::Struct(inner) => walk(&path, inner, out),
                ValidationErrorsKind::List(items) => {
                    for (index, inner) in items {
                        walk(&format!("{path}[{index}]"), inner, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk("", errors, &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field).then(a.message.cmp(&b.message)));
    out
}

/// Stored-time text to a UTC time.
pub(crate) fn time(text: &str) -> ApiResult<chrono::DateTime<chrono::Utc>> {
    crate::db::parse_timestamp(text)
}

/// Deserializes a present field (even `null`) as `Some(..)`, so PATCH can tell "clear" from "leave".
pub(crate) fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Serde helpers for names and keys: surrounding whitespace is removed before validation, so
/// `" "` is as empty as `""` and `" PN-1 "` is the key `PN-1`.
pub(crate) mod trimmed {
    use serde::{Deserialize, Deserializer};

    /// A trimmed string.
    pub fn string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        Ok(String::deserialize(deserializer)?.trim().to_owned())
    }

    /// A trimmed optional string.
    pub fn option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(|text| text.trim().to_owned()))
    }

    /// A trimmed string of a PATCH that tells `null` ("clear") from absent ("leave").
    pub fn double_option<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<String>>, D::Error> {
        option(deserializer).map(Some)
    }
}

/// A date range (both days included).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    /// First day (default: 12 months before `to`).
    pub from: Option<NaiveDate>,
    /// Last day (default: today).
    pub to: Option<NaiveDate>,
}

impl RangeQuery {
    /// The checked range, defaulting to the 12 months up to today.
    pub fn resolve(&self, today: NaiveDate) -> ApiResult<(NaiveDate, NaiveDate)> {
        let to = self.to.unwrap_or(today);
        let from = self.from.unwrap_or_else(|| {
            to.checked_sub_months(chrono::Months::new(12))
                .and_then(|d| d.succ_opt())
                .unwrap_or(to)
        });
        if from > to {
            return Err(ApiError::invalid_field("from", "must not be after `to`"));
        }
        if (to - from).num_days() > 3660
            || chrono::Datelike::year_ce(&from).1 < 2000
            || chrono::Datelike::year_ce(&to).1 > 2100
        {
            return Err(ApiError::invalid_field(
                "from",
                "the range must lie within 2000–2100 and span at most 10 years",
            ));
        }
        Ok((from, to))
    }
}

/// An answer's value, as JSON: a number (`rating`, `nps`), a string (an option value or text), or a list
/// of option values (`multi_choice`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum AnswerData {
    /// A scale value.
    Number(i64),
    /// An option value or free text.
    Text(String),
    /// The chosen option values.
    Choices(Vec<String>),
}

impl std::fmt::Display for AnswerData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerData::Number(n) => write!(f, "{n}"),
            AnswerData::Text(text) => f.write_str(text),
            AnswerData::Choices(choices) => f.write_str(&choices.join(", ")),
        }
    }
}

/// Checks a locale field: a language tag such as `en`, `bg` or `pt-BR`.
pub fn valid_locale(locale: &str) -> Result<(), validator::ValidationError> {
    if crate::domain::is_valid_locale(locale) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("locale")
            .with_message("must be a language tag such as en, bg or pt-BR".into()))
    }
}
