//! Invitations: personal survey links for consenting contacts, handed to the partner or emailed.

use std::collections::HashSet;

use actix_web::{get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::Digest as _;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{page_of, time, validated, ListQuery, Returned, ShownOnce, Versioned};
use crate::{
    api::extract::{Json, Query},
    auth::{Caller, Principal, RecordReader, Role},
    db::{self, invitations::InvitationRow},
    domain::{anonymity::partner_visible_status, ids::InvitationId},
    error::ApiResult,
    service::{self, invitations::Refusal},
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_invitations)
        .service(list_invitations)
        .service(get_invitation)
        .service(queue_reminders)
        .service(reissue_link);
}

pub use crate::domain::invitation::{Delivery, InvitationStatus};

/// A personal survey invitation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Invitation {
    /// The invitation's id.
    pub id: Uuid,
    /// The survey.
    pub survey_id: Uuid,
    /// The invited contact.
    pub contact_id: Uuid,
    /// How the link is delivered.
    pub delivery: Delivery,
    /// Where it stands now.
    pub status: InvitationStatus,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was emailed or handed to the partner.
    pub sent_at: Option<DateTime<Utc>>,
    /// When the questionnaire was first opened.
    pub opened_at: Option<DateTime<Utc>>,
    /// Reminders queued so far.
    pub reminders_sent: i32,
    /// When the invitation was created.
    pub created_at: DateTime<Utc>,
}

super::page_type!(
    InvitationPage,
    Invitation,
    id,
    "One page of invitations, in a stable order."
);

/// Who reads an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The administrator sees the stored state.
    Admin,
    /// The partner sees no trace of an anonymous answer, and so no opening of any link.
    Partner {
        /// Whether this invitation was answered anonymously.
        answered_anonymously: bool,
    },
}

impl Reader {
    /// The reader of one invitation, given the anonymously answered ones among those read.
    pub fn of(
        principal: &Principal,
        anonymous: &HashSet<InvitationId>,
        invitation_id: &InvitationId,
    ) -> Self {
        match principal.role {
            Role::Admin => Reader::Admin,
            Role::Partner | Role::Vendor => Reader::Partner {
                answered_anonymously: anonymous.contains(invitation_id),
            },
        }
    }
}

impl Invitation {
    /// The representation of a row for `reader` as of `now` (an unanswered link past its expiry is
    /// `expired`). The completion time is left out on purpose: it would tie anonymous responses to contacts.
    pub fn from_row(row: InvitationRow, now: &str, reader: Reader) -> ApiResult<Self> {
        let stored = row.status;
        let (status, opened_at) = match reader {
            Reader::Admin => (stored, row.opened_at.as_deref()),
            Reader::Partner {
                answered_anonymously,
            } => (
                partner_visible_status(stored, answered_anonymously, row.sent_at.is_some()),
                None,
            ),
        };
        let status = status.as_of(row.expires_at.as_str(), now);
        Ok(Invitation {
            id: row.id.into(),
            survey_id: row.survey_id.into(),
            contact_id: row.contact_id.into(),
            delivery: row.delivery,
            status,
            expires_at: time(&row.expires_at)?,
            sent_at: row.sent_at.as_deref().map(time).transpose()?,
            opened_at: opened_at.map(time).transpose()?,
            reminders_sent: row.reminders_sent,
            created_at: time(&row.created_at)?,
        })
    }

    /// A version of what this reader sees (the stored row changes when a link is opened or answered,
    /// which a partner must not be able to tell from the `ETag`).
    fn version(&self) -> i64 {
        let text = serde_json::to_vec(self).unwrap_or_default();
        let digest = sha2::Sha256::digest(text);
        i64::from_be_bytes(digest[..8].try_into().unwrap_or_default()) & i64::MAX
    }
}

/// Contacts to invite.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"contact_ids": ["0195a2b4-6c1d-7e0f-8a9b-0c1d2e3f4a5b"], "delivery": "partner"}))]
#[serde(deny_unknown_fields)]
pub struct CreateInvitations {
    /// The contacts (of the survey's office), 1–500.
    #[validate(length(min = 1, max = 500, message = "must list 1 to 500 contacts"))]
    #[schema(min_items = 1, max_items = 500)]
    pub contact_ids: Vec<Uuid>,
    /// How the links reach the customers.
    pub delivery: Delivery,
}

/// Why a contact was not invited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// No recorded consent to be surveyed.
    NoConsent,
    /// Invited within the program's re-survey interval.
    TooRecent,
    /// The contact's personal data was erased.
    Erased,
    /// The contact belongs to another office.
    OtherOffice,
    /// No such contact (or not visible to the caller).
    NotFound,
    /// Listed more than once in this request.
    Duplicate,
}

impl From<Refusal> for RefusalReason {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::NoConsent => RefusalReason::NoConsent,
            Refusal::TooRecent => RefusalReason::TooRecent,
            Refusal::Erased => RefusalReason::Erased,
            Refusal::OtherOffice => RefusalReason::OtherOffice,
            Refusal::NotFound => RefusalReason::NotFound,
            Refusal::Duplicate => RefusalReason::Duplicate,
        }
    }
}

/// An invited contact.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InvitedContact {
    /// The contact.
    pub contact_id: Uuid,
    /// The new invitation.
    pub invitation: Invitation,
    /// The personal link, for `partner` delivery only. It is shown this once and never stored.
    pub link: Option<String>,
}

/// A contact that was not invited, and why.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RefusedContact {
    /// The contact.
    pub contact_id: Uuid,
    /// Why.
    pub reason: RefusalReason,
}

/// The outcome of an invitation request, per contact.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InvitationBatch {
    /// Contacts invited.
    pub invited: Vec<InvitedContact>,
    /// Contacts not invited, with the reason.
    pub refused: Vec<RefusedContact>,
}

const SURVEY_ID: &str = "The survey's id.";

/// Invite contacts to a survey
///
/// Invites contacts of the survey's office that gave consent and were not invited within the re-survey
/// interval; every other contact is listed with its reason. With `delivery: partner` each personal link is
/// returned this once (the service keeps only its hash); with `delivery: email` an email is queued.
/// The answer is never stored for idempotent replay: a retry refuses the already invited contacts as `too_recent`.
#[utoipa::path(tag = "invitations", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), request_body = CreateInvitations, responses(ShownOnce<InvitationBatch>))]
#[post("/surveys/{survey_id}/invitations")]
async fn create_invitations(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    body: Json<CreateInvitations>,
) -> ApiResult<ShownOnce<InvitationBatch>> {
    let input = validated(body.into_inner())?;
    let (survey_id, scope, clock_now) =
        (path.into_inner(), principal.visibility(), state.clock.now());
    let (delivery, public_url) = (input.delivery, state.public_url.clone());
    let outcome = db::run(&state.pool, move |conn| {
        service::invitations::invite(
            conn,
            scope,
            survey_id.into(),
            input.contact_ids.into_iter().map(Into::into).collect(),
            delivery,
            &public_url,
            clock_now,
        )
    })
    .await?;
    let now = db::timestamp(clock_now);
    let batch = InvitationBatch {
        invited: outcome
            .invited
            .into_iter()
            .map(|invited| {
                Ok(InvitedContact {
                    contact_id: invited.contact_id.into(),
                    invitation: Invitation::from_row(invited.invitation, &now, Reader::Admin)?,
                    link: invited.link,
                })
            })
            .collect::<ApiResult<_>>()?,
        refused: outcome
            .refused
            .into_iter()
            .map(|refused| RefusedContact {
                contact_id: refused.contact_id.into(),
                reason: refused.reason.into(),
            })
            .collect(),
    };
    Ok(ShownOnce(batch))
}

/// List a survey's invitations
///
/// Every invitation of the survey with its state and times, in a stable order; use `next_cursor` to walk every page. Personal links are shown only once, when they are created.
#[utoipa::path(tag = "invitations", params(("survey_id" = Uuid, Path, description = SURVEY_ID), ListQuery), responses(Returned<InvitationPage>))]
#[get("/surveys/{survey_id}/invitations")]
async fn list_invitations(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<Returned<InvitationPage>> {
    let (limit, after) = query.parse()?;
    let (survey_id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let read = db::run(&state.pool, move |conn| {
        service::invitations::list_invitations(conn, scope, survey_id.into(), after, limit)
    })
    .await?;
    let anonymous = read.answered_anonymously;
    Ok(Returned(page_of(read.invitations, |row| {
        let reader = Reader::of(&principal, &anonymous, &row.id);
        Invitation::from_row(row, &now, reader)
    })?))
}

/// Get an invitation
///
/// One personal link's state (`pending`, `sent`, `opened`, `completed`, `bounced` or `expired`) with its times and reminder count; the link itself is never shown again. Partners see their own surveys' invitations only.
#[utoipa::path(tag = "invitations", params(("invitation_id" = Uuid, Path, description = "The invitation's id.")), responses(Versioned<Invitation>))]
#[get("/invitations/{invitation_id}")]
async fn get_invitation(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Versioned<Invitation>> {
    let (id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let read = db::read(&state.pool, move |conn| {
        service::invitations::get_invitation(conn, scope, id.into())
    })
    .await?;
    let row = read.invitations;
    let reader = Reader::of(&principal, &read.answered_anonymously, &row.id);
    let invitation = Invitation::from_row(row, &now, reader)?;
    Ok(Versioned::new(invitation.version(), invitation))
}

/// How many reminders were queued.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RemindersQueued {
    /// Reminder emails queued.
    pub queued: usize,
}

/// Queue reminders
///
/// Queues a reminder email, with a fresh personal link, for every unanswered and unexpired emailed
/// invitation of the survey that has had fewer than 3 reminders. Links handed to the partner are reminded by the partner.
#[utoipa::path(tag = "invitations", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses(Returned<RemindersQueued>))]
#[post("/surveys/{survey_id}/reminders")]
async fn queue_reminders(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Returned<RemindersQueued>> {
    let (survey_id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let public_url = state.public_url.clone();
    let queued = db::run(&state.pool, move |conn| {
        service::invitations::queue_reminders(conn, scope, survey_id.into(), &public_url, &now)
    })
    .await?;
    Ok(Returned(RemindersQueued { queued }))
}

/// A fresh personal link.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonalLink {
    /// The invitation.
    pub invitation_id: Uuid,
    /// The new link; shown this once and never stored (earlier links keep working).
    pub link: String,
}

/// Issue a fresh personal link
///
/// For an unanswered, unexpired invitation, e.g. when a link handed to the partner was lost: returns a new
/// link, shown this once (only its hash is stored). Earlier links of the invitation keep working.
#[utoipa::path(tag = "invitations", params(("invitation_id" = Uuid, Path, description = "The invitation's id.")), responses(ShownOnce<PersonalLink>))]
#[post("/invitations/{invitation_id}/link")]
async fn reissue_link(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<ShownOnce<PersonalLink>> {
    let (id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let public_url = state.public_url.clone();
    let link = db::run(&state.pool, move |conn| {
        service::invitations::reissue_link(conn, scope, id.into(), &public_url, &now)
    })
    .await?;
    let link = PersonalLink {
        invitation_id: id,
        link,
    };
    Ok(ShownOnce(link))
}
