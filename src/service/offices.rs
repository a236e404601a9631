//! Offices: a membership's offices, one country each, which its partner manages too.

use crate::{
    auth::Visibility,
    db::{
        self,
        memberships::MembershipRow,
        offices::{OfficeChanges, OfficeRow},
        DbConnection,
    },
    domain::ids::{MembershipId, OfficeId},
    error::{ApiError, ApiResult},
    service::upsert::{differs, Upserted},
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
    /// The integrator's own id (unique among the membership's offices), if any.
    pub external_id: Option<String>,
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
    /// New external id, or `Some(None)` to clear it.
    pub external_id: Option<Option<String>>,
}

/// The stored form of a country code: trimmed, upper case.
fn country(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The row of a new office of `membership` at `now`.
fn office_row(membership: &MembershipRow, new: NewOffice, now: &str) -> OfficeRow {
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
        external_id: new.external_id,
    }
}

/// Registers an office of the membership `membership_id` at `now`; 404 when `visibility` does not see
/// the membership, 409 when another of its offices has the external id.
pub fn create(
    conn: &mut DbConnection,
    visibility: Visibility,
    membership_id: MembershipId,
    new: NewOffice,
    now: &str,
) -> ApiResult<OfficeRow> {
    db::write_tx(conn, |conn| {
        let membership = db::memberships::get(conn, visibility, membership_id)?;
        db::offices::insert(conn, office_row(&membership, new, now))
    })
}

/// The office of the membership `membership_id` whose external id is `external_id`; 404 when there is
/// none or `visibility` does not see the membership.
pub fn get_by_external_id(
    conn: &mut DbConnection,
    visibility: Visibility,
    membership_id: MembershipId,
    external_id: &str,
) -> ApiResult<OfficeRow> {
    db::memberships::get(conn, visibility, membership_id)?;
    db::offices::find_by_external_id(conn, membership_id, external_id)?
        .ok_or_else(|| ApiError::NotFound("no such office".into()))
}

/// Creates the office `new` of the membership `membership_id` under the external id `external_id` at
/// `now`, or makes the membership's office with that external id look like `new` (name, country and
/// city). Writes nothing when it already does. 404 when `visibility` does not see the membership, 412
/// when `expected_version` is given and is not the office's (or there is no office to match it).
pub fn upsert(
    conn: &mut DbConnection,
    visibility: Visibility,
    membership_id: MembershipId,
    external_id: String,
    new: NewOffice,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<Upserted<OfficeRow>> {
    let new = NewOffice {
        external_id: Some(external_id),
        ..new
    };
    db::write_tx(conn, |conn| {
        let membership = db::memberships::get(conn, visibility, membership_id)?;
        let wanted = office_row(&membership, new, now);
        let external_id = wanted.external_id.as_deref().unwrap_or_default();
        let Some(current) = db::offices::find_by_external_id(conn, membership.id, external_id)?
        else {
            if expected_version.is_some() {
                return Err(ApiError::PreconditionFailed);
            }
            return db::offices::insert(conn, wanted).map(Upserted::Created);
        };
        db::check_version(current.version, expected_version)?;
        let changes = OfficeChanges {
            name: differs(&current.name, wanted.name),
            country: differs(&current.country, wanted.country),
            city: differs(&current.city, wanted.city),
            external_id: None,
        };
        if changes.name.is_none() && changes.country.is_none() && changes.city.is_none() {
            return Ok(Upserted::Unchanged(current));
        }
        let version = Some(current.version);
        db::offices::update(conn, visibility, current.id, version, changes, now)
            .map(Upserted::Updated)
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
        external_id: changes.external_id,
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
