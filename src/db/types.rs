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
    ids::{
        ContactId, InvitationId, MembershipId, MessageId, OfficeId, PartnerId, QuestionId,
        ResponseId, SurveyId,
    },
    invitation::InvitationStatus,
    questionnaire::{Metric, QuestionKind},
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
    ContactId,
    SurveyId,
    QuestionId,
    InvitationId,
    ResponseId,
    MessageId
);

/// Enums stored as their API (snake_case) name.
macro_rules! stored_enum {
    ($($type:ty),* $(,)?) => {$(
        impl StoredText for $type {
            fn to_text(&self) -> Cow<'_, str> {
                Cow::Owned(super::enum_text(*self))
            }

            fn from_text(text: &str) -> Result<Self, String> {
                super::parse_enum(text).map_err(|e| e.to_string())
            }
        }

        stored_as_text!($type);
    )*};
}

stored_enum!(SurveyStatus, InvitationStatus, QuestionKind, Metric);
