//! Contacts: an office's confidential customer contacts. The vendor gets 403 on every route here.

use actix_web::{delete, get, patch, post, put, web, HttpRequest};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{
    double_option,
    external_ids::{self, Upserted},
    field_errors, if_match, page_of, time, trimmed, Created, ListQuery, NoContent, Returned,
    Versioned,
};
use crate::{
    api::extract::{row_from_json, Json, Query},
    auth::{Caller, ContactReader},
    db::{self, contacts::ContactRow},
    domain::is_valid_locale,
    error::{ApiError, ApiResult, FieldError},
    service::{
        self,
        contacts::{CheckedContact, ContactUpdate, GivenConsent, Imported, NewContact},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_contact)
        .service(import_contacts)
        .service(list_contacts)
        .service(get_contact_by_external_id)
        .service(upsert_contact_by_external_id)
        .service(get_contact)
        .service(update_contact)
        .service(erase_contact);
}

pub use crate::domain::contact::ConsentMethod;

/// A customer's recorded consent to be surveyed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// When consent was given (not in the future).
    pub given_at: DateTime<Utc>,
    /// How consent was given.
    pub method: ConsentMethod,
}

/// A customer contact of an office. Confidential: the partner and the administrator only.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Contact {
    /// The contact's id.
    pub id: Uuid,
    /// The office that served this customer.
    pub office_id: Uuid,
    /// The office's partner.
    pub partner_id: Uuid,
    /// The person's name; `null` once erased.
    pub name: Option<String>,
    /// The person's email, lower case; `null` once erased.
    pub email: Option<String>,
    /// The customer organization as entered; `null` once erased or when not given.
    pub organization: Option<String>,
    /// The normalized customer-organization key used for the "first 8 per organization" cap
    /// (`domain:…`, `name:…`, or `person:…` for a person without an organization). Kept after erasure.
    pub organization_key: String,
    /// The preferred locale (BCP 47, e.g. `bg`), if known.
    pub locale: Option<String>,
    /// The recorded consent; without it the contact cannot be surveyed.
    pub consent: Option<Consent>,
    /// When the personal fields were erased (right to erasure); `null` while they are kept.
    pub erased_at: Option<DateTime<Utc>>,
    /// When the contact was created.
    pub created_at: DateTime<Utc>,
    /// When the contact was last changed.
    pub updated_at: DateTime<Utc>,
    /// The integrator's own id of the contact (unique among the office's contacts), if set: read and
    /// upsert it at `/offices/{office_id}/contacts/by-external-id/{external_id}`. `null` once erased.
    pub external_id: Option<String>,
}

super::page_type!(
    ContactPage,
    Contact,
    id,
    "One page of contacts, in a stable order."
);

impl TryFrom<ContactRow> for Contact {
    type Error = ApiError;

    fn try_from(row: ContactRow) -> ApiResult<Self> {
        let consent = match (row.consent_given_at, row.consent_method) {
            (Some(given_at), Some(method)) => Some(Consent {
                given_at: time(&given_at)?,
                method,
            }),
            _ => None,
        };
        Ok(Contact {
            id: row.id.into(),
            office_id: row.office_id.into(),
            partner_id: row.partner_id.into(),
            name: row.name,
            email: row.email,
            organization: row.organization,
            organization_key: row.org_key,
            locale: row.locale,
            consent,
            erased_at: row.erased_at.as_deref().map(time).transpose()?,
            created_at: time(&row.created_at)?,
            updated_at: time(&row.updated_at)?,
            external_id: row.external_id,
        })
    }
}

/// A new contact.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Maria Ivanova", "email": "maria.ivanova@contoso.example", "organization": "Contoso Ltd", "locale": "bg", "consent": {"given_at": "2026-01-15T09:00:00Z", "method": "web_form"}, "external_id": "003Dn00000Qx7Ab"}))]
#[serde(deny_unknown_fields)]
pub struct CreateContact {
    /// The person's name, 1–200 characters.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, example = "Maria Ivanova")]
    #[serde(deserialize_with = "trimmed::string")]
    pub name: String,
    /// The person's email (unique within the office).
    #[validate(
        email(message = "must be an email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(
        format = "email",
        max_length = 254,
        example = "maria.ivanova@contoso.example"
    )]
    #[serde(deserialize_with = "trimmed::string")]
    pub email: String,
    /// The customer organization, up to 200 characters.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, example = "Contoso Ltd")]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub organization: Option<String>,
    /// Preferred locale (BCP 47, e.g. `en`, `bg`, `pt-BR`).
    #[validate(custom(function = "valid_locale"))]
    #[schema(example = "bg")]
    pub locale: Option<String>,
    /// Consent to be surveyed, if given.
    pub consent: Option<Consent>,
    /// The integrator's own id of the contact (unique among the office's contacts; 1–128 characters,
    /// no control characters, no leading or trailing whitespace).
    #[validate(custom(function = "external_ids::valid"))]
    #[schema(min_length = 1, max_length = 128, example = "003Dn00000Qx7Ab")]
    pub external_id: Option<String>,
}

/// Changes to a contact; omitted fields stay as they are, `null` clears an optional field.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"organization": null, "locale": "en"}))]
#[serde(deny_unknown_fields)]
pub struct UpdateContact {
    /// New name (1–200 characters).
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub name: Option<String>,
    /// New email.
    #[validate(
        email(message = "must be an email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(format = "email", max_length = 254, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub email: Option<String>,
    /// New customer organization, or `null` to clear it.
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[serde(default, deserialize_with = "trimmed::double_option")]
    pub organization: Option<Option<String>>,
    /// New locale, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub locale: Option<Option<String>>,
    /// New consent, or `null` to record that consent was withdrawn.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Consent>)]
    pub consent: Option<Option<Consent>>,
    /// New external id (1–128 characters, unique among the office's contacts), or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 128)]
    pub external_id: Option<Option<String>>,
}

/// Up to 1,000 contacts to add to one office in one transaction; a row with an `external_id` upserts
/// the office's contact with that external id.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"contacts": [{"name": "Maria Ivanova", "email": "maria.ivanova@contoso.example", "organization": "Contoso Ltd", "locale": "bg", "consent": {"given_at": "2026-01-15T09:00:00Z", "method": "web_form"}}, {"name": "Georgi Petrov", "email": "g.petrov@fabrikam.example", "organization": "Fabrikam AD", "consent": {"given_at": "2026-02-03T14:30:00Z", "method": "contract"}}]}))]
#[serde(deny_unknown_fields)]
pub struct ImportContacts {
    /// The contacts; each row is validated on its own.
    #[schema(value_type = Vec<CreateContact>, min_items = 1, max_items = 1000)]
    pub contacts: Vec<serde_json::Value>,
}

/// What happened to one row of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Stored as a new contact.
    Created,
    /// The office's contact with the row's `external_id` was changed to the row.
    Updated,
    /// The office's contact with the row's `external_id` already was as the row: nothing was written.
    Unchanged,
    /// Not stored: see `errors`.
    Invalid,
    /// Not stored: another contact of the office has this email, or the email or the `external_id`
    /// repeats within the import.
    Duplicate,
}

/// The outcome of one row.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ImportRow {
    /// The row's position in `contacts`, from 0.
    pub index: usize,
    /// What happened.
    pub status: ImportStatus,
    /// The contact's id, when created, updated or unchanged.
    pub contact_id: Option<Uuid>,
    /// Why the row is invalid.
    pub errors: Vec<FieldError>,
}

/// The outcome of an import, per row and in total.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ImportResult {
    /// Rows stored as new contacts.
    pub created: usize,
    /// Rows with an `external_id` that changed the office's contact with it.
    pub updated: usize,
    /// Rows with an `external_id` whose contact already was as the row.
    pub unchanged: usize,
    /// Rows refused as invalid.
    pub invalid: usize,
    /// Rows refused as duplicates.
    pub duplicate: usize,
    /// One entry per submitted row, in order.
    pub rows: Vec<ImportRow>,
}

/// The most rows one import takes.
pub const MAX_IMPORT_ROWS: usize = 1000;

fn valid_locale(locale: &str) -> Result<(), validator::ValidationError> {
    if is_valid_locale(locale) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("locale")
            .with_message("must be a language tag such as en, bg or pt-BR".into()))
    }
}

fn consent_errors(consent: Option<&Consent>, now: DateTime<Utc>) -> Vec<FieldError> {
    match consent {
        Some(consent) if consent.given_at > now + chrono::Duration::minutes(5) => {
            vec![FieldError::new(
                "consent.given_at",
                "must not be in the future",
            )]
        }
        _ => Vec::new(),
    }
}

/// Validates a new contact at `now`: the service's input, or its field errors in field order.
fn checked(input: CreateContact, now: DateTime<Utc>) -> CheckedContact {
    let mut errors = input
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default();
    errors.extend(consent_errors(input.consent.as_ref(), now));
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(errors);
    }
    Ok(NewContact {
        name: input.name,
        email: input.email,
        organization: input.organization,
        locale: input.locale,
        consent: input.consent.map(given),
        external_id: input.external_id,
    })
}

/// The service's form of a consent.
fn given(consent: Consent) -> GivenConsent {
    GivenConsent {
        given_at: consent.given_at,
        method: consent.method,
    }
}

const OFFICE_ID: &str = "The office's id.";
const CONTACT_ID: &str = "The contact's id.";

/// Create a contact
///
/// The administrator, or the partner that owns the office. The organization key is computed here.
#[utoipa::path(tag = "contacts", params(("office_id" = Uuid, Path, description = OFFICE_ID)), request_body = CreateContact, responses(Created<Contact>))]
#[post("/offices/{office_id}/contacts")]
async fn create_contact(
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<Uuid>,
    body: Json<CreateContact>,
) -> ApiResult<Created<Contact>> {
    let (office_id, scope, now) = (path.into_inner(), principal.visibility(), state.clock.now());
    let (new, stamp) = (checked(body.into_inner(), now), db::timestamp(now));
    let row = db::run(&state.pool, move |conn| {
        service::contacts::create(conn, scope, office_id.into(), new, &stamp)
    })
    .await?;
    let version = row.version;
    let contact = Contact::try_from(row)?;
    Ok(Created::at(
        format!("/contacts/{}", contact.id),
        version,
        contact,
    ))
}

/// Import contacts
///
/// Adds up to 1,000 contacts to one office in one transaction and answers per row:
/// `created`, `invalid` (with field errors) or `duplicate` (same email in the office or earlier in the import).
/// A row with an `external_id` is an upsert: it replaces the office's contact with that external id
/// (`updated`, or `unchanged` when nothing differs, which writes nothing) or creates it (`created`);
/// an `external_id` repeated in the import, or an email another contact has, is `duplicate`.
#[utoipa::path(tag = "contacts", params(("office_id" = Uuid, Path, description = OFFICE_ID)), request_body = ImportContacts, responses(Returned<ImportResult>))]
#[post("/offices/{office_id}/contacts/import")]
async fn import_contacts(
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<Uuid>,
    body: Json<ImportContacts>,
) -> ApiResult<Returned<ImportResult>> {
    let rows = body.into_inner().contacts;
    if rows.is_empty() || rows.len() > MAX_IMPORT_ROWS {
        return Err(ApiError::invalid_field(
            "contacts",
            "must hold 1 to 1000 contacts",
        ));
    }
    let (office_id, scope, now) = (path.into_inner(), principal.visibility(), state.clock.now());
    let contacts: Vec<CheckedContact> = rows
        .into_iter()
        .map(|value| row_from_json::<CreateContact>(value).and_then(|input| checked(input, now)))
        .collect();
    let stamp = db::timestamp(now);
    let outcomes = db::run(&state.pool, move |conn| {
        service::contacts::import(conn, scope, office_id.into(), contacts, &stamp)
    })
    .await?;
    Ok(Returned(import_result(outcomes)))
}

/// The response to an import from the outcome of each row.
fn import_result(outcomes: Vec<Imported>) -> ImportResult {
    let row = |index, status, contact_id, errors| ImportRow {
        index,
        status,
        contact_id,
        errors,
    };
    let rows: Vec<ImportRow> = outcomes
        .into_iter()
        .enumerate()
        .map(|(index, outcome)| match outcome {
            Imported::Invalid(errors) => row(index, ImportStatus::Invalid, None, errors),
            Imported::Created(id) => row(index, ImportStatus::Created, Some(id), Vec::new()),
            Imported::Updated(id) => row(index, ImportStatus::Updated, Some(id), Vec::new()),
            Imported::Unchanged(id) => row(index, ImportStatus::Unchanged, Some(id), Vec::new()),
            Imported::Duplicate => row(index, ImportStatus::Duplicate, None, Vec::new()),
        })
        .collect();
    let count = |status| rows.iter().filter(|r| r.status == status).count();
    ImportResult {
        created: count(ImportStatus::Created),
        updated: count(ImportStatus::Updated),
        unchanged: count(ImportStatus::Unchanged),
        invalid: count(ImportStatus::Invalid),
        duplicate: count(ImportStatus::Duplicate),
        rows,
    }
}

/// List an office's contacts
///
/// Erased contacts stay in the list with their personal fields `null`.
#[utoipa::path(tag = "contacts", params(("office_id" = Uuid, Path, description = OFFICE_ID), ListQuery), responses(Returned<ContactPage>))]
#[get("/offices/{office_id}/contacts")]
async fn list_contacts(
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<ContactPage>> {
    let (limit, after) = query.parse()?;
    let (office_id, scope) = (path.into_inner(), principal.visibility());
    let rows = db::run(&state.pool, move |conn| {
        service::contacts::list(conn, scope, office_id.into(), after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, Contact::try_from)?))
}

/// Get a contact
///
/// The contact with its consent and normalized customer-organization key. Erased contacts keep only the key and `erased_at`. Partners see their own offices' contacts (others are 404); the vendor gets 403. Sends an `ETag` for `If-Match`.
#[utoipa::path(tag = "contacts", params(("contact_id" = Uuid, Path, description = CONTACT_ID)), responses(Versioned<Contact>))]
#[get("/contacts/{contact_id}")]
async fn get_contact(
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Contact>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    let row = db::read(&state.pool, move |conn| {
        service::contacts::get(conn, scope, id.into())
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Contact::try_from(row)?))
}

/// Get a contact by its external id
///
/// The office's contact whose `external_id` is the one in the path (erased contacts have none).
/// Partners read their own offices' contacts (another partner's office is 404); the vendor gets 403.
/// Sends an `ETag`.
#[utoipa::path(tag = "contacts", params(("office_id" = Uuid, Path, description = OFFICE_ID), ("external_id" = String, Path, description = external_ids::PATH_DOC)), responses(Versioned<Contact>))]
#[get("/offices/{office_id}/contacts/by-external-id/{external_id}")]
async fn get_contact_by_external_id(
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<Versioned<Contact>> {
    let (office_id, external_id) = path.into_inner();
    let external_id = external_ids::of_read(&external_id)?.to_owned();
    let scope = principal.visibility();
    let row = db::read(&state.pool, move |conn| {
        service::contacts::get_by_external_id(conn, scope, office_id.into(), &external_id)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Contact::try_from(row)?))
}

/// Create or replace a contact by its external id
///
/// Idempotent sync from the integrator's CRM: with the full create body, creates the office's contact
/// with the external id in the path (201 with `Location`) when there is none, else replaces every field
/// a create sets (200; an optional field the body lacks is cleared, and the organization key is
/// recomputed). When nothing differs, nothing is written: 200 with the same `ETag` and `updated_at`.
/// The body may repeat the path's `external_id` but not contradict it (422); another contact's email
/// is 409. `If-Match` refuses a replace of another version with 412. The administrator, or the partner
/// that owns the office; the vendor gets 403.
#[utoipa::path(tag = "contacts", params(("office_id" = Uuid, Path, description = OFFICE_ID), ("external_id" = String, Path, description = external_ids::PATH_DOC)), request_body = CreateContact, responses(Upserted<Contact>))]
#[put("/offices/{office_id}/contacts/by-external-id/{external_id}")]
async fn upsert_contact_by_external_id(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<(Uuid, String)>,
    body: Json<CreateContact>,
) -> ApiResult<Upserted<Contact>> {
    let (office_id, external_id) = path.into_inner();
    let body = body.into_inner();
    let external_id = external_ids::of_upsert(&external_id, body.external_id.as_deref())?;
    let (scope, expected, now) = (principal.visibility(), if_match(&req)?, state.clock.now());
    let (new, stamp) = (checked(body, now), db::timestamp(now));
    let (row, created) = db::run(&state.pool, move |conn| {
        let office_id = office_id.into();
        service::contacts::upsert(conn, scope, office_id, external_id, new, expected, &stamp)
    })
    .await?
    .into_parts();
    let version = row.version;
    let contact = Contact::try_from(row)?;
    Ok(match created {
        true => Upserted::Created(Created::at(
            format!("/contacts/{}", contact.id),
            version,
            contact,
        )),
        false => Upserted::Existing(Versioned::new(version, contact)),
    })
}

/// Update a contact
///
/// Changing the email or organization recomputes the organization key. An erased contact cannot be changed (409).
#[utoipa::path(tag = "contacts", params(("contact_id" = Uuid, Path, description = CONTACT_ID)), request_body = UpdateContact, responses(Versioned<Contact>))]
#[patch("/contacts/{contact_id}")]
async fn update_contact(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<Uuid>,
    body: Json<UpdateContact>,
) -> ApiResult<Versioned<Contact>> {
    let input = body.into_inner();
    let now = state.clock.now();
    let mut errors = input
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default();
    if let Some(Some(organization)) = &input.organization {
        if organization.trim().is_empty() || organization.chars().count() > 200 {
            errors.push(FieldError::new(
                "organization",
                "must be 1 to 200 characters",
            ));
        }
    }
    if let Some(Some(locale)) = &input.locale {
        if !is_valid_locale(locale) {
            errors.push(FieldError::new(
                "locale",
                "must be a language tag such as en, bg or pt-BR",
            ));
        }
    }
    errors.extend(consent_errors(
        input.consent.as_ref().and_then(Option::as_ref),
        now,
    ));
    errors.extend(external_ids::patch_errors(input.external_id.as_ref()));
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let (id, scope, expected, stamp) = (
        path.into_inner(),
        principal.visibility(),
        if_match(&req)?,
        db::timestamp(now),
    );
    let changes = ContactUpdate {
        name: input.name,
        email: input.email,
        organization: input.organization,
        locale: input.locale,
        consent: input.consent.map(|c| c.map(given)),
        external_id: input.external_id,
    };
    let row = db::run(&state.pool, move |conn| {
        service::contacts::update(conn, scope, id.into(), expected, changes, &stamp)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Contact::try_from(row)?))
}

/// Erase a contact
///
/// Right to erasure: wipes name, email, organization, locale, consent and the external id (the
/// person's key in the partner's CRM identifies them as surely as the email), and keeps the row with
/// its organization key so compliance counts do not change. Erasing twice is harmless.
#[utoipa::path(tag = "contacts", params(("contact_id" = Uuid, Path, description = CONTACT_ID)), responses(NoContent))]
#[delete("/contacts/{contact_id}")]
async fn erase_contact(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<ContactReader>,
    path: web::Path<Uuid>,
) -> ApiResult<NoContent> {
    let (id, scope, expected, now) = (
        path.into_inner(),
        principal.visibility(),
        if_match(&req)?,
        state.timestamp(),
    );
    db::run(&state.pool, move |conn| {
        service::contacts::erase(conn, scope, id.into(), expected, &now)
    })
    .await?;
    Ok(NoContent)
}
