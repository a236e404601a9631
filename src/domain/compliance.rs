//! The program rule: at least N completed surveys per membership in a rolling window, only the first
//! few per customer organization counting, one office enough, no minimum score.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

/// The rule's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Counted surveys an office needs (default 10).
    pub min_completed: usize,
    /// Surveys counted per customer organization (default 8).
    pub cap_per_org: usize,
    /// Window length in months (default 12).
    pub window_months: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            min_completed: 10,
            cap_per_org: 8,
            window_months: 12,
        }
    }
}

/// One completed response as the rule sees it (no score: scores never matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completed {
    /// Response id.
    pub id: String,
    /// The office it counts for.
    pub office_id: String,
    /// The normalized customer-organization key.
    pub org_key: String,
    /// The day it was completed (UTC).
    pub completed_on: NaiveDate,
    /// Voided by the administrator.
    pub voided: bool,
    /// The respondent chose to stay anonymous: it counts under its organization's cap, but is
    /// shown only in the office's anonymous share, never under an organization.
    pub anonymous: bool,
}

/// Why a response does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exclusion {
    /// Voided by the administrator.
    Voided,
    /// Beyond the first `cap_per_org` of its organization in the window.
    OverOrganizationCap,
    /// Completed outside the window.
    OutsideWindow,
}

/// One customer organization's share of an office's window, its anonymous responses left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationCount {
    /// The organization key.
    pub org_key: String,
    /// Completed in the window, under the respondent's name.
    pub completed: usize,
    /// Of those, counted.
    pub counted: usize,
}

/// The anonymous responses of an office's window, all organizations together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnonymousCount {
    /// Completed in the window anonymously.
    pub completed: usize,
    /// Of those, counted.
    pub counted: usize,
}

/// An office's window counted: responses that count, exclusions, the named shares per organization,
/// the anonymous share, and the room left under the organizations' caps.
struct Tally {
    counted: usize,
    excluded: BTreeMap<Exclusion, usize>,
    organizations: Vec<OrganizationCount>,
    anonymous: AnonymousCount,
    room: usize,
}

/// How one office stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeStanding {
    /// The office.
    pub office_id: String,
    /// Completed, non-voided responses in the window.
    pub completed: usize,
    /// Responses that count.
    pub counted: usize,
    /// Responses that do not count, by reason.
    pub excluded: BTreeMap<Exclusion, usize>,
    /// Whether the office meets the rule on its own.
    pub meets: bool,
    /// Counted responses still missing.
    pub shortfall: usize,
    /// The fewest additional customer organizations that could close the shortfall (0 when the
    /// organizations already surveyed have room under the cap).
    pub additional_organizations: usize,
    /// The last day the office still meets the rule without new responses (`None` when it does not meet it).
    pub valid_until: Option<NaiveDate>,
    /// What would close the shortfall, in words (`None` when there is none).
    pub hint: Option<String>,
    /// Per organization, most completed first (named responses only).
    pub organizations: Vec<OrganizationCount>,
    /// The anonymous responses, never attributed to an organization.
    pub anonymous: AnonymousCount,
}

/// How a membership stands: met when any one office meets the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipStanding {
    /// Whether the membership meets the rule.
    pub met: bool,
    /// The last day it still meets the rule without new responses.
    pub valid_until: Option<NaiveDate>,
    /// Its offices.
    pub offices: Vec<OfficeStanding>,
}

/// The window ending on `as_of`: days after the returned start, up to and including `as_of`.
pub fn window_start(as_of: NaiveDate, months: u32) -> NaiveDate {
    as_of
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a response completed on `day` is in the window ending on `as_of`.
pub fn in_window(day: NaiveDate, as_of: NaiveDate, months: u32) -> bool {
    day > window_start(as_of, months) && day <= as_of
}

/// Counts an office's window. How many of an organization's responses count is `min(cap, n)`,
/// whatever their order; which ones count is shown named first, so that an organization's named line
/// never changes with anonymous answers, and anonymous responses take only the room left (as if they
/// came from organizations the partner does not know).
fn count(responses: &[&Completed], rules: &Rules, as_of: NaiveDate) -> Tally {
    let cap = rules.cap_per_org;
    let mut excluded = BTreeMap::new();
    // Per organization: (named, anonymous) responses in the window.
    let mut window: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for response in responses {
        if response.voided {
            *excluded.entry(Exclusion::Voided).or_insert(0) += 1;
        } else if !in_window(response.completed_on, as_of, rules.window_months) {
            *excluded.entry(Exclusion::OutsideWindow).or_insert(0) += 1;
        } else {
            let (named, anonymous) = window.entry(&response.org_key).or_insert((0, 0));
            *if response.anonymous { anonymous } else { named } += 1;
        }
    }
    let mut organizations = Vec::new();
    let mut anonymous = AnonymousCount::default();
    let (mut counted, mut room) = (0, 0);
    for (org_key, (named, anonymous_here)) in window {
        let counts = (named + anonymous_here).min(cap);
        let named_counted = named.min(cap);
        counted += counts;
        let over_cap = named + anonymous_here - counts;
        if over_cap > 0 {
            *excluded.entry(Exclusion::OverOrganizationCap).or_insert(0) += over_cap;
        }
        anonymous.completed += anonymous_here;
        anonymous.counted += counts - named_counted;
        if named > 0 {
            room += cap - named_counted;
            organizations.push(OrganizationCount {
                org_key: org_key.to_owned(),
                completed: named,
                counted: named_counted,
            });
        }
    }
    organizations.sort_by(|a, b| {
        b.completed
            .cmp(&a.completed)
            .then_with(|| a.org_key.cmp(&b.org_key))
    });
    Tally {
        counted,
        excluded,
        organizations,
        anonymous,
        room,
    }
}

/// How one office stands on `as_of`, from its responses.
pub fn office_standing(
    office_id: &str,
    responses: &[&Completed],
    rules: &Rules,
    as_of: NaiveDate,
) -> OfficeStanding {
    let Tally {
        counted,
        excluded,
        organizations,
        anonymous,
        room,
    } = count(responses, rules, as_of);
    let completed = organizations.iter().map(|o| o.completed).sum::<usize>() + anonymous.completed;
    let meets = counted >= rules.min_completed;
    let shortfall = rules.min_completed.saturating_sub(counted);
    let additional_organizations = shortfall
        .saturating_sub(room)
        .div_ceil(rules.cap_per_org.max(1));
    let valid_until = meets.then(|| last_day_met(responses, rules, as_of));
    let hint = shortfall_hint(shortfall, additional_organizations, room, rules.cap_per_org);
    OfficeStanding {
        office_id: office_id.to_owned(),
        completed,
        counted,
        excluded,
        meets,
        shortfall,
        additional_organizations,
        valid_until,
        hint,
        organizations,
        anonymous,
    }
}

/// What would close a shortfall: more surveys from organizations already counted (while they have
/// room under the cap), and how many new organizations at the least.
pub fn shortfall_hint(
    shortfall: usize,
    new_organizations: usize,
    room: usize,
    cap: usize,
) -> Option<String> {
    let surveys = |n: usize| match n {
        1 => "one more completed survey".to_owned(),
        n => format!("{n} more completed surveys"),
    };
    match (shortfall, new_organizations) {
        (0, _) => None,
        (n, 0) => Some(format!(
            "{} from customer organizations already counted (each counts up to {cap}), or from new ones, would close the gap",
            surveys(n)
        )),
        (n, new) => Some(format!(
            "{}: the organizations already counted have room for {room} more, so at least {new} new customer organization{} must answer",
            surveys(n),
            if new == 1 { "" } else { "s" }
        )),
    }
}

/// The first day a response completed on `day` is no longer in the window (month ends clamp, so step on
/// until the window has really moved past it: a 2024-02-29 response leaves on 2025-03-01).
pub fn exit_day(day: NaiveDate, months: u32) -> NaiveDate {
    let mut exit = day
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX);
    while exit < NaiveDate::MAX && in_window(day, exit, months) {
        exit = exit.succ_opt().unwrap_or(NaiveDate::MAX);
    }
    exit
}

/// The last day an office that meets the rule on `as_of` keeps meeting it, if no response is added.
fn last_day_met(responses: &[&Completed], rules: &Rules, as_of: NaiveDate) -> NaiveDate {
    let known: Vec<&Completed> = responses
        .iter()
        .copied()
        .filter(|r| r.completed_on <= as_of)
        .collect();
    let mut exits: Vec<NaiveDate> = known
        .iter()
        .filter(|r| !r.voided && in_window(r.completed_on, as_of, rules.window_months))
        .map(|r| exit_day(r.completed_on, rules.window_months))
        .collect();
    exits.sort();
    exits.dedup();
    for exit in &exits {
        if count(&known, rules, *exit).counted < rules.min_completed {
            return exit.pred_opt().unwrap_or(*exit);
        }
    }
    exits.last().and_then(|d| d.pred_opt()).unwrap_or(as_of)
}

/// How a membership stands on `as_of`: each office on its own (counts never add up across offices).
pub fn membership_standing(
    office_ids: &[String],
    responses: &[Completed],
    rules: &Rules,
    as_of: NaiveDate,
) -> MembershipStanding {
    let offices: Vec<OfficeStanding> = office_ids
        .iter()
        .map(|office| {
            let own: Vec<&Completed> = responses
                .iter()
                .filter(|r| &r.office_id == office)
                .collect();
            office_standing(office, &own, rules, as_of)
        })
        .collect();
    let met = offices.iter().any(|o| o.meets);
    let valid_until = offices.iter().filter_map(|o| o.valid_until).max();
    MembershipStanding {
        met,
        valid_until,
        offices,
    }
}

/// What the program-wide list shows of a membership on `as_of`, and until when that holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Whether the membership meets the rule (any one office does).
    pub met: bool,
    /// Counted responses of its best office.
    pub best_office_counted: usize,
    /// The last day `met` and `best_office_counted` are sure to stay as they are if no response is
    /// added or voided (`None`: until then, whatever the day).
    pub unchanged_until: Option<NaiveDate>,
}

/// The list's view of a membership's `standing` on `as_of`, computed from the same `responses`.
pub fn summary(
    standing: &MembershipStanding,
    responses: &[Completed],
    rules: &Rules,
    as_of: NaiveDate,
) -> Summary {
    Summary {
        met: standing.met,
        best_office_counted: standing
            .offices
            .iter()
            .map(|o| o.counted)
            .max()
            .unwrap_or(0),
        unchanged_until: unchanged_until(responses, rules, as_of),
    }
}

/// The last day every count of `as_of` stays the same if no response is added or voided: the day
/// before the first non-voided response enters the window (one completed after `as_of`) or one in the
/// window leaves it. `None` when no response will ever enter or leave.
pub fn unchanged_until(
    responses: &[Completed],
    rules: &Rules,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    responses
        .iter()
        .filter(|r| !r.voided)
        .filter_map(|r| {
            if r.completed_on > as_of {
                Some(r.completed_on)
            } else if in_window(r.completed_on, as_of, rules.window_months) {
                Some(exit_day(r.completed_on, rules.window_months))
            } else {
                None
            }
        })
        .min()
        .map(|change| change.pred_opt().unwrap_or(change))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn response(n: usize, office: &str, org: &str, on: NaiveDate) -> Completed {
        Completed {
            id: format!("r{n:05}"),
            office_id: office.into(),
            org_key: org.into(),
            completed_on: on,
            voided: false,
            anonymous: false,
        }
    }

    fn many(
        count: usize,
        office: &str,
        org_for: impl Fn(usize) -> String,
        on: NaiveDate,
    ) -> Vec<Completed> {
        (0..count)
            .map(|i| response(i, office, &org_for(i), on))
            .collect()
    }

    const AS_OF: fn() -> NaiveDate = || day(2026, 11, 23);

    fn standing(offices: &[&str], responses: &[Completed]) -> MembershipStanding {
        let ids: Vec<String> = offices.iter().map(|o| o.to_string()).collect();
        membership_standing(&ids, responses, &Rules::default(), AS_OF())
    }

    #[test]
    fn every_shortfall_has_a_hint_that_says_how_to_close_it() {
        assert_eq!(shortfall_hint(0, 0, 3, 8), None);
        assert_eq!(
            shortfall_hint(1, 0, 7, 8).as_deref(),
            Some("one more completed survey from customer organizations already counted (each counts up to 8), or from new ones, would close the gap")
        );
        assert_eq!(
            shortfall_hint(10, 2, 0, 8).as_deref(),
            Some("10 more completed surveys: the organizations already counted have room for 0 more, so at least 2 new customer organizations must answer")
        );
        assert!(shortfall_hint(3, 1, 2, 8)
            .unwrap()
            .contains("at least 1 new customer organization must"));
    }

    #[test]
    fn anonymous_responses_count_under_their_organizations_cap_but_show_apart() {
        let on = day(2026, 3, 1);
        let mut responses: Vec<Completed> = (0..9)
            .map(|n| response(n, "o", "domain:contoso.example", on))
            .collect();
        responses[0].anonymous = true;
        responses.push(Completed {
            anonymous: true,
            ..response(9, "o", "domain:fabrikam.example", on)
        });
        let office = &standing(&["o"], &responses).offices[0];
        assert_eq!((office.completed, office.counted), (10, 9));
        assert_eq!(
            office.organizations,
            vec![OrganizationCount {
                org_key: "domain:contoso.example".into(),
                completed: 8,
                counted: 8,
            }]
        );
        assert_eq!(
            office.anonymous,
            AnonymousCount {
                completed: 2,
                counted: 1
            }
        );
        assert_eq!(
            office.excluded.get(&Exclusion::OverOrganizationCap),
            Some(&1)
        );
        // The named line is what the named responses alone give; the anonymous ones take the room
        // they leave, and room is judged on the named lines only (as if from unknown organizations).
        assert_eq!((office.shortfall, office.additional_organizations), (1, 1));
    }

    #[test]
    fn exactly_ten_from_distinct_organizations_is_met() {
        let result = standing(
            &["a"],
            &many(10, "a", |i| format!("org{i}"), day(2026, 6, 1)),
        );
        assert!(result.met);
        assert_eq!(
            (result.offices[0].counted, result.offices[0].shortfall),
            (10, 0)
        );
        let nine = standing(
            &["a"],
            &many(9, "a", |i| format!("org{i}"), day(2026, 6, 1)),
        );
        assert!(!nine.met);
        assert_eq!(nine.offices[0].shortfall, 1);
    }

    #[test]
    fn nine_plus_one_over_the_cap_is_not_met() {
        let mut responses = many(8, "a", |_| "big".into(), day(2026, 6, 1));
        responses.push(response(100, "a", "small", day(2026, 6, 2)));
        responses.push(response(101, "a", "big", day(2026, 6, 3)));
        let result = standing(&["a"], &responses);
        let office = &result.offices[0];
        assert!(!result.met);
        assert_eq!((office.completed, office.counted), (10, 9));
        assert_eq!(
            office.excluded.get(&Exclusion::OverOrganizationCap),
            Some(&1)
        );
        assert_eq!(
            office.additional_organizations, 0,
            "the small organization still has room"
        );
    }

    #[test]
    fn twelve_from_one_organization_count_eight_in_completion_order() {
        let responses: Vec<Completed> = (0..12)
            .map(|i| response(i, "a", "one", day(2026, 1, 1 + i as u32)))
            .collect();
        let office = &standing(&["a"], &responses).offices[0];
        assert_eq!((office.completed, office.counted), (12, 8));
        assert_eq!(
            office.organizations,
            vec![OrganizationCount {
                org_key: "one".into(),
                completed: 12,
                counted: 8
            }]
        );
        assert_eq!((office.shortfall, office.additional_organizations), (2, 1));
    }

    #[test]
    fn a_response_one_day_outside_the_window_does_not_count() {
        let mut responses = many(9, "a", |i| format!("org{i}"), day(2026, 6, 1));
        responses.push(response(50, "a", "late", day(2025, 11, 23)));
        let result = standing(&["a"], &responses);
        assert!(!result.met);
        assert_eq!(
            result.offices[0].excluded.get(&Exclusion::OutsideWindow),
            Some(&1)
        );
        responses.last_mut().unwrap().completed_on = day(2025, 11, 24);
        assert!(
            standing(&["a"], &responses).met,
            "one day later it is inside"
        );
    }

    #[test]
    fn offices_never_add_up_but_one_is_enough() {
        let mut two = many(6, "a", |i| format!("a{i}"), day(2026, 6, 1));
        two.extend(many(6, "b", |i| format!("b{i}"), day(2026, 6, 1)));
        assert!(!standing(&["a", "b"], &two).met);
        let mut three = many(10, "c", |i| format!("c{i}"), day(2026, 6, 1));
        three.extend(many(3, "a", |i| format!("a{i}"), day(2026, 6, 1)));
        let result = standing(&["a", "b", "c"], &three);
        assert!(result.met);
        assert_eq!(result.offices.iter().filter(|o| o.meets).count(), 1);
    }

    #[test]
    fn a_voided_response_stops_counting() {
        let mut responses = many(10, "a", |i| format!("org{i}"), day(2026, 6, 1));
        responses[3].voided = true;
        let result = standing(&["a"], &responses);
        assert!(!result.met);
        assert_eq!(result.offices[0].excluded.get(&Exclusion::Voided), Some(&1));
    }

    #[test]
    fn a_leap_day_response_leaves_the_window_on_the_first_of_march() {
        assert_eq!(exit_day(day(2024, 2, 29), 12), day(2025, 3, 1));
        assert!(in_window(day(2024, 2, 29), day(2025, 2, 28), 12));
        assert_eq!(exit_day(day(2026, 1, 31), 1), day(2026, 3, 1));
        assert_eq!(exit_day(day(2026, 6, 1), 12), day(2027, 6, 1));
    }

    #[test]
    fn valid_until_respects_month_end_exits() {
        let mut responses = vec![response(0, "a", "leap", day(2024, 2, 29))];
        responses.extend((1..10).map(|i| response(i, "a", &format!("org{i}"), day(2024, 3, 10))));
        let ids = vec!["a".to_string()];
        let result = membership_standing(&ids, &responses, &Rules::default(), day(2024, 6, 1));
        assert_eq!(
            result.valid_until,
            Some(day(2025, 2, 28)),
            "the leap-day response leaves on 2025-03-01"
        );
    }

    #[test]
    fn valid_until_is_the_last_day_before_the_count_drops() {
        let mut responses: Vec<Completed> = (0..10)
            .map(|i| response(i, "a", &format!("org{i}"), day(2026, 1, 10 + i as u32)))
            .collect();
        responses.push(response(99, "a", "extra", day(2026, 3, 1)));
        let result = standing(&["a"], &responses);
        // 11 counted: the first exit (2027-01-10) leaves 10, the second (2027-01-11) leaves 9.
        assert_eq!(result.valid_until, Some(day(2027, 1, 10)));
        // An over-cap response steps in when an older one of its organization leaves.
        let mut capped: Vec<Completed> = (0..9)
            .map(|i| response(i, "a", "big", day(2026, 1, 1 + i as u32)))
            .collect();
        capped.extend((0..2).map(|i| response(20 + i, "a", &format!("small{i}"), day(2026, 2, 1))));
        let office = &standing(&["a"], &capped).offices[0];
        assert_eq!(office.counted, 10);
        assert_eq!(
            office.valid_until,
            Some(day(2027, 1, 1)),
            "the ninth 'big' response replaces the first when it leaves"
        );
    }

    #[test]
    fn a_response_already_outside_the_window_does_not_move_valid_until() {
        let mut responses = many(10, "a", |i| format!("org{i}"), day(2026, 6, 1));
        responses.push(response(50, "a", "old", day(2025, 1, 10)));
        let result = standing(&["a"], &responses);
        assert!(result.met);
        assert_eq!(
            result.offices[0].excluded.get(&Exclusion::OutsideWindow),
            Some(&1)
        );
        assert_eq!(
            result.valid_until,
            Some(day(2027, 5, 31)),
            "the ten in the window leave on 2027-06-01; the old one left on 2026-01-10"
        );
    }

    #[test]
    fn counts_hold_until_a_response_enters_or_leaves_the_window() {
        let rules = Rules::default();
        let mut responses = many(10, "a", |i| format!("org{i}"), day(2026, 6, 1));
        responses.push(response(20, "a", "old", day(2025, 1, 10)));
        assert_eq!(
            unchanged_until(&responses, &rules, AS_OF()),
            Some(day(2027, 5, 31)),
            "the ten leave on 2027-06-01; the old one left already"
        );
        responses.push(response(21, "a", "late", day(2026, 12, 5)));
        assert_eq!(
            unchanged_until(&responses, &rules, AS_OF()),
            Some(day(2026, 12, 4)),
            "a response completed after the day enters the window on its day"
        );
        responses.last_mut().unwrap().voided = true;
        assert_eq!(
            unchanged_until(&responses, &rules, AS_OF()),
            Some(day(2027, 5, 31)),
            "a voided response never moves a count"
        );
        assert_eq!(unchanged_until(&[], &rules, AS_OF()), None);
        let ids = vec!["a".to_string()];
        let standing = membership_standing(&ids, &responses, &rules, AS_OF());
        assert_eq!(
            summary(&standing, &responses, &rules, AS_OF()),
            Summary {
                met: true,
                best_office_counted: 10,
                unchanged_until: Some(day(2027, 5, 31)),
            }
        );
    }

    fn arbitrary_responses() -> impl Strategy<Value = Vec<Completed>> {
        prop::collection::vec((0usize..3, 0usize..6, 0i64..500, any::<bool>()), 0..60).prop_map(
            |rows| {
                rows.into_iter()
                    .enumerate()
                    .map(|(i, (office, org, days_ago, voided))| Completed {
                        id: format!("r{i:04}"),
                        office_id: format!("o{office}"),
                        org_key: format!("org{org}"),
                        completed_on: AS_OF() - chrono::Duration::days(days_ago),
                        voided: voided && i % 5 == 0,
                        anonymous: i % 3 == 0,
                    })
                    .collect()
            },
        )
    }

    proptest! {
        #[test]
        fn counted_never_exceeds_completed_nor_the_cap(responses in arbitrary_responses()) {
            let result = standing(&["o0", "o1", "o2"], &responses);
            for office in &result.offices {
                prop_assert!(office.counted <= office.completed);
                for org in &office.organizations {
                    prop_assert!(org.counted <= 8 && org.counted <= org.completed);
                }
                let shares = office.organizations.iter().map(|o| (o.completed, o.counted));
                let (named_completed, named_counted) =
                    shares.fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
                prop_assert_eq!(named_completed + office.anonymous.completed, office.completed);
                prop_assert_eq!(named_counted + office.anonymous.counted, office.counted);
                prop_assert_eq!(office.meets, office.counted >= 10);
                prop_assert!(office.valid_until.is_none_or(|d| d >= AS_OF()));
            }
        }

        #[test]
        fn adding_a_response_in_the_window_never_lowers_a_count(responses in arbitrary_responses(), office in 0usize..3, org in 0usize..8, days_ago in 0i64..365) {
            let before = standing(&["o0", "o1", "o2"], &responses);
            let mut more = responses.clone();
            more.push(Completed { id: "zzz".into(), office_id: format!("o{office}"), org_key: format!("org{org}"), completed_on: AS_OF() - chrono::Duration::days(days_ago), voided: false, anonymous: false });
            let after = standing(&["o0", "o1", "o2"], &more);
            for (b, a) in before.offices.iter().zip(&after.offices) {
                prop_assert!(a.counted >= b.counted);
            }
            prop_assert!(after.met || !before.met);
        }

        #[test]
        fn offices_are_judged_alone(responses in arbitrary_responses()) {
            let result = standing(&["o0", "o1", "o2"], &responses);
            prop_assert_eq!(result.met, result.offices.iter().any(|o| o.counted >= 10));
            for office in &result.offices {
                let alone = standing(&[office.office_id.as_str()], &responses);
                prop_assert_eq!(alone.offices[0].counted, office.counted);
            }
        }

        #[test]
        fn order_of_input_never_matters(mut responses in arbitrary_responses()) {
            let before = standing(&["o0", "o1", "o2"], &responses);
            responses.reverse();
            prop_assert_eq!(standing(&["o0", "o1", "o2"], &responses), before);
        }

        #[test]
        fn the_summary_holds_every_day_until_it_says(responses in arbitrary_responses(), future in prop::collection::vec(1i64..60, 0..3)) {
            let mut responses = responses;
            for (i, days) in future.into_iter().enumerate() {
                responses.push(Completed { id: format!("f{i}"), office_id: "o1".into(), org_key: "late".into(), completed_on: AS_OF() + chrono::Duration::days(days), voided: false, anonymous: false });
            }
            let rules = Rules::default();
            let offices: Vec<String> = ["o0", "o1", "o2"].iter().map(|o| o.to_string()).collect();
            let on = |day: NaiveDate| summary(&membership_standing(&offices, &responses, &rules, day), &responses, &rules, day);
            let today = on(AS_OF());
            let last = today.unchanged_until.unwrap_or(AS_OF() + chrono::Duration::days(800));
            prop_assert!(last >= AS_OF());
            let mut day = AS_OF();
            while day <= last {
                let later = on(day);
                prop_assert_eq!((later.met, later.best_office_counted), (today.met, today.best_office_counted), "on {}", day);
                day = day.succ_opt().unwrap();
            }
        }
    }
}
