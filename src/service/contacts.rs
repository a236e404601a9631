//! Contacts: an office's confidential customer contacts, added one by one or imported in bulk,
//! changed, and erased on request. Nothing here may serve the vendor role.

use uuid::Uuid;

use crate::{
    auth::Visibility,
    db::{
        self,
        contacts::{ContactChanges, ContactRow, ImportOutcome},
        offices::OfficeRow,
        DbConnection,
    },
    domain::{
        contact::ConsentMethod,
        ids::{ContactId, OfficeId},
        org_key::org_key,
    },
    error::{ApiError, ApiResult, FieldError},
    service::upsert::{differs, Upserted},
};

/// A customer's consent to be surveyed, as the caller recorded it.
#[derive(Debug, Clone)]
pub struct GivenConsent {
    /// When consent was given.
    pub given_at: chrono::DateTime<chrono::Utc>,
    /// How consent was given.
    pub method: ConsentMethod,
}

/// A new contact, as validated by the caller.
#[derive(Debug, Clone)]
pub struct NewContact {
    /// The person's name.
    pub name: String,
    /// The person's email, in any case (unique within the office).
    pub email: String,
    /// The customer organization, if given (blank counts as not given).
    pub organization: Option<String>,
    /// The preferred locale, if known.
    pub locale: Option<String>,
    /// The consent to be surveyed, if given.
    pub consent: Option<GivenConsent>,
    /// The integrator's own id (unique among the office's contacts), if any.
    pub external_id: Option<String>,
}

/// A new contact the caller checked: the contact, or why it is invalid (field errors).
pub type CheckedContact = Result<NewContact, Vec<FieldError>>;

/// Changes to a contact, as validated by the caller; `None` keeps a field as it is, `Some(None)`
/// clears an optional one.
#[derive(Debug, Clone, Default)]
pub struct ContactUpdate {
    /// New name.
    pub name: Option<String>,
    /// New email, in any case.
    pub email: Option<String>,
    /// New customer organization, or `Some(None)` to clear it.
    pub organization: Option<Option<String>>,
    /// New locale, or `Some(None)` to clear it.
    pub locale: Option<Option<String>>,
    /// New consent, or `Some(None)` when consent was withdrawn.
    pub consent: Option<Option<GivenConsent>>,
    /// New external id, or `Some(None)` to clear it.
    pub external_id: Option<Option<String>>,
}

/// What happened to one row of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// Stored as the contact with this id.
    Created(Uuid),
    /// The office's contact with the row's external id (this id) was changed to the row.
    Updated(Uuid),
    /// The office's contact with the row's external id (this id) already was as the row.
    Unchanged(Uuid),
    /// Not stored: the row is invalid.
    Invalid(Vec<FieldError>),
    /// Not stored: the office already has another contact with this email, or the email or the
    /// external id repeats within the import.
    Duplicate,
}

/// The row of a new contact of `office` at `now`: email in lower case, a blank organization dropped,
/// and the organization key computed from them.
fn contact_row(new: NewContact, office: &OfficeRow, now: &str) -> ContactRow {
    let email = new.email.trim().to_lowercase();
    let organization = new
        .organization
        .map(|o| o.trim().to_owned())
        .filter(|o| !o.is_empty());
    ContactRow {
        id: ContactId::new(),
        office_id: office.id,
        partner_id: office.partner_id,
        name: Some(new.name.trim().to_owned()),
        org_key: org_key(&email, organization.as_deref()),
        email: Some(email),
        organization,
        locale: new.locale,
        consent_given_at: new.consent.as_ref().map(|c| db::timestamp(c.given_at)),
        consent_method: new.consent.map(|c| c.method),
        erased_at: None,
        version: 1,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
        external_id: new.external_id,
    }
}

/// Adds a contact to the office `office_id` at `now`. 404 when `visibility` does not see the office
/// (checked first, so an unknown office is 404 whatever the contact), then 422 with the field errors
/// when the contact is invalid, and 409 when the office already has a contact with its email.
pub fn create(
    conn: &mut DbConnection,
    visibility: Visibility,
    office_id: OfficeId,
    new: CheckedContact,
    now: &str,
) -> ApiResult<ContactRow> {
    db::write_tx(conn, |conn| {
        let office = db::offices::get(conn, visibility, office_id)?;
        let row = contact_row(new.map_err(ApiError::validation)?, &office, now);
        db::contacts::insert(conn, row)
    })
}

/// Adds the valid ones of `rows` to the office `office_id` at `now`, in one transaction, skipping
/// those whose email the office already has or an earlier row repeats; a row with an external id
/// upserts the office's contact with it instead (created, updated or unchanged; a repeated external
/// id is a duplicate). 404 when `visibility` does not see the office. One outcome per row, in order.
pub fn import(
    conn: &mut DbConnection,
    visibility: Visibility,
    office_id: OfficeId,
    rows: Vec<CheckedContact>,
    now: &str,
) -> ApiResult<Vec<Imported>> {
    db::write_tx(conn, |conn| {
        let office = db::offices::get(conn, visibility, office_id)?;
        let checked: Vec<Result<ContactRow, Vec<FieldError>>> = rows
            .into_iter()
            .map(|row| row.map(|new| contact_row(new, &office, now)))
            .collect();
        let valid: Vec<ContactRow> = checked
            .iter()
            .filter_map(|r| r.as_ref().ok().cloned())
            .collect();
        let mut outcomes = db::contacts::import(conn, office.id, valid, now)?.into_iter();
        checked
            .into_iter()
            .map(|row| match row {
                Err(errors) => Ok(Imported::Invalid(errors)),
                Ok(_) => match outcomes.next() {
                    Some(ImportOutcome::Created(id)) => Ok(Imported::Created(id.into())),
                    Some(ImportOutcome::Updated(id)) => Ok(Imported::Updated(id.into())),
                    Some(ImportOutcome::Unchanged(id)) => Ok(Imported::Unchanged(id.into())),
                    _ => Ok(Imported::Duplicate),
                },
            })
            .collect()
    })
}

/// The contact of the office `office_id` whose external id is `external_id`; 404 when there is none
/// or `visibility` does not see the office.
pub fn get_by_external_id(
    conn: &mut DbConnection,
    visibility: Visibility,
    office_id: OfficeId,
    external_id: &str,
) -> ApiResult<ContactRow> {
    db::offices::get(conn, visibility, office_id)?;
    db::contacts::find_by_external_id(conn, office_id, external_id)?
        .ok_or_else(|| ApiError::NotFound("no such contact".into()))
}

/// Creates the contact `new` of the office `office_id` under the external id `external_id` at `now`,
/// or makes the office's contact with that external id look like `new` (every field a create sets;
/// an optional one `new` lacks is cleared, and the organization key is recomputed). Writes nothing
/// when it already does. 404 when `visibility` does not see the office (checked first), then 422 when
/// `new` is invalid, 409 when another contact of the office has the email, 412 when
/// `expected_version` is given and is not the contact's (or there is no contact to match it).
pub fn upsert(
    conn: &mut DbConnection,
    visibility: Visibility,
    office_id: OfficeId,
    external_id: String,
    new: CheckedContact,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<Upserted<ContactRow>> {
    db::write_tx(conn, |conn| {
        let office = db::offices::get(conn, visibility, office_id)?;
        let new = NewContact {
            external_id: Some(external_id),
            ..new.map_err(ApiError::validation)?
        };
        let wanted = contact_row(new, &office, now);
        let external_id = wanted.external_id.as_deref().unwrap_or_default();
        let Some(current) = db::contacts::find_by_external_id(conn, office.id, external_id)? else {
            if expected_version.is_some() {
                return Err(ApiError::PreconditionFailed);
            }
            return db::contacts::insert(conn, wanted).map(Upserted::Created);
        };
        db::check_version(current.version, expected_version)?;
        let changes = ContactChanges {
            name: differs(&current.name, wanted.name),
            email: differs(&current.email, wanted.email),
            organization: differs(&current.organization, wanted.organization),
            org_key: differs(&current.org_key, wanted.org_key),
            locale: differs(&current.locale, wanted.locale),
            consent_given_at: differs(&current.consent_given_at, wanted.consent_given_at),
            consent_method: differs(&current.consent_method, wanted.consent_method),
            external_id: None,
        };
        if changes.is_empty() {
            return Ok(Upserted::Unchanged(current));
        }
        let version = Some(current.version);
        db::contacts::update(conn, visibility, current.id, version, now, |_| Ok(changes))
            .map(Upserted::Updated)
    })
}

/// A page of the contacts of the office `office_id` (at most `limit`, after the id `after`), erased
/// ones included, and whether more follow; 404 when `visibility` does not see the office.
pub fn list(
    conn: &mut DbConnection,
    visibility: Visibility,
    office_id: OfficeId,
    after: Option<ContactId>,
    limit: i64,
) -> ApiResult<(Vec<ContactRow>, bool)> {
    db::offices::get(conn, visibility, office_id)?;
    db::contacts::list_for_office(conn, office_id, after, limit)
}

/// One contact, if `visibility` sees it (404 otherwise).
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ContactId,
) -> ApiResult<ContactRow> {
    db::contacts::get(conn, visibility, id)
}

/// Applies `changes` at `now` to a contact `visibility` sees when its version is `expected_version`
/// (412 otherwise); a new email or organization recomputes the organization key. 409 when the contact
/// was erased or another contact of the office has the new email.
pub fn update(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ContactId,
    expected_version: Option<i64>,
    changes: ContactUpdate,
    now: &str,
) -> ApiResult<ContactRow> {
    db::write_tx(conn, |conn| {
        db::contacts::update(conn, visibility, id, expected_version, now, |current| {
            Ok(contact_changes(changes, current))
        })
    })
}

/// The stored changes of `update` to the contact `current`.
fn contact_changes(update: ContactUpdate, current: &ContactRow) -> ContactChanges {
    let email = update.email.map(|e| e.trim().to_lowercase());
    let organization = update.organization.map(|o| o.map(|o| o.trim().to_owned()));
    let org_key = (email.is_some() || organization.is_some()).then(|| {
        let email = email
            .as_deref()
            .or(current.email.as_deref())
            .unwrap_or_default();
        let organization = match &organization {
            Some(new) => new.as_deref(),
            None => current.organization.as_deref(),
        };
        org_key(email, organization)
    });
    ContactChanges {
        name: update.name.map(|n| Some(n.trim().to_owned())),
        email: email.map(Some),
        organization,
        org_key,
        locale: update.locale,
        consent_given_at: update
            .consent
            .as_ref()
            .map(|c| c.as_ref().map(|c| db::timestamp(c.given_at))),
        consent_method: update.consent.map(|c| c.map(|c| c.method)),
        external_id: update.external_id,
    }
}

/// Right to erasure at `now`, for a contact `visibility` sees whose version is `expected_version`:
/// wipes its personal fields and its external id, keeps the row with its organization key, deletes the mail to it from the
/// outbox and ends its unanswered links. Erasing twice is harmless.
pub fn erase(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ContactId,
    expected_version: Option<i64>,
    now: &str,
) -> ApiResult<()> {
    db::write_tx(conn, |conn| {
        db::contacts::erase(conn, visibility, id, expected_version, now)
    })
}
