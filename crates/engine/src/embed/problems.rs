//! What was refused or changed while reading the embed configuration: each problem an id
//! (locale `embed.problem.<id>`) and its arguments, worded through the locale like every other
//! message (the app writes them to the browser console for the site owner).

use crate::content::catalog::Catalog;
use crate::model::text::Wording;

/// Why a configuration value was refused or changed. Each has a message a site owner can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// `carryover.config.json` is not a JSON object (`line` 0: JSON, but not an object).
    FileUnreadable {
        /// 1-based line of the JSON syntax error.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A key the file format does not know (probably a typo).
    UnknownFileKey(String),
    /// A value of the wrong JSON type in the file.
    WrongType {
        /// The key.
        key: String,
        /// What it should be (locale `embed.expected.<id>`: `boolean`, `strings`, `choices`,
        /// `prefill`, `number`, `string`).
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
        reason: Wording,
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
    /// Stable id (locale key `embed.amount.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            AmountProblem::NotANumber => "not_a_number",
            AmountProblem::NotPositive => "not_positive",
            AmountProblem::TooLarge => "too_large",
            AmountProblem::NotAShare => "not_a_share",
            AmountProblem::Inverted => "inverted",
        }
    }
}

impl ConfigProblem {
    /// Every id, for the locale check (`embed.problem.<id>`).
    pub const IDS: [&'static str; 23] = [
        "file_unreadable",
        "file_not_object",
        "unknown_file_key",
        "wrong_type",
        "bad_encoding",
        "bad_colour",
        "colour_corrected",
        "unsafe_url",
        "bad_text",
        "unknown_summary_field",
        "bad_target",
        "bad_origin",
        "origin_pinned",
        "answers_only_in_file",
        "answers_need_origin",
        "bad_flag",
        "unknown_lang",
        "prefill_question",
        "prefill_choice",
        "budget_only_in_file",
        "bad_amount",
        "unknown_currency",
        "currency_needs_figures",
    ];

    /// Stable id (locale key `embed.problem.<id>`).
    pub fn id(&self) -> &'static str {
        match self {
            ConfigProblem::FileUnreadable { line: 0, .. } => "file_not_object",
            ConfigProblem::FileUnreadable { .. } => "file_unreadable",
            ConfigProblem::UnknownFileKey(_) => "unknown_file_key",
            ConfigProblem::WrongType { .. } => "wrong_type",
            ConfigProblem::BadEncoding(_) => "bad_encoding",
            ConfigProblem::BadColour(_) => "bad_colour",
            ConfigProblem::ColourCorrected { .. } => "colour_corrected",
            ConfigProblem::UnsafeUrl { .. } => "unsafe_url",
            ConfigProblem::BadText { .. } => "bad_text",
            ConfigProblem::UnknownSummaryField(_) => "unknown_summary_field",
            ConfigProblem::BadTarget(_) => "bad_target",
            ConfigProblem::BadOrigin(_) => "bad_origin",
            ConfigProblem::OriginPinned => "origin_pinned",
            ConfigProblem::AnswersOnlyInFile => "answers_only_in_file",
            ConfigProblem::AnswersNeedOrigin => "answers_need_origin",
            ConfigProblem::BadFlag(_) => "bad_flag",
            ConfigProblem::UnknownLang(_) => "unknown_lang",
            ConfigProblem::PrefillQuestion(_) => "prefill_question",
            ConfigProblem::PrefillChoice { .. } => "prefill_choice",
            ConfigProblem::BudgetOnlyInFile(_) => "budget_only_in_file",
            ConfigProblem::BadAmount { .. } => "bad_amount",
            ConfigProblem::UnknownCurrency(_) => "unknown_currency",
            ConfigProblem::CurrencyNeedsFigures(_) => "currency_needs_figures",
        }
    }

    /// The words: `embed.problem.<id>` and its arguments.
    pub fn wording(&self) -> Wording {
        let key = format!("embed.problem.{}", self.id());
        match self {
            ConfigProblem::FileUnreadable { line, column } => Wording::new(
                key,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            ConfigProblem::UnknownFileKey(v)
            | ConfigProblem::BadEncoding(v)
            | ConfigProblem::BadColour(v)
            | ConfigProblem::UnknownSummaryField(v)
            | ConfigProblem::BadTarget(v)
            | ConfigProblem::BadOrigin(v)
            | ConfigProblem::BadFlag(v)
            | ConfigProblem::UnknownLang(v)
            | ConfigProblem::PrefillQuestion(v)
            | ConfigProblem::BudgetOnlyInFile(v)
            | ConfigProblem::UnknownCurrency(v)
            | ConfigProblem::CurrencyNeedsFigures(v) => Wording::new(key, &[("value", v)]),
            ConfigProblem::WrongType { key: k, expected } => Wording::new(key, &[("key", k)])
                .with_words(
                    "expected",
                    Wording::new(format!("embed.expected.{expected}"), &[]),
                ),
            ConfigProblem::ColourCorrected { given, used } => {
                Wording::new(key, &[("given", given), ("used", used)])
            }
            ConfigProblem::UnsafeUrl { key: k, value } => {
                Wording::new(key, &[("key", k), ("value", value)])
            }
            ConfigProblem::BadText { key: k, max } => {
                Wording::new(key, &[("key", k), ("max", &max.to_string())])
            }
            ConfigProblem::OriginPinned
            | ConfigProblem::AnswersOnlyInFile
            | ConfigProblem::AnswersNeedOrigin => Wording::new(key, &[]),
            ConfigProblem::PrefillChoice { question, reason } => {
                Wording::new(key, &[("question", question)]).with_words("reason", reason.clone())
            }
            ConfigProblem::BadAmount {
                key: k,
                value,
                reason,
            } => Wording::new(key, &[("key", k), ("value", value)]).with_words(
                "reason",
                Wording::new(format!("embed.amount.{}", reason.id()), &[]),
            ),
        }
    }

    /// The message for the site owner, in a locale.
    pub fn message(&self, catalog: &Catalog, locale: &str) -> String {
        catalog.word(locale, &self.wording())
    }
}

/// Every locale key the embed configuration's problems use (for `text::required_keys`).
pub fn locale_keys() -> Vec<String> {
    let mut keys: Vec<String> = ConfigProblem::IDS
        .iter()
        .map(|id| format!("embed.problem.{id}"))
        .collect();
    keys.push("embed.console".to_owned());
    for id in [
        "boolean", "strings", "choices", "prefill", "number", "string",
    ] {
        keys.push(format!("embed.expected.{id}"));
    }
    for p in [
        AmountProblem::NotANumber,
        AmountProblem::NotPositive,
        AmountProblem::TooLarge,
        AmountProblem::NotAShare,
        AmountProblem::Inverted,
    ] {
        keys.push(format!("embed.amount.{}", p.id()));
    }
    keys
}
