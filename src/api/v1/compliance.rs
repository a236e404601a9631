//! Compliance: where each membership stands against the program rule, and why.

use std::collections::HashMap;

use actix_web::{get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{ListQuery, Paged, Returned};
use crate::{
    api::extract::Query,
    auth::{AnyRole, Caller, ProgramReader, Role},
    db,
    domain::{
        compliance::{window_start, AnonymousCount, Exclusion, OrganizationCount},
        org_key,
    },
    error::{ApiError, ApiResult},
    service::{
        self,
        compliance::{Explained, ProgramCounts},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(membership_compliance)
        .service(program_compliance);
}

/// Whether the rule is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComplianceStatus {
    /// At least one office meets the rule on its own.
    Met,
    /// No office meets it.
    NotMet,
}

/// The rule applied.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RuleSummary {
    /// Counted surveys an office needs.
    pub min_completed_surveys: i32,
    /// Surveys counted per customer organization (the first ones by completion time).
    pub max_counted_per_customer_org: i32,
    /// Window length in months.
    pub window_months: i32,
}

/// Responses that do not count, by reason.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct Excluded {
    /// Voided by the administrator.
    pub voided: usize,
    /// Beyond the cap of their customer organization.
    pub over_organization_cap: usize,
    /// Completed outside the window.
    pub outside_window: usize,
}

/// One customer organization's share, or the office's anonymous responses (never shown to the vendor).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrganizationShare {
    /// The organization key (`domain:…`, `name:…` or `person:…`); `anonymous` on the anonymous line.
    pub organization_key: String,
    /// What the key stands for, in words: the organization's name and domain, its domain, or an individual.
    pub label: String,
    /// Whether this line is the office's anonymous responses, all organizations together: an anonymous
    /// response counts under its organization's cap but is never shown under an organization.
    pub anonymous: bool,
    /// Completed in the window.
    pub completed: usize,
    /// Counted.
    pub counted: usize,
}

/// How one office stands.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OfficeCompliance {
    /// The office.
    pub office_id: Uuid,
    /// Its name.
    pub name: String,
    /// Its country.
    pub country: String,
    /// Completed, non-voided responses in the window.
    pub completed: usize,
    /// Responses that count.
    pub counted: usize,
    /// Responses that do not count, by reason.
    pub excluded: Excluded,
    /// Whether this office meets the rule on its own.
    pub meets: bool,
    /// Counted responses still missing.
    pub shortfall: usize,
    /// The fewest additional customer organizations that could close the shortfall.
    pub additional_organizations_needed: usize,
    /// The last day the office keeps meeting the rule if no response is added (when it meets it).
    pub valid_until: Option<NaiveDate>,
    /// What would close the shortfall, in words; `null` when there is none.
    pub hint: Option<String>,
    /// Per customer organization, most completed first, then one line for the anonymous responses;
    /// `null` for the vendor.
    pub organizations: Option<Vec<OrganizationShare>>,
}

/// A membership's compliance, explained.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MembershipCompliance {
    /// The membership.
    pub membership_id: Uuid,
    /// The day it is judged on.
    pub as_of: NaiveDate,
    /// First day of the window.
    pub window_from: NaiveDate,
    /// Last day of the window (`as_of`).
    pub window_to: NaiveDate,
    /// The rule.
    pub rules: RuleSummary,
    /// Met when any one office meets the rule (counts are never added across offices; scores never matter).
    pub status: ComplianceStatus,
    /// The last day the membership stays met if no response is added.
    pub valid_until: Option<NaiveDate>,
    /// Every office.
    pub offices: Vec<OfficeCompliance>,
}

/// The day to judge on.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfQuery {
    /// The day (default: today, UTC).
    pub as_of: Option<NaiveDate>,
}

/// Resolves and bounds `as_of`.
pub fn as_of(requested: Option<NaiveDate>, today: NaiveDate) -> ApiResult<NaiveDate> {
    let day = requested.unwrap_or(today);
    use chrono::Datelike as _;
    if !(2000..=2100).contains(&day.year()) {
        return Err(ApiError::invalid_field(
            "as_of",
            "must be a day between 2000 and 2100",
        ));
    }
    Ok(day)
}

/// The explained compliance of one membership as the API shows it; `detailed` adds per-organization
/// figures.
fn explained_view(
    explained: Explained,
    as_of: NaiveDate,
    detailed: bool,
) -> ApiResult<MembershipCompliance> {
    let Explained {
        membership_id,
        settings,
        offices,
        standing,
        names,
    } = explained;
    let rules = settings.rules();
    let offices = offices
        .into_iter()
        .zip(standing.offices)
        .map(|(office, s)| {
            Ok(OfficeCompliance {
                office_id: office.id.into(),
                name: office.name,
                country: office.country,
                completed: s.completed,
                counted: s.counted,
                excluded: Excluded {
                    voided: s.excluded.get(&Exclusion::Voided).copied().unwrap_or(0),
                    over_organization_cap: s
                        .excluded
                        .get(&Exclusion::OverOrganizationCap)
                        .copied()
                        .unwrap_or(0),
                    outside_window: s
                        .excluded
                        .get(&Exclusion::OutsideWindow)
                        .copied()
                        .unwrap_or(0),
                },
                meets: s.meets,
                shortfall: s.shortfall,
                additional_organizations_needed: s.additional_organizations,
                valid_until: s.valid_until,
                hint: s.hint,
                organizations: detailed.then(|| shares(s.organizations, s.anonymous, &names)),
            })
        })
        .collect::<ApiResult<_>>()?;
    Ok(MembershipCompliance {
        membership_id: membership_id.into(),
        as_of,
        window_from: window_start(as_of, rules.window_months)
            .succ_opt()
            .unwrap_or(as_of),
        window_to: as_of,
        rules: RuleSummary {
            min_completed_surveys: settings.min_completed_surveys,
            max_counted_per_customer_org: settings.max_counted_per_customer_org,
            window_months: settings.window_months,
        },
        status: if standing.met {
            ComplianceStatus::Met
        } else {
            ComplianceStatus::NotMet
        },
        valid_until: standing.valid_until,
        offices,
    })
}

/// The per-organization lines of an office, labelled, then its anonymous line.
fn shares(
    organizations: Vec<OrganizationCount>,
    anonymous: AnonymousCount,
    names: &HashMap<String, String>,
) -> Vec<OrganizationShare> {
    let named = organizations.into_iter().map(|o| OrganizationShare {
        label: org_key::label(&o.org_key, names.get(&o.org_key).map(String::as_str)),
        organization_key: o.org_key,
        anonymous: false,
        completed: o.completed,
        counted: o.counted,
    });
    let anonymous = (anonymous.completed > 0).then(|| OrganizationShare {
        organization_key: "anonymous".into(),
        label: "anonymous responses, all organizations together".into(),
        anonymous: true,
        completed: anonymous.completed,
        counted: anonymous.counted,
    });
    named.chain(anonymous).collect()
}

/// Get a membership's compliance
///
/// Per office: completed, counted, excluded with the reason, whether it meets the rule, the shortfall and the
/// fewest additional customer organizations that could close it, and until when it stays valid. The partner
/// sees its own memberships; the administrator and the vendor see all (the vendor without per-organization figures).
#[utoipa::path(tag = "compliance", params(("membership_id" = Uuid, Path, description = "The membership's id."), AsOfQuery), responses(Returned<MembershipCompliance>))]
#[get("/memberships/{membership_id}/compliance")]
async fn membership_compliance(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
    query: Query<AsOfQuery>,
) -> ApiResult<Returned<MembershipCompliance>> {
    let day = as_of(query.as_of, state.clock.now().date_naive())?;
    let (id, scope, detailed) = (
        path.into_inner(),
        principal.visibility(),
        principal.role != Role::Vendor,
    );
    let explained = db::run(&state.pool, move |conn| {
        service::compliance::explain(conn, scope, id.into(), day, detailed)
    })
    .await?;
    Ok(Returned(explained_view(explained, day, detailed)?))
}

/// One membership in the program-wide list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MembershipStatus {
    /// The membership.
    pub membership_id: Uuid,
    /// Its partner.
    pub partner_id: Uuid,
    /// Its membership number.
    pub membership_number: String,
    /// The countries of its offices.
    pub countries: Vec<String>,
    /// Met or not met.
    pub status: ComplianceStatus,
    /// Counted responses of its best office.
    pub best_office_counted: i64,
}

super::page_type!(
    MembershipStatusPage,
    MembershipStatus,
    membership_id,
    "One page of memberships with their compliance, in a stable order."
);

/// Filters of the program-wide list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProgramComplianceQuery {
    /// The day (default: today, UTC).
    pub as_of: Option<NaiveDate>,
    /// Only memberships with this status.
    pub status: Option<ComplianceStatus>,
    /// Only memberships with an office in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
}

/// Every membership's status from the program's counts.
fn program_statuses(counts: ProgramCounts) -> ApiResult<Vec<MembershipStatus>> {
    let ProgramCounts {
        min_completed,
        best,
        memberships,
    } = counts;
    let mut statuses: Vec<MembershipStatus> = Vec::new();
    for row in memberships {
        if statuses
            .last()
            .is_none_or(|s| s.membership_id != Uuid::from(row.membership_id))
        {
            let counted = best.get(&row.membership_id).copied().unwrap_or(0);
            statuses.push(MembershipStatus {
                membership_id: row.membership_id.into(),
                partner_id: row.partner_id.into(),
                membership_number: row.membership_number,
                countries: Vec::new(),
                status: if counted >= min_completed {
                    ComplianceStatus::Met
                } else {
                    ComplianceStatus::NotMet
                },
                best_office_counted: counted,
            });
        }
        if !row.country.is_empty() {
            if let Some(last) = statuses.last_mut() {
                last.countries.push(row.country);
            }
        }
    }
    Ok(statuses)
}

/// List every membership's compliance
///
/// Program-wide, for the administrator and the vendor: status and the best office's count per membership,
/// filtered by status and country, cursor-paginated. No per-organization figures.
#[utoipa::path(tag = "compliance", params(ProgramComplianceQuery, ListQuery), responses(Returned<MembershipStatusPage>))]
#[get("/program/compliance")]
async fn program_compliance(
    state: web::Data<AppState>,
    _caller: Caller<ProgramReader>,
    query: Query<ProgramComplianceQuery>,
    page: Query<ListQuery>,
) -> ApiResult<Returned<MembershipStatusPage>> {
    let now = state.clock.now();
    let today = now.date_naive();
    let day = as_of(query.as_of, today)?;
    let (limit, after) = page.parse::<Uuid>()?;
    let country = query
        .country
        .as_ref()
        .map(|c| c.trim().to_ascii_uppercase());
    if country
        .as_deref()
        .is_some_and(|c| !crate::domain::country::is_iso_country(c))
    {
        return Err(ApiError::invalid_field(
            "country",
            "must be an ISO 3166-1 alpha-2 country code",
        ));
    }
    let status = query.status;
    // Today's list is read from each membership's stored compliance (`service::standing`), kept up to
    // date with every change; another day's is counted from that day's window.
    if day == today {
        let met = status.map(|s| s == ComplianceStatus::Met);
        let page = db::run(&state.pool, move |conn| {
            service::standing::list(
                conn,
                now,
                met,
                country.as_deref(),
                after.map(Into::into),
                limit,
            )
        })
        .await?;
        return Ok(Returned(super::page_of(page, |listed| {
            Ok(MembershipStatus {
                membership_id: listed.membership_id.into(),
                partner_id: listed.partner_id.into(),
                membership_number: listed.membership_number,
                countries: listed.countries,
                status: if listed.met {
                    ComplianceStatus::Met
                } else {
                    ComplianceStatus::NotMet
                },
                best_office_counted: listed.best_office_counted,
            })
        })?));
    }
    // Another day than today: counted from the responses of that day's window (only today's list is stored).
    let counts = db::run(&state.pool, move |conn| {
        service::compliance::program(conn, day)
    })
    .await?;
    let statuses = program_statuses(counts)?;
    let mut matching = statuses
        .into_iter()
        .filter(|s| status.is_none_or(|wanted| s.status == wanted))
        .filter(|s| country.as_ref().is_none_or(|c| s.countries.contains(c)))
        .filter(|s| after.is_none_or(|a| s.membership_id > a));
    let mut items: Vec<MembershipStatus> = matching.by_ref().take(limit as usize).collect();
    let more = matching.next().is_some();
    let next_cursor = if more {
        items.last().map(|i| super::encode_cursor(i.membership_id))
    } else {
        None
    };
    items.shrink_to_fit();
    Ok(Returned(MembershipStatusPage::from_parts(
        items,
        next_cursor,
    )))
}
