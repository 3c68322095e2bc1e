//! Numbers as people read them: the one place for rounding and plurals.
//!
//! - Person-days are whole from 10 up and to the half below (`12`, `2.5`, `0.5`), and an amount
//!   above zero never reads as nothing: precision the estimate does not have is not shown
//!   (no "127.6 of 209.9").
//! - Months are to the half month.
//! - A counted noun takes its locale's plural form: keys `<key>.one` and `<key>.other` with an
//!   `{n}` placeholder (`unit.person_days.one = "{n} person-day"`). English uses `one` for exactly
//!   "1"; French for a number below 2 ("0 jour", "1,5 jour", CLDR's rule); a locale with other
//!   rules would add its forms and its rule here.
//! - Numbers are written the locale's way: French has a decimal comma ("2,5") and a no-break
//!   space before the percent sign ("40 %"); English "2.5" and "40%". The `*_in` functions and
//!   [`percent`] take the locale; the plain ones give the neutral form files such as CSV keep.

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
    "unit.answers",
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

/// A number written by this module (`"2.5"`) as `locale` writes it (French: `"2,5"`).
pub fn localize(locale: &str, number: &str) -> String {
    crate::model::text::localize_number(locale, number)
}

/// [`days`] as `locale` writes it.
pub fn days_in(locale: &str, x: f64) -> String {
    localize(locale, &days(x))
}

/// [`months_number`] as `locale` writes it.
pub fn months_in(locale: &str, x: f64) -> String {
    localize(locale, &months_number(x))
}

/// [`points_number`] as `locale` writes it.
pub fn points_in(locale: &str, x: f64) -> String {
    localize(locale, &points_number(x))
}

/// A percentage as `locale` writes it: `40%`, French `40 %` (with a no-break space).
pub fn percent(locale: &str, n: impl std::fmt::Display) -> String {
    let n = localize(locale, &n.to_string());
    match locale {
        "fr" => format!("{n}\u{a0}%"),
        _ => format!("{n}%"),
    }
}

/// The plural category of a number as displayed: English `one` for exactly "1"; French `one`
/// below 2 (0, 0,5, 1, 1,5: CLDR's rule for French).
fn category(locale: &str, n: &str) -> &'static str {
    let one = match locale {
        "fr" => matches!(n.split(['.', ',']).next(), Some("0" | "1")),
        _ => n == "1",
    };
    if one { "one" } else { "other" }
}

/// A counted noun: `key.one` or `key.other` with `{n}` filled.
pub fn counted(catalog: &Catalog, locale: &str, key: &str, n: &str) -> String {
    tr(
        catalog,
        locale,
        &format!("{key}.{}", category(locale, n)),
        &[("n", &localize(locale, n))],
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
    fn french_numbers_have_a_decimal_comma_and_a_space_before_percent() {
        assert_eq!(days_in("fr", 2.25), "2,5");
        assert_eq!(months_in("fr", 4.3), "4,5");
        assert_eq!(points_in("fr", 2.34), "2,3");
        assert_eq!(days_in("en", 2.25), "2.5");
        assert_eq!(percent("fr", 40), "40\u{a0}%");
        assert_eq!(percent("en", 40), "40%");
        assert_eq!(category("fr", "0"), "one");
        assert_eq!(category("fr", "1,5"), "one");
        assert_eq!(category("fr", "2"), "other");
        assert_eq!(category("en", "0"), "other");
        assert_eq!(category("en", "1.5"), "other");
    }

    #[test]
    fn french_plurals_are_singular_below_two() {
        let c = Catalog::builtin().expect("valid content");
        for (x, form) in [
            (0.2, "one"),
            (1.0, "one"),
            (1.5, "one"),
            (2.0, "other"),
            (12.0, "other"),
        ] {
            let n = days_in("fr", x);
            let expect = tr(c, "fr", &format!("unit.person_days.{form}"), &[("n", &n)]);
            assert_eq!(person_days(c, "fr", x), expect, "{x}");
        }
        assert!(person_days(c, "fr", 2.25).starts_with("2,5"));
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
