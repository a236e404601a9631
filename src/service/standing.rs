//! Each membership's compliance of today, kept in `membership_standings` so the program-wide list reads
//! stored rows instead of counting every response of the window on each request.
//!
//! A row comes from the same rule and the same data as a membership's explained compliance
//! (`compliance::judge`), so the two never disagree. It is computed:
//! - by [`refresh`] when the membership is created (its row goes with it when it is deleted). An
//!   office's country is read live by the list, so changing it needs no recomputation;
//! - by [`refresh_stale`], before the list is served, for the rows that changed since they were computed
//!   (every answer, import and void notes its change with [`note_change`] in its own transaction: one
//!   small update, so intake never waits for a recomputation), the rows a day has passed the
//!   `valid_until` of (a response entered or left the window since) and, when the rule's settings
//!   changed, for all;
//! - by [`fill_missing`] at start-up, for memberships that existed before the table did.
//!
//! Only today's list is kept: a list of another day is counted from the responses (`compliance::program`).

use chrono::{DateTime, NaiveDate, Utc};

use crate::{
    db::{
        self,
        standing::{StandingRow, MET, NOT_MET},
        DbConnection,
    },
    domain::{
        compliance::{summary, Rules, Summary},
        events::{EventData, MembershipComplianceChanged},
        ids::{MembershipId, PartnerId},
    },
    error::ApiResult,
};

/// Memberships recomputed per transaction when many are (a day passed, settings changed, start-up), so
/// writers are never held up for long.
const CHUNK: usize = 200;

/// Notes a change to membership `id`'s responses inside the caller's transaction: the list recomputes
/// its row before it is next served.
pub fn note_change(conn: &mut DbConnection, id: MembershipId) -> ApiResult<()> {
    db::standing::touch(conn, id)
}

/// Recomputes membership `id`'s stored standing on the day of `now`, inside the caller's transaction
/// (which created the membership); removes the row when the membership no longer exists.
pub fn refresh(conn: &mut DbConnection, id: MembershipId, now: &str) -> ApiResult<()> {
    let now = db::parse_timestamp(now)?;
    let rules = db::settings::get(conn)?.rules();
    let computed = compute(conn, id, rules, now.date_naive())?;
    store(conn, id, computed, now)
}

/// A membership's standing computed from its responses, to be stored by [`store`].
struct Computed {
    /// The changes noted before its responses were read.
    changes_seen: db::standing::Changes,
    /// The rule's settings it was computed under.
    rules: Rules,
    /// The day it holds on.
    today: NaiveDate,
    /// What the list shows.
    summary: Summary,
    /// The last day the standing holds without a new response.
    valid_until: Option<NaiveDate>,
}

/// Computes membership `id`'s standing under `rules` on `today`; only reads, so on SQLite it runs outside
/// the single writer's turn (reading a membership's responses is the slow part of a recomputation).
fn compute(
    conn: &mut DbConnection,
    id: MembershipId,
    rules: Rules,
    today: NaiveDate,
) -> ApiResult<Computed> {
    // Read before the responses: a change committed after this read leaves the row stale.
    let changes_seen = db::standing::changes(conn, id)?;
    let (_, responses, standing) = super::compliance::judge(conn, id, &rules, today)?;
    Ok(Computed {
        changes_seen,
        rules,
        today,
        summary: summary(&standing, &responses, &rules, today),
        valid_until: standing.valid_until,
    })
}

/// Stores a computed standing inside the caller's write transaction, unless one that saw more changes or
/// a later day was stored meanwhile (replicas whose clocks straddle midnight would otherwise flip a row
/// back and forth), or the rule's settings changed since; removes the row when the membership no longer
/// exists. When the stored status flips (met <-> not met), emits `membership.compliance_changed` in the
/// same transaction, once: the flip is a conditional update ([`db::standing::flip`]) that only one
/// recomputation wins.
fn store(
    conn: &mut DbConnection,
    id: MembershipId,
    computed: Computed,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let Some(partner_id) = db::standing::lock_membership(conn, id)? else {
        return db::standing::delete(conn, id);
    };
    let today = computed.today.to_string();
    let newer_stored = db::standing::computed(conn, id)?.is_some_and(|(changes_seen, day)| {
        changes_seen > computed.changes_seen.total() || day > today
    });
    if newer_stored || db::settings::get(conn)?.rules() != computed.rules {
        return Ok(());
    }
    let Computed {
        changes_seen,
        rules,
        today,
        summary,
        valid_until,
    } = computed;
    let status = if summary.met { MET } else { NOT_MET };
    let previous = db::standing::status(conn, id)?;
    if let Some(previous) = previous.filter(|previous| previous != status) {
        if db::standing::flip(conn, id, &previous, status)? {
            let event = EventData::MembershipComplianceChanged(MembershipComplianceChanged {
                membership_id: id.into(),
                partner_id: partner_id.into(),
                met: summary.met,
                previous_met: previous == MET,
                best_office_counted: summary.best_office_counted as i64,
                required: rules.min_completed as i64,
                valid_until,
                as_of: today,
            });
            super::events::emit_at(conn, event, now)?;
        }
    }
    db::standing::replace(
        conn,
        &StandingRow {
            membership_id: id,
            partner_id,
            status: status.to_owned(),
            best_office_counted: summary.best_office_counted as i64,
            computed_on: today.to_string(),
            valid_until: summary.unchanged_until.map(|d| d.to_string()),
            changes_seen: changes_seen.total(),
        },
    )?;
    db::standing::mark_seen(conn, id, &changes_seen)
}

/// Recomputes `ids` on the day of `now`: [`CHUNK`] memberships are computed outside any transaction,
/// then stored in one write transaction; returns how many.
fn recompute_all(
    conn: &mut DbConnection,
    ids: &[MembershipId],
    now: DateTime<Utc>,
) -> ApiResult<usize> {
    let rules = db::settings::get(conn)?.rules();
    for chunk in ids.chunks(CHUNK) {
        let computed = chunk
            .iter()
            .map(|id| compute(conn, *id, rules, now.date_naive()))
            .collect::<ApiResult<Vec<_>>>()?;
        db::write_tx(conn, |conn| {
            chunk
                .iter()
                .zip(computed)
                .try_for_each(|(id, computed)| store(conn, *id, computed, now))
        })?;
    }
    Ok(ids.len())
}

/// Recomputes the rows that do not hold on the day of `now` (see [`db::standing::stale`]), emitting the
/// compliance changes it finds at `now`; returns how many. The list runs it before it is served, and
/// so does the events worker every pass, so a change is announced soon even when nobody lists.
pub fn refresh_stale(conn: &mut DbConnection, now: DateTime<Utc>) -> ApiResult<usize> {
    let stale = db::standing::stale(conn, &now.date_naive().to_string())?;
    recompute_all(conn, &stale, now)
}

/// Computes the rows of memberships that have none (those created before the table existed); run at
/// start-up, returns how many. No row existed, so no change is announced.
pub fn fill_missing(conn: &mut DbConnection, today: NaiveDate) -> ApiResult<usize> {
    let missing = db::standing::missing(conn)?;
    let midnight = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    recompute_all(conn, &missing, midnight)
}

/// Marks every row stale, inside the caller's transaction (the rule's settings changed): the next list
/// recomputes them all.
pub fn expire_all(conn: &mut DbConnection) -> ApiResult<()> {
    db::standing::expire_all(conn)
}

/// One membership in today's program-wide list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The membership.
    pub membership_id: MembershipId,
    /// Its partner.
    pub partner_id: PartnerId,
    /// Its membership number.
    pub membership_number: String,
    /// Its offices' countries, sorted, each once.
    pub countries: Vec<String>,
    /// Whether it meets the rule.
    pub met: bool,
    /// Counted responses of its best office.
    pub best_office_counted: i64,
}

/// A page of today's program-wide list in membership order after `after` (only met or not-met ones when
/// `met` is given, only those with an office in `country` when it is), and whether more follow. Stale
/// rows are recomputed first.
pub fn list(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    met: Option<bool>,
    country: Option<&str>,
    after: Option<MembershipId>,
    limit: i64,
) -> ApiResult<(Vec<Listed>, bool)> {
    refresh_stale(conn, now)?;
    let status = met.map(|met| if met { MET } else { NOT_MET });
    let (rows, more) = db::standing::page(conn, status, country, after, limit)?;
    let ids: Vec<MembershipId> = rows.iter().map(|r| r.membership_id).collect();
    let numbers: std::collections::HashMap<MembershipId, String> =
        db::standing::numbers(conn, &ids)?.into_iter().collect();
    let mut countries: std::collections::HashMap<MembershipId, Vec<String>> =
        std::collections::HashMap::new();
    for (id, country) in db::standing::countries(conn, &ids)? {
        countries.entry(id).or_default().push(country);
    }
    let listed = rows
        .into_iter()
        .filter_map(|row| {
            Some(Listed {
                membership_number: numbers.get(&row.membership_id)?.clone(),
                countries: countries.remove(&row.membership_id).unwrap_or_default(),
                membership_id: row.membership_id,
                partner_id: row.partner_id,
                met: row.status == MET,
                best_office_counted: row.best_office_counted,
            })
        })
        .collect();
    Ok((listed, more))
}
