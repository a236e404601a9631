//! The satisfaction metrics, each with its `n`, computed from answer counts.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A figure and the number of answers behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Score {
    /// The figure (rounded to one decimal).
    pub value: f64,
    /// Answers behind it.
    pub n: i64,
}

/// Counts of the overall-satisfaction answers ("don't know" is kept but never scored).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SatisfactionCounts {
    /// Very satisfied.
    pub very_satisfied: i64,
    /// Somewhat satisfied.
    pub somewhat_satisfied: i64,
    /// Somewhat dissatisfied.
    pub somewhat_dissatisfied: i64,
    /// Very dissatisfied.
    pub very_dissatisfied: i64,
    /// Don't know (excluded).
    pub dont_know: i64,
}

impl SatisfactionCounts {
    /// Adds `count` answers of `value`; unknown values are ignored.
    pub fn add(&mut self, value: &str, count: i64) {
        match value {
            "very_satisfied" => self.very_satisfied += count,
            "somewhat_satisfied" => self.somewhat_satisfied += count,
            "somewhat_dissatisfied" => self.somewhat_dissatisfied += count,
            "very_dissatisfied" => self.very_dissatisfied += count,
            "dont_know" => self.dont_know += count,
            _ => {}
        }
    }

    fn scored(&self) -> i64 {
        self.very_satisfied
            + self.somewhat_satisfied
            + self.somewhat_dissatisfied
            + self.very_dissatisfied
    }
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn percent(part: i64, whole: i64) -> f64 {
    100.0 * part as f64 / whole as f64
}

/// NSAT = %very satisfied − %(somewhat + very dissatisfied) + 100, from 0 to 200; "don't know" excluded.
pub fn nsat(counts: &SatisfactionCounts) -> Option<Score> {
    let n = counts.scored();
    (n > 0).then(|| Score {
        value: round(
            percent(counts.very_satisfied, n)
                - percent(counts.somewhat_dissatisfied + counts.very_dissatisfied, n)
                + 100.0,
        ),
        n,
    })
}

/// CSAT % = share of satisfied answers (the top two boxes); "don't know" excluded.
pub fn csat(counts: &SatisfactionCounts) -> Option<Score> {
    let n = counts.scored();
    (n > 0).then(|| Score {
        value: round(percent(
            counts.very_satisfied + counts.somewhat_satisfied,
            n,
        )),
        n,
    })
}

/// NPS = %promoters (9–10) − %detractors (0–6), from −100 to 100. `counts[v]` answers of value `v`.
pub fn nps(counts: &[i64; 11]) -> Option<Score> {
    let n: i64 = counts.iter().sum();
    let promoters: i64 = counts[9..].iter().sum();
    let detractors: i64 = counts[..7].iter().sum();
    (n > 0).then(|| Score {
        value: round(percent(promoters, n) - percent(detractors, n)),
        n,
    })
}

/// CES mean (1–7, lower is easier). `counts[v - 1]` answers of value `v`.
pub fn ces_mean(counts: &[i64; 7]) -> Option<Score> {
    let n: i64 = counts.iter().sum();
    let total: i64 = counts
        .iter()
        .enumerate()
        .map(|(i, c)| (i as i64 + 1) * c)
        .sum();
    (n > 0).then(|| Score {
        value: (total as f64 / n as f64 * 100.0).round() / 100.0,
        n,
    })
}

/// Share of easy effort answers (1–3), in percent.
pub fn ces_easy(counts: &[i64; 7]) -> Option<Score> {
    let n: i64 = counts.iter().sum();
    (n > 0).then(|| Score {
        value: round(percent(counts[..3].iter().sum(), n)),
        n,
    })
}

/// All standard metrics of a set of responses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Metrics {
    /// Net satisfaction, 0–200.
    pub nsat: Option<Score>,
    /// Satisfied share, %.
    pub csat: Option<Score>,
    /// Net promoter score, −100–100.
    pub nps: Option<Score>,
    /// Mean customer effort, 1–7 (lower is better).
    pub ces: Option<Score>,
    /// Share of easy effort answers (1–3), %.
    pub ces_easy: Option<Score>,
}

/// Answer counts of the standard questions, from which every metric follows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StandardCounts {
    /// Overall satisfaction.
    pub satisfaction: SatisfactionCounts,
    /// Likelihood to recommend, by value 0–10.
    pub recommend: [i64; 11],
    /// Effort, by value 1–7.
    pub effort: [i64; 7],
}

impl StandardCounts {
    /// Adds `count` answers of a metric (`nsat`, `nps`, `ces`) with a number or text value.
    pub fn add(&mut self, metric: &str, number: Option<i64>, text: Option<&str>, count: i64) {
        match (metric, number, text) {
            ("nsat", _, Some(value)) => self.satisfaction.add(value, count),
            ("nps", Some(v @ 0..=10), _) => self.recommend[v as usize] += count,
            ("ces", Some(v @ 1..=7), _) => self.effort[v as usize - 1] += count,
            _ => {}
        }
    }

    /// The metrics.
    pub fn metrics(&self) -> Metrics {
        Metrics {
            nsat: nsat(&self.satisfaction),
            csat: csat(&self.satisfaction),
            nps: nps(&self.recommend),
            ces: ces_mean(&self.effort),
            ces_easy: ces_easy(&self.effort),
        }
    }
}

/// The percentile rank of `value` among `values`: the share below it plus half the share equal to it, 0–100.
pub fn percentile_rank(value: f64, values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let below = values.iter().filter(|v| **v < value).count() as f64;
    let equal = values.iter().filter(|v| **v == value).count() as f64;
    Some(round(100.0 * (below + equal / 2.0) / values.len() as f64))
}

/// The `p`-th percentile (0–100) of sorted values, by linear interpolation.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = p / 100.0 * (sorted.len() - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    Some(round(
        sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nsat_and_csat_exclude_dont_know() {
        let counts = SatisfactionCounts {
            very_satisfied: 6,
            somewhat_satisfied: 2,
            somewhat_dissatisfied: 1,
            very_dissatisfied: 1,
            dont_know: 5,
        };
        assert_eq!(
            nsat(&counts),
            Some(Score {
                value: 140.0,
                n: 10
            })
        );
        assert_eq!(csat(&counts), Some(Score { value: 80.0, n: 10 }));
        let all_bad = SatisfactionCounts {
            very_dissatisfied: 3,
            ..Default::default()
        };
        assert_eq!(nsat(&all_bad).unwrap().value, 0.0);
        let all_good = SatisfactionCounts {
            very_satisfied: 3,
            ..Default::default()
        };
        assert_eq!(nsat(&all_good).unwrap().value, 200.0);
        assert_eq!(
            nsat(&SatisfactionCounts {
                dont_know: 4,
                ..Default::default()
            }),
            None
        );
    }

    #[test]
    fn every_satisfaction_answer_is_added_to_its_own_count() {
        let mut counts = SatisfactionCounts::default();
        for (value, count) in [
            ("very_satisfied", 1),
            ("somewhat_satisfied", 2),
            ("somewhat_dissatisfied", 3),
            ("very_dissatisfied", 4),
            ("dont_know", 5),
            ("neutral", 6),
        ] {
            counts.add(value, count);
        }
        counts.add("somewhat_satisfied", 10);
        assert_eq!(
            counts,
            SatisfactionCounts {
                very_satisfied: 1,
                somewhat_satisfied: 12,
                somewhat_dissatisfied: 3,
                very_dissatisfied: 4,
                dont_know: 5,
            }
        );
    }

    #[test]
    fn somewhat_answers_move_csat_and_nsat() {
        let mut standard = StandardCounts::default();
        standard.add("nsat", None, Some("very_satisfied"), 2);
        standard.add("nsat", None, Some("somewhat_satisfied"), 1);
        standard.add("nsat", None, Some("somewhat_dissatisfied"), 1);
        let metrics = standard.metrics();
        // 2 of 4 very satisfied, 1 of 4 dissatisfied: 50 - 25 + 100; 3 of 4 satisfied.
        assert_eq!(metrics.nsat, Some(Score { value: 125.0, n: 4 }));
        assert_eq!(metrics.csat, Some(Score { value: 75.0, n: 4 }));
    }

    #[test]
    fn no_answers_give_no_score() {
        let none = SatisfactionCounts::default();
        assert_eq!((nsat(&none), csat(&none)), (None, None));
        let only_dont_know = SatisfactionCounts {
            dont_know: 3,
            ..Default::default()
        };
        assert_eq!(csat(&only_dont_know), None);
        assert_eq!(nps(&[0; 11]), None);
        assert_eq!((ces_mean(&[0; 7]), ces_easy(&[0; 7])), (None, None));
        assert_eq!(StandardCounts::default().metrics(), Metrics::default());
    }

    #[test]
    fn nps_counts_promoters_and_detractors() {
        let mut counts = [0i64; 11];
        counts[10] = 5;
        counts[9] = 1;
        counts[8] = 2;
        counts[3] = 2;
        assert_eq!(nps(&counts), Some(Score { value: 40.0, n: 10 }));
        assert_eq!(nps(&[0; 11]), None);
    }

    #[test]
    fn ces_mean_and_easy_share() {
        let counts = [2, 1, 1, 0, 0, 0, 1];
        assert_eq!(ces_mean(&counts), Some(Score { value: 2.8, n: 5 }));
        assert_eq!(ces_easy(&counts), Some(Score { value: 80.0, n: 5 }));
    }

    #[test]
    fn percentiles() {
        let values = [10.0, 20.0, 30.0, 40.0];
        assert_eq!(percentile_rank(30.0, &values), Some(62.5));
        assert_eq!(percentile_rank(5.0, &values), Some(0.0));
        assert_eq!(percentile(&values, 50.0), Some(25.0));
        assert_eq!(percentile(&values, 100.0), Some(40.0));
        assert_eq!(percentile(&[], 50.0), None);
    }
}
