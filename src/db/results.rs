//! Aggregate queries behind compliance, results, benchmarks and the vendor's views. Counting happens in
//! SQL (grouped by month, organization or office); only one membership's responses are ever loaded.

use diesel::{
    prelude::*,
    sql_types::{BigInt, Integer, Nullable, Text},
};

use super::{Backend, DbConnection};
use crate::{
    domain::{
        compliance::Completed,
        ids::{MembershipId, OfficeId, PartnerId, QuestionId, ResponseId, SurveyId},
    },
    error::ApiResult,
};

/// A value bound into a raw query.
#[derive(Debug, Clone)]
pub enum Bind {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// Text or NULL.
    NullableText(Option<String>),
    /// A whole number or NULL.
    NullableInt(Option<i64>),
}

/// Runs raw SQL written with `?` placeholders on either backend.
pub(super) fn query<T: QueryableByName<Backend> + 'static>(
    conn: &mut DbConnection,
    sql: &str,
    binds: &[Bind],
) -> ApiResult<Vec<T>> {
    Ok(Prepared::new(sql, binds)?.load(conn)?)
}

/// Runs raw SQL written with `?` placeholders, planned for these binds and not kept: for a statement
/// whose text changes with the number of binds, or whose best plan does (PostgreSQL may keep a
/// prepared statement's generic plan from when a table was small: a lookup of 500 keys then scanned
/// the whole table, so queuing 100,000 invitations took 70 s instead of a few).
pub(super) fn query_once<T: QueryableByName<Backend> + 'static>(
    conn: &mut DbConnection,
    sql: &str,
    binds: &[Bind],
) -> ApiResult<Vec<T>> {
    let statement = Prepared {
        keep: false,
        ..Prepared::new(sql, binds)?
    };
    Ok(statement.load(conn)?)
}

/// Executes a raw statement written with `?` placeholders on either backend; returns the rows affected.
pub(super) fn execute(conn: &mut DbConnection, sql: &str, binds: &[Bind]) -> ApiResult<usize> {
    Ok(Prepared::new(sql, binds)?.execute(conn)?)
}

/// Raw SQL with `?` placeholders and its binds, which the connection prepares once and keeps (diesel
/// caches a statement by its text; its own `sql_query` never does, so every use paid a prepare, and on
/// PostgreSQL an extra round trip). The placeholders become `$1, $2, …` on PostgreSQL.
struct Prepared<'a> {
    sql: &'a str,
    binds: &'a [Bind],
    /// Whether the connection keeps the statement prepared (not always: [`insert_rows`], [`query_once`]).
    keep: bool,
}

impl<'a> Prepared<'a> {
    fn new(sql: &'a str, binds: &'a [Bind]) -> ApiResult<Self> {
        let placeholders = sql.matches('?').count();
        if placeholders != binds.len() {
            return Err(crate::error::ApiError::Internal(format!(
                "a query has {placeholders} placeholders but {} binds",
                binds.len()
            )));
        }
        Ok(Prepared {
            sql,
            binds,
            keep: true,
        })
    }
}

impl diesel::query_builder::QueryFragment<Backend> for Prepared<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> QueryResult<()> {
        if !self.keep {
            out.unsafe_to_cache_prepared();
        }
        let mut pieces = self.sql.split('?');
        out.push_sql(pieces.next().unwrap_or_default());
        for (bind, piece) in self.binds.iter().zip(pieces) {
            match bind {
                Bind::Text(value) => out.push_bind_param::<Text, String>(value)?,
                Bind::Int(value) => out.push_bind_param::<BigInt, i64>(value)?,
                Bind::NullableText(value) => {
                    out.push_bind_param::<Nullable<Text>, Option<String>>(value)?
                }
                Bind::NullableInt(value) => {
                    out.push_bind_param::<Nullable<BigInt>, Option<i64>>(value)?
                }
            }
            out.push_sql(piece);
        }
        Ok(())
    }
}

/// The most rows an insert of [`insert_rows`] may have and still stay prepared, besides full ones.
const KEPT_ROWS: usize = 64;

/// Inserts rows into `table`: `columns` names the columns and `binds` holds each row's values in
/// their order, one row after another. One statement per 500 rows, each ending with `suffix` (an
/// `ON CONFLICT` clause, or empty); returns the rows written. diesel's batch insert does not build for
/// SQLite through the multi-backend connection. The text changes with the number of rows, so only
/// statements of up to [`KEPT_ROWS`] rows (a response's answers) and full ones stay prepared: keeping
/// every size would grow the connection's statement cache without bound.
pub(super) fn insert_rows(
    conn: &mut DbConnection,
    table: &str,
    columns: &[&str],
    binds: &[Bind],
    suffix: &str,
) -> ApiResult<usize> {
    const ROWS_PER_STATEMENT: usize = 500;
    let row = format!("({})", vec!["?"; columns.len()].join(", "));
    let mut written = 0;
    for chunk in binds.chunks(ROWS_PER_STATEMENT * columns.len()) {
        let rows = chunk.len() / columns.len();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {}{suffix}",
            columns.join(", "),
            vec![row.as_str(); rows].join(", ")
        );
        let statement = Prepared {
            keep: rows <= KEPT_ROWS || rows == ROWS_PER_STATEMENT,
            ..Prepared::new(&sql, chunk)?
        };
        written += statement.execute(conn)?;
    }
    Ok(written)
}

impl diesel::query_builder::QueryId for Prepared<'_> {
    type QueryId = ();

    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::Query for Prepared<'_> {
    type SqlType = diesel::sql_types::Untyped;
}

impl RunQueryDsl<DbConnection> for Prepared<'_> {}

/// Which responses an aggregate covers.
#[derive(Debug, Clone)]
pub enum Scope {
    /// One survey.
    Survey(SurveyId),
    /// One office.
    Office(OfficeId),
    /// One membership.
    Membership(MembershipId),
}

impl Scope {
    /// The condition on responses `r` and its binds, followed by the `[from, to)` completion bounds.
    fn filter(&self, from: &str, to: &str) -> (&'static str, Vec<Bind>) {
        let (condition, id) = match self {
            Scope::Survey(id) => ("r.survey_id = ?", id.to_string()),
            Scope::Office(id) => ("r.office_id = ?", id.to_string()),
            Scope::Membership(id) => ("r.membership_id = ?", id.to_string()),
        };
        let binds = vec![
            Bind::Text(id),
            Bind::Text(from.into()),
            Bind::Text(to.into()),
        ];
        (condition, binds)
    }
}

/// Answer counts of the standard metrics per month.
#[derive(Debug, Clone, QueryableByName)]
pub struct MetricCount {
    /// `YYYY-MM` of completion.
    #[diesel(sql_type = Text)]
    pub month: String,
    /// `nsat`, `nps` or `ces`.
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

/// Standard-metric answer counts of non-voided responses completed in `[from, to)`, by month.
pub fn metric_counts(
    conn: &mut DbConnection,
    scope: &Scope,
    from: &str,
    to: &str,
) -> ApiResult<Vec<MetricCount>> {
    let (filter, binds) = scope.filter(from, to);
    let sql = format!(
        "SELECT SUBSTR(r.completed_at, 1, 7) AS month, a.metric AS metric, a.number_value AS number_value, \
         a.text_value AS text_value, CAST(COUNT(*) AS BIGINT) AS answers \
         FROM answers a JOIN responses r ON r.id = a.response_id \
         WHERE {filter} AND r.voided_at IS NULL AND r.completed_at >= ? AND r.completed_at < ? AND a.metric IN ('nsat', 'nps', 'ces') \
         GROUP BY SUBSTR(r.completed_at, 1, 7), a.metric, a.number_value, a.text_value"
    );
    query(conn, &sql, &binds)
}

/// Non-voided responses per month.
#[derive(Debug, Clone, QueryableByName)]
pub struct ResponseCount {
    /// `YYYY-MM` of completion.
    #[diesel(sql_type = Text)]
    pub month: String,
    /// How many.
    #[diesel(sql_type = BigInt)]
    pub responses: i64,
}

/// Non-voided responses completed in `[from, to)`, by month.
pub fn response_counts(
    conn: &mut DbConnection,
    scope: &Scope,
    from: &str,
    to: &str,
) -> ApiResult<Vec<ResponseCount>> {
    let (filter, binds) = scope.filter(from, to);
    let sql = format!(
        "SELECT SUBSTR(r.completed_at, 1, 7) AS month, CAST(COUNT(*) AS BIGINT) AS responses \
         FROM responses r WHERE {filter} AND r.voided_at IS NULL AND r.completed_at >= ? AND r.completed_at < ? \
         GROUP BY SUBSTR(r.completed_at, 1, 7)"
    );
    query(conn, &sql, &binds)
}

/// Answer counts per question and value (text questions left out).
#[derive(Debug, Clone, QueryableByName)]
pub struct AnswerCount {
    /// The question.
    #[diesel(sql_type = Text)]
    pub question_id: QuestionId,
    /// Number answer.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub number_value: Option<i64>,
    /// Choice answer (a JSON array for multi-choice).
    #[diesel(sql_type = Nullable<Text>)]
    pub text_value: Option<String>,
    /// How many.
    #[diesel(sql_type = BigInt)]
    pub answers: i64,
}

/// The distribution of every non-text question's answers in a scope. `standard_only` leaves custom questions out.
pub fn answer_counts(
    conn: &mut DbConnection,
    scope: &Scope,
    from: &str,
    to: &str,
    standard_only: bool,
) -> ApiResult<Vec<AnswerCount>> {
    let (filter, binds) = scope.filter(from, to);
    let standard = if standard_only {
        "AND q.survey_id IS NULL"
    } else {
        ""
    };
    let sql = format!(
        "SELECT a.question_id AS question_id, a.number_value AS number_value, a.text_value AS text_value, CAST(COUNT(*) AS BIGINT) AS answers \
         FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id \
         WHERE {filter} AND r.voided_at IS NULL AND r.completed_at >= ? AND r.completed_at < ? AND q.kind <> 'text' {standard} \
         GROUP BY a.question_id, a.number_value, a.text_value"
    );
    query(conn, &sql, &binds)
}

/// A free-text answer (a comment).
#[derive(Debug, Clone)]
pub struct TextAnswer {
    /// The question.
    pub question_id: QuestionId,
    /// The text.
    pub text_value: String,
}

/// How many answers of one survey's non-voided responses gave one value to one question, with the
/// question's metric; or one free-text answer (a comment).
#[derive(Debug, Clone, QueryableByName)]
pub struct SurveyAnswerCount {
    /// The question.
    #[diesel(sql_type = Text)]
    pub question_id: QuestionId,
    /// The question's metric (`nsat`, `nps`, `ces`), if any.
    #[diesel(sql_type = Nullable<Text>)]
    pub metric: Option<String>,
    /// Number answer.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub number_value: Option<i64>,
    /// Choice answer (a JSON array for multi-choice), or a comment's text.
    #[diesel(sql_type = Nullable<Text>)]
    pub text_value: Option<String>,
    /// How many.
    #[diesel(sql_type = BigInt)]
    pub answers: i64,
    /// 1 for a free-text answer (one row per answer), 0 for a count of a value.
    #[diesel(sql_type = Integer)]
    pub comment: i32,
}

/// The answer counts and comments of one survey, read from `survey_answer_counts` (kept by
/// [`count_response`] and [`uncount_response`]), ordered by question and text.
pub fn survey_answer_counts(
    conn: &mut DbConnection,
    survey_id: SurveyId,
) -> ApiResult<Vec<SurveyAnswerCount>> {
    query(
        conn,
        "SELECT question_id, metric, number_value, text_value, CAST(SUM(answers) AS BIGINT) AS answers, \
         CASE WHEN value_key LIKE 'text:%' THEN 1 ELSE 0 END AS comment FROM survey_answer_counts \
         WHERE survey_id = ? GROUP BY question_id, value_key, metric, number_value, text_value \
         HAVING SUM(answers) > 0 ORDER BY question_id, text_value",
        &[Bind::Text(survey_id.to_string())],
    )
}

/// The key of an answer `a` to question `q` in `survey_answer_counts`: its value as text
/// (`<number>|<text>`), or `text:<response id>` for a free-text answer, which has a row of its own.
const VALUE_KEY: &str = "CASE WHEN q.kind = 'text' THEN 'text:' || a.response_id \
     ELSE COALESCE(CAST(a.number_value AS TEXT), '') || '|' || COALESCE(a.text_value, '') END";

/// How many shards each of a survey's answer counts is split over (see the migration
/// `counter_shards`): concurrent answers to one survey then rarely update the same row.
const COUNT_SHARDS: u8 = 8;

/// Adds the stored answers of the new response `response_id` to its survey's answer counts and
/// comments (in the transaction that stores it).
pub fn count_response(conn: &mut DbConnection, response_id: ResponseId) -> ApiResult<()> {
    adjust_counts(conn, response_id, 1)
}

/// Takes the answers of the response `response_id`, just voided, out of its survey's answer counts
/// and comments (in the transaction that voids it).
pub fn uncount_response(conn: &mut DbConnection, response_id: ResponseId) -> ApiResult<()> {
    adjust_counts(conn, response_id, -1)
}

/// Adds `delta` to the counts of response `response_id`'s answers, in the response's own shard.
fn adjust_counts(conn: &mut DbConnection, response_id: ResponseId, delta: i64) -> ApiResult<()> {
    let shard = uuid::Uuid::from(response_id).as_bytes()[15] % COUNT_SHARDS;
    let counted = if delta > 0 {
        "AND r.voided_at IS NULL"
    } else {
        ""
    };
    let sql = format!(
        "INSERT INTO survey_answer_counts (survey_id, question_id, value_key, shard, metric, number_value, text_value, answers) \
         SELECT r.survey_id, a.question_id, {VALUE_KEY}, ?, a.metric, a.number_value, a.text_value, ? \
         FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id \
         WHERE a.response_id = ? {counted} AND (q.kind <> 'text' OR a.text_value IS NOT NULL) \
         ON CONFLICT (survey_id, question_id, value_key, shard) DO UPDATE SET answers = survey_answer_counts.answers + excluded.answers"
    );
    execute(
        conn,
        &sql,
        &[
            Bind::Int(i64::from(shard)),
            Bind::Int(delta),
            Bind::Text(response_id.to_string()),
        ],
    )?;
    Ok(())
}

/// A count.
#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How many non-voided responses one survey has (from an index alone).
pub fn survey_responses(conn: &mut DbConnection, survey_id: SurveyId) -> ApiResult<i64> {
    let rows: Vec<Count> = query(
        conn,
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM responses WHERE survey_id = ? AND voided_at IS NULL",
        &[Bind::Text(survey_id.to_string())],
    )?;
    Ok(rows.first().map_or(0, |c| c.n))
}

#[derive(QueryableByName)]
struct CompletedRow {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Text)]
    office_id: String,
    #[diesel(sql_type = Text)]
    org_key: String,
    #[diesel(sql_type = Text)]
    completed_at: String,
    #[diesel(sql_type = Integer)]
    voided: i32,
    #[diesel(sql_type = Integer)]
    anonymous: i32,
}

/// Every response of one membership, as the rule sees it (cost grows with this membership's responses only).
pub fn membership_responses(
    conn: &mut DbConnection,
    membership_id: MembershipId,
) -> ApiResult<Vec<Completed>> {
    let rows: Vec<CompletedRow> = query(
        conn,
        "SELECT id, office_id, org_key, completed_at, CASE WHEN voided_at IS NULL THEN 0 ELSE 1 END AS voided, \
         anonymous FROM responses WHERE membership_id = ? ORDER BY completed_at, id",
        &[Bind::Text(membership_id.to_string())],
    )?;
    rows.into_iter()
        .map(|row| {
            Ok(Completed {
                completed_on: super::parse_timestamp(&row.completed_at)?.date_naive(),
                id: row.id,
                office_id: row.office_id,
                org_key: row.org_key,
                voided: row.voided != 0,
                anonymous: row.anonymous != 0,
            })
        })
        .collect()
}

/// One office's counts in a window, computed in SQL.
#[derive(Debug, Clone, QueryableByName)]
pub struct OfficeCount {
    /// The membership.
    #[diesel(sql_type = Text)]
    pub membership_id: MembershipId,
    /// The office.
    #[diesel(sql_type = Text)]
    pub office_id: OfficeId,
    /// Completed, non-voided responses in the window.
    #[diesel(sql_type = BigInt)]
    pub completed: i64,
    /// Counted (the first `cap` per organization).
    #[diesel(sql_type = BigInt)]
    pub counted: i64,
}

/// Counts of every office with responses in `[from, to)`, the organization cap applied in SQL. Which of an
/// organization's responses count depends on completion order, but how many never does: `min(cap, n)`.
pub fn office_counts(
    conn: &mut DbConnection,
    from: &str,
    to: &str,
    cap: i64,
    membership_id: Option<MembershipId>,
) -> ApiResult<Vec<OfficeCount>> {
    let (filter, mut binds) = match membership_id {
        Some(id) => ("AND r.membership_id = ?", vec![Bind::Text(id.to_string())]),
        None => ("", Vec::new()),
    };
    let sql = format!(
        "WITH per_organization AS ( \
           SELECT r.membership_id, r.office_id, COUNT(*) AS n FROM responses r \
           WHERE r.voided_at IS NULL AND r.completed_at >= ? AND r.completed_at < ? {filter} \
           GROUP BY r.office_id, r.org_key, r.membership_id) \
         SELECT membership_id, office_id, CAST(SUM(n) AS BIGINT) AS completed, \
           CAST(SUM(CASE WHEN n > ? THEN ? ELSE n END) AS BIGINT) AS counted \
         FROM per_organization GROUP BY membership_id, office_id ORDER BY membership_id, office_id"
    );
    let mut all = vec![Bind::Text(from.into()), Bind::Text(to.into())];
    all.append(&mut binds);
    all.extend([Bind::Int(cap), Bind::Int(cap)]);
    query(conn, &sql, &all)
}

/// A membership with the countries of its offices.
#[derive(Debug, Clone, QueryableByName)]
pub struct MembershipCountry {
    /// The membership.
    #[diesel(sql_type = Text)]
    pub membership_id: MembershipId,
    /// Its partner.
    #[diesel(sql_type = Text)]
    pub partner_id: PartnerId,
    /// Its number.
    #[diesel(sql_type = Text)]
    pub membership_number: String,
    /// An office country (empty when it has no office).
    #[diesel(sql_type = Text)]
    pub country: String,
}

/// Every membership with each of its office countries, in membership order.
pub fn membership_countries(conn: &mut DbConnection) -> ApiResult<Vec<MembershipCountry>> {
    query(
        conn,
        "SELECT m.id AS membership_id, m.partner_id AS partner_id, m.membership_number AS membership_number, COALESCE(o.country, '') AS country \
         FROM memberships m LEFT JOIN offices o ON o.membership_id = m.id GROUP BY m.id, m.partner_id, m.membership_number, o.country ORDER BY m.id, o.country",
        &[],
    )
}

/// An office with its membership, partner and country.
#[derive(Debug, Clone, QueryableByName)]
pub struct OfficeOfMembership {
    /// The office.
    #[diesel(sql_type = Text)]
    pub office_id: OfficeId,
    /// Its membership.
    #[diesel(sql_type = Text)]
    pub membership_id: MembershipId,
    /// Its partner.
    #[diesel(sql_type = Text)]
    pub partner_id: PartnerId,
    /// Its country.
    #[diesel(sql_type = Text)]
    pub country: String,
}

/// Every office, in membership order.
pub fn offices_of_all(conn: &mut DbConnection) -> ApiResult<Vec<OfficeOfMembership>> {
    query(
        conn,
        "SELECT id AS office_id, membership_id, partner_id, country FROM offices ORDER BY membership_id, id",
        &[],
    )
}
