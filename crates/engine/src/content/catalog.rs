//! The validated catalog: ISO/IEC 42001 requirements, source frameworks, our crosswalk, the
//! questionnaire, effort figures and rules.
//!
//! Holding a [`Catalog`] means every reference in it resolves: each crosswalk row names a real
//! framework item, each question's section exists, each condition looks at an earlier intake
//! question and names its real choices, each requirement can be reached by a practice that fully
//! covers it. [`Catalog::load`] checks all of that at once and returns every problem it finds, so a
//! content author sees the whole list, not the first typo.
//!
//! References are stored as indexes into the catalog's own vectors (`usize`), never as strings, so
//! scoring does no look-ups by name.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

#[cfg(feature = "load")]
use crate::content::raw::RawContent;
use crate::model::text::{Wording, fill};
use crate::model::{AreaKind, Family, Maturity, Phase, QuestionKind, Relation, WorkKind};

/// The content bundled at build time (see `build.rs`).
#[cfg(feature = "load")]
const BUILTIN_CONTENT: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// An area of ISO/IEC 42001: a clause (4–10) or an Annex A objective (A.2–A.10).
#[derive(Debug, Clone, Serialize)]
pub struct Area {
    /// `"4"` … `"10"`, `"A.2"` … `"A.10"`.
    pub id: String,
    /// Clause or objective.
    pub kind: AreaKind,
    /// Short name in our words.
    pub name: String,
    /// What the area is about, in plain words.
    pub explain: String,
}

/// A clause node that groups requirements but is not scored itself (6.1, 7.5, 9.2, 9.3).
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// Clause number.
    pub id: String,
    /// Index into [`Catalog::areas`].
    pub area: usize,
    /// Short name in our words.
    pub name: String,
}

/// A scored requirement: a leaf subclause of clauses 4–10 or an Annex A control.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    /// Exactly as in the standard: `"6.1.4"`, `"A.6.2.4"`.
    pub id: String,
    /// Index into [`Catalog::areas`].
    pub area: usize,
    /// Clause requirement or Annex A control (the kind of its area).
    pub kind: AreaKind,
    /// Short name in our words.
    pub name: String,
    /// What an auditor expects, in plain words.
    pub explain: String,
    /// Importance for the readiness score, 1–3.
    pub weight: u8,
    /// The kind of work when it is missing.
    pub work: WorkKind,
    /// Person-days to build it from nothing (for one AI system when per-system).
    pub days: f64,
    /// Roadmap phase.
    pub phase: Phase,
    /// When the control applies (Annex A only); `None` means always.
    pub applies_if: Option<Condition>,
    /// Why it does not apply when `applies_if` is false.
    pub na_reason: Option<String>,
}

/// A framework the respondent may already run (ISO 27001, SOC 2, NIST AI RMF).
#[derive(Debug, Clone, Serialize)]
pub struct Framework {
    /// `iso27001`, `soc2` or `airmf`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its items (clauses, controls, criteria, subcategories).
    pub items: Vec<FrameworkItem>,
}

/// One item of a source framework.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkItem {
    /// Exactly as the framework writes it.
    pub id: String,
    /// Theme, category or function.
    pub group: String,
    /// Short name in our words.
    pub name: String,
}

/// A resolved reference to a framework item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ItemRef {
    /// Index into [`Catalog::frameworks`].
    pub framework: usize,
    /// Index into that framework's items.
    pub item: usize,
}

/// Our crosswalk entry for one requirement: which framework items support it.
#[derive(Debug, Clone, Serialize)]
pub struct Mapping {
    /// Why nothing in a security program supports it (present exactly when no ISO 27001 or
    /// SOC 2 row exists).
    pub net_new: Option<String>,
    /// Supporting items.
    pub rows: Vec<CrosswalkRow>,
}

/// One crosswalk row: a framework item supporting a requirement.
#[derive(Debug, Clone, Serialize)]
pub struct CrosswalkRow {
    /// The supporting item.
    pub source: ItemRef,
    /// Full or partial.
    pub relation: Relation,
    /// What carries over and what is missing, in our words (for a partial row, the reason for
    /// its `share`).
    pub rationale: String,
    /// Share of the requirement's work this item really reuses: 1 for a full row, strictly
    /// between 0 and 1 for a partial one (stated per row in content).
    pub share: f64,
}

/// A questionnaire section.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Optional introduction.
    pub intro: Option<String>,
}

/// A question.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// Stable answer key.
    pub id: String,
    /// Index into [`Catalog::sections`].
    pub section: usize,
    /// Answer shape.
    pub kind: QuestionKind,
    /// A practice's short name, for sentences that name it ("Head start from change management
    /// (…)"); `None` for intake questions, which are never named in a sentence.
    pub name: Option<String>,
    /// The question.
    pub text: String,
    /// Why we ask, in one sentence.
    pub why: String,
    /// Optional hint.
    pub help: Option<String>,
    /// When it is shown; `None` means always.
    pub show_if: Option<Condition>,
    /// Choices of single and multi questions (empty for practices).
    pub choices: Vec<Choice>,
    /// Program or AI practice (practice questions only).
    pub family: Option<Family>,
    /// What the practice is in frameworks' terms.
    pub refs: Vec<ItemRef>,
    /// Which requirements the practice supports.
    pub covers: Vec<Cover>,
}

/// A choice of a single or multi question.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Stable id stored in answers.
    pub id: String,
    /// Label.
    pub label: String,
}

/// A practice's support for a requirement: one row of the practice mapping.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    /// Index into [`Catalog::requirements`].
    pub requirement: usize,
    /// Full or partial.
    pub relation: Relation,
    /// What the practice contributes.
    pub note: String,
    /// Share of the requirement's work this practice really reuses: 1 for a full row, strictly
    /// between 0 and 1 for a partial one (stated per row in content). A row's credit is the
    /// practice's maturity credit times this share.
    pub share: f64,
    /// Partial rows: what is reused and what is new, in one line (shown as the head start).
    pub reuse: Option<String>,
}

/// A typed condition on intake answers. Only single and multi questions can be looked at, so a
/// better practice answer can never change what is shown or what applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// True when the answer to the question includes any of these choice ids.
    Answer {
        /// Index into [`Catalog::questions`].
        question: usize,
        /// Choice ids (validated).
        any_of: Vec<String>,
    },
    /// All must hold.
    All(Vec<Condition>),
    /// At least one must hold.
    Any(Vec<Condition>),
    /// The inner condition must not hold.
    Not(Box<Condition>),
}

/// Effort model: how remaining work turns into person-days and months.
#[derive(Debug, Clone, Serialize)]
pub struct EffortModel {
    /// Effective person-days of compliance work per calendar month, low and high.
    pub capacity_low: f64,
    /// See `capacity_low`.
    pub capacity_high: f64,
    /// Internal audit + management review + readiness review, in person-days.
    pub audit_days: f64,
    /// Calendar months the audit cycle adds at the end.
    pub audit_months: f64,
    /// Person-days to make one program practice effective when it is not.
    pub foundation_days_per_practice: f64,
    /// Index of the question that says how many AI systems are in scope.
    pub systems_question: usize,
    /// Choice id → representative number of AI systems.
    pub system_counts: BTreeMap<String, u32>,
    /// Share of the first system's per-system work each further system costs.
    pub additional_system_share: f64,
    /// Multipliers for the low and high end of the range.
    pub range_low: f64,
    /// See `range_low`.
    pub range_high: f64,
    /// Risk and approach factors.
    pub factors: Vec<Factor>,
    /// Where the figures come from.
    pub sources: Vec<Source>,
    /// Sources behind each figure, keyed `capacity`, `audit_cycle`, `foundation`, `systems`,
    /// `range`, and `factor.<id>`.
    pub figure_sources: BTreeMap<String, Vec<String>>,
}

/// A multiplier applied to AI work when its condition holds.
#[derive(Debug, Clone, Serialize)]
pub struct Factor {
    /// Stable id (locale key `factor.<id>`).
    pub id: String,
    /// When it applies.
    pub when: Condition,
    /// Multiplier on the extend, new-artifact and per-system work.
    pub multiplier: f64,
}

/// A cited source of a figure.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date.
    pub date: String,
    /// What we take from it, in our words.
    pub note: String,
}

/// Scoring rules.
#[derive(Debug, Clone, Serialize)]
pub struct Rules {
    /// Credit of each maturity state, worst first (from 0 to 1, non-decreasing).
    pub maturity_credit: [f64; 4],
    /// Readiness bands, ascending by lower bound; the first starts at 0.
    pub bands: Vec<Band>,
    /// Below this share of program practices effective, the security foundation is weak.
    pub foundation_min_effective_share: f64,
    /// How many biggest wins to list.
    pub wins: usize,
    /// Share of the shown practice questions that must be answered (with the whole intake) before
    /// a result is shown.
    pub min_practice_share: f64,
    /// Warnings that follow from intake answers.
    pub warnings: Vec<WarningRule>,
    /// Programs the respondent may run (the baseline): when they run, when they are attested.
    pub programs: Vec<ProgramRule>,
    /// Suggested-answer rules, applied after the intake.
    pub suggestions: Vec<SuggestionRule>,
}

/// A program of the baseline (ISO 27001, SOC 2): when the respondent runs it and when its evidence
/// is attested by an independent auditor.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramRule {
    /// Framework id (`iso27001`, `soc2`).
    pub framework: String,
    /// The respondent runs a working program: published figures about it apply.
    pub runs_when: Condition,
    /// An independent auditor has tested its evidence (certificate, Type II report).
    pub attested_when: Condition,
}

/// A suggested answer for practices whose refs name a framework, when the intake says so.
#[derive(Debug, Clone, Serialize)]
pub struct SuggestionRule {
    /// Stable id (locale key `suggestion.<id>`).
    pub id: String,
    /// Framework id the practice's refs must name.
    pub framework: String,
    /// Practice family it applies to.
    pub family: Family,
    /// When it applies (intake answers only).
    pub when: Condition,
    /// The suggested maturity.
    pub answer: Maturity,
}

/// A readiness band.
#[derive(Debug, Clone, Serialize)]
pub struct Band {
    /// Stable id (locale key `band.<id>`).
    pub id: String,
    /// Lowest score in the band.
    pub min: u8,
}

/// A warning shown when its condition holds.
#[derive(Debug, Clone, Serialize)]
pub struct WarningRule {
    /// Stable id (locale keys `warning.<id>.title` / `.body`).
    pub id: String,
    /// When it applies.
    pub when: Condition,
    /// Roadmap phase it belongs to.
    pub phase: Phase,
    /// Requirements (indexes) that lead the roadmap while it applies, in this order.
    pub lead: Vec<usize>,
}

/// An overlap figure someone has published, shown beside ours.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedFigure {
    /// Stable id.
    pub id: String,
    /// Index into [`EffortModel::sources`].
    pub source: usize,
    /// Which program it is about (`iso27001`, `soc2`, `iso27001+soc2`).
    pub from: String,
    /// `requirements` (a share of the requirement count) or `effort` (a share of the work).
    pub basis: String,
    /// Lower end, percent.
    pub low: u8,
    /// Upper end, percent.
    pub high: u8,
    /// The claim, in our words.
    pub claim: String,
    /// Where the figure was published (an `https://` address), when known.
    pub url: Option<String>,
}

/// The certification calendar after the roadmap (`content/certification.toml`): audit milestones
/// and how review reminders are spread.
#[derive(Debug, Clone, Serialize)]
pub struct Certification {
    /// Milestones in file order; each comes after the roadmap's end or an earlier milestone.
    pub milestones: Vec<Milestone>,
    /// Index of the milestone at which review reminders stop.
    pub reminders_until: usize,
    /// At most this many reminders start on one day.
    pub reminders_per_day: u32,
    /// Sources cited only by this file (effort sources may be cited too).
    pub sources: Vec<Source>,
}

/// A certification milestone (locale keys `milestone.<id>.title` / `.explain`).
#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    /// Stable id.
    pub id: String,
    /// The earlier milestone it follows (index), or `None` for the end of the roadmap.
    pub after: Option<usize>,
    /// How long after.
    pub offset: Offset,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A calendar distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Offset {
    /// Whole weeks.
    Weeks(u32),
    /// Whole calendar months.
    Months(u32),
}

/// The whole validated catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    /// Version of the content (changes whenever a result could change).
    pub content_version: String,
    /// Clauses then objectives, in content order.
    pub areas: Vec<Area>,
    /// Unscored clause headings.
    pub headings: Vec<Heading>,
    /// Scored requirements, in content order.
    pub requirements: Vec<Requirement>,
    /// Source frameworks.
    pub frameworks: Vec<Framework>,
    /// Crosswalk, one mapping per requirement (same index).
    pub crosswalk: Vec<Mapping>,
    /// Questionnaire sections.
    pub sections: Vec<Section>,
    /// Questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// Effort model.
    pub effort: EffortModel,
    /// Scoring rules.
    pub rules: Rules,
    /// Published overlap figures.
    pub published: Vec<PublishedFigure>,
    /// The certification calendar.
    pub certification: Certification,
    /// Locale → key → text.
    pub locales: BTreeMap<String, BTreeMap<String, String>>,
    /// Language → overlay key → content text, for every language but English (see
    /// [`crate::content::lang`]; [`Catalog::localized`] applies one).
    pub overlays: BTreeMap<String, BTreeMap<String, String>>,
    /// For each requirement, the (question, cover) pairs that support it.
    #[serde(skip)]
    pub supports: Vec<Vec<(usize, usize)>>,
    #[serde(skip)]
    pub(super) question_index: BTreeMap<String, usize>,
    #[serde(skip)]
    pub(super) requirement_index: BTreeMap<String, usize>,
}

/// Everything wrong with a content bundle, one plain message per problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<String>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} content problem(s):", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "- {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

impl Catalog {
    /// The catalog of this build, read once: decoded from the installed content bundle (the web
    /// app, see [`super::bundle`]), else (with the `load` feature) loaded from the content
    /// compiled into the engine and validated.
    pub fn builtin() -> Result<&'static Catalog, &'static ContentErrors> {
        static CELL: OnceLock<Result<Catalog, ContentErrors>> = OnceLock::new();
        CELL.get_or_init(|| match super::bundle::installed() {
            Some(bytes) => super::bundle::decode_part(bytes, super::bundle::CATALOG)
                .ok_or_else(|| ContentErrors(vec![super::bundle::DAMAGED.to_owned()])),
            #[cfg(feature = "load")]
            None => Catalog::load(BUILTIN_CONTENT),
            #[cfg(not(feature = "load"))]
            None => Err(ContentErrors(vec![super::bundle::MISSING.to_owned()])),
        })
        .as_ref()
    }

    /// The raw JSON bundle compiled into this build (for tools that inspect content).
    #[cfg(feature = "load")]
    pub fn builtin_json() -> &'static str {
        BUILTIN_CONTENT
    }

    /// Parses and validates a content bundle (the JSON `build.rs` makes from `content/`).
    #[cfg(feature = "load")]
    pub fn load(json: &str) -> Result<Catalog, ContentErrors> {
        let raw: RawContent = serde_json::from_str(json)
            .map_err(|e| ContentErrors(vec![format!("content bundle does not parse: {e}")]))?;
        Catalog::validate(raw)
    }

    /// Index of a question by id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).and_then(|i| self.questions.get(i))
    }

    /// Index of a requirement by id.
    pub fn requirement_index(&self, id: &str) -> Option<usize> {
        self.requirement_index.get(id).copied()
    }

    /// A requirement by id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirement_index(id)
            .and_then(|i| self.requirements.get(i))
    }

    /// The framework item a reference points at, as `(framework, item)`.
    pub fn item(&self, r: ItemRef) -> Option<(&Framework, &FrameworkItem)> {
        let fw = self.frameworks.get(r.framework)?;
        Some((fw, fw.items.get(r.item)?))
    }

    /// A reference written `framework:item` (as in content files) for display and JSON.
    pub fn item_key(&self, r: ItemRef) -> String {
        match self.item(r) {
            Some((fw, item)) => format!("{}:{}", fw.id, item.id),
            None => String::from("?"),
        }
    }

    /// Text for a locale key, falling back to English, then to the key itself so a missing string
    /// is visible rather than blank.
    pub fn text<'a>(&'a self, locale: &str, key: &'a str) -> &'a str {
        self.locales
            .get(locale)
            .and_then(|m| m.get(key))
            .or_else(|| self.locales.get("en").and_then(|m| m.get(key)))
            .map_or(key, String::as_str)
    }

    /// A [`Wording`] in words of a locale (falling back like [`Catalog::text`]).
    pub fn word(&self, locale: &str, words: &Wording) -> String {
        words.render(&|key| self.text(locale, key).to_owned())
    }

    /// The band a readiness score falls in.
    pub fn band(&self, score: u8) -> &Band {
        // Bands are validated non-empty, ascending and starting at 0.
        let mut chosen = &self.rules.bands[0];
        for b in &self.rules.bands {
            if score >= b.min {
                chosen = b;
            }
        }
        chosen
    }
}

/// Looks a key up and fills its placeholders.
pub(crate) fn tr(catalog: &Catalog, locale: &str, key: &str, args: &[(&str, &str)]) -> String {
    fill(catalog.text(locale, key), args)
}
