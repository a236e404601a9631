//! Partner rows and their queries.

use diesel::prelude::*;

use super::{schema::partners, DbConnection};
use crate::{
    auth::Visibility,
    domain::ids::PartnerId,
    error::{ApiError, ApiResult, ErrorCode},
};

/// A stored partner.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = partners)]
pub struct PartnerRow {
    /// Id (UUIDv7 text).
    pub id: PartnerId,
    /// The vendor's key for the partner organization.
    pub external_key: String,
    /// Display name.
    pub name: String,
    /// JSON array of the email domains the partner owns.
    pub email_domains: String,
    /// Optimistic-concurrency version (the ETag).
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Changes to a partner; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = partners)]
pub struct PartnerChanges {
    /// New external key.
    pub external_key: Option<String>,
    /// New name.
    pub name: Option<String>,
    /// New email domains (JSON array).
    pub email_domains: Option<String>,
}

/// Inserts a partner; 409 when its external key is taken.
pub fn insert(conn: &mut DbConnection, row: PartnerRow) -> ApiResult<PartnerRow> {
    super::ensure_unique!(
        conn,
        partners,
        external_key,
        &row.external_key,
        None::<PartnerId>,
        "partner"
    )?;
    diesel::insert_into(partners::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// One partner, if visible to `scope` (a partner sees only itself).
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: PartnerId,
) -> ApiResult<PartnerRow> {
    let scope = visibility.partner();
    if scope.is_some_and(|own| own != id) {
        return Err(not_found());
    }
    partners::table
        .find(id)
        .select(PartnerRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(not_found)
}

/// The partner with the external key `key`, if there is one and `visibility` sees it.
pub fn find_by_key(
    conn: &mut DbConnection,
    visibility: Visibility,
    key: &str,
) -> ApiResult<Option<PartnerRow>> {
    let mut query = partners::table
        .filter(partners::external_key.eq(key))
        .select(PartnerRow::as_select())
        .into_boxed();
    if let Some(own) = visibility.partner() {
        query = query.filter(partners::id.eq(own));
    }
    Ok(query.first(conn).optional()?)
}

/// A page of partners visible to `scope`, in creation order after `after`.
pub fn list(
    conn: &mut DbConnection,
    visibility: Visibility,
    after: Option<PartnerId>,
    limit: i64,
) -> ApiResult<(Vec<PartnerRow>, bool)> {
    let scope = visibility.partner();
    let mut query = partners::table.select(PartnerRow::as_select()).into_boxed();
    if let Some(own) = scope {
        query = query.filter(partners::id.eq(own));
    }
    super::paginate!(conn, query, partners::id, after, limit)
}

/// Applies `changes` when the stored version is `expected` (or any, when `None`).
pub fn update(
    conn: &mut DbConnection,
    id: PartnerId,
    expected: Option<i64>,
    changes: PartnerChanges,
    now: &str,
) -> ApiResult<PartnerRow> {
    let current = get(conn, Visibility::All, id)?;
    if let Some(key) = &changes.external_key {
        super::ensure_unique!(
            conn,
            partners,
            external_key,
            key,
            Some(current.id),
            "partner"
        )?;
    }
    super::update_versioned!(conn, partners, current, expected, now, &changes)?;
    get(conn, Visibility::All, id)
}

/// Deletes a partner that has no memberships.
pub fn delete(conn: &mut DbConnection, id: PartnerId, expected: Option<i64>) -> ApiResult<()> {
    let current = get(conn, Visibility::All, id)?;
    super::check_version(current.version, expected)?;
    let memberships: i64 = super::schema::memberships::table
        .filter(super::schema::memberships::partner_id.eq(&current.id))
        .count()
        .get_result(conn)?;
    if memberships > 0 {
        return Err(ApiError::conflict(
            ErrorCode::InUse,
            format!("the partner still has {memberships} membership(s); delete them first"),
        ));
    }
    diesel::delete(partners::table.find(&current.id)).execute(conn)?;
    Ok(())
}

/// 404 for a partner that does not exist or is not visible.
pub fn not_found() -> ApiError {
    ApiError::NotFound("no such partner".into())
}
