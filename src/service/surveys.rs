//! Surveys of an office and their custom questions: draft → open (questionnaire frozen) → closed.
//! Each use case runs in the transaction it opens; the lifecycle rules come from
//! `crate::domain::survey`, the question rules from `crate::domain::questionnaire`.

use chrono::{DateTime, Utc};

use crate::{
    auth::Visibility,
    db::{
        self,
        questions::QuestionRow,
        surveys::{SurveyChanges, SurveyRow},
        DbConnection,
    },
    domain::{
        ids::{OfficeId, QuestionId, SurveyId},
        questionnaire::{
            check_definition, ChoiceOption, Question, QuestionKind, ScaleLabels, Translations,
            MAX_CUSTOM_QUESTIONS,
        },
        survey::{SurveyStatus, Transition},
    },
    error::{ApiError, ApiResult, ErrorCode},
};

/// A new survey, validated by the caller.
#[derive(Debug, Clone)]
pub struct NewSurvey {
    /// The title respondents see.
    pub title: String,
    /// The offered locales; `None` offers the program's default locale.
    pub locales: Option<Vec<String>>,
    /// When the survey stops accepting answers by itself.
    pub closes_at: Option<DateTime<Utc>>,
}

/// Changes to a survey; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SurveyEdit {
    /// New title.
    pub title: Option<String>,
    /// New locales (drafts only).
    pub locales: Option<Vec<String>>,
    /// New automatic close time; `Some(None)` clears it.
    pub closes_at: Option<Option<DateTime<Utc>>>,
}

/// A survey's questionnaire as it stands.
#[derive(Debug, Clone)]
pub struct SurveyQuestions {
    /// Whether the questions are frozen (the survey was opened).
    pub frozen: bool,
    /// The questions in order: the standard ones, then the custom ones.
    pub items: Vec<Question>,
}

/// A new custom question.
#[derive(Debug, Clone)]
pub struct NewQuestion {
    /// The kind of answer it takes.
    pub kind: QuestionKind,
    /// Whether an answer is required.
    pub required: bool,
    /// Position among the custom questions (1–100); `None` puts it last.
    pub position: Option<i32>,
    /// Lowest value of a `rating`.
    pub min_value: Option<i64>,
    /// Highest value of a `rating`.
    pub max_value: Option<i64>,
    /// The question text per locale.
    pub prompt: Translations,
    /// Labels of the scale ends.
    pub scale_labels: Option<ScaleLabels>,
    /// The choices of a choice question.
    pub options: Vec<ChoiceOption>,
}

/// Changes to a custom question; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct QuestionEdit {
    /// New required flag.
    pub required: Option<bool>,
    /// New position among the custom questions (1–100).
    pub position: Option<i32>,
    /// New lowest value.
    pub min_value: Option<i64>,
    /// New highest value.
    pub max_value: Option<i64>,
    /// New prompt translations (replacing the old ones).
    pub prompt: Option<Translations>,
    /// New scale labels.
    pub scale_labels: Option<ScaleLabels>,
    /// New options (replacing the old ones).
    pub options: Option<Vec<ChoiceOption>>,
}

/// Creates a draft survey of a visible office with the standard questions.
pub fn create_survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    office_id: OfficeId,
    survey: NewSurvey,
    now: &str,
) -> ApiResult<SurveyRow> {
    db::write_tx(conn, |conn| {
        let office = db::offices::get(conn, visibility, office_id)?;
        let locales = match survey.locales {
            Some(locales) => locales,
            None => vec![db::settings::get(conn)?.default_locale],
        };
        db::surveys::insert(
            conn,
            SurveyRow {
                id: SurveyId::new(),
                office_id: office.id,
                membership_id: office.membership_id,
                partner_id: office.partner_id,
                title: survey.title.trim().to_owned(),
                status: SurveyStatus::Draft,
                locales: serde_json::to_string(&locales).unwrap_or_default(),
                closes_at: survey.closes_at.map(db::timestamp),
                opened_at: None,
                closed_at: None,
                questionnaire: None,
                version: 1,
                created_at: now.to_owned(),
                updated_at: now.to_owned(),
            },
        )
    })
}

/// A page of a visible office's surveys, and whether more follow.
pub fn list_surveys(
    conn: &mut DbConnection,
    visibility: Visibility,
    office_id: OfficeId,
    after: Option<SurveyId>,
    limit: i64,
) -> ApiResult<(Vec<SurveyRow>, bool)> {
    db::offices::get(conn, visibility, office_id)?;
    db::surveys::list_for_office(conn, office_id, after, limit)
}

/// A survey visible to the caller, or 404.
pub fn get_survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
) -> ApiResult<SurveyRow> {
    db::surveys::get(conn, visibility, id)
}

/// Changes a survey's title, close time and (while it is a draft) locales.
pub fn update_survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
    edit: SurveyEdit,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<SurveyRow> {
    db::write_tx(conn, |conn| {
        let current = db::surveys::get(conn, visibility, id)?;
        if edit.locales.is_some() && !current.status.can_change_locales() {
            return Err(ApiError::conflict(
                ErrorCode::SurveyNotDraft,
                "the locales of an opened survey are frozen",
            ));
        }
        let changes = SurveyChanges {
            title: edit.title.map(|t| t.trim().to_owned()),
            locales: edit
                .locales
                .map(|l| serde_json::to_string(&l).unwrap_or_default()),
            closes_at: edit.closes_at.map(|at| at.map(db::timestamp)),
            ..SurveyChanges::default()
        };
        db::surveys::update(conn, &current, expected_version, changes, now)
    })
}

/// Deletes a draft survey with its custom questions (an opened survey is 409).
pub fn delete_survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
    expected_version: Option<i64>,
) -> ApiResult<()> {
    db::write_tx(conn, |conn| {
        let current = db::surveys::get(conn, visibility, id)?;
        db::surveys::delete_draft(conn, &current, expected_version)
    })
}

/// Opens a draft survey: freezes its questionnaire as it stands and starts accepting answers.
pub fn open_survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<SurveyRow> {
    transition(
        conn,
        visibility,
        id,
        Transition::Open,
        expected_version,
        now,
    )
}

/// Closes an open survey: it stops accepting answers; answers already given stay.
pub fn close_survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<SurveyRow> {
    transition(
        conn,
        visibility,
        id,
        Transition::Close,
        expected_version,
        now,
    )
}

/// Moves a visible survey along its lifecycle, stamping the time; opening also freezes the questionnaire.
fn transition(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
    transition: Transition,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<SurveyRow> {
    db::write_tx(conn, |conn| {
        let current = db::surveys::get(conn, visibility, id)?;
        let to = current.status.apply(transition).map_err(|refused| {
            ApiError::conflict(ErrorCode::InvalidStatusTransition, refused.to_string())
        })?;
        let mut changes = SurveyChanges {
            status: Some(to),
            ..SurveyChanges::default()
        };
        match transition {
            Transition::Open => {
                changes.opened_at = Some(now.to_owned());
                changes.questionnaire =
                    Some(serde_json::to_string(&questions_of(conn, &current)?).unwrap_or_default());
            }
            Transition::Close => changes.closed_at = Some(now.to_owned()),
        }
        db::surveys::update(conn, &current, expected_version, changes, now)
    })
}

/// The questions of a survey in order: frozen once opened, else the current standard and custom questions.
fn questions_of(conn: &mut DbConnection, survey: &SurveyRow) -> ApiResult<Vec<Question>> {
    if let Some(frozen) = &survey.questionnaire {
        return serde_json::from_str(frozen)
            .map_err(|e| ApiError::Internal(format!("frozen questionnaire is invalid: {e}")));
    }
    let mut questions = db::questions::standard(conn)?;
    questions.extend(db::questions::custom(conn, survey.id)?);
    Ok(questions)
}

/// A visible survey's questionnaire: frozen once it was opened, else as it stands now.
pub fn questionnaire(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
) -> ApiResult<SurveyQuestions> {
    let survey = db::surveys::get(conn, visibility, id)?;
    Ok(SurveyQuestions {
        frozen: survey.questionnaire.is_some(),
        items: questions_of(conn, &survey)?,
    })
}

const CUSTOM_POSITION_BASE: i32 = 100;

/// The stored position of a custom question (they follow the standard ones).
fn custom_position(position: i32) -> ApiResult<i32> {
    match position {
        1..=100 => Ok(CUSTOM_POSITION_BASE + position),
        _ => Err(ApiError::invalid_field("position", "must be from 1 to 100")),
    }
}

/// The question as stored (an NPS question always runs 0–10), or why its definition is invalid.
fn checked(mut question: Question) -> ApiResult<Question> {
    if question.kind == QuestionKind::Nps {
        question.min_value = Some(0);
        question.max_value = Some(10);
    }
    if !(CUSTOM_POSITION_BASE + 1..=CUSTOM_POSITION_BASE + 100).contains(&question.position) {
        return Err(ApiError::invalid_field("position", "must be from 1 to 100"));
    }
    let errors = check_definition(&question);
    if errors.is_empty() {
        Ok(question)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// A visible survey whose questionnaire may still change (409 once it was opened).
fn editable_draft(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
) -> ApiResult<SurveyRow> {
    let survey = db::surveys::get(conn, visibility, survey_id)?;
    if !survey.status.can_edit_questionnaire() {
        return Err(ApiError::conflict(
            ErrorCode::SurveyNotDraft,
            "the questionnaire of an opened survey is frozen",
        ));
    }
    Ok(survey)
}

/// Adds a custom question to a draft survey, within the limit of custom questions per survey.
pub fn add_question(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
    new: NewQuestion,
    now: &str,
) -> ApiResult<Question> {
    db::write_tx(conn, |conn| {
        let survey = editable_draft(conn, visibility, survey_id)?;
        let count = db::questions::count_custom(conn, survey.id)?;
        if count >= MAX_CUSTOM_QUESTIONS as i64 {
            return Err(ApiError::conflict(
                ErrorCode::TooManyQuestions,
                format!("a survey has at most {MAX_CUSTOM_QUESTIONS} custom questions"),
            ));
        }
        let question = checked(Question {
            id: QuestionId::new().into(),
            standard: false,
            position: custom_position(new.position.unwrap_or(count as i32 + 1))?,
            kind: new.kind,
            metric: None,
            required: new.required,
            min_value: new.min_value,
            max_value: new.max_value,
            prompt: new.prompt,
            scale_labels: new.scale_labels,
            options: new.options,
        })?;
        db::questions::insert(
            conn,
            &QuestionRow::from_question(&question, Some(survey.id), 1, now, now),
        )?;
        Ok(question)
    })
}

/// Changes a custom question of a draft survey; returns it with its new version.
pub fn update_question(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
    question_id: QuestionId,
    edit: QuestionEdit,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<(Question, i64)> {
    db::write_tx(conn, |conn| {
        let survey = editable_draft(conn, visibility, survey_id)?;
        let current = db::questions::get(conn, Some(survey.id), question_id)?;
        let mut question = Question::try_from(current.clone())?;
        question.required = edit.required.unwrap_or(question.required);
        question.position = edit
            .position
            .map(custom_position)
            .transpose()?
            .unwrap_or(question.position);
        question.min_value = edit.min_value.or(question.min_value);
        question.max_value = edit.max_value.or(question.max_value);
        question.prompt = edit.prompt.unwrap_or(question.prompt);
        question.scale_labels = edit.scale_labels.or(question.scale_labels);
        question.options = edit.options.unwrap_or(question.options);
        let question = checked(question)?;
        let row = QuestionRow::from_question(
            &question,
            Some(survey.id),
            current.version,
            &current.created_at,
            now,
        );
        db::questions::replace(conn, &current, expected_version, &row)?;
        Ok((question, current.version + 1))
    })
}

/// Removes a custom question from a draft survey.
pub fn delete_question(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
    question_id: QuestionId,
    expected_version: Option<i64>,
) -> ApiResult<()> {
    db::write_tx(conn, |conn| {
        let survey = editable_draft(conn, visibility, survey_id)?;
        let current = db::questions::get(conn, Some(survey.id), question_id)?;
        db::questions::delete(conn, &current, expected_version)
    })
}
