//! What the program records of a customer contact itself.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How the customer gave consent to be surveyed.
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
pub enum ConsentMethod {
    /// A web form the customer submitted.
    WebForm,
    /// By email.
    Email,
    /// In a signed contract or order form.
    Contract,
    /// On paper.
    Paper,
    /// Spoken, and recorded by the partner.
    Verbal,
    /// Any other documented way.
    Other,
}
