//! Contact rows (confidential) and their queries. Nothing here may serve the vendor role.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use super::{
    results::{insert_rows, Bind},
    schema::contacts,
    types::StoredText,
    DbConnection,
};
use crate::{
    auth::Visibility,
    domain::{
        contact::ConsentMethod,
        ids::{ContactId, OfficeId, PartnerId},
    },
    error::{ApiError, ApiResult, ErrorCode},
};

/// A stored contact; personal fields are `None` once erased.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = contacts)]
pub struct ContactRow {
    /// Id.
    pub id: ContactId,
    /// The office that served this customer.
    pub office_id: OfficeId,
    /// The office's partner.
    pub partner_id: PartnerId,
    /// Person's name.
    pub name: Option<String>,
    /// Email, lower case.
    pub email: Option<String>,
    /// Customer organization as entered.
    pub organization: Option<String>,
    /// Normalized customer-organization key (kept after erasure).
    pub org_key: String,
    /// Preferred locale.
    pub locale: Option<String>,
    /// When consent was given.
    pub consent_given_at: Option<String>,
    /// How consent was given.
    pub consent_method: Option<ConsentMethod>,
    /// When the personal fields were erased.
    pub erased_at: Option<String>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// The integrator's own id (unique among the office's contacts); wiped on erasure.
    pub external_id: Option<String>,
}

impl ContactRow {
    /// Whether `self` holds the same contact as `other` (the fields a create or upsert sets; not the
    /// id, external id, erasure, version or times).
    pub fn same_content(&self, other: &ContactRow) -> bool {
        self.name == other.name
            && self.email == other.email
            && self.organization == other.organization
            && self.org_key == other.org_key
            && self.locale == other.locale
            && self.consent_given_at == other.consent_given_at
            && self.consent_method == other.consent_method
    }
}

/// Changes to a contact; nullable columns take `Some(None)` to clear.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = contacts)]
pub struct ContactChanges {
    /// New name.
    pub name: Option<Option<String>>,
    /// New email.
    pub email: Option<Option<String>>,
    /// New organization.
    pub organization: Option<Option<String>>,
    /// Recomputed organization key.
    pub org_key: Option<String>,
    /// New locale.
    pub locale: Option<Option<String>>,
    /// New consent time.
    pub consent_given_at: Option<Option<String>>,
    /// New consent method.
    pub consent_method: Option<Option<ConsentMethod>>,
    /// New external id, or `Some(None)` to clear it.
    pub external_id: Option<Option<String>>,
}

impl ContactChanges {
    /// Whether the changes change nothing.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.email.is_none()
            && self.organization.is_none()
            && self.org_key.is_none()
            && self.locale.is_none()
            && self.consent_given_at.is_none()
            && self.consent_method.is_none()
            && self.external_id.is_none()
    }
}

/// The outcome of one row of a bulk import.
#[derive(Debug)]
pub enum ImportOutcome {
    /// Stored.
    Created(ContactId),
    /// The office's contact with the row's external id was changed to the row.
    Updated(ContactId),
    /// The office's contact with the row's external id already was as the row: nothing written.
    Unchanged(ContactId),
    /// The email is already another contact's in the office (or repeats within the batch), or the
    /// external id repeats within the batch.
    Duplicate,
}

/// Inserts a contact; 409 when the office has a contact with its email or external id.
pub fn insert(conn: &mut DbConnection, row: ContactRow) -> ApiResult<ContactRow> {
    if email_taken(conn, row.office_id, row.email.as_deref(), None)? {
        return Err(duplicate());
    }
    ensure_external_id_free(conn, row.office_id, row.external_id.as_deref(), None)?;
    diesel::insert_into(contacts::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// Stores many contacts of one office at `now` in the caller's transaction. A row without an external
/// id is added unless its email is a duplicate (one the office already has, or an earlier row
/// repeats). A row with one is an upsert: the office's contact with that external id becomes the row
/// (unchanged when it already is), or the row is added when there is none; a repeated external id,
/// or an email that another contact has or an earlier row takes, is a duplicate. The existing
/// contacts are read in two queries (by email and by external id) and the writes go in multi-row
/// statements.
pub fn import(
    conn: &mut DbConnection,
    office_id: OfficeId,
    rows: Vec<ContactRow>,
    now: &str,
) -> ApiResult<Vec<ImportOutcome>> {
    let emails: Vec<&str> = rows.iter().filter_map(|r| r.email.as_deref()).collect();
    let mut taken: HashSet<String> = contacts::table
        .filter(contacts::office_id.eq(office_id))
        .filter(contacts::email.eq_any(&emails))
        .select(contacts::email.assume_not_null())
        .load(conn)?
        .into_iter()
        .collect();
    let external_ids: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.external_id.as_deref())
        .collect();
    let existing: HashMap<String, ContactRow> = match external_ids.is_empty() {
        true => HashMap::new(),
        false => contacts::table
            .filter(contacts::office_id.eq(office_id))
            .filter(contacts::external_id.eq_any(&external_ids))
            .select(ContactRow::as_select())
            .load::<ContactRow>(conn)?
            .into_iter()
            .filter_map(|row| Some((row.external_id.clone()?, row)))
            .collect(),
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut outcomes = Vec::with_capacity(rows.len());
    let mut new = Vec::with_capacity(rows.len());
    let mut changed = Vec::new();
    for row in rows {
        let email = row.email.clone().unwrap_or_default();
        let current = match &row.external_id {
            None => None,
            Some(external_id) if !seen.insert(external_id.clone()) => {
                outcomes.push(ImportOutcome::Duplicate);
                continue;
            }
            Some(external_id) => existing.get(external_id),
        };
        match current {
            Some(current) if current.same_content(&row) => {
                outcomes.push(ImportOutcome::Unchanged(current.id));
            }
            Some(current) if current.email == row.email || taken.insert(email.clone()) => {
                outcomes.push(ImportOutcome::Updated(current.id));
                changed.push(ContactRow {
                    id: current.id,
                    version: current.version,
                    created_at: current.created_at.clone(),
                    updated_at: now.to_owned(),
                    ..row
                });
            }
            None if taken.insert(email) => {
                outcomes.push(ImportOutcome::Created(row.id));
                new.push(row);
            }
            _ => outcomes.push(ImportOutcome::Duplicate),
        }
    }
    insert_many(conn, &new, false)?;
    if insert_many(conn, &changed, true)? != changed.len() {
        return Err(ApiError::conflict(
            ErrorCode::Conflict,
            "a contact this import updates was changed or erased while the import ran; \
             nothing was stored: retry the import",
        ));
    }
    Ok(outcomes)
}

/// Inserts `rows` ([`insert_rows`](super::results::insert_rows)); returns the rows written. With
/// `replace`, the rows are existing contacts (by id) as read at their `version`: their stored fields
/// and `updated_at` become the rows' and their version goes up by one, in one
/// `INSERT … ON CONFLICT (id) DO UPDATE` that both backends run, which skips a contact changed or
/// erased since it was read (so the count falls short).
fn insert_many(conn: &mut DbConnection, rows: &[ContactRow], replace: bool) -> ApiResult<usize> {
    let suffix = if replace {
        " ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, \
         organization = excluded.organization, org_key = excluded.org_key, locale = excluded.locale, \
         consent_given_at = excluded.consent_given_at, consent_method = excluded.consent_method, \
         version = contacts.version + 1, updated_at = excluded.updated_at \
         WHERE contacts.version = excluded.version AND contacts.erased_at IS NULL"
    } else {
        ""
    };
    let binds: Vec<Bind> = rows
        .iter()
        .flat_map(|row| {
            [
                Bind::Text(row.id.to_string()),
                Bind::Text(row.office_id.to_string()),
                Bind::Text(row.partner_id.to_string()),
                Bind::NullableText(row.name.clone()),
                Bind::NullableText(row.email.clone()),
                Bind::NullableText(row.organization.clone()),
                Bind::Text(row.org_key.clone()),
                Bind::NullableText(row.locale.clone()),
                Bind::NullableText(row.consent_given_at.clone()),
                Bind::NullableText(row.consent_method.map(|m| m.to_text().into_owned())),
                Bind::NullableText(row.erased_at.clone()),
                Bind::Int(row.version),
                Bind::Text(row.created_at.clone()),
                Bind::Text(row.updated_at.clone()),
                Bind::NullableText(row.external_id.clone()),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "contacts",
        &[
            "id",
            "office_id",
            "partner_id",
            "name",
            "email",
            "organization",
            "org_key",
            "locale",
            "consent_given_at",
            "consent_method",
            "erased_at",
            "version",
            "created_at",
            "updated_at",
            "external_id",
        ],
        &binds,
        suffix,
    )
}

super::external_ids!(contacts, ContactRow, ContactId, office_id: OfficeId, "contact", "office");

/// One contact, if visible to `scope`.
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ContactId,
) -> ApiResult<ContactRow> {
    super::scoped_get!(conn, contacts, ContactRow, visibility, id, "contact")
}

/// A page of one office's contacts.
pub fn list_for_office(
    conn: &mut DbConnection,
    office_id: OfficeId,
    after: Option<ContactId>,
    limit: i64,
) -> ApiResult<(Vec<ContactRow>, bool)> {
    let query = contacts::table
        .filter(contacts::office_id.eq(office_id))
        .select(ContactRow::as_select())
        .into_boxed();
    super::paginate!(conn, query, contacts::id, after, limit)
}

/// Applies `changes` (built by `changes_for`, which sees the current row) to a visible, not erased contact.
pub fn update(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ContactId,
    expected: Option<i64>,
    now: &str,
    changes_for: impl FnOnce(&ContactRow) -> ApiResult<ContactChanges>,
) -> ApiResult<ContactRow> {
    let current = get(conn, visibility, id)?;
    super::check_version(current.version, expected)?;
    if current.erased_at.is_some() {
        return Err(ApiError::conflict(
            ErrorCode::ContactErased,
            "the contact's personal data was erased; create a new contact instead",
        ));
    }
    let changes = changes_for(&current)?;
    if let Some(Some(email)) = &changes.email {
        if email_taken(conn, current.office_id, Some(email), Some(current.id))? {
            return Err(duplicate());
        }
    }
    if let Some(external_id) = &changes.external_id {
        ensure_external_id_free(
            conn,
            current.office_id,
            external_id.as_deref(),
            Some(current.id),
        )?;
    }
    super::update_versioned!(conn, contacts, current, expected, now, &changes)?;
    get(conn, visibility, id)
}

/// Right to erasure: wipes the personal fields and the external id (a person's key in the
/// integrator's systems identifies the person as surely as the email), keeps the row and its
/// organization key.
pub fn erase(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: ContactId,
    expected: Option<i64>,
    now: &str,
) -> ApiResult<()> {
    let current = get(conn, visibility, id)?;
    super::check_version(current.version, expected)?;
    if current.erased_at.is_some() {
        return Ok(());
    }
    super::update_versioned!(
        conn,
        contacts,
        current,
        expected,
        now,
        (
            contacts::name.eq(None::<String>),
            contacts::email.eq(None::<String>),
            contacts::organization.eq(None::<String>),
            contacts::locale.eq(None::<String>),
            contacts::consent_given_at.eq(None::<String>),
            contacts::consent_method.eq(None::<ConsentMethod>),
            contacts::external_id.eq(None::<String>),
            contacts::erased_at.eq(now),
        )
    )?;
    use super::schema::{invitations, outbox};
    // Queued or sent mail holds the address and the name: it goes too.
    let contact_invitations = invitations::table
        .filter(invitations::contact_id.eq(&current.id))
        .select(invitations::id);
    diesel::delete(outbox::table.filter(outbox::invitation_id.eq_any(contact_invitations)))
        .execute(conn)?;
    // Links not answered under the contact's name stop working, like expired ones (an anonymously
    // answered one too: left alone, it alone would stay `sent`).
    let answered_anonymously = super::schema::responses::table
        .filter(super::schema::responses::anonymous.eq(1))
        .select(super::schema::responses::invitation_id);
    diesel::update(
        invitations::table
            .filter(invitations::contact_id.eq(&current.id))
            .filter(
                invitations::status
                    .eq_any(crate::domain::invitation::InvitationStatus::AWAITING)
                    .or(invitations::id.nullable().eq_any(answered_anonymously)),
            )
            .filter(invitations::expires_at.gt(now)),
    )
    .set((
        invitations::expires_at.eq(now),
        invitations::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(())
}

/// The organization name entered for each organization key among the contacts of these offices
/// (the latest one, when contacts spell it differently).
pub fn organization_names(
    conn: &mut DbConnection,
    office_ids: &[OfficeId],
) -> ApiResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, Option<String>)> = contacts::table
        .filter(contacts::office_id.eq_any(office_ids))
        .filter(contacts::organization.is_not_null())
        .order(contacts::updated_at.asc())
        .select((contacts::org_key, contacts::organization))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, name)| Some((key, name?)))
        .collect())
}

fn email_taken(
    conn: &mut DbConnection,
    office_id: OfficeId,
    email: Option<&str>,
    except: Option<ContactId>,
) -> ApiResult<bool> {
    let Some(email) = email else { return Ok(false) };
    let mut query = contacts::table
        .filter(contacts::office_id.eq(office_id))
        .filter(contacts::email.eq(email))
        .into_boxed();
    if let Some(except) = except {
        query = query.filter(contacts::id.ne(except));
    }
    let count: i64 = query.count().get_result(conn)?;
    Ok(count > 0)
}

fn duplicate() -> ApiError {
    ApiError::conflict(
        ErrorCode::AlreadyExists,
        "a contact with this email already exists in this office",
    )
}
