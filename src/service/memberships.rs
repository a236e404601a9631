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
    error::ApiResult,
};

/// A new membership, as validated by the caller.
#[derive(Debug, Clone)]
pub struct NewMembership {
    /// The program's membership number (unique program-wide).
    pub membership_number: String,
    /// The next renewal date.
    pub renewal_date: NaiveDate,
}

/// Changes to a membership, as validated by the caller; `None` keeps a field as it is.
#[derive(Debug, Clone, Default)]
pub struct MembershipUpdate {
    /// New membership number.
    pub membership_number: Option<String>,
    /// New renewal date.
    pub renewal_date: Option<NaiveDate>,
}

/// Registers a membership of the partner `partner_id` at `now`; 404 when there is no such partner.
pub fn create(
    conn: &mut DbConnection,
    partner_id: PartnerId,
    new: NewMembership,
    now: &str,
) -> ApiResult<MembershipRow> {
    let row = MembershipRow {
        id: MembershipId::new(),
        partner_id,
        membership_number: new.membership_number.trim().to_owned(),
        renewal_date: new.renewal_date.to_string(),
        version: 1,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    };
    db::write_tx(conn, |conn| {
        db::partners::get(conn, Visibility::All, partner_id)?;
        let row = db::memberships::insert(conn, row)?;
        super::standing::refresh(conn, row.id, now)?;
        Ok(row)
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
