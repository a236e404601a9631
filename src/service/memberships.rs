//! Memberships: a partner's program memberships, each of which must meet the survey requirement.

use chrono::NaiveDate;

use crate::{
    auth::Visibility,
    db::{
        self,
        memberships::{MembershipChanges, MembershipRow},
        DbConnection,
    },
    domain::ids::{MembershipId, PartnerId},
    error::{ApiError, ApiResult},
    service::upsert::{differs, Upserted},
};

/// A new membership, as validated by the caller.
#[derive(Debug, Clone)]
pub struct NewMembership {
    /// The program's membership number (unique program-wide).
    pub membership_number: String,
    /// The next renewal date.
    pub renewal_date: NaiveDate,
    /// The integrator's own id (unique among the partner's memberships), if any.
    pub external_id: Option<String>,
}

/// Changes to a membership, as validated by the caller; `None` keeps a field as it is.
#[derive(Debug, Clone, Default)]
pub struct MembershipUpdate {
    /// New membership number.
    pub membership_number: Option<String>,
    /// New renewal date.
    pub renewal_date: Option<NaiveDate>,
    /// New external id, or `Some(None)` to clear it.
    pub external_id: Option<Option<String>>,
}

/// The row of a new membership of the partner `partner_id` at `now`.
fn membership_row(partner_id: PartnerId, new: NewMembership, now: &str) -> MembershipRow {
    MembershipRow {
        id: MembershipId::new(),
        partner_id,
        membership_number: new.membership_number.trim().to_owned(),
        renewal_date: new.renewal_date.to_string(),
        version: 1,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
        external_id: new.external_id,
    }
}

/// Stores the new membership `row` with its standing, in the caller's transaction.
fn insert(conn: &mut DbConnection, row: MembershipRow, now: &str) -> ApiResult<MembershipRow> {
    let row = db::memberships::insert(conn, row)?;
    super::standing::refresh(conn, row.id, now)?;
    Ok(row)
}

/// Registers a membership of the partner `partner_id` at `now`; 404 when there is no such partner,
/// 409 when its membership number or external id is taken.
pub fn create(
    conn: &mut DbConnection,
    partner_id: PartnerId,
    new: NewMembership,
    now: &str,
) -> ApiResult<MembershipRow> {
    let row = membership_row(partner_id, new, now);
    db::write_tx(conn, |conn| {
        db::partners::get(conn, Visibility::All, partner_id)?;
        insert(conn, row, now)
    })
}

/// The membership of the partner `partner_id` whose external id is `external_id`; 404 when there is
/// none or `visibility` does not see the partner.
pub fn get_by_external_id(
    conn: &mut DbConnection,
    visibility: Visibility,
    partner_id: PartnerId,
    external_id: &str,
) -> ApiResult<MembershipRow> {
    db::partners::get(conn, visibility, partner_id)?;
    db::memberships::find_by_external_id(conn, partner_id, external_id)?
        .ok_or_else(|| ApiError::NotFound("no such membership".into()))
}

/// Creates the membership `new` of the partner `partner_id` under the external id `external_id` at
/// `now`, or makes the partner's membership with that external id look like `new` (membership number
/// and renewal date). Writes nothing when it already does. 404 when there is no such partner, 409 when
/// another membership has the number, 412 when `expected_version` is given and is not the membership's
/// (or there is no membership to match it).
pub fn upsert(
    conn: &mut DbConnection,
    partner_id: PartnerId,
    external_id: String,
    new: NewMembership,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<Upserted<MembershipRow>> {
    let new = NewMembership {
        external_id: Some(external_id),
        ..new
    };
    let wanted = membership_row(partner_id, new, now);
    db::write_tx(conn, |conn| {
        db::partners::get(conn, Visibility::All, partner_id)?;
        let external_id = wanted.external_id.as_deref().unwrap_or_default();
        let Some(current) = db::memberships::find_by_external_id(conn, partner_id, external_id)?
        else {
            if expected_version.is_some() {
                return Err(ApiError::PreconditionFailed);
            }
            return insert(conn, wanted, now).map(Upserted::Created);
        };
        db::check_version(current.version, expected_version)?;
        let changes = MembershipChanges {
            membership_number: differs(&current.membership_number, wanted.membership_number),
            renewal_date: differs(&current.renewal_date, wanted.renewal_date),
            external_id: None,
        };
        if changes.membership_number.is_none() && changes.renewal_date.is_none() {
            return Ok(Upserted::Unchanged(current));
        }
        db::memberships::update(conn, current.id, Some(current.version), changes, now)
            .map(Upserted::Updated)
    })
}

/// A page of the memberships of the partner `partner_id` (at most `limit`, after the id `after`) and
/// whether more follow; 404 when `visibility` does not see the partner.
pub fn list(
    conn: &mut DbConnection,
    visibility: Visibility,
    partner_id: PartnerId,
    after: Option<MembershipId>,
    limit: i64,
) -> ApiResult<(Vec<MembershipRow>, bool)> {
    db::partners::get(conn, visibility, partner_id)?;
    db::memberships::list_for_partner(conn, partner_id, after, limit)
}

/// One membership, if `visibility` sees it (404 otherwise).
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: MembershipId,
) -> ApiResult<MembershipRow> {
    db::memberships::get(conn, visibility, id)
}

/// Applies `changes` to a membership at `now` when its version is `expected_version` (412 otherwise).
pub fn update(
    conn: &mut DbConnection,
    id: MembershipId,
    expected_version: Option<i64>,
    changes: MembershipUpdate,
    now: &str,
) -> ApiResult<MembershipRow> {
    let changes = MembershipChanges {
        membership_number: changes.membership_number.map(|n| n.trim().to_owned()),
        renewal_date: changes.renewal_date.map(|d| d.to_string()),
        external_id: changes.external_id,
    };
    db::write_tx(conn, |conn| {
        db::memberships::update(conn, id, expected_version, changes, now)
    })
}

/// Deletes a membership without offices (409 otherwise) when its version is `expected_version`.
pub fn delete(
    conn: &mut DbConnection,
    id: MembershipId,
    expected_version: Option<i64>,
) -> ApiResult<()> {
    db::write_tx(conn, |conn| {
        db::memberships::delete(conn, id, expected_version)
    })
}
