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
}

/// What happened to one row of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// Stored as the contact with this id.
    Created(Uuid),
    /// Not stored: the row is invalid.
    Invalid(Vec<FieldError>),
    /// Not stored: the office already has a contact with this email, or it repeats within the import.
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
/// those whose email the office already has or an earlier row repeats; 404 when `visibility` does not
/// see the office. One outcome per row, in order.
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
        let mut outcomes = db::contacts::import(conn, office.id, valid)?.into_iter();
        checked
            .into_iter()
            .map(|row| match row {
                Err(errors) => Ok(Imported::Invalid(errors)),
                Ok(_) => match outcomes.next() {
                    Some(ImportOutcome::Created(id)) => Ok(Imported::Created(id.into())),
                    _ => Ok(Imported::Duplicate),
                },
            })
            .collect()
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
    }
}

/// Right to erasure at `now`, for a contact `visibility` sees whose version is `expected_version`:
/// wipes its personal fields, keeps the row with its organization key, deletes the mail to it from the
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
