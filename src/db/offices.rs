//! Office rows and their queries.

use diesel::prelude::*;

use super::{schema::offices, DbConnection};
use crate::{
    auth::Visibility,
    domain::ids::{MembershipId, OfficeId, PartnerId},
    error::{ApiError, ApiResult, ErrorCode},
};

/// A stored office.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = offices)]
pub struct OfficeRow {
    /// Id.
    pub id: OfficeId,
    /// The membership it belongs to.
    pub membership_id: MembershipId,
    /// The membership's partner (kept here so every scope check is one indexed filter).
    pub partner_id: PartnerId,
    /// Office name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// City.
    pub city: String,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// The integrator's own id (unique among the membership's offices).
    pub external_id: Option<String>,
}

/// Changes to an office.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = offices)]
pub struct OfficeChanges {
    /// New name.
    pub name: Option<String>,
    /// New country.
    pub country: Option<String>,
    /// New city.
    pub city: Option<String>,
    /// New external id, or `Some(None)` to clear it.
    pub external_id: Option<Option<String>>,
}

/// Inserts an office; 409 when another office of the membership has its external id.
pub fn insert(conn: &mut DbConnection, row: OfficeRow) -> ApiResult<OfficeRow> {
    ensure_external_id_free(conn, row.membership_id, row.external_id.as_deref(), None)?;
    diesel::insert_into(offices::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// One office, if visible to `scope`.
pub fn get(conn: &mut DbConnection, visibility: Visibility, id: OfficeId) -> ApiResult<OfficeRow> {
    super::scoped_get!(conn, offices, OfficeRow, visibility, id, "office")
}

super::external_ids!(offices, OfficeRow, OfficeId, membership_id: MembershipId, "office", "membership");

/// A page of one membership's offices.
pub fn list_for_membership(
    conn: &mut DbConnection,
    membership_id: MembershipId,
    after: Option<OfficeId>,
    limit: i64,
) -> ApiResult<(Vec<OfficeRow>, bool)> {
    let query = offices::table
        .filter(offices::membership_id.eq(membership_id))
        .select(OfficeRow::as_select())
        .into_boxed();
    super::paginate!(conn, query, offices::id, after, limit)
}

/// Applies `changes` when the office is visible to `scope` and its version is `expected`.
pub fn update(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: OfficeId,
    expected: Option<i64>,
    changes: OfficeChanges,
    now: &str,
) -> ApiResult<OfficeRow> {
    let current = get(conn, visibility, id)?;
    if let Some(external_id) = &changes.external_id {
        ensure_external_id_free(
            conn,
            current.membership_id,
            external_id.as_deref(),
            Some(current.id),
        )?;
    }
    super::update_versioned!(conn, offices, current, expected, now, &changes)?;
    get(conn, visibility, id)
}

/// Deletes an office that has no contacts (contacts carry survey history, even when erased).
pub fn delete(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: OfficeId,
    expected: Option<i64>,
) -> ApiResult<()> {
    let current = get(conn, visibility, id)?;
    super::check_version(current.version, expected)?;
    let contacts: i64 = super::schema::contacts::table
        .filter(super::schema::contacts::office_id.eq(&current.id))
        .count()
        .get_result(conn)?;
    if contacts > 0 {
        return Err(ApiError::conflict(
            ErrorCode::InUse,
            format!(
            "the office has {contacts} contact(s) and keeps their history; it cannot be deleted"
        ),
        ));
    }
    diesel::delete(offices::table.find(&current.id)).execute(conn)?;
    Ok(())
}
