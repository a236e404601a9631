//! Results: metrics with their `n`, answer distributions and time series per reporting period, and charts.
//! For the partner (its own) and the administrator; the vendor uses the program-wide views.

use actix_web::{get, web};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::{
    api::extract::Query,
    auth::{Caller, RecordReader},
    db::{
        self,
        results::{AnswerCount, MetricCount, ResponseCount},
    },
    domain::{
        ids::QuestionId,
        metrics::{Metrics, StandardCounts},
        periods::period_of,
        questionnaire::{pick, Question, QuestionKind},
    },
    error::{ApiError, ApiResult},
    service::{
        self,
        results::{Of, ScopeCounts, SurveyCounts},
    },
    AppState,
};

pub(super) fn routes(cfg: &mut ServiceConfig) {
    cfg.service(survey_results)
        .service(office_results)
        .service(membership_results)
        .service(membership_chart)
        .service(survey_chart);
}

pub use super::RangeQuery;
use super::{Returned, SvgChart};
use crate::api::charts;

/// The first day of a stored `YYYY-MM` month.
pub fn month_start(month: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()
}

/// How many answers gave one value.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Bucket {
    /// The value: a scale number, or an option value.
    pub value: super::AnswerData,
    /// The option's label (default locale), for choice questions.
    pub label: Option<String>,
    /// Answers with this value.
    pub count: i64,
}

/// The answers of one question.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuestionResult {
    /// The question.
    pub question_id: Uuid,
    /// Its kind.
    pub kind: QuestionKind,
    /// Whether it is a standard question.
    pub standard: bool,
    /// The question text in the program's default locale.
    pub prompt: String,
    /// Responses that answered it.
    pub n: i64,
    /// Answers per value, in scale or option order.
    pub distribution: Vec<Bucket>,
}

/// The figures of one reporting period.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PeriodResult {
    /// The period (`2026-Q4`).
    pub period: String,
    /// Its first day.
    pub starts_on: NaiveDate,
    /// Its last day.
    pub ends_on: NaiveDate,
    /// Non-voided responses completed in it.
    pub responses: i64,
    /// The metrics, each with its `n`.
    pub metrics: Metrics,
}

/// A free-text answer (never shown to the vendor).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Comment {
    /// The question.
    pub question_id: Uuid,
    /// The text.
    pub text: String,
}

/// Results of a survey: every question, custom ones and comments included.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SurveyResults {
    /// The survey.
    pub survey_id: Uuid,
    /// Non-voided responses.
    pub responses: i64,
    /// The metrics, each with its `n`.
    pub metrics: Metrics,
    /// Answers per question (free-text questions are in `comments`).
    pub questions: Vec<QuestionResult>,
    /// Free-text answers.
    pub comments: Vec<Comment>,
}

/// Results of an office or a membership over a date range.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ScopeResults {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Non-voided responses completed in the range.
    pub responses: i64,
    /// The metrics over the whole range.
    pub metrics: Metrics,
    /// The standard questions' answers.
    pub questions: Vec<QuestionResult>,
    /// The metrics per reporting period in the range, oldest first.
    pub periods: Vec<PeriodResult>,
}

/// Folds metric counts into one set of metrics.
pub fn metrics_of<'a>(counts: impl IntoIterator<Item = &'a MetricCount>) -> Metrics {
    let mut standard = StandardCounts::default();
    for c in counts {
        standard.add(
            &c.metric,
            c.number_value,
            c.text_value.as_deref(),
            c.answers,
        );
    }
    standard.metrics()
}

/// Per-period metrics from monthly counts.
pub fn period_series(
    counts: &[MetricCount],
    responses: &[ResponseCount],
    months: u32,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<PeriodResult> {
    crate::domain::periods::periods_between(from, to, months)
        .into_iter()
        .map(|period| {
            let inside = |month: &str| {
                month_start(month).is_some_and(|d| d >= period.starts_on && d <= period.ends_on)
            };
            PeriodResult {
                metrics: metrics_of(counts.iter().filter(|c| inside(&c.month))),
                responses: responses
                    .iter()
                    .filter(|r| inside(&r.month))
                    .map(|r| r.responses)
                    .sum(),
                period: period.id,
                starts_on: period.starts_on,
                ends_on: period.ends_on,
            }
        })
        .collect()
}

/// Answer distributions of `questions` from grouped counts (every scale value and option listed).
pub fn distributions(
    questions: &[Question],
    counts: &[AnswerCount],
    locale: &str,
) -> Vec<QuestionResult> {
    questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Text)
        .map(|q| {
            let id = QuestionId::from(q.id);
            let own: Vec<&AnswerCount> = counts.iter().filter(|c| c.question_id == id).collect();
            let n = own.iter().map(|c| c.answers).sum();
            let distribution = match q.kind {
                QuestionKind::Rating | QuestionKind::Nps => (q.min_value.unwrap_or(0)
                    ..=q.max_value.unwrap_or(10))
                    .map(|v| Bucket {
                        value: super::AnswerData::Number(v),
                        label: None,
                        count: own
                            .iter()
                            .filter(|c| c.number_value == Some(v))
                            .map(|c| c.answers)
                            .sum(),
                    })
                    .collect(),
                _ => q
                    .options
                    .iter()
                    .map(|o| Bucket {
                        value: super::AnswerData::Text(o.value.clone()),
                        label: Some(pick(&o.label, &[locale]).to_owned()),
                        count: own
                            .iter()
                            .filter(|c| chosen(c, &o.value))
                            .map(|c| c.answers)
                            .sum(),
                    })
                    .collect(),
            };
            QuestionResult {
                question_id: q.id,
                kind: q.kind,
                standard: q.standard,
                prompt: pick(&q.prompt, &[locale]).to_owned(),
                n,
                distribution,
            }
        })
        .collect()
}

fn chosen(count: &AnswerCount, value: &str) -> bool {
    match count.text_value.as_deref() {
        Some(text) if text.starts_with('[') => {
            serde_json::from_str::<Vec<String>>(text).is_ok_and(|v| v.iter().any(|c| c == value))
        }
        Some(text) => text == value,
        None => false,
    }
}

fn survey_results_of(counts: SurveyCounts) -> ApiResult<SurveyResults> {
    let SurveyCounts {
        survey,
        questions,
        locale,
        responses,
        answers,
        comments,
    } = counts;
    let mut standard = StandardCounts::default();
    for c in &answers {
        if let Some(metric) = &c.metric {
            standard.add(metric, c.number_value, c.text_value.as_deref(), c.answers);
        }
    }
    let answers: Vec<AnswerCount> = answers
        .into_iter()
        .map(|c| AnswerCount {
            question_id: c.question_id,
            number_value: c.number_value,
            text_value: c.text_value,
            answers: c.answers,
        })
        .collect();
    let comments = comments
        .into_iter()
        .map(|t| Comment {
            question_id: t.question_id.into(),
            text: t.text_value,
        })
        .collect();
    Ok(SurveyResults {
        survey_id: survey.id.into(),
        responses,
        metrics: standard.metrics(),
        questions: distributions(&questions, &answers, &locale),
        comments,
    })
}

/// Results over a date range, from their counts.
fn scope_results(counts: ScopeCounts, from: NaiveDate, to: NaiveDate) -> ScopeResults {
    let ScopeCounts {
        settings,
        metrics,
        responses,
        standard,
        answers,
    } = counts;
    ScopeResults {
        from,
        to,
        responses: responses.iter().map(|r| r.responses).sum(),
        metrics: metrics_of(&metrics),
        questions: distributions(&standard, &answers, &settings.default_locale),
        periods: period_series(
            &metrics,
            &responses,
            settings.reporting_period_months as u32,
            from,
            to,
        ),
    }
}

const SURVEY_ID: &str = "The survey's id.";

/// Get a survey's results
///
/// Metrics with their `n`, every question's answer distribution (custom questions included) and the comments.
/// Voided responses are left out. Partner (its own) and administrator only.
#[utoipa::path(tag = "results", params(("survey_id" = Uuid, Path, description = SURVEY_ID)), responses(Returned<SurveyResults>))]
#[get("/surveys/{survey_id}/results")]
async fn survey_results(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
) -> ApiResult<Returned<SurveyResults>> {
    let (id, scope) = (path.into_inner(), principal.visibility());
    Ok(Returned(survey_results_of(
        db::run(&state.pool, move |conn| {
            service::results::survey(conn, scope, id.into())
        })
        .await?,
    )?))
}

/// Get an office's results
///
/// Standard metrics and distributions over a date range (default: the last 12 months), and per reporting period.
#[utoipa::path(tag = "results", params(("office_id" = Uuid, Path, description = "The office's id."), RangeQuery), responses(Returned<ScopeResults>))]
#[get("/offices/{office_id}/results")]
async fn office_results(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<RangeQuery>,
) -> ApiResult<Returned<ScopeResults>> {
    let (from, to) = query.resolve(state.clock.now().date_naive())?;
    let (id, scope) = (path.into_inner(), principal.visibility());
    let counts = db::run(&state.pool, move |conn| {
        service::results::scope(conn, scope, Of::Office(id), from, to)
    })
    .await?;
    let results = scope_results(counts, from, to);
    Ok(Returned(results))
}

/// Get a membership's results
///
/// Standard metrics and distributions over a date range (default: the last 12 months), and per reporting period.
#[utoipa::path(tag = "results", params(("membership_id" = Uuid, Path, description = "The membership's id."), RangeQuery), responses(Returned<ScopeResults>))]
#[get("/memberships/{membership_id}/results")]
async fn membership_results(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<RangeQuery>,
) -> ApiResult<Returned<ScopeResults>> {
    let (from, to) = query.resolve(state.clock.now().date_naive())?;
    let (id, scope) = (path.into_inner(), principal.visibility());
    let counts = db::run(&state.pool, move |conn| {
        service::results::scope(conn, scope, Of::Membership(id), from, to)
    })
    .await?;
    let results = scope_results(counts, from, to);
    Ok(Returned(results))
}

/// The metric a trend chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChartMetric {
    /// NSAT, 0–200.
    Nsat,
    /// CSAT %, 0–100.
    Csat,
    /// NPS, −100–100.
    Nps,
    /// CES mean, 1–7.
    Ces,
}

impl ChartMetric {
    /// Its axis on a trend chart.
    fn scale(self) -> charts::Scale {
        let (name, low, high) = match self {
            ChartMetric::Nsat => ("NSAT", 0.0, 200.0),
            ChartMetric::Csat => ("CSAT %", 0.0, 100.0),
            ChartMetric::Nps => ("NPS", -100.0, 100.0),
            ChartMetric::Ces => ("CES", 1.0, 7.0),
        };
        charts::Scale { name, low, high }
    }
}

/// Which metric to chart, over which range.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrendQuery {
    /// The metric.
    pub metric: ChartMetric,
    /// First day (default: 15 months before `to`, so five quarters show).
    pub from: Option<NaiveDate>,
    /// Last day (default: today).
    pub to: Option<NaiveDate>,
}

/// Get a membership's score trend as SVG
///
/// One point per reporting period that has answers, e.g. for a CRM dashboard or a browser.
#[utoipa::path(tag = "results", params(("membership_id" = Uuid, Path, description = "The membership's id."), TrendQuery), responses(SvgChart))]
#[get("/memberships/{membership_id}/results/chart.svg")]
async fn membership_chart(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<TrendQuery>,
) -> ApiResult<SvgChart> {
    let today = state.clock.now().date_naive();
    let to = query.to.unwrap_or(today);
    let from = query.from.unwrap_or_else(|| {
        period_of(to.checked_sub_months(Months::new(12)).unwrap_or(to), 3).starts_on
    });
    let (from, to) = RangeQuery {
        from: Some(from),
        to: Some(to),
    }
    .resolve(today)?;
    let (id, scope, metric) = (path.into_inner(), principal.visibility(), query.metric);
    let counts = db::run(&state.pool, move |conn| {
        service::results::scope(conn, scope, Of::Membership(id), from, to)
    })
    .await?;
    let results = scope_results(counts, from, to);
    let points: Vec<(String, Option<f64>)> = results
        .periods
        .iter()
        .map(|p| {
            let score = match metric {
                ChartMetric::Nsat => p.metrics.nsat,
                ChartMetric::Csat => p.metrics.csat,
                ChartMetric::Nps => p.metrics.nps,
                ChartMetric::Ces => p.metrics.ces,
            };
            (p.period.clone(), score.map(|s| s.value))
        })
        .collect();
    Ok(SvgChart(charts::trend(metric.scale(), &points)))
}

/// Which question to chart.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DistributionQuery {
    /// The question (standard or custom, not free text).
    pub question_id: Uuid,
}

/// Get a question's answer distribution as SVG
///
/// A bar chart of one question's answers in this survey: one bar per scale value or option, labelled
/// with its count. Partner and administrator only.
#[utoipa::path(tag = "results", params(("survey_id" = Uuid, Path, description = SURVEY_ID), DistributionQuery), responses(SvgChart))]
#[get("/surveys/{survey_id}/results/chart.svg")]
async fn survey_chart(
    state: web::Data<AppState>,
    principal: Caller<RecordReader>,
    path: web::Path<Uuid>,
    query: Query<DistributionQuery>,
) -> ApiResult<SvgChart> {
    let (id, scope, question_id) = (path.into_inner(), principal.visibility(), query.question_id);
    let results = survey_results_of(
        db::run(&state.pool, move |conn| {
            service::results::survey(conn, scope, id.into())
        })
        .await?,
    )?;
    let question = results
        .questions
        .iter()
        .find(|q| q.question_id == question_id)
        .ok_or_else(|| {
            ApiError::invalid_field("question_id", "is not a charted question of this survey")
        })?;
    let bars: Vec<(String, i64)> = question
        .distribution
        .iter()
        .map(|b| {
            (
                b.label.clone().unwrap_or_else(|| b.value.to_string()),
                b.count,
            )
        })
        .collect();
    Ok(SvgChart(charts::bars(&question.prompt, &bars)))
}
