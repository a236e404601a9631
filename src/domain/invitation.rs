//! The invitation lifecycle: pending → sent → opened → completed, or bounced; an unanswered link
//! past its expiry is expired (computed, never stored).

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How the personal link reaches the customer.
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
pub enum Delivery {
    /// The link is returned once in the answer, for the partner's own CRM to send.
    Partner,
    /// An email is queued and delivered by the service.
    Email,
}

/// Where an invitation stands.
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
pub enum InvitationStatus {
    /// Created; the email is queued.
    Pending,
    /// Emailed, or handed to the partner.
    Sent,
    /// The respondent opened the questionnaire.
    Opened,
    /// The respondent answered.
    Completed,
    /// The link expired unanswered (computed from the expiry time, never stored).
    Expired,
    /// The email could not be delivered.
    Bounced,
}

/// A stored status text that names no invitation status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown invitation status `{0}`")]
pub struct UnknownInvitationStatus(pub String);

impl InvitationStatus {
    /// Every status, in the order the API lists them.
    pub const ALL: [InvitationStatus; 6] = [
        InvitationStatus::Pending,
        InvitationStatus::Sent,
        InvitationStatus::Opened,
        InvitationStatus::Completed,
        InvitationStatus::Expired,
        InvitationStatus::Bounced,
    ];

    /// The stored states in which an invitation still waits for its answer.
    pub const AWAITING: [InvitationStatus; 3] = [
        InvitationStatus::Pending,
        InvitationStatus::Sent,
        InvitationStatus::Opened,
    ];

    /// The stored and serialized text: the one mapping between the status and text.
    pub const fn as_str(self) -> &'static str {
        match self {
            InvitationStatus::Pending => "pending",
            InvitationStatus::Sent => "sent",
            InvitationStatus::Opened => "opened",
            InvitationStatus::Completed => "completed",
            InvitationStatus::Expired => "expired",
            InvitationStatus::Bounced => "bounced",
        }
    }

    /// The status a text names.
    pub fn parse(text: &str) -> Result<Self, UnknownInvitationStatus> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| UnknownInvitationStatus(text.to_owned()))
    }

    /// Whether the invitation still waits for its answer (not answered, not bounced), expiry aside.
    pub fn awaits_answer(self) -> bool {
        Self::AWAITING.contains(&self)
    }

    /// Whether the link can still be answered at `now`: it waits for its answer and expires after
    /// `now`. Works on any ordered time: instants, or stored timestamps of one fixed-width format.
    pub fn awaits_answer_at<T: Ord>(self, expires_at: T, now: T) -> bool {
        self.awaits_answer() && expires_at > now
    }

    /// The status as of `now`: a link still waiting for its answer at or past `expires_at` is `expired`.
    pub fn as_of<T: Ord>(self, expires_at: T, now: T) -> InvitationStatus {
        if self.awaits_answer() && expires_at <= now {
            InvitationStatus::Expired
        } else {
            self
        }
    }

    /// The stored states an invitation may move to this one from: delivery (`sent`) only from
    /// `pending`; opening and bouncing from `pending` or `sent`; answering from any waiting state.
    /// None reach `pending` (the first state) or `expired` (computed).
    pub fn reached_from(self) -> &'static [InvitationStatus] {
        use InvitationStatus::*;
        match self {
            Sent => &[Pending],
            Opened | Bounced => &[Pending, Sent],
            Completed => &Self::AWAITING,
            Pending | Expired => &[],
        }
    }
}

impl fmt::Display for InvitationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InvitationStatus {
    type Err = UnknownInvitationStatus;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use InvitationStatus::*;

    use super::*;

    #[test]
    fn the_text_mapping_round_trips_and_matches_the_api_values() {
        for status in InvitationStatus::ALL {
            assert_eq!(InvitationStatus::parse(status.as_str()), Ok(status));
            assert_eq!(status.as_str().parse::<InvitationStatus>(), Ok(status));
            assert_eq!(status.to_string(), status.as_str());
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::Value::from(status.as_str())
            );
        }
        assert_eq!(
            InvitationStatus::ALL.map(InvitationStatus::as_str),
            [
                "pending",
                "sent",
                "opened",
                "completed",
                "expired",
                "bounced"
            ]
        );
        for bad in [
            "",
            "Sent",
            "answered",
            "revoked",
            "queued",
            "delivered",
            "open",
        ] {
            assert_eq!(
                InvitationStatus::parse(bad),
                Err(UnknownInvitationStatus(bad.to_owned()))
            );
        }
    }

    #[test]
    fn pending_sent_and_opened_links_wait_for_their_answer() {
        for status in InvitationStatus::ALL {
            assert_eq!(
                status.awaits_answer(),
                matches!(status, Pending | Sent | Opened),
                "{status}"
            );
        }
    }

    #[test]
    fn a_waiting_link_expires_at_its_expiry_time() {
        let (before, at, after) = (
            "2026-05-01T00:00:00.000000Z",
            "2026-05-01T00:00:01.000000Z",
            "2026-05-01T00:00:02.000000Z",
        );
        for waiting in [Pending, Sent, Opened] {
            assert_eq!(waiting.as_of(at, before), waiting);
            assert_eq!(waiting.as_of(at, at), Expired);
            assert_eq!(waiting.as_of(at, after), Expired);
            assert!(waiting.awaits_answer_at(at, before));
            assert!(!waiting.awaits_answer_at(at, at));
        }
        for settled in [Completed, Bounced, Expired] {
            assert_eq!(settled.as_of(at, after), settled);
            assert!(!settled.awaits_answer_at(at, before));
        }
    }

    #[test]
    fn each_stage_is_reached_only_from_the_stages_before_it() {
        assert_eq!(Sent.reached_from(), [Pending]);
        assert_eq!(Opened.reached_from(), [Pending, Sent]);
        assert_eq!(Bounced.reached_from(), [Pending, Sent]);
        assert_eq!(Completed.reached_from(), [Pending, Sent, Opened]);
        assert!(Pending.reached_from().is_empty());
        assert!(Expired.reached_from().is_empty());
    }

    proptest! {
        /// Whatever the moves, a link never leaves `completed` or `bounced`, never reaches `expired`
        /// by a move, and is expired as of a time exactly when it waits and that time is past its expiry.
        #[test]
        fn moves_never_leave_a_settled_state(
            moves in prop::collection::vec(prop::sample::select(InvitationStatus::ALL.to_vec()), 0..10),
            expires_at in 0i64..100,
            now in 0i64..100,
        ) {
            let mut current = Pending;
            for to in moves {
                if to.reached_from().contains(&current) {
                    prop_assert!(current.awaits_answer());
                    prop_assert_ne!(to, Expired);
                    current = to;
                }
            }
            let shown = current.as_of(expires_at, now);
            prop_assert_eq!(shown == Expired, current.awaits_answer() && expires_at <= now);
            prop_assert_eq!(current.awaits_answer_at(expires_at, now), shown.awaits_answer());
        }
    }
}
