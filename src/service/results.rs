//! Results of a survey, an office or a membership: the answer counts every figure is computed from.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::{
    auth::Visibility,
    db::{
        self, bounds,
        results::{AnswerCount, MetricCount, ResponseCount, Scope, SurveyAnswerCount, TextAnswer},
        settings::SettingsRow,
        surveys::SurveyRow,
        DbConnection,
    },
    domain::{ids::SurveyId, questionnaire::Question},
    error::{ApiError, ApiResult},
};

/// Everything a survey's results are computed from.
pub struct SurveyCounts {
    /// The survey.
    pub survey: SurveyRow,
    /// Its frozen questionnaire.
    pub questions: Vec<Question>,
    /// The program's default locale, for option labels.
    pub locale: String,
    /// Non-voided responses.
    pub responses: i64,
    /// Every non-text question's answers by value, with the question's metric (`comment` is 0).
    pub answers: Vec<SurveyAnswerCount>,
    /// The free-text answers, ordered by question and text.
    pub comments: Vec<TextAnswer>,
}

/// The counts of survey `id`, visible to `visibility`, over all time: read from the survey's answer
/// counts and comments, never from its answers.
pub fn survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
) -> ApiResult<SurveyCounts> {
    let survey = db::surveys::get(conn, visibility, id)?;
    let questions: Vec<Question> =
        serde_json::from_str(survey.questionnaire.as_deref().unwrap_or("[]"))
            .map_err(|e| ApiError::Internal(format!("frozen questionnaire is invalid: {e}")))?;
    let locale = db::settings::get(conn)?.default_locale;
    let (comments, answers): (Vec<SurveyAnswerCount>, Vec<SurveyAnswerCount>) =
        db::results::survey_answer_counts(conn, survey.id)?
            .into_iter()
            .partition(|row| row.comment != 0);
    // Never in completion order, which could place an anonymous comment in time: by question and text.
    let comments = comments
        .into_iter()
        .filter_map(|row| {
            row.text_value.map(|text_value| TextAnswer {
                question_id: row.question_id,
                text_value,
            })
        })
        .collect();
    Ok(SurveyCounts {
        responses: db::results::survey_responses(conn, survey.id)?,
        answers,
        comments,
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
