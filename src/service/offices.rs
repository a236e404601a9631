//! Offices: a membership's offices, one country each, which its partner manages too.

use crate::{
    auth::Visibility,
    db::{
        self,
        offices::{OfficeChanges, OfficeRow},
        DbConnection,
    },
    domain::ids::{MembershipId, OfficeId},
    error::ApiResult,
};

/// A new office, as validated by the caller.
#[derive(Debug, Clone)]
pub struct NewOffice {
    /// The office's name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code, in any case.
    pub country: String,
    /// The city.
    pub city: String,
}

/// Changes to an office, as validated by the caller; `None` keeps a field as it is.
#[derive(Debug, Clone, Default)]
pub struct OfficeUpdate {
    /// New name.
    pub name: Option<String>,
    /// New ISO 3166-1 alpha-2 country code, in any case.
    pub country: Option<String>,
    /// New city.
    pub city: Option<String>,
}

/// The stored form of a country code: trimmed, upper case.
fn country(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// Registers an office of the membership `membership_id` at `now`; 404 when `visibility` does not see
/// the membership.
pub fn create(
    conn: &mut DbConnection,
    visibility: Visibility,
    membership_id: MembershipId,
    new: NewOffice,
    now: &str,
) -> ApiResult<OfficeRow> {
    db::write_tx(conn, |conn| {
        let membership = db::memberships::get(conn, visibility, membership_id)?;
        db::offices::insert(
            conn,
            OfficeRow {
                id: OfficeId::new(),
                membership_id: membership.id,
                partner_id: membership.partner_id,
                name: new.name.trim().to_owned(),
                country: country(&new.country),
                city: new.city.trim().to_owned(),
                version: 1,
                created_at: now.to_owned(),
                updated_at: now.to_owned(),
            },
        )
    })
}

/// A page of the offices of the membership `membership_id` (at most `limit`, after the id `after`) and
/// whether more follow; 404 when `visibility` does not see the membership.
pub fn list(
    conn: &mut DbConnection,
    visibility: Visibility,
    membership_id: MembershipId,
    after: Option<OfficeId>,
    limit: i64,
) -> ApiResult<(Vec<OfficeRow>, bool)> {
    db::memberships::get(conn, visibility, membership_id)?;
    db::offices::list_for_membership(conn, membership_id, after, limit)
}

/// One office, if `visibility` sees it (404 otherwise).
pub fn get(conn: &mut DbConnection, visibility: Visibility, id: OfficeId) -> ApiResult<OfficeRow> {
    db::offices::get(conn, visibility, id)
}

/// Applies `changes` at `now` to an office `visibility` sees when its version is `expected_version`
/// (412 otherwise).
pub fn update(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: OfficeId,
    expected_version: Option<i64>,
    changes: OfficeUpdate,
    now: &str,
) -> ApiResult<OfficeRow> {
    let changes = OfficeChanges {
        name: changes.name.map(|n| n.trim().to_owned()),
        country: changes.country.as_deref().map(country),
        city: changes.city.map(|c| c.trim().to_owned()),
    };
    db::write_tx(conn, |conn| {
        db::offices::update(conn, visibility, id, expected_version, changes, now)
    })
}

/// Deletes an office `visibility` sees when its version is `expected_version`; 409 while it has
/// contacts (they carry survey history).
pub fn delete(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: OfficeId,
    expected_version: Option<i64>,
) -> ApiResult<()> {
    db::write_tx(conn, |conn| {
        db::offices::delete(conn, visibility, id, expected_version)
    })
}
