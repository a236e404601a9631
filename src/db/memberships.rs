//! Membership rows and their queries.

use diesel::prelude::*;

use super::{schema::memberships, DbConnection};
use crate::{
    auth::Visibility,
    domain::ids::{MembershipId, PartnerId},
    error::{ApiError, ApiResult, ErrorCode},
};

/// A stored membership.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = memberships)]
pub struct MembershipRow {
    /// Id.
    pub id: MembershipId,
    /// Owning partner.
    pub partner_id: PartnerId,
    /// Program membership number (unique).
    pub membership_number: String,
    /// Renewal date, `YYYY-MM-DD`.
    pub renewal_date: String,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// The integrator's own id (unique among the partner's memberships).
    pub external_id: Option<String>,
}

/// Changes to a membership.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = memberships)]
pub struct MembershipChanges {
    /// New membership number.
    pub membership_number: Option<String>,
    /// New renewal date.
    pub renewal_date: Option<String>,
    /// New external id, or `Some(None)` to clear it.
    pub external_id: Option<Option<String>>,
}

/// Inserts a membership.
pub fn insert(conn: &mut DbConnection, row: MembershipRow) -> ApiResult<MembershipRow> {
    super::ensure_unique!(
        conn,
        memberships,
        membership_number,
        &row.membership_number,
        None::<MembershipId>,
        "membership"
    )?;
    ensure_external_id_free(conn, row.partner_id, row.external_id.as_deref(), None)?;
    diesel::insert_into(memberships::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// One membership, if visible to `scope`.
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: MembershipId,
) -> ApiResult<MembershipRow> {
    super::scoped_get!(
        conn,
        memberships,
        MembershipRow,
        visibility,
        id,
        "membership"
    )
}

super::external_ids!(memberships, MembershipRow, MembershipId, partner_id: PartnerId, "membership", "partner");

/// A page of one partner's memberships.
pub fn list_for_partner(
    conn: &mut DbConnection,
    partner_id: PartnerId,
    after: Option<MembershipId>,
    limit: i64,
) -> ApiResult<(Vec<MembershipRow>, bool)> {
    let query = memberships::table
        .filter(memberships::partner_id.eq(partner_id))
        .select(MembershipRow::as_select())
        .into_boxed();
    super::paginate!(conn, query, memberships::id, after, limit)
}

/// Applies `changes` when the stored version is `expected`.
pub fn update(
    conn: &mut DbConnection,
    id: MembershipId,
    expected: Option<i64>,
    changes: MembershipChanges,
    now: &str,
) -> ApiResult<MembershipRow> {
    let current = get(conn, Visibility::All, id)?;
    if let Some(number) = &changes.membership_number {
        super::ensure_unique!(
            conn,
            memberships,
            membership_number,
            number,
            Some(current.id),
            "membership"
        )?;
    }
    if let Some(external_id) = &changes.external_id {
        ensure_external_id_free(
            conn,
            current.partner_id,
            external_id.as_deref(),
            Some(current.id),
        )?;
    }
    super::update_versioned!(conn, memberships, current, expected, now, &changes)?;
    get(conn, Visibility::All, id)
}

/// Deletes a membership that has no offices.
pub fn delete(conn: &mut DbConnection, id: MembershipId, expected: Option<i64>) -> ApiResult<()> {
    let current = get(conn, Visibility::All, id)?;
    super::check_version(current.version, expected)?;
    let offices: i64 = super::schema::offices::table
        .filter(super::schema::offices::membership_id.eq(&current.id))
        .count()
        .get_result(conn)?;
    if offices > 0 {
        return Err(ApiError::conflict(
            ErrorCode::InUse,
            format!("the membership still has {offices} office(s); delete them first"),
        ));
    }
    diesel::delete(memberships::table.find(&current.id)).execute(conn)?;
    Ok(())
}
