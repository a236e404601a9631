//! The program: rule settings and the standard questionnaire.

use std::collections::BTreeMap;

use actix_web::{get, patch, web, HttpRequest};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{if_match, time, valid_locale, validated, Returned, Versioned};
use crate::{
    api::extract::Json,
    auth::{AdminOnly, AnyRole, Caller},
    db::{
        self,
        settings::{SettingsChanges, SettingsRow},
    },
    domain::questionnaire::{Question, ScaleLabels, Translations},
    error::{ApiError, ApiResult},
    service::{self, program::Relabel},
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(get_settings)
        .service(update_settings)
        .service(list_standard_questions)
        .service(update_standard_question);
}

/// The program's rule settings.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProgramSettings {
    /// Completed surveys a membership needs in the rolling window (default 10).
    pub min_completed_surveys: i32,
    /// Completed surveys counted per customer organization: the first ones by completion time (default 8).
    pub max_counted_per_customer_org: i32,
    /// Length of the rolling window in months (default 12).
    pub window_months: i32,
    /// Length of a reporting period in months; periods are calendar-aligned (default 3: quarters).
    pub reporting_period_months: i32,
    /// The fewest responses any figure shown to the vendor may cover (default 5, never below 3).
    pub anonymity_threshold: i32,
    /// Days before the same contact may be invited again (default 90).
    pub resurvey_interval_days: i32,
    /// Days a personal survey link stays valid (default 30).
    pub invitation_ttl_days: i32,
    /// The locale texts fall back to when a translation is missing (default `en`).
    pub default_locale: String,
    /// When the settings were last changed.
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<SettingsRow> for ProgramSettings {
    type Error = ApiError;

    fn try_from(row: SettingsRow) -> ApiResult<Self> {
        Ok(ProgramSettings {
            min_completed_surveys: row.min_completed_surveys,
            max_counted_per_customer_org: row.max_counted_per_customer_org,
            window_months: row.window_months,
            reporting_period_months: row.reporting_period_months,
            anonymity_threshold: row.anonymity_threshold,
            resurvey_interval_days: row.resurvey_interval_days,
            invitation_ttl_days: row.invitation_ttl_days,
            default_locale: row.default_locale,
            updated_at: time(&row.updated_at)?,
        })
    }
}

/// Changes to the settings; omitted fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"min_completed_surveys": 10, "max_counted_per_customer_org": 8, "anonymity_threshold": 5}))]
#[serde(deny_unknown_fields)]
pub struct UpdateSettings {
    /// Completed surveys required, 1–1000.
    #[validate(range(min = 1, max = 1000, message = "must be from 1 to 1000"))]
    #[schema(minimum = 1, maximum = 1000, nullable = false)]
    pub min_completed_surveys: Option<i32>,
    /// Counted per customer organization, 1–1000.
    #[validate(range(min = 1, max = 1000, message = "must be from 1 to 1000"))]
    #[schema(minimum = 1, maximum = 1000, nullable = false)]
    pub max_counted_per_customer_org: Option<i32>,
    /// Window in months, 1–36.
    #[validate(range(min = 1, max = 36, message = "must be from 1 to 36"))]
    #[schema(minimum = 1, maximum = 36, nullable = false)]
    pub window_months: Option<i32>,
    /// Reporting period in months: 1, 2, 3, 4, 6 or 12.
    #[validate(custom(function = "divides_a_year"))]
    #[schema(nullable = false)]
    pub reporting_period_months: Option<i32>,
    /// Anonymity threshold, 3–100.
    #[validate(range(min = 3, max = 100, message = "must be from 3 to 100"))]
    #[schema(minimum = 3, maximum = 100, nullable = false)]
    pub anonymity_threshold: Option<i32>,
    /// Re-survey interval in days, 0–730.
    #[validate(range(min = 0, max = 730, message = "must be from 0 to 730"))]
    #[schema(minimum = 0, maximum = 730, nullable = false)]
    pub resurvey_interval_days: Option<i32>,
    /// Link lifetime in days, 1–365.
    #[validate(range(min = 1, max = 365, message = "must be from 1 to 365"))]
    #[schema(minimum = 1, maximum = 365, nullable = false)]
    pub invitation_ttl_days: Option<i32>,
    /// Fallback locale (BCP 47).
    #[validate(custom(function = "valid_locale"))]
    #[schema(nullable = false)]
    pub default_locale: Option<String>,
}

fn divides_a_year(months: i32) -> Result<(), validator::ValidationError> {
    match months {
        1 | 2 | 3 | 4 | 6 | 12 => Ok(()),
        _ => Err(validator::ValidationError::new("period")
            .with_message("must be 1, 2, 3, 4, 6 or 12".into())),
    }
}

/// Get the program settings
///
/// The program rule (completed surveys required, the per-organization cap, the window), the reporting
/// period length, the anonymity threshold and the invitation defaults. Every role may read them.
#[utoipa::path(tag = "program", responses(Versioned<ProgramSettings>))]
#[get("/program/settings")]
async fn get_settings(
    state: web::Data<AppState>,
    _principal: Caller<AnyRole>,
) -> ApiResult<Versioned<ProgramSettings>> {
    let row = db::read(&state.pool, service::program::settings).await?;
    let version = row.version;
    Ok(Versioned::new(version, ProgramSettings::try_from(row)?))
}

/// Update the program settings
///
/// Administrator only. Changes apply to what is computed from now on.
#[utoipa::path(tag = "program", request_body = UpdateSettings, responses(Versioned<ProgramSettings>))]
#[patch("/program/settings")]
async fn update_settings(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    body: Json<UpdateSettings>,
) -> ApiResult<Versioned<ProgramSettings>> {
    let input = validated(body.into_inner())?;
    let (expected, now) = (if_match(&req)?, state.timestamp());
    let changes = SettingsChanges {
        min_completed_surveys: input.min_completed_surveys,
        max_counted_per_customer_org: input.max_counted_per_customer_org,
        window_months: input.window_months,
        reporting_period_months: input.reporting_period_months,
        anonymity_threshold: input.anonymity_threshold,
        resurvey_interval_days: input.resurvey_interval_days,
        invitation_ttl_days: input.invitation_ttl_days,
        default_locale: input.default_locale,
    };
    let row = db::run(&state.pool, move |conn| {
        service::program::update_settings(conn, expected, changes, &now)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, ProgramSettings::try_from(row)?))
}

/// The standard questionnaire.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StandardQuestions {
    /// The standard questions in order; every survey starts with them.
    pub items: Vec<Question>,
}

/// List the standard questions
///
/// Every survey starts with these; each carries the metric it feeds.
#[utoipa::path(tag = "program", responses(Returned<StandardQuestions>))]
#[get("/program/questions")]
async fn list_standard_questions(
    state: web::Data<AppState>,
    _principal: Caller<AnyRole>,
) -> ApiResult<Returned<StandardQuestions>> {
    let items = db::run(&state.pool, service::program::standard_questions).await?;
    Ok(Returned(StandardQuestions { items }))
}

/// New texts of a standard question; its kind, metric and option values never change.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"prompt": {"en": "Overall, how satisfied are you with the service you received?", "bg": "Като цяло, доколко сте доволни от получената услуга?"}}))]
#[serde(deny_unknown_fields)]
pub struct UpdateStandardQuestion {
    /// New prompt translations (replace the old ones).
    #[schema(nullable = false)]
    pub prompt: Option<Translations>,
    /// New scale-end labels.
    #[schema(nullable = false)]
    pub scale_labels: Option<ScaleLabels>,
    /// New option labels, by option value.
    #[schema(nullable = false)]
    pub option_labels: Option<BTreeMap<String, Translations>>,
}

/// Update a standard question's texts
///
/// Administrator only. Surveys opened earlier keep the texts frozen in them.
#[utoipa::path(tag = "program", params(("question_id" = Uuid, Path, description = "The standard question's id.")), request_body = UpdateStandardQuestion, responses(Versioned<Question>))]
#[patch("/program/questions/{question_id}")]
async fn update_standard_question(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<UpdateStandardQuestion>,
) -> ApiResult<Versioned<Question>> {
    let (id, input, expected, now) = (
        path.into_inner(),
        body.into_inner(),
        if_match(&req)?,
        state.timestamp(),
    );
    let relabel = Relabel {
        prompt: input.prompt,
        scale_labels: input.scale_labels,
        option_labels: input.option_labels.unwrap_or_default(),
    };
    let (question, version) = db::run(&state.pool, move |conn| {
        service::program::relabel_standard_question(conn, id.into(), relabel, expected, &now)
    })
    .await?;
    Ok(Versioned::new(version, question))
}
