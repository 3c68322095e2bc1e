//! Numbers as people read them: the one place for rounding and plurals.
//!
//! - Person-days are whole from 10 up and to the half below (`12`, `2.5`, `0.5`), and an amount
//!   above zero never reads as nothing: precision the estimate does not have is not shown
//!   (no "127.6 of 209.9").
//! - Months are to the half month.
//! - A counted noun takes its locale's plural form: keys `<key>.one` and `<key>.other` with an
//!   `{n}` placeholder (`unit.person_days.one = "{n} person-day"`). English uses `one` for exactly
//!   "1"; a locale with other rules would add its forms and its rule here.

use crate::content::catalog::Catalog;
use crate::export::tr;

/// Locale key stems of counted units (each has `.one` and `.other`).
pub const UNIT_KEYS: &[&str] = &[
    "unit.person_days",
    "unit.days",
    "unit.months",
    "unit.points",
    "unit.controls",
    "unit.ai_systems",
];

/// Person-days for display: whole from 10 up, to the half below, at least a half when above zero.
pub fn days(x: f64) -> String {
    if !x.is_finite() || x <= 0.0 {
        return "0".to_owned();
    }
    let half = (x * 2.0).round() / 2.0;
    if half >= 10.0 {
        return format!("{:.0}", x.round());
    }
    let half = if half == 0.0 { 0.5 } else { half };
    if half.fract() == 0.0 {
        format!("{half:.0}")
    } else {
        format!("{half:.1}")
    }
}

/// Months for display, to the half month (`4`, `4.5`).
pub fn months_number(x: f64) -> String {
    if !x.is_finite() || x <= 0.0 {
        return "0".to_owned();
    }
    let half = (x * 2.0).round() / 2.0;
    if half.fract() == 0.0 {
        format!("{half:.0}")
    } else {
        format!("{half:.1}")
    }
}

/// Readiness points for display: whole from 10 up, one decimal below (a small gain stays visible).
pub fn points_number(x: f64) -> String {
    if !x.is_finite() || x <= 0.0 {
        return "0".to_owned();
    }
    if x >= 9.95 {
        format!("{:.0}", x.round())
    } else {
        let tenths = (x * 10.0).round() / 10.0;
        if tenths.fract() == 0.0 {
            format!("{tenths:.0}")
        } else {
            format!("{tenths:.1}")
        }
    }
}

/// The plural category of a number as displayed (English: `one` for exactly "1").
fn category(_locale: &str, n: &str) -> &'static str {
    if n == "1" { "one" } else { "other" }
}

/// A counted noun: `key.one` or `key.other` with `{n}` filled.
pub fn counted(catalog: &Catalog, locale: &str, key: &str, n: &str) -> String {
    tr(
        catalog,
        locale,
        &format!("{key}.{}", category(locale, n)),
        &[("n", n)],
    )
}

/// "1 person-day", "2.5 person-days", "12 person-days".
pub fn person_days(catalog: &Catalog, locale: &str, x: f64) -> String {
    counted(catalog, locale, "unit.person_days", &days(x))
}

/// "1 month", "4.5 months".
pub fn months(catalog: &Catalog, locale: &str, x: f64) -> String {
    counted(catalog, locale, "unit.months", &months_number(x))
}

/// "1 point", "2.3 points".
pub fn points(catalog: &Catalog, locale: &str, x: f64) -> String {
    counted(catalog, locale, "unit.points", &points_number(x))
}

/// Every locale key this module needs.
pub fn required_keys() -> Vec<String> {
    UNIT_KEYS
        .iter()
        .flat_map(|k| [format!("{k}.one"), format!("{k}.other")])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_whole_from_ten_and_halves_below() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-1.0, "0"),
            (f64::NAN, "0"),
            (0.04, "0.5"),
            (0.3, "0.5"),
            (0.74, "0.5"),
            (0.76, "1"),
            (1.0, "1"),
            (2.25, "2.5"),
            (3.0, "3"),
            (9.6, "9.5"),
            (9.8, "10"),
            (12.4, "12"),
            (127.6, "128"),
            (209.9, "210"),
        ];
        for (x, expect) in cases {
            assert_eq!(days(*x), *expect, "{x}");
        }
    }

    #[test]
    fn months_and_points_round_as_documented() {
        assert_eq!(months_number(4.2), "4");
        assert_eq!(months_number(4.3), "4.5");
        assert_eq!(points_number(2.34), "2.3");
        assert_eq!(points_number(12.34), "12");
        assert_eq!(points_number(0.0), "0");
    }

    #[test]
    fn plurals_follow_the_number_shown() {
        let c = Catalog::builtin().expect("valid content");
        assert_eq!(person_days(c, "en", 1.0), "1 person-day");
        assert_eq!(person_days(c, "en", 0.9), "1 person-day");
        assert_eq!(person_days(c, "en", 0.2), "0.5 person-days");
        assert_eq!(person_days(c, "en", 12.0), "12 person-days");
        assert_eq!(months(c, "en", 1.0), "1 month");
        assert_eq!(months(c, "en", 5.5), "5.5 months");
        assert_eq!(counted(c, "en", "unit.days", "1"), "1 day");
        assert_eq!(counted(c, "en", "unit.days", "0.5"), "0.5 days");
    }
}
