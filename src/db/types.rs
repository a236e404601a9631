//! Column types: typed ids and enums, each stored as text through one mapping ([`StoredText`]), so
//! rows hold `SurveyId` or `SurveyStatus` rather than strings and no row conversion parses.

use std::{borrow::Cow, io::Write};

use diesel::{
    deserialize::{self, FromSql},
    pg::Pg,
    serialize::{self, IsNull, Output, ToSql},
    sql_types::Text,
    sqlite::Sqlite,
};
use uuid::Uuid;

use super::Backend;
use crate::domain::{
    contact::ConsentMethod,
    ids::{
        ContactId, EventId, InvitationId, MembershipId, MessageId, OfficeId, PartnerId, QuestionId,
        ResponseId, SurveyId, WebhookAttemptId, WebhookDeliveryId, WebhookId,
    },
    invitation::{Delivery, InvitationStatus},
    questionnaire::{Metric, QuestionKind},
    response::ResponseSource,
    survey::SurveyStatus,
};

/// A value stored in a text column: how it is written and read back.
pub trait StoredText: Sized {
    /// The stored text.
    fn to_text(&self) -> Cow<'_, str>;
    /// The value of stored text; an error names what is wrong with it.
    fn from_text(text: &str) -> Result<Self, String>;
}

/// Implements diesel's text mapping on both backends for a [`StoredText`] type (which derives
/// `AsExpression` and `FromSqlRow` with `sql_type = Text`).
macro_rules! stored_as_text {
    ($($type:ty),* $(,)?) => {$(
        impl ToSql<Text, Pg> for $type {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                out.write_all(self.to_text().as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl ToSql<Text, Sqlite> for $type {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                out.set_value(self.to_text().into_owned());
                Ok(IsNull::No)
            }
        }

        impl ToSql<Text, Backend> for $type {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Backend>) -> serialize::Result {
                out.set_value((Text, self));
                Ok(IsNull::No)
            }
        }

        impl FromSql<Text, Backend> for $type {
            fn from_sql(bytes: <Backend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let text = <String as FromSql<Text, Backend>>::from_sql(bytes)?;
                <$type as StoredText>::from_text(&text).map_err(Into::into)
            }
        }
    )*};
}

/// Ids are stored as their UUID text.
macro_rules! stored_id {
    ($($type:ty),* $(,)?) => {$(
        impl StoredText for $type {
            fn to_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }

            fn from_text(text: &str) -> Result<Self, String> {
                Uuid::parse_str(text)
                    .map(Self::from)
                    .map_err(|e| format!("stored id `{text}` is invalid: {e}"))
            }
        }

        stored_as_text!($type);
    )*};
}

stored_id!(
    PartnerId,
    MembershipId,
    OfficeId,
    WebhookId,
    WebhookDeliveryId,
    WebhookAttemptId,
    ContactId,
    SurveyId,
    QuestionId,
    InvitationId,
    ResponseId,
    MessageId,
    EventId
);

/// Enums are stored as their API (snake_case) name, the same text their JSON has.
macro_rules! stored_enum {
    ($($type:ty),* $(,)?) => {$(
        impl StoredText for $type {
            fn to_text(&self) -> Cow<'_, str> {
                match serde_json::to_value(self) {
                    Ok(serde_json::Value::String(text)) => Cow::Owned(text),
                    other => unreachable!("an enum serializes to a string, got {other:?}"),
                }
            }

            fn from_text(text: &str) -> Result<Self, String> {
                serde_json::from_value(serde_json::Value::String(text.to_owned()))
                    .map_err(|e| format!("stored value `{text}` is invalid: {e}"))
            }
        }

        stored_as_text!($type);
    )*};
}

stored_enum!(
    SurveyStatus,
    InvitationStatus,
    Delivery,
    QuestionKind,
    Metric,
    ResponseSource,
    ConsentMethod,
);

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: StoredText + PartialEq + std::fmt::Debug>(value: T, text: &str) {
        assert_eq!(value.to_text(), text);
        assert_eq!(T::from_text(text), Ok(value));
    }

    #[test]
    fn ids_and_enums_are_stored_as_their_api_text() {
        let uuid = Uuid::parse_str("0190b7a4-5a6e-7c3d-9f00-0123456789ab").unwrap();
        round_trips(SurveyId::from(uuid), "0190b7a4-5a6e-7c3d-9f00-0123456789ab");
        round_trips(SurveyStatus::Closed, "closed");
        round_trips(InvitationStatus::Completed, "completed");
        round_trips(Delivery::Partner, "partner");
        round_trips(QuestionKind::SingleChoice, "single_choice");
        round_trips(Metric::Nsat, "nsat");
        round_trips(ResponseSource::Import, "import");
        round_trips(ConsentMethod::WebForm, "web_form");
    }

    #[test]
    fn unknown_stored_text_is_an_error_naming_it() {
        let error = SurveyId::from_text("not-a-uuid").unwrap_err();
        assert!(error.contains("`not-a-uuid`"), "{error}");
        let error = SurveyStatus::from_text("Open").unwrap_err();
        assert!(error.contains("`Open`"), "{error}");
        assert!(InvitationStatus::from_text("").is_err());
    }
}
