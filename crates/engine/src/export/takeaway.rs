//! One request for one file a visitor takes away: what to make ([`Kind`]) and everything it is
//! made from ([`Job`]), as plain data.
//!
//! The web app does not carry the file writers in the wasm it loads first: they live in a second,
//! separately built module (`crates/takeaway`) that the app fetches when the results are on
//! screen. The app hands that module a [`Job`] as JSON (the answers file it already writes to
//! storage, the language, the dates and the budget settings in use) and gets the file's text
//! back; [`make`] is the whole of what the module does, so the command-line scorer, the tests and
//! the browser produce the same bytes from the same job.
//!
//! The module recomputes the assessment from the answers with the same [`assess`] the app uses, so
//! a file never disagrees with the screen it was taken from (`tests/takeaway.rs` checks every kind
//! against the writers called directly).

use serde::{Deserialize, Serialize};

use crate::assess::budget::BudgetSettings;
use crate::assess::score::assess;
use crate::assess::tasks;
use crate::content::catalog::Catalog;
use crate::content::lang::Lang;
use crate::document::answers::decode;
use crate::document::share;
use crate::export::date::{Date, Timestamp};
use crate::export::plan::{self, CalendarOptions};
use crate::export::report::{Report, ReportOptions};
use crate::export::{register, schedule, soa};
use crate::model::text::Wording;

/// What to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The report as one standalone HTML page.
    ReportHtml,
    /// The report as Markdown.
    ReportMarkdown,
    /// The report's HTML body only, for the page's print view.
    ReportPrint,
    /// The draft Statement of Applicability (CSV).
    Soa,
    /// The task plan as tracker CSV (priced when [`Job::budget`] is set).
    TasksCsv,
    /// The task plan and milestones as an iCalendar file.
    TasksCalendar,
    /// The AI system register (CSV).
    RegisterCsv,
    /// The share link's fragment payload (without `#`).
    ShareFragment,
}

impl Kind {
    /// Every kind, in the order the app offers them.
    pub const ALL: [Kind; 8] = [
        Kind::ReportHtml,
        Kind::ReportMarkdown,
        Kind::ReportPrint,
        Kind::Soa,
        Kind::TasksCsv,
        Kind::TasksCalendar,
        Kind::RegisterCsv,
        Kind::ShareFragment,
    ];
}

/// Everything one file is made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// What to make.
    pub kind: Kind,
    /// The language of the file (`en`, `fr`).
    pub lang: String,
    /// The answers file (`AnswersDocument::to_json`), with task owners and cadences.
    pub document: String,
    /// The day the report is prepared on (`YYYY-MM-DD`).
    pub prepared: String,
    /// The day the roadmap starts (`YYYY-MM-DD`).
    pub start: String,
    /// When the file is made, in seconds since the Unix epoch (the calendar's `DTSTAMP`).
    pub stamp: i64,
    /// The budget settings in use, or `None` when money is hidden (`show_budget: false`).
    pub budget: Option<BudgetSettings>,
}

impl Job {
    /// Reads a job sent as JSON.
    pub fn from_json(text: &str) -> Result<Job, Wording> {
        serde_json::from_str(text).map_err(|_| Wording::new("takeaway.error.job", &[]))
    }

    /// The job as JSON, for the module.
    pub fn to_json(&self) -> String {
        // A struct of strings, numbers and options always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Every locale key [`make`]'s errors use (for [`crate::text::required_keys`]).
pub const LOCALE_KEYS: &[&str] = &[
    "takeaway.error.job",
    "takeaway.error.content",
    "takeaway.error.document",
    "takeaway.error.date",
    "takeaway.error.lang",
];

/// Makes the file a job asks for with the built-in content in the job's language (an unknown
/// language is English). Errors are worded through the locale.
pub fn make(job: &Job) -> Result<String, Wording> {
    let lang = Lang::parse(&job.lang).unwrap_or_default();
    // A language whose part was not installed would come out in English.
    if !crate::content::lang::available(lang) {
        return Err(Wording::new("takeaway.error.lang", &[]));
    }
    let catalog =
        Catalog::builtin_in(lang).map_err(|_| Wording::new("takeaway.error.content", &[]))?;
    make_with(catalog, job)
}

/// Makes the file a job asks for from `catalog`, which must be in the job's language.
pub fn make_with(catalog: &Catalog, job: &Job) -> Result<String, Wording> {
    let locale = Lang::parse(&job.lang).unwrap_or_default().id();
    let document = decode(catalog, &job.document)
        .map_err(|_| Wording::new("takeaway.error.document", &[]))?
        .document;
    let date = |text: &str| Date::parse(text).map_err(|_| Wording::new("takeaway.error.date", &[]));
    let prepared = date(&job.prepared)?;
    let start = date(&job.start)?;
    let answers = &document.answers;
    let a = assess(catalog, answers);
    let budget = job.budget.as_ref();
    let report = || {
        Report::build_with(
            catalog,
            &a,
            answers,
            locale,
            ReportOptions {
                prepared,
                start,
                tasks: &document.tasks,
                budget,
            },
        )
    };
    Ok(match job.kind {
        Kind::ReportHtml => report().to_html(),
        Kind::ReportMarkdown => report().to_markdown(),
        Kind::ReportPrint => report().to_html_fragment(),
        Kind::Soa => soa::csv(catalog, &a, answers, &document.tasks, locale),
        Kind::TasksCsv => {
            plan::csv_priced(catalog, &tasks::plan(&a, &document.tasks), locale, budget)
        }
        Kind::TasksCalendar => {
            let stamp = Timestamp::from_unix_seconds(job.stamp)
                .unwrap_or_else(|| Timestamp::midnight(prepared));
            let dated = schedule::schedule(catalog, &a, start);
            plan::ics(
                catalog,
                &tasks::plan(&a, &document.tasks),
                &dated,
                locale,
                CalendarOptions { stamp, name: None },
            )
        }
        Kind::RegisterCsv => register::csv(catalog, answers, &a, locale),
        Kind::ShareFragment => share::encode(catalog, &document),
    })
}
