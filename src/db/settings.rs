//! The program's rule settings (one row).

use diesel::prelude::*;

use super::{schema::program_settings, DbConnection};
use crate::error::ApiResult;

/// The stored settings.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = program_settings)]
pub struct SettingsRow {
    /// Always 1.
    pub id: i32,
    /// Completed surveys required per membership in the window.
    pub min_completed_surveys: i32,
    /// Completed surveys counted per customer organization.
    pub max_counted_per_customer_org: i32,
    /// Length of the rolling window, in months.
    pub window_months: i32,
    /// Length of a reporting period, in months.
    pub reporting_period_months: i32,
    /// Smallest number of responses an aggregate shown to the vendor may cover.
    pub anonymity_threshold: i32,
    /// Days before a contact may be surveyed again.
    pub resurvey_interval_days: i32,
    /// Days an invitation stays valid.
    pub invitation_ttl_days: i32,
    /// The locale texts fall back to.
    pub default_locale: String,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Last change.
    pub updated_at: String,
}

/// Changes to the settings.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = program_settings)]
pub struct SettingsChanges {
    /// New requirement.
    pub min_completed_surveys: Option<i32>,
    /// New cap per organization.
    pub max_counted_per_customer_org: Option<i32>,
    /// New window.
    pub window_months: Option<i32>,
    /// New period length.
    pub reporting_period_months: Option<i32>,
    /// New anonymity threshold.
    pub anonymity_threshold: Option<i32>,
    /// New re-survey interval.
    pub resurvey_interval_days: Option<i32>,
    /// New invitation lifetime.
    pub invitation_ttl_days: Option<i32>,
    /// New default locale.
    pub default_locale: Option<String>,
}

/// The id of the one settings row.
pub const SETTINGS_ROW: i32 = 1;

/// The settings.
pub fn get(conn: &mut DbConnection) -> ApiResult<SettingsRow> {
    Ok(program_settings::table
        .find(SETTINGS_ROW)
        .select(SettingsRow::as_select())
        .first(conn)?)
}

/// Applies `changes` when the stored version is `expected`.
pub fn update(
    conn: &mut DbConnection,
    expected: Option<i64>,
    changes: SettingsChanges,
    now: &str,
) -> ApiResult<SettingsRow> {
    let current = get(conn)?;
    super::update_versioned!(conn, program_settings, current, expected, now, &changes)?;
    get(conn)
}

impl SettingsRow {
    /// The compliance rule these settings define.
    pub fn rules(&self) -> crate::domain::compliance::Rules {
        crate::domain::compliance::Rules {
            min_completed: self.min_completed_surveys as usize,
            cap_per_org: self.max_counted_per_customer_org as usize,
            window_months: self.window_months as u32,
        }
    }
}
