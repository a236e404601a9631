//! Body and query extractors whose failures are problem documents naming the field at fault.

use std::future::{ready, Ready};

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde_json::Value;
use utoipa::{openapi::path::ParameterIn, IntoParams};

use crate::{
    domain::{has_control_characters, CONTROL_CHARACTERS},
    error::{ApiError, ApiResult, FieldError},
};

/// A JSON body of type `T`. Malformed JSON, a wrong content type or an oversize body are answered by
/// the scope's `JsonConfig`; text holding control characters, a value of the wrong type, an unknown
/// enum value or field, and a missing field are 422 with the field's path in `errors`.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The body.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Json::<Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(value) = body.await?;
            Ok(Json(from_json(value)?))
        })
    }
}

/// Converts a JSON document into `T`, refusing control characters in any string first.
pub fn from_json<T: DeserializeOwned>(value: Value) -> ApiResult<T> {
    let mut errors = Vec::new();
    find_control_characters(String::new(), &value, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        ApiError::validation(vec![field_error(&path, &error.inner().to_string())])
    })
}

/// Converts one row of a bulk request; its errors are field errors of the row.
pub fn row_from_json<T: DeserializeOwned>(value: Value) -> Result<T, Vec<FieldError>> {
    from_json(value).map_err(|error| match error {
        ApiError::Validation { errors, .. } => errors,
        other => vec![FieldError::new("", other.to_string())],
    })
}

fn find_control_characters(path: String, value: &Value, errors: &mut Vec<FieldError>) {
    match value {
        Value::String(text) if has_control_characters(text) => {
            errors.push(FieldError::new(path, CONTROL_CHARACTERS));
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                find_control_characters(format!("{path}[{index}]"), item, errors);
            }
        }
        Value::Object(fields) => {
            for (name, item) in fields {
                let inner = join(&path, &name.escape_debug().to_string());
                if has_control_characters(name) {
                    errors.push(FieldError::new(&inner, CONTROL_CHARACTERS));
                } else {
                    find_control_characters(inner, item, errors);
                }
            }
        }
        _ => {}
    }
}

fn join(path: &str, name: &str) -> String {
    match path {
        "" | "." => name.to_owned(),
        _ => format!("{path}.{name}"),
    }
}

/// A field error from serde's message, reworded for people: a missing or unknown field is named
/// as the field itself, an unknown enum value lists the accepted ones.
fn field_error(path: &str, message: &str) -> FieldError {
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    if let Some(name) = quoted("missing field `") {
        return FieldError::new(join(path, &name), "is required");
    }
    if message.starts_with("unknown field `") {
        let expected = message.split_once(", expected ").map(|(_, e)| e);
        let hint = expected.map_or(String::new(), |e| format!(" (expected {e})"));
        return FieldError::new(path, format!("is not a field of this object{hint}"));
    }
    let field = join(path, "");
    let field = field.trim_end_matches('.');
    let field = if field.is_empty() { "body" } else { field };
    match message.split_once(", expected ") {
        Some((found, expected)) if found.starts_with("unknown variant") => {
            let accepted: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            FieldError::new(field, format!("must be one of `{}`", accepted.join("`, `")))
        }
        _ => FieldError::new(field, message.to_owned()),
    }
}

/// Query parameters of type `T`. A value that does not parse, or holds control characters, is 400
/// naming the parameter and the form it takes (read from `T`'s OpenAPI description).
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> std::ops::Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + IntoParams> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse_query(req.query_string()).map(Query))
    }
}

fn parse_query<T: DeserializeOwned + IntoParams>(query: &str) -> ApiResult<T> {
    let pairs = form_urlencoded::parse(query.as_bytes());
    let errors: Vec<FieldError> = pairs
        .filter(|(_, value)| has_control_characters(value))
        .map(|(name, _)| FieldError::new(name, CONTROL_CHARACTERS))
        .collect();
    if !errors.is_empty() {
        return Err(ApiError::invalid_parameters(errors));
    }
    serde_path_to_error::deserialize(serde_urlencoded::Deserializer::new(pairs)).map_err(|error| {
        let name = error.path().to_string();
        let fallback = field_error(&name, &error.inner().to_string());
        let message = expected_form::<T>(&fallback.field).unwrap_or(fallback.message);
        ApiError::invalid_parameters(vec![FieldError::new(fallback.field, message)])
    })
}

/// What a query parameter must look like, from the same description the OpenAPI document shows.
fn expected_form<T: IntoParams>(name: &str) -> Option<String> {
    let parameter = T::into_params(|| Some(ParameterIn::Query))
        .into_iter()
        .find(|p| p.name == name)?;
    let schema = serde_json::to_value(parameter.schema?).ok()?;
    let non_null_type = match &schema["type"] {
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null"),
        other => other.as_str(),
    };
    match (non_null_type, schema["format"].as_str()) {
        (_, Some("date")) => Some("must be a date YYYY-MM-DD".into()),
        (_, Some("uuid")) => Some("must be a UUID".into()),
        (Some("integer"), _) => Some(
            match (schema["minimum"].as_i64(), schema["maximum"].as_i64()) {
                (Some(min), Some(max)) => format!("must be a whole number from {min} to {max}"),
                _ => "must be a whole number".into(),
            },
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        kind: Kind,
        rows: Vec<Row>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Rating,
        Text,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Row {
        email: String,
    }

    fn error_of(value: Value) -> (String, String) {
        match from_json::<Body>(value) {
            Err(ApiError::Validation { errors, .. }) => {
                (errors[0].field.clone(), errors[0].message.clone())
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn body_errors_name_the_field() {
        let body = |rows: Value| serde_json::json!({"name": "a", "kind": "rating", "rows": rows});
        assert_eq!(
            error_of(body(
                serde_json::json!([{"email": "x"}, {"email": "a\u{0}b"}])
            )),
            ("rows[1].email".into(), CONTROL_CHARACTERS.into())
        );
        assert_eq!(
            error_of(body(serde_json::json!([{"email": 7}]))).0,
            "rows[0].email"
        );
        assert_eq!(
            error_of(body(serde_json::json!([{}]))),
            ("rows[0].email".into(), "is required".into())
        );
        assert_eq!(
            error_of(serde_json::json!({"name": "a", "kind": "stars", "rows": []})),
            ("kind".into(), "must be one of `rating`, `text`".into())
        );
        assert_eq!(
            error_of(serde_json::json!({"kind": "text", "rows": []})),
            ("name".into(), "is required".into())
        );
        assert_eq!(
            error_of(serde_json::json!({"name": "a", "kind": "text", "rows": [], "nmae": 1})).0,
            "nmae"
        );
        assert!(from_json::<Body>(body(serde_json::json!([{"email": "tab\there\r\n"}]))).is_ok());
    }

    #[derive(Debug, serde::Deserialize, IntoParams)]
    #[allow(dead_code)]
    struct Params {
        as_of: Option<chrono::NaiveDate>,
        #[param(minimum = 1, maximum = 200)]
        limit: Option<i64>,
        country: Option<String>,
    }

    fn parameter_error(query: &str) -> (String, String) {
        match parse_query::<Params>(query) {
            Err(ApiError::InvalidParameters { errors, .. }) => {
                (errors[0].field.clone(), errors[0].message.clone())
            }
            other => panic!("expected a parameter error, got {other:?}"),
        }
    }

    #[test]
    fn query_errors_name_the_parameter_and_its_form() {
        assert_eq!(
            parameter_error("as_of=2024-02-30"),
            ("as_of".into(), "must be a date YYYY-MM-DD".into())
        );
        assert_eq!(
            parameter_error("limit=9223372036854775808"),
            (
                "limit".into(),
                "must be a whole number from 1 to 200".into()
            )
        );
        assert_eq!(
            parameter_error("country=%00"),
            ("country".into(), CONTROL_CHARACTERS.into())
        );
        let fine = parse_query::<Params>("as_of=2024-02-29&limit=5&other=x").unwrap();
        assert_eq!(fine.limit, Some(5));
    }
}
