//! Partners: registering, reading, changing and deleting the program's partner organizations.

use crate::{
    auth::Visibility,
    db::{
        self,
        partners::{PartnerChanges, PartnerRow},
        DbConnection,
    },
    domain::ids::PartnerId,
    error::{ApiError, ApiResult},
    service::upsert::{differs, Upserted},
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

/// The row of a new partner at `now`.
fn partner_row(new: NewPartner, now: &str) -> PartnerRow {
    PartnerRow {
        id: PartnerId::new(),
        external_key: new.external_key.trim().to_owned(),
        name: new.name.trim().to_owned(),
        email_domains: domains_json(&new.email_domains),
        version: 1,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    }
}

/// Registers a partner at `now`; 409 when another partner has its external key.
pub fn create(conn: &mut DbConnection, new: NewPartner, now: &str) -> ApiResult<PartnerRow> {
    let row = partner_row(new, now);
    db::write_tx(conn, |conn| db::partners::insert(conn, row))
}

/// The partner whose external key (the partner's external id) is `key`, if `visibility` sees it (404
/// otherwise).
pub fn get_by_external_key(
    conn: &mut DbConnection,
    visibility: Visibility,
    key: &str,
) -> ApiResult<PartnerRow> {
    db::partners::find_by_key(conn, visibility, key)?.ok_or_else(db::partners::not_found)
}

/// Creates the partner `new` at `now`, or makes the partner with its external key look like it: its
/// name and email domains become `new`'s. Writes nothing when they already are (the version and
/// `updated_at` stay). 412 when `expected_version` is given and is not the partner's (or there is no
/// partner to match it).
pub fn upsert(
    conn: &mut DbConnection,
    new: NewPartner,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<Upserted<PartnerRow>> {
    let wanted = partner_row(new, now);
    db::write_tx(conn, |conn| {
        let Some(current) = db::partners::find_by_key(conn, Visibility::All, &wanted.external_key)?
        else {
            if expected_version.is_some() {
                return Err(ApiError::PreconditionFailed);
            }
            return db::partners::insert(conn, wanted).map(Upserted::Created);
        };
        db::check_version(current.version, expected_version)?;
        let changes = PartnerChanges {
            external_key: None,
            name: differs(&current.name, wanted.name),
            email_domains: differs(&current.email_domains, wanted.email_domains),
        };
        if changes.name.is_none() && changes.email_domains.is_none() {
            return Ok(Upserted::Unchanged(current));
        }
        db::partners::update(conn, current.id, Some(current.version), changes, now)
            .map(Upserted::Updated)
    })
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
