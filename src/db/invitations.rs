//! Invitations (one personal link per contact and survey) and the hashes of their tokens.

use diesel::prelude::*;

use super::{
    contacts::ContactRow,
    results::{execute, insert_rows, query_once, Bind},
    schema::{contacts, invitation_tokens, invitations, program_settings, surveys},
    settings::SETTINGS_ROW,
    surveys::SurveyRow,
    types::StoredText,
    DbConnection,
};
use crate::{
    auth::Visibility,
    domain::{
        ids::{ContactId, InvitationId, OfficeId, PartnerId, SurveyId},
        invitation::{Delivery, InvitationStatus},
    },
    error::{ApiError, ApiResult},
};

/// A stored invitation.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
pub struct InvitationRow {
    /// Id.
    pub id: InvitationId,
    /// The survey.
    pub survey_id: SurveyId,
    /// The invited contact.
    pub contact_id: ContactId,
    /// The survey's office.
    pub office_id: OfficeId,
    /// The office's partner.
    pub partner_id: PartnerId,
    /// `partner` (the partner sends the link) or `email` (queued here).
    pub delivery: Delivery,
    /// `pending`, `sent`, `opened`, `completed` or `bounced` (expiry is computed).
    pub status: InvitationStatus,
    /// When the link stops working.
    pub expires_at: String,
    /// When the email was delivered or the link handed to the partner.
    pub sent_at: Option<String>,
    /// When the respondent first opened the questionnaire.
    pub opened_at: Option<String>,
    /// When the response was submitted.
    pub completed_at: Option<String>,
    /// When delivery failed for good.
    pub bounced_at: Option<String>,
    /// Reminders queued so far.
    pub reminders_sent: i32,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl InvitationRow {
    /// Whether the link can still be answered on `now` (unanswered, not bounced, not expired).
    pub fn awaits_answer(&self, now: &str) -> bool {
        self.status.awaits_answer_at(self.expires_at.as_str(), now)
    }
}

/// Inserts new invitations, each with the hash of its first token, a few statements for all.
pub fn insert_many(conn: &mut DbConnection, rows: &[(InvitationRow, String)]) -> ApiResult<()> {
    let invitations: Vec<Bind> = rows
        .iter()
        .flat_map(|(row, _)| {
            [
                Bind::Text(row.id.to_string()),
                Bind::Text(row.survey_id.to_string()),
                Bind::Text(row.contact_id.to_string()),
                Bind::Text(row.office_id.to_string()),
                Bind::Text(row.partner_id.to_string()),
                Bind::Text(row.delivery.to_text().into_owned()),
                Bind::Text(row.status.to_text().into_owned()),
                Bind::Text(row.expires_at.clone()),
                Bind::NullableText(row.sent_at.clone()),
                Bind::NullableText(row.opened_at.clone()),
                Bind::NullableText(row.completed_at.clone()),
                Bind::NullableText(row.bounced_at.clone()),
                Bind::Int(row.reminders_sent.into()),
                Bind::Text(row.created_at.clone()),
                Bind::Text(row.updated_at.clone()),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "invitations",
        &[
            "id",
            "survey_id",
            "contact_id",
            "office_id",
            "partner_id",
            "delivery",
            "status",
            "expires_at",
            "sent_at",
            "opened_at",
            "completed_at",
            "bounced_at",
            "reminders_sent",
            "created_at",
            "updated_at",
        ],
        &invitations,
        "",
    )?;
    let tokens: Vec<Bind> = rows
        .iter()
        .flat_map(|(row, token_hash)| {
            [
                Bind::Text(token_hash.clone()),
                Bind::Text(row.id.to_string()),
                Bind::Text(row.created_at.clone()),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "invitation_tokens",
        &["token_hash", "invitation_id", "created_at"],
        &tokens,
        "",
    )?;
    Ok(())
}

/// Records another token (a reminder's link) for an invitation.
pub fn add_token(
    conn: &mut DbConnection,
    invitation_id: InvitationId,
    token_hash: &str,
    now: &str,
) -> ApiResult<()> {
    diesel::insert_into(invitation_tokens::table)
        .values((
            invitation_tokens::token_hash.eq(token_hash),
            invitation_tokens::invitation_id.eq(invitation_id),
            invitation_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// What a personal link leads to: its invitation, the contact's locale and customer organization,
/// the survey, and the program's default locale.
pub struct Link {
    /// The invitation.
    pub invitation: InvitationRow,
    /// The contact's preferred locale, if known.
    pub contact_locale: Option<String>,
    /// The contact's customer organization key.
    pub contact_org_key: String,
    /// The survey.
    pub survey: SurveyRow,
    /// The program's default locale.
    pub program_locale: String,
}

/// What the token whose hash is `token_hash` leads to, in one query.
pub fn find_link(conn: &mut DbConnection, token_hash: &str) -> ApiResult<Option<Link>> {
    let found = invitations::table
        .inner_join(invitation_tokens::table)
        .inner_join(contacts::table)
        .inner_join(surveys::table)
        .inner_join(program_settings::table.on(program_settings::id.eq(SETTINGS_ROW)))
        .filter(invitation_tokens::token_hash.eq(token_hash))
        .select((
            InvitationRow::as_select(),
            contacts::locale,
            contacts::org_key,
            SurveyRow::as_select(),
            program_settings::default_locale,
        ))
        .first::<(InvitationRow, Option<String>, String, SurveyRow, String)>(conn)
        .optional()?;
    Ok(found.map(
        |(invitation, contact_locale, contact_org_key, survey, program_locale)| Link {
            invitation,
            contact_locale,
            contact_org_key,
            survey,
            program_locale,
        },
    ))
}

/// One invitation, if visible to `scope`.
pub fn get(
    conn: &mut DbConnection,
    visibility: Visibility,
    id: InvitationId,
) -> ApiResult<InvitationRow> {
    super::scoped_get!(
        conn,
        invitations,
        InvitationRow,
        visibility,
        id,
        "invitation"
    )
}

/// Which of these invitations were answered anonymously.
pub fn answered_anonymously(
    conn: &mut DbConnection,
    invitation_ids: &[InvitationId],
) -> ApiResult<std::collections::HashSet<InvitationId>> {
    use super::schema::responses;
    let ids: Vec<Option<InvitationId>> = responses::table
        .filter(responses::invitation_id.eq_any(invitation_ids))
        .filter(responses::anonymous.eq(1))
        .select(responses::invitation_id)
        .load(conn)?;
    Ok(ids.into_iter().flatten().collect())
}

/// Whether this invitation was answered anonymously.
pub fn was_answered_anonymously(
    conn: &mut DbConnection,
    invitation_id: InvitationId,
) -> ApiResult<bool> {
    Ok(!answered_anonymously(conn, &[invitation_id])?.is_empty())
}

/// Emailed invitations of a survey answered anonymously and not expired: a reminder round counts
/// them as reminded (no mail is sent), so their reminder count cannot tell them apart.
pub fn answered_anonymously_by_email(
    conn: &mut DbConnection,
    survey_id: SurveyId,
    now: &str,
) -> ApiResult<Vec<InvitationRow>> {
    use super::schema::responses;
    let anonymous = responses::table
        .filter(responses::survey_id.eq(survey_id))
        .filter(responses::anonymous.eq(1))
        .select(responses::invitation_id);
    Ok(invitations::table
        .filter(invitations::survey_id.eq(survey_id))
        .filter(invitations::delivery.eq("email"))
        .filter(invitations::expires_at.gt(now))
        .filter(invitations::id.nullable().eq_any(anonymous))
        .select(InvitationRow::as_select())
        .load(conn)?)
}

/// A page of one survey's invitations.
pub fn list_for_survey(
    conn: &mut DbConnection,
    survey_id: SurveyId,
    after: Option<InvitationId>,
    limit: i64,
) -> ApiResult<(Vec<InvitationRow>, bool)> {
    let query = invitations::table
        .filter(invitations::survey_id.eq(survey_id))
        .select(InvitationRow::as_select())
        .into_boxed();
    super::paginate!(conn, query, invitations::id, after, limit)
}

/// Unanswered, unexpired email invitations of a survey (candidates for a reminder).
pub fn unanswered_by_email(
    conn: &mut DbConnection,
    survey_id: SurveyId,
    now: &str,
) -> ApiResult<Vec<InvitationRow>> {
    Ok(invitations::table
        .filter(invitations::survey_id.eq(survey_id))
        .filter(invitations::delivery.eq("email"))
        .filter(invitations::status.eq_any(InvitationStatus::AWAITING))
        .filter(invitations::expires_at.gt(now))
        .select(InvitationRow::as_select())
        .order(invitations::id.asc())
        .load(conn)?)
}

/// The contacts among `ids` visible to `visibility` (those an invitation batch may name).
pub fn contacts_to_invite(
    conn: &mut DbConnection,
    visibility: Visibility,
    ids: &[ContactId],
) -> ApiResult<Vec<ContactRow>> {
    let mut query = contacts::table
        .filter(contacts::id.eq_any(ids))
        .select(ContactRow::as_select())
        .into_boxed();
    if let Some(own) = visibility.partner() {
        query = query.filter(contacts::partner_id.eq(own));
    }
    Ok(query.load(conn)?)
}

/// When each of these contacts was last invited to any survey (contacts never invited are left out).
pub fn last_invited(
    conn: &mut DbConnection,
    contact_ids: &[ContactId],
) -> ApiResult<Vec<(ContactId, Option<String>)>> {
    if contact_ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT contact_id, MAX(created_at) AS last FROM invitations WHERE contact_id IN ({}) GROUP BY contact_id",
        vec!["?"; contact_ids.len()].join(", ")
    );
    let binds: Vec<Bind> = contact_ids
        .iter()
        .map(|id| Bind::Text(id.to_string()))
        .collect();
    let rows: Vec<LastInvited> = query_once(conn, &sql, &binds)?;
    Ok(rows
        .into_iter()
        .map(|row| (row.contact_id, row.last))
        .collect())
}

#[derive(QueryableByName)]
struct LastInvited {
    #[diesel(sql_type = diesel::sql_types::Text)]
    contact_id: ContactId,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    last: Option<String>,
}

/// Moves an invitation to `status`, stamping `now` in the matching column; only from the states
/// that lead to it ([`InvitationStatus::reached_from`]). Whether it moved.
pub fn advance(
    conn: &mut DbConnection,
    id: InvitationId,
    status: InvitationStatus,
    now: &str,
) -> ApiResult<bool> {
    // Each stage stamps its own column. Raw SQL, which the connection keeps prepared (diesel does not
    // keep a statement with `eq_any`; this one runs with every answer).
    let column = match status {
        InvitationStatus::Sent => "sent_at",
        InvitationStatus::Opened => "opened_at",
        InvitationStatus::Completed => "completed_at",
        InvitationStatus::Bounced => "bounced_at",
        other @ (InvitationStatus::Pending | InvitationStatus::Expired) => {
            return Err(ApiError::Internal(format!(
                "an invitation does not advance to `{other}`"
            )))
        }
    };
    let from = status.reached_from();
    let sql = format!(
        "UPDATE invitations SET {column} = ?, status = ?, updated_at = ? WHERE id = ? AND status IN ({})",
        vec!["?"; from.len()].join(", ")
    );
    let mut binds = vec![
        Bind::Text(now.to_owned()),
        Bind::Text(status.to_text().into_owned()),
        Bind::Text(now.to_owned()),
        Bind::Text(id.to_string()),
    ];
    binds.extend(from.iter().map(|s| Bind::Text(s.to_text().into_owned())));
    Ok(execute(conn, &sql, &binds)? == 1)
}

/// Records when a link was first delivered, whatever its state by then (a link answered before its
/// email was stamped would otherwise stay undelivered, and tell itself apart from the others).
pub fn stamp_delivery(conn: &mut DbConnection, id: InvitationId, now: &str) -> ApiResult<()> {
    diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::sent_at.is_null()),
    )
    .set(invitations::sent_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Counts a queued reminder.
pub fn count_reminder(conn: &mut DbConnection, id: InvitationId, now: &str) -> ApiResult<()> {
    diesel::update(invitations::table.find(id))
        .set((
            invitations::reminders_sent.eq(invitations::reminders_sent + 1),
            invitations::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
