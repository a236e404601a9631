//! Calendar-aligned reporting periods (`2026-Q4` for quarters).

use chrono::{Datelike, Months, NaiveDate};

/// One reporting period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Its id: `2026-Q4` (3 months), `2026-H2` (6), `2026` (12), `2026-11` (1), `2026-P3` (2 or 4).
    pub id: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
}

fn label(year: i32, index: u32, months: u32) -> String {
    match months {
        3 => format!("{year}-Q{index}"),
        6 => format!("{year}-H{index}"),
        12 => format!("{year}"),
        1 => format!("{year}-{index:02}"),
        _ => format!("{year}-P{index}"),
    }
}

fn build(year: i32, index: u32, months: u32) -> Option<Period> {
    if months == 0 || 12 % months != 0 || index == 0 || index > 12 / months {
        return None;
    }
    let starts_on = NaiveDate::from_ymd_opt(year, (index - 1) * months + 1, 1)?;
    let ends_on = starts_on
        .checked_add_months(Months::new(months))?
        .pred_opt()?;
    Some(Period {
        id: label(year, index, months),
        starts_on,
        ends_on,
    })
}

/// The period of `months` (a divisor of 12) that contains `date`.
pub fn period_of(date: NaiveDate, months: u32) -> Period {
    let months = if months == 0 || 12 % months != 0 {
        3
    } else {
        months
    };
    build(date.year(), (date.month() - 1) / months + 1, months).expect("a valid period")
}

/// Parses a period id of the given length.
pub fn parse(id: &str, months: u32) -> Option<Period> {
    let (year, rest) = id.split_once('-').map_or((id, None), |(y, r)| (y, Some(r)));
    let year: i32 = year.parse().ok().filter(|y| (1970..=9999).contains(y))?;
    let index = match (months, rest) {
        (12, None) => 1,
        (3, Some(r)) => r.strip_prefix('Q')?.parse().ok()?,
        (6, Some(r)) => r.strip_prefix('H')?.parse().ok()?,
        (1, Some(r)) if r.len() == 2 => r.parse().ok()?,
        (2 | 4, Some(r)) => r.strip_prefix('P')?.parse().ok()?,
        _ => return None,
    };
    build(year, index, months).filter(|p| p.id == id)
}

/// Every period from the one holding `from` to the one holding `to`, in order.
pub fn periods_between(from: NaiveDate, to: NaiveDate, months: u32) -> Vec<Period> {
    let mut periods = Vec::new();
    let mut current = period_of(from, months);
    while current.starts_on <= to {
        let next = current.ends_on.succ_opt().map(|d| period_of(d, months));
        periods.push(current);
        match next {
            Some(next) => current = next,
            None => break,
        }
    }
    periods
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn quarters_are_calendar_aligned() {
        let q = period_of(date(2026, 11, 23), 3);
        assert_eq!(
            (q.id.as_str(), q.starts_on, q.ends_on),
            ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31))
        );
        assert_eq!(period_of(date(2026, 1, 1), 3).id, "2026-Q1");
        assert_eq!(period_of(date(2026, 3, 31), 3).ends_on, date(2026, 3, 31));
        assert_eq!(period_of(date(2026, 8, 1), 6).id, "2026-H2");
        assert_eq!(period_of(date(2026, 8, 1), 12).id, "2026");
        assert_eq!(period_of(date(2026, 2, 10), 1).ends_on, date(2026, 2, 28));
    }

    #[test]
    fn ids_parse_back_and_bad_ids_do_not() {
        for months in [1, 2, 3, 4, 6, 12] {
            let period = period_of(date(2027, 5, 17), months);
            assert_eq!(parse(&period.id, months), Some(period));
        }
        for bad in [
            "2026-Q5", "2026-Q0", "2026-H1", "26-Q1", "2026-q1", "x", "2026-Q01",
        ] {
            assert_eq!(parse(bad, 3), None, "{bad}");
        }
    }

    #[test]
    fn lists_periods_between_dates() {
        let ids: Vec<String> = periods_between(date(2025, 11, 5), date(2026, 11, 23), 3)
            .into_iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(ids, ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    }
}
