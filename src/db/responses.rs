//! Completed responses and their answers.

use diesel::prelude::*;

use super::{
    results::Bind,
    schema::{answers, responses},
    types::StoredText,
    DbConnection,
};
use crate::{
    auth::Visibility,
    domain::{
        ids::{
            ContactId, InvitationId, MembershipId, OfficeId, PartnerId, QuestionId, ResponseId,
            SurveyId,
        },
        questionnaire::Metric,
        response::ResponseSource,
    },
    error::{ApiError, ApiResult, ErrorCode},
};

/// A stored response.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = responses)]
// `None` is bound as NULL rather than written as `DEFAULT`: diesel keeps only statements without
// `DEFAULT` prepared, and this insert runs with every answer.
#[diesel(treat_none_as_default_value = false)]
pub struct ResponseRow {
    /// Id.
    pub id: ResponseId,
    /// The survey.
    pub survey_id: SurveyId,
    /// The survey's office.
    pub office_id: OfficeId,
    /// The office's membership.
    pub membership_id: MembershipId,
    /// The office's partner.
    pub partner_id: PartnerId,
    /// The invitation answered (`None` for imported responses).
    pub invitation_id: Option<InvitationId>,
    /// The contact who answered, when known.
    pub contact_id: Option<ContactId>,
    /// 1 when the respondent chose to stay anonymous.
    pub anonymous: i32,
    /// The customer-organization key (kept even when the contact is erased).
    pub org_key: String,
    /// The locale answered in.
    pub locale: Option<String>,
    /// `live` or `import`.
    pub source: ResponseSource,
    /// When it was completed.
    pub completed_at: String,
    /// When it was voided.
    pub voided_at: Option<String>,
    /// Who voided it.
    pub voided_by: Option<String>,
    /// Why it was voided.
    pub void_reason: Option<String>,
    /// When it was stored.
    pub created_at: String,
}

/// A stored answer.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = answers)]
pub struct AnswerRow {
    /// The response.
    pub response_id: ResponseId,
    /// The question.
    pub question_id: QuestionId,
    /// The question's metric.
    pub metric: Option<Metric>,
    /// A number answer.
    pub number_value: Option<i64>,
    /// A text or choice answer (JSON array for multi-choice).
    pub text_value: Option<String>,
}

/// Stores a response with its answers, and counts them in its survey's answer counts.
pub fn insert(conn: &mut DbConnection, row: &ResponseRow, answers: &[AnswerRow]) -> ApiResult<()> {
    diesel::insert_into(responses::table)
        .values(row)
        .execute(conn)?;
    let binds: Vec<Bind> = answers
        .iter()
        .flat_map(|a| {
            [
                Bind::Text(a.response_id.to_string()),
                Bind::Text(a.question_id.to_string()),
                Bind::NullableText(a.metric.as_ref().map(|m| m.to_text().into_owned())),
                Bind::NullableInt(a.number_value),
                Bind::NullableText(a.text_value.clone()),
            ]
        })
        .collect();
    super::results::insert_rows(
        conn,
        "answers",
        &[
            "response_id",
            "question_id",
            "metric",
            "number_value",
            "text_value",
        ],
        &binds,
        "",
    )?;
    super::results::count_response(conn, row.id)
}

/// One response, if visible to `scope`.
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ResponseId,
) -> ApiResult<ResponseRow> {
    super::scoped_get!(conn, responses, ResponseRow, visibility, id, "response")
}

/// A page of one survey's responses.
pub fn list_for_survey(
    conn: &mut DbConnection,
    survey_id: SurveyId,
    after: Option<ResponseId>,
    limit: i64,
) -> ApiResult<(Vec<ResponseRow>, bool)> {
    let query = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .select(ResponseRow::as_select())
        .into_boxed();
    super::paginate!(conn, query, responses::id, after, limit)
}

/// The answers of these responses.
pub fn answers_of(
    conn: &mut DbConnection,
    response_ids: &[ResponseId],
) -> ApiResult<Vec<AnswerRow>> {
    Ok(answers::table
        .filter(answers::response_id.eq_any(response_ids))
        .select(AnswerRow::as_select())
        .order((answers::response_id.asc(), answers::question_id.asc()))
        .load(conn)?)
}

/// Voids a response (it stays stored, and stops counting, in its survey's answer counts too).
pub fn void(
    conn: &mut DbConnection,
    id: ResponseId,
    by: &str,
    reason: &str,
    now: &str,
) -> ApiResult<ResponseRow> {
    let current = get(conn, Visibility::All, id)?;
    let updated = diesel::update(
        responses::table
            .find(&current.id)
            .filter(responses::voided_at.is_null()),
    )
    .set((
        responses::voided_at.eq(now),
        responses::voided_by.eq(by),
        responses::void_reason.eq(reason),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(ApiError::conflict(
            ErrorCode::ResponseAlreadyVoided,
            "the response is already voided",
        ));
    }
    super::results::uncount_response(conn, current.id)?;
    get(conn, Visibility::All, id)
}
