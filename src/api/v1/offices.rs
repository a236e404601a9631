//! Offices: a membership's offices, one country each.

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
    if_match, page_of, time, trimmed, validated, Created, ListQuery, NoContent, Returned,
    Versioned,
};
use crate::{
    api::extract::{Json, Query},
    auth::{AnyRole, Caller, PartnerOrAdmin},
    db::{self, offices::OfficeRow},
    domain::country::is_iso_country,
    error::{ApiError, ApiResult},
    service::{
        self,
        offices::{NewOffice, OfficeUpdate},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_office)
        .service(list_offices)
        .service(get_office_by_external_id)
        .service(upsert_office_by_external_id)
        .service(get_office)
        .service(update_office)
        .service(delete_office);
}

/// A partner office in one country.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Office {
    /// The office's id.
    pub id: Uuid,
    /// The membership it belongs to.
    pub membership_id: Uuid,
    /// The partner it belongs to.
    pub partner_id: Uuid,
    /// The office's name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code, upper case.
    #[schema(example = "BG")]
    pub country: String,
    /// The city.
    pub city: String,
    /// When the office was created.
    pub created_at: DateTime<Utc>,
    /// When the office was last changed.
    pub updated_at: DateTime<Utc>,
    /// The integrator's own id of the office (unique among the membership's offices), if set: read
    /// and upsert it at `/memberships/{membership_id}/offices/by-external-id/{external_id}`.
    pub external_id: Option<String>,
}

super::page_type!(
    OfficePage,
    Office,
    id,
    "One page of offices, in a stable order."
);

impl TryFrom<OfficeRow> for Office {
    type Error = ApiError;

    fn try_from(row: OfficeRow) -> ApiResult<Self> {
        Ok(Office {
            id: row.id.into(),
            membership_id: row.membership_id.into(),
            partner_id: row.partner_id.into(),
            name: row.name,
            country: row.country,
            city: row.city,
            created_at: time(&row.created_at)?,
            updated_at: time(&row.updated_at)?,
            external_id: row.external_id,
        })
    }
}

/// A new office.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Northwind Sofia", "country": "BG", "city": "Sofia", "external_id": "OFF-SOF-01"}))]
#[serde(deny_unknown_fields)]
pub struct CreateOffice {
    /// The office's name, 1–200 characters.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, example = "Northwind Sofia")]
    #[serde(deserialize_with = "trimmed::string")]
    pub name: String,
    /// ISO 3166-1 alpha-2 country code (case-insensitive).
    #[validate(custom(function = "valid_country"))]
    #[schema(min_length = 2, max_length = 2, example = "BG")]
    #[serde(deserialize_with = "trimmed::string")]
    pub country: String,
    /// The city, 1–100 characters.
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100, example = "Sofia")]
    #[serde(deserialize_with = "trimmed::string")]
    pub city: String,
    /// The integrator's own id of the office (unique among the membership's offices; 1–128
    /// characters, no control characters, no leading or trailing whitespace).
    #[validate(custom(function = "external_ids::valid"))]
    #[schema(min_length = 1, max_length = 128, example = "OFF-SOF-01")]
    pub external_id: Option<String>,
}

/// Changes to an office; omitted fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Northwind Sofia Centre", "city": "Sofia"}))]
#[serde(deny_unknown_fields)]
pub struct UpdateOffice {
    /// New name (1–200 characters).
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub name: Option<String>,
    /// New ISO 3166-1 alpha-2 country code.
    #[validate(custom(function = "valid_country"))]
    #[schema(min_length = 2, max_length = 2, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub country: Option<String>,
    /// New city (1–100 characters).
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub city: Option<String>,
    /// New external id (1–128 characters, unique among the membership's offices), or `null` to clear
    /// it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 128)]
    pub external_id: Option<Option<String>>,
}

fn valid_country(code: &str) -> Result<(), validator::ValidationError> {
    if is_iso_country(&code.trim().to_ascii_uppercase()) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("country")
            .with_message("must be an ISO 3166-1 alpha-2 country code such as BG or DE".into()))
    }
}

const MEMBERSHIP_ID: &str = "The membership's id.";
const OFFICE_ID: &str = "The office's id.";

/// Create an office
///
/// The administrator, or the partner that owns the membership.
#[utoipa::path(tag = "offices", params(("membership_id" = Uuid, Path, description = MEMBERSHIP_ID)), request_body = CreateOffice, responses(Created<Office>))]
#[post("/memberships/{membership_id}/offices")]
async fn create_office(
    state: web::Data<AppState>,
    principal: Caller<PartnerOrAdmin>,
    path: web::Path<Uuid>,
    body: Json<CreateOffice>,
) -> ApiResult<Created<Office>> {
    let input = validated(body.into_inner())?;
    let (membership_id, scope, now) =
        (path.into_inner(), principal.visibility(), state.timestamp());
    let new = NewOffice {
        name: input.name,
        country: input.country,
        city: input.city,
        external_id: input.external_id,
    };
    let row = db::run(&state.pool, move |conn| {
        service::offices::create(conn, scope, membership_id.into(), new, &now)
    })
    .await?;
    let version = row.version;
    let office = Office::try_from(row)?;
    Ok(Created::at(
        format!("/offices/{}", office.id),
        version,
        office,
    ))
}

/// List a membership's offices
///
/// The membership's offices, one country each, in a stable order; use `next_cursor` to walk every page. The vendor sees them too (country and city only matter in aggregate).
#[utoipa::path(tag = "offices", params(("membership_id" = Uuid, Path, description = MEMBERSHIP_ID), ListQuery), responses(Returned<OfficePage>))]
#[get("/memberships/{membership_id}/offices")]
async fn list_offices(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<OfficePage>> {
    let (limit, after) = query.parse()?;
    let (membership_id, scope) = (path.into_inner(), principal.visibility());
    let rows = db::run(&state.pool, move |conn| {
        service::offices::list(conn, scope, membership_id.into(), after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, Office::try_from)?))
}

/// Get an office
///
/// The office with its country (ISO 3166-1 alpha-2) and city. Partners see their own offices only. Sends an `ETag` for `If-Match`.
#[utoipa::path(tag = "offices", params(("office_id" = Uuid, Path, description = OFFICE_ID)), responses(Versioned<Office>))]
#[get("/offices/{office_id}")]
async fn get_office(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Office>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    let row = db::read(&state.pool, move |conn| {
        service::offices::get(conn, scope, id.into())
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Office::try_from(row)?))
}

/// Get an office by its external id
///
/// The membership's office whose `external_id` is the one in the path. Partners read their own
/// memberships' offices (another partner's membership is 404); the vendor reads every one. Sends an
/// `ETag`.
#[utoipa::path(tag = "offices", params(("membership_id" = Uuid, Path, description = MEMBERSHIP_ID), ("external_id" = String, Path, description = external_ids::PATH_DOC)), responses(Versioned<Office>))]
#[get("/memberships/{membership_id}/offices/by-external-id/{external_id}")]
async fn get_office_by_external_id(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<Versioned<Office>> {
    let (membership_id, external_id) = path.into_inner();
    let external_id = external_ids::of_read(&external_id)?.to_owned();
    let scope = principal.visibility();
    let row = db::read(&state.pool, move |conn| {
        service::offices::get_by_external_id(conn, scope, membership_id.into(), &external_id)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Office::try_from(row)?))
}

/// Create or replace an office by its external id
///
/// Idempotent sync from the integrator's systems: with the full create body, creates the membership's
/// office with the external id in the path (201 with `Location`) when there is none, else replaces its
/// name, country and city (200). When nothing differs, nothing is written: 200 with the same `ETag`
/// and `updated_at`. The body may repeat the path's `external_id` but not contradict it (422).
/// `If-Match` refuses a replace of another version with 412. The administrator, or the partner that
/// owns the membership.
#[utoipa::path(tag = "offices", params(("membership_id" = Uuid, Path, description = MEMBERSHIP_ID), ("external_id" = String, Path, description = external_ids::PATH_DOC)), request_body = CreateOffice, responses(Upserted<Office>))]
#[put("/memberships/{membership_id}/offices/by-external-id/{external_id}")]
async fn upsert_office_by_external_id(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<PartnerOrAdmin>,
    path: web::Path<(Uuid, String)>,
    body: Json<CreateOffice>,
) -> ApiResult<Upserted<Office>> {
    let (membership_id, external_id) = path.into_inner();
    let body = body.into_inner();
    let external_id = external_ids::of_upsert(&external_id, body.external_id.as_deref())?;
    let input = validated(body)?;
    let (scope, expected, now) = (principal.visibility(), if_match(&req)?, state.timestamp());
    let new = NewOffice {
        name: input.name,
        country: input.country,
        city: input.city,
        external_id: None,
    };
    let (row, created) = db::run(&state.pool, move |conn| {
        let membership_id = membership_id.into();
        service::offices::upsert(conn, scope, membership_id, external_id, new, expected, &now)
    })
    .await?
    .into_parts();
    let version = row.version;
    let office = Office::try_from(row)?;
    Ok(match created {
        true => Upserted::Created(Created::at(
            format!("/offices/{}", office.id),
            version,
            office,
        )),
        false => Upserted::Existing(Versioned::new(version, office)),
    })
}

/// Update an office
///
/// The administrator, or the partner that owns the office.
#[utoipa::path(tag = "offices", params(("office_id" = Uuid, Path, description = OFFICE_ID)), request_body = UpdateOffice, responses(Versioned<Office>))]
#[patch("/offices/{office_id}")]
async fn update_office(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<PartnerOrAdmin>,
    path: web::Path<Uuid>,
    body: Json<UpdateOffice>,
) -> ApiResult<Versioned<Office>> {
    let input = validated(body.into_inner())?;
    let errors = external_ids::patch_errors(input.external_id.as_ref());
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let (id, scope, expected, now) = (
        path.into_inner(),
        principal.visibility(),
        if_match(&req)?,
        state.timestamp(),
    );
    let changes = OfficeUpdate {
        name: input.name,
        country: input.country,
        city: input.city,
        external_id: input.external_id,
    };
    let row = db::run(&state.pool, move |conn| {
        service::offices::update(conn, scope, id.into(), expected, changes, &now)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Office::try_from(row)?))
}

/// Delete an office
///
/// The administrator, or the partner that owns the office. An office with contacts keeps their history and cannot be deleted (409).
#[utoipa::path(tag = "offices", params(("office_id" = Uuid, Path, description = OFFICE_ID)), responses(NoContent))]
#[delete("/offices/{office_id}")]
async fn delete_office(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<PartnerOrAdmin>,
    path: web::Path<Uuid>,
) -> ApiResult<NoContent> {
    let (id, scope, expected) = (path.into_inner(), principal.visibility(), if_match(&req)?);
    db::run(&state.pool, move |conn| {
        service::offices::delete(conn, scope, id.into(), expected)
    })
    .await?;
    Ok(NoContent)
}
