//! Survey rows: campaigns of one office, draft → open → closed.

use diesel::prelude::*;

use super::{schema::surveys, DbConnection};
use crate::{
    auth::Visibility,
    domain::{
        ids::{MembershipId, OfficeId, PartnerId, SurveyId},
        survey::SurveyStatus,
    },
    error::{ApiError, ApiResult, ErrorCode},
};

/// A stored survey.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = surveys)]
pub struct SurveyRow {
    /// Id.
    pub id: SurveyId,
    /// The office it belongs to.
    pub office_id: OfficeId,
    /// The office's membership.
    pub membership_id: MembershipId,
    /// The office's partner.
    pub partner_id: PartnerId,
    /// Title shown to respondents.
    pub title: String,
    /// `draft`, `open` or `closed`.
    pub status: SurveyStatus,
    /// Offered locales (JSON array).
    pub locales: String,
    /// When it closes by itself.
    pub closes_at: Option<String>,
    /// When it was opened.
    pub opened_at: Option<String>,
    /// When it was closed.
    pub closed_at: Option<String>,
    /// The questionnaire frozen at opening (JSON array of questions).
    pub questionnaire: Option<String>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl SurveyRow {
    /// Whether the survey accepts answers (and so invitations and reminders) at `now`.
    pub fn accepting_answers(&self, now: &str) -> bool {
        self.status
            .accepting_answers(self.closes_at.as_deref(), now)
    }
}

/// Changes to a survey.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = surveys)]
pub struct SurveyChanges {
    /// New title.
    pub title: Option<String>,
    /// New locales (JSON array).
    pub locales: Option<String>,
    /// New automatic close time (`Some(None)` clears it).
    pub closes_at: Option<Option<String>>,
    /// New status.
    pub status: Option<SurveyStatus>,
    /// Set when opening.
    pub opened_at: Option<String>,
    /// Set when closing.
    pub closed_at: Option<String>,
    /// Frozen when opening.
    pub questionnaire: Option<String>,
}

/// Inserts a survey.
pub fn insert(conn: &mut DbConnection, row: SurveyRow) -> ApiResult<SurveyRow> {
    diesel::insert_into(surveys::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

/// One survey, if visible to `scope`.
pub fn get(conn: &mut DbConnection, visibility: Visibility, id: SurveyId) -> ApiResult<SurveyRow> {
    super::scoped_get!(conn, surveys, SurveyRow, visibility, id, "survey")
}

/// A page of one office's surveys.
pub fn list_for_office(
    conn: &mut DbConnection,
    office_id: OfficeId,
    after: Option<SurveyId>,
    limit: i64,
) -> ApiResult<(Vec<SurveyRow>, bool)> {
    let query = surveys::table
        .filter(surveys::office_id.eq(office_id))
        .select(SurveyRow::as_select())
        .into_boxed();
    super::paginate!(conn, query, surveys::id, after, limit)
}

/// Applies `changes` to a survey read in the same transaction, when its version is `expected`.
pub fn update(
    conn: &mut DbConnection,
    current: &SurveyRow,
    expected: Option<i64>,
    changes: SurveyChanges,
    now: &str,
) -> ApiResult<SurveyRow> {
    super::update_versioned!(conn, surveys, current, expected, now, &changes)?;
    Ok(surveys::table
        .find(&current.id)
        .select(SurveyRow::as_select())
        .first(conn)?)
}

/// Deletes a draft survey and its custom questions.
pub fn delete_draft(
    conn: &mut DbConnection,
    current: &SurveyRow,
    expected: Option<i64>,
) -> ApiResult<()> {
    super::check_version(current.version, expected)?;
    if !current.status.can_delete() {
        return Err(ApiError::conflict(
            ErrorCode::SurveyNotDraft,
            "only a draft survey can be deleted; close it instead",
        ));
    }
    diesel::delete(
        super::schema::questions::table.filter(super::schema::questions::survey_id.eq(&current.id)),
    )
    .execute(conn)?;
    diesel::delete(surveys::table.find(&current.id)).execute(conn)?;
    Ok(())
}
