//! Published figures: each quarter's frozen answer counts, the cells disclosure control decided, and
//! the audit trail of publications and restatements.

use diesel::{
    prelude::*,
    sql_types::{BigInt, Nullable, Text},
};

use super::{
    results::{execute, query, Bind},
    schema::{publications, published_cells},
    DbConnection,
};
use crate::{
    domain::{
        disclosure::{Atom, Key, Quarter, Scope, Span},
        ids::{MembershipId, PartnerId},
    },
    error::{ApiError, ApiResult},
};

/// One publication of a quarter: the first when its period closed, then one per restatement.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = publications)]
pub struct PublicationRow {
    /// `2026-Q3`.
    pub quarter: String,
    /// 1 for the first publication, then one more per restatement.
    pub revision: i32,
    /// When.
    pub published_at: String,
    /// Who (the token's subject).
    pub published_by: String,
    /// Why it was restated (`None` for the first publication).
    pub reason: Option<String>,
    /// The quarter's responses as published.
    pub responses: i64,
    /// Responses added or voided since the previous revision (0 for the first).
    pub changed_responses: i64,
}

/// Every publication, oldest quarter and revision first.
pub fn all(conn: &mut DbConnection) -> ApiResult<Vec<PublicationRow>> {
    Ok(publications::table
        .select(PublicationRow::as_select())
        .order((publications::quarter.asc(), publications::revision.asc()))
        .load(conn)?)
}

/// The latest publication of `quarter`, if it was published.
pub fn latest(conn: &mut DbConnection, quarter: Quarter) -> ApiResult<Option<PublicationRow>> {
    Ok(publications::table
        .filter(publications::quarter.eq(quarter.to_string()))
        .order(publications::revision.desc())
        .select(PublicationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Records a publication.
pub fn record(conn: &mut DbConnection, row: &PublicationRow) -> ApiResult<()> {
    diesel::insert_into(publications::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Freezes `quarter`'s answers as they stand now, replacing what was frozen before; returns its responses.
pub fn freeze(conn: &mut DbConnection, quarter: Quarter) -> ApiResult<i64> {
    let id = quarter.to_string();
    let (from, to) = super::bounds(quarter.starts_on(), quarter.ends_on());
    execute(
        conn,
        "DELETE FROM published_counts WHERE quarter = ?",
        &[Bind::Text(id.clone())],
    )?;
    let binds = [Bind::Text(id), Bind::Text(from), Bind::Text(to)];
    let responses = execute(
        conn,
        "INSERT INTO published_counts (quarter, membership_id, partner_id, country, metric, number_value, text_value, answers) \
         SELECT ?, r.membership_id, r.partner_id, o.country, 'responses', CAST(NULL AS BIGINT), CAST(NULL AS TEXT), COUNT(*) \
         FROM responses r JOIN offices o ON o.id = r.office_id \
         WHERE r.voided_at IS NULL AND r.completed_at >= ? AND r.completed_at < ? \
         GROUP BY r.membership_id, r.partner_id, o.country",
        &binds,
    )?;
    if responses > 0 {
        execute(
            conn,
            "INSERT INTO published_counts (quarter, membership_id, partner_id, country, metric, number_value, text_value, answers) \
             SELECT ?, r.membership_id, r.partner_id, o.country, a.metric, a.number_value, a.text_value, COUNT(*) \
             FROM answers a JOIN responses r ON r.id = a.response_id JOIN offices o ON o.id = r.office_id \
             WHERE r.voided_at IS NULL AND r.completed_at >= ? AND r.completed_at < ? AND a.metric IN ('nsat', 'nps', 'ces') \
             GROUP BY r.membership_id, r.partner_id, o.country, a.metric, a.number_value, a.text_value",
            &binds,
        )?;
    }
    Ok(frozen(conn, quarter, quarter)?
        .iter()
        .filter(|row| row.metric == "responses")
        .map(|row| row.answers)
        .sum())
}

/// A frozen count: responses (`metric` = `responses`) or one standard metric's answers with one value.
#[derive(Debug, Clone, QueryableByName)]
pub struct FrozenCount {
    /// `2026-Q3`.
    #[diesel(sql_type = Text)]
    pub quarter: String,
    /// The membership.
    #[diesel(sql_type = Text)]
    pub membership_id: MembershipId,
    /// Its partner.
    #[diesel(sql_type = Text)]
    pub partner_id: PartnerId,
    /// The office country.
    #[diesel(sql_type = Text)]
    pub country: String,
    /// `responses`, `nsat`, `nps` or `ces`.
    #[diesel(sql_type = Text)]
    pub metric: String,
    /// Number answer.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub number_value: Option<i64>,
    /// Text answer.
    #[diesel(sql_type = Nullable<Text>)]
    pub text_value: Option<String>,
    /// How many.
    #[diesel(sql_type = BigInt)]
    pub answers: i64,
}

impl FrozenCount {
    /// The atom it belongs to (its `answers` are the responses only when `metric` is `responses`).
    pub fn atom(&self) -> ApiResult<Atom> {
        Ok(Atom {
            membership: self.membership_id.to_string(),
            partner: self.partner_id.to_string(),
            country: self.country.clone(),
            quarter: parse_quarter(&self.quarter)?,
            responses: u64::try_from(self.answers).unwrap_or(0),
        })
    }
}

/// The frozen counts of the quarters `first` to `last`.
pub fn frozen(
    conn: &mut DbConnection,
    first: Quarter,
    last: Quarter,
) -> ApiResult<Vec<FrozenCount>> {
    query(
        conn,
        "SELECT quarter, membership_id, partner_id, country, metric, number_value, text_value, answers \
         FROM published_counts WHERE quarter >= ? AND quarter <= ?",
        &[Bind::Text(first.to_string()), Bind::Text(last.to_string())],
    )
}

/// The atoms (responses per membership and country) of the quarters `first` to `last`, as frozen.
pub fn frozen_atoms(
    conn: &mut DbConnection,
    first: Quarter,
    last: Quarter,
) -> ApiResult<Vec<Atom>> {
    frozen(conn, first, last)?
        .iter()
        .filter(|row| row.metric == "responses")
        .map(FrozenCount::atom)
        .collect()
}

#[derive(QueryableByName)]
struct ChangedRow {
    #[diesel(sql_type = Text)]
    membership_id: String,
    #[diesel(sql_type = Text)]
    partner_id: String,
    #[diesel(sql_type = Text)]
    country: String,
    #[diesel(sql_type = BigInt)]
    responses: i64,
}

/// The responses of `quarter` added (and not voided) or voided since `since`, as atoms: what a
/// restatement would change.
pub fn changed_since(
    conn: &mut DbConnection,
    quarter: Quarter,
    since: &str,
) -> ApiResult<Vec<Atom>> {
    let (from, to) = super::bounds(quarter.starts_on(), quarter.ends_on());
    let rows: Vec<ChangedRow> = query(
        conn,
        "SELECT r.membership_id AS membership_id, r.partner_id AS partner_id, o.country AS country, \
         CAST(COUNT(*) AS BIGINT) AS responses FROM responses r JOIN offices o ON o.id = r.office_id \
         WHERE r.completed_at >= ? AND r.completed_at < ? \
         AND ((r.created_at > ? AND r.voided_at IS NULL) OR (r.created_at <= ? AND r.voided_at > ?)) \
         GROUP BY r.membership_id, r.partner_id, o.country",
        &[
            Bind::Text(from),
            Bind::Text(to),
            Bind::Text(since.into()),
            Bind::Text(since.into()),
            Bind::Text(since.into()),
        ],
    )?;
    Ok(rows
        .into_iter()
        .map(|row| Atom {
            membership: row.membership_id,
            partner: row.partner_id,
            country: row.country,
            quarter,
            responses: u64::try_from(row.responses).unwrap_or(0),
        })
        .collect())
}

/// A cell as stored.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = published_cells)]
struct CellRow {
    scope: String,
    scope_id: String,
    first_quarter: String,
    last_quarter: String,
    shown: i32,
    shown_at: Option<String>,
}

fn parse_quarter(id: &str) -> ApiResult<Quarter> {
    Quarter::parse(id)
        .ok_or_else(|| ApiError::Internal(format!("stored quarter `{id}` is invalid")))
}

/// A decided cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    /// The cell.
    pub key: Key,
    /// Whether it is shown.
    pub shown: bool,
    /// When the figure readers last saw of it was published (`None`: never shown).
    pub shown_at: Option<String>,
}

impl CellRow {
    fn of(key: &Key, shown: bool, shown_at: Option<String>) -> CellRow {
        let (scope, scope_id) = match &key.scope {
            Scope::Program => ("program", ""),
            Scope::Country(country) => ("country", country.as_str()),
            Scope::Membership(membership) => ("membership", membership.as_str()),
        };
        CellRow {
            scope: scope.into(),
            scope_id: scope_id.into(),
            first_quarter: key.span.first().to_string(),
            last_quarter: key.span.last().to_string(),
            shown: i32::from(shown),
            shown_at,
        }
    }

    fn decided(self) -> ApiResult<Decided> {
        let span = Span::new(
            parse_quarter(&self.first_quarter)?,
            parse_quarter(&self.last_quarter)?,
        )
        .ok_or_else(|| ApiError::Internal("stored span is reversed".into()))?;
        let scope = match self.scope.as_str() {
            "program" => Scope::Program,
            "country" => Scope::Country(self.scope_id),
            "membership" => Scope::Membership(self.scope_id),
            other => {
                return Err(ApiError::Internal(format!(
                    "stored scope `{other}` is invalid"
                )))
            }
        };
        Ok(Decided {
            key: Key { scope, span },
            shown: self.shown != 0,
            shown_at: self.shown_at,
        })
    }
}

/// Every decided cell whose span lies within the quarters `first` to `last`.
pub fn cells(conn: &mut DbConnection, first: Quarter, last: Quarter) -> ApiResult<Vec<Decided>> {
    published_cells::table
        .filter(published_cells::first_quarter.ge(first.to_string()))
        .filter(published_cells::last_quarter.le(last.to_string()))
        .select(CellRow::as_select())
        .order((
            published_cells::first_quarter.asc(),
            published_cells::last_quarter.asc(),
            published_cells::scope.asc(),
            published_cells::scope_id.asc(),
        ))
        .load(conn)?
        .into_iter()
        .map(CellRow::decided)
        .collect()
}

/// Stores the decisions of a publication made `at`, replacing earlier ones of the same cells; a cell
/// suppressed now keeps the time of the figure last shown.
pub fn decide(conn: &mut DbConnection, decided: &[(Key, bool)], at: &str) -> ApiResult<()> {
    for (key, shown) in decided {
        let row = CellRow::of(key, *shown, None);
        let same = published_cells::table
            .filter(published_cells::scope.eq(&row.scope))
            .filter(published_cells::scope_id.eq(&row.scope_id))
            .filter(published_cells::first_quarter.eq(&row.first_quarter))
            .filter(published_cells::last_quarter.eq(&row.last_quarter));
        let before: Option<Option<String>> = same
            .select(published_cells::shown_at)
            .first(conn)
            .optional()?;
        let shown_at = match shown {
            true => Some(at.to_owned()),
            false => before.clone().flatten(),
        };
        diesel::delete(same).execute(conn)?;
        diesel::insert_into(published_cells::table)
            .values(CellRow::of(key, *shown, shown_at))
            .execute(conn)?;
    }
    Ok(())
}
