//! The program in aggregate: metrics by country and period, and benchmarks. Every figure comes from
//! aggregate SQL; cells over fewer responses than the anonymity threshold are suppressed (with secondary
//! suppression), and no free text, custom question or customer organization ever appears.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use actix_web::{get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{
    compliance::{as_of, AsOfQuery},
    results::{bounds, metrics_of, month_start, RangeQuery},
};
use crate::{
    api::extract::Query,
    auth::{Principal, Role},
    db::{
        self,
        results::{MetricCount, Scope},
        DbConnection,
    },
    domain::{
        compliance::window_start,
        metrics::{percentile, percentile_rank, Metrics, Score, StandardCounts},
        periods::{period_of, periods_between, settled_day},
        privacy::suppressed,
    },
    error::ApiResult,
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(program_metrics)
        .service(program_benchmarks)
        .service(membership_benchmark);
}

/// One cell of an aggregate table.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Cell {
    /// Hidden because it (or, for secondary suppression, a neighbour) covers fewer responses than the threshold.
    pub suppressed: bool,
    /// Responses behind it; `null` when suppressed.
    pub responses: Option<i64>,
    /// The metrics; `null` when suppressed.
    pub metrics: Option<Metrics>,
}

/// A country's cell.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CountryCell {
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// The figures.
    pub cell: Cell,
}

/// One period of the program table.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProgramPeriod {
    /// The period.
    pub period: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// The whole program.
    pub program: Cell,
    /// Per country with responses in the period.
    pub countries: Vec<CountryCell>,
}

/// Program metrics by reporting period and country.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProgramMetrics {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The fewest responses a shown cell covers.
    pub anonymity_threshold: i32,
    /// Oldest period first.
    pub periods: Vec<ProgramPeriod>,
}

/// The smallest `n` behind a set of figures: the responses, or any metric with answers.
fn cell_size(responses: i64, metrics: &Metrics) -> i64 {
    [
        metrics.nsat,
        metrics.csat,
        metrics.nps,
        metrics.ces,
        metrics.ces_easy,
    ]
    .iter()
    .flatten()
    .map(|s| s.n)
    .fold(responses, i64::min)
}

fn cell(responses: i64, metrics: Metrics, hidden: bool) -> Cell {
    match hidden {
        true => Cell {
            suppressed: true,
            responses: None,
            metrics: None,
        },
        false => Cell {
            suppressed: false,
            responses: Some(responses),
            metrics: Some(metrics),
        },
    }
}

fn program_table(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<ProgramMetrics> {
    let settings = db::settings::get(conn)?;
    let threshold = i64::from(settings.anonymity_threshold);
    let (start, end) = bounds(from, to);
    let counts = db::results::metric_counts(conn, &Scope::Program, &start, &end, true)?;
    let responses = db::results::response_counts(conn, &Scope::Program, &start, &end, true)?;
    let mut periods = Vec::new();
    for period in periods_between(from, to, settings.reporting_period_months as u32) {
        let inside = |month: &str| {
            month_start(month).is_some_and(|d| d >= period.starts_on && d <= period.ends_on)
        };
        let countries: BTreeSet<&str> = responses
            .iter()
            .filter(|r| inside(&r.month))
            .map(|r| r.country.as_str())
            .collect();
        let figures: Vec<(String, i64, Metrics)> = countries
            .iter()
            .map(|country| {
                let n = responses
                    .iter()
                    .filter(|r| inside(&r.month) && r.country == *country)
                    .map(|r| r.responses)
                    .sum();
                let metrics = metrics_of(
                    counts
                        .iter()
                        .filter(|c: &&MetricCount| inside(&c.month) && c.country == *country),
                );
                (country.to_string(), n, metrics)
            })
            .collect();
        let sizes: Vec<i64> = figures.iter().map(|(_, n, m)| cell_size(*n, m)).collect();
        let hidden = suppressed(&[sizes], threshold).pop().unwrap_or_default();
        let total: i64 = figures.iter().map(|(_, n, _)| n).sum();
        let whole = metrics_of(counts.iter().filter(|c| inside(&c.month)));
        let program_hidden = cell_size(total, &whole) < threshold;
        periods.push(ProgramPeriod {
            period: period.id,
            starts_on: period.starts_on,
            ends_on: period.ends_on,
            program: cell(total, whole, program_hidden),
            countries: figures
                .into_iter()
                .zip(hidden)
                .map(|((country, n, metrics), hidden)| CountryCell {
                    country,
                    cell: cell(n, metrics, hidden),
                })
                .collect(),
        });
    }
    Ok(ProgramMetrics {
        from,
        to,
        anonymity_threshold: settings.anonymity_threshold,
        periods,
    })
}

/// Get program metrics by country and period
///
/// NSAT, CSAT, NPS and CES of the whole program and of each country, per reporting period (default: the last
/// 12 months; for anyone but the administrator it ends with the last ended period). Cells covering fewer
/// responses than the anonymity threshold are suppressed, and then the smallest other cells of the period
/// until the hidden cells together cover the threshold, so subtracting from the total reveals no small group.
#[utoipa::path(tag = "insights", params(RangeQuery), responses((status = 200, description = "The program table.", body = ProgramMetrics)))]
#[get("/program/metrics")]
async fn program_metrics(
    state: web::Data<AppState>,
    principal: Principal,
    query: Query<RangeQuery>,
) -> ApiResult<web::Json<ProgramMetrics>> {
    let today = state.clock.now().date_naive();
    let (from, to) = query.resolve(today)?;
    let role = principal.role;
    let table = db::run(&state.pool, move |conn| {
        let months = db::settings::get(conn)?.reporting_period_months as u32;
        let (from, to) = match role {
            Role::Admin => (from, to),
            _ => {
                let to = settled_day(to, today, months);
                (
                    period_of(from, months)
                        .starts_on
                        .min(period_of(to, months).starts_on),
                    to,
                )
            }
        };
        program_table(conn, from, to)
    })
    .await?;
    Ok(web::Json(table))
}

/// How scores are spread across memberships.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Distribution {
    /// Memberships with enough answers to be included.
    pub memberships: usize,
    /// Hidden because fewer memberships than the anonymity threshold are included.
    pub suppressed: bool,
    /// 10th percentile.
    pub p10: Option<f64>,
    /// 25th percentile.
    pub p25: Option<f64>,
    /// Median.
    pub median: Option<f64>,
    /// 75th percentile.
    pub p75: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
}

fn distribution(mut values: Vec<f64>, threshold: usize) -> Distribution {
    values.sort_by(f64::total_cmp);
    let hidden = values.len() < threshold;
    let at = |p| if hidden { None } else { percentile(&values, p) };
    Distribution {
        memberships: values.len(),
        suppressed: hidden,
        p10: at(10.0),
        p25: at(25.0),
        median: at(50.0),
        p75: at(75.0),
        p90: at(90.0),
    }
}

/// A country's distribution.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CountryDistribution {
    /// The country.
    pub country: String,
    /// The distribution of its memberships (a membership with offices in several countries counts in each).
    pub distribution: Distribution,
}

/// Distributions of one metric.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MetricBenchmark {
    /// Across the program.
    pub program: Distribution,
    /// Per country.
    pub countries: Vec<CountryDistribution>,
}

/// How memberships' scores compare, over the rule's window.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Benchmarks {
    /// The last day of the window.
    pub as_of: NaiveDate,
    /// The first day of the window.
    pub window_from: NaiveDate,
    /// A membership is included with at least this many answers; a distribution is shown over at least this many memberships.
    pub anonymity_threshold: i32,
    /// NSAT across memberships.
    pub nsat: MetricBenchmark,
    /// NPS across memberships.
    pub nps: MetricBenchmark,
}

/// Every membership's NSAT and NPS in the window, and their countries.
struct Field {
    as_of: NaiveDate,
    window_from: NaiveDate,
    threshold: i64,
    scores: HashMap<String, (Option<Score>, Option<Score>)>,
    countries: HashMap<String, Vec<String>>,
}

impl Field {
    /// Loads the field on `as_of`, settled to an ended period's last day when `settle_before` (today) is given.
    fn load(
        conn: &mut DbConnection,
        as_of: NaiveDate,
        settle_before: Option<NaiveDate>,
    ) -> ApiResult<Field> {
        let settings = db::settings::get(conn)?;
        let as_of = match settle_before {
            Some(today) => settled_day(as_of, today, settings.reporting_period_months as u32),
            None => as_of,
        };
        let window_from = window_start(as_of, settings.window_months as u32)
            .succ_opt()
            .unwrap_or(as_of);
        let (start, end) = bounds(window_from, as_of);
        let mut counts: HashMap<String, StandardCounts> = HashMap::new();
        for row in db::results::membership_metric_counts(conn, &start, &end)? {
            counts.entry(row.membership_id).or_default().add(
                &row.metric,
                row.number_value,
                row.text_value.as_deref(),
                row.answers,
            );
        }
        let scores = counts.into_iter().map(|(id, c)| {
            let m = c.metrics();
            (id, (m.nsat, m.nps))
        });
        let mut countries: HashMap<String, Vec<String>> = HashMap::new();
        for row in db::results::membership_countries(conn)? {
            if !row.country.is_empty() {
                countries
                    .entry(row.membership_id)
                    .or_default()
                    .push(row.country);
            }
        }
        Ok(Field {
            as_of,
            window_from,
            threshold: i64::from(settings.anonymity_threshold),
            scores: scores.collect(),
            countries,
        })
    }

    /// The scores of memberships with enough answers, with their countries.
    fn eligible(
        &self,
        pick: impl Fn(&(Option<Score>, Option<Score>)) -> Option<Score>,
    ) -> Vec<(f64, &[String])> {
        self.scores
            .iter()
            .filter_map(|(id, s)| {
                pick(s).filter(|s| s.n >= self.threshold).map(|s| {
                    (
                        s.value,
                        self.countries.get(id).map(Vec::as_slice).unwrap_or(&[]),
                    )
                })
            })
            .collect()
    }

    fn benchmark(
        &self,
        pick: impl Fn(&(Option<Score>, Option<Score>)) -> Option<Score>,
    ) -> MetricBenchmark {
        let eligible = self.eligible(pick);
        let threshold = self.threshold as usize;
        let mut by_country: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
        for (value, countries) in &eligible {
            for country in *countries {
                by_country.entry(country).or_default().push(*value);
            }
        }
        MetricBenchmark {
            program: distribution(eligible.iter().map(|(v, _)| *v).collect(), threshold),
            countries: by_country
                .into_iter()
                .map(|(country, values)| CountryDistribution {
                    country: country.into(),
                    distribution: distribution(values, threshold),
                })
                .collect(),
        }
    }
}

/// Get program benchmarks
///
/// How NSAT and NPS are spread across memberships (program-wide and per country) over the rule's window.
/// Only memberships with at least the anonymity threshold of answers are included, and a distribution over
/// fewer memberships than the threshold is suppressed.
#[utoipa::path(tag = "insights", params(AsOfQuery), responses((status = 200, description = "The benchmarks.", body = Benchmarks)))]
#[get("/program/benchmarks")]
async fn program_benchmarks(
    state: web::Data<AppState>,
    principal: Principal,
    query: Query<AsOfQuery>,
) -> ApiResult<web::Json<Benchmarks>> {
    let today = state.clock.now().date_naive();
    let (day, settle) = (as_of(query.as_of, today)?, principal.role != Role::Admin);
    let field = db::run(&state.pool, move |conn| {
        Field::load(conn, day, settle.then_some(today))
    })
    .await?;
    Ok(web::Json(Benchmarks {
        as_of: field.as_of,
        window_from: field.window_from,
        anonymity_threshold: field.threshold as i32,
        nsat: field.benchmark(|s| s.0),
        nps: field.benchmark(|s| s.1),
    }))
}

/// A membership's rank in one metric.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Rank {
    /// The membership's score; `null` when it has too few answers (or, for the vendor, fewer than the threshold).
    pub score: Option<Score>,
    /// Its percentile rank among program memberships with enough answers, 0–100.
    pub program_percentile: Option<f64>,
    /// Its percentile rank per country of its offices (only where the country has enough memberships).
    pub countries: Vec<CountryRank>,
}

/// A percentile rank within one country.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CountryRank {
    /// The country.
    pub country: String,
    /// The percentile rank, 0–100.
    pub percentile: f64,
}

/// Where a membership stands among its peers.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MembershipBenchmark {
    /// The membership.
    pub membership_id: Uuid,
    /// The last day of the window.
    pub as_of: NaiveDate,
    /// The first day of the window.
    pub window_from: NaiveDate,
    /// NSAT rank.
    pub nsat: Rank,
    /// NPS rank.
    pub nps: Rank,
}

fn rank(
    field: &Field,
    id: &str,
    pick: impl Fn(&(Option<Score>, Option<Score>)) -> Option<Score> + Copy,
    show_small: bool,
) -> Rank {
    let own = field.scores.get(id).and_then(pick);
    let eligible_score = own.filter(|s| s.n >= field.threshold);
    let peers = field.eligible(pick);
    let threshold = field.threshold as usize;
    let program = (peers.len() >= threshold)
        .then(|| {
            eligible_score.and_then(|s| {
                percentile_rank(s.value, &peers.iter().map(|(v, _)| *v).collect::<Vec<_>>())
            })
        })
        .flatten();
    let countries = field
        .countries
        .get(id)
        .into_iter()
        .flatten()
        .filter_map(|country| {
            let values: Vec<f64> = peers
                .iter()
                .filter(|(_, c)| c.contains(country))
                .map(|(v, _)| *v)
                .collect();
            let score = eligible_score?;
            (values.len() >= threshold)
                .then(|| percentile_rank(score.value, &values))
                .flatten()
                .map(|percentile| CountryRank {
                    country: country.clone(),
                    percentile,
                })
        })
        .collect();
    Rank {
        score: if show_small { own } else { eligible_score },
        program_percentile: program,
        countries,
    }
}

/// Get a membership's benchmark
///
/// The membership's NSAT and NPS over the rule's window and its percentile rank in the program and in each
/// country of its offices. Shown to the partner (its own), the administrator and the vendor; the vendor sees
/// no score covering fewer answers than the anonymity threshold.
#[utoipa::path(tag = "insights", params(("membership_id" = Uuid, Path, description = "The membership's id."), AsOfQuery), responses((status = 200, description = "The benchmark.", body = MembershipBenchmark)))]
#[get("/memberships/{membership_id}/benchmark")]
async fn membership_benchmark(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<Uuid>,
    query: Query<AsOfQuery>,
) -> ApiResult<web::Json<MembershipBenchmark>> {
    let today = state.clock.now().date_naive();
    let day = as_of(query.as_of, today)?;
    let (id, scope, show_small) = (
        path.into_inner(),
        principal.partner_scope(),
        principal.role != Role::Vendor,
    );
    let (membership_id, field) = db::run(&state.pool, move |conn| {
        let membership = db::memberships::get(conn, scope, id)?;
        Ok((
            membership.id,
            Field::load(conn, day, (!show_small).then_some(today))?,
        ))
    })
    .await?;
    Ok(web::Json(MembershipBenchmark {
        membership_id: id,
        as_of: field.as_of,
        window_from: field.window_from,
        nsat: rank(&field, &membership_id, |s| s.0, show_small),
        nps: rank(&field, &membership_id, |s| s.1, show_small),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field in one country, threshold 5, from `(membership, NSAT value, answers)`.
    fn field(scores: &[(&str, f64, i64)]) -> Field {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        Field {
            as_of,
            window_from: window_start(as_of, 12).succ_opt().unwrap(),
            threshold: 5,
            scores: scores
                .iter()
                .map(|(id, value, n)| {
                    let score = Score {
                        value: *value,
                        n: *n,
                    };
                    (id.to_string(), (Some(score), None))
                })
                .collect(),
            countries: scores
                .iter()
                .map(|(id, ..)| (id.to_string(), vec!["BG".to_string()]))
                .collect(),
        }
    }

    #[test]
    fn a_membership_with_exactly_the_threshold_of_answers_is_ranked_for_the_vendor() {
        let field = field(&[
            ("exact", 150.0, 5),
            ("m1", 100.0, 6),
            ("m2", 120.0, 7),
            ("m3", 180.0, 8),
            ("m4", 200.0, 9),
            ("small", 50.0, 4),
        ]);
        let exact = rank(&field, "exact", |s| s.0, false);
        assert_eq!(exact.score, Some(Score { value: 150.0, n: 5 }));
        // Five eligible memberships (100, 120, 150, 180, 200): two below, one equal.
        assert_eq!(exact.program_percentile, Some(50.0));
        assert_eq!(
            exact
                .countries
                .iter()
                .map(|c| (c.country.as_str(), c.percentile))
                .collect::<Vec<_>>(),
            [("BG", 50.0)]
        );
        let small = rank(&field, "small", |s| s.0, false);
        assert_eq!((small.score, small.program_percentile), (None, None));
        assert_eq!(
            rank(&field, "small", |s| s.0, true).score,
            Some(Score { value: 50.0, n: 4 }),
            "the partner and the administrator see a small score"
        );
    }
}
