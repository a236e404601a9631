//! The one error type of the API and its mapping to RFC 9457 `application/problem+json`.

use std::borrow::Cow;

use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use utoipa::{
    openapi::{
        schema::{ObjectBuilder, Schema, Type},
        RefOr,
    },
    PartialSchema, ToSchema,
};

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

/// Declares [`ErrorCode`] from one table: per code, its variant, its HTTP status and what it means.
macro_rules! error_codes {
    ($($variant:ident = $name:literal => $status:ident, $description:literal;)*) => {
        /// The machine-readable cause of an error: the `code` member of every problem document.
        ///
        /// Codes are stable: a client may branch on them, while `detail` is prose that may change.
        /// Each code always comes with the same HTTP status.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $(
                #[doc = $description]
                $variant,
            )*
        }

        impl ErrorCode {
            /// Every code, in the order of the table.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The HTTP status that every error with this code has.
            pub fn status(self) -> StatusCode {
                match self {
                    $(ErrorCode::$variant => StatusCode::$status,)*
                }
            }

            /// The code as it appears in a problem document, e.g. `survey_not_open`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)*
                }
            }

            /// What the code means, in one line.
            pub fn description(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $description,)*
                }
            }
        }
    };
}

error_codes! {
    BadRequest = "bad_request" => BAD_REQUEST, "The request could not be read (for example, its body could not be received).";
    MalformedJson = "malformed_json" => BAD_REQUEST, "The body is not valid JSON.";
    InvalidParameters = "invalid_parameters" => BAD_REQUEST, "A path or query parameter does not parse; see `errors` when it names them.";
    InvalidHeader = "invalid_header" => BAD_REQUEST, "A request header (`If-Match`, `Idempotency-Key`) is not valid.";
    Unauthorized = "unauthorized" => UNAUTHORIZED, "The bearer token is missing, expired or invalid.";
    Forbidden = "forbidden" => FORBIDDEN, "The caller's role may not do this.";
    NotFound = "not_found" => NOT_FOUND, "No such object or operation, or not visible to the caller.";
    PeriodNotClosed = "period_not_closed" => NOT_FOUND, "The period has no snapshots because it is not closed yet.";
    Conflict = "conflict" => CONFLICT, "The request conflicts with the current state.";
    AlreadyExists = "already_exists" => CONFLICT, "Another object already holds one of these unique values.";
    InUse = "in_use" => CONFLICT, "The object is still referenced by other objects (delete those first).";
    SurveyNotOpen = "survey_not_open" => CONFLICT, "The survey is not open, so it cannot send invitations or take imported responses.";
    SurveyNotDraft = "survey_not_draft" => CONFLICT, "The survey was opened: its questionnaire and locales are frozen and it cannot be deleted.";
    InvalidStatusTransition = "invalid_status_transition" => CONFLICT, "The survey's current status does not allow this status change.";
    TooManyQuestions = "too_many_questions" => CONFLICT, "The survey already has the maximum number of custom questions.";
    InvitationAlreadyAnswered = "invitation_already_answered" => CONFLICT, "The personal survey link was already answered.";
    InvitationNotReissuable = "invitation_not_reissuable" => CONFLICT, "Only an unanswered, unexpired invitation gets a new link.";
    ResponseAlreadyVoided = "response_already_voided" => CONFLICT, "The response is already voided.";
    ContactErased = "contact_erased" => CONFLICT, "The contact's personal data was erased; it cannot be changed.";
    PeriodNotEnded = "period_not_ended" => CONFLICT, "The period has not ended yet, so it cannot be closed.";
    PeriodAlreadyClosed = "period_already_closed" => CONFLICT, "The period is already closed.";
    IdempotencyKeyInFlight = "idempotency_key_in_flight" => CONFLICT, "The first request with this `Idempotency-Key` is still running; retry shortly.";
    LinkExpired = "link_expired" => GONE, "The personal survey link expired, its survey closed or its contact was erased.";
    CursorExpired = "cursor_expired" => GONE, "Events after this change-feed cursor were deleted (kept at least 30 days): read the current state again and follow the feed from its start.";
    VersionMismatch = "version_mismatch" => PRECONDITION_FAILED, "`If-Match` does not match the current `ETag`: read the object again.";
    PayloadTooLarge = "payload_too_large" => PAYLOAD_TOO_LARGE, "The body is larger than allowed.";
    UnsupportedMediaType = "unsupported_media_type" => UNSUPPORTED_MEDIA_TYPE, "The body is not `application/json`.";
    ValidationFailed = "validation_failed" => UNPROCESSABLE_ENTITY, "Well-formed but invalid input; `errors` names each field at fault.";
    IdempotencyKeyReused = "idempotency_key_reused" => UNPROCESSABLE_ENTITY, "The `Idempotency-Key` was already used with a different request.";
    RateLimited = "rate_limited" => TOO_MANY_REQUESTS, "Too many requests from this token (or, on the respondent endpoints, this client); wait `Retry-After` seconds.";
    Internal = "internal" => INTERNAL_SERVER_ERROR, "An unexpected error; it was logged with the request id.";
    Unavailable = "unavailable" => SERVICE_UNAVAILABLE, "The database is unavailable or busy; retry after `Retry-After` seconds.";
}

impl PartialSchema for ErrorCode {
    /// A string enum whose description lists every code with its status and meaning.
    fn schema() -> RefOr<Schema> {
        let mut description = String::from(
            "The machine-readable cause of an error, stable across versions (unlike `detail`). \
             Each code always comes with the same status:\n",
        );
        for code in ErrorCode::ALL {
            description.push_str(&format!(
                "\n- `{}` ({}): {}",
                code.as_str(),
                code.status().as_u16(),
                code.description()
            ));
        }
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(ErrorCode::ALL.iter().map(|code| code.as_str())))
            .description(Some(description))
            .into()
    }
}

impl ToSchema for ErrorCode {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorCode")
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
    /// The machine-readable cause; stable, unlike `detail`.
    pub code: ErrorCode,
    /// What went wrong in this occurrence, in words a developer can act on.
    pub detail: String,
    /// Field-level errors, present on validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// A used-up request limit: what a 429 tells the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitExceeded {
    /// Whose limit, as the detail names it ("this token's", "this client's").
    pub whose: &'static str,
    /// Requests allowed per window.
    pub limit: u32,
    /// The window, in seconds.
    pub window_seconds: u64,
    /// Seconds until the window resets.
    pub retry_after: u64,
}

/// The `RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers) of one policy,
/// `"default"`: `limit` requests per `window_seconds`, `remaining` of them left for `reset` seconds
/// (names in lower case, as HTTP/2 sends them).
pub fn rate_limit_headers(
    limit: u32,
    window_seconds: u64,
    remaining: u32,
    reset: u64,
) -> [(&'static str, String); 2] {
    [
        (
            "ratelimit-policy",
            format!("\"default\";q={limit};w={window_seconds}"),
        ),
        ("ratelimit", format!("\"default\";r={remaining};t={reset}")),
    ]
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
    /// A request limit is used up (429, with `Retry-After`, `RateLimit` and `RateLimit-Policy`).
    #[error(
        "{} limit of {} requests per {} seconds is used up; retry in {} seconds",
        .0.whose, .0.limit, .0.window_seconds, .0.retry_after
    )]
    TooManyRequests(LimitExceeded),
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
    /// A cause with its own code (see [`ApiError::coded`]); the status is the code's.
    #[error("{detail}")]
    Coded {
        /// The cause.
        code: ErrorCode,
        /// What went wrong, in words a developer can act on.
        detail: String,
    },
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

    /// An error with a specific code; its status is the code's status in the table.
    pub fn coded(code: ErrorCode, detail: impl Into<String>) -> Self {
        ApiError::Coded {
            code,
            detail: detail.into(),
        }
    }

    /// A 409 with a specific code (one of the table's 409 codes).
    pub fn conflict(code: ErrorCode, detail: impl Into<String>) -> Self {
        debug_assert_eq!(code.status(), StatusCode::CONFLICT, "{code:?} is not a 409");
        Self::coded(code, detail)
    }

    /// The error's code: the one it was given, or its variant's default.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::InvalidParameters { .. } => ErrorCode::InvalidParameters,
            ApiError::Unauthorized(_) => ErrorCode::Unauthorized,
            ApiError::Forbidden(_) => ErrorCode::Forbidden,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::Conflict(_) => ErrorCode::Conflict,
            ApiError::Gone(_) => ErrorCode::LinkExpired,
            ApiError::TooManyRequests(_) => ErrorCode::RateLimited,
            ApiError::PreconditionFailed => ErrorCode::VersionMismatch,
            ApiError::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::Validation { .. } => ErrorCode::ValidationFailed,
            ApiError::Unavailable(_) => ErrorCode::Unavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
            ApiError::Coded { code, .. } => *code,
        }
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

    /// The last segment of the problem `type`: one per status.
    fn slug(&self) -> &'static str {
        match self.status_code() {
            StatusCode::BAD_REQUEST => "bad-request",
            StatusCode::UNAUTHORIZED => "unauthorized",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::CONFLICT => "conflict",
            StatusCode::GONE => "gone",
            StatusCode::TOO_MANY_REQUESTS => "too-many-requests",
            StatusCode::PRECONDITION_FAILED => "precondition-failed",
            StatusCode::PAYLOAD_TOO_LARGE => "payload-too-large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported-media-type",
            StatusCode::UNPROCESSABLE_ENTITY => "validation",
            StatusCode::SERVICE_UNAVAILABLE => "unavailable",
            _ => "internal",
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
            code: self.code(),
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
        self.code().status()
    }

    fn error_response(&self) -> HttpResponse {
        self.log_if_internal();
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        match (self, self.code()) {
            (ApiError::TooManyRequests(exceeded), _) => {
                response.insert_header(("Retry-After", exceeded.retry_after.to_string()));
                for header in rate_limit_headers(
                    exceeded.limit,
                    exceeded.window_seconds,
                    0,
                    exceeded.retry_after,
                ) {
                    response.insert_header(header);
                }
            }
            (_, ErrorCode::Unauthorized) => {
                response.insert_header(("WWW-Authenticate", "Bearer"));
            }
            (_, ErrorCode::Unavailable) => {
                response.insert_header(("Retry-After", "5"));
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
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => ApiError::conflict(
                ErrorCode::AlreadyExists,
                "another object already has one of these unique values; read it and retry",
            ),
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => ApiError::conflict(
                ErrorCode::InUse,
                "the object is still referenced by other objects",
            ),
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => {
                tracing::warn!(cause = %info.message(), "database connection lost");
                ApiError::Unavailable("the database is unavailable; retry shortly".into())
            }
            // A connection that an earlier failure left unusable (a lost PostgreSQL connection):
            // the pool discards it, so a retry gets another.
            Error::BrokenTransactionManager => {
                ApiError::Unavailable("the database connection was lost; retry shortly".into())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_serializes_as_its_table_name() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::json!(code.as_str())
            );
            let parsed: ErrorCode =
                serde_json::from_value(serde_json::json!(code.as_str())).unwrap();
            assert_eq!(parsed, *code);
        }
        let names: std::collections::BTreeSet<_> =
            ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), ErrorCode::ALL.len(), "codes are unique");
    }

    #[test]
    fn the_status_comes_from_the_code() {
        let coded = ApiError::conflict(ErrorCode::SurveyNotOpen, "closed");
        assert_eq!(coded.status_code(), StatusCode::CONFLICT);
        let problem = coded.problem();
        assert_eq!(problem.code, ErrorCode::SurveyNotOpen);
        assert_eq!(problem.problem_type, "urn:csat-index:problem:conflict");
        assert_eq!(problem.detail, "closed");
        let reused = ApiError::coded(ErrorCode::IdempotencyKeyReused, "reused");
        assert_eq!(reused.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            reused.problem().problem_type,
            "urn:csat-index:problem:validation"
        );
        assert_eq!(
            ApiError::PreconditionFailed.problem().code,
            ErrorCode::VersionMismatch
        );
        assert_eq!(
            ApiError::Internal("secret".into()).problem().code,
            ErrorCode::Internal
        );
        let json = serde_json::to_value(ApiError::Forbidden("no".into()).problem()).unwrap();
        assert_eq!(json["code"], "forbidden");
    }
}
