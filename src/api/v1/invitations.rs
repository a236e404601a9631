//! Invitations: personal survey links for consenting contacts, handed to the partner or emailed.

use std::collections::{HashMap, HashSet};

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::Digest as _;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::{page_of, read_response, time, validated, ListQuery};
use crate::{
    api::extract::{Json, Query},
    auth::{Caller, Principal, RecordReader, Role, Visibility},
    db::{
        self, contacts::ContactRow, invitations::InvitationRow, outbox::OutboxRow,
        schema::contacts, surveys::SurveyRow, DbConnection,
    },
    domain::anonymity::partner_visible_status,
    error::{ApiError, ApiResult, ErrorCode},
    i18n, respond, AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_invitations)
        .service(list_invitations)
        .service(get_invitation)
        .service(queue_reminders)
        .service(reissue_link);
}

/// How the personal link reaches the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// The link is returned once in the answer, for the partner's own CRM to send.
    Partner,
    /// An email is queued and delivered by the service.
    Email,
}

pub use crate::domain::invitation::InvitationStatus;

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
    pub fn of(principal: &Principal, anonymous: &HashSet<String>, invitation_id: &str) -> Self {
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
        let stored = row.status()?;
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
            id: db::parse_uuid(&row.id)?,
            survey_id: db::parse_uuid(&row.survey_id)?,
            contact_id: db::parse_uuid(&row.contact_id)?,
            delivery: db::parse_enum(&row.delivery)?,
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

fn accepting_survey(
    conn: &mut DbConnection,
    scope: Visibility,
    id: Uuid,
    now: &str,
) -> ApiResult<SurveyRow> {
    let survey = db::surveys::get(conn, scope, id)?;
    if !survey.accepting_answers(now)? {
        return Err(ApiError::conflict(
            ErrorCode::SurveyNotOpen,
            "only an open survey can send invitations or reminders",
        ));
    }
    Ok(survey)
}

fn refusal(
    contact: Option<&ContactRow>,
    survey: &SurveyRow,
    last_invited: Option<&String>,
    resurvey_after: &str,
) -> Option<RefusalReason> {
    let Some(contact) = contact else {
        return Some(RefusalReason::NotFound);
    };
    if contact.office_id != survey.office_id {
        Some(RefusalReason::OtherOffice)
    } else if contact.erased_at.is_some() {
        Some(RefusalReason::Erased)
    } else if contact.consent_given_at.is_none() {
        Some(RefusalReason::NoConsent)
    } else if last_invited.is_some_and(|at| at.as_str() > resurvey_after) {
        Some(RefusalReason::TooRecent)
    } else {
        None
    }
}

fn invitation_mail(
    state: &AppState,
    contact: &ContactRow,
    survey: &SurveyRow,
    token: &str,
    expires_at: &str,
    reminder: bool,
) -> (String, String) {
    let locales: Vec<String> = serde_json::from_str(&survey.locales).unwrap_or_default();
    let locale = crate::domain::questionnaire::negotiate_locale(
        contact.locale.as_deref(),
        None,
        &locales,
        locales.first().map(String::as_str).unwrap_or("en"),
    );
    let texts = i18n::texts(&locale);
    let subject = if reminder {
        texts.reminder_subject
    } else {
        texts.invitation_subject
    }
    .replace("{title}", &survey.title);
    let body = texts
        .invitation_body
        .replace("{name}", contact.name.as_deref().unwrap_or_default())
        .replace("{title}", &survey.title)
        .replace("{link}", &format!("{}/s/{token}", state.public_url))
        .replace("{expires}", expires_at.get(..10).unwrap_or(expires_at));
    (subject, body)
}

fn queue_mail(
    conn: &mut DbConnection,
    invitation_id: &str,
    recipient: &str,
    kind: &str,
    (subject, body): (String, String),
    now: &str,
) -> ApiResult<()> {
    db::outbox::enqueue(
        conn,
        &OutboxRow {
            id: Uuid::now_v7().to_string(),
            invitation_id: invitation_id.to_owned(),
            kind: kind.into(),
            recipient: recipient.to_owned(),
            subject,
            body: Some(body),
            attempts: 0,
            next_attempt_at: now.to_owned(),
            locked_until: None,
            sent_at: None,
            failed_at: None,
            last_error: None,
            created_at: now.to_owned(),
        },
    )
}

/// Invite contacts to a survey
///
/// Invites contacts of the survey's office that gave consent and were not invited within the re-survey
/// interval; every other contact is listed with its reason. With `delivery: partner` each personal link is
/// returned this once (the service keeps only its hash); with `delivery: email` an email is queued.
/// The answer is never stored for idempotent replay: a retry refuses the already invited contacts as `too_recent`.
#[utoipa::path(tag = "invitations", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), request_body = CreateInvitations, responses((status = 200, description = "Who was invited, and who was not and why.", body = InvitationBatch)))]
#[post("/surveys/{survey_id}/invitations")]
async fn create_invitations(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    body: Json<CreateInvitations>,
) -> ApiResult<HttpResponse> {
    let input = validated(body.into_inner())?;
    let (survey_id, scope, clock_now) =
        (path.into_inner(), principal.visibility(), state.clock.now());
    let worker_state = state.clone();
    let batch = db::run(&state.pool, move |conn| {
        db::write_tx(conn, |conn| {
            let now = db::timestamp(clock_now);
            let survey = accepting_survey(conn, scope, survey_id, &now)?;
            let settings = db::settings::get(conn)?;
            let expires_at = db::timestamp(
                clock_now + chrono::Duration::days(i64::from(settings.invitation_ttl_days)),
            );
            let resurvey_after = db::timestamp(
                clock_now - chrono::Duration::days(i64::from(settings.resurvey_interval_days)),
            );
            let ids: Vec<String> = input.contact_ids.iter().map(Uuid::to_string).collect();
            let mut query = contacts::table
                .filter(contacts::id.eq_any(&ids))
                .select(ContactRow::as_select())
                .into_boxed();
            if let Visibility::Partner(own) = scope {
                query = query.filter(contacts::partner_id.eq(own.to_string()));
            }
            let found: HashMap<String, ContactRow> = query
                .load(conn)?
                .into_iter()
                .map(|c| (c.id.clone(), c))
                .collect();
            let last_invited: HashMap<String, Option<String>> =
                db::invitations::last_invited(conn, &ids)?
                    .into_iter()
                    .collect();
            let mut seen = HashSet::new();
            let mut batch = InvitationBatch {
                invited: Vec::new(),
                refused: Vec::new(),
            };
            for contact_id in input.contact_ids {
                let key = contact_id.to_string();
                let contact = found.get(&key);
                let reason = if !seen.insert(contact_id) {
                    Some(RefusalReason::Duplicate)
                } else {
                    refusal(
                        contact,
                        &survey,
                        last_invited.get(&key).and_then(Option::as_ref),
                        &resurvey_after,
                    )
                };
                let (Some(contact), None) = (contact, reason) else {
                    batch.refused.push(RefusedContact {
                        contact_id,
                        reason: reason.unwrap_or(RefusalReason::NotFound),
                    });
                    continue;
                };
                let (token, token_hash) = respond::new_token();
                let row = InvitationRow {
                    id: Uuid::now_v7().to_string(),
                    survey_id: survey.id.clone(),
                    contact_id: contact.id.clone(),
                    office_id: survey.office_id.clone(),
                    partner_id: survey.partner_id.clone(),
                    delivery: db::enum_text(input.delivery),
                    status: if input.delivery == Delivery::Partner {
                        InvitationStatus::Sent
                    } else {
                        InvitationStatus::Pending
                    }
                    .as_str()
                    .into(),
                    expires_at: expires_at.clone(),
                    sent_at: (input.delivery == Delivery::Partner).then(|| now.clone()),
                    opened_at: None,
                    completed_at: None,
                    bounced_at: None,
                    reminders_sent: 0,
                    created_at: now.clone(),
                    updated_at: now.clone(),
                };
                db::invitations::insert(conn, &row, &token_hash)?;
                let link = match input.delivery {
                    Delivery::Partner => Some(format!("{}/s/{token}", worker_state.public_url)),
                    Delivery::Email => {
                        let mail = invitation_mail(
                            &worker_state,
                            contact,
                            &survey,
                            &token,
                            &expires_at,
                            false,
                        );
                        queue_mail(
                            conn,
                            &row.id,
                            contact.email.as_deref().unwrap_or_default(),
                            "invitation",
                            mail,
                            &now,
                        )?;
                        None
                    }
                };
                batch.invited.push(InvitedContact {
                    contact_id,
                    invitation: Invitation::from_row(row, &now, Reader::Admin)?,
                    link,
                });
            }
            Ok(batch)
        })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(batch))
}

/// List a survey's invitations
///
/// Every invitation of the survey with its state and times, in a stable order; use `next_cursor` to walk every page. Personal links are shown only once, when they are created.
#[utoipa::path(tag = "invitations", params(("survey_id" = Uuid, Path, description = SURVEY_ID), ListQuery), responses((status = 200, description = "A page of invitations.", body = InvitationPage)))]
#[get("/surveys/{survey_id}/invitations")]
async fn list_invitations(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<ListQuery>,
) -> ApiResult<web::Json<InvitationPage>> {
    let (limit, after) = query.parse()?;
    let (survey_id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let (rows, anonymous) = db::run(&state.pool, move |conn| {
        let survey = db::surveys::get(conn, scope, survey_id)?;
        let rows = db::invitations::list_for_survey(conn, &survey.id, after, limit)?;
        let ids: Vec<&str> = rows.0.iter().map(|row| row.id.as_str()).collect();
        let anonymous = db::invitations::answered_anonymously(conn, &ids)?;
        Ok((rows, anonymous))
    })
    .await?;
    Ok(web::Json(page_of(rows, |row| {
        let reader = Reader::of(&principal, &anonymous, &row.id);
        Invitation::from_row(row, &now, reader)
    })?))
}

/// Get an invitation
///
/// One personal link's state (`pending`, `sent`, `opened`, `completed`, `bounced` or `expired`) with its times and reminder count; the link itself is never shown again. Partners see their own surveys' invitations only.
#[utoipa::path(tag = "invitations", params(("invitation_id" = Uuid, Path, description = "The invitation's id.")), responses((status = 200, description = "The invitation.", body = Invitation, headers(("ETag" = String)))))]
#[get("/invitations/{invitation_id}")]
async fn get_invitation(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let (row, anonymous) = db::run(&state.pool, move |conn| {
        let row = db::invitations::get(conn, scope, id)?;
        let anonymous = db::invitations::answered_anonymously(conn, &[row.id.as_str()])?;
        Ok((row, anonymous))
    })
    .await?;
    let reader = Reader::of(&principal, &anonymous, &row.id);
    let invitation = Invitation::from_row(row, &now, reader)?;
    Ok(read_response(&req, invitation.version(), &invitation))
}

/// How many reminders were queued.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RemindersQueued {
    /// Reminder emails queued.
    pub queued: usize,
}

/// The most reminders one invitation gets.
pub const MAX_REMINDERS: i32 = 3;

/// Queue reminders
///
/// Queues a reminder email, with a fresh personal link, for every unanswered and unexpired emailed
/// invitation of the survey that has had fewer than 3 reminders. Links handed to the partner are reminded by the partner.
#[utoipa::path(tag = "invitations", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses((status = 200, description = "How many reminders were queued.", body = RemindersQueued)))]
#[post("/surveys/{survey_id}/reminders")]
async fn queue_reminders(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<web::Json<RemindersQueued>> {
    let (survey_id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let worker_state = state.clone();
    let queued = db::run(&state.pool, move |conn| {
        db::write_tx(conn, |conn| {
            let survey = accepting_survey(conn, scope, survey_id, &now)?;
            let mut queued = 0;
            for invitation in db::invitations::unanswered_by_email(conn, &survey.id, &now)? {
                let contact: ContactRow = contacts::table
                    .find(&invitation.contact_id)
                    .select(ContactRow::as_select())
                    .first(conn)?;
                let Some(email) = contact
                    .email
                    .as_deref()
                    .filter(|_| invitation.reminders_sent < MAX_REMINDERS)
                else {
                    continue;
                };
                let (token, token_hash) = respond::new_token();
                db::invitations::add_token(conn, &invitation.id, &token_hash, &now)?;
                let mail = invitation_mail(
                    &worker_state,
                    &contact,
                    &survey,
                    &token,
                    &invitation.expires_at,
                    true,
                );
                queue_mail(conn, &invitation.id, email, "reminder", mail, &now)?;
                db::invitations::count_reminder(conn, &invitation.id, &now)?;
                queued += 1;
            }
            for invitation in
                db::invitations::answered_anonymously_by_email(conn, &survey.id, &now)?
            {
                if invitation.reminders_sent < MAX_REMINDERS {
                    db::invitations::count_reminder(conn, &invitation.id, &now)?;
                }
            }
            Ok(queued)
        })
    })
    .await?;
    Ok(web::Json(RemindersQueued { queued }))
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
#[utoipa::path(tag = "invitations", params(("invitation_id" = Uuid, Path, description = "The invitation's id.")), responses((status = 200, description = "The new link.", body = PersonalLink)))]
#[post("/invitations/{invitation_id}/link")]
async fn reissue_link(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (id, scope, now) = (path.into_inner(), principal.visibility(), state.timestamp());
    let token = db::run(&state.pool, move |conn| {
        db::write_tx(conn, |conn| {
            let invitation = db::invitations::get(conn, scope, id)?;
            // Judged on what the partner sees: an anonymously answered link gets a new one too
            // (it shows the questionnaire; only answering again is refused), or refusing would name it.
            let anonymous = db::invitations::was_answered_anonymously(conn, &invitation.id)?;
            let shown = partner_visible_status(invitation.status()?, anonymous, true);
            let looks_unanswered =
                shown.awaits_answer_at(invitation.expires_at.as_str(), now.as_str());
            if !looks_unanswered {
                return Err(ApiError::conflict(
                    ErrorCode::InvitationNotReissuable,
                    "only an unanswered, unexpired invitation gets a new link",
                ));
            }
            let (token, token_hash) = respond::new_token();
            db::invitations::add_token(conn, &invitation.id, &token_hash, &now)?;
            Ok(token)
        })
    })
    .await?;
    let link = PersonalLink {
        invitation_id: id,
        link: format!("{}/s/{token}", state.public_url),
    };
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(link))
}
