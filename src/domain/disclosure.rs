//! Disclosure control for published aggregates (issue 9, item 2; DESIGN §2.1): which cells of the
//! program's published tables may be shown so that no subtraction of shown figures isolates fewer than
//! `k` responses. Pure: no IO.
//!
//! # Model
//! - An [`Atom`] is the number of completed responses of one membership (of one partner) in one
//!   country in one calendar quarter. Every published figure is a sum over atoms.
//! - A cell, named by a [`Key`], is a [`Scope`] — the whole program, one country, or one membership
//!   across all its countries — over a [`Span`] of whole quarters (a quarter, a calendar year, or any
//!   run of published quarters). Its atoms are those inside both. One cell *contains* another when its
//!   atoms include the other's; atoms without responses do not count, so a window whose extra quarter
//!   is empty contains nothing more than the shorter one (the time-differencing attack).
//! - Two audiences read published cells ([`Audience`]): the vendor reads all of them; any partner
//!   reads the program and country cells and knows its own responses.
//!
//! # Rules (with `k` the anonymity threshold, never below [`MIN_THRESHOLD`])
//! 1. **Primary.** A published cell has at least `k` responses. A program or country cell also has at
//!    least [`MIN_MEMBERSHIPS`] contributing memberships, and keeps at least `k` responses when any one
//!    partner's responses are taken out (**dominance**: a partner subtracting its own share learns
//!    nothing about fewer than `k` others).
//! 2. **What an audience knows.** The cells it reads, plus every cell it can compute exactly from a
//!    *complete relation* (a parent that is the sum of its children) once all members but one are
//!    known. The relations are: a span of several quarters = its quarters (same scope); the program =
//!    its countries (same span); the program or a country = its memberships (same span), where those
//!    memberships lie wholly inside it. Only relations among cells the audience reads count. A computed
//!    cell must be *safe* for the audience.
//! 3. **Differences** (complementary suppression). For any two known cells where one contains the
//!    other, and for any known parent with its known children in one relation, the responses left over
//!    are none, or form a group that is *safe* for the audience.
//!
//! A group of responses is *safe* for the vendor with at least `k` responses; for a partner it must also
//! pass the primary rules of a program-level cell (memberships and dominance), because a partner can
//! take its own responses out of anything it computes.
//!
//! [`decide`] picks the cells to publish; [`decide_more`] adds cells to what is already published
//! (published figures are immutable); [`audit`] independently checks any published set.
//!
//! # What is not covered
//! The attacker model is subtraction of nested cells and of one relation at a time, chained through
//! cells computed from complete relations. Arbitrary linear combinations (e.g. adding two overlapping
//! cells and subtracting a third) are not searched: an exact check is an integer-programming problem.
//! A membership cell spans all the membership's countries; membership × country cells are not a scope.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt,
};

use chrono::{Datelike, NaiveDate};

/// The lowest anonymity threshold the rules accept, whatever the program's settings say.
pub const MIN_THRESHOLD: u64 = 3;

/// The contributing memberships a program or country cell needs.
pub const MIN_MEMBERSHIPS: usize = 3;

/// A calendar quarter, the unit in which figures are published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    index: u8,
}

impl Quarter {
    /// Quarter `index` (1 to 4) of `year`; `None` for any other index.
    pub fn new(year: i32, index: u8) -> Option<Quarter> {
        (1..=4).contains(&index).then_some(Quarter { year, index })
    }

    /// The quarter that contains `date`.
    pub fn containing(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            index: (date.month0() / 3 + 1) as u8,
        }
    }

    /// Its year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Its index in the year, 1 to 4.
    pub fn index(self) -> u8 {
        self.index
    }

    /// Parses `2026-Q2`.
    pub fn parse(id: &str) -> Option<Quarter> {
        let (year, index) = id.split_once("-Q")?;
        let year: i32 = year.parse().ok().filter(|y| (1970..=9999).contains(y))?;
        let quarter = Quarter::new(year, index.parse().ok()?)?;
        (quarter.to_string() == id).then_some(quarter)
    }

    /// Its first day.
    pub fn starts_on(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.index) * 3 - 2, 1).unwrap_or_default()
    }

    /// Its last day.
    pub fn ends_on(self) -> NaiveDate {
        let next = match self.index {
            4 => NaiveDate::from_ymd_opt(self.year + 1, 1, 1),
            index => NaiveDate::from_ymd_opt(self.year, u32::from(index) * 3 + 1, 1),
        };
        next.and_then(|day| day.pred_opt()).unwrap_or_default()
    }
}

/// `2026-Q2`, like the reporting-period ids.
impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.index)
    }
}

/// A run of whole quarters, first to last inclusive: a quarter, a calendar year, or a longer window
/// made of published quarters (never an arbitrary `as_of` window).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    first: Quarter,
    last: Quarter,
}

impl Span {
    /// The quarters from `first` to `last`; `None` when `last` comes before `first`.
    pub fn new(first: Quarter, last: Quarter) -> Option<Span> {
        (first <= last).then_some(Span { first, last })
    }

    /// One quarter.
    pub fn quarter(quarter: Quarter) -> Span {
        Span {
            first: quarter,
            last: quarter,
        }
    }

    /// A calendar year: its four quarters.
    pub fn year(year: i32) -> Span {
        Span {
            first: Quarter { year, index: 1 },
            last: Quarter { year, index: 4 },
        }
    }

    /// The year of `quarter` from its first quarter up to `quarter`: the longer span published with it.
    pub fn year_to_date(quarter: Quarter) -> Span {
        Span {
            first: Quarter {
                year: quarter.year,
                index: 1,
            },
            last: quarter,
        }
    }

    /// Its first quarter.
    pub fn first(self) -> Quarter {
        self.first
    }

    /// Its last quarter.
    pub fn last(self) -> Quarter {
        self.last
    }

    /// Whether `quarter` is one of its quarters.
    pub fn contains(self, quarter: Quarter) -> bool {
        self.first <= quarter && quarter <= self.last
    }

    /// Whether it is a single quarter.
    pub fn is_quarter(self) -> bool {
        self.first == self.last
    }
}

/// `2026-Q2` for a quarter, `2026` for a calendar year, `2025-Q3..2026-Q2` otherwise.
impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_quarter() {
            write!(f, "{}", self.first)
        } else if *self == Span::year(self.first.year) {
            write!(f, "{}", self.first.year)
        } else {
            write!(f, "{}..{}", self.first, self.last)
        }
    }
}

/// Whose responses a cell sums, from the top of the hierarchy down.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// The whole program.
    Program,
    /// One country (ISO 3166-1 alpha-2), all memberships' offices in it.
    Country(String),
    /// One membership, across all the countries of its offices.
    Membership(String),
}

/// A cell of a published table: a scope over a span.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// Whose responses.
    pub scope: Scope,
    /// Which quarters.
    pub span: Span,
}

impl Key {
    /// The whole program over `span`.
    pub fn program(span: Span) -> Key {
        Key {
            scope: Scope::Program,
            span,
        }
    }

    /// One country over `span`.
    pub fn country(country: &str, span: Span) -> Key {
        Key {
            scope: Scope::Country(country.into()),
            span,
        }
    }

    /// One membership over `span`.
    pub fn membership(membership: &str, span: Span) -> Key {
        Key {
            scope: Scope::Membership(membership.into()),
            span,
        }
    }

    /// Whether the cell sums `atom`.
    pub fn covers(&self, atom: &Atom) -> bool {
        self.span.contains(atom.quarter)
            && match &self.scope {
                Scope::Program => true,
                Scope::Country(country) => atom.country == *country,
                Scope::Membership(membership) => atom.membership == *membership,
            }
    }

    /// Whether it is above the membership level (program or country), where the membership and
    /// dominance rules apply and partners read it.
    pub fn is_above_membership(&self) -> bool {
        !matches!(self.scope, Scope::Membership(_))
    }
}

/// `program 2026-Q2`, `country DE 2026`, `membership M-1 2025-Q3..2026-Q2`.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.scope {
            Scope::Program => write!(f, "program {}", self.span),
            Scope::Country(country) => write!(f, "country {country} {}", self.span),
            Scope::Membership(membership) => write!(f, "membership {membership} {}", self.span),
        }
    }
}

/// The completed responses of one membership in one country in one quarter: what every cell sums.
/// A membership belongs to one partner; atoms with the same membership, partner, country and quarter
/// are added up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// The membership.
    pub membership: String,
    /// The partner the membership belongs to.
    pub partner: String,
    /// The country of the office(s) the responses came through.
    pub country: String,
    /// The quarter the responses were completed in.
    pub quarter: Quarter,
    /// How many.
    pub responses: u64,
}

/// The program's disclosure settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    threshold: u64,
}

impl Rules {
    /// Rules for the program's `anonymity_threshold`, raised to [`MIN_THRESHOLD`] when lower.
    pub fn new(anonymity_threshold: i32) -> Rules {
        Rules {
            threshold: u64::try_from(anonymity_threshold)
                .unwrap_or(0)
                .max(MIN_THRESHOLD),
        }
    }

    /// `k`: the fewest responses any shown figure, or any difference of shown figures, may cover.
    pub fn threshold(self) -> u64 {
        self.threshold
    }
}

/// The default threshold, 5.
impl Default for Rules {
    fn default() -> Rules {
        Rules::new(5)
    }
}

/// Who reads published cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    /// The vendor reads every published cell, and knows no responses of its own.
    Vendor,
    /// A partner reads published program and country cells, and knows its own responses.
    Partner,
}

impl Audience {
    /// Whether the audience reads a published cell named `key`.
    pub fn reads(self, key: &Key) -> bool {
        self == Audience::Vendor || key.is_above_membership()
    }
}

/// Why a published set is not safe: the first problem [`audit`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A published cell has fewer responses than the threshold.
    TooFewResponses(Key),
    /// A published program or country cell has fewer than [`MIN_MEMBERSHIPS`] contributing memberships.
    TooFewMemberships(Key),
    /// Taking one partner's responses out of a published program or country cell leaves fewer than the
    /// threshold.
    Dominated(Key),
    /// The audience can compute `cell` exactly from a complete relation of known cells, and it is not
    /// safe for that audience.
    Derivable {
        /// Who can compute it.
        audience: Audience,
        /// The computed cell.
        cell: Key,
    },
    /// `outer` minus the sum of the `inner` cells it contains (all known to the audience) leaves a group
    /// of responses that is not safe for the audience.
    Difference {
        /// Who can compute it.
        audience: Audience,
        /// The containing cell.
        outer: Key,
        /// The contained, pairwise disjoint cells subtracted from it.
        inner: Vec<Key>,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::TooFewResponses(cell) => {
                write!(f, "{cell} has fewer responses than the threshold")
            }
            Violation::TooFewMemberships(cell) => write!(
                f,
                "{cell} has fewer than {MIN_MEMBERSHIPS} contributing memberships"
            ),
            Violation::Dominated(cell) => write!(
                f,
                "{cell} minus one partner's responses leaves fewer than the threshold"
            ),
            Violation::Derivable { audience, cell } => {
                write!(f, "the {audience:?} can compute {cell}, which is not safe")
            }
            Violation::Difference {
                audience,
                outer,
                inner,
            } => {
                let inner: Vec<String> = inner.iter().map(Key::to_string).collect();
                write!(
                    f,
                    "the {audience:?} can subtract {} from {outer} and isolate a group that is not safe",
                    inner.join(" + ")
                )
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------

/// Decides which `candidates` to publish: those passing the primary rules, less complementary
/// suppressions until no audience can compute an unsafe group (rules 2 and 3 of the module docs).
///
/// Greedy and deterministic: while some check fails, the first failure (in a fixed order of
/// audiences, checks and keys) is repaired by suppressing, among the published cells it rests on (for
/// a relation: those its known children rest on), the one with the fewest responses (ties: the
/// smallest key). Hiding a child of a failing relation repairs it, since the remainder then also
/// holds that child, which is safe. Each step suppresses one cell, so it terminates; it does not
/// promise the smallest possible set of suppressions (finding that is NP-hard), only a small one: no
/// cell is suppressed when publishing every candidate that passes the primary rules is already safe.
/// The result depends on the atoms and the set of candidates, not on their order or repetition. When
/// at least one candidate passes the primary rules, at least one cell is published (a single cell is
/// always safe).
///
/// Cost: about (cells)² per step, and at most one step per candidate; fine for a program's quarterly
/// tables (thousands of cells), not for millions.
pub fn decide(atoms: &[Atom], candidates: &[Key], rules: Rules) -> BTreeSet<Key> {
    decide_more(atoms, &[], candidates, rules)
}

/// Like [`decide`], for a program that has already published the cells `shown`: published figures are
/// immutable, so those stay published, count as known, and are never picked for suppression. Returns
/// the cells of `candidates` that may be published in addition (none of `shown`). Use it when a
/// quarter closes: `shown` is everything published so far, `candidates` the new quarter's cells and
/// the spans that quarter completes (its year, the window ending with it).
///
/// A failure that rests only on `shown` cells cannot be repaired any more and is skipped; with `shown`
/// itself decided by these functions over the same atoms there is none. Fed different atoms (a
/// restatement), the old figures stay known with their old values, which this module cannot see.
pub fn decide_more(
    atoms: &[Atom],
    shown: &[Key],
    candidates: &[Key],
    rules: Rules,
) -> BTreeSet<Key> {
    let shown: BTreeSet<&Key> = shown.iter().collect();
    let candidates: BTreeSet<&Key> = candidates.iter().collect();
    let spans = shown.iter().chain(&candidates).map(|key| key.span);
    let table = Table::new(atoms, spans, rules);
    let fixed: Vec<bool> = table
        .cells
        .iter()
        .map(|cell| shown.contains(&cell.key))
        .collect();
    let mut published: Vec<bool> = table
        .cells
        .iter()
        .zip(&fixed)
        .map(|(cell, fixed)| *fixed || candidates.contains(&cell.key) && table.primary(cell))
        .collect();
    let fixable = |published: &[bool]| -> Vec<bool> {
        published
            .iter()
            .zip(&fixed)
            .map(|(p, f)| *p && !f)
            .collect()
    };
    while let Some(cell) = table.next_suppression(&published, &fixable(&published)) {
        published[cell] = false;
    }
    table
        .cells
        .iter()
        .zip(fixable(&published))
        .filter(|(_, new)| *new)
        .map(|(cell, _)| cell.key.clone())
        .collect()
}

/// A cell of the universe, with the indexes of its atoms (ascending).
struct Cell {
    key: Key,
    atoms: Vec<usize>,
    responses: u64,
}

/// A relation: `parent` is the sum of `children` when `complete`.
struct Family {
    parent: usize,
    children: Vec<usize>,
    complete: bool,
    /// Whether a partner reads every member (no membership cell in it).
    partner_reads: bool,
}

impl Family {
    fn members(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.parent).chain(self.children.iter().copied())
    }
}

/// What an audience knows of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Known {
    No,
    Published,
    /// Computed from a complete relation resting on these published cells.
    Derived(BTreeSet<usize>),
}

impl Known {
    fn is_known(&self) -> bool {
        *self != Known::No
    }
}

/// The relations a child can have to a parent.
#[derive(Clone, Copy)]
enum Relation {
    Time,
    Country,
    Membership,
}

impl Relation {
    fn links(self, parent: &Key, child: &Key) -> bool {
        match self {
            Relation::Time => {
                child.scope == parent.scope
                    && !parent.span.is_quarter()
                    && child.span.is_quarter()
                    && parent.span.contains(child.span.first)
            }
            Relation::Country => {
                child.span == parent.span
                    && parent.scope == Scope::Program
                    && matches!(child.scope, Scope::Country(_))
            }
            Relation::Membership => {
                child.span == parent.span
                    && parent.is_above_membership()
                    && !child.is_above_membership()
            }
        }
    }
}

/// Every cell an audience could name, its relations and nested pairs: the structure `decide` searches.
struct Table {
    atoms: Vec<Atom>,
    cells: Vec<Cell>,
    families: Vec<Family>,
    /// `(outer, inner)`: the inner cell's atoms are a proper subset of the outer's.
    pairs: Vec<(usize, usize)>,
    rules: Rules,
}

impl Table {
    /// The universe: every scope with responses (the program, each country, each membership) over the
    /// candidates' spans and the quarters with responses inside them.
    fn new(atoms: &[Atom], spans: impl Iterator<Item = Span>, rules: Rules) -> Table {
        let mut sums: BTreeMap<(&str, &str, &str, Quarter), u64> = BTreeMap::new();
        for atom in atoms {
            let id = (
                atom.membership.as_str(),
                atom.partner.as_str(),
                atom.country.as_str(),
                atom.quarter,
            );
            *sums.entry(id).or_default() += atom.responses;
        }
        let atoms: Vec<Atom> = sums
            .into_iter()
            .filter(|(_, responses)| *responses > 0)
            .map(
                |((membership, partner, country, quarter), responses)| Atom {
                    membership: membership.into(),
                    partner: partner.into(),
                    country: country.into(),
                    quarter,
                    responses,
                },
            )
            .collect();
        let mut spans: BTreeSet<Span> = spans.collect();
        let quarters: Vec<Span> = atoms
            .iter()
            .filter(|atom| spans.iter().any(|span| span.contains(atom.quarter)))
            .map(|atom| Span::quarter(atom.quarter))
            .collect();
        spans.extend(quarters);
        let mut scopes: BTreeSet<Scope> = BTreeSet::from([Scope::Program]);
        for atom in &atoms {
            scopes.insert(Scope::Country(atom.country.clone()));
            scopes.insert(Scope::Membership(atom.membership.clone()));
        }
        let cells: Vec<Cell> = scopes
            .iter()
            .flat_map(|scope| {
                spans.iter().map(|span| Key {
                    scope: scope.clone(),
                    span: *span,
                })
            })
            .map(|key| {
                let ids: Vec<usize> = (0..atoms.len())
                    .filter(|i| key.covers(&atoms[*i]))
                    .collect();
                Cell {
                    responses: ids.iter().map(|i| atoms[*i].responses).sum(),
                    atoms: ids,
                    key,
                }
            })
            .collect();
        let mut families = Vec::new();
        let mut pairs = Vec::new();
        for (p, parent) in cells.iter().enumerate() {
            for relation in [Relation::Time, Relation::Country, Relation::Membership] {
                let children: Vec<usize> = (0..cells.len())
                    .filter(|c| {
                        let child = &cells[*c];
                        child.responses > 0
                            && relation.links(&parent.key, &child.key)
                            && is_subset(&child.atoms, &parent.atoms)
                    })
                    .collect();
                if children.is_empty() {
                    continue;
                }
                let sum: u64 = children.iter().map(|c| cells[*c].responses).sum();
                families.push(Family {
                    parent: p,
                    complete: sum == parent.responses,
                    partner_reads: std::iter::once(p)
                        .chain(children.iter().copied())
                        .all(|c| Audience::Partner.reads(&cells[c].key)),
                    children,
                });
            }
            for (i, inner) in cells.iter().enumerate() {
                if inner.responses > 0
                    && inner.responses < parent.responses
                    && is_subset(&inner.atoms, &parent.atoms)
                {
                    pairs.push((p, i));
                }
            }
        }
        Table {
            atoms,
            cells,
            families,
            pairs,
            rules,
        }
    }

    /// Whether a group of atoms is empty or safe for `audience`.
    fn safe(&self, ids: impl Iterator<Item = usize>, audience: Audience) -> bool {
        let k = self.rules.threshold();
        let mut total = 0;
        let mut memberships = BTreeSet::new();
        let mut partners: BTreeMap<&str, u64> = BTreeMap::new();
        for atom in ids.map(|i| &self.atoms[i]) {
            total += atom.responses;
            memberships.insert(atom.membership.as_str());
            *partners.entry(atom.partner.as_str()).or_default() += atom.responses;
        }
        total == 0
            || total >= k
                && (audience == Audience::Vendor
                    || memberships.len() >= MIN_MEMBERSHIPS
                        && partners.values().all(|own| total - own >= k))
    }

    /// The primary rules: responses, and above the membership level memberships and dominance.
    fn primary(&self, cell: &Cell) -> bool {
        let level = match cell.key.is_above_membership() {
            true => Audience::Partner,
            false => Audience::Vendor,
        };
        cell.responses > 0 && self.safe(cell.atoms.iter().copied(), level)
    }

    /// What `audience` knows: the published cells it reads, closed under complete relations.
    fn knowledge(&self, published: &[bool], audience: Audience) -> Vec<Known> {
        let mut known: Vec<Known> = self
            .cells
            .iter()
            .zip(published)
            .map(|(cell, shown)| match *shown && audience.reads(&cell.key) {
                true => Known::Published,
                false => Known::No,
            })
            .collect();
        loop {
            let mut changed = false;
            for family in &self.families {
                if !family.complete || (audience == Audience::Partner && !family.partner_reads) {
                    continue;
                }
                let mut unknown = family.members().filter(|m| !known[*m].is_known());
                if let (Some(only), None) = (unknown.next(), unknown.next()) {
                    let others: Vec<usize> = family.members().filter(|m| *m != only).collect();
                    known[only] = Known::Derived(support(&known, &others));
                    changed = true;
                }
            }
            if !changed {
                return known;
            }
        }
    }

    /// The cell to suppress next, if any: for the first failing check of rules 2 and 3 that
    /// suppressing a `fixable` cell may repair, the smallest (by responses, then key) of the fixable
    /// cells the cells involved rest on (for a relation: its known children, else its parent).
    fn next_suppression(&self, published: &[bool], fixable: &[bool]) -> Option<usize> {
        let fixers = |from: BTreeSet<usize>| -> Option<usize> {
            from.into_iter()
                .filter(|c| fixable[*c])
                .min_by_key(|c| (self.cells[*c].responses, &self.cells[*c].key))
        };
        for audience in [Audience::Partner, Audience::Vendor] {
            let known = self.knowledge(published, audience);
            for (c, how) in known.iter().enumerate() {
                if let Known::Derived(from) = how {
                    if !self.safe(self.cells[c].atoms.iter().copied(), audience) {
                        if let Some(fixers) = fixers(from.clone()) {
                            return Some(fixers);
                        }
                    }
                }
            }
            for &(outer, inner) in &self.pairs {
                if known[outer].is_known()
                    && known[inner].is_known()
                    && !self.safe(
                        difference(&self.cells[outer], &[inner], &self.cells),
                        audience,
                    )
                {
                    if let Some(fixers) = fixers(support(&known, &[outer, inner])) {
                        return Some(fixers);
                    }
                }
            }
            for family in &self.families {
                if !known[family.parent].is_known()
                    || (audience == Audience::Partner && !family.partner_reads)
                {
                    continue;
                }
                let children: Vec<usize> = family
                    .children
                    .iter()
                    .copied()
                    .filter(|c| known[*c].is_known())
                    .collect();
                let parent = &self.cells[family.parent];
                if !children.is_empty()
                    && !self.safe(difference(parent, &children, &self.cells), audience)
                {
                    let found = fixers(support(&known, &children))
                        .or_else(|| fixers(support(&known, &[family.parent])));
                    if found.is_some() {
                        return found;
                    }
                }
            }
        }
        None
    }
}

/// The published cells that knowing `cells` rests on.
fn support(known: &[Known], cells: &[usize]) -> BTreeSet<usize> {
    let mut from = BTreeSet::new();
    for c in cells {
        match &known[*c] {
            Known::Published => {
                from.insert(*c);
            }
            Known::Derived(rest) => from.extend(rest),
            Known::No => {}
        }
    }
    from
}

/// The atoms of `outer` in none of the `inner` cells.
fn difference<'a>(
    outer: &'a Cell,
    inner: &'a [usize],
    cells: &'a [Cell],
) -> impl Iterator<Item = usize> + 'a {
    outer.atoms.iter().copied().filter(move |a| {
        !inner
            .iter()
            .any(|c| cells[*c].atoms.binary_search(a).is_ok())
    })
}

/// Whether ascending `small` is a subset of ascending `large`.
fn is_subset(small: &[usize], large: &[usize]) -> bool {
    let mut large = large.iter();
    small.iter().all(|s| large.any(|l| l == s))
}

// ---------------------------------------------------------------------------------------------------
// audit
// ---------------------------------------------------------------------------------------------------

/// Checks that publishing exactly `published` keeps every rule of the module docs, and returns the
/// first problem otherwise. Written apart from [`decide`] (it shares only the model: [`Key::covers`],
/// [`Audience::reads`]) so that it really checks: primary rules of every published cell; then, for each
/// audience, every cell it can compute from complete relations, every pair of known nested cells, and
/// every known parent minus its known children in one relation.
pub fn audit(atoms: &[Atom], published: &[Key], rules: Rules) -> Result<(), Violation> {
    let k = rules.threshold();
    let mut merged: BTreeMap<(Quarter, &str, &str, &str), u64> = BTreeMap::new();
    for atom in atoms {
        *merged
            .entry((atom.quarter, &atom.country, &atom.membership, &atom.partner))
            .or_default() += atom.responses;
    }
    let atoms: Vec<Atom> = merged
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(
            |((quarter, country, membership, partner), responses)| Atom {
                membership: membership.into(),
                partner: partner.into(),
                country: country.into(),
                quarter,
                responses,
            },
        )
        .collect();
    let set_of = |key: &Key| -> BTreeSet<usize> {
        atoms
            .iter()
            .enumerate()
            .filter(|(_, atom)| key.covers(atom))
            .map(|(i, _)| i)
            .collect()
    };
    let published: BTreeSet<&Key> = published.iter().collect();

    for key in &published {
        let group = Group::of(&atoms, &set_of(key));
        if group.responses < k {
            return Err(Violation::TooFewResponses((*key).clone()));
        }
        if key.is_above_membership() {
            if group.memberships < MIN_MEMBERSHIPS {
                return Err(Violation::TooFewMemberships((*key).clone()));
            }
            if group.responses - group.largest_partner < k {
                return Err(Violation::Dominated((*key).clone()));
            }
        }
    }

    // Every cell anyone could name: scopes with responses over the published spans and their quarters.
    let mut spans: BTreeSet<Span> = published.iter().map(|key| key.span).collect();
    for atom in &atoms {
        if published.iter().any(|key| key.span.contains(atom.quarter)) {
            spans.insert(Span::quarter(atom.quarter));
        }
    }
    let mut scopes = vec![Scope::Program];
    scopes.extend(
        atoms
            .iter()
            .map(|a| Scope::Country(a.country.clone()))
            .collect::<BTreeSet<_>>(),
    );
    scopes.extend(
        atoms
            .iter()
            .map(|a| Scope::Membership(a.membership.clone()))
            .collect::<BTreeSet<_>>(),
    );
    let mut sets: BTreeMap<Key, BTreeSet<usize>> = BTreeMap::new();
    for scope in &scopes {
        for span in &spans {
            let key = Key {
                scope: scope.clone(),
                span: *span,
            };
            let set = set_of(&key);
            if !set.is_empty() {
                sets.insert(key, set);
            }
        }
    }

    for audience in [Audience::Vendor, Audience::Partner] {
        let readable: BTreeMap<&Key, &BTreeSet<usize>> =
            sets.iter().filter(|(key, _)| audience.reads(key)).collect();
        // Relations: parent -> groups of children, one group per relation.
        let mut relations: Vec<(&Key, Vec<&Key>)> = Vec::new();
        for (parent, parent_set) in &readable {
            let mut groups: BTreeMap<&str, Vec<&Key>> = BTreeMap::new();
            for (child, child_set) in &readable {
                if let Some(name) = audit_relation(parent, child) {
                    if child_set.is_subset(parent_set) {
                        groups.entry(name).or_default().push(child);
                    }
                }
            }
            relations.extend(groups.into_values().map(|children| (*parent, children)));
        }
        // Known cells: published ones, then whatever complete relations reveal.
        let mut known: BTreeMap<&Key, bool> = readable
            .keys()
            .filter(|key| published.contains(*key))
            .map(|key| (*key, true))
            .collect();
        loop {
            let before = known.len();
            for (parent, children) in &relations {
                let union: BTreeSet<usize> = children
                    .iter()
                    .flat_map(|c| readable[c].iter().copied())
                    .collect();
                if union != *readable[parent] {
                    continue;
                }
                let unknown: Vec<&&Key> = std::iter::once(parent)
                    .chain(children)
                    .filter(|key| !known.contains_key(**key))
                    .collect();
                if let [only] = unknown[..] {
                    known.insert(*only, false);
                }
            }
            if known.len() == before {
                break;
            }
        }
        for (key, is_published) in &known {
            if !is_published && !Group::of(&atoms, readable[key]).safe(audience, k) {
                return Err(Violation::Derivable {
                    audience,
                    cell: (*key).clone(),
                });
            }
        }
        for outer in known.keys() {
            for inner in known.keys() {
                let (outer_set, inner_set) = (readable[outer], readable[inner]);
                if inner_set.len() < outer_set.len() && inner_set.is_subset(outer_set) {
                    let rest: BTreeSet<usize> = outer_set.difference(inner_set).copied().collect();
                    if !Group::of(&atoms, &rest).safe(audience, k) {
                        return Err(Violation::Difference {
                            audience,
                            outer: (*outer).clone(),
                            inner: vec![(*inner).clone()],
                        });
                    }
                }
            }
        }
        for (parent, children) in &relations {
            let inner: Vec<&Key> = children
                .iter()
                .copied()
                .filter(|c| known.contains_key(c))
                .collect();
            if !known.contains_key(parent) || inner.is_empty() {
                continue;
            }
            let mut rest = readable[parent].clone();
            for child in &inner {
                rest.retain(|a| !readable[child].contains(a));
            }
            if !Group::of(&atoms, &rest).safe(audience, k) {
                return Err(Violation::Difference {
                    audience,
                    outer: (*parent).clone(),
                    inner: inner.into_iter().cloned().collect(),
                });
            }
        }
    }
    Ok(())
}

/// Which relation links `child` to `parent` in the audit (before checking that its atoms lie inside).
fn audit_relation(parent: &Key, child: &Key) -> Option<&'static str> {
    let several_quarters = parent.span.first() != parent.span.last();
    if child.scope == parent.scope {
        let inside =
            child.span.first() == child.span.last() && parent.span.contains(child.span.first());
        return (several_quarters && inside).then_some("time");
    }
    if child.span != parent.span {
        return None;
    }
    match (&parent.scope, &child.scope) {
        (Scope::Program, Scope::Country(_)) => Some("country"),
        (Scope::Program | Scope::Country(_), Scope::Membership(_)) => Some("membership"),
        _ => None,
    }
}

/// The audit's summary of a group of responses.
struct Group {
    responses: u64,
    memberships: usize,
    largest_partner: u64,
}

impl Group {
    fn of(atoms: &[Atom], set: &BTreeSet<usize>) -> Group {
        let mut partners: BTreeMap<&str, u64> = BTreeMap::new();
        let memberships: BTreeSet<&str> =
            set.iter().map(|i| atoms[*i].membership.as_str()).collect();
        for i in set {
            *partners.entry(&atoms[*i].partner).or_default() += atoms[*i].responses;
        }
        Group {
            responses: partners.values().sum(),
            memberships: memberships.len(),
            largest_partner: partners.values().copied().max().unwrap_or(0),
        }
    }

    /// Empty, or safe for `audience` with threshold `k`.
    fn safe(&self, audience: Audience, k: u64) -> bool {
        if self.responses == 0 {
            return true;
        }
        let enough = self.responses >= k;
        match audience {
            Audience::Vendor => enough,
            Audience::Partner => {
                enough
                    && self.memberships >= MIN_MEMBERSHIPS
                    && self.responses - self.largest_partner >= k
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn q(year: i32, index: u8) -> Quarter {
        Quarter::new(year, index).unwrap()
    }

    fn q2() -> Span {
        Span::quarter(q(2026, 2))
    }

    #[test]
    fn quarters_parse_back_know_their_days_and_their_year_to_date() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (quarter, first, last) in [
            (q(2026, 1), day(2026, 1, 1), day(2026, 3, 31)),
            (q(2026, 2), day(2026, 4, 1), day(2026, 6, 30)),
            (q(2028, 3), day(2028, 7, 1), day(2028, 9, 30)),
            (q(2026, 4), day(2026, 10, 1), day(2026, 12, 31)),
        ] {
            assert_eq!(Quarter::parse(&quarter.to_string()), Some(quarter));
            assert_eq!((quarter.starts_on(), quarter.ends_on()), (first, last));
            assert_eq!(Quarter::containing(last), quarter);
            assert_eq!(Quarter::containing(first), quarter);
        }
        for bad in [
            "2026-Q0", "2026-Q5", "2026-Q02", "2026Q2", "1969-Q1", "2026-q2", "x-Q1", "",
        ] {
            assert_eq!(Quarter::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Span::year_to_date(q(2026, 3)),
            Span::new(q(2026, 1), q(2026, 3)).unwrap()
        );
        assert_eq!(Span::year_to_date(q(2026, 1)), Span::quarter(q(2026, 1)));
    }

    fn atom(membership: &str, partner: &str, country: &str, quarter: Quarter, n: u64) -> Atom {
        Atom {
            membership: membership.into(),
            partner: partner.into(),
            country: country.into(),
            quarter,
            responses: n,
        }
    }

    /// Memberships `m<i>` of partners `p<i>`, one each, in `country` in `quarter` with these counts.
    fn country(country: &str, quarter: Quarter, counts: &[u64]) -> Vec<Atom> {
        counts
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let id = format!("{country}{i}");
                atom(&format!("m{id}"), &format!("p{id}"), country, quarter, *n)
            })
            .collect()
    }

    /// What a naive publisher shows: each candidate that passes the primary rules alone.
    fn naive(atoms: &[Atom], candidates: &[Key]) -> Vec<Key> {
        candidates
            .iter()
            .filter(|key| audit(atoms, std::slice::from_ref(*key), Rules::default()).is_ok())
            .cloned()
            .collect()
    }

    fn set(keys: &[Key]) -> BTreeSet<Key> {
        keys.iter().cloned().collect()
    }

    fn shown(atoms: &[Atom], candidates: &[Key]) -> BTreeSet<Key> {
        let published = decide(atoms, candidates, Rules::default());
        let list: Vec<Key> = published.iter().cloned().collect();
        assert_eq!(audit(atoms, &list, Rules::default()), Ok(()), "{list:?}");
        published
    }

    #[test]
    fn the_threshold_is_never_below_three() {
        assert_eq!(Rules::new(1).threshold(), 3);
        assert_eq!(Rules::new(-4).threshold(), 3);
        assert_eq!(Rules::new(3).threshold(), 3);
        assert_eq!(Rules::new(7).threshold(), 7);
        assert_eq!(Rules::default().threshold(), 5);
        let atoms = vec![atom("m", "p", "DE", q(2026, 2), 3)];
        let key = Key::membership("m", q2());
        assert_eq!(
            decide(&atoms, std::slice::from_ref(&key), Rules::new(1)),
            set(std::slice::from_ref(&key))
        );
        assert_eq!(
            audit(&atoms, std::slice::from_ref(&key), Rules::new(2)),
            Ok(()),
            "3 responses pass a threshold raised to 3"
        );
        assert_eq!(
            audit(&atoms, std::slice::from_ref(&key), Rules::new(4)),
            Err(Violation::TooFewResponses(key))
        );
    }

    #[test]
    fn quarters_spans_and_keys() {
        assert_eq!(Quarter::new(2026, 0), None);
        assert_eq!(Quarter::new(2026, 5), None);
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(Quarter::containing(date(1, 1)), q(2026, 1));
        assert_eq!(Quarter::containing(date(3, 31)), q(2026, 1));
        assert_eq!(Quarter::containing(date(5, 17)), q(2026, 2));
        assert_eq!(Quarter::containing(date(12, 31)), q(2026, 4));
        assert_eq!((q(2026, 3).year(), q(2026, 3).index()), (2026, 3));
        assert_eq!(q(2026, 3).to_string(), "2026-Q3");
        let year = Span::year(2026);
        assert_eq!((year.first(), year.last()), (q(2026, 1), q(2026, 4)));
        assert!(year.contains(q(2026, 1)) && year.contains(q(2026, 4)));
        assert!(!year.contains(q(2025, 4)) && !year.contains(q(2027, 1)));
        assert!(!year.is_quarter() && q2().is_quarter());
        assert_eq!(Span::new(q(2026, 2), q(2026, 1)), None);
        let window = Span::new(q(2025, 3), q(2026, 2)).unwrap();
        assert_eq!(Span::new(q(2026, 2), q(2026, 2)), Some(q2()));
        assert_eq!(
            (year.to_string(), q2().to_string(), window.to_string()),
            ("2026".into(), "2026-Q2".into(), "2025-Q3..2026-Q2".into())
        );
        assert_eq!(
            Span::new(q(2026, 1), q(2026, 3)).unwrap().to_string(),
            "2026-Q1..2026-Q3"
        );
        assert_eq!(Key::program(year).to_string(), "program 2026");
        assert_eq!(Key::country("DE", q2()).to_string(), "country DE 2026-Q2");
        assert_eq!(
            Key::membership("M-1", window).to_string(),
            "membership M-1 2025-Q3..2026-Q2"
        );
        let a = atom("M-1", "P", "DE", q(2026, 2), 1);
        assert!(Key::program(year).covers(&a) && Key::country("DE", q2()).covers(&a));
        assert!(Key::membership("M-1", window).covers(&a));
        assert!(!Key::country("FR", q2()).covers(&a) && !Key::membership("M-2", q2()).covers(&a));
        assert!(!Key::program(Span::quarter(q(2026, 3))).covers(&a));
        assert!(Key::country("DE", q2()).is_above_membership());
        assert!(!Key::membership("M-1", q2()).is_above_membership());
        assert!(Audience::Vendor.reads(&Key::membership("M-1", q2())));
        assert!(!Audience::Partner.reads(&Key::membership("M-1", q2())));
        assert!(Audience::Partner.reads(&Key::program(q2())));
    }

    #[test]
    fn a_cell_under_the_threshold_is_never_shown_and_one_at_it_is() {
        let atoms = vec![
            atom("small", "p1", "DE", q(2026, 2), 4),
            atom("exact", "p2", "DE", q(2026, 2), 3),
            atom("exact", "p2", "FR", q(2026, 2), 2),
        ];
        let small = Key::membership("small", q2());
        let exact = Key::membership("exact", q2());
        let nobody = Key::membership("nobody", q2());
        assert_eq!(
            shown(&atoms, &[small.clone(), exact.clone(), nobody]),
            set(&[exact])
        );
        assert_eq!(
            audit(&atoms, std::slice::from_ref(&small), Rules::default()),
            Err(Violation::TooFewResponses(small))
        );
    }

    #[test]
    fn program_and_country_cells_need_three_memberships() {
        let atoms = country("DE", q(2026, 2), &[10, 10]);
        let de = Key::country("DE", q2());
        let members = [Key::membership("mDE0", q2()), Key::membership("mDE1", q2())];
        let mut candidates = vec![de.clone(), Key::program(q2())];
        candidates.extend(members.clone());
        assert_eq!(shown(&atoms, &candidates), set(&members));
        assert_eq!(
            audit(&atoms, std::slice::from_ref(&de), Rules::default()),
            Err(Violation::TooFewMemberships(de))
        );
    }

    /// Own-contribution differencing: partner B reads the program cell (n=6) and subtracts its own 5.
    #[test]
    fn a_cell_one_partner_dominates_is_hidden() {
        let atoms = vec![
            atom("m1", "B", "DE", q(2026, 2), 3),
            atom("m2", "B", "FR", q(2026, 2), 2),
            atom("m3", "A", "DE", q(2026, 2), 1),
        ];
        let program = Key::program(q2());
        assert!(shown(&atoms, std::slice::from_ref(&program)).is_empty());
        assert_eq!(
            audit(&atoms, std::slice::from_ref(&program), Rules::default()),
            Err(Violation::Dominated(program))
        );
        // Five from B and five from A, C: B learns nothing about fewer than five others.
        let mut atoms = atoms;
        atoms.push(atom("m4", "C", "FR", q(2026, 2), 4));
        assert_eq!(
            shown(&atoms, &[Key::program(q2())]),
            set(&[Key::program(q2())])
        );
    }

    /// Time differencing: two windows of one membership, the later one adding a single answer while the
    /// quarter it drops is empty.
    #[test]
    fn a_window_that_adds_one_answer_to_another_is_not_shown_with_it() {
        let atoms = vec![
            atom("m", "p", "DE", q(2025, 4), 2),
            atom("m", "p", "DE", q(2026, 2), 3),
            atom("m", "p", "DE", q(2026, 3), 1),
        ];
        let earlier = Key::membership("m", Span::new(q(2025, 3), q(2026, 2)).unwrap());
        let later = Key::membership("m", Span::new(q(2025, 4), q(2026, 3)).unwrap());
        let both = [earlier.clone(), later.clone()];
        assert_eq!(naive(&atoms, &both), both.to_vec());
        // (The audit names the program's windows, which hold the same answers and come first.)
        assert!(matches!(
            audit(&atoms, &both, Rules::default()),
            Err(Violation::Difference { audience: Audience::Vendor, inner, .. }) if inner.len() == 1
        ));
        assert_eq!(audit(&atoms, &[earlier], Rules::default()), Ok(()));
        assert_eq!(shown(&atoms, &both), set(&[later]));
    }

    /// Hierarchy differencing: the country minus the memberships in it.
    #[test]
    fn a_country_minus_its_memberships_isolates_nobody() {
        // The review's numbers: a DE cell of 6 from two memberships is not shown at all.
        let atoms = vec![
            atom("m1", "B", "DE", q(2026, 2), 5),
            atom("m2", "A", "DE", q(2026, 2), 1),
        ];
        let candidates = [Key::country("DE", q2()), Key::membership("m1", q2())];
        assert_eq!(
            shown(&atoms, &candidates),
            set(&[Key::membership("m1", q2())])
        );
        // With dominance a country minus one membership always keeps k; minus three of four does not.
        let atoms = country("DE", q(2026, 2), &[5, 6, 7, 1]);
        let de = Key::country("DE", q2());
        let members: Vec<Key> = (0..4)
            .map(|i| Key::membership(&format!("mDE{i}"), q2()))
            .collect();
        let mut candidates = vec![de.clone()];
        candidates.extend(members.clone());
        let naive = naive(&atoms, &candidates);
        assert_eq!(naive.len(), 4);
        assert_eq!(
            audit(&atoms, &naive, Rules::default()),
            Err(Violation::Derivable {
                audience: Audience::Vendor,
                cell: members[3].clone(),
            })
        );
        assert_eq!(
            shown(&atoms, &candidates),
            set(&[de, members[1].clone(), members[2].clone()])
        );
    }

    /// Own-contribution through a hierarchy: the program minus two shown countries is the third, which
    /// two memberships share; either could subtract its own answers.
    #[test]
    fn a_partner_cannot_compute_a_country_it_would_dominate() {
        let mut atoms = country("DE", q(2026, 2), &[5, 5, 5]);
        atoms.extend(country("FR", q(2026, 2), &[6, 6, 6]));
        atoms.extend(country("IT", q(2026, 2), &[5, 1]));
        let program = Key::program(q2());
        let [de, fr, it] = ["DE", "FR", "IT"].map(|c| Key::country(c, q2()));
        let candidates = [program.clone(), de.clone(), fr.clone(), it.clone()];
        let naive = naive(&atoms, &candidates);
        assert_eq!(naive, vec![program.clone(), de, fr.clone()]);
        assert_eq!(
            audit(&atoms, &naive, Rules::default()),
            Err(Violation::Derivable {
                audience: Audience::Partner,
                cell: it,
            })
        );
        assert_eq!(shown(&atoms, &candidates), set(&[program, fr]));
    }

    /// A quarter against its year: the year minus the quarter is one answer.
    #[test]
    fn a_year_minus_its_quarter_isolates_nobody() {
        let mut atoms = country("DE", q(2026, 2), &[3, 3, 3]);
        atoms.push(atom("mDE0", "pDE0", "DE", q(2026, 1), 1));
        let year = Key::country("DE", Span::year(2026));
        let quarters: Vec<Key> = (1..=4)
            .map(|i| Key::country("DE", Span::quarter(q(2026, i))))
            .collect();
        let mut candidates = vec![year.clone()];
        candidates.extend(quarters.clone());
        assert_eq!(
            naive(&atoms, &candidates),
            vec![year.clone(), quarters[1].clone()]
        );
        // The year minus its second quarter is the first: one answer (named as the program's quarter,
        // which holds the same answer and comes first).
        assert_eq!(
            audit(
                &atoms,
                &[year.clone(), quarters[1].clone()],
                Rules::default()
            ),
            Err(Violation::Derivable {
                audience: Audience::Vendor,
                cell: Key::program(Span::quarter(q(2026, 1))),
            })
        );
        assert_eq!(shown(&atoms, &candidates), set(&[year]));
    }

    /// Published figures are immutable: once the second quarter is out, the year that would reveal the
    /// first quarter's single answer is held back instead of the quarter.
    #[test]
    fn what_is_already_published_stays_and_the_new_cell_yields() {
        let mut atoms = country("DE", q(2026, 2), &[3, 3, 3]);
        atoms.push(atom("mDE0", "pDE0", "DE", q(2026, 1), 1));
        let year = Key::country("DE", Span::year(2026));
        let second = Key::country("DE", q2());
        let at_close = decide(&atoms, std::slice::from_ref(&second), Rules::default());
        assert_eq!(at_close, set(std::slice::from_ref(&second)));
        let shown: Vec<Key> = at_close.into_iter().collect();
        let candidates = [year.clone(), second.clone()];
        assert!(decide_more(&atoms, &shown, &candidates, Rules::default()).is_empty());
        // Without the history the year would be shown and the quarter hidden.
        assert_eq!(
            decide_more(&atoms, &[], &candidates, Rules::default()),
            set(&[year])
        );
        // A new cell that is safe next to what is shown is added, and only it.
        atoms.extend(country("DE", q(2026, 3), &[4, 4, 4]));
        let third = Key::country("DE", Span::quarter(q(2026, 3)));
        assert_eq!(
            decide_more(&atoms, &shown, &[second, third.clone()], Rules::default()),
            set(&[third])
        );
    }

    /// The year minus three shown quarters is the fourth, though the fourth is not a candidate; minus
    /// two of its countries it would isolate the third.
    #[test]
    fn a_chain_through_a_computed_cell_is_caught() {
        let mut atoms = Vec::new();
        for i in 1..=4 {
            atoms.extend(country("DE", q(2026, i), &[3, 3, 3]));
            atoms.extend(country("FR", q(2026, i), &[3, 3, 3]));
        }
        atoms.push(atom("mIT", "pIT", "IT", q(2026, 4), 1));
        let q4 = Span::quarter(q(2026, 4));
        let mut candidates = vec![Key::program(Span::year(2026))];
        candidates.extend((1..=3).map(|i| Key::program(Span::quarter(q(2026, i)))));
        candidates.extend(["DE", "FR", "IT"].map(|c| Key::country(c, q4)));
        let naive = naive(&atoms, &candidates);
        assert_eq!(naive.len(), 6);
        // Italy's single answer, computed (the year of Italy holds only it).
        assert_eq!(
            audit(&atoms, &naive, Rules::default()),
            Err(Violation::Derivable {
                audience: Audience::Vendor,
                cell: Key::country("IT", Span::year(2026)),
            })
        );
        let mut expected = candidates[..4].to_vec();
        expected.push(Key::country("FR", q4));
        assert_eq!(shown(&atoms, &candidates), set(&expected));
    }

    /// The classic table: one small country, and the smallest other country hidden with it.
    #[test]
    fn complementary_suppression_hides_one_extra_cell_the_smallest() {
        let mut atoms = country("DE", q(2026, 2), &[4, 3, 3]);
        atoms.extend(country("FR", q(2026, 2), &[1, 1, 1]));
        atoms.extend(country("IT", q(2026, 2), &[3, 3, 2]));
        atoms.extend(country("ES", q(2026, 2), &[7, 7, 6]));
        let program = Key::program(q2());
        let [de, fr, it, es] = ["DE", "FR", "IT", "ES"].map(|c| Key::country(c, q2()));
        let candidates = [
            es.clone(),
            program.clone(),
            it.clone(),
            fr.clone(),
            de.clone(),
        ];
        assert_eq!(naive(&atoms, &candidates).len(), 4);
        assert_eq!(shown(&atoms, &candidates), set(&[program, de, es]));
    }

    /// The vendor may read two memberships' sum (it could read each); a partner cannot compute it.
    #[test]
    fn a_difference_only_the_vendor_can_compute_needs_only_the_threshold() {
        let atoms = country("DE", q(2026, 2), &[6, 6, 6]);
        let candidates = [Key::country("DE", q2()), Key::membership("mDE0", q2())];
        assert_eq!(shown(&atoms, &candidates), set(&candidates));
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(decide(&[], &[], Rules::default()).is_empty());
        assert_eq!(audit(&[], &[], Rules::default()), Ok(()));
        let none = [Key::program(q2()), Key::country("DE", q2())];
        assert!(decide(&[], &none, Rules::default()).is_empty());
        let zeros = country("DE", q(2026, 2), &[0, 0, 0]);
        assert!(decide(&zeros, &none, Rules::default()).is_empty());
        assert_eq!(
            audit(&zeros, &none[..1], Rules::default()),
            Err(Violation::TooFewResponses(Key::program(q2())))
        );
    }

    #[test]
    fn repeated_and_reordered_input_changes_nothing() {
        let mut atoms = country("DE", q(2026, 2), &[4, 3, 3]);
        atoms.extend(country("FR", q(2026, 2), &[1, 1, 1]));
        atoms.extend(country("IT", q(2026, 2), &[3, 3, 2]));
        let candidates = ["DE", "FR", "IT"].map(|c| Key::country(c, q2()));
        let before = decide(&atoms, &candidates, Rules::default());
        let mut split = atoms.clone();
        split.reverse();
        split[0].responses -= 1;
        split.push(atom("mIT2", "pIT2", "IT", q(2026, 2), 1));
        split.push(atom("mFR0", "pFR0", "FR", q(2026, 2), 0));
        let mut twice = candidates.to_vec();
        twice.extend(candidates.iter().rev().cloned());
        assert_eq!(decide(&split, &twice, Rules::default()), before);
    }

    #[test]
    fn violations_explain_themselves() {
        let key = Key::country("DE", q2());
        let cases = [
            (
                Violation::TooFewResponses(key.clone()),
                "country DE 2026-Q2 has fewer responses than the threshold",
            ),
            (
                Violation::TooFewMemberships(key.clone()),
                "country DE 2026-Q2 has fewer than 3 contributing memberships",
            ),
            (
                Violation::Dominated(key.clone()),
                "country DE 2026-Q2 minus one partner's responses leaves fewer than the threshold",
            ),
            (
                Violation::Derivable {
                    audience: Audience::Partner,
                    cell: key.clone(),
                },
                "the Partner can compute country DE 2026-Q2, which is not safe",
            ),
            (
                Violation::Difference {
                    audience: Audience::Vendor,
                    outer: Key::program(q2()),
                    inner: vec![key, Key::country("FR", q2())],
                },
                "the Vendor can subtract country DE 2026-Q2 + country FR 2026-Q2 from program 2026-Q2 and isolate a group that is not safe",
            ),
        ];
        for (violation, text) in cases {
            assert_eq!(violation.to_string(), text);
        }
    }

    // --- randomized programs -------------------------------------------------------------------

    const COUNTRIES: [&str; 3] = ["DE", "FR", "IT"];

    /// Every key a random program offers: program, 3 countries and 6 memberships over 8 quarters,
    /// 2 years and one window across them.
    fn all_keys() -> Vec<Key> {
        let mut spans: Vec<Span> = (2025..=2026)
            .flat_map(|y| (1..=4).map(move |i| Span::quarter(q(y, i))))
            .collect();
        spans.extend([
            Span::year(2025),
            Span::year(2026),
            Span::new(q(2025, 3), q(2026, 2)).unwrap(),
        ]);
        let mut scopes = vec![Scope::Program];
        scopes.extend(COUNTRIES.map(|c| Scope::Country(c.into())));
        scopes.extend((0..6).map(|m| Scope::Membership(format!("m{m}"))));
        scopes
            .into_iter()
            .flat_map(|scope| {
                spans.iter().map(move |span| Key {
                    scope: scope.clone(),
                    span: *span,
                })
            })
            .collect()
    }

    /// A random program: up to 40 atoms of 6 memberships (owned by 4 partners) in 3 countries over
    /// 8 quarters, a threshold of 3 to 6, and a random subset of the keys as candidates.
    fn arbitrary_program() -> impl Strategy<Value = (Vec<Atom>, Vec<Key>, Rules)> {
        let atoms = prop::collection::vec((0usize..6, 0usize..3, 0usize..8, 0u64..8), 0..40);
        let owners = prop::collection::vec(0usize..4, 6);
        let mask = prop::collection::vec(prop::bool::weighted(0.7), all_keys().len());
        (atoms, owners, mask, 3i32..=6).prop_map(|(rows, owners, mask, threshold)| {
            let atoms = rows
                .into_iter()
                .map(|(m, c, quarter, n)| {
                    let quarter = q(2025 + quarter as i32 / 4, (quarter % 4) as u8 + 1);
                    let partner = format!("p{}", owners[m]);
                    atom(&format!("m{m}"), &partner, COUNTRIES[c], quarter, n)
                })
                .collect();
            let candidates = all_keys()
                .into_iter()
                .zip(mask)
                .filter(|(_, keep)| *keep)
                .map(|(key, _)| key)
                .collect();
            (atoms, candidates, Rules::new(threshold))
        })
    }

    /// A program where every country-quarter with answers has three memberships of their own partners,
    /// each with at least `k` answers: nothing needs hiding.
    fn plentiful_program() -> impl Strategy<Value = (Vec<Atom>, Rules)> {
        let active = prop::collection::vec(any::<bool>(), 3 * 8);
        let extra = prop::collection::vec(0u64..6, 3 * 8 * 3);
        (active, extra, 3i32..=6).prop_map(|(active, extra, threshold)| {
            let rules = Rules::new(threshold);
            let mut atoms = Vec::new();
            for (slot, on) in active.into_iter().enumerate() {
                let (c, quarter) = (slot / 8, slot % 8);
                for m in 0..3 {
                    if on {
                        let id = format!("m{}", 3 * c + m);
                        let n = rules.threshold() + extra[3 * slot + m];
                        let quarter = q(2025 + quarter as i32 / 4, (quarter % 4) as u8 + 1);
                        atoms.push(atom(&id, &format!("p{id}"), COUNTRIES[c], quarter, n));
                    }
                }
            }
            (atoms, rules)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn what_decide_publishes_passes_the_audit((atoms, candidates, rules) in arbitrary_program()) {
            let published = decide(&atoms, &candidates, rules);
            let list: Vec<Key> = published.iter().cloned().collect();
            prop_assert_eq!(audit(&atoms, &list, rules), Ok(()));
            for key in &published {
                prop_assert!(candidates.contains(key));
            }
        }

        #[test]
        fn no_published_cell_breaks_a_primary_rule((atoms, candidates, rules) in arbitrary_program()) {
            for key in decide(&atoms, &candidates, rules) {
                let n: u64 = atoms.iter().filter(|a| key.covers(a)).map(|a| a.responses).sum();
                prop_assert!(n >= rules.threshold());
                prop_assert_eq!(audit(&atoms, &[key], rules), Ok(()));
            }
        }

        #[test]
        fn the_order_of_the_input_never_matters(
            ((atoms, candidates, rules), shuffled_atoms, shuffled_candidates) in arbitrary_program()
                .prop_flat_map(|(atoms, candidates, rules)| (
                    Just((atoms.clone(), candidates.clone(), rules)),
                    Just(atoms).prop_shuffle(),
                    Just(candidates).prop_shuffle(),
                ))
        ) {
            let before = decide(&atoms, &candidates, rules);
            prop_assert_eq!(decide(&atoms, &candidates, rules), before.clone());
            prop_assert_eq!(decide(&shuffled_atoms, &shuffled_candidates, rules), before);
        }

        #[test]
        fn something_is_shown_whenever_anything_could_be((atoms, candidates, rules) in arbitrary_program()) {
            let any = candidates.iter().any(|key| audit(&atoms, std::slice::from_ref(key), rules).is_ok());
            prop_assert_eq!(!decide(&atoms, &candidates, rules).is_empty(), any);
        }

        #[test]
        fn nothing_extra_is_hidden_when_showing_all_is_safe((atoms, candidates, rules) in arbitrary_program()) {
            let naive: Vec<Key> = candidates
                .iter()
                .filter(|key| audit(&atoms, std::slice::from_ref(*key), rules).is_ok())
                .cloned()
                .collect();
            if audit(&atoms, &naive, rules).is_ok() {
                prop_assert_eq!(decide(&atoms, &candidates, rules), naive.into_iter().collect::<BTreeSet<_>>());
            }
        }

        #[test]
        fn publishing_in_two_rounds_stays_safe(
            (atoms, candidates, rules) in arbitrary_program(),
            later in prop::collection::vec(any::<bool>(), all_keys().len()),
        ) {
            let round = |second_round: bool| -> Vec<Key> {
                candidates
                    .iter()
                    .zip(&later)
                    .filter(|(_, later)| **later == second_round)
                    .map(|(key, _)| key.clone())
                    .collect()
            };
            let (first, second) = (round(false), round(true));
            let shown = decide(&atoms, &first, rules);
            let old: Vec<Key> = shown.iter().cloned().collect();
            let added = decide_more(&atoms, &old, &second, rules);
            for key in &added {
                prop_assert!(second.contains(key) && !shown.contains(key));
            }
            let all: Vec<Key> = shown.into_iter().chain(added).collect();
            prop_assert_eq!(audit(&atoms, &all, rules), Ok(()));
        }

        #[test]
        fn a_plentiful_program_shows_every_cell((atoms, rules) in plentiful_program()) {
            let candidates: Vec<Key> = all_keys()
                .into_iter()
                .chain((6..9).flat_map(|m| {
                    [Span::year(2025), Span::year(2026)].map(|s| Key::membership(&format!("m{m}"), s))
                }))
                .filter(|key| atoms.iter().any(|a| key.covers(a)))
                .collect();
            let published = decide(&atoms, &candidates, rules);
            prop_assert_eq!(published, candidates.iter().cloned().collect::<BTreeSet<_>>());
            prop_assert_eq!(audit(&atoms, &candidates, rules), Ok(()));
        }
    }
}
