//! Responses for the partner and the administrator: answers, anonymity, voiding and historical import.

use std::collections::{BTreeMap, HashMap};

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{page_of, read_response, time, trimmed, updated_response, validated, ListQuery};
use crate::{
    api::extract::{row_from_json, Json, Query},
    auth::{AdminOnly, Caller, RecordReader, Role, Visibility},
    db::{
        self,
        responses::{AnswerRow, ResponseRow},
        DbConnection,
    },
    domain::{
        org_key::org_key,
        questionnaire::{validate_answers, Metric, Question},
    },
    error::{ApiError, ApiResult, ErrorCode, FieldError},
    respond::answer_row,
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

/// An answer's value, as JSON: a number (`rating`, `nps`), a string (an option value or text), or a list
/// of option values (`multi_choice`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
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

/// Where a response came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResponseSource {
    /// Answered through a personal link.
    Live,
    /// Imported from an earlier survey provider.
    Import,
}

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
    questions: &HashMap<String, Question>,
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
            contact_id: row.contact_id.as_deref().map(db::parse_uuid).transpose()?,
            invitation_id: row
                .invitation_id
                .as_deref()
                .map(db::parse_uuid)
                .transpose()?,
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
        id: db::parse_uuid(&row.id)?,
        survey_id: db::parse_uuid(&row.survey_id)?,
        office_id: db::parse_uuid(&row.office_id)?,
        membership_id: db::parse_uuid(&row.membership_id)?,
        completed_at,
        anonymous,
        source: db::parse_enum(&row.source)?,
        locale: row.locale.clone().filter(|_| !hide),
        respondent: respondent.transpose()?,
        void,
        answers: answers
            .iter()
            .filter(|a| a.response_id == row.id)
            .map(|a| {
                let question = questions.get(&a.question_id);
                Ok(AnswerValue {
                    question_id: db::parse_uuid(&a.question_id)?,
                    metric: a.metric.as_deref().map(db::parse_enum).transpose()?,
                    value: answer_value(a, question),
                })
            })
            .collect::<ApiResult<_>>()?,
    })
}

fn frozen_questions(conn: &mut DbConnection, survey_id: &str) -> ApiResult<Vec<Question>> {
    let survey = db::surveys::get(conn, Visibility::All, db::parse_uuid(survey_id)?)?;
    serde_json::from_str(survey.questionnaire.as_deref().unwrap_or("[]"))
        .map_err(|e| ApiError::Internal(format!("frozen questionnaire is invalid: {e}")))
}

fn by_id(questions: Vec<Question>) -> HashMap<String, Question> {
    questions
        .into_iter()
        .map(|q| (q.id.to_string(), q))
        .collect()
}

const SURVEY_ID: &str = "The survey's id.";
const RESPONSE_ID: &str = "The response's id.";

/// List a survey's responses
///
/// With their answers. The partner sees anonymous responses without who gave them; the vendor has no access (403).
#[utoipa::path(tag = "responses", params(("survey_id" = Uuid, Path, description = SURVEY_ID), ListQuery), responses((status = 200, description = "A page of responses.", body = ResponsePage)))]
#[get("/surveys/{survey_id}/responses")]
async fn list_responses(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<web::Json<ResponsePage>> {
    let (limit, after) = query.parse()?;
    let (survey_id, scope, role) = (path.into_inner(), principal.visibility(), principal.role);
    let page = db::run(&state.pool, move |conn| {
        let survey = db::surveys::get(conn, scope, survey_id)?;
        let rows = db::responses::list_for_survey(conn, &survey.id, after, limit)?;
        let ids: Vec<String> = rows.0.iter().map(|r| r.id.clone()).collect();
        let answers = db::responses::answers_of(conn, &ids)?;
        let questions = by_id(frozen_questions(conn, &survey.id)?);
        page_of(rows, |row| response_view(row, &answers, &questions, role))
    })
    .await?;
    Ok(web::Json(page))
}

fn load_view(
    conn: &mut DbConnection,
    scope: Visibility,
    id: Uuid,
    role: Role,
) -> ApiResult<Response> {
    let row = db::responses::get(conn, scope, id)?;
    let answers = db::responses::answers_of(conn, std::slice::from_ref(&row.id))?;
    let questions = by_id(frozen_questions(conn, &row.survey_id)?);
    response_view(row, &answers, &questions, role)
}

/// Get a response
///
/// One completed response with its answers. For an anonymous response the partner sees no contact, invitation, organization or exact time; the administrator sees everything. The vendor gets 403.
#[utoipa::path(tag = "responses", params(("response_id" = Uuid, Path, description = RESPONSE_ID)), responses((status = 200, description = "The response.", body = Response, headers(("ETag" = String)))))]
#[get("/responses/{response_id}")]
async fn get_response(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (id, scope, role) = (path.into_inner(), principal.visibility(), principal.role);
    let view = db::run(&state.pool, move |conn| load_view(conn, scope, id, role)).await?;
    let version = if view.void.is_some() { 2 } else { 1 };
    Ok(read_response(&req, version, &view))
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
#[utoipa::path(tag = "responses", params(("response_id" = Uuid, Path, description = RESPONSE_ID)), request_body = VoidResponse, responses((status = 200, description = "The voided response.", body = Response, headers(("ETag" = String)))))]
#[post("/responses/{response_id}/void")]
async fn void_response(
    state: web::Data<AppState>,
    principal: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<VoidResponse>,
) -> ApiResult<HttpResponse> {
    let input = validated(body.into_inner())?;
    let (id, subject, now) = (
        path.into_inner(),
        principal.subject.clone(),
        state.timestamp(),
    );
    let view = db::run(&state.pool, move |conn| {
        db::write_tx(conn, |conn| {
            db::responses::void(conn, id, &subject, input.reason.trim(), &now)?;
            load_view(conn, Visibility::All, id, Role::Admin)
        })
    })
    .await?;
    tracing::info!(response_id = %id, voided_by = %principal.subject, "response voided");
    Ok(updated_response(2, &view))
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

fn imported_row(
    value: serde_json::Value,
    questions: &[Question],
    survey: &db::surveys::SurveyRow,
    conn: &mut DbConnection,
    now: &str,
) -> Result<(ResponseRow, Vec<AnswerRow>), Vec<FieldError>> {
    let input: ImportedResponse = row_from_json(value)?;
    let mut errors = Vec::new();
    let completed_at = db::timestamp(input.completed_at);
    if completed_at.as_str() > now {
        errors.push(FieldError::new("completed_at", "must not be in the future"));
    }
    let contact = match input.contact_id {
        Some(id) => match db::contacts::get(conn, Visibility::All, id) {
            Ok(contact) if contact.office_id == survey.office_id => Some(contact),
            _ => {
                errors.push(FieldError::new(
                    "contact_id",
                    "is not a contact of the survey's office",
                ));
                None
            }
        },
        None => None,
    };
    let key = match (
        &contact,
        input.email.as_deref(),
        input.organization.as_deref(),
    ) {
        (Some(contact), _, _) => Some(contact.org_key.clone()),
        (None, Some(email), organization) if email.contains('@') => {
            Some(org_key(email, organization))
        }
        (None, None, Some(organization)) if !organization.trim().is_empty() => {
            Some(org_key("", Some(organization)))
        }
        _ => {
            errors.push(FieldError::new(
                "organization",
                "an email, an organization or a contact_id is needed to count the response",
            ));
            None
        }
    };
    let answers = validate_answers(questions, &input.answers).map_err(|mut e| {
        errors.append(&mut e);
        errors.clone()
    });
    let (Ok(answers), Some(key), true) = (answers, key, errors.is_empty()) else {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(errors);
    };
    let row = ResponseRow {
        id: Uuid::new_v4().to_string(),
        survey_id: survey.id.clone(),
        office_id: survey.office_id.clone(),
        membership_id: survey.membership_id.clone(),
        partner_id: survey.partner_id.clone(),
        invitation_id: None,
        contact_id: contact.map(|c| c.id),
        anonymous: i32::from(input.anonymous),
        org_key: key,
        locale: crate::domain::anonymity::kept_locale(input.locale, input.anonymous),
        source: "import".into(),
        completed_at,
        voided_at: None,
        voided_by: None,
        void_reason: None,
        created_at: now.to_owned(),
    };
    let answers = answers
        .into_iter()
        .map(|a| answer_row(&row.id, a))
        .collect();
    Ok((row, answers))
}

/// Import historical responses
///
/// Administrator only. Moves completed responses from an earlier survey provider into an opened or closed
/// survey, with their original completion times; they count exactly like live ones. One transaction per
/// call, with an outcome per row.
#[utoipa::path(tag = "responses", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), request_body = ImportResponses, responses((status = 200, description = "The outcome per row.", body = ResponseImportResult)))]
#[post("/surveys/{survey_id}/responses/import")]
async fn import_responses(
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<ImportResponses>,
) -> ApiResult<web::Json<ResponseImportResult>> {
    let rows = body.into_inner().responses;
    if rows.is_empty() || rows.len() > 1000 {
        return Err(ApiError::invalid_field(
            "responses",
            "must hold 1 to 1000 responses",
        ));
    }
    let (survey_id, now) = (path.into_inner(), state.timestamp());
    let result = db::run(&state.pool, move |conn| {
        db::write_tx(conn, |conn| {
            let survey = db::surveys::get(conn, Visibility::All, survey_id)?;
            if survey.questionnaire.is_none() {
                return Err(ApiError::conflict(
                    ErrorCode::SurveyNotOpen,
                    "open the survey first: imported responses need its frozen questionnaire",
                ));
            }
            let questions = frozen_questions(conn, &survey.id)?;
            let mut result = ResponseImportResult {
                created: 0,
                invalid: 0,
                rows: Vec::new(),
            };
            for (index, value) in rows.into_iter().enumerate() {
                match imported_row(value, &questions, &survey, conn, &now) {
                    Ok((row, answers)) => {
                        db::responses::insert(conn, &row, &answers)?;
                        result.created += 1;
                        result.rows.push(ImportedRow {
                            index,
                            status: ImportedStatus::Created,
                            response_id: Some(db::parse_uuid(&row.id)?),
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
            Ok(result)
        })
    })
    .await?;
    Ok(web::Json(result))
}
