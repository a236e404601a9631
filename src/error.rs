//! The one error type of the API and its mapping to RFC 9457 `application/problem+json`.

use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One invalid input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    /// The field's path in the request, e.g. `email` or `contacts[3].email`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    /// A field error from a path and a message.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem document, the body of every error response.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI reference that identifies the problem type.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence, in words a developer can act on.
    pub detail: String,
    /// Field-level errors, present on validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// Every way a request can fail.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed (syntax, bad path or query parameter).
    #[error("{0}")]
    BadRequest(String),
    /// A path or query parameter does not parse (400), with the parameters at fault.
    #[error("{detail}")]
    InvalidParameters {
        /// Summary of what is wrong.
        detail: String,
        /// The invalid parameters.
        errors: Vec<FieldError>,
    },
    /// Missing or invalid credentials.
    #[error("{0}")]
    Unauthorized(String),
    /// Authenticated, but the role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// No such object, or not visible to the caller.
    #[error("{0}")]
    NotFound(String),
    /// The request conflicts with the current state (duplicate, in use).
    #[error("{0}")]
    Conflict(String),
    /// The object existed but is gone for good (an expired survey link).
    #[error("{0}")]
    Gone(String),
    /// Too many requests from this client; retry after the given seconds.
    #[error("too many requests; retry in {0} seconds")]
    TooManyRequests(u64),
    /// `If-Match` does not match the current `ETag`.
    #[error(
        "the object was changed since it was read: fetch it again and retry with its current ETag"
    )]
    PreconditionFailed,
    /// The body is larger than allowed.
    #[error("{0}")]
    PayloadTooLarge(String),
    /// The body is not JSON.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Well-formed, but semantically invalid input.
    #[error("{detail}")]
    Validation {
        /// Summary of what is wrong.
        detail: String,
        /// The invalid fields.
        errors: Vec<FieldError>,
    },
    /// The database is unreachable or the pool is exhausted.
    #[error("{0}")]
    Unavailable(String),
    /// A bug or an unexpected failure; details go to the log only.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    /// A validation error (422) with field errors.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let (detail, errors) = summarize(errors);
        ApiError::Validation { detail, errors }
    }

    /// A 400 naming the path or query parameters that do not parse.
    pub fn invalid_parameters(errors: Vec<FieldError>) -> Self {
        let (detail, errors) = summarize(errors);
        ApiError::InvalidParameters { detail, errors }
    }

    /// A validation error on one field.
    pub fn invalid_field(field: &str, message: &str) -> Self {
        Self::validation(vec![FieldError::new(field, message)])
    }

    /// Logs the cause of an internal error (its problem document only says that it was logged).
    pub fn log_if_internal(&self) {
        if let ApiError::Internal(cause) = self {
            tracing::error!(cause = %cause, "internal error");
        }
    }

    fn slug(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) | ApiError::InvalidParameters { .. } => "bad-request",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound(_) => "not-found",
            ApiError::Conflict(_) => "conflict",
            ApiError::Gone(_) => "gone",
            ApiError::TooManyRequests(_) => "too-many-requests",
            ApiError::PreconditionFailed => "precondition-failed",
            ApiError::PayloadTooLarge(_) => "payload-too-large",
            ApiError::UnsupportedMediaType(_) => "unsupported-media-type",
            ApiError::Validation { .. } => "validation",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        let detail = match self {
            ApiError::Internal(_) => "an unexpected error occurred; it has been logged".to_owned(),
            other => other.to_string(),
        };
        Problem {
            problem_type: format!("urn:csat-index:problem:{}", self.slug()),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail,
            errors: match self {
                ApiError::Validation { errors, .. }
                | ApiError::InvalidParameters { errors, .. } => errors.clone(),
                _ => Vec::new(),
            },
        }
    }
}

/// Field errors in a stable order, and a detail that names the field when there is one.
fn summarize(mut errors: Vec<FieldError>) -> (String, Vec<FieldError>) {
    errors.sort_by(|a, b| a.field.cmp(&b.field).then(a.message.cmp(&b.message)));
    let detail = match errors.as_slice() {
        [one] => format!("`{}` {}", one.field, one.message),
        _ => format!("{} fields are invalid", errors.len()),
    };
    (detail, errors)
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::InvalidParameters { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Gone(_) => StatusCode::GONE,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.log_if_internal();
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        match self {
            ApiError::Unauthorized(_) => {
                response.insert_header(("WWW-Authenticate", "Bearer"));
            }
            ApiError::Unavailable(_) => {
                response.insert_header(("Retry-After", "5"));
            }
            ApiError::TooManyRequests(seconds) => {
                response.insert_header(("Retry-After", seconds.to_string()));
            }
            _ => {}
        }
        response.json(self.problem())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match error {
            Error::NotFound => ApiError::NotFound("no such object".to_owned()),
            // A concurrent write won the race past the use case's own check; the database's text
            // (table and column names) is not for clients.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => ApiError::Conflict(
                "another object already has one of these unique values; read it and retry".into(),
            ),
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                ApiError::Conflict("the object is still referenced by other objects".to_owned())
            }
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => {
                tracing::warn!(cause = %info.message(), "database connection lost");
                ApiError::Unavailable("the database is unavailable; retry shortly".into())
            }
            Error::DatabaseError(_, ref info) if is_sqlite_busy(info.message()) => {
                ApiError::Unavailable("the database is busy; retry shortly".to_owned())
            }
            other => ApiError::Internal(format!("database error: {other}")),
        }
    }
}

fn is_sqlite_busy(message: &str) -> bool {
    message.contains("database is locked") || message.contains("database is busy")
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        ApiError::Unavailable(format!("no database connection available: {error}"))
    }
}

/// Result type of handlers and queries.
pub type ApiResult<T> = Result<T, ApiError>;
