//! The survey lifecycle: draft → open (questionnaire frozen) → closed, and when a survey accepts answers.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a survey is in its life.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    ToSchema,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum SurveyStatus {
    /// Being prepared; custom questions can change.
    Draft,
    /// Accepting answers (until `closes_at`, if set); the questionnaire is frozen.
    Open,
    /// No longer accepting answers.
    Closed,
}

/// A move along the lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Draft → open: the questionnaire is frozen and answers are accepted.
    Open,
    /// Open → closed: answers are no longer accepted.
    Close,
}

impl Transition {
    /// The status a survey must have for this move.
    pub const fn from(self) -> SurveyStatus {
        match self {
            Transition::Open => SurveyStatus::Draft,
            Transition::Close => SurveyStatus::Open,
        }
    }

    /// The status the move leads to.
    pub const fn to(self) -> SurveyStatus {
        match self {
            Transition::Open => SurveyStatus::Open,
            Transition::Close => SurveyStatus::Closed,
        }
    }
}

/// A move the survey's current status does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "the survey is {current}; only a {} survey can become {}",
    .transition.from(),
    .transition.to()
)]
pub struct TransitionError {
    /// The survey's status.
    pub current: SurveyStatus,
    /// The move asked for.
    pub transition: Transition,
}

/// A stored status text that names no survey status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown survey status `{0}`")]
pub struct UnknownSurveyStatus(pub String);

impl SurveyStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [SurveyStatus; 3] = [
        SurveyStatus::Draft,
        SurveyStatus::Open,
        SurveyStatus::Closed,
    ];

    /// The stored and serialized text: the one mapping between the status and text.
    pub const fn as_str(self) -> &'static str {
        match self {
            SurveyStatus::Draft => "draft",
            SurveyStatus::Open => "open",
            SurveyStatus::Closed => "closed",
        }
    }

    /// The status a stored text names.
    pub fn parse(text: &str) -> Result<Self, UnknownSurveyStatus> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| UnknownSurveyStatus(text.to_owned()))
    }

    /// Whether custom questions may be added, changed or removed (only before the questionnaire is frozen).
    pub fn can_edit_questionnaire(self) -> bool {
        self == SurveyStatus::Draft
    }

    /// Whether the offered locales may change (only before the survey opens).
    pub fn can_change_locales(self) -> bool {
        self == SurveyStatus::Draft
    }

    /// Whether the survey may be deleted (an opened survey is closed instead).
    pub fn can_delete(self) -> bool {
        self == SurveyStatus::Draft
    }

    /// Whether the survey accepts answers (and so invitations and reminders) at `now`: it is open
    /// and its automatic close time, if any, lies after `now`. Works on any ordered time: instants,
    /// or stored timestamps of one fixed-width format.
    pub fn accepting_answers<T: Ord>(self, closes_at: Option<T>, now: T) -> bool {
        self == SurveyStatus::Open && closes_at.is_none_or(|at| at > now)
    }

    /// The status after `transition`, or why the survey cannot make it.
    pub fn apply(self, transition: Transition) -> Result<SurveyStatus, TransitionError> {
        if self == transition.from() {
            Ok(transition.to())
        } else {
            Err(TransitionError {
                current: self,
                transition,
            })
        }
    }

    /// Opening: only a draft opens.
    pub fn open(self) -> Result<SurveyStatus, TransitionError> {
        self.apply(Transition::Open)
    }

    /// Closing: only an open survey closes.
    pub fn close(self) -> Result<SurveyStatus, TransitionError> {
        self.apply(Transition::Close)
    }
}

impl fmt::Display for SurveyStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SurveyStatus {
    type Err = UnknownSurveyStatus;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use SurveyStatus::*;

    use super::*;

    #[test]
    fn the_text_mapping_round_trips_and_matches_the_api_values() {
        for status in SurveyStatus::ALL {
            assert_eq!(SurveyStatus::parse(status.as_str()), Ok(status));
            assert_eq!(status.as_str().parse::<SurveyStatus>(), Ok(status));
            assert_eq!(status.to_string(), status.as_str());
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::Value::from(status.as_str())
            );
        }
        assert_eq!(
            SurveyStatus::ALL.map(SurveyStatus::as_str),
            ["draft", "open", "closed"]
        );
        for bad in ["", "Draft", "OPEN", "closed ", "opened", "expired"] {
            assert_eq!(
                SurveyStatus::parse(bad),
                Err(UnknownSurveyStatus(bad.to_owned()))
            );
        }
        assert_eq!(
            SurveyStatus::parse("x").unwrap_err().to_string(),
            "unknown survey status `x`"
        );
    }

    #[test]
    fn only_a_draft_changes_its_questionnaire_and_locales_or_is_deleted() {
        assert!(Draft.can_edit_questionnaire());
        assert!(Draft.can_change_locales());
        assert!(Draft.can_delete());
        for frozen in [Open, Closed] {
            assert!(!frozen.can_edit_questionnaire());
            assert!(!frozen.can_change_locales());
            assert!(!frozen.can_delete());
        }
    }

    #[test]
    fn only_an_open_survey_before_its_close_time_accepts_answers() {
        assert!(Open.accepting_answers(None, "2026-05-01T00:00:00.000000Z"));
        assert!(Open.accepting_answers(
            Some("2026-05-01T00:00:00.000001Z"),
            "2026-05-01T00:00:00.000000Z"
        ));
        // The close time itself is already closed.
        assert!(!Open.accepting_answers(
            Some("2026-05-01T00:00:00.000000Z"),
            "2026-05-01T00:00:00.000000Z"
        ));
        assert!(!Open.accepting_answers(Some(1), 2));
        for other in [Draft, Closed] {
            assert!(!other.accepting_answers(None, 0));
            assert!(!other.accepting_answers(Some(10), 0));
        }
    }

    #[test]
    fn a_draft_opens_and_an_open_survey_closes() {
        assert_eq!(Draft.open(), Ok(Open));
        assert_eq!(Open.close(), Ok(Closed));
        assert_eq!(Draft.apply(Transition::Open), Ok(Open));
        assert_eq!(Open.apply(Transition::Close), Ok(Closed));
    }

    #[test]
    fn other_moves_are_refused_with_the_reason() {
        let refused = |current: SurveyStatus, transition| {
            current.apply(transition).expect_err("refused").to_string()
        };
        assert_eq!(
            refused(Open, Transition::Open),
            "the survey is open; only a draft survey can become open"
        );
        assert_eq!(
            refused(Closed, Transition::Open),
            "the survey is closed; only a draft survey can become open"
        );
        assert_eq!(
            refused(Draft, Transition::Close),
            "the survey is draft; only a open survey can become closed"
        );
        assert_eq!(
            refused(Closed, Transition::Close),
            "the survey is closed; only a open survey can become closed"
        );
        assert_eq!(
            Closed.open(),
            Err(TransitionError {
                current: Closed,
                transition: Transition::Open
            })
        );
    }

    fn status() -> impl Strategy<Value = SurveyStatus> {
        prop::sample::select(SurveyStatus::ALL.to_vec())
    }

    fn transition() -> impl Strategy<Value = Transition> {
        prop::sample::select(vec![Transition::Open, Transition::Close])
    }

    proptest! {
        /// Any walk of moves only ever goes forward, never leaves `closed`, and answers are
        /// accepted exactly while the survey is open and before its close time.
        #[test]
        fn walks_only_go_forward(
            moves in prop::collection::vec(transition(), 0..8),
            closes_at in prop::option::of(0i64..100),
            now in 0i64..100,
        ) {
            let mut current = Draft;
            for transition in moves {
                let rank = |s: SurveyStatus| SurveyStatus::ALL.iter().position(|&x| x == s);
                match current.apply(transition) {
                    Ok(next) => {
                        prop_assert_eq!(rank(next), rank(current).map(|r| r + 1));
                        prop_assert_eq!(next, transition.to());
                        current = next;
                    }
                    Err(error) => {
                        prop_assert_ne!(current, transition.from());
                        prop_assert_eq!(error.current, current);
                    }
                }
                prop_assert_eq!(current.can_edit_questionnaire(), current == Draft);
            }
            prop_assert_eq!(
                current.accepting_answers(closes_at, now),
                current == Open && closes_at.is_none_or(|at| now < at)
            );
        }

        /// Any text parses to a status exactly when it is one of the three stored texts.
        #[test]
        fn parse_accepts_exactly_the_stored_texts(text in "[a-z]{0,7}", status in status()) {
            prop_assert_eq!(SurveyStatus::parse(status.as_str()), Ok(status));
            let known = ["draft", "open", "closed"].contains(&text.as_str());
            prop_assert_eq!(SurveyStatus::parse(&text).is_ok(), known);
        }
    }
}
