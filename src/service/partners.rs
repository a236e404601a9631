//! Partners: registering, reading, changing and deleting the program's partner organizations.

use crate::{
    auth::Visibility,
    db::{
        self,
        partners::{PartnerChanges, PartnerRow},
        DbConnection,
    },
    domain::ids::PartnerId,
    error::ApiResult,
};

/// A new partner, as validated by the caller.
#[derive(Debug, Clone)]
pub struct NewPartner {
    /// The vendor's own key for the partner organization (unique).
    pub external_key: String,
    /// The display name.
    pub name: String,
    /// Email domains the partner owns, in any case and order, possibly repeated.
    pub email_domains: Vec<String>,
}

/// Changes to a partner, as validated by the caller; `None` keeps a field as it is.
#[derive(Debug, Clone, Default)]
pub struct PartnerUpdate {
    /// New external key.
    pub external_key: Option<String>,
    /// New display name.
    pub name: Option<String>,
    /// New email domains (they replace the old ones).
    pub email_domains: Option<Vec<String>>,
}

/// The stored form of a list of email domains: trimmed, lower case, sorted, without repeats.
fn domains_json(domains: &[String]) -> String {
    let mut normalized: Vec<String> = domains.iter().map(|d| d.trim().to_lowercase()).collect();
    normalized.sort();
    normalized.dedup();
    serde_json::Value::from(normalized).to_string()
}

/// Registers a partner at `now`; 409 when another partner has its external key.
pub fn create(conn: &mut DbConnection, new: NewPartner, now: &str) -> ApiResult<PartnerRow> {
    let row = PartnerRow {
        id: PartnerId::new(),
        external_key: new.external_key.trim().to_owned(),
        name: new.name.trim().to_owned(),
        email_domains: domains_json(&new.email_domains),
        version: 1,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    };
    db::write_tx(conn, |conn| db::partners::insert(conn, row))
}

/// A page of the partners `visibility` sees (at most `limit`, after the id `after`) and whether more follow.
pub fn list(
    conn: &mut DbConnection,
    visibility: Visibility,
    after: Option<PartnerId>,
    limit: i64,
) -> ApiResult<(Vec<PartnerRow>, bool)> {
    db::partners::list(conn, visibility, after, limit)
}

/// One partner, if `visibility` sees it (404 otherwise).
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: PartnerId,
) -> ApiResult<PartnerRow> {
    db::partners::get(conn, visibility, id)
}

/// Applies `changes` to a partner at `now` when its version is `expected_version` (412 otherwise).
pub fn update(
    conn: &mut DbConnection,
    id: PartnerId,
    expected_version: Option<i64>,
    changes: PartnerUpdate,
    now: &str,
) -> ApiResult<PartnerRow> {
    let changes = PartnerChanges {
        external_key: changes.external_key.map(|k| k.trim().to_owned()),
        name: changes.name.map(|n| n.trim().to_owned()),
        email_domains: changes.email_domains.as_deref().map(domains_json),
    };
    db::write_tx(conn, |conn| {
        db::partners::update(conn, id, expected_version, changes, now)
    })
}

/// Deletes a partner without memberships (409 otherwise) when its version is `expected_version`.
pub fn delete(
    conn: &mut DbConnection,
    id: PartnerId,
    expected_version: Option<i64>,
) -> ApiResult<()> {
    db::write_tx(conn, |conn| {
        db::partners::delete(conn, id, expected_version)
    })
}
