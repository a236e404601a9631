//! The program's rule settings and its standard questionnaire.

use std::collections::BTreeMap;

use crate::{
    db::{
        self,
        questions::QuestionRow,
        settings::{SettingsChanges, SettingsRow},
        DbConnection,
    },
    domain::{
        ids::QuestionId,
        questionnaire::{check_definition, Question, ScaleLabels, Translations},
    },
    error::{ApiError, ApiResult},
};

/// The settings.
pub fn settings(conn: &mut DbConnection) -> ApiResult<SettingsRow> {
    db::settings::get(conn)
}

/// Applies `changes` to the settings when their version is `expected` (or unconditionally).
pub fn update_settings(
    conn: &mut DbConnection,
    expected: Option<i64>,
    changes: SettingsChanges,
    now: &str,
) -> ApiResult<SettingsRow> {
    db::write_tx(conn, |conn| {
        let settings = db::settings::update(conn, expected, changes, now)?;
        super::standing::expire_all(conn)?;
        Ok(settings)
    })
}

/// The standard questions, in order.
pub fn standard_questions(conn: &mut DbConnection) -> ApiResult<Vec<Question>> {
    db::questions::standard(conn)
}

/// New texts for a standard question; its kind, metric and option values never change.
#[derive(Debug, Clone, Default)]
pub struct Relabel {
    /// New prompt translations.
    pub prompt: Option<Translations>,
    /// New scale-end labels.
    pub scale_labels: Option<ScaleLabels>,
    /// New option labels, by option value.
    pub option_labels: BTreeMap<String, Translations>,
}

/// Gives standard question `id` new texts when its version is `expected`; returns it with its new version.
pub fn relabel_standard_question(
    conn: &mut DbConnection,
    id: QuestionId,
    relabel: Relabel,
    expected: Option<i64>,
    now: &str,
) -> ApiResult<(Question, i64)> {
    db::write_tx(conn, |conn| {
        let current = db::questions::get(conn, None, id)?;
        let mut question = Question::try_from(current.clone())?;
        if let Some(prompt) = relabel.prompt {
            question.prompt = prompt;
        }
        if relabel.scale_labels.is_some() {
            question.scale_labels = relabel.scale_labels;
        }
        for (value, label) in relabel.option_labels {
            let option = question
                .options
                .iter_mut()
                .find(|o| o.value == value)
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        &format!("option_labels.{value}"),
                        "is not an option of this question",
                    )
                })?;
            option.label = label;
        }
        let errors = check_definition(&question);
        if !errors.is_empty() {
            return Err(ApiError::validation(errors));
        }
        let row =
            QuestionRow::from_question(&question, None, current.version, &current.created_at, now);
        db::questions::replace(conn, &current, expected, &row)?;
        Ok((question, current.version + 1))
    })
}
