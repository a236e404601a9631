//! Typed ids: a UUID per kind of object, so a survey's id cannot be passed where a contact's is meant.

use std::fmt;

use uuid::Uuid;

/// Defines an id type: a UUID made by `Uuid::$generate` (stored as its text).
macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident = $generate:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, diesel::AsExpression, diesel::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new id.
            #[allow(clippy::new_without_default)]
            pub fn new() -> Self {
                Self(Uuid::$generate())
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

typed_id! {
    /// A partner's id (UUIDv7, like every id below but a response's: they sort by creation time).
    PartnerId = now_v7;
    /// A membership's id.
    MembershipId = now_v7;
    /// An office's id.
    OfficeId = now_v7;
    /// A webhook subscription's id.
    WebhookId = now_v7;
    /// A webhook delivery's id (one event to one subscription).
    WebhookDeliveryId = now_v7;
    /// One delivery attempt's id (a line of the delivery log).
    WebhookAttemptId = now_v7;
    /// A contact's id.
    ContactId = now_v7;
    /// A survey's id.
    SurveyId = now_v7;
    /// A question's id (standard or custom).
    QuestionId = now_v7;
    /// An invitation's id.
    InvitationId = now_v7;
    /// A response's id: random (v4), so it never tells when an anonymous respondent answered.
    ResponseId = new_v4;
    /// An outbox message's id.
    MessageId = now_v7;
    /// An event's id: random (v4), like a response's, so the order of events held back together (an
    /// anonymous response's completion waits for the end of its day) tells nothing about their times.
    EventId = new_v4;
}
