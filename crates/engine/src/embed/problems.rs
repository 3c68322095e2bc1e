//! What was refused or changed while reading the embed configuration.

use std::fmt;

/// Why a configuration value was refused or changed. Each has a message a site owner can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// `carryover.config.json` is not a JSON object.
    FileUnreadable(String),
    /// A key the file format does not know (probably a typo).
    UnknownFileKey(String),
    /// A value of the wrong JSON type in the file.
    WrongType {
        /// The key.
        key: String,
        /// What it should be.
        expected: &'static str,
    },
    /// A query parameter that is not valid percent-encoded UTF-8.
    BadEncoding(String),
    /// Not `#rgb` or `#rrggbb`.
    BadColour(String),
    /// The colour was too light for AA; this darker one is used instead.
    ColourCorrected {
        /// What was given.
        given: String,
        /// What is used.
        used: String,
    },
    /// A logo or CTA URL that is not https or relative.
    UnsafeUrl {
        /// `logo` or `cta`.
        key: &'static str,
        /// The value.
        value: String,
    },
    /// Empty, too long or containing control characters.
    BadText {
        /// `company` or `cta_label`.
        key: &'static str,
        /// The longest accepted, in characters.
        max: usize,
    },
    /// Not one of band, score, days, months.
    UnknownSummaryField(String),
    /// `cta_target` other than `blank` or `top`.
    BadTarget(String),
    /// Not an exact `http(s)://host[:port]` origin.
    BadOrigin(String),
    /// The file pins the origin; the URL's is ignored.
    OriginPinned,
    /// `include_answers` may only be set in the file.
    AnswersOnlyInFile,
    /// `include_answers` without an `origin`: answers are never posted to `*`.
    AnswersNeedOrigin,
    /// `embed` other than `1`/`true`/`0`/`false`.
    BadFlag(String),
    /// `lang` names a language the content is not written in.
    UnknownLang(String),
    /// A prefill for a question that does not exist or is not an intake question.
    PrefillQuestion(String),
    /// A prefill whose choice does not fit the question.
    PrefillChoice {
        /// The question id.
        question: String,
        /// The engine's reason.
        reason: String,
    },
    /// A budget key in the URL: money settings are only read from the file.
    BudgetOnlyInFile(String),
    /// A budget amount refused; the default applies.
    BadAmount {
        /// `day_rate`, `audit_fee`, `consultancy_share` or `consultancy_day_rate`.
        key: String,
        /// The value as given.
        value: String,
        /// Why.
        reason: AmountProblem,
    },
    /// Not an active ISO 4217 currency code; the default currency applies.
    UnknownCurrency(String),
    /// Another currency than the defaults' without both `day_rate` and `audit_fee` in it: the
    /// default figures cannot be converted, so the default currency is kept.
    CurrencyNeedsFigures(String),
}

/// Why a budget amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    /// Not a number.
    NotANumber,
    /// Zero or negative.
    NotPositive,
    /// Above [`AMOUNT_MAX`].
    TooLarge,
    /// A share outside 0–1.
    NotAShare,
    /// A range whose low end is above its high end.
    Inverted,
}

impl AmountProblem {
    fn reason(self) -> &'static str {
        match self {
            AmountProblem::NotANumber => "it is not a number",
            AmountProblem::NotPositive => "it must be above zero",
            AmountProblem::TooLarge => "it is above 10,000,000, which cannot be meant",
            AmountProblem::NotAShare => "it must be between 0 and 1",
            AmountProblem::Inverted => "the low end is above the high end",
        }
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigProblem::FileUnreadable(e) => {
                write!(f, "carryover.config.json ignored: {e}")
            }
            ConfigProblem::UnknownFileKey(k) => {
                write!(f, "carryover.config.json: unknown key `{k}` ignored")
            }
            ConfigProblem::WrongType { key, expected } => {
                write!(
                    f,
                    "carryover.config.json: `{key}` must be {expected}; ignored"
                )
            }
            ConfigProblem::BadEncoding(k) => {
                write!(f, "URL parameter `{k}` is not valid UTF-8; ignored")
            }
            ConfigProblem::BadColour(v) => {
                write!(f, "colour `{v}` refused: use #rgb or #rrggbb")
            }
            ConfigProblem::ColourCorrected { given, used } => write!(
                f,
                "colour {given} is under WCAG AA contrast (4.5:1) with white text or on the page background; using {used} instead"
            ),
            ConfigProblem::UnsafeUrl { key, value } => write!(
                f,
                "`{key}` URL `{value}` refused: only https:// or relative URLs are allowed"
            ),
            ConfigProblem::BadText { key, max } => write!(
                f,
                "`{key}` refused: it must be 1 to {max} characters with no control characters"
            ),
            ConfigProblem::UnknownSummaryField(v) => write!(
                f,
                "cta_params: `{v}` ignored (allowed: band, score, days, months)"
            ),
            ConfigProblem::BadTarget(v) => {
                write!(f, "cta_target `{v}` refused: use blank or top")
            }
            ConfigProblem::BadOrigin(v) => write!(
                f,
                "origin `{v}` refused: give an exact origin such as https://www.example.com"
            ),
            ConfigProblem::OriginPinned => write!(
                f,
                "the URL's origin parameter is ignored: carryover.config.json sets the origin"
            ),
            ConfigProblem::AnswersOnlyInFile => write!(
                f,
                "include_answers can only be set in carryover.config.json; the URL parameter is ignored"
            ),
            ConfigProblem::AnswersNeedOrigin => write!(
                f,
                "include_answers ignored: answers are only ever posted to an explicit origin"
            ),
            ConfigProblem::BadFlag(v) => write!(f, "embed=`{v}` refused: use 1 or 0"),
            ConfigProblem::UnknownLang(v) => {
                write!(f, "lang=`{v}` ignored: use en or fr")
            }
            ConfigProblem::PrefillQuestion(q) => {
                write!(f, "prefill.{q} ignored: there is no intake question `{q}`")
            }
            ConfigProblem::PrefillChoice { question, reason } => {
                write!(f, "prefill.{question} ignored: {reason}")
            }
            ConfigProblem::BudgetOnlyInFile(k) => write!(
                f,
                "URL parameter `{k}` ignored: money settings are only read from carryover.config.json"
            ),
            ConfigProblem::BadAmount { key, value, reason } => write!(
                f,
                "carryover.config.json: `{key}` = {value} refused ({}); the default applies",
                reason.reason()
            ),
            ConfigProblem::UnknownCurrency(c) => write!(
                f,
                "carryover.config.json: currency `{c}` refused: use an ISO 4217 code such as USD, EUR or GBP; the default applies"
            ),
            ConfigProblem::CurrencyNeedsFigures(c) => write!(
                f,
                "carryover.config.json: currency `{c}` ignored: give day_rate and audit_fee in {c} too (the default figures are in US dollars and are not converted)"
            ),
        }
    }
}
