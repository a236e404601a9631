//! Invitations: personal survey links for consenting contacts, handed to the partner or emailed
//! (queued in the outbox, which the mail worker delivers). Each use case that writes runs in the
//! transaction it opens; what a partner may tell about an invitation comes from `crate::domain::anonymity`.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::{
    auth::Visibility,
    db::{
        self, contacts::ContactRow, invitations::InvitationRow, outbox::OutboxRow,
        surveys::SurveyRow, DbConnection,
    },
    domain::{
        anonymity::partner_visible_status,
        ids::{ContactId, InvitationId, MessageId, SurveyId},
        invitation::{Delivery, InvitationStatus},
    },
    error::{ApiError, ApiResult, ErrorCode},
    i18n,
    service::respond,
};

/// The most reminders one invitation gets.
pub const MAX_REMINDERS: i32 = 3;

/// Why a contact was not invited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
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
#[derive(Debug, Clone)]
pub struct Invited {
    /// The contact.
    pub contact_id: ContactId,
    /// The new invitation.
    pub invitation: InvitationRow,
    /// The personal link, for `partner` delivery only: it exists this once and is never stored.
    pub link: Option<String>,
}

/// A contact that was not invited, and why.
#[derive(Debug, Clone, Copy)]
pub struct Refused {
    /// The contact.
    pub contact_id: ContactId,
    /// Why.
    pub reason: Refusal,
}

/// The outcome of an invitation request, per contact, in the order asked.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// Contacts invited.
    pub invited: Vec<Invited>,
    /// Contacts not invited, with the reason.
    pub refused: Vec<Refused>,
}

/// Invitations read, with the ids of those among them that were answered anonymously (what a partner
/// reads of those must not tell them apart).
#[derive(Debug, Clone)]
pub struct Read<T> {
    /// The invitations.
    pub invitations: T,
    /// The ids of those answered anonymously.
    pub answered_anonymously: HashSet<InvitationId>,
}

/// The personal link of `token`.
pub fn personal_link(public_url: &str, token: &str) -> String {
    format!("{public_url}/s/{token}")
}

/// A visible survey that accepts answers at `now` (and so invitations and reminders), else 409.
fn accepting_survey(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: SurveyId,
    now: &str,
) -> ApiResult<SurveyRow> {
    let survey = db::surveys::get(conn, visibility, id)?;
    if !survey.accepting_answers(now) {
        return Err(ApiError::conflict(
            ErrorCode::SurveyNotOpen,
            "only an open survey can send invitations or reminders",
        ));
    }
    Ok(survey)
}

/// Why `contact` may not be invited to `survey`, if it may not.
fn refusal(
    contact: Option<&ContactRow>,
    survey: &SurveyRow,
    last_invited: Option<&String>,
    resurvey_after: &str,
) -> Option<Refusal> {
    let Some(contact) = contact else {
        return Some(Refusal::NotFound);
    };
    if contact.office_id != survey.office_id {
        Some(Refusal::OtherOffice)
    } else if contact.erased_at.is_some() {
        Some(Refusal::Erased)
    } else if contact.consent_given_at.is_none() {
        Some(Refusal::NoConsent)
    } else if last_invited.is_some_and(|at| at.as_str() > resurvey_after) {
        Some(Refusal::TooRecent)
    } else {
        None
    }
}

/// The subject and body of an invitation (or reminder) email, in the contact's locale if the survey offers it.
fn invitation_mail(
    public_url: &str,
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
        .replace("{link}", &personal_link(public_url, token))
        .replace("{expires}", expires_at.get(..10).unwrap_or(expires_at));
    (subject, body)
}

/// An email of an invitation, due `now`, for the outbox.
fn outbox_mail(
    invitation_id: InvitationId,
    recipient: &str,
    kind: &str,
    (subject, body): (String, String),
    now: &str,
) -> OutboxRow {
    OutboxRow {
        id: MessageId::new(),
        invitation_id,
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
    }
}

/// Invites contacts of an open, visible survey's office that gave consent and were not invited within
/// the re-survey interval; every other contact is refused with its reason. With `Delivery::Partner` each
/// personal link (under `public_url`) is returned this once; with `Delivery::Email` an email is queued.
pub fn invite(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
    contact_ids: Vec<ContactId>,
    delivery: Delivery,
    public_url: &str,
    clock_now: DateTime<Utc>,
) -> ApiResult<Batch> {
    db::write_tx(conn, |conn| {
        let now = db::timestamp(clock_now);
        let survey = accepting_survey(conn, visibility, survey_id, &now)?;
        let settings = db::settings::get(conn)?;
        let expires_at = db::timestamp(
            clock_now + chrono::Duration::days(i64::from(settings.invitation_ttl_days)),
        );
        let resurvey_after = db::timestamp(
            clock_now - chrono::Duration::days(i64::from(settings.resurvey_interval_days)),
        );
        let found: HashMap<ContactId, ContactRow> =
            db::invitations::contacts_to_invite(conn, visibility, &contact_ids)?
                .into_iter()
                .map(|c| (c.id, c))
                .collect();
        let last_invited: HashMap<ContactId, Option<String>> =
            db::invitations::last_invited(conn, &contact_ids)?
                .into_iter()
                .collect();
        let mut seen = HashSet::new();
        let mut batch = Batch::default();
        let (mut new, mut mails) = (Vec::new(), Vec::new());
        for contact_id in contact_ids {
            let contact = found.get(&contact_id);
            let reason = if !seen.insert(contact_id) {
                Some(Refusal::Duplicate)
            } else {
                refusal(
                    contact,
                    &survey,
                    last_invited.get(&contact_id).and_then(Option::as_ref),
                    &resurvey_after,
                )
            };
            let (Some(contact), None) = (contact, reason) else {
                batch.refused.push(Refused {
                    contact_id,
                    reason: reason.unwrap_or(Refusal::NotFound),
                });
                continue;
            };
            let (token, token_hash) = respond::new_token();
            let row = InvitationRow {
                id: InvitationId::new(),
                survey_id: survey.id,
                contact_id: contact.id,
                office_id: survey.office_id,
                partner_id: survey.partner_id,
                delivery,
                status: if delivery == Delivery::Partner {
                    InvitationStatus::Sent
                } else {
                    InvitationStatus::Pending
                },
                expires_at: expires_at.clone(),
                sent_at: (delivery == Delivery::Partner).then(|| now.clone()),
                opened_at: None,
                completed_at: None,
                bounced_at: None,
                reminders_sent: 0,
                created_at: now.clone(),
                updated_at: now.clone(),
            };
            let link = match delivery {
                Delivery::Partner => Some(personal_link(public_url, &token)),
                Delivery::Email => {
                    let mail =
                        invitation_mail(public_url, contact, &survey, &token, &expires_at, false);
                    mails.push(outbox_mail(
                        row.id,
                        contact.email.as_deref().unwrap_or_default(),
                        "invitation",
                        mail,
                        &now,
                    ));
                    None
                }
            };
            new.push((row.clone(), token_hash));
            batch.invited.push(Invited {
                contact_id,
                invitation: row,
                link,
            });
        }
        db::invitations::insert_many(conn, &new)?;
        db::outbox::enqueue_many(conn, &mails)?;
        Ok(batch)
    })
}

/// A page of a visible survey's invitations, and whether more follow.
pub fn list_invitations(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
    after: Option<InvitationId>,
    limit: i64,
) -> ApiResult<Read<(Vec<InvitationRow>, bool)>> {
    let survey = db::surveys::get(conn, visibility, survey_id)?;
    let rows = db::invitations::list_for_survey(conn, survey.id, after, limit)?;
    let ids: Vec<InvitationId> = rows.0.iter().map(|row| row.id).collect();
    let answered_anonymously = db::invitations::answered_anonymously(conn, &ids)?;
    Ok(Read {
        invitations: rows,
        answered_anonymously,
    })
}

/// One visible invitation.
pub fn get_invitation(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: InvitationId,
) -> ApiResult<Read<InvitationRow>> {
    let row = db::invitations::get(conn, visibility, id)?;
    let answered_anonymously = db::invitations::answered_anonymously(conn, &[row.id])?;
    Ok(Read {
        invitations: row,
        answered_anonymously,
    })
}

/// Queues a reminder email, with a fresh personal link under `public_url`, for every unanswered and
/// unexpired emailed invitation of an open, visible survey with fewer than [`MAX_REMINDERS`]; those
/// answered anonymously are counted as reminded without a mail. Returns how many were queued.
pub fn queue_reminders(
    conn: &mut DbConnection,
    visibility: Visibility,
    survey_id: SurveyId,
    public_url: &str,
    now: &str,
) -> ApiResult<usize> {
    db::write_tx(conn, |conn| {
        let survey = accepting_survey(conn, visibility, survey_id, now)?;
        let mut mails = Vec::new();
        for invitation in db::invitations::unanswered_by_email(conn, survey.id, now)? {
            let contact = db::contacts::get(conn, Visibility::All, invitation.contact_id)?;
            let Some(email) = contact
                .email
                .as_deref()
                .filter(|_| invitation.reminders_sent < MAX_REMINDERS)
            else {
                continue;
            };
            let (token, token_hash) = respond::new_token();
            db::invitations::add_token(conn, invitation.id, &token_hash, now)?;
            let mail = invitation_mail(
                public_url,
                &contact,
                &survey,
                &token,
                &invitation.expires_at,
                true,
            );
            mails.push(outbox_mail(invitation.id, email, "reminder", mail, now));
            db::invitations::count_reminder(conn, invitation.id, now)?;
        }
        db::outbox::enqueue_many(conn, &mails)?;
        for invitation in db::invitations::answered_anonymously_by_email(conn, survey.id, now)? {
            if invitation.reminders_sent < MAX_REMINDERS {
                db::invitations::count_reminder(conn, invitation.id, now)?;
            }
        }
        Ok(mails.len())
    })
}

/// A fresh personal link (under `public_url`) for a visible invitation that, as the partner sees it, is
/// unanswered and unexpired; earlier links keep working. 409 for any other invitation.
pub fn reissue_link(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: InvitationId,
    public_url: &str,
    now: &str,
) -> ApiResult<String> {
    db::write_tx(conn, |conn| {
        let invitation = db::invitations::get(conn, visibility, id)?;
        // Judged on what the partner sees: an anonymously answered link gets a new one too
        // (it shows the questionnaire; only answering again is refused), or refusing would name it.
        let anonymous = db::invitations::was_answered_anonymously(conn, invitation.id)?;
        let shown = partner_visible_status(invitation.status, anonymous, true);
        if !shown.awaits_answer_at(invitation.expires_at.as_str(), now) {
            return Err(ApiError::conflict(
                ErrorCode::InvitationNotReissuable,
                "only an unanswered, unexpired invitation gets a new link",
            ));
        }
        let (token, token_hash) = respond::new_token();
        db::invitations::add_token(conn, invitation.id, &token_hash, now)?;
        Ok(personal_link(public_url, &token))
    })
}
