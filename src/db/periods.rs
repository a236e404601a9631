//! Closed reporting periods and their immutable compliance snapshots.

use diesel::prelude::*;

use super::{
    schema::{compliance_snapshots, reporting_periods},
    DbConnection,
};
use crate::{
    auth::Visibility,
    domain::ids::{MembershipId, PartnerId},
    error::{ApiError, ApiResult, ErrorCode},
};

/// A closed period.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = reporting_periods)]
pub struct PeriodRow {
    /// `2026-Q4`.
    pub id: String,
    /// First day.
    pub starts_on: String,
    /// Last day.
    pub ends_on: String,
    /// When it was closed.
    pub closed_at: String,
    /// Who closed it.
    pub closed_by: String,
}

/// A membership's compliance when a period closed.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = compliance_snapshots)]
pub struct SnapshotRow {
    /// The period.
    pub period_id: String,
    /// The membership.
    pub membership_id: MembershipId,
    /// Its partner.
    pub partner_id: PartnerId,
    /// 1 when the membership met the rule.
    pub met: i32,
    /// The best office's counted responses.
    pub best_office_counted: i64,
    /// Per office (JSON array).
    pub offices: String,
    /// When the snapshot was taken.
    pub created_at: String,
}

/// Every closed period.
pub fn closed(conn: &mut DbConnection) -> ApiResult<Vec<PeriodRow>> {
    Ok(reporting_periods::table
        .select(PeriodRow::as_select())
        .order(reporting_periods::id.asc())
        .load(conn)?)
}

/// Stores a closed period with its snapshots; closing twice is a conflict.
pub fn close(
    conn: &mut DbConnection,
    period: &PeriodRow,
    snapshots: &[SnapshotRow],
) -> ApiResult<()> {
    let exists: i64 = reporting_periods::table
        .filter(reporting_periods::id.eq(&period.id))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Err(ApiError::conflict(
            ErrorCode::PeriodAlreadyClosed,
            format!("period {} is already closed", period.id),
        ));
    }
    diesel::insert_into(reporting_periods::table)
        .values(period)
        .execute(conn)?;
    for chunk in snapshots.chunks(500) {
        for snapshot in chunk {
            diesel::insert_into(compliance_snapshots::table)
                .values(snapshot)
                .execute(conn)?;
        }
    }
    Ok(())
}

/// A page of one period's snapshots, visible to `scope`, in membership order.
pub fn snapshots_of_period(
    conn: &mut DbConnection,
    period_id: &str,
    visibility: Visibility,
    after: Option<MembershipId>,
    limit: i64,
) -> ApiResult<(Vec<SnapshotRow>, bool)> {
    let scope = visibility.partner();
    let mut query = compliance_snapshots::table
        .filter(compliance_snapshots::period_id.eq(period_id))
        .select(SnapshotRow::as_select())
        .into_boxed();
    if let Some(own) = scope {
        query = query.filter(compliance_snapshots::partner_id.eq(own));
    }
    super::paginate!(
        conn,
        query,
        compliance_snapshots::membership_id,
        after,
        limit
    )
}

/// Every snapshot of one membership, oldest period first.
pub fn snapshots_of_membership(
    conn: &mut DbConnection,
    membership_id: MembershipId,
) -> ApiResult<Vec<SnapshotRow>> {
    Ok(compliance_snapshots::table
        .filter(compliance_snapshots::membership_id.eq(membership_id))
        .select(SnapshotRow::as_select())
        .order(compliance_snapshots::period_id.asc())
        .load(conn)?)
}
