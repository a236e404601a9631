//! The respondent API: the personal link's token is the only credential.

use std::collections::BTreeMap;

use actix_web::{get, post, web, HttpRequest};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{Created, Returned};
use crate::{
    api::extract::{Json, Query},
    db,
    domain::{
        invitation::InvitationStatus,
        questionnaire::{negotiate_locale, pick, QuestionKind},
    },
    error::{ApiError, ApiResult},
    i18n,
    service::respond::{self, Answerable, Answers, Submission},
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(get_respondent_survey).service(submit_answers);
}

/// The language to answer in.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LanguageQuery {
    /// Preferred locale (e.g. `bg`); else the contact's locale, then `Accept-Language`, then the survey's default.
    pub lang: Option<String>,
}

/// One choice, in the respondent's language.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RespondentOption {
    /// The value to send back.
    pub value: String,
    /// The label to show.
    pub label: String,
}

/// One question, in the respondent's language.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RespondentQuestion {
    /// The question's id (the key of its answer).
    pub id: Uuid,
    /// The kind of answer it takes.
    pub kind: QuestionKind,
    /// Whether an answer is required.
    pub required: bool,
    /// The question text.
    pub prompt: String,
    /// Lowest value of a scale.
    pub min_value: Option<i64>,
    /// Highest value of a scale.
    pub max_value: Option<i64>,
    /// Label of the lowest value.
    pub min_label: Option<String>,
    /// Label of the highest value.
    pub max_label: Option<String>,
    /// The choices of a choice question.
    pub options: Vec<RespondentOption>,
}

/// A questionnaire ready to answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RespondentSurvey {
    /// The survey's title.
    pub title: String,
    /// The locale of the texts.
    pub locale: String,
    /// The locales the survey can be answered in.
    pub locales: Vec<String>,
    /// About how long answering takes.
    pub estimated_minutes: u32,
    /// What answering anonymously means, in plain words.
    pub anonymity_note: String,
    /// The questions in order.
    pub questions: Vec<RespondentQuestion>,
}

impl RespondentSurvey {
    /// The questionnaire of an answerable link in the best locale for the request.
    pub fn localized(
        found: &Answerable,
        requested: Option<&str>,
        accept_language: Option<&str>,
    ) -> RespondentSurvey {
        let locales = found.locales();
        let fallback = locales.first().cloned().unwrap_or_else(|| "en".into());
        let locale = negotiate_locale(
            requested.or(found.contact_locale.as_deref()),
            accept_language,
            &locales,
            &fallback,
        );
        let preferences = [
            locale.as_str(),
            fallback.as_str(),
            found.program_locale.as_str(),
        ];
        let text = |t| pick(t, &preferences).to_owned();
        let questions = found
            .questions
            .iter()
            .map(|q| RespondentQuestion {
                id: q.id,
                kind: q.kind,
                required: q.required,
                prompt: text(&q.prompt),
                min_value: q.min_value,
                max_value: q.max_value,
                min_label: q.scale_labels.as_ref().map(|l| text(&l.min)),
                max_label: q.scale_labels.as_ref().map(|l| text(&l.max)),
                options: q
                    .options
                    .iter()
                    .map(|o| RespondentOption {
                        value: o.value.clone(),
                        label: text(&o.label),
                    })
                    .collect(),
            })
            .collect();
        RespondentSurvey {
            title: found.survey.title.clone(),
            anonymity_note: i18n::texts(&locale).anonymous_help.to_owned(),
            locale,
            locales,
            estimated_minutes: 10,
            questions,
        }
    }
}

/// A respondent's answers.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"answers": {"00000000-0000-7000-8000-000000000001": "very_satisfied", "00000000-0000-7000-8000-000000000002": 9, "00000000-0000-7000-8000-000000000003": 2, "00000000-0000-7000-8000-000000000004": "Quick and friendly."}, "anonymous": false, "locale": "en"}))]
#[serde(deny_unknown_fields)]
pub struct SubmitAnswers {
    /// Answers by question id: a whole number for `rating` and `nps`, an option value for `single_choice`,
    /// a list of option values for `multi_choice`, text for `text`.
    #[schema(value_type = BTreeMap<String, super::AnswerData>)]
    pub answers: BTreeMap<Uuid, serde_json::Value>,
    /// Stay anonymous: the partner sees the answers but not who gave them.
    #[serde(default)]
    pub anonymous: bool,
    /// The locale the answers were given in.
    pub locale: Option<String>,
}

/// The receipt of a submitted response.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Submitted {
    /// Always `completed`.
    pub status: String,
    /// When the response was stored.
    pub completed_at: DateTime<Utc>,
}

fn accept_language(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get("accept-language")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

const TOKEN: &str = "The token of the personal survey link.";

/// Get the questionnaire of a personal link
///
/// No bearer token: the link is the credential. Unknown link 404, expired link or closed survey 410,
/// already answered 409. Marks the invitation opened.
#[utoipa::path(tag = "respondent", params(("token" = String, Path, description = TOKEN), LanguageQuery), responses(Returned<RespondentSurvey>))]
#[get("/respond/{token}")]
async fn get_respondent_survey(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: Query<LanguageQuery>,
) -> ApiResult<Returned<RespondentSurvey>> {
    crate::api::rate_limit::rate_limited(&state, &req)?;
    let (token, now) = (path.into_inner(), state.timestamp());
    let found = db::run(&state.pool, move |conn| {
        respond::open(conn, &token, &now).map_err(ApiError::from)
    })
    .await?;
    Ok(Returned(RespondentSurvey::localized(
        &found,
        query.lang.as_deref(),
        accept_language(&req).as_deref(),
    )))
}

/// Submit answers through a personal link
///
/// Answers are validated against each question's kind and required flag (422 with one error per question).
/// A link is answered once (409 after). The stored response has no address a respondent can read, so
/// `Location` is the personal link itself.
#[utoipa::path(tag = "respondent", params(("token" = String, Path, description = TOKEN)), request_body = SubmitAnswers, responses(Created<Submitted>))]
#[post("/respond/{token}")]
async fn submit_answers(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: Json<SubmitAnswers>,
) -> ApiResult<Created<Submitted>> {
    crate::api::rate_limit::rate_limited(&state, &req)?;
    let (token, input) = (path.into_inner(), body.into_inner());
    let link = format!("/respond/{token}");
    let completed_at = state.clock.now();
    let now = db::timestamp(completed_at);
    let submission = Submission {
        answers: Answers::Json(input.answers),
        anonymous: input.anonymous,
        locale: input.locale,
    };
    db::run(&state.pool, move |conn| {
        respond::submit(conn, &token, submission, &now).map_err(ApiError::from)
    })
    .await?;
    // A stored response starts at version 1 (voiding makes it 2), and the same tag for every
    // submission reveals nothing about an anonymous one.
    let submitted = Submitted {
        status: InvitationStatus::Completed.as_str().into(),
        completed_at,
    };
    Ok(Created::at(link, 1, submitted))
}
