//! The integrator's own ids: what every `external_id` accepts, and the answer of an upsert by one
//! (`PUT …/by-external-id/{external_id}`), which creates or replaces the object it names.

use std::collections::BTreeMap;

use actix_web::{http::header, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::{
    openapi::{header::Header, RefOr},
    IntoResponses, ToSchema,
};

use super::{etag, json_response, text_header, Created, SpecResponses, Versioned};
use crate::error::{ApiError, ApiResult, FieldError};

/// The longest external id, in characters.
pub const MAX_LEN: usize = 128;

/// The description of an `external_id` path parameter.
pub const PATH_DOC: &str = "The integrator's own id of the object (1–128 characters, no control characters, no leading or trailing whitespace; percent-encode it in the path).";

/// Why `id` is not an external id: 1–128 characters, none of them a control character, and no
/// whitespace at either end (ids are compared exactly, so a stray space would make another id).
pub fn problem(id: &str) -> Option<&'static str> {
    let length = id.chars().count();
    if length == 0 || length > MAX_LEN {
        Some("must be 1 to 128 characters")
    } else if id.chars().any(char::is_control) {
        Some("must not contain control characters")
    } else if id.starts_with(char::is_whitespace) || id.ends_with(char::is_whitespace) {
        Some("must not start or end with whitespace")
    } else {
        None
    }
}

/// The `validator` rule of an `external_id` field.
pub fn valid(id: &str) -> Result<(), validator::ValidationError> {
    match problem(id) {
        None => Ok(()),
        Some(message) => {
            Err(validator::ValidationError::new("external_id").with_message(message.into()))
        }
    }
}

/// The field errors of an optional `external_id` of a PATCH (`null` clears it and is always valid).
pub fn patch_errors(id: Option<&Option<String>>) -> Vec<FieldError> {
    match id {
        Some(Some(id)) => problem(id)
            .map(|message| vec![FieldError::new("external_id", message)])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The external id of an upsert: the path's (400 when it cannot be one), which the body may repeat
/// but not contradict (422 otherwise).
pub fn of_upsert(path: &str, body: Option<&str>) -> ApiResult<String> {
    of_read(path)?;
    match body {
        Some(body) if body != path => Err(ApiError::invalid_field(
            "external_id",
            "must be omitted or equal the external id in the path",
        )),
        _ => Ok(path.to_owned()),
    }
}

/// The external id of a read by one: 400 naming the path parameter when it cannot be one.
pub fn of_read(path: &str) -> ApiResult<&str> {
    match problem(path) {
        None => Ok(path),
        Some(message) => Err(ApiError::invalid_parameters(vec![FieldError::new(
            "external_id",
            message,
        )])),
    }
}

/// The answer to an upsert: 201 with `Location` when it created the object, else 200 with the object
/// (changed or, when the body changed nothing, as it was: same `ETag`, same `updated_at`).
pub enum Upserted<T> {
    /// Created.
    Created(Created<T>),
    /// Replaced, or already as asked.
    Existing(Versioned<T>),
}

impl<T: Serialize> actix_web::Responder for Upserted<T> {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, req: &HttpRequest) -> HttpResponse {
        match self {
            Upserted::Created(created) => created.respond_to(req),
            Upserted::Existing(Versioned { version, body }) => HttpResponse::Ok()
                .insert_header((header::ETAG, etag(version)))
                .json(body),
        }
    }
}

/// In the spec: 200 with the object and its `ETag`, or 201 with its `Location` and `ETag`.
impl<T: ToSchema> IntoResponses for Upserted<T> {
    fn responses() -> SpecResponses {
        let existing = json_response::<T>().header("ETag", Header::default());
        let created = json_response::<T>()
            .header("Location", text_header("The URL of the new object."))
            .header("ETag", Header::default());
        BTreeMap::from([
            ("200".to_owned(), RefOr::T(existing.build())),
            ("201".to_owned(), RefOr::T(created.build())),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_ids_are_short_printable_and_exact() {
        for good in ["a", "001Dn00000Abc", "CRM/42 ä", &"x".repeat(128)] {
            assert_eq!(problem(good), None, "{good}");
        }
        assert!(problem("").is_some());
        assert!(problem(&"x".repeat(129)).is_some());
        assert!(problem(&"ä".repeat(128)).is_none());
        assert!(problem("a\nb").is_some());
        assert!(problem("a\u{7f}").is_some());
        assert!(problem(" a").is_some());
        assert!(problem("a ").is_some());
    }

    #[test]
    fn an_upsert_body_may_repeat_the_path_id_but_not_contradict_it() {
        assert_eq!(of_upsert("X-1", None).unwrap(), "X-1");
        assert_eq!(of_upsert("X-1", Some("X-1")).unwrap(), "X-1");
        assert!(of_upsert("X-1", Some("X-2")).is_err());
        assert!(of_upsert("", None).is_err());
    }
}
