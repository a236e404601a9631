//! Stored first answers of POST requests that carried an `Idempotency-Key`.

use diesel::prelude::*;

use super::{schema::idempotency_keys, DbConnection};
use crate::error::ApiResult;

/// A key's record; `status` is `None` while the first request is still running.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys)]
pub struct IdempotencyRow {
    /// Who sent it (role, partner and subject).
    pub principal: String,
    /// The client's key.
    pub idempotency_key: String,
    /// Hash of method, path and body of the first request.
    pub request_hash: String,
    /// Status of the first answer.
    pub status: Option<i32>,
    /// Body of the first answer.
    pub response_body: Option<String>,
    /// `Location` of the first answer.
    pub location: Option<String>,
    /// `ETag` of the first answer.
    pub etag: Option<String>,
    /// When the key was first seen.
    pub created_at: String,
}

/// Claims a key for a new request, or returns the existing record. Records older than `expired_before`
/// are forgotten, and so are claims still unanswered since `abandoned_before`.
pub fn claim(
    conn: &mut DbConnection,
    row: &IdempotencyRow,
    expired_before: &str,
    abandoned_before: &str,
) -> ApiResult<Option<IdempotencyRow>> {
    super::write_tx(conn, |conn| {
        diesel::delete(
            idempotency_keys::table.filter(idempotency_keys::created_at.lt(expired_before)),
        )
        .execute(conn)?;
        // A claim never answered belongs to a request that died (client gone, process stopped).
        diesel::delete(
            idempotency_keys::table
                .filter(idempotency_keys::status.is_null())
                .filter(idempotency_keys::created_at.lt(abandoned_before)),
        )
        .execute(conn)?;
        let existing = idempotency_keys::table
            .find((&row.principal, &row.idempotency_key))
            .select(IdempotencyRow::as_select())
            .first(conn)
            .optional()?;
        if existing.is_none() {
            diesel::insert_into(idempotency_keys::table)
                .values(row)
                .execute(conn)?;
        }
        Ok(existing)
    })
}

/// Stores the first answer of a claim.
pub fn complete(
    conn: &mut DbConnection,
    claim: &IdempotencyRow,
    status: i32,
    body: &str,
    location: Option<&str>,
    etag: Option<&str>,
) -> ApiResult<()> {
    // Only this claim's row: a claim freed as abandoned and claimed anew is not this request's.
    diesel::update(
        idempotency_keys::table
            .find((&claim.principal, &claim.idempotency_key))
            .filter(idempotency_keys::created_at.eq(&claim.created_at)),
    )
    .set((
        idempotency_keys::status.eq(status),
        idempotency_keys::response_body.eq(body),
        idempotency_keys::location.eq(location),
        idempotency_keys::etag.eq(etag),
    ))
    .execute(conn)?;
    Ok(())
}

/// Forgets a claim whose request failed, so a retry runs again.
pub fn release(conn: &mut DbConnection, claim: &IdempotencyRow) -> ApiResult<()> {
    diesel::delete(
        idempotency_keys::table
            .find((&claim.principal, &claim.idempotency_key))
            .filter(idempotency_keys::created_at.eq(&claim.created_at)),
    )
    .execute(conn)?;
    Ok(())
}
