//! Surveys of an office and their custom questions: draft → open (questionnaire frozen) → closed.

use actix_web::{delete, get, patch, post, web, HttpRequest};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{
    double_option, if_match, page_of, time, trimmed, validated, Created, ListQuery, NoContent,
    Returned, Versioned,
};
use crate::{
    api::extract::{Json, Query},
    auth::{Caller, RecordReader, Visibility},
    db::{self, surveys::SurveyRow},
    domain::{
        ids::SurveyId,
        questionnaire::{ChoiceOption, Question, QuestionKind, ScaleLabels, Translations},
    },
    error::{ApiError, ApiResult},
    service::{
        self,
        surveys::{NewQuestion, NewSurvey, QuestionEdit, SurveyEdit},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_survey)
        .service(list_surveys)
        .service(get_survey)
        .service(update_survey)
        .service(delete_survey)
        .service(open_survey)
        .service(close_survey)
        .service(get_questionnaire)
        .service(create_question)
        .service(update_question)
        .service(delete_question);
}

pub use crate::domain::survey::SurveyStatus;

/// A survey campaign of one office.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Survey {
    /// The survey's id.
    pub id: Uuid,
    /// The office it belongs to.
    pub office_id: Uuid,
    /// The office's membership.
    pub membership_id: Uuid,
    /// The office's partner.
    pub partner_id: Uuid,
    /// The title respondents see.
    pub title: String,
    /// Draft, open or closed.
    pub status: SurveyStatus,
    /// The locales respondents may answer in; the first is the survey's default.
    pub locales: Vec<String>,
    /// When the survey stops accepting answers by itself, if set.
    pub closes_at: Option<DateTime<Utc>>,
    /// When it was opened.
    pub opened_at: Option<DateTime<Utc>>,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

super::page_type!(
    SurveyPage,
    Survey,
    id,
    "One page of surveys, in a stable order."
);

impl TryFrom<SurveyRow> for Survey {
    type Error = ApiError;

    fn try_from(row: SurveyRow) -> ApiResult<Self> {
        let optional_time = |t: Option<String>| t.as_deref().map(time).transpose();
        let status = row.status;
        Ok(Survey {
            id: row.id.into(),
            office_id: row.office_id.into(),
            membership_id: row.membership_id.into(),
            partner_id: row.partner_id.into(),
            title: row.title,
            status,
            locales: serde_json::from_str(&row.locales)
                .map_err(|e| ApiError::Internal(format!("stored locales are invalid: {e}")))?,
            closes_at: optional_time(row.closes_at)?,
            opened_at: optional_time(row.opened_at)?,
            closed_at: optional_time(row.closed_at)?,
            created_at: time(&row.created_at)?,
            updated_at: time(&row.updated_at)?,
        })
    }
}

/// A new survey.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "Customer satisfaction 2026", "locales": ["bg", "en"], "closes_at": "2026-12-31T23:59:59Z"}))]
#[serde(deny_unknown_fields)]
pub struct CreateSurvey {
    /// The title respondents see, 1–200 characters.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        example = "Customer satisfaction 2026"
    )]
    #[serde(deserialize_with = "trimmed::string")]
    pub title: String,
    /// Locales offered to respondents, 1–10 (default: the program's default locale); the first is the default.
    #[validate(
        length(min = 1, max = 10, message = "must list 1 to 10 locales"),
        custom(function = "valid_locales")
    )]
    #[schema(min_items = 1, max_items = 10, example = json!(["bg", "en"]))]
    pub locales: Option<Vec<String>>,
    /// When the survey stops accepting answers by itself.
    pub closes_at: Option<DateTime<Utc>>,
}

/// Changes to a survey; omitted fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "Customer satisfaction 2026 (H2)", "closes_at": null}))]
#[serde(deny_unknown_fields)]
pub struct UpdateSurvey {
    /// New title (1–200 characters).
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub title: Option<String>,
    /// New locales (drafts only).
    #[validate(
        length(min = 1, max = 10, message = "must list 1 to 10 locales"),
        custom(function = "valid_locales")
    )]
    #[schema(min_items = 1, max_items = 10, nullable = false)]
    pub locales: Option<Vec<String>>,
    /// New automatic close time, or `null` for none.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub closes_at: Option<Option<DateTime<Utc>>>,
}

fn valid_locales(locales: &[String]) -> Result<(), validator::ValidationError> {
    let mut seen = std::collections::HashSet::new();
    for locale in locales {
        super::valid_locale(locale)?;
        if !seen.insert(locale) {
            return Err(validator::ValidationError::new("locales")
                .with_message("must not repeat a locale".into()));
        }
    }
    Ok(())
}

const OFFICE_ID: &str = "The office's id.";
const SURVEY_ID: &str = "The survey's id.";

/// Create a survey
///
/// The administrator, or the partner that owns the office. It starts as a draft with the standard questions.
#[utoipa::path(tag = "surveys", params(("office_id" = Uuid, Path, description = OFFICE_ID)), request_body = CreateSurvey, responses(Created<Survey>))]
#[post("/offices/{office_id}/surveys")]
async fn create_survey(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    body: Json<CreateSurvey>,
) -> ApiResult<Created<Survey>> {
    let input = validated(body.into_inner())?;
    if input.closes_at.is_some_and(|at| at <= state.clock.now()) {
        return Err(ApiError::invalid_field(
            "closes_at",
            "must be in the future",
        ));
    }
    let (office_id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let survey = NewSurvey {
        title: input.title,
        locales: input.locales,
        closes_at: input.closes_at,
    };
    let row = db::run(&state.pool, move |conn| {
        service::surveys::create_survey(conn, scope, office_id.into(), survey, &now)
    })
    .await?;
    let version = row.version;
    let survey = Survey::try_from(row)?;
    Ok(Created::at(
        format!("/surveys/{}", survey.id),
        version,
        survey,
    ))
}

/// List an office's surveys
///
/// The office's survey campaigns (draft, open and closed) in a stable order; use `next_cursor` to walk every page. Partners and the administrator only.
#[utoipa::path(tag = "surveys", params(("office_id" = Uuid, Path, description = OFFICE_ID), ListQuery), responses(Returned<SurveyPage>))]
#[get("/offices/{office_id}/surveys")]
async fn list_surveys(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<SurveyPage>> {
    let (limit, after) = query.parse()?;
    let (office_id, scope) = (path.into_inner(), principal.visibility());
    let rows = db::run(&state.pool, move |conn| {
        service::surveys::list_surveys(conn, scope, office_id.into(), after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, Survey::try_from)?))
}

/// Get a survey
///
/// The survey with its status (`draft`, `open`, `closed`), locales and closing time. Partners see their own offices' surveys only; the vendor gets 403. Sends an `ETag` for `If-Match`.
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses(Versioned<Survey>))]
#[get("/surveys/{survey_id}")]
async fn get_survey(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Survey>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    let row = db::read(&state.pool, move |conn| {
        service::surveys::get_survey(conn, scope, id.into())
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Survey::try_from(row)?))
}

/// Update a survey
///
/// The title and close time can change at any time; the locales only while it is a draft.
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), request_body = UpdateSurvey, responses(Versioned<Survey>))]
#[patch("/surveys/{survey_id}")]
async fn update_survey(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    body: Json<UpdateSurvey>,
) -> ApiResult<Versioned<Survey>> {
    let input = validated(body.into_inner())?;
    let (id, scope, expected, now) = (
        path.into_inner(),
        principal.visibility(),
        if_match(&req)?,
        state.timestamp(),
    );
    let edit = SurveyEdit {
        title: input.title,
        locales: input.locales,
        closes_at: input.closes_at,
    };
    let row = db::run(&state.pool, move |conn| {
        service::surveys::update_survey(conn, scope, id.into(), edit, expected, &now)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Survey::try_from(row)?))
}

/// Delete a draft survey
///
/// Only drafts can be deleted (with their custom questions); an opened survey is closed instead (409).
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses(NoContent))]
#[delete("/surveys/{survey_id}")]
async fn delete_survey(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<NoContent> {
    let (id, scope, expected) = (path.into_inner(), principal.visibility(), if_match(&req)?);
    db::run(&state.pool, move |conn| {
        service::surveys::delete_survey(conn, scope, id.into(), expected)
    })
    .await?;
    Ok(NoContent)
}

/// A lifecycle move, as a service use case.
type Move =
    fn(&mut db::DbConnection, Visibility, SurveyId, Option<i64>, &str) -> ApiResult<SurveyRow>;

/// Moves a visible survey along its lifecycle through `apply`, answering with the survey as it now is.
async fn transition(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    id: SurveyId,
    apply: Move,
) -> ApiResult<Versioned<Survey>> {
    let (scope, expected, now) = (principal.visibility(), if_match(&req)?, state.timestamp());
    let row = db::run(&state.pool, move |conn| {
        apply(conn, scope, id, expected, &now)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Survey::try_from(row)?))
}

/// Open a survey
///
/// Freezes the questionnaire (standard and custom questions as they are now) and starts accepting answers.
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses(Versioned<Survey>))]
#[post("/surveys/{survey_id}/open")]
async fn open_survey(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Survey>> {
    transition(
        req,
        state,
        principal,
        path.into_inner().into(),
        service::surveys::open_survey,
    )
    .await
}

/// Close a survey
///
/// Stops accepting answers; answers already given stay.
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses(Versioned<Survey>))]
#[post("/surveys/{survey_id}/close")]
async fn close_survey(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Survey>> {
    transition(
        req,
        state,
        principal,
        path.into_inner().into(),
        service::surveys::close_survey,
    )
    .await
}

/// A survey's questionnaire.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Questionnaire {
    /// Whether the questions are frozen (the survey was opened).
    pub frozen: bool,
    /// The questions in order: the standard questions, then the custom ones.
    pub items: Vec<Question>,
}

/// Get a survey's questionnaire
///
/// Standard and custom questions with all their translations; frozen once the survey is opened.
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses(Returned<Questionnaire>))]
#[get("/surveys/{survey_id}/questions")]
async fn get_questionnaire(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Returned<Questionnaire>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    let questions = db::run(&state.pool, move |conn| {
        service::surveys::questionnaire(conn, scope, id.into())
    })
    .await?;
    Ok(Returned(Questionnaire {
        frozen: questions.frozen,
        items: questions.items,
    }))
}

/// A custom question.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"kind": "single_choice", "required": true, "prompt": {"en": "Which service did you use?", "bg": "Коя услуга използвахте?"}, "options": [{"value": "licensing", "label": {"en": "Licensing", "bg": "Лицензиране"}}, {"value": "support", "label": {"en": "Support", "bg": "Поддръжка"}}]}))]
#[serde(deny_unknown_fields)]
pub struct CreateQuestion {
    /// The kind of answer it takes.
    pub kind: QuestionKind,
    /// Whether an answer is required (default false).
    #[serde(default)]
    pub required: bool,
    /// Position among the custom questions (default: last); custom questions follow the standard ones.
    #[schema(minimum = 1, maximum = 100)]
    pub position: Option<i32>,
    /// Lowest value of a `rating` (0–10).
    #[schema(minimum = 0, maximum = 10)]
    pub min_value: Option<i64>,
    /// Highest value of a `rating` (0–10, above `min_value`).
    #[schema(minimum = 0, maximum = 10)]
    pub max_value: Option<i64>,
    /// The question text per locale (1–500 characters each).
    pub prompt: Translations,
    /// Labels of the scale ends, for `rating` and `nps`.
    pub scale_labels: Option<ScaleLabels>,
    /// The choices of a `single_choice` or `multi_choice` question (2–20).
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
}

/// Changes to a custom question; omitted fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"required": false, "position": 2}))]
#[serde(deny_unknown_fields)]
pub struct UpdateQuestion {
    /// New required flag.
    #[schema(nullable = false)]
    pub required: Option<bool>,
    /// New position.
    #[schema(minimum = 1, maximum = 100, nullable = false)]
    pub position: Option<i32>,
    /// New lowest value.
    #[schema(nullable = false)]
    pub min_value: Option<i64>,
    /// New highest value.
    #[schema(nullable = false)]
    pub max_value: Option<i64>,
    /// New prompt translations (replace the old ones).
    #[schema(nullable = false)]
    pub prompt: Option<Translations>,
    /// New scale labels.
    #[schema(nullable = false)]
    pub scale_labels: Option<ScaleLabels>,
    /// New options (replace the old ones).
    #[schema(nullable = false)]
    pub options: Option<Vec<ChoiceOption>>,
}

/// Add a custom question
///
/// Only while the survey is a draft (409 after), at most 10 per survey.
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), request_body = CreateQuestion, responses(Created<Question>))]
#[post("/surveys/{survey_id}/questions")]
async fn create_question(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    body: Json<CreateQuestion>,
) -> ApiResult<Created<Question>> {
    let (survey_id, scope, input, now) = (
        path.into_inner(),
        principal.visibility(),
        body.into_inner(),
        state.timestamp(),
    );
    let question = NewQuestion {
        kind: input.kind,
        required: input.required,
        position: input.position,
        min_value: input.min_value,
        max_value: input.max_value,
        prompt: input.prompt,
        scale_labels: input.scale_labels,
        options: input.options,
    };
    let question = db::run(&state.pool, move |conn| {
        service::surveys::add_question(conn, scope, survey_id.into(), question, &now)
    })
    .await?;
    Ok(Created::at(
        format!("/surveys/{survey_id}/questions/{}", question.id),
        1,
        question,
    ))
}

/// Update a custom question
///
/// Only while the survey is a draft (409 after). Standard questions cannot be changed here.
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID), ("question_id" = Uuid, Path, description = "The custom question's id.")), request_body = UpdateQuestion, responses(Versioned<Question>))]
#[patch("/surveys/{survey_id}/questions/{question_id}")]
async fn update_question(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<UpdateQuestion>,
) -> ApiResult<Versioned<Question>> {
    let ((survey_id, question_id), scope, input) =
        (path.into_inner(), principal.visibility(), body.into_inner());
    let (expected, now) = (if_match(&req)?, state.timestamp());
    let edit = QuestionEdit {
        required: input.required,
        position: input.position,
        min_value: input.min_value,
        max_value: input.max_value,
        prompt: input.prompt,
        scale_labels: input.scale_labels,
        options: input.options,
    };
    let (question, version) = db::run(&state.pool, move |conn| {
        service::surveys::update_question(
            conn,
            scope,
            survey_id.into(),
            question_id.into(),
            edit,
            expected,
            &now,
        )
    })
    .await?;
    Ok(Versioned::new(version, question))
}

/// Delete a custom question
///
/// Only while the survey is a draft (409 after).
#[utoipa::path(tag = "surveys", params(("survey_id" = Uuid, Path, description = SURVEY_ID), ("question_id" = Uuid, Path, description = "The custom question's id.")), responses(NoContent))]
#[delete("/surveys/{survey_id}/questions/{question_id}")]
async fn delete_question(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<NoContent> {
    let ((survey_id, question_id), scope, expected) =
        (path.into_inner(), principal.visibility(), if_match(&req)?);
    db::run(&state.pool, move |conn| {
        service::surveys::delete_question(
            conn,
            scope,
            survey_id.into(),
            question_id.into(),
            expected,
        )
    })
    .await?;
    Ok(NoContent)
}
