//! Where memberships stand against the program rule: one membership explained, or the whole program.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::{
    auth::Visibility,
    db::{
        self, bounds, offices::OfficeRow, results::MembershipCountry, settings::SettingsRow,
        DbConnection,
    },
    domain::{
        compliance::{membership_standing, window_start, Completed, MembershipStanding, Rules},
        ids::{MembershipId, OfficeId},
    },
    error::ApiResult,
};

/// One membership's standing with what explains it.
pub struct Explained {
    /// The membership's stored id.
    pub membership_id: MembershipId,
    /// The settings the rule came from.
    pub settings: SettingsRow,
    /// Its offices, in the order of `standing.offices`.
    pub offices: Vec<OfficeRow>,
    /// Its standing on the day asked for.
    pub standing: MembershipStanding,
    /// Readable organization names by key (only when `detailed`).
    pub names: HashMap<String, String>,
}

/// Membership `id` (visible to `visibility`) against the rule on `as_of`; `detailed` adds the names of
/// its customer organizations.
pub fn explain(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: MembershipId,
    as_of: NaiveDate,
    detailed: bool,
) -> ApiResult<Explained> {
    let membership = db::memberships::get(conn, visibility, id)?;
    let settings = db::settings::get(conn)?;
    let (offices, _, standing) = judge(conn, membership.id, &settings.rules(), as_of)?;
    let ids: Vec<OfficeId> = offices.iter().map(|o| o.id).collect();
    let names = match detailed {
        true => db::contacts::organization_names(conn, &ids)?,
        false => HashMap::new(),
    };
    Ok(Explained {
        membership_id: membership.id,
        settings,
        offices,
        standing,
        names,
    })
}

/// Membership `id` against `rules` on `as_of`: its offices, its responses as the rule sees them and its
/// standing. What both its explanation and its stored row in the program-wide list come from.
pub fn judge(
    conn: &mut DbConnection,
    id: MembershipId,
    rules: &Rules,
    as_of: NaiveDate,
) -> ApiResult<(Vec<OfficeRow>, Vec<Completed>, MembershipStanding)> {
    let offices = db::offices::list_for_membership(conn, id, None, 10_000)?.0;
    let responses = db::results::membership_responses(conn, id)?;
    let keys: Vec<String> = offices.iter().map(|o| o.id.to_string()).collect();
    let standing = membership_standing(&keys, &responses, rules, as_of);
    Ok((offices, responses, standing))
}

/// Every membership's best office count on `as_of` (the organization cap applied in SQL), with the
/// rule's minimum and each membership's countries, in membership order.
pub struct ProgramCounts {
    /// The completed surveys an office needs.
    pub min_completed: i64,
    /// The best office's counted responses, by membership.
    pub best: BTreeMap<MembershipId, i64>,
    /// Every membership with each of its office countries.
    pub memberships: Vec<MembershipCountry>,
}

/// The program's counts on `as_of`.
pub fn program(conn: &mut DbConnection, as_of: NaiveDate) -> ApiResult<ProgramCounts> {
    let rules = db::settings::get(conn)?.rules();
    let first_day = window_start(as_of, rules.window_months)
        .succ_opt()
        .unwrap_or(as_of);
    let (from, to) = bounds(first_day, as_of);
    let mut best: BTreeMap<MembershipId, i64> = BTreeMap::new();
    for office in db::results::office_counts(conn, &from, &to, rules.cap_per_org as i64, None)? {
        let entry = best.entry(office.membership_id).or_insert(0);
        *entry = (*entry).max(office.counted);
    }
    Ok(ProgramCounts {
        min_completed: rules.min_completed as i64,
        best,
        memberships: db::results::membership_countries(conn)?,
    })
}
