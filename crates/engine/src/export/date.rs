//! Calendar dates and UTC time stamps, passed in by the caller: the engine has no clock.
//!
//! Only what the exports need: parse and print `YYYY-MM-DD`, build a date from days since
//! 1970-01-01 (so a shell can turn its clock into a [`Date`] without a date library), and print the
//! iCalendar forms `YYYYMMDD` and `YYYYMMDDTHHMMSSZ`.

use std::fmt;

/// A valid Gregorian calendar date in years 1–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// A moment in UTC, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What was given.
    pub input: String,
}

impl DateError {
    /// The words for a person (locale `cli.error.date`, the command-line scorer's `--date`).
    pub fn wording(&self) -> crate::model::text::Wording {
        crate::model::text::Wording::new("cli.error.date", &[("input", &self.input)])
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// 1970-01-01, day 0 of Unix time.
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// The date, if it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` exactly (four, two and two digits).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let err = || DateError {
            input: text.to_owned(),
        };
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return Err(err());
        }
        let num = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(err());
        };
        Date::new(
            year,
            u8::try_from(month).map_err(|_| err())?,
            u8::try_from(day).map_err(|_| err())?,
        )
        .ok_or_else(err)
    }

    /// The date `days` days after 1970-01-01 (negative: before), if within years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's `civil_from_days`.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's `days_from_civil`.
        let m = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days later (earlier when negative), if within years 1–9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(n)?)
    }

    /// The same day `n` calendar months later, or the month's last day when it is shorter
    /// (31 January + 1 month = 28 or 29 February), if within years 1–9999.
    pub fn add_months(self, n: u32) -> Option<Date> {
        let index = u32::from(self.year) * 12 + u32::from(self.month) - 1 + n;
        let year = u16::try_from(index / 12).ok()?;
        let month = u8::try_from(index % 12 + 1).ok()?;
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        u8::try_from((self.days_since_epoch() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    /// Year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// Month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month as `locale` writes it in a date: French writes the first "1er"
    /// ("1er avril 2027"), every other day and language the plain number.
    pub fn day_in(self, locale: &str) -> String {
        match (locale, self.day) {
            ("fr", 1) => "1er".to_owned(),
            _ => self.day.to_string(),
        }
    }

    /// Day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The iCalendar DATE form, `YYYYMMDD`.
    pub fn ical(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Timestamp {
    /// The moment, if the time of day exists (no leap seconds).
    pub fn new(date: Date, hour: u8, minute: u8, second: u8) -> Option<Timestamp> {
        (hour < 24 && minute < 60 && second < 60).then_some(Timestamp {
            date,
            hour,
            minute,
            second,
        })
    }

    /// Midnight UTC at the start of the date.
    pub fn midnight(date: Date) -> Timestamp {
        Timestamp {
            date,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// The moment `seconds` after 1970-01-01T00:00:00Z, if within years 1–9999.
    pub fn from_unix_seconds(seconds: i64) -> Option<Timestamp> {
        let date = Date::from_days_since_epoch(seconds.div_euclid(86_400))?;
        let s = seconds.rem_euclid(86_400);
        Timestamp::new(
            date,
            u8::try_from(s / 3600).ok()?,
            u8::try_from(s % 3600 / 60).ok()?,
            u8::try_from(s % 60).ok()?,
        )
    }

    /// The date part.
    pub fn date(self) -> Date {
        self.date
    }

    /// The iCalendar UTC DATE-TIME form, `YYYYMMDDTHHMMSSZ`.
    pub fn ical(self) -> String {
        format!(
            "{}T{:02}{:02}{:02}Z",
            self.date.ical(),
            self.hour,
            self.minute,
            self.second
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        for ok in ["2026-11-23", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(Date::parse(ok).map(|d| d.to_string()).as_deref(), Ok(ok));
        }
        for bad in [
            "",
            "2026-1-23",
            "2026-13-01",
            "2026-00-10",
            "2025-02-29",
            "2100-02-29",
            "2026-11-31",
            "0000-01-01",
            "2026/11/23",
            "+026-11-23",
            "2026-11-2x",
            "20261123",
            "2026-11-23 ",
            "２０２６-11-23",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn days_since_epoch_match_known_dates() {
        let cases: &[(i64, &str)] = &[
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (11_016, "2000-02-29"),
            (20_415, "2025-11-23"),
            (20_780, "2026-11-23"),
            (-719_162, "0001-01-01"),
        ];
        for (days, expect) in cases {
            assert_eq!(
                Date::from_days_since_epoch(*days)
                    .map(|d| d.to_string())
                    .as_deref(),
                Some(*expect),
                "{days}"
            );
        }
        assert_eq!(Date::from_days_since_epoch(-719_163), None);
        assert_eq!(Date::from_days_since_epoch(i64::MAX), None);
        assert_eq!(Date::from_days_since_epoch(i64::MIN), None);
    }

    #[test]
    fn date_arithmetic_round_trips_and_clamps() {
        for days in [-719_162_i64, -1, 0, 11_016, 20_780, 2_932_896] {
            let d = Date::from_days_since_epoch(days).expect("in range");
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
        let d = |s: &str| Date::parse(s).expect("date");
        assert_eq!(d("2026-01-31").add_months(1), Some(d("2026-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2026-11-30").add_months(3), Some(d("2027-02-28")));
        assert_eq!(d("2026-11-30").add_months(12), Some(d("2027-11-30")));
        assert_eq!(d("9999-12-01").add_months(1), None);
        assert_eq!(d("2026-12-31").add_days(1), Some(d("2027-01-01")));
        assert_eq!(d("2026-11-30").weekday(), 0, "a Monday");
        assert_eq!(d("2026-11-29").weekday(), 6, "a Sunday");
        assert!(d("2026-11-28").is_weekend());
        assert!(!d("2026-11-27").is_weekend());
    }

    #[test]
    fn timestamps_print_in_ical_form() {
        let t = Timestamp::from_unix_seconds(1_795_428_245).expect("in range");
        assert_eq!(t.ical(), "20261123T100405Z");
        assert_eq!(
            Timestamp::midnight(Date::parse("2026-01-05").expect("date")).ical(),
            "20260105T000000Z"
        );
        assert_eq!(Timestamp::new(t.date(), 24, 0, 0), None);
        assert_eq!(Timestamp::from_unix_seconds(i64::MIN), None);
    }
}
