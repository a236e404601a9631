//! Reporting periods: closing one stores every membership's compliance as of its last day and
//! publishes the calendar quarters that end in it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::publication::{self, Published};
use crate::{
    auth::Visibility,
    db::{
        self, bounds,
        periods::{PeriodRow, SnapshotRow},
        DbConnection,
    },
    domain::{
        compliance::window_start,
        events::{EventData, ReportingPeriodClosed},
        ids::{MembershipId, OfficeId, PartnerId},
        periods::{self, Period},
    },
    error::{ApiError, ApiResult, ErrorCode},
};

/// One office in a snapshot.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnapshotOffice {
    /// The office.
    pub office_id: Uuid,
    /// Its country.
    pub country: String,
    /// Completed, non-voided responses in the window.
    pub completed: i64,
    /// Counted responses.
    pub counted: i64,
    /// Whether it met the rule.
    pub meets: bool,
}

/// A period just closed.
pub struct Closed {
    /// The period.
    pub period: Period,
    /// When it was closed.
    pub closed_at: String,
    /// One snapshot per membership.
    pub snapshots: Vec<SnapshotRow>,
    /// The quarters published with it.
    pub published: Vec<Published>,
}

/// The length of a reporting period in months, and every closed period.
pub fn closed(conn: &mut DbConnection) -> ApiResult<(u32, Vec<PeriodRow>)> {
    let months = db::settings::get(conn)?.reporting_period_months as u32;
    Ok((months, db::periods::closed(conn)?))
}

/// Closes the ended period `id` on `today`: snapshots every membership and publishes each quarter that
/// ends in it, in one transaction. 404 for no such period, 409 when it has not ended or is closed.
pub fn close(
    conn: &mut DbConnection,
    id: &str,
    today: NaiveDate,
    now: &str,
    by: &str,
) -> ApiResult<Closed> {
    db::write_tx(conn, |conn| {
        let months = db::settings::get(conn)?.reporting_period_months as u32;
        let period = periods::parse(id, months)
            .ok_or_else(|| ApiError::NotFound(format!("no period `{id}` of {months} months")))?;
        if period.ends_on >= today {
            return Err(ApiError::conflict(
                ErrorCode::PeriodNotEnded,
                format!(
                    "period {} has not ended yet (it ends on {})",
                    period.id, period.ends_on
                ),
            ));
        }
        let snapshots = snapshot_all(conn, &period, now)?;
        let row = PeriodRow {
            id: period.id.clone(),
            starts_on: period.starts_on.to_string(),
            ends_on: period.ends_on.to_string(),
            closed_at: now.to_owned(),
            closed_by: by.to_owned(),
        };
        db::periods::close(conn, &row, &snapshots)?;
        let met = snapshots.iter().filter(|s| s.met != 0).count() as i64;
        let closed = EventData::ReportingPeriodClosed(ReportingPeriodClosed {
            period_id: period.id.clone(),
            starts_on: period.starts_on,
            ends_on: period.ends_on,
            closed_at: db::parse_timestamp(now)?,
            memberships_met: met,
            memberships_not_met: snapshots.len() as i64 - met,
        });
        super::events::emit(conn, closed, now)?;
        let published = publication::quarters_ending_within(period.starts_on, period.ends_on)
            .into_iter()
            .filter_map(|quarter| publication::publish(conn, quarter, now, by).transpose())
            .collect::<ApiResult<Vec<_>>>()?;
        Ok(Closed {
            period,
            closed_at: now.to_owned(),
            snapshots,
            published,
        })
    })
}

/// A page of the closed period `id`'s snapshots visible to `visibility`; 404 when it is not closed.
pub fn snapshots_of_period(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: &str,
    after: Option<MembershipId>,
    limit: i64,
) -> ApiResult<(Vec<SnapshotRow>, bool)> {
    if !db::periods::closed(conn)?.iter().any(|p| p.id == id) {
        return Err(ApiError::coded(
            ErrorCode::PeriodNotClosed,
            format!("period `{id}` is not closed"),
        ));
    }
    db::periods::snapshots_of_period(conn, id, visibility, after, limit)
}

/// Every snapshot of a membership visible to `visibility`, oldest period first.
pub fn snapshots_of_membership(
    conn: &mut DbConnection,
    visibility: Visibility,
    membership_id: MembershipId,
) -> ApiResult<Vec<SnapshotRow>> {
    let membership = db::memberships::get(conn, visibility, membership_id)?;
    db::periods::snapshots_of_membership(conn, membership.id)
}

fn snapshot_all(
    conn: &mut DbConnection,
    period: &Period,
    now: &str,
) -> ApiResult<Vec<SnapshotRow>> {
    let rules = db::settings::get(conn)?.rules();
    let first_day = window_start(period.ends_on, rules.window_months)
        .succ_opt()
        .unwrap_or(period.ends_on);
    let (from, to) = bounds(first_day, period.ends_on);
    let mut counts: BTreeMap<OfficeId, (i64, i64)> = BTreeMap::new();
    for office in db::results::office_counts(conn, &from, &to, rules.cap_per_org as i64, None)? {
        counts.insert(office.office_id, (office.completed, office.counted));
    }
    let offices = db::results::offices_of_all(conn)?;
    let mut by_membership: BTreeMap<(MembershipId, PartnerId), Vec<SnapshotOffice>> =
        db::results::membership_countries(conn)?
            .into_iter()
            .map(|m| ((m.membership_id, m.partner_id), Vec::new()))
            .collect();
    for office in offices {
        let (completed, counted) = counts.get(&office.office_id).copied().unwrap_or((0, 0));
        by_membership
            .entry((office.membership_id, office.partner_id))
            .or_default()
            .push(SnapshotOffice {
                office_id: office.office_id.into(),
                country: office.country,
                completed,
                counted,
                meets: counted >= rules.min_completed as i64,
            });
    }
    Ok(by_membership
        .into_iter()
        .map(|((membership_id, partner_id), offices)| {
            let best = offices.iter().map(|o| o.counted).max().unwrap_or(0);
            SnapshotRow {
                period_id: period.id.clone(),
                membership_id,
                partner_id,
                met: i32::from(offices.iter().any(|o| o.meets)),
                best_office_counted: best,
                offices: serde_json::to_string(&offices).unwrap_or_default(),
                created_at: now.to_owned(),
            }
        })
        .collect())
}
