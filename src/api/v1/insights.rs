//! The program in aggregate: metrics by country and quarter, and benchmarks. Every figure is a
//! published one (`crate::service::publication`): frozen when its reporting period closed, shown only
//! where disclosure control allows (DESIGN §2.1), never a live query; no free text, custom question or
//! customer organization ever appears.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::{get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{time, RangeQuery, Returned};
use crate::{
    api::extract::Query,
    auth::{AnyRole, Caller, Role},
    db::{self, publications::PublicationRow},
    domain::{
        disclosure::{Key, Quarter, Scope, Span},
        metrics::{percentile, percentile_rank, Metrics, Score},
    },
    error::{ApiError, ApiResult},
    service::{
        self,
        publication::{Field, Figures, Scores},
    },
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
    /// Hidden by disclosure control: too few responses or memberships, one partner's share too large, or
    /// it could be subtracted from another shown figure to isolate too few responses.
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

/// The program's published figures over one quarter, or over its year to date.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProgramPeriod {
    /// `2026-Q3` for a quarter, `2026-Q1..2026-Q3` for a year to date.
    pub period: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// When its latest quarter was last published.
    pub published_at: DateTime<Utc>,
    /// Whether an administrator restated any of its quarters after they were first published.
    pub restated: bool,
    /// The whole program.
    pub program: Cell,
    /// Per country with responses in it.
    pub countries: Vec<CountryCell>,
}

/// Program metrics by published quarter and country.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProgramMetrics {
    /// First day asked for.
    pub from: NaiveDate,
    /// Last day asked for.
    pub to: NaiveDate,
    /// The fewest responses a shown cell, or any difference of shown cells, covers.
    pub anonymity_threshold: i32,
    /// Each published quarter overlapping the range, oldest first.
    pub periods: Vec<ProgramPeriod>,
    /// For each year of those quarters, its year to date through the latest one published (only when
    /// that is not the year's first quarter).
    pub years_to_date: Vec<ProgramPeriod>,
}

impl Figures {
    /// `key` as the table shows it.
    fn cell(&self, key: &Key) -> Cell {
        match self.shown(key) {
            true => {
                let (responses, counts) = self.figures(key);
                Cell {
                    suppressed: false,
                    responses: Some(responses),
                    metrics: Some(counts.metrics()),
                }
            }
            false => Cell {
                suppressed: true,
                responses: None,
                metrics: None,
            },
        }
    }

    /// The program and its countries over `span`.
    fn period(&self, span: Span) -> ApiResult<ProgramPeriod> {
        let quarters: Vec<&PublicationRow> = self
            .publications
            .iter()
            .filter(|(quarter, _)| span.contains(**quarter))
            .map(|(_, row)| row)
            .collect();
        let latest = quarters
            .iter()
            .map(|row| row.published_at.as_str())
            .max()
            .ok_or_else(|| ApiError::Internal(format!("{span} is not published")))?;
        Ok(ProgramPeriod {
            period: span.to_string(),
            starts_on: span.first().starts_on(),
            ends_on: span.last().ends_on(),
            published_at: time(latest)?,
            restated: quarters.iter().any(|row| row.revision > 1),
            program: self.cell(&Key::program(span)),
            countries: self
                .cells
                .keys()
                .filter(|key| key.span == span)
                .filter_map(|key| match &key.scope {
                    Scope::Country(country) => Some(CountryCell {
                        country: country.clone(),
                        cell: self.cell(key),
                    }),
                    _ => None,
                })
                .collect(),
        })
    }
}

/// Get program metrics by country and quarter
///
/// NSAT, CSAT, NPS and CES of the whole program and of each country, as **published** for each calendar
/// quarter overlapping the range (default: the last 12 months), and each year to date. A quarter is
/// published when the reporting period it ends in is closed, with its data as of that moment; data that
/// arrives later changes nothing until an administrator restates the quarter (then `restated` is true).
///
/// Disclosure control (DESIGN §2.1) decides which cells are shown, for every reader alike:
/// - a cell covers at least `anonymity_threshold` responses (default 5, never below 3); a program or
///   country cell also has at least 3 contributing memberships, and still covers that many responses
///   when any one partner's responses are taken out;
/// - no two shown cells where one contains the other (a country and the program, a quarter and its year
///   to date, a membership and its country), nor a shown cell and its shown parts, differ by fewer than
///   that many responses; the fewest extra cells needed are suppressed for this, deterministically.
///
/// So an empty cell may hide a large group: it is suppressed to protect a neighbour.
#[utoipa::path(tag = "insights", params(RangeQuery), responses(Returned<ProgramMetrics>))]
#[get("/program/metrics")]
async fn program_metrics(
    state: web::Data<AppState>,
    _principal: Caller<AnyRole>,
    query: Query<RangeQuery>,
) -> ApiResult<Returned<ProgramMetrics>> {
    let today = state.clock.now().date_naive();
    let (from, to) = query.resolve(today)?;
    let (first, last) = (Quarter::containing(from), Quarter::containing(to));
    let published = db::run(&state.pool, move |conn| {
        Figures::load(conn, Span::year_to_date(first).first(), last)
    })
    .await?;
    let quarters: Vec<Quarter> = published
        .publications
        .keys()
        .filter(|q| first <= **q)
        .copied()
        .collect();
    let years: BTreeSet<i32> = quarters.iter().map(|q| q.year()).collect();
    Ok(Returned(ProgramMetrics {
        from,
        to,
        anonymity_threshold: published.threshold,
        periods: quarters
            .iter()
            .map(|q| published.period(Span::quarter(*q)))
            .collect::<ApiResult<_>>()?,
        years_to_date: years
            .into_iter()
            .filter_map(|year| published.latest_of(year).filter(|q| q.index() > 1))
            .map(|q| published.period(Span::year_to_date(q)))
            .collect::<ApiResult<_>>()?,
    }))
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

/// Which published year a benchmark covers.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The calendar year (default: the year of the latest published quarter). Its published year to
    /// date is used: from its first quarter through the latest one published.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

/// The published span a benchmark covers; all `null` while nothing of the year is published.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct BenchmarkSpan {
    /// `2026-Q1..2026-Q3`, or `2026-Q1` early in a year.
    pub period: Option<String>,
    /// Its first day.
    pub starts_on: Option<NaiveDate>,
    /// Its last day.
    pub ends_on: Option<NaiveDate>,
}

/// How memberships' scores compare, over a published year to date.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Benchmarks {
    /// The span of published quarters.
    pub span: BenchmarkSpan,
    /// A membership is included when its published cell is shown and it has at least this many answers; a
    /// distribution is shown over at least this many memberships.
    pub anonymity_threshold: i32,
    /// NSAT across memberships.
    pub nsat: MetricBenchmark,
    /// NPS across memberships.
    pub nps: MetricBenchmark,
}

impl Field {
    fn described_span(&self) -> BenchmarkSpan {
        self.span
            .map_or_else(BenchmarkSpan::default, |span| BenchmarkSpan {
                period: Some(span.to_string()),
                starts_on: Some(span.first().starts_on()),
                ends_on: Some(span.last().ends_on()),
            })
    }

    /// The scores of memberships with enough answers, with their countries.
    fn eligible(&self, pick: impl Fn(&Scores) -> Option<Score>) -> Vec<(f64, &[String])> {
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

    fn benchmark(&self, pick: impl Fn(&Scores) -> Option<Score>) -> MetricBenchmark {
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
/// How NSAT and NPS are spread across memberships (program-wide and per country of their responses) over
/// a published year to date. Only memberships whose published cell is shown (see *Get program metrics
/// by country and quarter* for the disclosure rules) and that have at least the anonymity threshold of
/// answers are included; a distribution over fewer memberships than the threshold is suppressed. Figures
/// change only when a quarter is published or restated.
#[utoipa::path(tag = "insights", params(YearQuery), responses(Returned<Benchmarks>))]
#[get("/program/benchmarks")]
async fn program_benchmarks(
    state: web::Data<AppState>,
    _principal: Caller<AnyRole>,
    query: Query<YearQuery>,
) -> ApiResult<Returned<Benchmarks>> {
    let year = checked_year(query.year)?;
    let field = db::run(&state.pool, move |conn| Field::load(conn, year, None)).await?;
    Ok(Returned(Benchmarks {
        span: field.described_span(),
        anonymity_threshold: field.threshold as i32,
        nsat: field.benchmark(|s| s.0),
        nps: field.benchmark(|s| s.1),
    }))
}

fn checked_year(year: Option<i32>) -> ApiResult<Option<i32>> {
    match year {
        Some(year) if !(2000..=2100).contains(&year) => Err(ApiError::invalid_field(
            "year",
            "must be a year from 2000 to 2100",
        )),
        year => Ok(year),
    }
}

/// A membership's rank in one metric.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Rank {
    /// The membership's score; for the vendor `null` unless its published cell is shown and it has at least
    /// the threshold of answers.
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
    /// The span of published quarters.
    pub span: BenchmarkSpan,
    /// NSAT rank.
    pub nsat: Rank,
    /// NPS rank.
    pub nps: Rank,
}

fn rank(field: &Field, id: &str, pick: impl Fn(&Scores) -> Option<Score> + Copy) -> Rank {
    let eligible_score = field
        .scores
        .get(id)
        .and_then(pick)
        .filter(|s| s.n >= field.threshold);
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
    let own = field.own.as_ref().filter(|(own, _)| own == id);
    Rank {
        score: own.map_or(eligible_score, |(_, scores)| pick(scores)),
        program_percentile: program,
        countries,
    }
}

/// Get a membership's benchmark
///
/// The membership's NSAT and NPS over a published year to date and its percentile rank in the program
/// and in each country of its responses, among memberships whose published cell is shown. The partner
/// (its own) and the administrator see its score even when its cell is suppressed; the vendor sees a
/// score only from a shown cell with at least the anonymity threshold of answers.
#[utoipa::path(tag = "insights", params(("membership_id" = Uuid, Path, description = "The membership's id."), YearQuery), responses(Returned<MembershipBenchmark>))]
#[get("/memberships/{membership_id}/benchmark")]
async fn membership_benchmark(
    state: web::Data<AppState>,
    principal: Caller<AnyRole>,
    path: web::Path<Uuid>,
    query: Query<YearQuery>,
) -> ApiResult<Returned<MembershipBenchmark>> {
    let year = checked_year(query.year)?;
    let (id, scope, sees_own) = (
        path.into_inner(),
        principal.visibility(),
        principal.role != Role::Vendor,
    );
    let (stored_id, field) = db::run(&state.pool, move |conn| {
        service::publication::membership_field(conn, scope, id.into(), year, sees_own)
    })
    .await?;
    Ok(Returned(MembershipBenchmark {
        membership_id: id,
        span: field.described_span(),
        nsat: rank(&field, &stored_id.to_string(), |s| s.0),
        nps: rank(&field, &stored_id.to_string(), |s| s.1),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field in one country, threshold 5, from `(membership, NSAT value, answers)`.
    fn field(scores: &[(&str, f64, i64)]) -> Field {
        Field {
            span: Quarter::new(2026, 3).map(Span::year_to_date),
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
            own: None,
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
        let exact = rank(&field, "exact", |s| s.0);
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
        let small = rank(&field, "small", |s| s.0);
        assert_eq!((small.score, small.program_percentile), (None, None));
        let own = Field {
            own: Some(("small".into(), (Some(Score { value: 50.0, n: 4 }), None))),
            ..field
        };
        assert_eq!(
            rank(&own, "small", |s| s.0).score,
            Some(Score { value: 50.0, n: 4 }),
            "the partner and the administrator see a small score"
        );
        assert_eq!(
            rank(&own, "exact", |s| s.0).score,
            Some(Score { value: 150.0, n: 5 }),
            "another membership's score is still the published one"
        );
    }
}
