//! What the program records of a response itself.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a response came from.
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
pub enum ResponseSource {
    /// Answered through a personal link.
    Live,
    /// Imported from an earlier survey provider.
    Import,
}
