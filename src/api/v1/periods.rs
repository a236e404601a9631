//! Reporting periods and the compliance snapshots stored when the administrator closes one.

use std::collections::BTreeMap;

use actix_web::{get, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{page_of, time, validated, ListQuery, Returned};
use crate::{
    api::extract::{Json, Query},
    auth::{AdminOnly, AnyRole, Caller},
    db::{
        self,
        periods::{PeriodRow, SnapshotRow},
        publications::PublicationRow,
    },
    domain::{disclosure::Quarter, periods},
    error::{ApiError, ApiResult},
    service::{self, publication::Published},
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list_periods)
        .service(close_period)
        .service(list_publications)
        .service(restate_quarter)
        .service(period_snapshots)
        .service(membership_snapshots);
}

/// Where a reporting period stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    /// Today falls in it.
    Current,
    /// It has ended and can be closed.
    Ended,
    /// Closed: its compliance snapshots are stored and never change.
    Closed,
}

/// A reporting period.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReportingPeriod {
    /// Its id, e.g. `2026-Q4`.
    pub id: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Current, ended or closed.
    pub status: PeriodStatus,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
}

/// Reporting periods, oldest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReportingPeriods {
    /// The periods.
    pub items: Vec<ReportingPeriod>,
}

/// Which periods to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodsQuery {
    /// How many periods up to the current one (1–40, default 8).
    #[param(minimum = 1, maximum = 40)]
    pub count: Option<u32>,
}

/// List reporting periods
///
/// Calendar-aligned periods (quarters by default) up to the current one, with whether each was closed.
#[utoipa::path(tag = "periods", params(PeriodsQuery), responses(Returned<ReportingPeriods>))]
#[get("/periods")]
async fn list_periods(
    state: web::Data<AppState>,
    _principal: Caller<AnyRole>,
    query: Query<PeriodsQuery>,
) -> ApiResult<Returned<ReportingPeriods>> {
    let count = query.count.unwrap_or(8);
    if !(1..=40).contains(&count) {
        return Err(ApiError::invalid_field("count", "must be from 1 to 40"));
    }
    let today = state.clock.now().date_naive();
    let (months, closed) = db::run(&state.pool, service::periods::closed).await?;
    let closed: BTreeMap<String, PeriodRow> =
        closed.into_iter().map(|p| (p.id.clone(), p)).collect();
    let mut items = Vec::new();
    let mut period = periods::period_of(today, months);
    for _ in 0..count {
        let stored = closed.get(&period.id);
        items.push(ReportingPeriod {
            status: match (stored, period.ends_on < today) {
                (Some(_), _) => PeriodStatus::Closed,
                (None, true) => PeriodStatus::Ended,
                (None, false) => PeriodStatus::Current,
            },
            closed_at: stored.map(|p| time(&p.closed_at)).transpose()?,
            id: period.id.clone(),
            starts_on: period.starts_on,
            ends_on: period.ends_on,
        });
        match period.starts_on.pred_opt() {
            Some(day) => period = periods::period_of(day, months),
            None => break,
        }
    }
    items.reverse();
    Ok(Returned(ReportingPeriods { items }))
}

pub use crate::service::periods::SnapshotOffice;

/// A membership's compliance frozen when its period closed.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ComplianceSnapshot {
    /// The period.
    pub period_id: String,
    /// The membership.
    pub membership_id: Uuid,
    /// Its partner.
    pub partner_id: Uuid,
    /// Whether the membership met the rule on the period's last day.
    pub met: bool,
    /// Counted responses of its best office.
    pub best_office_counted: i64,
    /// Its offices.
    pub offices: Vec<SnapshotOffice>,
    /// When the snapshot was taken.
    pub created_at: DateTime<Utc>,
}

super::page_type!(
    SnapshotPage,
    ComplianceSnapshot,
    membership_id,
    "One page of compliance snapshots, in membership order."
);

impl TryFrom<SnapshotRow> for ComplianceSnapshot {
    type Error = ApiError;

    fn try_from(row: SnapshotRow) -> ApiResult<Self> {
        Ok(ComplianceSnapshot {
            period_id: row.period_id,
            membership_id: row.membership_id.into(),
            partner_id: row.partner_id.into(),
            met: row.met != 0,
            best_office_counted: row.best_office_counted,
            offices: serde_json::from_str(&row.offices)
                .map_err(|e| ApiError::Internal(format!("stored snapshot is invalid: {e}")))?,
            created_at: time(&row.created_at)?,
        })
    }
}

/// The closed period and its snapshots.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ClosedPeriod {
    /// The period.
    pub period: ReportingPeriod,
    /// Memberships snapshotted.
    pub memberships: usize,
    /// Of which met the rule.
    pub met: usize,
    /// The calendar quarters that ended in the period and were published with it.
    pub published: Vec<Publication>,
}

/// One publication of a calendar quarter's figures: the first when the period it ends in closed, then
/// one per restatement.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Publication {
    /// The quarter, e.g. `2026-Q3`.
    pub quarter: String,
    /// 1 for the first publication, one more per restatement.
    pub revision: i32,
    /// When it was published.
    pub published_at: DateTime<Utc>,
    /// Who published it (the token's subject).
    pub published_by: String,
    /// Why it was restated; `null` for the first publication.
    pub reason: Option<String>,
    /// The quarter's responses as published.
    pub responses: i64,
    /// Responses added or voided since the previous revision.
    pub changed_responses: i64,
    /// Cells of the quarter and of the year to date it completes that are shown.
    pub cells_shown: usize,
    /// Cells of those that disclosure control suppressed.
    pub cells_suppressed: usize,
}

impl Publication {
    fn of(row: PublicationRow, shown: usize, suppressed: usize) -> ApiResult<Publication> {
        Ok(Publication {
            published_at: time(&row.published_at)?,
            quarter: row.quarter,
            revision: row.revision,
            published_by: row.published_by,
            reason: row.reason,
            responses: row.responses,
            changed_responses: row.changed_responses,
            cells_shown: shown,
            cells_suppressed: suppressed,
        })
    }

    fn published(published: Published) -> ApiResult<Publication> {
        Publication::of(published.publication, published.shown, published.suppressed)
    }
}

/// Close a reporting period
///
/// Administrator only. Stores every membership's compliance as of the period's last day; later erasures,
/// voids or imports never change it. Only an ended period can be closed, once (409 otherwise).
///
/// Each calendar quarter that ends in the period is published with it: its answers are frozen as they
/// stand, and disclosure control decides which cells of the quarter and of the year to date it
/// completes are shown (see *Get program metrics by country and quarter*).
#[utoipa::path(tag = "periods", params(("period_id" = String, Path, description = "The period, e.g. `2026-Q3`.")), responses(Returned<ClosedPeriod>))]
#[post("/periods/{period_id}/close")]
async fn close_period(
    state: web::Data<AppState>,
    principal: Caller<AdminOnly>,
    path: web::Path<String>,
) -> ApiResult<Returned<ClosedPeriod>> {
    let (id, today, now, by) = (
        path.into_inner(),
        state.clock.now().date_naive(),
        state.timestamp(),
        principal.subject.clone(),
    );
    let closed = db::run(&state.pool, move |conn| {
        service::periods::close(conn, &id, today, &now, &by)
    })
    .await?;
    let period = ReportingPeriod {
        id: closed.period.id,
        starts_on: closed.period.starts_on,
        ends_on: closed.period.ends_on,
        status: PeriodStatus::Closed,
        closed_at: Some(time(&closed.closed_at)?),
    };
    let snapshots = closed.snapshots;
    let published = closed
        .published
        .into_iter()
        .map(Publication::published)
        .collect::<ApiResult<Vec<_>>>()?;
    tracing::info!(period = %period.id, closed_by = %principal.subject, "reporting period closed");
    Ok(Returned(ClosedPeriod {
        memberships: snapshots.len(),
        met: snapshots.iter().filter(|s| s.met != 0).count(),
        period,
        published,
    }))
}

/// The publications of every quarter.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Publications {
    /// Oldest quarter first, each quarter's revisions in order.
    pub items: Vec<Publication>,
}

/// List publications
///
/// Administrator only: the audit trail of published quarters — each first publication and every
/// restatement, with who made it, when, why and how many responses changed.
#[utoipa::path(tag = "periods", responses(Returned<Publications>))]
#[get("/publications")]
async fn list_publications(
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
) -> ApiResult<Returned<Publications>> {
    let rows = db::run(&state.pool, service::publication::all).await?;
    Ok(Returned(Publications {
        items: rows
            .into_iter()
            .map(|row| Publication::of(row, 0, 0))
            .collect::<ApiResult<_>>()?,
    }))
}

/// Why a quarter is restated.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"reason": "Responses imported late from the 2026 field campaign."}))]
#[serde(deny_unknown_fields)]
pub struct Restatement {
    /// The reason, 3–500 characters; it is kept in the audit trail.
    #[validate(length(min = 3, max = 500, message = "must be 3 to 500 characters"))]
    #[schema(min_length = 3, max_length = 500)]
    #[serde(deserialize_with = "super::trimmed::string")]
    pub reason: String,
}

/// Restate a published quarter
///
/// Administrator only. Publishes the quarter again with its answers as they stand now (imports and voids
/// made since it was published), and decides again every cell that covers it under the same disclosure
/// rules. A cell that was shown and changed is shown again only when the change itself passes them, so
/// the old and the new figure never subtract to a small group. Recorded in the audit trail with the reason.
#[utoipa::path(tag = "periods", params(("quarter" = String, Path, description = "The published quarter, e.g. `2026-Q3`.")), request_body = Restatement, responses(Returned<Publication>))]
#[post("/publications/{quarter}/restate")]
async fn restate_quarter(
    state: web::Data<AppState>,
    principal: Caller<AdminOnly>,
    path: web::Path<String>,
    body: Json<Restatement>,
) -> ApiResult<Returned<Publication>> {
    let input = validated(body.into_inner())?;
    let id = path.into_inner();
    let quarter = Quarter::parse(&id).ok_or_else(|| {
        ApiError::NotFound(format!("no quarter `{id}` (expected e.g. `2026-Q3`)"))
    })?;
    let (now, by) = (state.timestamp(), principal.subject.clone());
    let published = db::run(&state.pool, move |conn| {
        service::publication::restate(conn, quarter, &input.reason, &now, &by)
    })
    .await?;
    tracing::info!(%quarter, revision = published.publication.revision, restated_by = %principal.subject, "quarter restated");
    Ok(Returned(Publication::published(published)?))
}

/// List a closed period's snapshots
///
/// The administrator and the vendor see every membership; a partner sees its own.
#[utoipa::path(tag = "periods", params(("period_id" = String, Path, description = "The period, e.g. `2026-Q3`."), ListQuery), responses(Returned<SnapshotPage>))]
#[get("/periods/{period_id}/snapshots")]
async fn period_snapshots(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<String>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<SnapshotPage>> {
    let (limit, after) = query.parse()?;
    let (id, scope) = (path.into_inner(), principal.visibility());
    let rows = db::run(&state.pool, move |conn| {
        service::periods::snapshots_of_period(conn, scope, &id, after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, ComplianceSnapshot::try_from)?))
}

/// A membership's snapshots.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MembershipSnapshots {
    /// One per closed period, oldest first.
    pub items: Vec<ComplianceSnapshot>,
}

/// List a membership's snapshots
///
/// The immutable compliance snapshots stored for this membership each time a reporting period was closed, oldest period first, with the per-office counts as of the close.
#[utoipa::path(tag = "periods", params(("membership_id" = Uuid, Path, description = "The membership's id.")), responses(Returned<MembershipSnapshots>))]
#[get("/memberships/{membership_id}/snapshots")]
async fn membership_snapshots(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
) -> ApiResult<Returned<MembershipSnapshots>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    let rows = db::run(&state.pool, move |conn| {
        service::periods::snapshots_of_membership(conn, scope, id.into())
    })
    .await?;
    Ok(Returned(MembershipSnapshots {
        items: rows
            .into_iter()
            .map(ComplianceSnapshot::try_from)
            .collect::<ApiResult<_>>()?,
    }))
}
