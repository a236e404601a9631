//! Responses for the partner and the administrator: reading them with their answers, voiding and
//! historical import. Each use case that writes runs in the transaction it opens; what the partner may
//! see of an anonymous response is decided where it is shown.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{
    auth::Visibility,
    db::{
        self,
        responses::{AnswerRow, ResponseRow},
        surveys::SurveyRow,
        DbConnection,
    },
    domain::{
        anonymity::kept_locale,
        ids::{ContactId, QuestionId, ResponseId, SurveyId},
        org_key::org_key,
        questionnaire::{validate_answers, Question},
        response::ResponseSource,
    },
    error::{ApiError, ApiResult, ErrorCode, FieldError},
    service::respond::answer_row,
};

/// Responses read, with their answers and the frozen questions those answer (by question id).
#[derive(Debug, Clone)]
pub struct Answered<T> {
    /// The responses.
    pub responses: T,
    /// The answers of all of them, by response and question.
    pub answers: Vec<AnswerRow>,
    /// The survey's frozen questions, by id.
    pub questions: HashMap<QuestionId, Question>,
}

/// One historical response to import, as read from the request.
#[derive(Debug, Clone)]
pub struct ImportRow {
    /// When it was originally completed (not in the future).
    pub completed_at: DateTime<Utc>,
    /// The respondent's email (its domain identifies the organization unless it is free mail).
    pub email: Option<String>,
    /// The respondent's organization.
    pub organization: Option<String>,
    /// A contact of the survey's office this response belongs to, if known.
    pub contact_id: Option<ContactId>,
    /// Whether the respondent chose anonymity.
    pub anonymous: bool,
    /// The locale answered in.
    pub locale: Option<String>,
    /// Answers by question id of the survey's questionnaire.
    pub answers: BTreeMap<Uuid, serde_json::Value>,
}

/// The frozen questionnaire of a survey (empty before it was opened).
fn frozen_questions(conn: &mut DbConnection, survey_id: SurveyId) -> ApiResult<Vec<Question>> {
    let survey = db::surveys::get(conn, Visibility::All, survey_id)?;
    serde_json::from_str(survey.questionnaire.as_deref().unwrap_or("[]"))
        .map_err(|e| ApiError::Internal(format!("frozen questionnaire is invalid: {e}")))
}

/// Questions by id.
fn by_id(questions: Vec<Question>) -> HashMap<QuestionId, Question> {
    questions.into_iter().map(|q| (q.id.into(), q)).collect()
}

/// A page of a visible survey's responses with their answers, and whether more follow.
pub fn list_responses(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
    after: Option<ResponseId>,
    limit: i64,
) -> ApiResult<Answered<(Vec<ResponseRow>, bool)>> {
    let survey = db::surveys::get(conn, visibility, survey_id)?;
    let rows = db::responses::list_for_survey(conn, survey.id, after, limit)?;
    let ids: Vec<ResponseId> = rows.0.iter().map(|r| r.id).collect();
    let answers = db::responses::answers_of(conn, &ids)?;
    let questions = by_id(frozen_questions(conn, survey.id)?);
    Ok(Answered {
        responses: rows,
        answers,
        questions,
    })
}

/// One visible response with its answers.
pub fn get_response(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ResponseId,
) -> ApiResult<Answered<ResponseRow>> {
    let row = db::responses::get(conn, visibility, id)?;
    let answers = db::responses::answers_of(conn, std::slice::from_ref(&row.id))?;
    let questions = by_id(frozen_questions(conn, row.survey_id)?);
    Ok(Answered {
        responses: row,
        answers,
        questions,
    })
}

/// Voids a response `by` the administrator for `reason` (it stays stored and stops counting; 409 when
/// it already is void); returns it as it now is.
pub fn void_response(
    conn: &mut DbConnection,
    id: ResponseId,
    by: &str,
    reason: &str,
    now: &str,
) -> ApiResult<Answered<ResponseRow>> {
    db::write_tx(conn, |conn| {
        let voided = db::responses::void(conn, id, by, reason.trim(), now)?;
        super::standing::note_change(conn, voided.membership_id)?;
        super::events::emit_response_voided(conn, &voided, now)?;
        get_response(conn, Visibility::All, id)
    })
}

/// The stored response and answers of one imported row, or why it is invalid.
fn imported_row(
    conn: &mut DbConnection,
    input: ImportRow,
    questions: &[Question],
    survey: &SurveyRow,
    now: &str,
) -> Result<(ResponseRow, Vec<AnswerRow>), Vec<FieldError>> {
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
        id: ResponseId::new(),
        survey_id: survey.id,
        office_id: survey.office_id,
        membership_id: survey.membership_id,
        partner_id: survey.partner_id,
        invitation_id: None,
        contact_id: contact.map(|c| c.id),
        anonymous: i32::from(input.anonymous),
        org_key: key,
        locale: kept_locale(input.locale, input.anonymous),
        source: ResponseSource::Import,
        completed_at,
        voided_at: None,
        voided_by: None,
        void_reason: None,
        created_at: now.to_owned(),
    };
    let answers = answers.into_iter().map(|a| answer_row(row.id, a)).collect();
    Ok((row, answers))
}

/// Imports historical responses into an opened or closed survey (409 before it was opened: they need
/// its frozen questionnaire), in one transaction. Each row is checked on its own; a row already refused
/// by the caller (`Err`) stays refused. Per row, in order: the new response's id, or why it is invalid.
pub fn import_responses(
    conn: &mut DbConnection,
    survey_id: SurveyId,
    rows: Vec<Result<ImportRow, Vec<FieldError>>>,
    now: &str,
) -> ApiResult<Vec<Result<Uuid, Vec<FieldError>>>> {
    db::write_tx(conn, |conn| {
        let survey = db::surveys::get(conn, Visibility::All, survey_id)?;
        if survey.questionnaire.is_none() {
            return Err(ApiError::conflict(
                ErrorCode::SurveyNotOpen,
                "open the survey first: imported responses need its frozen questionnaire",
            ));
        }
        let questions = frozen_questions(conn, survey.id)?;
        let mut outcomes = Vec::with_capacity(rows.len());
        for row in rows {
            match row.and_then(|input| imported_row(conn, input, &questions, &survey, now)) {
                Ok((row, answers)) => {
                    db::responses::insert(conn, &row, &answers)?;
                    super::events::emit(conn, super::events::response_completed(&row)?, now)?;
                    outcomes.push(Ok(row.id.into()));
                }
                Err(errors) => outcomes.push(Err(errors)),
            }
        }
        super::standing::note_change(conn, survey.membership_id)?;
        Ok(outcomes)
    })
}
