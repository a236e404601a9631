//! Results of a survey, an office or a membership: the answer counts every figure is computed from.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::{
    auth::Visibility,
    db::{
        self, bounds,
        results::{AnswerCount, MetricCount, ResponseCount, Scope, TextAnswer},
        settings::SettingsRow,
        surveys::SurveyRow,
        DbConnection,
    },
    domain::questionnaire::Question,
    error::{ApiError, ApiResult},
};

/// Completion bounds that hold every response.
const ALL_TIME: (&str, &str) = ("0000", "9999");

/// Everything a survey's results are computed from.
pub struct SurveyCounts {
    /// The survey.
    pub survey: SurveyRow,
    /// Its frozen questionnaire.
    pub questions: Vec<Question>,
    /// The program's default locale, for option labels.
    pub locale: String,
    /// Standard-metric answers by value.
    pub metrics: Vec<MetricCount>,
    /// Responses by month.
    pub responses: Vec<ResponseCount>,
    /// Every non-text question's answers by value.
    pub answers: Vec<AnswerCount>,
    /// The free-text answers, ordered by question and text.
    pub comments: Vec<TextAnswer>,
}

/// The counts of survey `id`, visible to `visibility`, over all time.
pub fn survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: Uuid,
) -> ApiResult<SurveyCounts> {
    let survey = db::surveys::get(conn, visibility, id.into())?;
    let questions: Vec<Question> =
        serde_json::from_str(survey.questionnaire.as_deref().unwrap_or("[]"))
            .map_err(|e| ApiError::Internal(format!("frozen questionnaire is invalid: {e}")))?;
    let locale = db::settings::get(conn)?.default_locale;
    let within = Scope::Survey(survey.id);
    Ok(SurveyCounts {
        metrics: db::results::metric_counts(conn, &within, ALL_TIME.0, ALL_TIME.1)?,
        responses: db::results::response_counts(conn, &within, ALL_TIME.0, ALL_TIME.1)?,
        answers: db::results::answer_counts(conn, &within, ALL_TIME.0, ALL_TIME.1, false)?,
        comments: db::results::text_answers(conn, survey.id)?,
        survey,
        questions,
        locale,
    })
}

/// Everything an office's or a membership's results over a range are computed from.
pub struct ScopeCounts {
    /// The settings (default locale, reporting periods).
    pub settings: SettingsRow,
    /// Standard-metric answers by month and value.
    pub metrics: Vec<MetricCount>,
    /// Responses by month.
    pub responses: Vec<ResponseCount>,
    /// The standard questions.
    pub standard: Vec<Question>,
    /// The standard questions' answers by value.
    pub answers: Vec<AnswerCount>,
}

/// Which results.
#[derive(Debug, Clone, Copy)]
pub enum Of {
    /// One office.
    Office(Uuid),
    /// One membership.
    Membership(Uuid),
}

/// The counts of an office or a membership (visible to `visibility`) completed from `from` to `to`.
pub fn scope(
    conn: &mut DbConnection,
    visibility: Visibility,
    of: Of,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<ScopeCounts> {
    let scope = match of {
        Of::Office(id) => Scope::Office(db::offices::get(conn, visibility, id.into())?.id),
        Of::Membership(id) => {
            Scope::Membership(db::memberships::get(conn, visibility, id.into())?.id)
        }
    };
    let (start, end) = bounds(from, to);
    Ok(ScopeCounts {
        settings: db::settings::get(conn)?,
        metrics: db::results::metric_counts(conn, &scope, &start, &end)?,
        responses: db::results::response_counts(conn, &scope, &start, &end)?,
        standard: db::questions::standard(conn)?,
        answers: db::results::answer_counts(conn, &scope, &start, &end, true)?,
    })
}
