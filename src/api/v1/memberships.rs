//! Memberships: a partner's program memberships.

use actix_web::{delete, get, patch, post, put, web, HttpRequest};
use chrono::{DateTime, NaiveDate, Utc};
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
    auth::{AdminOnly, AnyRole, Caller},
    db::{self, memberships::MembershipRow},
    error::{ApiError, ApiResult},
    service::{
        self,
        memberships::{MembershipUpdate, NewMembership},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_membership)
        .service(list_memberships)
        .service(get_membership_by_external_id)
        .service(upsert_membership_by_external_id)
        .service(get_membership)
        .service(update_membership)
        .service(delete_membership);
}

/// A program membership of a partner; it must meet the survey requirement on its own.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Membership {
    /// The membership's id.
    pub id: Uuid,
    /// The partner it belongs to.
    pub partner_id: Uuid,
    /// The program's membership number, e.g. a partner-network id (unique).
    pub membership_number: String,
    /// The next renewal date; the requirement is checked over the 12 months before it.
    pub renewal_date: NaiveDate,
    /// When the membership was created.
    pub created_at: DateTime<Utc>,
    /// When the membership was last changed.
    pub updated_at: DateTime<Utc>,
    /// The integrator's own id of the membership (unique among the partner's memberships), if set:
    /// read and upsert it at `/partners/{partner_id}/memberships/by-external-id/{external_id}`.
    pub external_id: Option<String>,
}

super::page_type!(
    MembershipPage,
    Membership,
    id,
    "One page of memberships, in a stable order."
);

impl TryFrom<MembershipRow> for Membership {
    type Error = ApiError;

    fn try_from(row: MembershipRow) -> ApiResult<Self> {
        Ok(Membership {
            id: row.id.into(),
            partner_id: row.partner_id.into(),
            renewal_date: row
                .renewal_date
                .parse()
                .map_err(|e| ApiError::Internal(format!("stored renewal date is invalid: {e}")))?,
            membership_number: row.membership_number,
            created_at: time(&row.created_at)?,
            updated_at: time(&row.updated_at)?,
            external_id: row.external_id,
        })
    }
}

/// A new membership.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"membership_number": "MPN-1234567", "renewal_date": "2027-06-30", "external_id": "a0B5g00000XyZ1"}))]
#[serde(deny_unknown_fields)]
pub struct CreateMembership {
    /// The program's membership number (unique, 1–64 characters).
    #[validate(length(min = 1, max = 64, message = "must be 1 to 64 characters"))]
    #[schema(min_length = 1, max_length = 64, example = "MPN-1234567")]
    #[serde(deserialize_with = "trimmed::string")]
    pub membership_number: String,
    /// The next renewal date (`YYYY-MM-DD`).
    #[schema(example = "2027-06-30")]
    pub renewal_date: NaiveDate,
    /// The integrator's own id of the membership (unique among the partner's memberships; 1–128
    /// characters, no control characters, no leading or trailing whitespace).
    #[validate(custom(function = "external_ids::valid"))]
    #[schema(min_length = 1, max_length = 128, example = "a0B5g00000XyZ1")]
    pub external_id: Option<String>,
}

/// Changes to a membership; omitted fields stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"renewal_date": "2028-06-30"}))]
#[serde(deny_unknown_fields)]
pub struct UpdateMembership {
    /// New membership number (1–64 characters).
    #[validate(length(min = 1, max = 64, message = "must be 1 to 64 characters"))]
    #[schema(min_length = 1, max_length = 64, nullable = false)]
    #[serde(default, deserialize_with = "trimmed::option")]
    pub membership_number: Option<String>,
    /// New renewal date.
    #[schema(nullable = false)]
    pub renewal_date: Option<NaiveDate>,
    /// New external id (1–128 characters, unique among the partner's memberships), or `null` to
    /// clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 128)]
    pub external_id: Option<Option<String>>,
}

const PARTNER_ID: &str = "The partner's id.";

/// Create a membership
///
/// Registers a program membership (e.g. a partner-network id) for the partner, with the date it renews.
/// The membership number is unique program-wide. Administrator only.
#[utoipa::path(tag = "memberships", params(("partner_id" = Uuid, Path, description = PARTNER_ID)), request_body = CreateMembership, responses(Created<Membership>))]
#[post("/partners/{partner_id}/memberships")]
async fn create_membership(
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<CreateMembership>,
) -> ApiResult<Created<Membership>> {
    let input = validated(body.into_inner())?;
    let (partner_id, now) = (path.into_inner(), state.timestamp());
    let new = NewMembership {
        membership_number: input.membership_number,
        renewal_date: input.renewal_date,
        external_id: input.external_id,
    };
    let row = db::run(&state.pool, move |conn| {
        service::memberships::create(conn, partner_id.into(), new, &now)
    })
    .await?;
    let version = row.version;
    let membership = Membership::try_from(row)?;
    Ok(Created::at(
        format!("/memberships/{}", membership.id),
        version,
        membership,
    ))
}

/// List a partner's memberships
///
/// The partner's program memberships in a stable order; use `next_cursor` to walk every page. Each membership must meet the survey requirement on its own.
#[utoipa::path(tag = "memberships", params(("partner_id" = Uuid, Path, description = PARTNER_ID), ListQuery), responses(Returned<MembershipPage>))]
#[get("/partners/{partner_id}/memberships")]
async fn list_memberships(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<MembershipPage>> {
    let (limit, after) = query.parse()?;
    let (partner_id, scope) = (path.into_inner(), principal.visibility());
    let rows = db::run(&state.pool, move |conn| {
        service::memberships::list(conn, scope, partner_id.into(), after, limit)
    })
    .await?;
    Ok(Returned(page_of(rows, Membership::try_from)?))
}

/// Get a membership
///
/// The membership with its number and renewal date. Partners see their own memberships (others are 404); the vendor sees every membership. Sends an `ETag` for `If-Match`.
#[utoipa::path(tag = "memberships", params(("membership_id" = Uuid, Path, description = "The membership's id.")), responses(Versioned<Membership>))]
#[get("/memberships/{membership_id}")]
async fn get_membership(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Membership>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    let row = db::read(&state.pool, move |conn| {
        service::memberships::get(conn, scope, id.into())
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Membership::try_from(row)?))
}

/// Get a membership by its external id
///
/// The partner's membership whose `external_id` is the one in the path. Partners read their own
/// (another partner's is 404); the vendor reads every one. Sends an `ETag`.
#[utoipa::path(tag = "memberships", params(("partner_id" = Uuid, Path, description = PARTNER_ID), ("external_id" = String, Path, description = external_ids::PATH_DOC)), responses(Versioned<Membership>))]
#[get("/partners/{partner_id}/memberships/by-external-id/{external_id}")]
async fn get_membership_by_external_id(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<Versioned<Membership>> {
    let (partner_id, external_id) = path.into_inner();
    let external_id = external_ids::of_read(&external_id)?.to_owned();
    let scope = principal.visibility();
    let row = db::read(&state.pool, move |conn| {
        service::memberships::get_by_external_id(conn, scope, partner_id.into(), &external_id)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Membership::try_from(row)?))
}

/// Create or replace a membership by its external id
///
/// Idempotent sync from the integrator's systems: with the full create body, creates the partner's
/// membership with the external id in the path (201 with `Location`) when there is none, else replaces
/// its membership number and renewal date (200). When nothing differs, nothing is written: 200 with
/// the same `ETag` and `updated_at`. The body may repeat the path's `external_id` but not contradict
/// it (422). `If-Match` refuses a replace of another version with 412. Administrator only.
#[utoipa::path(tag = "memberships", params(("partner_id" = Uuid, Path, description = PARTNER_ID), ("external_id" = String, Path, description = external_ids::PATH_DOC)), request_body = CreateMembership, responses(Upserted<Membership>))]
#[put("/partners/{partner_id}/memberships/by-external-id/{external_id}")]
async fn upsert_membership_by_external_id(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<(Uuid, String)>,
    body: Json<CreateMembership>,
) -> ApiResult<Upserted<Membership>> {
    let (partner_id, external_id) = path.into_inner();
    let body = body.into_inner();
    let external_id = external_ids::of_upsert(&external_id, body.external_id.as_deref())?;
    let input = validated(body)?;
    let (expected, now) = (if_match(&req)?, state.timestamp());
    let new = NewMembership {
        membership_number: input.membership_number,
        renewal_date: input.renewal_date,
        external_id: None,
    };
    let (row, created) = db::run(&state.pool, move |conn| {
        service::memberships::upsert(conn, partner_id.into(), external_id, new, expected, &now)
    })
    .await?
    .into_parts();
    let version = row.version;
    let membership = Membership::try_from(row)?;
    Ok(match created {
        true => Upserted::Created(Created::at(
            format!("/memberships/{}", membership.id),
            version,
            membership,
        )),
        false => Upserted::Existing(Versioned::new(version, membership)),
    })
}

/// Update a membership
///
/// Changes the membership number or renewal date; send the `ETag` last read in `If-Match` to be
/// refused with 412 instead of overwriting a concurrent change. Administrator only.
#[utoipa::path(tag = "memberships", params(("membership_id" = Uuid, Path, description = "The membership's id.")), request_body = UpdateMembership, responses(Versioned<Membership>))]
#[patch("/memberships/{membership_id}")]
async fn update_membership(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
    body: Json<UpdateMembership>,
) -> ApiResult<Versioned<Membership>> {
    let input = validated(body.into_inner())?;
    let errors = external_ids::patch_errors(input.external_id.as_ref());
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let (id, expected, now) = (path.into_inner(), if_match(&req)?, state.timestamp());
    let changes = MembershipUpdate {
        membership_number: input.membership_number,
        renewal_date: input.renewal_date,
        external_id: input.external_id,
    };
    let row = db::run(&state.pool, move |conn| {
        service::memberships::update(conn, id.into(), expected, changes, &now)
    })
    .await?;
    let version = row.version;
    Ok(Versioned::new(version, Membership::try_from(row)?))
}

/// Delete a membership
///
/// Administrator only; a membership that still has offices cannot be deleted (409).
#[utoipa::path(tag = "memberships", params(("membership_id" = Uuid, Path, description = "The membership's id.")), responses(NoContent))]
#[delete("/memberships/{membership_id}")]
async fn delete_membership(
    req: HttpRequest,
    state: web::Data<AppState>,
    _caller: Caller<AdminOnly>,
    path: web::Path<Uuid>,
) -> ApiResult<NoContent> {
    let (id, expected) = (path.into_inner(), if_match(&req)?);
    db::run(&state.pool, move |conn| {
        service::memberships::delete(conn, id.into(), expected)
    })
    .await?;
    Ok(NoContent)
}
