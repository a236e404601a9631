//! Standard (program) and custom (per survey) questions.

use diesel::prelude::*;

use super::{schema::questions, DbConnection};
use crate::{
    domain::{
        ids::{QuestionId, SurveyId},
        questionnaire::{Metric, Question, QuestionKind},
    },
    error::{ApiError, ApiResult},
};

/// A stored question; translations are JSON.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = questions)]
pub struct QuestionRow {
    /// Id.
    pub id: QuestionId,
    /// The survey of a custom question; `None` for standard questions.
    pub survey_id: Option<SurveyId>,
    /// Position.
    pub position: i32,
    /// Kind (`rating`, `nps`, …).
    pub kind: QuestionKind,
    /// Metric of a standard question.
    pub metric: Option<Metric>,
    /// 1 when an answer is required.
    pub required: i32,
    /// Lowest scale value.
    pub min_value: Option<i32>,
    /// Highest scale value.
    pub max_value: Option<i32>,
    /// Prompt translations (JSON object).
    pub prompt: String,
    /// Scale end labels (JSON).
    pub scale_labels: Option<String>,
    /// Choice options (JSON array).
    pub options: Option<String>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl QuestionRow {
    /// The row of a question (new, or replacing a stored one).
    pub fn from_question(
        question: &Question,
        survey_id: Option<SurveyId>,
        version: i64,
        created_at: &str,
        now: &str,
    ) -> QuestionRow {
        QuestionRow {
            id: question.id.into(),
            survey_id,
            position: question.position,
            kind: question.kind,
            metric: question.metric,
            required: i32::from(question.required),
            min_value: question.min_value.map(|v| v as i32),
            max_value: question.max_value.map(|v| v as i32),
            prompt: json(&question.prompt),
            scale_labels: question.scale_labels.as_ref().map(json),
            options: (!question.options.is_empty()).then(|| json(&question.options)),
            version,
            created_at: created_at.to_owned(),
            updated_at: now.to_owned(),
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl TryFrom<QuestionRow> for Question {
    type Error = ApiError;

    fn try_from(row: QuestionRow) -> ApiResult<Self> {
        fn parse<T: serde::de::DeserializeOwned>(text: &str) -> ApiResult<T> {
            serde_json::from_str(text).map_err(|e| {
                ApiError::Internal(format!("stored question field `{text}` is invalid: {e}"))
            })
        }
        Ok(Question {
            id: row.id.into(),
            standard: row.survey_id.is_none(),
            position: row.position,
            kind: row.kind,
            metric: row.metric,
            required: row.required != 0,
            min_value: row.min_value.map(i64::from),
            max_value: row.max_value.map(i64::from),
            prompt: parse(&row.prompt)?,
            scale_labels: row.scale_labels.as_deref().map(parse).transpose()?,
            options: row
                .options
                .as_deref()
                .map(parse)
                .transpose()?
                .unwrap_or_default(),
        })
    }
}

/// The program's standard questions, in order.
pub fn standard(conn: &mut DbConnection) -> ApiResult<Vec<Question>> {
    let rows = questions::table
        .filter(questions::survey_id.is_null())
        .order(questions::position.asc())
        .select(QuestionRow::as_select())
        .load(conn)?;
    rows.into_iter().map(Question::try_from).collect()
}

/// One survey's custom questions, in order.
pub fn custom(conn: &mut DbConnection, survey_id: SurveyId) -> ApiResult<Vec<Question>> {
    let rows = questions::table
        .filter(questions::survey_id.eq(survey_id))
        .order((questions::position.asc(), questions::id.asc()))
        .select(QuestionRow::as_select())
        .load(conn)?;
    rows.into_iter().map(Question::try_from).collect()
}

/// One question: a standard one when `survey_id` is `None`, else one of that survey's.
pub fn get(
    conn: &mut DbConnection,
    survey_id: Option<SurveyId>,
    id: QuestionId,
) -> ApiResult<QuestionRow> {
    let query = questions::table.find(id).select(QuestionRow::as_select());
    let row = match survey_id {
        Some(survey) => query
            .filter(questions::survey_id.eq(survey))
            .first(conn)
            .optional()?,
        None => query
            .filter(questions::survey_id.is_null())
            .first(conn)
            .optional()?,
    };
    row.ok_or_else(|| ApiError::NotFound("no such question".into()))
}

/// Inserts a question.
pub fn insert(conn: &mut DbConnection, row: &QuestionRow) -> ApiResult<()> {
    diesel::insert_into(questions::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Replaces a question's definition when its version is `expected`.
pub fn replace(
    conn: &mut DbConnection,
    current: &QuestionRow,
    expected: Option<i64>,
    row: &QuestionRow,
) -> ApiResult<()> {
    super::update_versioned!(
        conn,
        questions,
        current,
        expected,
        &row.updated_at,
        (
            questions::position.eq(row.position),
            questions::kind.eq(&row.kind),
            questions::required.eq(row.required),
            questions::min_value.eq(row.min_value),
            questions::max_value.eq(row.max_value),
            questions::prompt.eq(&row.prompt),
            questions::scale_labels.eq(&row.scale_labels),
            questions::options.eq(&row.options),
        )
    )
}

/// Deletes a custom question.
pub fn delete(
    conn: &mut DbConnection,
    current: &QuestionRow,
    expected: Option<i64>,
) -> ApiResult<()> {
    super::check_version(current.version, expected)?;
    diesel::delete(questions::table.find(&current.id)).execute(conn)?;
    Ok(())
}

/// How many custom questions a survey has.
pub fn count_custom(conn: &mut DbConnection, survey_id: SurveyId) -> ApiResult<i64> {
    Ok(questions::table
        .filter(questions::survey_id.eq(survey_id))
        .count()
        .get_result(conn)?)
}
