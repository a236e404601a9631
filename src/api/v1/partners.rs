//! Partners: the partner organizations of the program.

use actix_web::{delete, get, patch, post, put, web, HttpRequest};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{
    external_ids::{self, Upserted},
    if_match, page_of, time, trimmed, validated, Created, ListQuery, NoContent, Returned,
    Versioned,
};
use crate::{
    api::extract::{Json, Query},
    auth::{AdminOnly, AnyRole, Caller},
    db::{self, partners::PartnerRow},
    error::{ApiError, ApiResult},
    service::{
        self,
        partners::{NewPartner, PartnerUpdate},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_partner)
        .service(list_partners)
        .service(get_partner_by_external_id)
        .service(upsert_partner_by_external_id)
        .service(get_partner)
        .service(update_partner)
        .service(delete_partner);
}

/// A partner organization.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Partner {
    /// The partner's id.
    pub id: Uuid,
    /// The vendor's own key for this partner organization (unique). It is the partner's external id:
    /// read and upsert the partner by it at `/partners/by-external-id/{external_key}`.
    pub external_key: String,
    /// The partner's display name.
    pub name: String,
    /// Email domains the partner owns (lower case).
    pub email_domains: Vec<String>,
    /// When the partner was created.
    pub created_at: DateTime<Utc>,
    /// When the partner was last changed.
    pub updated_at: DateTime<Utc>,
}

super::page_type!(
    PartnerPage,
    Partner,
    id,
    "One page of partners, in a stable order."
);

impl TryFrom<PartnerRow> for Partner {
    type Error = ApiError;

    fn try_from(row: PartnerRow) -> ApiResult<Self> {
        Ok(Partner {
            id: row.id.into(),
            email_domains: serde_json::from_str(&row.email_domains).map_err(|e| {
                ApiError::Internal(format!("stored email domains are invalid: {e}"))
            })?,
            external_key: row.external_key,
            name: row.name,
            created_at: time(&row.created_at)?,
            updated_at: time(&row.updated_at)?,
        })
    }
}

/// A new partner.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"external_key": "PN-4711", "name": "Northwind Consulting", "email_domains": ["northwind.example"]}))]
#[serde(deny_unknown_fields)]
pub struct CreatePartner {
    /// The vendor's own key for this partner organization (unique, 1–100 characters, no control
    /// characters): the partner's external id.
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "valid_key")
    )]
    #[schema(min_length = 1, max_length = 100, example = "PN-4711")]
    #[serde(deserialize_with = "trimmed::string")]
    pub external_key: String,
    /// Display name, 1–200 characters.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, example = "Northwind Consulting")]
    #[serde(deserialize_with = "trimmed::string")]
    pub name: String,
    /// Email domains the partner owns, at most 20.
    #[serde(default)]
    #[validate(
        length(max = 20, message = "at most 20 domains"),
        custom(function = "valid_domains")
    )]
    #[schema(max_items = 20, example = json!(["northwind.example"]))]
    pub email_domains: Vec<String>,
}

/// Changes to a partner; omitted fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Northwind Consulting Group", "email_domains": ["northwind.example", "northwind-group.example"]}))]
#[serde(deny_unknown_fields)]
pub struct UpdatePartner {
    /// New external key (1–100 characters, no control characters).
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "valid_key")
    )]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub external_key: Option<String>,
    /// New display name (1–200 characters).
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub name: Option<String>,
    /// New list of email domains (replaces the old one), at most 20.
    #[validate(
        length(max = 20, message = "at most 20 domains"),
        custom(function = "valid_domains")
    )]
    #[schema(max_items = 20, nullable = false)]
    pub email_domains: Option<Vec<String>>,
}

fn valid_key(key: &str) -> Result<(), validator::ValidationError> {
    match key.chars().any(char::is_control) {
        false => Ok(()),
        true => Err(validator::ValidationError::new("external_key")
            .with_message("must not contain control characters".into())),
    }
}

fn valid_domains(domains: &[String]) -> Result<(), validator::ValidationError> {
    let valid = |d: &str| {
        d.len() <= 253
            && d.contains('.')
            && d.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
    };
    match domains.iter().all(|d| valid(d.trim())) {
        true => Ok(()),
        false => Err(validator::ValidationError::new("domain")
            .with_message("each entry must be a domain name like example.com".into())),
    }
}

/// Create a partner
///
/// Registers a partner organization under the vendor's own unique key (409 when another partner has
/// it), with its display name and the email domains it owns. Administrator only.
#[utoipa::path(tag = "partners", request_body = CreatePartner, responses(Created<Partner>))]
#[post("/partners")]
async fn create_partner(
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    body: Json<CreatePartner>,
) -> ApiResult<Created<Partner>> {
    let input = validated(body.into_inner())?;
    let now = state.timestamp();
    let new = NewPartner {
        external_key: input.external_key,
        name: input.name,
        email_domains: input.email_domains,
    };
    let row = db::run(&state.pool, move |conn| {
        service::partners::create(conn, new, &now)
    })
    .await?;
    let version = row.version;
    let partner = Partner::try_from(row)?;
    Ok(Created::at(
        format!("/partners/{}", partner.id),
        version,
        partner,
    ))
}

/// List partners
///
/// A partner sees only itself; the administrator and the vendor see all.
#[utoipa::path(tag = "partners", params(ListQuery), responses(Returned<PartnerPage>))]
#[get("/partners")]
async fn list_partners(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<PartnerPage>> {
    let (limit, after) = query.parse()?;
    let scope = principal.visibility();
    let rows = db::run(&state.pool, move |conn| {
        service::partners::list(conn, scope, after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, Partner::try_from)?))
}

/// Get a partner
///
/// The partner organization with its external key and owned email domains. A partner token sees only its own partner. Sends an `ETag` for `If-Match`.
#[utoipa::path(tag = "partners", params(("partner_id" = Uuid, Path, description = "The partner's id.")), responses(Versioned<Partner>))]
#[get("/partners/{partner_id}")]
async fn get_partner(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Partner>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    let row = db::read(&state.pool, move |conn| {
        service::partners::get(conn, scope, id.into())
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Partner::try_from(row)?))
}

/// Get a partner by its external key
///
/// The partner whose `external_key` (the vendor's own key, the partner's external id) is the one in
/// the path. A partner token finds only its own partner (any other key is 404). Sends an `ETag`.
#[utoipa::path(tag = "partners", params(("external_id" = String, Path, description = external_ids::PATH_DOC)), responses(Versioned<Partner>))]
#[get("/partners/by-external-id/{external_id}")]
async fn get_partner_by_external_id(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<String>,
) -> ApiResult<Versioned<Partner>> {
    let key = external_ids::of_read(&path)?.to_owned();
    let scope = principal.visibility();
    let row = db::read(&state.pool, move |conn| {
        service::partners::get_by_external_key(conn, scope, &key)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Partner::try_from(row)?))
}

/// Create or replace a partner by its external key
///
/// Idempotent sync from the vendor's own systems: with the full create body, creates the partner
/// whose `external_key` is the one in the path (201 with `Location`) when there is none, else
/// replaces its name and email domains (200). When nothing differs, nothing is written: 200 with the
/// same `ETag` and `updated_at`. The body's `external_key` must equal the path's (422 otherwise).
/// `If-Match` refuses a replace of another version with 412. Administrator only.
#[utoipa::path(tag = "partners", params(("external_id" = String, Path, description = external_ids::PATH_DOC)), request_body = CreatePartner, responses(Upserted<Partner>))]
#[put("/partners/by-external-id/{external_id}")]
async fn upsert_partner_by_external_id(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<String>,
    body: Json<CreatePartner>,
) -> ApiResult<Upserted<Partner>> {
    let key = external_ids::of_upsert(&path, None)?;
    let input = validated(body.into_inner())?;
    if input.external_key != key {
        return Err(ApiError::invalid_field(
            "external_key",
            "must equal the external id in the path",
        ));
    }
    let (expected, now) = (if_match(&req)?, state.timestamp());
    let new = NewPartner {
        external_key: input.external_key,
        name: input.name,
        email_domains: input.email_domains,
    };
    let (row, created) = db::run(&state.pool, move |conn| {
        service::partners::upsert(conn, new, expected, &now)
    })
    .await?
    .into_parts();
    let version = row.version;
    let partner = Partner::try_from(row)?;
    Ok(match created {
        true => Upserted::Created(Created::at(
            format!("/partners/{}", partner.id),
            version,
            partner,
        )),
        false => Upserted::Existing(Versioned::new(version, partner)),
    })
}

/// Update a partner
///
/// Administrator only. Send `If-Match` with the partner's `ETag` to refuse the change when someone else changed it first.
#[utoipa::path(tag = "partners", params(("partner_id" = Uuid, Path, description = "The partner's id.")), request_body = UpdatePartner, responses(Versioned<Partner>))]
#[patch("/partners/{partner_id}")]
async fn update_partner(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<UpdatePartner>,
) -> ApiResult<Versioned<Partner>> {
    let input = validated(body.into_inner())?;
    let (id, expected, now) = (path.into_inner(), if_match(&req)?, state.timestamp());
    let changes = PartnerUpdate {
        external_key: input.external_key,
        name: input.name,
        email_domains: input.email_domains,
    };
    let row = db::run(&state.pool, move |conn| {
        service::partners::update(conn, id.into(), expected, changes, &now)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Partner::try_from(row)?))
}

/// Delete a partner
///
/// Administrator only; a partner that still has memberships cannot be deleted (409).
#[utoipa::path(tag = "partners", params(("partner_id" = Uuid, Path, description = "The partner's id.")), responses(NoContent))]
#[delete("/partners/{partner_id}")]
async fn delete_partner(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
) -> ApiResult<NoContent> {
    let (id, expected) = (path.into_inner(), if_match(&req)?);
    db::run(&state.pool, move |conn| {
        service::partners::delete(conn, id.into(), expected)
    })
    .await?;
    Ok(NoContent)
}
