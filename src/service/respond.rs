//! Answering a survey through a personal link: shared by the respondent API and the survey page.

use std::collections::BTreeMap;

use base64::Engine as _;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{
    db::{
        self,
        invitations::InvitationRow,
        responses::{AnswerRow, ResponseRow},
        surveys::SurveyRow,
        DbConnection,
    },
    domain::{
        ids::ResponseId,
        invitation::InvitationStatus,
        questionnaire::{validate_answers, Question, QuestionKind},
        response::ResponseSource,
    },
    error::{ApiError, ErrorCode, FieldError},
};

/// Why a link cannot be answered (each has its own status and page).
#[derive(Debug, thiserror::Error)]
pub enum RespondError {
    /// No invitation has this token.
    #[error("this survey link is not valid")]
    Unknown,
    /// The invitation expired or its survey is no longer open (with the contact's locale, for the page).
    #[error("this survey link has expired or its survey is closed")]
    Expired(Option<String>),
    /// The invitation was already answered (with the contact's locale, for the page).
    #[error("this survey link has already been answered")]
    Answered(Option<String>),
    /// Some answers are invalid.
    #[error("some answers are invalid")]
    Invalid(Vec<FieldError>, Box<Answerable>),
    /// Something else failed.
    #[error(transparent)]
    Failed(#[from] ApiError),
}

impl From<diesel::result::Error> for RespondError {
    fn from(error: diesel::result::Error) -> Self {
        RespondError::Failed(error.into())
    }
}

impl From<RespondError> for ApiError {
    fn from(error: RespondError) -> Self {
        match error {
            RespondError::Unknown => ApiError::NotFound(error.to_string()),
            RespondError::Expired(_) => ApiError::Gone(error.to_string()),
            RespondError::Answered(_) => {
                ApiError::conflict(ErrorCode::InvitationAlreadyAnswered, error.to_string())
            }
            RespondError::Invalid(errors, _) => ApiError::validation(errors),
            RespondError::Failed(error) => error,
        }
    }
}

/// A new personal link token (256 random bits, base64url) and the hash that is stored instead of it.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_token(&token);
    (token, hash)
}

/// The stored hash of a token.
pub fn hash_token(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

fn well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An answerable invitation with its survey and frozen questions.
#[derive(Debug)]
pub struct Answerable {
    /// The invitation.
    pub invitation: InvitationRow,
    /// Its survey.
    pub survey: SurveyRow,
    /// The frozen questionnaire.
    pub questions: Vec<Question>,
    /// The contact's preferred locale, if known.
    pub contact_locale: Option<String>,
    /// The contact's customer organization (what the eight-per-organization rule counts by).
    pub contact_org_key: String,
    /// The program's default locale, the last fallback of every text.
    pub program_locale: String,
}

impl Answerable {
    /// The survey's offered locales.
    pub fn locales(&self) -> Vec<String> {
        serde_json::from_str(&self.survey.locales).unwrap_or_default()
    }
}

/// What a link is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// Reading the questionnaire.
    Read,
    /// Submitting answers.
    Answer,
}

fn answerable(
    conn: &mut DbConnection,
    token: &str,
    now: &str,
    purpose: Purpose,
) -> Result<Answerable, RespondError> {
    if !well_formed(token) {
        return Err(RespondError::Unknown);
    }
    let db::invitations::Link {
        invitation,
        contact_locale,
        contact_org_key,
        survey,
        program_locale,
    } = db::invitations::find_link(conn, &hash_token(token))?.ok_or(RespondError::Unknown)?;
    if invitation.status == InvitationStatus::Completed {
        // Whoever holds the link (the partner, for links it delivered) must not learn from reading
        // it that it was answered anonymously: it reads like an unanswered link; only answering is refused.
        if purpose == Purpose::Answer
            || !db::invitations::was_answered_anonymously(conn, invitation.id)?
        {
            return Err(RespondError::Answered(contact_locale));
        }
    }
    if invitation.expires_at.as_str() <= now || !survey.accepting_answers(now) {
        return Err(RespondError::Expired(contact_locale));
    }
    let questions: Vec<Question> =
        serde_json::from_str(survey.questionnaire.as_deref().unwrap_or("[]"))
            .map_err(|e| ApiError::Internal(format!("frozen questionnaire is invalid: {e}")))?;
    Ok(Answerable {
        invitation,
        survey,
        questions,
        contact_locale,
        contact_org_key,
        program_locale,
    })
}

/// Loads the questionnaire of a link and records that it was opened.
pub fn open(conn: &mut DbConnection, token: &str, now: &str) -> Result<Answerable, RespondError> {
    db::write_tx(conn, |conn| {
        let found = answerable(conn, token, now, Purpose::Read)?;
        db::invitations::advance(conn, found.invitation.id, InvitationStatus::Opened, now)?;
        Ok(found)
    })
}

/// Answers as they arrive.
#[derive(Debug, Clone)]
pub enum Answers {
    /// JSON values by question id (the respondent API).
    Json(BTreeMap<Uuid, serde_json::Value>),
    /// Every value of each form field `q_<id>` (the survey page): one for most kinds, any number for multi-choice.
    Form(BTreeMap<Uuid, Vec<String>>),
}

impl Answers {
    fn into_json(self, questions: &[Question]) -> BTreeMap<Uuid, serde_json::Value> {
        match self {
            Answers::Json(values) => values,
            Answers::Form(fields) => fields
                .into_iter()
                .map(|(id, values)| {
                    let multi = questions
                        .iter()
                        .any(|q| q.id == id && q.kind == QuestionKind::MultiChoice);
                    let value = match multi {
                        true => serde_json::Value::from(values),
                        false => values
                            .into_iter()
                            .next()
                            .map(serde_json::Value::from)
                            .unwrap_or_default(),
                    };
                    (id, value)
                })
                .collect(),
        }
    }
}

/// What a respondent sends.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The answers.
    pub answers: Answers,
    /// Whether the respondent stays anonymous to the partner.
    pub anonymous: bool,
    /// The locale answered in (kept only when it is a valid language tag).
    pub locale: Option<String>,
}

/// Validates and stores a response, once per invitation; returns the response id. Invalid answers come
/// back with the questionnaire, so a form can be shown again. The link is read and the answers are
/// validated before the write, which only stores them: the invitation's conditional advance to
/// `completed` is what admits one response per link, so the write can join a group commit.
pub fn submit(
    conn: &mut DbConnection,
    token: &str,
    submission: Submission,
    now: &str,
) -> Result<ResponseId, RespondError> {
    let found = answerable(conn, token, now, Purpose::Answer)?;
    let values = submission.answers.into_json(&found.questions);
    let answers = match validate_answers(&found.questions, &values) {
        Ok(answers) => answers,
        Err(errors) => return Err(RespondError::Invalid(errors, Box::new(found))),
    };
    let response = ResponseRow {
        id: ResponseId::new(),
        survey_id: found.survey.id,
        office_id: found.survey.office_id,
        membership_id: found.survey.membership_id,
        partner_id: found.survey.partner_id,
        invitation_id: Some(found.invitation.id),
        contact_id: Some(found.invitation.contact_id),
        anonymous: i32::from(submission.anonymous),
        org_key: found.contact_org_key,
        locale: crate::domain::anonymity::kept_locale(submission.locale, submission.anonymous),
        source: ResponseSource::Live,
        completed_at: now.to_owned(),
        voided_at: None,
        voided_by: None,
        void_reason: None,
        created_at: now.to_owned(),
    };
    let rows: Vec<AnswerRow> = answers
        .into_iter()
        .map(|a| answer_row(response.id, a))
        .collect();
    let event = crate::service::events::response_completed(&response)?;
    let (invitation_id, contact_locale, now) =
        (found.invitation.id, found.contact_locale, now.to_owned());
    db::write_batched(conn, move |conn| {
        if !db::invitations::advance(conn, invitation_id, InvitationStatus::Completed, &now)? {
            return Err(RespondError::Answered(contact_locale));
        }
        crate::service::events::emit(conn, event, &now)?;
        // Last, so the rows every answer to this survey updates stay locked only until the commit.
        db::responses::insert(conn, &response, &rows)?;
        crate::service::standing::note_change(conn, response.membership_id)?;
        Ok(response.id)
    })
}

/// The stored row of a validated answer.
pub fn answer_row(
    response_id: ResponseId,
    answer: crate::domain::questionnaire::Answer,
) -> AnswerRow {
    AnswerRow {
        response_id,
        question_id: answer.question_id.into(),
        metric: answer.metric,
        number_value: answer.number,
        text_value: answer.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bit_base64url_and_only_their_hash_is_kept() {
        let (token, hash) = new_token();
        assert!(well_formed(&token), "{token}");
        assert_eq!(hash, hash_token(&token));
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains(&token));
        assert_ne!(new_token().0, token);
        assert!(!well_formed("short"));
    }
}
