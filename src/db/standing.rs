//! Each membership's stored compliance of today (`membership_standings`), what the program-wide list
//! reads: one row per membership, kept by `service::standing`.

use diesel::{prelude::*, sql_types::Text};

use super::{
    results::{query, Bind},
    schema::{membership_standings, memberships, offices},
    DbConnection,
};
use crate::{
    domain::ids::{MembershipId, PartnerId},
    error::ApiResult,
};

/// A membership's stored standing.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = membership_standings)]
pub struct StandingRow {
    /// The membership.
    pub membership_id: MembershipId,
    /// Its partner.
    pub partner_id: PartnerId,
    /// `met` or `not_met`.
    pub status: String,
    /// Counted responses of its best office.
    pub best_office_counted: i64,
    /// The day (`YYYY-MM-DD`) it was computed for.
    pub computed_on: String,
    /// The last day (`YYYY-MM-DD`) it holds without a write; `None` until a write.
    pub valid_until: Option<String>,
    /// How many of the membership's changes ([`touch`]) the figures include ([`Changes::total`]).
    pub changes_seen: i64,
}

/// The stored status of a met membership.
pub const MET: &str = "met";
/// The stored status of a membership that does not meet the rule.
pub const NOT_MET: &str = "not_met";

#[derive(QueryableByName)]
struct Owner {
    #[diesel(sql_type = Text)]
    partner_id: PartnerId,
}

/// The partner of membership `id`, the membership locked until the transaction ends on PostgreSQL
/// (SQLite's write transactions already run one at a time); `None` when it does not exist. Whoever
/// recomputes a membership's row takes this lock first, so two recomputations of one membership take
/// turns; an answer committed meanwhile is caught by the change count ([`touch`]). `FOR NO KEY UPDATE`,
/// not `FOR UPDATE`: storing a response takes a key-share lock on its membership (the foreign key),
/// which `FOR UPDATE` would wait for, so answers and recomputations would deadlock.
pub fn lock_membership(conn: &mut DbConnection, id: MembershipId) -> ApiResult<Option<PartnerId>> {
    let lock = match conn {
        DbConnection::Postgresql(_) => " FOR NO KEY UPDATE",
        DbConnection::Sqlite(_) => "",
    };
    let owners: Vec<Owner> = query(
        conn,
        &format!("SELECT partner_id FROM memberships WHERE id = ?{lock}"),
        &[Bind::Text(id.to_string())],
    )?;
    Ok(owners.into_iter().next().map(|o| o.partner_id))
}

/// Stores `row` in place of the membership's previous one; what it saw is marked by [`mark_seen`], so
/// a change noted by a transaction that committed while this row was computed keeps it stale.
pub fn replace(conn: &mut DbConnection, row: &StandingRow) -> ApiResult<()> {
    super::results::execute(
        conn,
        "INSERT INTO membership_standings (membership_id, partner_id, status, best_office_counted, computed_on, \
         valid_until, changes_seen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (membership_id) DO UPDATE SET \
         partner_id = excluded.partner_id, status = excluded.status, \
         best_office_counted = excluded.best_office_counted, computed_on = excluded.computed_on, \
         valid_until = excluded.valid_until, changes_seen = excluded.changes_seen",
        &[
            Bind::Text(row.membership_id.to_string()),
            Bind::Text(row.partner_id.to_string()),
            Bind::Text(row.status.clone()),
            Bind::Int(row.best_office_counted),
            Bind::Text(row.computed_on.clone()),
            Bind::NullableText(row.valid_until.clone()),
            Bind::Int(row.changes_seen),
        ],
    )?;
    Ok(())
}

/// The stored status of membership `id` (`met` or `not_met`), if it has a row.
pub fn status(conn: &mut DbConnection, id: MembershipId) -> ApiResult<Option<String>> {
    Ok(membership_standings::table
        .find(id)
        .select(membership_standings::status)
        .first(conn)
        .optional()?)
}

/// Changes membership `id`'s stored status from `from` to `to` only if it still is `from`; whether it
/// did. Of two recomputations that see the same flip (the list and the events worker, or two replicas)
/// only the one whose update changed the row announces it: on PostgreSQL the second update waits for
/// the first to commit, then finds the status changed and matches nothing.
pub fn flip(conn: &mut DbConnection, id: MembershipId, from: &str, to: &str) -> ApiResult<bool> {
    let flipped = diesel::update(
        membership_standings::table
            .find(id)
            .filter(membership_standings::status.eq(from)),
    )
    .set(membership_standings::status.eq(to))
    .execute(conn)?;
    Ok(flipped == 1)
}

/// How many shards a membership's count of changes is split over (see the migration `counter_shards`):
/// answers to one membership committing together then rarely update the same row.
const CHANGE_SHARDS: u8 = 8;

/// Notes a change to membership `id`'s responses, in the transaction that made it: its row is stale
/// until recomputed. One small upsert into a random shard, so answering never waits for a
/// recomputation and seldom for another answer.
pub fn touch(conn: &mut DbConnection, id: MembershipId) -> ApiResult<()> {
    let shard = uuid::Uuid::new_v4().as_bytes()[0] % CHANGE_SHARDS;
    super::results::execute(
        conn,
        "INSERT INTO standing_changes (membership_id, shard, changes, changes_seen) VALUES (?, ?, 1, 0) \
         ON CONFLICT (membership_id, shard) DO UPDATE SET changes = standing_changes.changes + 1",
        &[Bind::Text(id.to_string()), Bind::Int(i64::from(shard))],
    )?;
    Ok(())
}

/// The changes noted for one membership so far, per shard.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes(Vec<ShardChanges>);

#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
struct ShardChanges {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    shard: i32,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    changes: i64,
}

impl Changes {
    /// How many in all: a later reading never has fewer.
    pub fn total(&self) -> i64 {
        self.0.iter().map(|shard| shard.changes).sum()
    }
}

/// The changes noted for membership `id` so far.
pub fn changes(conn: &mut DbConnection, id: MembershipId) -> ApiResult<Changes> {
    Ok(Changes(query(
        conn,
        "SELECT shard, changes FROM standing_changes WHERE membership_id = ?",
        &[Bind::Text(id.to_string())],
    )?))
}

/// Marks the changes `seen` of membership `id` as included in its stored row (changes noted since
/// keep it stale).
pub fn mark_seen(conn: &mut DbConnection, id: MembershipId, seen: &Changes) -> ApiResult<()> {
    if seen.0.is_empty() {
        return Ok(());
    }
    let rows = vec!["(?, ?)"; seen.0.len()].join(", ");
    let mut binds: Vec<Bind> = seen
        .0
        .iter()
        .flat_map(|shard| [Bind::Int(i64::from(shard.shard)), Bind::Int(shard.changes)])
        .collect();
    binds.push(Bind::Text(id.to_string()));
    super::results::execute(
        conn,
        &format!(
            "UPDATE standing_changes SET changes_seen = seen.column2 FROM (VALUES {rows}) AS seen \
             WHERE standing_changes.membership_id = ? AND standing_changes.shard = seen.column1 \
             AND standing_changes.changes_seen < seen.column2"
        ),
        &binds,
    )?;
    Ok(())
}

/// The changes the stored row of membership `id` was computed after, and the day it was computed on
/// (`None` without a row).
pub fn computed(conn: &mut DbConnection, id: MembershipId) -> ApiResult<Option<(i64, String)>> {
    Ok(membership_standings::table
        .find(id)
        .select((
            membership_standings::changes_seen,
            membership_standings::computed_on,
        ))
        .first(conn)
        .optional()?)
}

/// Removes the row of membership `id`, if any.
pub fn delete(conn: &mut DbConnection, id: MembershipId) -> ApiResult<()> {
    diesel::delete(membership_standings::table.find(id)).execute(conn)?;
    Ok(())
}

/// The memberships whose rows do not hold on `today`: changed since they were computed, past their
/// `valid_until`, or computed for a later day (the clock went back).
pub fn stale(conn: &mut DbConnection, today: &str) -> ApiResult<Vec<MembershipId>> {
    let mut ids: Vec<MembershipId> = membership_standings::table
        .filter(membership_standings::valid_until.lt(today))
        .select(membership_standings::membership_id)
        .load(conn)?;
    #[derive(QueryableByName)]
    struct Changed {
        #[diesel(sql_type = Text)]
        membership_id: MembershipId,
    }
    ids.extend(
        query::<Changed>(
            conn,
            "SELECT membership_id FROM standing_changes WHERE changes > changes_seen",
            &[],
        )?
        .into_iter()
        .map(|changed| changed.membership_id),
    );
    ids.extend(
        membership_standings::table
            .filter(membership_standings::computed_on.gt(today))
            .select(membership_standings::membership_id)
            .load::<MembershipId>(conn)?,
    );
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Memberships without a row (those that existed before the table did).
pub fn missing(conn: &mut DbConnection) -> ApiResult<Vec<MembershipId>> {
    Ok(memberships::table
        .filter(diesel::dsl::not(memberships::id.eq_any(
            membership_standings::table.select(membership_standings::membership_id),
        )))
        .select(memberships::id)
        .order(memberships::id.asc())
        .load(conn)?)
}

/// Marks every row stale (the rule's settings changed): the next list recomputes them.
pub fn expire_all(conn: &mut DbConnection) -> ApiResult<()> {
    diesel::update(membership_standings::table)
        .set(membership_standings::valid_until.eq(Some("0000-01-01")))
        .execute(conn)?;
    Ok(())
}

/// A page of stored rows in membership order after `after`, only `status` ones and only memberships with
/// an office in `country` when given, and whether more follow.
pub fn page(
    conn: &mut DbConnection,
    status: Option<&str>,
    country: Option<&str>,
    after: Option<MembershipId>,
    limit: i64,
) -> ApiResult<(Vec<StandingRow>, bool)> {
    let mut query = membership_standings::table
        .select(StandingRow::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(membership_standings::status.eq(status.to_owned()));
    }
    if let Some(country) = country {
        query = query.filter(
            membership_standings::membership_id.eq_any(
                offices::table
                    .filter(offices::country.eq(country.to_owned()))
                    .select(offices::membership_id),
            ),
        );
    }
    super::paginate!(
        conn,
        query,
        membership_standings::membership_id,
        after,
        limit
    )
}

/// The membership numbers of `ids`.
pub fn numbers(
    conn: &mut DbConnection,
    ids: &[MembershipId],
) -> ApiResult<Vec<(MembershipId, String)>> {
    Ok(memberships::table
        .filter(memberships::id.eq_any(ids))
        .select((memberships::id, memberships::membership_number))
        .load(conn)?)
}

/// The distinct office countries of `ids`, by membership and country.
pub fn countries(
    conn: &mut DbConnection,
    ids: &[MembershipId],
) -> ApiResult<Vec<(MembershipId, String)>> {
    Ok(offices::table
        .filter(offices::membership_id.eq_any(ids))
        .select((offices::membership_id, offices::country))
        .distinct()
        .order((offices::membership_id.asc(), offices::country.asc()))
        .load(conn)?)
}
