//! Responses for the partner and the administrator: answers, anonymity, voiding and historical import.

use std::collections::{BTreeMap, HashMap};

use actix_web::{get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{page_of, time, trimmed, validated, AnswerData, ListQuery, Returned, Versioned};
use crate::{
    api::extract::{row_from_json, Json, Query},
    auth::{AdminOnly, Caller, RecordReader, Role},
    db::{
        self,
        responses::{AnswerRow, ResponseRow},
    },
    domain::{
        ids::QuestionId,
        questionnaire::{Metric, Question},
    },
    error::{ApiError, ApiResult, FieldError},
    service::{
        self,
        responses::{Answered, ImportRow},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list_responses)
        .service(get_response)
        .service(void_response)
        .service(import_responses);
}

/// Who answered. Hidden from the partner when the respondent chose anonymity.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Respondent {
    /// The contact, when the response came through an invitation or names one.
    pub contact_id: Option<Uuid>,
    /// The invitation answered.
    pub invitation_id: Option<Uuid>,
    /// The customer-organization key the response counts for.
    pub organization_key: String,
}

/// Why and by whom a response was voided.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct VoidRecord {
    /// When.
    pub voided_at: DateTime<Utc>,
    /// Who (the administrator's token subject).
    pub voided_by: String,
    /// Why.
    pub reason: String,
}

/// One answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AnswerValue {
    /// The question.
    pub question_id: Uuid,
    /// The metric the question feeds, for standard questions.
    pub metric: Option<Metric>,
    /// The answer: a number, an option value, a list of option values, or text.
    pub value: AnswerData,
}

pub use crate::domain::response::ResponseSource;

/// A completed response.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(as = SurveyResponse)]
pub struct Response {
    /// The response's id.
    pub id: Uuid,
    /// The survey.
    pub survey_id: Uuid,
    /// The survey's office.
    pub office_id: Uuid,
    /// The office's membership.
    pub membership_id: Uuid,
    /// When it was completed. For an anonymous response the partner sees only the day.
    pub completed_at: DateTime<Utc>,
    /// Whether the respondent chose to stay anonymous.
    pub anonymous: bool,
    /// Answered live or imported.
    pub source: ResponseSource,
    /// The locale answered in; never kept for an anonymous response.
    pub locale: Option<String>,
    /// Who answered; `null` for the partner when the response is anonymous.
    pub respondent: Option<Respondent>,
    /// Set when the administrator voided it (it then no longer counts).
    pub void: Option<VoidRecord>,
    /// The answers.
    pub answers: Vec<AnswerValue>,
}

super::page_type!(
    ResponsePage,
    Response,
    id,
    "One page of responses, in a stable order."
);

fn answer_value(row: &AnswerRow, question: Option<&Question>) -> AnswerData {
    let multi =
        question.is_some_and(|q| q.kind == crate::domain::questionnaire::QuestionKind::MultiChoice);
    match (row.number_value, &row.text_value) {
        (Some(number), _) => AnswerData::Number(number),
        (None, Some(text)) if multi => serde_json::from_str(text)
            .map(AnswerData::Choices)
            .unwrap_or_else(|_| AnswerData::Text(text.clone())),
        (None, text) => AnswerData::Text(text.clone().unwrap_or_default()),
    }
}

/// Builds the representation for `role`: the partner never learns who gave an anonymous response.
fn response_view(
    row: ResponseRow,
    answers: &[AnswerRow],
    questions: &HashMap<QuestionId, Question>,
    role: Role,
) -> ApiResult<Response> {
    let anonymous = row.anonymous != 0;
    let hide = anonymous && role != Role::Admin;
    let mut completed_at = time(&row.completed_at)?;
    if hide {
        completed_at = completed_at
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc();
    }
    let respondent = (!hide).then(|| -> ApiResult<Respondent> {
        Ok(Respondent {
            contact_id: row.contact_id.map(Into::into),
            invitation_id: row.invitation_id.map(Into::into),
            organization_key: row.org_key.clone(),
        })
    });
    let void = match (&row.voided_at, &row.voided_by, &row.void_reason) {
        (Some(at), Some(by), Some(reason)) => Some(VoidRecord {
            voided_at: time(at)?,
            voided_by: by.clone(),
            reason: reason.clone(),
        }),
        _ => None,
    };
    Ok(Response {
        id: row.id.into(),
        survey_id: row.survey_id.into(),
        office_id: row.office_id.into(),
        membership_id: row.membership_id.into(),
        completed_at,
        anonymous,
        source: row.source,
        locale: row.locale.clone().filter(|_| !hide),
        respondent: respondent.transpose()?,
        void,
        answers: answers
            .iter()
            .filter(|a| a.response_id == row.id)
            .map(|a| {
                let question = questions.get(&a.question_id);
                Ok(AnswerValue {
                    question_id: a.question_id.into(),
                    metric: a.metric,
                    value: answer_value(a, question),
                })
            })
            .collect::<ApiResult<_>>()?,
    })
}

const SURVEY_ID: &str = "The survey's id.";
const RESPONSE_ID: &str = "The response's id.";

/// List a survey's responses
///
/// With their answers. The partner sees anonymous responses without who gave them; the vendor has no access (403).
#[utoipa::path(tag = "responses", params(("survey_id" = Uuid, Path, description = SURVEY_ID), ListQuery), responses(Returned<ResponsePage>))]
#[get("/surveys/{survey_id}/responses")]
async fn list_responses(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<ResponsePage>> {
    let (limit, after) = query.parse()?;
    let (survey_id, scope, role) = (path.into_inner(), principal.visibility(), principal.role);
    let read = db::run(&state.pool, move |conn| {
        service::responses::list_responses(conn, scope, survey_id.into(), after, limit)
    })
    .await?;
    let (answers, questions) = (read.answers, read.questions);
    Ok(Returned(page_of(read.responses, |row| {
        response_view(row, &answers, &questions, role)
    })?))
}

/// The representation of one response read, for `role`.
fn view_of(read: Answered<ResponseRow>, role: Role) -> ApiResult<Response> {
    response_view(read.responses, &read.answers, &read.questions, role)
}

/// Get a response
///
/// One completed response with its answers. For an anonymous response the partner sees no contact, invitation, organization or exact time; the administrator sees everything. The vendor gets 403.
#[utoipa::path(tag = "responses", params(("response_id" = Uuid, Path, description = RESPONSE_ID)), responses(Versioned<Response>))]
#[get("/responses/{response_id}")]
async fn get_response(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Response>> {
    let (id, scope, role) = (path.into_inner(), principal.visibility(), principal.role);
    let read = db::read(&state.pool, move |conn| {
        service::responses::get_response(conn, scope, id.into())
    })
    .await?;
    let view = view_of(read, role)?;
    let version = if view.void.is_some() { 2 } else { 1 };
    Ok(Versioned::new(version, view))
}

/// Why a response is voided.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"reason": "Submitted twice by the same customer; the later copy is void."}))]
#[serde(deny_unknown_fields)]
pub struct VoidResponse {
    /// The reason, 3–500 characters; it is kept with the response.
    #[validate(length(min = 3, max = 500, message = "must be 3 to 500 characters"))]
    #[schema(
        min_length = 3,
        max_length = 500,
        example = "Submitted by the partner's own employee"
    )]
    #[serde(deserialize_with = "trimmed::string")]
    pub reason: String,
}

/// Void a response
///
/// Administrator only. The response stays stored with who voided it, when and why, and no longer counts.
#[utoipa::path(tag = "responses", params(("response_id" = Uuid, Path, description = RESPONSE_ID)), request_body = VoidResponse, responses(Versioned<Response>))]
#[post("/responses/{response_id}/void")]
async fn void_response(
    state: web::Data<AppState>,
    principal: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<VoidResponse>,
) -> ApiResult<Versioned<Response>> {
    let input = validated(body.into_inner())?;
    let (id, subject, now) = (
        path.into_inner(),
        principal.subject.clone(),
        state.timestamp(),
    );
    let read = db::run(&state.pool, move |conn| {
        service::responses::void_response(conn, id.into(), &subject, &input.reason, &now)
    })
    .await?;
    let view = view_of(read, Role::Admin)?;
    tracing::info!(response_id = %id, voided_by = %principal.subject, "response voided");
    Ok(Versioned::new(2, view))
}

/// One historical response.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportedResponse {
    /// When it was originally completed (not in the future).
    pub completed_at: DateTime<Utc>,
    /// The respondent's email (its domain identifies the organization unless it is free mail).
    #[serde(default, deserialize_with = "trimmed::option")]
    pub email: Option<String>,
    /// The respondent's organization.
    #[serde(default, deserialize_with = "trimmed::option")]
    pub organization: Option<String>,
    /// A contact of the survey's office this response belongs to, if known.
    pub contact_id: Option<Uuid>,
    /// Whether the respondent chose anonymity.
    #[serde(default)]
    pub anonymous: bool,
    /// The locale answered in.
    pub locale: Option<String>,
    /// Answers by question id of the survey's questionnaire.
    #[schema(value_type = BTreeMap<String, AnswerData>)]
    pub answers: BTreeMap<Uuid, serde_json::Value>,
}

/// Historical responses to import, 1–1000.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"responses": [{"completed_at": "2025-11-20T10:15:00Z", "organization": "Contoso Ltd", "locale": "en", "answers": {"00000000-0000-7000-8000-000000000001": "somewhat_satisfied", "00000000-0000-7000-8000-000000000002": 8, "00000000-0000-7000-8000-000000000003": 3}}]}))]
#[serde(deny_unknown_fields)]
pub struct ImportResponses {
    /// The responses; each row is validated on its own.
    #[schema(value_type = Vec<ImportedResponse>, min_items = 1, max_items = 1000)]
    pub responses: Vec<serde_json::Value>,
}

/// What happened to one imported row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportedStatus {
    /// Stored; it counts like a live response.
    Created,
    /// Not stored: see `errors`.
    Invalid,
}

/// The outcome of one row.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ImportedRow {
    /// Position in `responses`, from 0.
    pub index: usize,
    /// What happened.
    pub status: ImportedStatus,
    /// The new response's id, when created.
    pub response_id: Option<Uuid>,
    /// Why the row is invalid.
    pub errors: Vec<FieldError>,
}

/// The outcome of an import.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ResponseImportResult {
    /// Rows stored.
    pub created: usize,
    /// Rows refused.
    pub invalid: usize,
    /// One entry per row, in order.
    pub rows: Vec<ImportedRow>,
}

impl From<ImportedResponse> for ImportRow {
    fn from(input: ImportedResponse) -> Self {
        ImportRow {
            completed_at: input.completed_at,
            email: input.email,
            organization: input.organization,
            contact_id: input.contact_id.map(Into::into),
            anonymous: input.anonymous,
            locale: input.locale,
            answers: input.answers,
        }
    }
}

/// Import historical responses
///
/// Administrator only. Moves completed responses from an earlier survey provider into an opened or closed
/// survey, with their original completion times; they count exactly like live ones. One transaction per
/// call, with an outcome per row.
#[utoipa::path(tag = "responses", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), request_body = ImportResponses, responses(Returned<ResponseImportResult>))]
#[post("/surveys/{survey_id}/responses/import")]
async fn import_responses(
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<ImportResponses>,
) -> ApiResult<Returned<ResponseImportResult>> {
    let rows = body.into_inner().responses;
    if rows.is_empty() || rows.len() > 1000 {
        return Err(ApiError::invalid_field(
            "responses",
            "must hold 1 to 1000 responses",
        ));
    }
    let rows: Vec<Result<ImportRow, Vec<FieldError>>> = rows
        .into_iter()
        .map(|value| row_from_json::<ImportedResponse>(value).map(ImportRow::from))
        .collect();
    let (survey_id, now) = (path.into_inner(), state.timestamp());
    let outcomes = db::run(&state.pool, move |conn| {
        service::responses::import_responses(conn, survey_id.into(), rows, &now)
    })
    .await?;
    let mut result = ResponseImportResult {
        created: 0,
        invalid: 0,
        rows: Vec::new(),
    };
    for (index, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Ok(response_id) => {
                result.created += 1;
                result.rows.push(ImportedRow {
                    index,
                    status: ImportedStatus::Created,
                    response_id: Some(response_id),
                    errors: Vec::new(),
                });
            }
            Err(errors) => {
                result.invalid += 1;
                result.rows.push(ImportedRow {
                    index,
                    status: ImportedStatus::Invalid,
                    response_id: None,
                    errors,
                });
            }
        }
    }
    Ok(Returned(result))
}
