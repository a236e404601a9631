//! Questions, their translations, and the validation of a respondent's answers.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::FieldError;

/// The message of a required question left unanswered (pages translate it by this value).
pub const REQUIRED: &str = "is required";

/// The longest free-text answer, in characters.
pub const MAX_TEXT_ANSWER: usize = 2000;

/// What kind of answer a question takes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    ToSchema,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A whole number between `min_value` and `max_value`.
    Rating,
    /// Likelihood to recommend, 0 to 10.
    Nps,
    /// Exactly one of `options`.
    SingleChoice,
    /// Any number of `options`.
    MultiChoice,
    /// Free text (at most 2,000 characters).
    Text,
}

/// The metric a standard question feeds.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    ToSchema,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Overall satisfaction (4-point scale plus "don't know"): NSAT and CSAT.
    Nsat,
    /// Likelihood to recommend, 0–10: NPS.
    Nps,
    /// Customer effort, 1–7 with 1 = very easy: CES.
    Ces,
    /// The optional comment.
    Comment,
}

/// Texts keyed by locale (`en`, `bg`, `ru`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(transparent)]
#[schema(example = json!({"en": "How satisfied are you?", "bg": "Доколко сте доволни?"}))]
pub struct Translations(pub BTreeMap<String, String>);

impl std::ops::Deref for Translations {
    type Target = BTreeMap<String, String>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Translations {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Translations {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        Translations(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

/// The text for the first locale in `preferences` that has one (each tried exactly, then by its
/// language: `pt` for `pt-BR`), else any text.
pub fn pick<'a>(texts: &'a Translations, preferences: &[&str]) -> &'a str {
    preferences
        .iter()
        .find_map(|locale| {
            texts
                .get(*locale)
                .or_else(|| texts.get(locale.split('-').next().unwrap_or(locale)))
        })
        .or_else(|| texts.values().next())
        .map(String::as_str)
        .unwrap_or_default()
}

/// Chooses the locale to answer in: `?lang=`, then `Accept-Language` in order of preference, then the fallback.
pub fn negotiate_locale(
    requested: Option<&str>,
    accept_language: Option<&str>,
    offered: &[String],
    fallback: &str,
) -> String {
    let offers = |candidate: &str| -> Option<String> {
        let candidate = candidate.trim();
        let language = candidate
            .split('-')
            .next()
            .unwrap_or(candidate)
            .to_ascii_lowercase();
        offered
            .iter()
            .find(|o| o.eq_ignore_ascii_case(candidate))
            .or_else(|| {
                offered.iter().find(|o| {
                    o.split('-')
                        .next()
                        .unwrap_or(o)
                        .eq_ignore_ascii_case(&language)
                })
            })
            .cloned()
    };
    if let Some(found) = requested.and_then(offers) {
        return found;
    }
    let mut ranked: Vec<(f32, &str)> = accept_language
        .unwrap_or_default()
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && tag != "*").then_some((quality, tag))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked
        .into_iter()
        .find_map(|(_, tag)| offers(tag))
        .unwrap_or_else(|| fallback.to_owned())
}

/// One choice of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// The stored value (1–40 characters of `a-z`, `0-9`, `_` or `-`).
    pub value: String,
    /// The label per locale.
    pub label: Translations,
}

/// Labels of the two ends of a rating scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleLabels {
    /// Label of the lowest value, per locale.
    pub min: Translations,
    /// Label of the highest value, per locale.
    pub max: Translations,
}

/// A question as frozen in a questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Question {
    /// The question's id.
    pub id: Uuid,
    /// Whether it is one of the program's standard questions.
    pub standard: bool,
    /// Position in the questionnaire (standard questions first).
    pub position: i32,
    /// The kind of answer it takes.
    pub kind: QuestionKind,
    /// The metric it feeds (standard questions only).
    pub metric: Option<Metric>,
    /// Whether an answer is required.
    pub required: bool,
    /// Lowest value of a `rating` or `nps` question.
    pub min_value: Option<i64>,
    /// Highest value of a `rating` or `nps` question.
    pub max_value: Option<i64>,
    /// The question text per locale.
    pub prompt: Translations,
    /// Labels of the scale ends, for `rating` and `nps`.
    pub scale_labels: Option<ScaleLabels>,
    /// The choices, for `single_choice` and `multi_choice`.
    pub options: Vec<ChoiceOption>,
}

/// A validated answer, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The question answered.
    pub question_id: Uuid,
    /// The metric of the question.
    pub metric: Option<Metric>,
    /// The number, for `rating` and `nps`.
    pub number: Option<i64>,
    /// The text, the chosen value, or the chosen values as a JSON array.
    pub text: Option<String>,
}

/// Validates submitted answers (`question id → JSON value`) against a questionnaire.
/// Empty answers (`null`, `""`, `[]`) count as not answered. Errors name `answers.<question id>`.
pub fn validate_answers(
    questions: &[Question],
    submitted: &BTreeMap<Uuid, serde_json::Value>,
) -> Result<Vec<Answer>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let known: HashSet<Uuid> = questions.iter().map(|q| q.id).collect();
    for id in submitted.keys().filter(|id| !known.contains(id)) {
        errors.push(FieldError::new(
            format!("answers.{id}"),
            "is not a question of this survey",
        ));
    }
    let mut answers = Vec::new();
    for question in questions {
        let field = format!("answers.{}", question.id);
        let value = submitted.get(&question.id).filter(|v| !is_empty(v));
        match value {
            None if question.required => errors.push(FieldError::new(field, REQUIRED)),
            None => {}
            Some(value) => match answer(question, value) {
                Ok(answer) => answers.push(answer),
                Err(message) => errors.push(FieldError::new(field, message)),
            },
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

fn is_empty(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => true,
        serde_json::Value::String(s) => s.trim().is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn answer(question: &Question, value: &serde_json::Value) -> Result<Answer, String> {
    let base = Answer {
        question_id: question.id,
        metric: question.metric,
        number: None,
        text: None,
    };
    let is_option = |v: &str| question.options.iter().any(|o| o.value == v);
    match question.kind {
        QuestionKind::Rating | QuestionKind::Nps => {
            let (min, max) = (
                question.min_value.unwrap_or(0),
                question.max_value.unwrap_or(10),
            );
            let number = value
                .as_i64()
                .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
                .ok_or_else(|| format!("must be a whole number from {min} to {max}"))?;
            if !(min..=max).contains(&number) {
                return Err(format!("must be a whole number from {min} to {max}"));
            }
            Ok(Answer {
                number: Some(number),
                ..base
            })
        }
        QuestionKind::SingleChoice => match value.as_str() {
            Some(choice) if is_option(choice) => Ok(Answer {
                text: Some(choice.to_owned()),
                ..base
            }),
            _ => Err("must be one of the question's option values".into()),
        },
        QuestionKind::MultiChoice => {
            let choices: Vec<&str> = value
                .as_array()
                .ok_or("must be a list of option values")?
                .iter()
                .map(|v| {
                    v.as_str()
                        .filter(|c| is_option(c))
                        .ok_or("must be a list of the question's option values")
                })
                .collect::<Result<_, _>>()?;
            if choices.iter().collect::<HashSet<_>>().len() != choices.len() {
                return Err("must not repeat an option".into());
            }
            Ok(Answer {
                text: Some(serde_json::to_string(&choices).unwrap_or_default()),
                ..base
            })
        }
        QuestionKind::Text => {
            let text = value.as_str().ok_or("must be text")?.trim();
            if super::has_control_characters(text) {
                return Err(super::CONTROL_CHARACTERS.into());
            }
            if text.chars().count() > MAX_TEXT_ANSWER {
                return Err(format!("must be at most {MAX_TEXT_ANSWER} characters"));
            }
            Ok(Answer {
                text: Some(text.to_owned()),
                ..base
            })
        }
    }
}

/// The most custom questions one survey may have.
pub const MAX_CUSTOM_QUESTIONS: usize = 10;

/// Checks a custom question's definition; errors name its fields.
pub fn check_definition(question: &Question) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_texts("prompt", &question.prompt, 500, &mut errors);
    match question.kind {
        QuestionKind::Rating => match (question.min_value, question.max_value) {
            (Some(min), Some(max))
                if (0..=10).contains(&min) && (0..=10).contains(&max) && min < max => {}
            _ => errors.push(FieldError::new(
                "max_value",
                "a rating needs min_value < max_value, both from 0 to 10",
            )),
        },
        QuestionKind::Nps => {
            if question.min_value.is_some_and(|v| v != 0)
                || question.max_value.is_some_and(|v| v != 10)
            {
                errors.push(FieldError::new(
                    "max_value",
                    "an nps question always runs from 0 to 10",
                ));
            }
        }
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
            if !(2..=20).contains(&question.options.len()) {
                errors.push(FieldError::new(
                    "options",
                    "a choice question needs 2 to 20 options",
                ));
            }
            let mut seen = HashSet::new();
            for (index, option) in question.options.iter().enumerate() {
                let valid = (1..=40).contains(&option.value.len())
                    && option.value.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                    });
                if !valid {
                    errors.push(FieldError::new(
                        format!("options[{index}].value"),
                        "must be 1 to 40 characters of a-z, 0-9, _ or -",
                    ));
                }
                if !seen.insert(&option.value) {
                    errors.push(FieldError::new(
                        format!("options[{index}].value"),
                        "repeats another option",
                    ));
                }
                check_texts(
                    &format!("options[{index}].label"),
                    &option.label,
                    200,
                    &mut errors,
                );
            }
        }
        QuestionKind::Text => {}
    }
    let has_choices = matches!(
        question.kind,
        QuestionKind::SingleChoice | QuestionKind::MultiChoice
    );
    if !has_choices && !question.options.is_empty() {
        errors.push(FieldError::new(
            "options",
            "only choice questions have options",
        ));
    }
    if let Some(labels) = &question.scale_labels {
        if !matches!(question.kind, QuestionKind::Rating | QuestionKind::Nps) {
            errors.push(FieldError::new(
                "scale_labels",
                "only rating and nps questions have scale labels",
            ));
        }
        check_texts("scale_labels.min", &labels.min, 100, &mut errors);
        check_texts("scale_labels.max", &labels.max, 100, &mut errors);
    }
    errors
}

fn check_texts(field: &str, texts: &Translations, max_chars: usize, errors: &mut Vec<FieldError>) {
    if texts.is_empty() {
        errors.push(FieldError::new(
            field,
            "needs a text in at least one locale",
        ));
    }
    for (locale, text) in texts.iter() {
        if !super::is_valid_locale(locale) {
            errors.push(FieldError::new(
                format!("{field}.{locale}"),
                "is not a language tag such as en, bg or pt-BR",
            ));
        } else if text.trim().is_empty() || text.chars().count() > max_chars {
            errors.push(FieldError::new(
                format!("{field}.{locale}"),
                format!("must be 1 to {max_chars} characters"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Translations {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn question(kind: QuestionKind, required: bool) -> Question {
        Question {
            id: Uuid::new_v4(),
            standard: false,
            position: 1,
            kind,
            metric: None,
            required,
            min_value: Some(1),
            max_value: Some(5),
            prompt: texts(&[("en", "Q")]),
            scale_labels: None,
            options: ["a", "b", "c"]
                .iter()
                .map(|v| ChoiceOption {
                    value: v.to_string(),
                    label: texts(&[("en", v)]),
                })
                .collect(),
        }
    }

    #[test]
    fn picks_translations_with_fallbacks() {
        let t = texts(&[("en", "Hello"), ("bg", "Здравейте"), ("pt", "Olá")]);
        assert_eq!(pick(&t, &["bg", "en"]), "Здравейте");
        assert_eq!(pick(&t, &["pt-BR", "en"]), "Olá");
        assert_eq!(pick(&t, &["de", "bg", "en"]), "Здравейте");
        assert_eq!(pick(&t, &["de", "fr", "en"]), "Hello");
        assert_eq!(pick(&texts(&[("ru", "Привет")]), &["de", "fr"]), "Привет");
    }

    #[test]
    fn negotiates_locale_from_query_then_header_then_default() {
        let offered = vec!["en".to_string(), "bg".to_string(), "ru".to_string()];
        assert_eq!(
            negotiate_locale(Some("ru"), Some("bg"), &offered, "en"),
            "ru"
        );
        assert_eq!(
            negotiate_locale(
                Some("xx"),
                Some("de;q=0.9, bg-BG;q=0.8, en;q=0.1"),
                &offered,
                "en"
            ),
            "bg"
        );
        assert_eq!(negotiate_locale(None, Some("fr, de"), &offered, "en"), "en");
        assert_eq!(negotiate_locale(None, None, &offered, "bg"), "bg");
    }

    #[test]
    fn checks_custom_question_definitions() {
        let mut rating = question(QuestionKind::Rating, true);
        assert_eq!(
            check_definition(&rating)[0].field,
            "options",
            "a rating has no options"
        );
        rating.options.clear();
        assert!(check_definition(&rating).is_empty());
        let mut bad_rating = question(QuestionKind::Rating, true);
        bad_rating.min_value = Some(5);
        bad_rating.options.clear();
        assert_eq!(check_definition(&bad_rating)[0].field, "max_value");
        let mut one_option = question(QuestionKind::SingleChoice, true);
        one_option.options.truncate(1);
        one_option.prompt = texts(&[("english", "Q")]);
        let fields: Vec<String> = check_definition(&one_option)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["prompt.english", "options"]);
        let mut repeated = question(QuestionKind::MultiChoice, false);
        repeated.options[1].value = "a".into();
        assert_eq!(check_definition(&repeated)[0].field, "options[1].value");
    }

    #[test]
    fn validates_each_kind() {
        let rating = question(QuestionKind::Rating, true);
        let single = question(QuestionKind::SingleChoice, true);
        let multi = question(QuestionKind::MultiChoice, false);
        let text = question(QuestionKind::Text, false);
        let questions = vec![rating.clone(), single.clone(), multi.clone(), text.clone()];

        let ok = BTreeMap::from([
            (rating.id, json!(4)),
            (single.id, json!("b")),
            (multi.id, json!(["a", "c"])),
            (text.id, json!("  fine ")),
        ]);
        let answers = validate_answers(&questions, &ok).unwrap();
        assert_eq!(answers[0].number, Some(4));
        assert_eq!(answers[1].text.as_deref(), Some("b"));
        assert_eq!(answers[2].text.as_deref(), Some(r#"["a","c"]"#));
        assert_eq!(answers[3].text.as_deref(), Some("fine"));

        let optional_empty = BTreeMap::from([
            (rating.id, json!(1)),
            (single.id, json!("a")),
            (multi.id, json!([])),
            (text.id, json!("")),
        ]);
        assert_eq!(
            validate_answers(&questions, &optional_empty).unwrap().len(),
            2
        );

        let stranger = Uuid::new_v4();
        let bad = BTreeMap::from([
            (rating.id, json!(6)),
            (multi.id, json!(["a", "a"])),
            (text.id, json!("x".repeat(MAX_TEXT_ANSWER + 1))),
            (stranger, json!(1)),
        ]);
        let errors = validate_answers(&questions, &bad).unwrap_err();
        let fields: HashSet<String> = errors.iter().map(|e| e.field.clone()).collect();
        for id in [rating.id, single.id, multi.id, text.id, stranger] {
            assert!(
                fields.contains(&format!("answers.{id}")),
                "{id} missing in {errors:?}"
            );
        }
        assert!(errors.iter().any(|e| e.message == "is required"));
    }
}
