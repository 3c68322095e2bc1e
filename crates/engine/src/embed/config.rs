//! The embed configuration: what a site owner may set without rebuilding (branding, the call to
//! action, where messages go, prefilled intake answers), parsed and validated from the page's URL
//! query and the optional `carryover.config.json` next to the build.
//!
//! Everything here is pure and tested natively; `src/embed.rs` only reads the two inputs from the
//! browser and applies the result. Nothing is trusted: every value is checked, and every refusal
//! is a [`ConfigProblem`] (the UI logs each with `console.warn`) while the rest still applies.
//!
//! Precedence: the file first, then the URL query per key, with two exceptions that protect the
//! respondent rather than the look: when the file pins the host `origin`, the URL cannot change it,
//! and `include_answers` can only be turned on by the file (never by a URL someone else wrote).
//!
//! Colours: only `#rgb` / `#rrggbb`. The given colour is used for buttons (white text) and links
//! (on the light background); if either contrast is under WCAG AA (4.5:1) it is darkened until
//! both pass, with a problem reported. A lighter variant for the dark theme is derived so that
//! it too passes as link text on the dark background and under dark button text.

use serde_json::Value;

use crate::assess::budget::{AMOUNT_MAX, BudgetConfig, Range, known_currency};
use crate::assess::score::Assessment;
use crate::content::catalog::Catalog;
use crate::document::answers::{Answer, Answers};
use crate::model::QuestionKind;

pub use super::contrast::{AA, DARK_BG, DARK_TEXT, LIGHT_BG, Rgb, Theme};
pub use super::problems::{AmountProblem, ConfigProblem};
use super::url::percent_encode;
pub use super::url::{URL_MAX, safe_url, validate_origin};

/// Longest company name accepted, in characters.
pub const COMPANY_MAX: usize = 60;
/// Longest CTA label accepted, in characters.
pub const CTA_LABEL_MAX: usize = 40;

/// A validated embed configuration. The default is the plain, unbranded app.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmbedConfig {
    /// `embed=1`: behave as a widget even if the frame check cannot tell.
    pub embed: bool,
    /// The host page's exact origin: messages are posted there, and only it may message us.
    pub origin: Option<String>,
    /// Whether the `completed` message carries the answers (file only, needs `origin`).
    pub include_answers: bool,
    /// The brand colour, corrected for contrast.
    pub theme: Option<Theme>,
    /// Logo URL (https or relative).
    pub logo: Option<String>,
    /// Company name shown beside the logo.
    pub company: Option<String>,
    /// The call to action on the results screen.
    pub cta: Option<Cta>,
    /// Intake answers to start from: `(question index, answer)`, in question order.
    pub prefill: Vec<(usize, Answer)>,
    /// Budget overrides and whether money is shown (file only).
    pub budget: BudgetConfig,
    /// `lang`: the language to show (the URL's wins over the file's; without either, the
    /// browser's languages decide).
    pub lang: Option<crate::content::lang::Lang>,
}

/// The call to action shown on the results screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cta {
    /// Where it leads (https or relative).
    pub url: String,
    /// Its label; `None` uses the locale's default.
    pub label: Option<String>,
    /// Which summary figures are appended to the URL.
    pub fields: Vec<SummaryField>,
    /// Where it opens.
    pub target: CtaTarget,
}

/// Where the CTA opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtaTarget {
    /// A new tab (`target="_blank" rel="noopener"`), the default.
    Blank,
    /// The whole browser tab, replacing the host page (`target="_top"`).
    Top,
}

impl CtaTarget {
    /// The `target` attribute value.
    pub fn attribute(self) -> &'static str {
        match self {
            CtaTarget::Blank => "_blank",
            CtaTarget::Top => "_top",
        }
    }
}

/// A summary figure a site owner may pass to the CTA URL. Never an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryField {
    /// `carryover_band=<band id>`.
    Band,
    /// `carryover_score=<0–100>`.
    Score,
    /// `carryover_days=<low>-<high>` (person-days).
    Days,
    /// `carryover_months=<low>-<high>` (calendar months).
    Months,
}

impl SummaryField {
    /// Every field, in URL order.
    pub const ALL: [SummaryField; 4] = [
        SummaryField::Band,
        SummaryField::Score,
        SummaryField::Days,
        SummaryField::Months,
    ];

    /// The id used in `cta_params`.
    pub fn id(self) -> &'static str {
        match self {
            SummaryField::Band => "band",
            SummaryField::Score => "score",
            SummaryField::Days => "days",
            SummaryField::Months => "months",
        }
    }

    fn from_id(id: &str) -> Option<SummaryField> {
        SummaryField::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// The headline figures of an assessment: all a host page or CTA URL ever sees without opt-in.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Band id (`rules.toml`).
    pub band: String,
    /// Readiness 0–100.
    pub score: u8,
    /// Person-days, low end.
    pub days_low: u32,
    /// Person-days, high end.
    pub days_high: u32,
    /// Calendar months, low end.
    pub months_low: f64,
    /// Calendar months, high end.
    pub months_high: f64,
}

impl Summary {
    /// The summary of an assessment.
    pub fn of(a: &Assessment) -> Summary {
        Summary {
            band: a.readiness.band.clone(),
            score: a.readiness.score,
            days_low: a.effort.days_low,
            days_high: a.effort.days_high,
            months_low: a.effort.months_low,
            months_high: a.effort.months_high,
        }
    }

    fn value(&self, field: SummaryField) -> String {
        match field {
            SummaryField::Band => self.band.clone(),
            SummaryField::Score => self.score.to_string(),
            SummaryField::Days => format!("{}-{}", self.days_low, self.days_high),
            SummaryField::Months => format!("{}-{}", self.months_low, self.months_high),
        }
    }
}

impl Cta {
    /// The CTA's URL with the chosen summary figures appended as query parameters (before any
    /// fragment).
    pub fn href(&self, summary: &Summary) -> String {
        if self.fields.is_empty() {
            return self.url.clone();
        }
        let (base, fragment) = match self.url.find('#') {
            Some(i) => self.url.split_at(i),
            None => (self.url.as_str(), ""),
        };
        let mut out = base.to_owned();
        for field in &self.fields {
            out.push(if out.contains('?') { '&' } else { '?' });
            out.push_str("carryover_");
            out.push_str(field.id());
            out.push('=');
            out.push_str(&percent_encode(&summary.value(*field)));
        }
        out.push_str(fragment);
        out
    }
}

/// A positive amount up to [`AMOUNT_MAX`].
fn amount(text: &str) -> Result<f64, AmountProblem> {
    let x: f64 = text.trim().parse().map_err(|_| AmountProblem::NotANumber)?;
    if !x.is_finite() {
        Err(AmountProblem::NotANumber)
    } else if x <= 0.0 {
        Err(AmountProblem::NotPositive)
    } else if x > AMOUNT_MAX {
        Err(AmountProblem::TooLarge)
    } else {
        Ok(x)
    }
}

/// `low,high` (or one amount for both).
fn amount_range(text: &str) -> Result<Range, AmountProblem> {
    let (low, high) = text.split_once(',').unwrap_or((text, text));
    let range = Range {
        low: amount(low)?,
        high: amount(high)?,
    };
    if range.low > range.high {
        return Err(AmountProblem::Inverted);
    }
    Ok(range)
}

/// Budget keys of the file.
const BUDGET_KEYS: [&str; 7] = [
    "day_rate",
    "currency",
    "audit_fee",
    "consultancy_share",
    "consultancy_day_rate",
    "show_budget",
    "include_budget",
];

/// A configuration with the problems found while reading it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    /// What applies.
    pub config: EmbedConfig,
    /// What was refused or changed, in the order found.
    pub problems: Vec<ConfigProblem>,
}

/// Where a raw value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    File,
    Url,
}

/// Reads the configuration: `file` is the text of `carryover.config.json` (if there is one),
/// `query` the page URL's query string (with or without the leading `?`).
pub fn resolve(catalog: &Catalog, file: Option<&str>, query: &str) -> Resolved {
    let mut r = Resolved::default();
    let mut entries: Vec<(Source, String, String)> = Vec::new();
    let mut file_origin = false;
    if let Some(text) = file {
        for (key, value) in file_entries(text, &mut r.problems) {
            file_origin |= key == "origin";
            entries.push((Source::File, key, value));
        }
    }
    for (key, value) in query_pairs(query, &mut r.problems) {
        entries.push((Source::Url, key, value));
    }
    for (source, key, value) in entries {
        r.apply(catalog, source, &key, &value, file_origin);
    }
    if r.config.include_answers && r.config.origin.is_none() {
        r.config.include_answers = false;
        r.problems.push(ConfigProblem::AnswersNeedOrigin);
    }
    let b = &mut r.config.budget;
    if let Some(currency) = &b.currency
        && currency != DEFAULT_CURRENCY
        && (b.day_rate.is_none() || b.audit_fee.is_none())
    {
        r.problems
            .push(ConfigProblem::CurrencyNeedsFigures(currency.clone()));
        b.currency = None;
    }
    r
}

/// The currency of the figures in `content/budget.toml`.
const DEFAULT_CURRENCY: &str = "USD";

impl Resolved {
    fn apply(&mut self, catalog: &Catalog, source: Source, key: &str, value: &str, pinned: bool) {
        let c = &mut self.config;
        let problems = &mut self.problems;
        if BUDGET_KEYS.contains(&key) {
            if source == Source::Url {
                problems.push(ConfigProblem::BudgetOnlyInFile(key.to_owned()));
            } else {
                budget_key(&mut c.budget, problems, key, value);
            }
            return;
        }
        match key {
            "embed" => match value {
                "1" | "true" => c.embed = true,
                "0" | "false" => c.embed = false,
                other => problems.push(ConfigProblem::BadFlag(other.to_owned())),
            },
            "origin" if source == Source::Url && pinned => {
                problems.push(ConfigProblem::OriginPinned);
            }
            "origin" => match validate_origin(value) {
                Some(origin) => c.origin = Some(origin),
                None => problems.push(ConfigProblem::BadOrigin(value.to_owned())),
            },
            "include_answers" if source == Source::Url => {
                problems.push(ConfigProblem::AnswersOnlyInFile);
            }
            "include_answers" => c.include_answers = value == "true",
            "color" | "colour" => match Rgb::parse(value) {
                Some(rgb) => match Theme::new(rgb) {
                    Ok(theme) => c.theme = Some(theme),
                    Err(theme) => {
                        problems.push(ConfigProblem::ColourCorrected {
                            given: rgb.to_string(),
                            used: theme.light.to_string(),
                        });
                        c.theme = Some(theme);
                    }
                },
                None => problems.push(ConfigProblem::BadColour(value.to_owned())),
            },
            "logo" => match safe_url(value) {
                Some(url) => c.logo = Some(url),
                None => problems.push(ConfigProblem::UnsafeUrl {
                    key: "logo",
                    value: value.to_owned(),
                }),
            },
            "company" => match capped_text(value, COMPANY_MAX) {
                Some(text) => c.company = Some(text),
                None => problems.push(ConfigProblem::BadText {
                    key: "company",
                    max: COMPANY_MAX,
                }),
            },
            "cta" | "cta_url" => match safe_url(value) {
                Some(url) => cta(c).url = url,
                None => problems.push(ConfigProblem::UnsafeUrl {
                    key: "cta",
                    value: value.to_owned(),
                }),
            },
            "cta_label" => match capped_text(value, CTA_LABEL_MAX) {
                Some(text) => cta(c).label = Some(text),
                None => problems.push(ConfigProblem::BadText {
                    key: "cta_label",
                    max: CTA_LABEL_MAX,
                }),
            },
            "cta_params" => {
                let mut fields = Vec::new();
                for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match SummaryField::from_id(id) {
                        Some(f) if !fields.contains(&f) => fields.push(f),
                        Some(_) => {}
                        None => problems.push(ConfigProblem::UnknownSummaryField(id.to_owned())),
                    }
                }
                cta(c).fields = fields;
            }
            "lang" => match crate::content::lang::Lang::parse(value) {
                Some(lang) => c.lang = Some(lang),
                None => problems.push(ConfigProblem::UnknownLang(value.to_owned())),
            },
            "cta_target" => match value {
                "blank" | "_blank" => cta(c).target = CtaTarget::Blank,
                "top" | "_top" => cta(c).target = CtaTarget::Top,
                other => problems.push(ConfigProblem::BadTarget(other.to_owned())),
            },
            _ => {
                if let Some(question) = key.strip_prefix("prefill.") {
                    self.prefill(catalog, question, value);
                }
                // Any other query parameter belongs to the host (utm_*, …): not ours to judge.
            }
        }
    }

    fn prefill(&mut self, catalog: &Catalog, question: &str, value: &str) {
        let Some(qi) = catalog.question_index(question).filter(|&qi| {
            catalog
                .questions
                .get(qi)
                .is_some_and(|q| q.kind != QuestionKind::Practice)
        }) else {
            self.problems
                .push(ConfigProblem::PrefillQuestion(question.to_owned()));
            return;
        };
        let multi = catalog
            .questions
            .get(qi)
            .is_some_and(|q| q.kind == QuestionKind::Multi);
        let json = if multi {
            Value::Array(
                value
                    .split(',')
                    .map(|s| Value::String(s.trim().to_owned()))
                    .collect(),
            )
        } else {
            Value::String(value.to_owned())
        };
        let mut scratch = Answers::new();
        match scratch.set(catalog, question, &json) {
            Ok(()) => {
                if let Some(answer) = scratch.get(qi).cloned() {
                    self.config.prefill.retain(|(q, _)| *q != qi);
                    self.config.prefill.push((qi, answer));
                    self.config.prefill.sort_by_key(|(q, _)| *q);
                }
            }
            Err(reason) => self.problems.push(ConfigProblem::PrefillChoice {
                question: question.to_owned(),
                reason,
            }),
        }
    }
}

/// Applies one budget key of the file.
fn budget_key(b: &mut BudgetConfig, problems: &mut Vec<ConfigProblem>, key: &str, value: &str) {
    let bad = |reason| ConfigProblem::BadAmount {
        key: key.to_owned(),
        value: value.to_owned(),
        reason,
    };
    match key {
        "show_budget" => b.hidden = value != "true",
        "include_budget" => b.in_message = value == "true",
        "currency" => {
            let code = value.trim().to_ascii_uppercase();
            if known_currency(&code) {
                b.currency = Some(code);
            } else {
                problems.push(ConfigProblem::UnknownCurrency(value.to_owned()));
            }
        }
        "audit_fee" => match amount_range(value) {
            Ok(r) => b.audit_fee = Some(r),
            Err(e) => problems.push(bad(e)),
        },
        "consultancy_share" => match value.trim().parse::<f64>() {
            Ok(x) if (0.0..=1.0).contains(&x) => b.consultancy_share = Some(x),
            Ok(_) => problems.push(bad(AmountProblem::NotAShare)),
            Err(_) => problems.push(bad(AmountProblem::NotANumber)),
        },
        _ => match amount(value) {
            Ok(x) if key == "day_rate" => b.day_rate = Some(x),
            Ok(x) => b.consultancy_day_rate = Some(x),
            Err(e) => problems.push(bad(e)),
        },
    }
}

impl EmbedConfig {
    /// The CTA, if it has a URL (a label or parameters alone show nothing).
    pub fn cta(&self) -> Option<&Cta> {
        self.cta.as_ref().filter(|c| !c.url.is_empty())
    }

    /// Whether any branding is set (the UI then marks `<html data-brand>`).
    pub fn branded(&self) -> bool {
        self.theme.is_some() || self.logo.is_some() || self.company.is_some()
    }
}

fn cta(c: &mut EmbedConfig) -> &mut Cta {
    c.cta.get_or_insert_with(|| Cta {
        url: String::new(),
        label: None,
        fields: Vec::new(),
        target: CtaTarget::Blank,
    })
}

/// The file's keys as `(key, value)` text pairs, in a fixed order.
fn file_entries(text: &str, problems: &mut Vec<ConfigProblem>) -> Vec<(String, String)> {
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(o)) => o,
        Ok(_) => {
            problems.push(ConfigProblem::FileUnreadable { line: 0, column: 0 });
            return Vec::new();
        }
        Err(e) => {
            problems.push(ConfigProblem::FileUnreadable {
                line: e.line(),
                column: e.column(),
            });
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (key, value) in object {
        let wrong = |expected| ConfigProblem::WrongType {
            key: key.clone(),
            expected,
        };
        match key.as_str() {
            "$comment" => {}
            "embed" | "include_answers" | "show_budget" | "include_budget" => match value {
                Value::Bool(b) => out.push((key.clone(), b.to_string())),
                _ => problems.push(wrong("boolean")),
            },
            "cta_params" => match value {
                Value::Array(items) => {
                    let ids: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
                    match ids {
                        Some(ids) => out.push((key.clone(), ids.join(","))),
                        None => problems.push(wrong("strings")),
                    }
                }
                Value::String(s) => out.push((key.clone(), s)),
                _ => problems.push(wrong("strings")),
            },
            "prefill" => match value {
                Value::Object(map) => {
                    for (question, choice) in map {
                        let text = match choice {
                            Value::String(s) => Some(s),
                            Value::Array(items) => items
                                .iter()
                                .map(Value::as_str)
                                .collect::<Option<Vec<_>>>()
                                .map(|v| v.join(",")),
                            _ => None,
                        };
                        match text {
                            Some(t) => out.push((format!("prefill.{question}"), t)),
                            None => problems.push(ConfigProblem::WrongType {
                                key: format!("prefill.{question}"),
                                expected: "choices",
                            }),
                        }
                    }
                }
                _ => problems.push(wrong("prefill")),
            },
            "day_rate" | "consultancy_share" | "consultancy_day_rate" => match value {
                Value::Number(n) => out.push((key.clone(), n.to_string())),
                _ => problems.push(wrong("number")),
            },
            "audit_fee" => match value {
                Value::Number(n) => out.push((key.clone(), n.to_string())),
                Value::Array(items) => match items.as_slice() {
                    [Value::Number(l), Value::Number(h)] => {
                        out.push((key.clone(), format!("{l},{h}")));
                    }
                    _ => problems.push(wrong("[low, high] or {\"low\": …, \"high\": …}")),
                },
                Value::Object(o) => match (o.get("low"), o.get("high"), o.len()) {
                    (Some(Value::Number(l)), Some(Value::Number(h)), 2) => {
                        out.push((key.clone(), format!("{l},{h}")));
                    }
                    _ => problems.push(wrong("[low, high] or {\"low\": …, \"high\": …}")),
                },
                _ => problems.push(wrong("[low, high] or {\"low\": …, \"high\": …}")),
            },
            "origin" | "color" | "colour" | "logo" | "company" | "cta" | "cta_url" | "currency"
            | "cta_label" | "cta_target" | "lang" => match value {
                Value::String(s) => out.push((key.clone(), s)),
                _ => problems.push(wrong("string")),
            },
            _ => problems.push(ConfigProblem::UnknownFileKey(key.clone())),
        }
    }
    out
}

/// `application/x-www-form-urlencoded` pairs of a query string.
fn query_pairs(query: &str, problems: &mut Vec<ConfigProblem>) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .filter_map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            match (form_decode(k), form_decode(v)) {
                (Some(k), Some(v)) => Some((k, v)),
                (k, _) => {
                    problems.push(ConfigProblem::BadEncoding(
                        k.unwrap_or_else(|| part.to_owned()),
                    ));
                    None
                }
            }
        })
        .collect()
}

fn form_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Trimmed text of 1..=`max` characters with no control characters.
fn capped_text(text: &str, max: usize) -> Option<String> {
    let t = text.trim();
    let n = t.chars().count();
    (n > 0 && n <= max && !t.chars().any(char::is_control)).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("valid content")
    }

    fn check(query: &str) -> Resolved {
        resolve(catalog(), None, query)
    }

    #[test]
    fn dark_enough_colour_is_kept_light_one_is_corrected() {
        let ok = Theme::new(Rgb(0x1f, 0x4f, 0xd1)).expect("passes AA");
        assert_eq!(ok.light, ok.given);
        let yellow = Theme::new(Rgb(0xff, 0xee, 0x00)).expect_err("too light");
        assert!(yellow.light.contrast(Rgb(255, 255, 255)) >= AA);
        assert!(yellow.light.contrast(LIGHT_BG) >= AA);
        assert!(yellow.dark.contrast(DARK_BG) >= AA);
        assert!(yellow.dark.contrast(DARK_TEXT) >= AA);
        let r = check("color=%23ffee00");
        assert!(matches!(
            r.problems.as_slice(),
            [ConfigProblem::ColourCorrected { .. }]
        ));
        assert!(r.config.theme.is_some());
    }

    #[test]
    fn branding_from_the_url() {
        let r = check(
            "embed=1&color=%230b6e4f&logo=https%3A%2F%2Fcdn.example%2Flogo.svg&company=Acme+Advisory&cta=https://acme.example/book&cta_label=Book+a+call&cta_params=band,score,days,nope&utm_source=x",
        );
        let c = &r.config;
        assert!(c.embed);
        assert_eq!(c.company.as_deref(), Some("Acme Advisory"));
        assert_eq!(c.logo.as_deref(), Some("https://cdn.example/logo.svg"));
        let cta = c.cta().expect("cta");
        assert_eq!(cta.label.as_deref(), Some("Book a call"));
        assert_eq!(
            cta.fields,
            [SummaryField::Band, SummaryField::Score, SummaryField::Days]
        );
        assert_eq!(
            r.problems,
            [ConfigProblem::UnknownSummaryField("nope".to_owned())]
        );
        assert!(c.branded());
    }

    #[test]
    fn unsafe_values_are_refused_with_a_problem_each() {
        let r = check(
            "cta=javascript:alert(1)&logo=http://x.example/l.png&company=&color=purple&origin=*&embed=yes&cta_target=_self",
        );
        assert_eq!(r.config.cta(), None);
        assert_eq!(r.config.logo, None);
        assert_eq!(r.problems.len(), 7, "{:?}", r.problems);
        for p in &r.problems {
            let message = p.message(catalog(), "en");
            assert!(
                !message.contains("embed.") && !message.contains('{'),
                "worded from the locale: {message}"
            );
        }
        assert!(!r.config.branded());
    }

    #[test]
    fn long_text_is_refused() {
        let long = "x".repeat(COMPANY_MAX + 1);
        let r = check(&format!("company={long}"));
        assert_eq!(r.config.company, None);
        assert_eq!(
            r.problems,
            [ConfigProblem::BadText {
                key: "company",
                max: COMPANY_MAX
            }]
        );
    }

    #[test]
    fn cta_href_appends_only_chosen_summary_fields() {
        let summary = Summary {
            band: "developing".to_owned(),
            score: 47,
            days_low: 40,
            days_high: 65,
            months_low: 3.0,
            months_high: 5.5,
        };
        let cta = |url: &str, fields: &[SummaryField]| Cta {
            url: url.to_owned(),
            label: None,
            fields: fields.to_vec(),
            target: CtaTarget::Blank,
        };
        assert_eq!(
            cta("https://a.example/b", &SummaryField::ALL).href(&summary),
            "https://a.example/b?carryover_band=developing&carryover_score=47&carryover_days=40-65&carryover_months=3-5.5"
        );
        assert_eq!(
            cta("https://a.example/b?x=1#top", &[SummaryField::Score]).href(&summary),
            "https://a.example/b?x=1&carryover_score=47#top"
        );
        assert_eq!(
            cta("/book", &[]).href(&summary),
            "/book",
            "nothing is added unless chosen"
        );
    }

    #[test]
    fn file_then_url_with_pinned_origin_and_answers_only_from_file() {
        let file = r##"{"color":"#0b6e4f","company":"Acme","origin":"https://acme.example",
            "include_answers":true,"cta_params":["score"],"prefill":{"iso27001":"certified"}}"##;
        let r = resolve(
            catalog(),
            Some(file),
            "company=Other&origin=https://evil.example&include_answers=true",
        );
        assert_eq!(r.config.company.as_deref(), Some("Other"), "URL overrides");
        assert_eq!(r.config.origin.as_deref(), Some("https://acme.example"));
        assert!(r.config.include_answers);
        assert_eq!(
            r.problems,
            [
                ConfigProblem::OriginPinned,
                ConfigProblem::AnswersOnlyInFile
            ]
        );
        assert_eq!(r.config.prefill.len(), 1);
        // Parameters without a URL show no CTA.
        assert_eq!(r.config.cta(), None);
    }

    #[test]
    fn answers_never_go_to_star() {
        let r = resolve(catalog(), Some(r#"{"include_answers":true}"#), "");
        assert!(!r.config.include_answers);
        assert_eq!(r.problems, [ConfigProblem::AnswersNeedOrigin]);
    }

    #[test]
    fn bad_files_are_reported() {
        let r = resolve(catalog(), Some("[1]"), "embed=1");
        assert!(r.config.embed, "the URL still applies");
        assert!(matches!(
            r.problems.as_slice(),
            [ConfigProblem::FileUnreadable { .. }]
        ));
        let r = resolve(catalog(), Some(r##"{"colr":"#fff","logo":3}"##), "");
        assert_eq!(r.problems.len(), 2);
    }

    #[test]
    fn lang_comes_from_the_url_before_the_file() {
        let c = Catalog::builtin().expect("valid content");
        let r = resolve(c, Some(r#"{"lang":"fr"}"#), "");
        assert_eq!(r.config.lang, Some(crate::content::lang::Lang::Fr));
        let r = resolve(c, Some(r#"{"lang":"fr"}"#), "lang=en");
        assert_eq!(r.config.lang, Some(crate::content::lang::Lang::En));
        let r = resolve(c, None, "lang=fr-CA");
        assert_eq!(r.config.lang, Some(crate::content::lang::Lang::Fr));
        let r = resolve(c, None, "lang=xx");
        assert_eq!(r.config.lang, None);
        assert_eq!(
            r.problems,
            vec![ConfigProblem::UnknownLang("xx".to_owned())]
        );
    }

    #[test]
    fn prefill_goes_through_the_catalog() {
        let r = check(
            "prefill.iso27001=certified&prefill.roles=provider,user&prefill.soc2=platinum&prefill.nope=x",
        );
        let c = catalog();
        let iso = c.question_index("iso27001").expect("question");
        let roles = c.question_index("roles").expect("question");
        let ids: Vec<usize> = r.config.prefill.iter().map(|(q, _)| *q).collect();
        let mut want = vec![iso, roles];
        want.sort_unstable();
        assert_eq!(ids, want);
        assert!(matches!(
            r.problems.as_slice(),
            [
                ConfigProblem::PrefillChoice { .. },
                ConfigProblem::PrefillQuestion(_)
            ]
        ));
    }

    #[test]
    fn prefill_refuses_practice_questions() {
        let c = catalog();
        let practice = c
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Practice)
            .expect("a practice question");
        let r = check(&format!("prefill.{}=effective_and_provable", practice.id));
        assert!(r.config.prefill.is_empty());
        assert_eq!(
            r.problems,
            [ConfigProblem::PrefillQuestion(practice.id.clone())]
        );
    }

    #[test]
    fn bad_encoding_is_a_problem_not_a_panic() {
        let r = check("company=%FF%FE&cta=%E2%82");
        assert_eq!(r.problems.len(), 2);
    }
}
