//! The budget: the effort estimate and public fee figures as a money range.
//!
//! - **internal**: the person-days range (`Effort::days_low`–`days_high`) not bought from a
//!   consultancy, times the in-house day rate;
//! - **consultancy**: the consultancy's share of the same days, times its day rate (share 0 by
//!   default, so the line is zero unless a site owner sets it);
//! - **certification audit**: the stage 1 + stage 2 fee range;
//! - the **total** is the sum of the low ends and the sum of the high ends; the yearly
//!   **surveillance** audit fee is shown beside it, not in it (it falls in later years).
//!
//! Defaults come from `content/budget.toml` (each figure with its source or stated as an
//! assumption); the site owner's `carryover.config.json` overrides them ([`BudgetConfig`], parsed
//! and checked in [`crate::embed::config`]). Money is formatted per locale by [`format_money`].

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assess::score::effort::Effort;

/// Largest amount a site owner may configure (anything above is a typo, not a fee).
pub const AMOUNT_MAX: f64 = 1e7;

/// Active ISO 4217 currency codes accepted for `currency`.
pub const CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

/// True when `code` is an active ISO 4217 code (upper case).
pub fn known_currency(code: &str) -> bool {
    CURRENCIES.binary_search(&code).is_ok()
}

/// A low–high amount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
}

impl Range {
    fn plus(self, other: Range) -> Range {
        Range {
            low: self.low + other.low,
            high: self.high + other.high,
        }
    }
}

/// One source of a budget figure.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetSource {
    /// Stable id, named by the figures.
    pub id: String,
    /// Title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When.
    pub date: String,
    /// What we take from it, in our words.
    pub note: String,
}

#[cfg(feature = "load")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    value: f64,
    sources: Vec<String>,
}

#[cfg(feature = "load")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    low: f64,
    high: f64,
    sources: Vec<String>,
}

#[cfg(feature = "load")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsultancy {
    share: f64,
    day_rate: f64,
    sources: Vec<String>,
}

#[cfg(feature = "load")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYearOne {
    iso27001_low: f64,
    iso27001_high: f64,
    iso27001_months_low: f64,
    iso27001_months_high: f64,
    sources: Vec<String>,
}

#[cfg(feature = "load")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBudget {
    currency: String,
    day_rate: RawValue,
    audit: RawRange,
    surveillance: RawRange,
    consultancy: RawConsultancy,
    year_one: RawYearOne,
    source: Vec<BudgetSource>,
}

/// The budget defaults of `content/budget.toml`, validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetDefaults {
    /// The settings used when the site owner sets nothing.
    pub settings: BudgetSettings,
    /// ISO 27001's published year-one cost, in the default currency.
    pub iso27001_cost: Range,
    /// ISO 27001's published time to certification, months.
    pub iso27001_months: Range,
    /// Where the figures come from.
    pub sources: Vec<BudgetSource>,
    /// Sources behind each figure: `day_rate`, `audit`, `surveillance`, `consultancy`, `year_one`.
    pub figure_sources: Vec<(String, Vec<String>)>,
}

/// What a budget is computed with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetSettings {
    /// ISO 4217 code.
    pub currency: String,
    /// In-house cost of one person-day.
    pub day_rate: f64,
    /// Stage 1 + 2 certification audit fee.
    pub audit_fee: Range,
    /// Yearly surveillance audit fee.
    pub surveillance_fee: Range,
    /// Share of the person-days bought from a consultancy, 0–1.
    pub consultancy_share: f64,
    /// The consultancy's day rate.
    pub consultancy_day_rate: f64,
}

/// The site owner's budget overrides (from `carryover.config.json`, already checked).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BudgetConfig {
    /// `show_budget: false`: no money anywhere.
    pub hidden: bool,
    /// `include_budget: true`: the `completed` message carries the budget total.
    pub in_message: bool,
    /// `currency`.
    pub currency: Option<String>,
    /// `day_rate`.
    pub day_rate: Option<f64>,
    /// `audit_fee`.
    pub audit_fee: Option<Range>,
    /// `consultancy_share`.
    pub consultancy_share: Option<f64>,
    /// `consultancy_day_rate`.
    pub consultancy_day_rate: Option<f64>,
}

/// Problems in `content/budget.toml` (a build-time content error, one line each).
#[cfg(feature = "load")]
pub fn validate(raw_json: &str) -> Result<BudgetDefaults, Vec<String>> {
    let raw: RawBudget = serde_json::from_str(raw_json).map_err(|e| vec![e.to_string()])?;
    let mut errors = Vec::new();
    let ids: Vec<&str> = raw.source.iter().map(|s| s.id.as_str()).collect();
    let figure_sources = vec![
        ("day_rate".to_owned(), raw.day_rate.sources.clone()),
        ("audit".to_owned(), raw.audit.sources.clone()),
        ("surveillance".to_owned(), raw.surveillance.sources.clone()),
        ("consultancy".to_owned(), raw.consultancy.sources.clone()),
        ("year_one".to_owned(), raw.year_one.sources.clone()),
    ];
    for (figure, sources) in &figure_sources {
        if sources.is_empty() {
            errors.push(format!("budget.toml: `{figure}` names no source"));
        }
        for s in sources {
            if !ids.contains(&s.as_str()) {
                errors.push(format!(
                    "budget.toml: `{figure}` names unknown source `{s}`"
                ));
            }
        }
    }
    if !known_currency(&raw.currency) {
        errors.push(format!(
            "budget.toml: `{}` is not an ISO 4217 code",
            raw.currency
        ));
    }
    let amount_ok = |x: f64| x.is_finite() && x > 0.0 && x <= AMOUNT_MAX;
    for (name, low, high) in [
        ("day_rate", raw.day_rate.value, raw.day_rate.value),
        ("audit", raw.audit.low, raw.audit.high),
        ("surveillance", raw.surveillance.low, raw.surveillance.high),
        (
            "consultancy.day_rate",
            raw.consultancy.day_rate,
            raw.consultancy.day_rate,
        ),
        (
            "year_one.iso27001",
            raw.year_one.iso27001_low,
            raw.year_one.iso27001_high,
        ),
        (
            "year_one.iso27001_months",
            raw.year_one.iso27001_months_low,
            raw.year_one.iso27001_months_high,
        ),
    ] {
        if !amount_ok(low) || !amount_ok(high) || low > high {
            errors.push(format!(
                "budget.toml: `{name}` must be positive, at most 1e7, low ≤ high"
            ));
        }
    }
    if !(0.0..=1.0).contains(&raw.consultancy.share) {
        errors.push("budget.toml: `consultancy.share` must be between 0 and 1".to_owned());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(BudgetDefaults {
        settings: BudgetSettings {
            currency: raw.currency,
            day_rate: raw.day_rate.value,
            audit_fee: Range {
                low: raw.audit.low,
                high: raw.audit.high,
            },
            surveillance_fee: Range {
                low: raw.surveillance.low,
                high: raw.surveillance.high,
            },
            consultancy_share: raw.consultancy.share,
            consultancy_day_rate: raw.consultancy.day_rate,
        },
        iso27001_cost: Range {
            low: raw.year_one.iso27001_low,
            high: raw.year_one.iso27001_high,
        },
        iso27001_months: Range {
            low: raw.year_one.iso27001_months_low,
            high: raw.year_one.iso27001_months_high,
        },
        sources: raw.source,
        figure_sources,
    })
}

/// `content/budget.toml` as the JSON `build.rs` makes.
#[cfg(feature = "load")]
pub(crate) const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/budget.json"));

/// The budget defaults of this build (`content/budget.toml`), read once: decoded from the
/// installed content bundle (the web app), else (with the `load` feature) validated from the
/// content compiled into the engine.
pub fn builtin() -> Result<&'static BudgetDefaults, &'static [String]> {
    static CELL: OnceLock<Result<BudgetDefaults, Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| match crate::content::bundle::installed() {
        Some(bytes) => crate::content::bundle::decode_part(bytes, crate::content::bundle::BUDGET)
            .ok_or_else(|| vec![crate::content::bundle::DAMAGED.to_owned()]),
        #[cfg(feature = "load")]
        None => validate(BUILTIN_JSON),
        #[cfg(not(feature = "load"))]
        None => Err(vec![crate::content::bundle::MISSING.to_owned()]),
    })
    .as_ref()
    .map_err(Vec::as_slice)
}

impl BudgetSettings {
    /// The defaults with the site owner's overrides applied (they were checked when read). The
    /// surveillance fee stays a default figure only in the default currency; in another currency
    /// the audit fee given is the only fee figure, and surveillance is scaled with it.
    pub fn with(defaults: &BudgetSettings, config: &BudgetConfig) -> BudgetSettings {
        let mut s = defaults.clone();
        if let Some(c) = &config.currency {
            s.currency.clone_from(c);
        }
        if let Some(r) = config.day_rate {
            s.day_rate = r;
        }
        if let Some(fee) = config.audit_fee {
            // Surveillance keeps its published proportion to the stage 1 + 2 fee.
            let ratio = |x: f64, base: f64| if base > 0.0 { x / base } else { 0.0 };
            s.surveillance_fee = Range {
                low: fee.low * ratio(defaults.surveillance_fee.low, defaults.audit_fee.low),
                high: fee.high * ratio(defaults.surveillance_fee.high, defaults.audit_fee.high),
            };
            s.audit_fee = fee;
        }
        if let Some(share) = config.consultancy_share {
            s.consultancy_share = share;
        }
        if let Some(r) = config.consultancy_day_rate {
            s.consultancy_day_rate = r;
        }
        s
    }
}

impl BudgetSettings {
    /// The cost of one person-day of the plan, in-house and consultancy days mixed by the
    /// consultancy share: `(1 − share) × day_rate + share × consultancy_day_rate`. The budget's
    /// internal and consultancy lines together are the days times this rate.
    pub fn blended_day_rate(&self) -> f64 {
        let share = self.consultancy_share.clamp(0.0, 1.0);
        (1.0 - share) * self.day_rate + share * self.consultancy_day_rate
    }
}

impl BudgetDefaults {
    /// The sources behind one figure of `content/budget.toml` (`day_rate`, `audit`,
    /// `surveillance`, `consultancy`, `year_one`), in the order the file names them.
    pub fn sources_of(&self, figure: &str) -> Vec<&BudgetSource> {
        self.figure_sources
            .iter()
            .filter(|(f, _)| f == figure)
            .flat_map(|(_, ids)| ids)
            .filter_map(|id| self.sources.iter().find(|s| &s.id == id))
            .collect()
    }
}

/// A budget: each line and the total as ranges in one currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Budget {
    /// ISO 4217 code.
    pub currency: String,
    /// Person-days done in house × the in-house day rate.
    pub internal: Range,
    /// Person-days bought from a consultancy × its day rate.
    pub consultancy: Range,
    /// Stage 1 + 2 certification audit.
    pub audit: Range,
    /// Year one: the three lines together.
    pub total: Range,
    /// Each later year's surveillance audit (not in `total`).
    pub surveillance_per_year: Range,
    /// The settings behind it (so every figure can be explained).
    pub settings: BudgetSettings,
}

/// The budget of an effort estimate. Pure arithmetic; see the module docs.
pub fn budget(effort: &Effort, settings: &BudgetSettings) -> Budget {
    let share = settings.consultancy_share.clamp(0.0, 1.0);
    let days = Range {
        low: f64::from(effort.days_low),
        high: f64::from(effort.days_high),
    };
    let internal = Range {
        low: days.low * (1.0 - share) * settings.day_rate,
        high: days.high * (1.0 - share) * settings.day_rate,
    };
    let consultancy = Range {
        low: days.low * share * settings.consultancy_day_rate,
        high: days.high * share * settings.consultancy_day_rate,
    };
    let audit = settings.audit_fee;
    Budget {
        currency: settings.currency.clone(),
        internal,
        consultancy,
        audit,
        total: internal.plus(consultancy).plus(audit),
        surveillance_per_year: settings.surveillance_fee,
        settings: settings.clone(),
    }
}

/// Rounds an amount for display: to the nearest 100 below 10,000, else to the nearest 1,000.
pub fn round_amount(amount: f64) -> u64 {
    let a = amount.max(0.0);
    let step = if a < 10_000.0 { 100.0 } else { 1_000.0 };
    ((a / step).round() * step) as u64
}

/// The symbol a locale writes for a currency, if it has one (else the code is written).
fn symbol(currency: &str) -> Option<&'static str> {
    match currency {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        "INR" => Some("₹"),
        _ => None,
    }
}

/// An amount (rounded by [`round_amount`]) with its currency, written as `locale` writes money:
/// `en` "$12,500" / "CHF 12,500"; `fr` "12 500 €" with a narrow no-break space between groups and
/// before the symbol. Unknown locales are written as `en`.
pub fn format_money(amount: f64, currency: &str, locale: &str) -> String {
    let n = round_amount(amount);
    let digits = n.to_string();
    let (sep, french) = match locale {
        "fr" => ('\u{202f}', true),
        _ => (',', false),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let sym = symbol(currency);
    match (french, sym) {
        (true, Some(s)) => format!("{grouped}\u{202f}{s}"),
        (true, None) => format!("{grouped}\u{202f}{currency}"),
        (false, Some(s)) => format!("{s}{grouped}"),
        (false, None) => format!("{currency}\u{a0}{grouped}"),
    }
}

/// An amount in short form for tight places (the results summary): thousands as `k` and
/// millions as `M` from 10,000 up — `en` "$112k", "€1.2M"; `fr` "112\u{202f}k$", "1,2\u{202f}M€" —
/// and as [`format_money`] below that.
pub fn format_money_short(amount: f64, currency: &str, locale: &str) -> String {
    let a = amount.max(0.0);
    if a < 10_000.0 {
        return format_money(a, currency, locale);
    }
    let french = locale == "fr";
    let (value, unit) = if a >= 1_000_000.0 {
        let m = (a / 100_000.0).round() / 10.0;
        let text = if m.fract() == 0.0 {
            format!("{m:.0}")
        } else {
            format!("{m:.1}")
        };
        (text, "M")
    } else {
        (format!("{}", (a / 1_000.0).round()), "k")
    };
    let value = if french {
        value.replace('.', ",")
    } else {
        value
    };
    let sym = symbol(currency);
    match (french, sym) {
        (true, Some(s)) => format!("{value}\u{202f}{unit}{s}"),
        (true, None) => format!("{value}\u{202f}{unit}\u{a0}{currency}"),
        (false, Some(s)) => format!("{s}{value}{unit}"),
        (false, None) => format!("{currency}\u{a0}{value}{unit}"),
    }
}

/// A range of money: "$20,000–$45,000" (one figure when both ends round the same).
pub fn format_range(range: Range, currency: &str, locale: &str) -> String {
    let low = format_money(range.low, currency, locale);
    let high = format_money(range.high, currency, locale);
    if low == high {
        low
    } else {
        format!("{low}–{high}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_are_sorted_for_the_search() {
        assert!(CURRENCIES.windows(2).all(|w| w[0] < w[1]));
        assert!(known_currency("EUR") && known_currency("USD") && known_currency("ZWG"));
        assert!(!known_currency("usd") && !known_currency("XXX") && !known_currency("BTC"));
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(format_money(12_500.0, "USD", "en"), "$13,000");
        assert_eq!(format_money(9_449.0, "USD", "en"), "$9,400");
        assert_eq!(format_money(1_234_567.0, "EUR", "en"), "€1,235,000");
        assert_eq!(format_money(12_000.0, "CHF", "en"), "CHF\u{a0}12,000");
        assert_eq!(
            format_money(12_500.0, "EUR", "fr"),
            "13\u{202f}000\u{202f}€"
        );
        assert_eq!(format_money(8_500.0, "USD", "fr"), "8\u{202f}500\u{202f}$");
        assert_eq!(format_money(-5.0, "USD", "en"), "$0");
        assert_eq!(
            format_range(
                Range {
                    low: 20_000.0,
                    high: 45_000.0
                },
                "USD",
                "en"
            ),
            "$20,000–$45,000"
        );
        assert_eq!(
            format_range(
                Range {
                    low: 100.0,
                    high: 120.0
                },
                "USD",
                "en"
            ),
            "$100"
        );
    }
}
