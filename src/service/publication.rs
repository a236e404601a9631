//! Publishing the program's figures (DESIGN §2.1): when a reporting period closes, each quarter ending
//! in it is frozen as it stands and disclosure control decides which of its cells are shown, together
//! with the year to date it completes. Later data for the quarter changes nothing until an
//! administrator restates it, which is recorded and decided under the same rules.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::{
    db::{
        self,
        publications::{self as stored, FrozenCount, PublicationRow},
        DbConnection,
    },
    domain::{
        disclosure::{audit, decide_more, Atom, Key, Quarter, Rules, Scope, Span},
        ids::MembershipId,
        metrics::{Score, StandardCounts},
    },
    error::{ApiError, ApiResult},
};

/// What a publication decided.
#[derive(Debug, Clone)]
pub struct Published {
    /// The audit record.
    pub publication: PublicationRow,
    /// Cells shown, of those it decided.
    pub shown: usize,
    /// Cells suppressed, of those it decided.
    pub suppressed: usize,
}

/// The quarters whose last day falls within `[starts_on, ends_on]`: those a closing period publishes.
pub fn quarters_ending_within(starts_on: NaiveDate, ends_on: NaiveDate) -> Vec<Quarter> {
    let mut quarters = Vec::new();
    let mut quarter = Quarter::containing(starts_on);
    while quarter.ends_on() <= ends_on {
        if quarter.ends_on() >= starts_on {
            quarters.push(quarter);
        }
        match quarter.ends_on().succ_opt() {
            Some(next) => quarter = Quarter::containing(next),
            None => break,
        }
    }
    quarters
}

/// Publishes `quarter` for the first time: freezes its answers and decides its cells and its year to
/// date. `None` when it is already published (only a restatement publishes it again).
pub fn publish(
    conn: &mut DbConnection,
    quarter: Quarter,
    at: &str,
    by: &str,
) -> ApiResult<Option<Published>> {
    if stored::latest(conn, quarter)?.is_some() {
        return Ok(None);
    }
    let responses = stored::freeze(conn, quarter)?;
    let publication = PublicationRow {
        quarter: quarter.to_string(),
        revision: 1,
        published_at: at.into(),
        published_by: by.into(),
        reason: None,
        responses,
        changed_responses: 0,
    };
    stored::record(conn, &publication)?;
    let spans = [Span::quarter(quarter), Span::year_to_date(quarter)];
    let (shown, suppressed) = decide_year(conn, quarter.year(), &spans, at, |_| true)?;
    Ok(Some(Published {
        publication,
        shown,
        suppressed,
    }))
}

/// Publishes `quarter` again with its answers as they stand now, for `reason`. Every cell that covers the
/// quarter is decided again; one that was shown and changed is shown again only when the change itself
/// could be published (so old and new figures never subtract to fewer than the threshold of responses).
pub fn restate(
    conn: &mut DbConnection,
    quarter: Quarter,
    reason: &str,
    at: &str,
    by: &str,
) -> ApiResult<Published> {
    db::write_tx(conn, |conn| restate_in(conn, quarter, reason, at, by))
}

/// Every publication: the audit trail.
pub fn all(conn: &mut DbConnection) -> ApiResult<Vec<PublicationRow>> {
    stored::all(conn)
}

fn restate_in(
    conn: &mut DbConnection,
    quarter: Quarter,
    reason: &str,
    at: &str,
    by: &str,
) -> ApiResult<Published> {
    let previous = stored::latest(conn, quarter)?
        .ok_or_else(|| ApiError::NotFound(format!("{quarter} has not been published")))?;
    let rules = rules(conn)?;
    let (first, last) = year_of(quarter.year())?;
    let published_later: Vec<Quarter> = stored::all(conn)?
        .iter()
        .filter_map(|p| Quarter::parse(&p.quarter))
        .filter(|q| q.year() == quarter.year() && *q >= quarter)
        .collect();
    let mut spans = vec![Span::quarter(quarter)];
    spans.extend(published_later.into_iter().map(Span::year_to_date));
    // Readers know each cell's figure as last shown; its change since then must itself be publishable.
    let mut seen: BTreeMap<String, Vec<Key>> = BTreeMap::new();
    for cell in stored::cells(conn, first, last)? {
        if let (true, Some(shown_at)) = (cell.key.span.contains(quarter), cell.shown_at) {
            seen.entry(shown_at).or_default().push(cell.key);
        }
    }
    let mut changed_cells = BTreeSet::new();
    let mut change_publishable = BTreeSet::new();
    for (shown_at, keys) in seen {
        let changed = stored::changed_since(conn, quarter, &shown_at)?;
        let (unchanged, changed_here): (Vec<Key>, Vec<Key>) = keys
            .into_iter()
            .partition(|key| !changed.iter().any(|atom| key.covers(atom)));
        change_publishable.extend(decide_more(&changed, &unchanged, &changed_here, rules));
        changed_cells.extend(changed_here);
    }
    let changed = stored::changed_since(conn, quarter, &previous.published_at)?;
    let responses = stored::freeze(conn, quarter)?;
    let publication = PublicationRow {
        quarter: quarter.to_string(),
        revision: previous.revision + 1,
        published_at: at.into(),
        published_by: by.into(),
        reason: Some(reason.into()),
        responses,
        changed_responses: changed.iter().map(|a| a.responses as i64).sum(),
    };
    stored::record(conn, &publication)?;
    let (shown, suppressed) = decide_year(conn, quarter.year(), &spans, at, |key| {
        !changed_cells.contains(key) || change_publishable.contains(key)
    })?;
    Ok(Published {
        publication,
        shown,
        suppressed,
    })
}

/// The program's disclosure rules.
pub fn rules(conn: &mut DbConnection) -> ApiResult<Rules> {
    Ok(Rules::new(db::settings::get(conn)?.anonymity_threshold))
}

fn year_of(year: i32) -> ApiResult<(Quarter, Quarter)> {
    Quarter::new(year, 1)
        .zip(Quarter::new(year, 4))
        .ok_or_else(|| ApiError::Internal(format!("no quarters in {year}")))
}

/// Every cell over `spans` with responses: the program, each country and each membership.
fn candidates(atoms: &[Atom], spans: &[Span]) -> Vec<Key> {
    let mut keys = BTreeSet::new();
    for span in spans {
        let inside: Vec<&Atom> = atoms
            .iter()
            .filter(|a| span.contains(a.quarter) && a.responses > 0)
            .collect();
        if inside.is_empty() {
            continue;
        }
        keys.insert(Key::program(*span));
        for atom in inside {
            keys.insert(Key::country(&atom.country, *span));
            keys.insert(Key::membership(&atom.membership, *span));
        }
    }
    keys.into_iter().collect()
}

/// Decides the cells over `spans` in `year` (those `allowed` may be shown, the year's other shown cells
/// stay as they are), checks the whole year with the independent audit and stores the decisions.
/// Returns how many were shown and suppressed.
fn decide_year(
    conn: &mut DbConnection,
    year: i32,
    spans: &[Span],
    at: &str,
    allowed: impl Fn(&Key) -> bool,
) -> ApiResult<(usize, usize)> {
    let rules = rules(conn)?;
    let (first, last) = year_of(year)?;
    let atoms = stored::frozen_atoms(conn, first, last)?;
    let deciding: BTreeSet<Key> = candidates(&atoms, spans).into_iter().collect();
    let before = stored::cells(conn, first, last)?;
    let kept: Vec<Key> = before
        .iter()
        .filter(|cell| cell.shown && !spans.contains(&cell.key.span))
        .map(|cell| cell.key.clone())
        .collect();
    let stale = before
        .into_iter()
        .filter(|cell| spans.contains(&cell.key.span) && !deciding.contains(&cell.key))
        .map(|cell| (cell.key, false));
    let allowed: Vec<Key> = deciding.iter().filter(|k| allowed(k)).cloned().collect();
    let shown = decide_more(&atoms, &kept, &allowed, rules);
    let everything: Vec<Key> = kept.iter().chain(&shown).cloned().collect();
    audit(&atoms, &everything, rules).map_err(|violation| {
        tracing::error!(%violation, year, "disclosure audit refused a publication");
        ApiError::Internal(format!(
            "disclosure audit refused the publication: {violation}"
        ))
    })?;
    let decided: Vec<(Key, bool)> = deciding
        .iter()
        .map(|key| (key.clone(), shown.contains(key)))
        .chain(stale)
        .collect();
    stored::decide(conn, &decided, at)?;
    Ok((shown.len(), deciding.len() - shown.len()))
}

// ---------------------------------------------------------------------------------------------------
// Reading published figures
// ---------------------------------------------------------------------------------------------------

/// The published figures of some quarters: decided cells, frozen counts and publications.
pub struct Figures {
    /// The program's anonymity threshold.
    pub threshold: i32,
    /// Each decided cell and whether it is shown.
    pub cells: BTreeMap<Key, bool>,
    /// The frozen counts, each with its atom.
    pub counts: Vec<(Atom, FrozenCount)>,
    /// The latest publication of each quarter.
    pub publications: BTreeMap<Quarter, PublicationRow>,
}

impl Figures {
    /// The figures published for the quarters `first` to `last`.
    pub fn load(conn: &mut DbConnection, first: Quarter, last: Quarter) -> ApiResult<Figures> {
        let mut publications = BTreeMap::new();
        for row in stored::all(conn)? {
            if let Some(quarter) = Quarter::parse(&row.quarter) {
                if first <= quarter && quarter <= last {
                    publications.insert(quarter, row);
                }
            }
        }
        let counts = stored::frozen(conn, first, last)?
            .into_iter()
            .map(|row| Ok((row.atom()?, row)))
            .collect::<ApiResult<_>>()?;
        Ok(Figures {
            threshold: db::settings::get(conn)?.anonymity_threshold,
            cells: stored::cells(conn, first, last)?
                .into_iter()
                .map(|cell| (cell.key, cell.shown))
                .collect(),
            counts,
            publications,
        })
    }
    /// The responses and answer counts behind `key`.
    pub fn figures(&self, key: &Key) -> (i64, StandardCounts) {
        let mut responses = 0;
        let mut counts = StandardCounts::default();
        for (_, row) in self.counts.iter().filter(|(atom, _)| key.covers(atom)) {
            match row.metric.as_str() {
                "responses" => responses += row.answers,
                metric => counts.add(
                    metric,
                    row.number_value,
                    row.text_value.as_deref(),
                    row.answers,
                ),
            }
        }
        (responses, counts)
    }
    /// Whether `key` was decided and is shown.
    pub fn shown(&self, key: &Key) -> bool {
        self.cells.get(key).copied().unwrap_or(false)
    }
    /// The latest quarter published of `year`.
    pub fn latest_of(&self, year: i32) -> Option<Quarter> {
        self.publications
            .keys()
            .filter(|q| q.year() == year)
            .max()
            .copied()
    }
}

/// A membership's NSAT and NPS.
pub type Scores = (Option<Score>, Option<Score>);

/// Every membership's NSAT and NPS over a published span, and the countries it had responses in.
pub struct Field {
    /// The published year to date; `None` while nothing of the year is published.
    pub span: Option<Span>,
    /// The anonymity threshold.
    pub threshold: i64,
    /// Of memberships whose published cell is shown.
    pub scores: HashMap<String, Scores>,
    /// The countries each membership had responses in.
    pub countries: HashMap<String, Vec<String>>,
    /// Of one membership whose cell may be hidden (for its own partner and the administrator).
    pub own: Option<(String, Scores)>,
}

/// The NSAT and NPS of some counts.
pub fn nsat_and_nps(counts: &StandardCounts) -> Scores {
    let metrics = counts.metrics();
    (metrics.nsat, metrics.nps)
}

impl Field {
    /// Loads the field over `year`'s published year to date, with `own`'s scores even when hidden.
    pub fn load(conn: &mut DbConnection, year: Option<i32>, own: Option<&str>) -> ApiResult<Field> {
        let latest = stored::all(conn)?
            .iter()
            .filter_map(|row| Quarter::parse(&row.quarter))
            .filter(|q| year.is_none_or(|year| q.year() == year))
            .max();
        let threshold = i64::from(db::settings::get(conn)?.anonymity_threshold);
        let Some(latest) = latest else {
            return Ok(Field {
                span: None,
                threshold,
                scores: HashMap::new(),
                countries: HashMap::new(),
                own: None,
            });
        };
        let span = Span::year_to_date(latest);
        let published = Figures::load(conn, span.first(), span.last())?;
        // One pass over the frozen counts (all inside `span`): each membership's answers and countries.
        let mut countries: HashMap<String, Vec<String>> = HashMap::new();
        let mut answers: HashMap<&str, StandardCounts> = HashMap::new();
        for (atom, row) in &published.counts {
            let list = countries.entry(atom.membership.clone()).or_default();
            if !list.contains(&atom.country) {
                list.push(atom.country.clone());
            }
            answers.entry(atom.membership.as_str()).or_default().add(
                &row.metric,
                row.number_value,
                row.text_value.as_deref(),
                row.answers,
            );
        }
        let scores_of = |id: &str| nsat_and_nps(&answers.get(id).cloned().unwrap_or_default());
        let scores = published
            .cells
            .iter()
            .filter(|(key, shown)| **shown && key.span == span)
            .filter_map(|(key, _)| match &key.scope {
                Scope::Membership(id) => Some((id.clone(), scores_of(id))),
                _ => None,
            })
            .collect();
        Ok(Field {
            span: Some(span),
            threshold,
            own: own.map(|id| (id.to_owned(), scores_of(id))),
            scores,
            countries,
        })
    }
}

/// The field for the benchmark of membership `id` (visible to `visibility`) over `year`'s published
/// year to date, with its own scores even when its cell is suppressed when `sees_own`. Returns the
/// membership's stored id with it.
pub fn membership_field(
    conn: &mut DbConnection,
    visibility: crate::auth::Visibility,
    id: MembershipId,
    year: Option<i32>,
    sees_own: bool,
) -> ApiResult<(MembershipId, Field)> {
    let membership = db::memberships::get(conn, visibility, id)?;
    let key = membership.id.to_string();
    let field = Field::load(conn, year, sees_own.then_some(key.as_str()))?;
    Ok((membership.id, field))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_closing_period_publishes_the_quarters_that_end_in_it() {
        let q = |y, i| Quarter::new(y, i).unwrap();
        assert_eq!(
            quarters_ending_within(day(2026, 7, 1), day(2026, 9, 30)),
            [q(2026, 3)]
        );
        assert_eq!(
            quarters_ending_within(day(2026, 8, 1), day(2026, 8, 31)),
            []
        );
        assert_eq!(
            quarters_ending_within(day(2026, 9, 1), day(2026, 9, 30)),
            [q(2026, 3)]
        );
        assert_eq!(
            quarters_ending_within(day(2026, 1, 1), day(2026, 12, 31)),
            [q(2026, 1), q(2026, 2), q(2026, 3), q(2026, 4)]
        );
        assert_eq!(
            quarters_ending_within(day(2026, 3, 1), day(2026, 4, 30)),
            [q(2026, 1)]
        );
    }
}
