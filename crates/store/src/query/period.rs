//! Calendar periods for time series: days, ISO weeks (from Monday), months.

use chrono::{Datelike, Days, Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            other => Err(format!(
                "unknown period {other:?}: expected day, week or month"
            )),
        }
    }
}

impl Period {
    /// The first day of the period that contains `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => d - Days::new(u64::from(d.weekday().num_days_from_monday())),
            Period::Month => d.with_day(1).unwrap_or(d),
        }
    }

    /// The first day of the period after the one starting at `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let next = match self {
            Period::Day => start.checked_add_days(Days::new(1)),
            Period::Week => start.checked_add_days(Days::new(7)),
            Period::Month => start.checked_add_months(Months::new(1)),
        };
        next.unwrap_or(NaiveDate::MAX)
    }

    /// How a period is named in output: `2016-03-25`, `2016-03-21` (its
    /// Monday), `2016-03`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Day | Period::Week => start.to_string(),
            Period::Month => start.format("%Y-%m").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_and_steps() {
        let d = NaiveDate::from_ymd_opt(2016, 3, 25).unwrap(); // a Friday
        assert_eq!(Period::Week.start(d).to_string(), "2016-03-21");
        assert_eq!(Period::Month.label(Period::Month.start(d)), "2016-03");
        assert_eq!(
            Period::Month.next(Period::Month.start(d)).to_string(),
            "2016-04-01"
        );
        assert_eq!(
            Period::Week.next(Period::Week.start(d)).to_string(),
            "2016-03-28"
        );
        assert!("year".parse::<Period>().is_err());
    }
}
