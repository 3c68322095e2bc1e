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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Mutex, OnceLock};

use serde::Serialize;

use crate::content::{
    RawCondition, RawContent, RawEffort, RawFramework, RawQuestion, RawRules, RawStandard,
};
use crate::model::{AreaKind, Family, Maturity, Phase, QuestionKind, Relation, WorkKind};

/// The content bundled at build time (see `build.rs`).
const BUILTIN_CONTENT: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// The built-in content parsed ahead of validation by [`Catalog::parse_builtin`].
static PARSED_BUILTIN: Mutex<Option<RawContent>> = Mutex::new(None);

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
    /// [`crate::lang`]; [`Catalog::localized`] applies one).
    pub overlays: BTreeMap<String, BTreeMap<String, String>>,
    /// For each requirement, the (question, cover) pairs that support it.
    #[serde(skip)]
    pub supports: Vec<Vec<(usize, usize)>>,
    #[serde(skip)]
    question_index: BTreeMap<String, usize>,
    #[serde(skip)]
    requirement_index: BTreeMap<String, usize>,
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
    /// The catalog compiled into this build. Loaded and validated once.
    pub fn builtin() -> Result<&'static Catalog, &'static ContentErrors> {
        static CELL: OnceLock<Result<Catalog, ContentErrors>> = OnceLock::new();
        CELL.get_or_init(|| {
            let parsed = PARSED_BUILTIN
                .lock()
                .ok()
                .and_then(|mut parsed| parsed.take());
            match parsed {
                Some(raw) => Catalog::validate(raw),
                None => Catalog::load(BUILTIN_CONTENT),
            }
        })
        .as_ref()
    }

    /// Parses the built-in content now and keeps it for [`Catalog::builtin`], which then only
    /// validates it. Lets the web app split its start-up work into two shorter tasks (parsing and
    /// validating are about half each); calling it is never required. A parse failure is left
    /// for `builtin` to report.
    pub fn parse_builtin() {
        if let Ok(raw) = serde_json::from_str::<RawContent>(BUILTIN_CONTENT)
            && let Ok(mut parsed) = PARSED_BUILTIN.lock()
        {
            *parsed = Some(raw);
        }
    }

    /// The raw JSON bundle compiled into this build (for tools that inspect content).
    pub fn builtin_json() -> &'static str {
        BUILTIN_CONTENT
    }

    /// Parses and validates a content bundle (the JSON `build.rs` makes from `content/`).
    pub fn load(json: &str) -> Result<Catalog, ContentErrors> {
        let raw: RawContent = serde_json::from_str(json)
            .map_err(|e| ContentErrors(vec![format!("content bundle does not parse: {e}")]))?;
        Catalog::validate(raw)
    }

    fn validate(raw: RawContent) -> Result<Catalog, ContentErrors> {
        let mut v = Validator::default();
        let catalog = v.build(raw);
        if v.errors.is_empty() {
            Ok(catalog)
        } else {
            Err(ContentErrors(v.errors))
        }
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

/// Collects every problem while building the catalog.
#[derive(Default)]
struct Validator {
    errors: Vec<String>,
}

fn unique<'a>(
    errors: &mut Vec<String>,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            errors.push(format!("{what} #{} has an empty id", i + 1));
        }
        if map.insert(id.to_owned(), i).is_some() {
            errors.push(format!("{what} `{id}` is defined twice"));
        }
    }
    map
}

impl Validator {
    fn err(&mut self, msg: impl Into<String>) {
        self.errors.push(msg.into());
    }

    fn text(&mut self, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.err(format!("{what} is empty"));
        }
    }

    #[allow(clippy::too_many_lines)] // the content parts in dependency order, read top to bottom
    fn build(&mut self, raw: RawContent) -> Catalog {
        let (areas, headings, requirements, requirement_index, raw_conditions) =
            self.standard(raw.iso42001);
        let frameworks = self.frameworks(raw.frameworks);
        let item_refs = item_index(&frameworks);
        let crosswalk = self.crosswalk(
            raw.crosswalk,
            &requirements,
            &requirement_index,
            &item_refs,
            &frameworks,
        );

        let sections_index = unique(
            &mut self.errors,
            "section",
            raw.questionnaire.section.iter().map(|s| s.id.as_str()),
        );
        let sections: Vec<Section> = raw
            .questionnaire
            .section
            .into_iter()
            .map(|s| {
                self.text(&format!("section `{}` title", s.id), &s.title);
                Section {
                    id: s.id,
                    title: s.title,
                    intro: s.intro,
                }
            })
            .collect();
        self.text("content_version", &raw.questionnaire.content_version);
        let question_index = unique(
            &mut self.errors,
            "question",
            raw.questionnaire.question.iter().map(|q| q.id.as_str()),
        );
        let mut questions: Vec<Question> = Vec::new();
        for (qi, q) in raw.questionnaire.question.into_iter().enumerate() {
            let question = self.question(
                qi,
                q,
                &sections_index,
                &questions,
                &requirement_index,
                &item_refs,
            );
            questions.push(question);
        }
        // Requirement conditions need the questions, so they resolve last.
        let mut requirements = requirements;
        for (ri, cond) in raw_conditions {
            let what = format!("requirement `{}` applies_if", requirements[ri].id);
            requirements[ri].applies_if =
                Some(self.condition(&what, &cond, &questions, &question_index, questions.len()));
        }
        let mut supports = vec![Vec::new(); requirements.len()];
        for (qi, q) in questions.iter().enumerate() {
            for (ci, c) in q.covers.iter().enumerate() {
                if let Some(s) = supports.get_mut(c.requirement) {
                    s.push((qi, ci));
                }
            }
        }
        for (ri, s) in supports.iter().enumerate() {
            let full = s
                .iter()
                .any(|&(qi, ci)| questions[qi].covers[ci].relation == Relation::Full);
            if !full {
                self.err(format!(
                    "requirement `{}` is not fully covered by any practice question, so no answers could make it inherited",
                    requirements[ri].id
                ));
            }
        }
        let (effort, sources) = self.effort(raw.effort, &questions, &question_index);
        let rules = self.rules(
            raw.rules,
            &questions,
            &question_index,
            &frameworks,
            &requirement_index,
        );
        let published = self.published(raw.published, &sources, &frameworks);
        let certification = self.certification(raw.certification, &sources);
        let locales = self.locales(raw.locales);
        let mut effort = effort;
        effort.sources = sources;
        let catalog = Catalog {
            content_version: raw.questionnaire.content_version,
            areas,
            headings,
            requirements,
            frameworks,
            crosswalk,
            sections,
            questions,
            effort,
            rules,
            published,
            certification,
            locales,
            overlays: raw.overlays,
            supports,
            question_index,
            requirement_index,
        };
        self.locale_completeness(&catalog);
        crate::lang::check(&catalog, &mut self.errors);
        catalog
    }

    #[allow(clippy::type_complexity)] // one private hand-off of the five parts of the standard
    fn standard(
        &mut self,
        raw: RawStandard,
    ) -> (
        Vec<Area>,
        Vec<Heading>,
        Vec<Requirement>,
        BTreeMap<String, usize>,
        Vec<(usize, RawCondition)>,
    ) {
        let area_index = unique(
            &mut self.errors,
            "area",
            raw.area.iter().map(|a| a.id.as_str()),
        );
        let areas: Vec<Area> = raw
            .area
            .into_iter()
            .map(|a| {
                self.text(&format!("area `{}` name", a.id), &a.name);
                self.text(&format!("area `{}` explain", a.id), &a.explain);
                Area {
                    id: a.id,
                    kind: a.kind,
                    name: a.name,
                    explain: a.explain,
                }
            })
            .collect();
        let mut headings = Vec::new();
        for h in raw.heading {
            match area_index.get(&h.area) {
                Some(&area) => headings.push(Heading {
                    id: h.id,
                    area,
                    name: h.name,
                }),
                None => self.err(format!(
                    "heading `{}` names unknown area `{}`",
                    h.id, h.area
                )),
            }
        }
        let requirement_index = unique(
            &mut self.errors,
            "requirement",
            raw.requirement.iter().map(|r| r.id.as_str()),
        );
        let mut requirements = Vec::new();
        let mut conditions = Vec::new();
        for r in raw.requirement {
            let what = format!("requirement `{}`", r.id);
            let Some(&area) = area_index.get(&r.area) else {
                self.err(format!("{what} names unknown area `{}`", r.area));
                continue;
            };
            let kind = areas[area].kind;
            let prefix_ok = match kind {
                AreaKind::Clause => r.id.split('.').next() == Some(r.area.as_str()),
                AreaKind::Objective => r.id.starts_with(&format!("{}.", r.area)),
            };
            if !prefix_ok {
                self.err(format!("{what} does not belong to area `{}`", r.area));
            }
            self.text(&format!("{what} name"), &r.name);
            self.text(&format!("{what} explain"), &r.explain);
            if !(1..=3).contains(&r.weight) {
                self.err(format!("{what} weight {} is outside 1..=3", r.weight));
            }
            if !(r.days.is_finite() && r.days > 0.0 && r.days <= 60.0) {
                self.err(format!(
                    "{what} days {} must be above 0 and at most 60",
                    r.days
                ));
            }
            match (&r.applies_if, &r.na_reason, kind) {
                (Some(_), Some(reason), AreaKind::Objective) => {
                    self.text(&format!("{what} na_reason"), reason);
                }
                (Some(_), _, AreaKind::Clause) => self.err(format!(
                    "{what} is a clause: clauses 4–10 cannot be excluded, so it takes no applies_if"
                )),
                (Some(_), None, AreaKind::Objective) => {
                    self.err(format!("{what} has applies_if but no na_reason"));
                }
                (None, Some(_), _) => self.err(format!("{what} has na_reason but no applies_if")),
                (None, None, _) => {}
            }
            if let Some(c) = r.applies_if {
                conditions.push((requirements.len(), c));
            }
            requirements.push(Requirement {
                id: r.id,
                area,
                kind,
                name: r.name,
                explain: r.explain,
                weight: r.weight,
                work: r.work,
                days: r.days,
                phase: r.phase,
                applies_if: None,
                na_reason: r.na_reason,
            });
        }
        (areas, headings, requirements, requirement_index, conditions)
    }

    fn frameworks(&mut self, raw: Vec<RawFramework>) -> Vec<Framework> {
        unique(
            &mut self.errors,
            "framework",
            raw.iter().map(|f| f.id.as_str()),
        );
        raw.into_iter()
            .map(|f| {
                unique(
                    &mut self.errors,
                    &format!("{} item", f.id),
                    f.item.iter().map(|i| i.id.as_str()),
                );
                for i in &f.item {
                    self.text(&format!("{} item `{}` name", f.id, i.id), &i.name);
                }
                Framework {
                    id: f.id,
                    name: f.name,
                    items: f
                        .item
                        .into_iter()
                        .map(|i| FrameworkItem {
                            id: i.id,
                            group: i.group,
                            name: i.name,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn crosswalk(
        &mut self,
        raw: crate::content::RawCrosswalk,
        requirements: &[Requirement],
        requirement_index: &BTreeMap<String, usize>,
        item_refs: &BTreeMap<String, ItemRef>,
        frameworks: &[Framework],
    ) -> Vec<Mapping> {
        let mut maps: Vec<Option<Mapping>> = vec![None; requirements.len()];
        for m in raw.map {
            let what = format!("crosswalk map for `{}`", m.requirement);
            let Some(&ri) = requirement_index.get(&m.requirement) else {
                self.err(format!("{what}: unknown requirement"));
                continue;
            };
            let mut rows = Vec::new();
            let mut seen = BTreeSet::new();
            for row in m.row {
                self.text(
                    &format!("{what} row `{}` rationale", row.source),
                    &row.rationale,
                );
                match item_refs.get(&row.source) {
                    Some(&r) => {
                        if !seen.insert(r) {
                            self.err(format!("{what} lists `{}` twice", row.source));
                        }
                        let share = self.share(
                            &format!("{what} row `{}`", row.source),
                            row.relation,
                            row.share,
                        );
                        rows.push(CrosswalkRow {
                            source: r,
                            relation: row.relation,
                            rationale: row.rationale,
                            share,
                        });
                    }
                    None => self.err(format!(
                        "{what}: source `{}` is not a known framework item (write framework:item, e.g. iso27001:A.5.15)",
                        row.source
                    )),
                }
            }
            let security = rows.iter().any(|r| {
                matches!(
                    frameworks[r.source.framework].id.as_str(),
                    "iso27001" | "soc2"
                )
            });
            match (&m.net_new, security) {
                (None, false) => self.err(format!(
                    "{what}: no ISO 27001 or SOC 2 row, so net_new must say why nothing supports it"
                )),
                (Some(_), true) => self.err(format!(
                    "{what}: net_new is set but ISO 27001 / SOC 2 rows support it; remove one"
                )),
                (Some(t), false) => self.text(&format!("{what} net_new"), t),
                (None, true) => {}
            }
            if maps[ri].is_some() {
                self.err(format!("{what}: mapped twice"));
            }
            maps[ri] = Some(Mapping {
                net_new: m.net_new,
                rows,
            });
        }
        maps.into_iter()
            .enumerate()
            .map(|(ri, m)| {
                m.unwrap_or_else(|| {
                    self.err(format!(
                        "requirement `{}` has no crosswalk map (map it, or say it is net-new)",
                        requirements[ri].id
                    ));
                    Mapping {
                        net_new: None,
                        rows: Vec::new(),
                    }
                })
            })
            .collect()
    }

    #[allow(clippy::too_many_lines)] // one check per question field, in file order
    fn question(
        &mut self,
        qi: usize,
        q: RawQuestion,
        sections: &BTreeMap<String, usize>,
        earlier: &[Question],
        requirement_index: &BTreeMap<String, usize>,
        item_refs: &BTreeMap<String, ItemRef>,
    ) -> Question {
        let what = format!("question `{}`", q.id);
        let section = sections.get(&q.section).copied().unwrap_or_else(|| {
            self.err(format!("{what} names unknown section `{}`", q.section));
            0
        });
        self.text(&format!("{what} text"), &q.text);
        self.text(&format!("{what} why"), &q.why);
        let earlier_index: BTreeMap<String, usize> = earlier
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        let show_if = q
            .show_if
            .as_ref()
            .map(|c| self.condition(&format!("{what} show_if"), c, earlier, &earlier_index, qi));
        match q.kind {
            QuestionKind::Single | QuestionKind::Multi => {
                if q.choice.len() < 2 {
                    self.err(format!("{what} needs at least two choices"));
                }
                unique(
                    &mut self.errors,
                    &format!("{what} choice"),
                    q.choice.iter().map(|c| c.id.as_str()),
                );
                for c in &q.choice {
                    self.text(&format!("{what} choice `{}` label", c.id), &c.label);
                }
                if q.family.is_some()
                    || !q.refs.is_empty()
                    || !q.covers.is_empty()
                    || q.name.is_some()
                {
                    self.err(format!(
                        "{what}: name, family, refs and covers belong to practice questions only"
                    ));
                }
            }
            QuestionKind::Practice => {
                if !q.choice.is_empty() {
                    self.err(format!(
                        "{what}: practice questions use the fixed maturity scale, not choices"
                    ));
                }
                if q.family.is_none() {
                    self.err(format!(
                        "{what}: practice questions need a family (program or ai)"
                    ));
                }
                match &q.name {
                    Some(name) => self.text(&format!("{what} name"), name),
                    None => self.err(format!(
                        "{what}: practice questions need a short `name` (how sentences name it)"
                    )),
                }
                if q.covers.is_empty() {
                    self.err(format!(
                        "{what}: a practice must cover at least one requirement"
                    ));
                }
            }
        }
        let mut refs = Vec::new();
        for r in &q.refs {
            match item_refs.get(r) {
                Some(&x) => refs.push(x),
                None => self.err(format!("{what} refs unknown framework item `{r}`")),
            }
        }
        let mut covers = Vec::new();
        let mut seen = BTreeSet::new();
        for c in q.covers {
            self.text(&format!("{what} cover `{}` note", c.requirement), &c.note);
            match requirement_index.get(&c.requirement) {
                Some(&requirement) => {
                    if !seen.insert(requirement) {
                        self.err(format!("{what} covers `{}` twice", c.requirement));
                    }
                    let row = format!("{what} cover `{}`", c.requirement);
                    let share = self.share(&row, c.relation, c.share);
                    match (c.relation, &c.reuse) {
                        (Relation::Partial, Some(t)) => self.text(&format!("{row} reuse"), t),
                        (Relation::Partial, None) => self.err(format!(
                            "{row}: a partial row needs `reuse`, one line on what is reused and what is new"
                        )),
                        (Relation::Full, Some(_)) => self.err(format!(
                            "{row}: `reuse` belongs to partial rows only (a full row reuses everything)"
                        )),
                        (Relation::Full, None) => {}
                    }
                    covers.push(Cover {
                        requirement,
                        relation: c.relation,
                        note: c.note,
                        share,
                        reuse: c.reuse,
                    });
                }
                None => self.err(format!(
                    "{what} covers unknown requirement `{}`",
                    c.requirement
                )),
            }
        }
        Question {
            id: q.id,
            section,
            kind: q.kind,
            name: q.name,
            text: q.text,
            why: q.why,
            help: q.help,
            show_if,
            choices: q
                .choice
                .into_iter()
                .map(|c| Choice {
                    id: c.id,
                    label: c.label,
                })
                .collect(),
            family: q.family,
            refs,
            covers,
        }
    }

    /// Resolves a condition. `before` bounds which questions it may look at (earlier ones only for
    /// `show_if`, so there are no cycles).
    fn condition(
        &mut self,
        what: &str,
        c: &RawCondition,
        questions: &[Question],
        index: &BTreeMap<String, usize>,
        before: usize,
    ) -> Condition {
        match c {
            RawCondition::Answer { question, any_of } => {
                let Some(&qi) = index.get(question).filter(|&&qi| qi < before) else {
                    self.err(format!(
                        "{what} looks at `{question}`, which is not an earlier question"
                    ));
                    return Condition::Answer {
                        question: usize::MAX,
                        any_of: any_of.clone(),
                    };
                };
                let q = &questions[qi];
                match q.kind {
                    QuestionKind::Single | QuestionKind::Multi => {}
                    QuestionKind::Practice => self.err(format!(
                        "{what} looks at practice `{question}`: conditions may only look at single or multi questions"
                    )),
                }
                if any_of.is_empty() {
                    self.err(format!("{what}: any_of is empty"));
                }
                for choice in any_of {
                    if !q.choices.iter().any(|c| &c.id == choice) {
                        self.err(format!("{what}: `{question}` has no choice `{choice}`"));
                    }
                }
                Condition::Answer {
                    question: qi,
                    any_of: any_of.clone(),
                }
            }
            RawCondition::All(cs) => Condition::All(
                cs.iter()
                    .map(|c| self.condition(what, c, questions, index, before))
                    .collect(),
            ),
            RawCondition::Any(cs) => Condition::Any(
                cs.iter()
                    .map(|c| self.condition(what, c, questions, index, before))
                    .collect(),
            ),
            RawCondition::Not(c) => {
                Condition::Not(Box::new(self.condition(what, c, questions, index, before)))
            }
        }
    }

    /// The reuse share of a mapping row: a partial row must state one strictly between 0 and 1;
    /// a full row reuses everything (1) and states none.
    fn share(&mut self, what: &str, relation: Relation, share: Option<f64>) -> f64 {
        match (relation, share) {
            (Relation::Partial, Some(x)) if x.is_finite() && x > 0.0 && x < 1.0 => x,
            (Relation::Partial, Some(_)) => {
                self.err(format!("{what}: share must be strictly between 0 and 1"));
                0.5
            }
            (Relation::Partial, None) => {
                self.err(format!(
                    "{what}: a partial row needs `share`, the part of the requirement it really reuses"
                ));
                0.5
            }
            (Relation::Full, None) => 1.0,
            (Relation::Full, Some(_)) => {
                self.err(format!(
                    "{what}: `share` belongs to partial rows only (a full row counts 1)"
                ));
                1.0
            }
        }
    }

    fn sources_known(&mut self, what: &str, cited: &[String], known: &BTreeSet<String>) {
        if cited.is_empty() {
            self.err(format!("{what} cites no source"));
        }
        for s in cited {
            if !known.contains(s) {
                self.err(format!("{what} cites unknown source `{s}`"));
            }
        }
    }

    #[allow(clippy::too_many_lines)] // one check per effort figure, in file order
    fn effort(
        &mut self,
        raw: RawEffort,
        questions: &[Question],
        index: &BTreeMap<String, usize>,
    ) -> (EffortModel, Vec<Source>) {
        unique(
            &mut self.errors,
            "source",
            raw.source.iter().map(|s| s.id.as_str()),
        );
        let known: BTreeSet<String> = raw.source.iter().map(|s| s.id.clone()).collect();
        let mut figure_sources = BTreeMap::new();
        for (key, cited) in [
            ("capacity", &raw.capacity.sources),
            ("audit_cycle", &raw.audit_cycle.sources),
            ("foundation", &raw.foundation.sources),
            ("systems", &raw.systems.sources),
            ("range", &raw.range.sources),
        ] {
            self.sources_known(&format!("effort {key}"), cited, &known);
            figure_sources.insert(key.to_owned(), cited.clone());
        }
        let positive = |x: f64| x.is_finite() && x > 0.0;
        if !(positive(raw.capacity.low) && raw.capacity.low <= raw.capacity.high) {
            self.err("effort capacity: need 0 < low <= high");
        }
        if !(positive(raw.audit_cycle.days) && raw.audit_cycle.months >= 0.0) {
            self.err("effort audit_cycle: days must be above 0 and months not negative");
        }
        if !positive(raw.foundation.days_per_practice) {
            self.err("effort foundation: days_per_practice must be above 0");
        }
        if !(0.0..=1.0).contains(&raw.systems.additional_system_share) {
            self.err("effort systems: additional_system_share must be within 0..=1");
        }
        if !(positive(raw.range.low) && raw.range.low <= 1.0 && raw.range.high >= 1.0) {
            self.err("effort range: need 0 < low <= 1 <= high");
        }
        let systems_question = match index.get(&raw.systems.question) {
            Some(&qi) if questions[qi].kind == QuestionKind::Single => qi,
            _ => {
                self.err(format!(
                    "effort systems: `{}` is not a single-choice question",
                    raw.systems.question
                ));
                usize::MAX
            }
        };
        let mut system_counts = BTreeMap::new();
        for b in raw.systems.bucket {
            if b.count == 0 {
                self.err(format!(
                    "effort systems bucket `{}` counts 0 systems",
                    b.choice
                ));
            }
            system_counts.insert(b.choice, b.count);
        }
        if let Some(q) = questions.get(systems_question) {
            for c in &q.choices {
                if !system_counts.contains_key(&c.id) {
                    self.err(format!("effort systems: no bucket for choice `{}`", c.id));
                }
            }
            for k in system_counts.keys() {
                if !q.choices.iter().any(|c| &c.id == k) {
                    self.err(format!("effort systems: bucket `{k}` is not a choice"));
                }
            }
        }
        let mut factors = Vec::new();
        unique(
            &mut self.errors,
            "effort factor",
            raw.factor.iter().map(|f| f.id.as_str()),
        );
        for f in raw.factor {
            let what = format!("effort factor `{}`", f.id);
            self.sources_known(&what, &f.sources, &known);
            if !(f.multiplier.is_finite() && f.multiplier >= 1.0 && f.multiplier <= 3.0) {
                self.err(format!("{what}: multiplier must be within 1..=3"));
            }
            let when = self.condition(&what, &f.when, questions, index, questions.len());
            figure_sources.insert(format!("factor.{}", f.id), f.sources);
            factors.push(Factor {
                id: f.id,
                when,
                multiplier: f.multiplier,
            });
        }
        let sources = raw
            .source
            .into_iter()
            .map(|s| Source {
                id: s.id,
                title: s.title,
                publisher: s.publisher,
                date: s.date,
                note: s.note,
            })
            .collect();
        (
            EffortModel {
                capacity_low: raw.capacity.low,
                capacity_high: raw.capacity.high,
                audit_days: raw.audit_cycle.days,
                audit_months: raw.audit_cycle.months,
                foundation_days_per_practice: raw.foundation.days_per_practice,
                systems_question,
                system_counts,
                additional_system_share: raw.systems.additional_system_share,
                range_low: raw.range.low,
                range_high: raw.range.high,
                factors,
                sources: Vec::new(),
                figure_sources,
            },
            sources,
        )
    }

    #[allow(clippy::too_many_lines)] // one check per rule kind, in file order
    fn rules(
        &mut self,
        raw: RawRules,
        questions: &[Question],
        index: &BTreeMap<String, usize>,
        frameworks: &[Framework],
        requirement_index: &BTreeMap<String, usize>,
    ) -> Rules {
        let s = &raw.scoring;
        let credit = [
            s.not_in_place,
            s.in_place_not_effective,
            s.effective_not_provable,
            s.effective_and_provable,
        ];
        #[allow(clippy::float_cmp)] // exact bounds written in content
        let credit_ok =
            credit[0] == 0.0 && credit.windows(2).all(|w| w[0] <= w[1]) && credit[3] == 1.0;
        if !credit_ok {
            self.err("rules scoring: maturity credits must rise from 0 (not in place) to 1 (effective and provable)");
        }
        if raw.band.first().map(|b| b.min) != Some(0)
            || !raw.band.windows(2).all(|w| w[0].min < w[1].min)
            || raw.band.iter().any(|b| b.min > 100)
        {
            self.err("rules band: bands must start at 0 and rise strictly, up to 100");
        }
        if !(0.0..=1.0).contains(&raw.results.min_practice_share) {
            self.err("rules results: min_practice_share must be within 0..=1");
        }
        if !(0.0..=1.0).contains(&raw.foundation.min_effective_share) {
            self.err("rules foundation: min_effective_share must be within 0..=1");
        }
        unique(
            &mut self.errors,
            "warning",
            raw.warning.iter().map(|w| w.id.as_str()),
        );
        let warnings = raw
            .warning
            .into_iter()
            .map(|w| WarningRule {
                lead: w
                    .lead
                    .iter()
                    .filter_map(|id| {
                        let ri = requirement_index.get(id).copied();
                        if ri.is_none() {
                            self.err(format!(
                                "warning `{}` lead: unknown requirement `{id}`",
                                w.id
                            ));
                        }
                        ri
                    })
                    .collect(),
                when: self.condition(
                    &format!("warning `{}`", w.id),
                    &w.when,
                    questions,
                    index,
                    questions.len(),
                ),
                id: w.id,
                phase: w.phase,
            })
            .collect();
        let known_framework = |id: &str| frameworks.iter().any(|f| f.id == id);
        unique(
            &mut self.errors,
            "program",
            raw.program.iter().map(|p| p.framework.as_str()),
        );
        let mut programs = Vec::new();
        for p in raw.program {
            let what = format!("program `{}`", p.framework);
            if !known_framework(&p.framework) {
                self.err(format!("{what}: unknown framework"));
            }
            programs.push(ProgramRule {
                runs_when: self.condition(
                    &format!("{what} runs_when"),
                    &p.runs_when,
                    questions,
                    index,
                    questions.len(),
                ),
                attested_when: self.condition(
                    &format!("{what} attested_when"),
                    &p.attested_when,
                    questions,
                    index,
                    questions.len(),
                ),
                framework: p.framework,
            });
        }
        unique(
            &mut self.errors,
            "suggestion",
            raw.suggestion.iter().map(|x| x.id.as_str()),
        );
        let mut suggestions = Vec::new();
        for x in raw.suggestion {
            let what = format!("suggestion `{}`", x.id);
            if !known_framework(&x.framework) {
                self.err(format!("{what}: unknown framework `{}`", x.framework));
            }
            suggestions.push(SuggestionRule {
                when: self.condition(
                    &format!("{what} when"),
                    &x.when,
                    questions,
                    index,
                    questions.len(),
                ),
                id: x.id,
                framework: x.framework,
                family: x.family,
                answer: x.answer,
            });
        }
        Rules {
            programs,
            suggestions,
            maturity_credit: credit,
            bands: raw
                .band
                .into_iter()
                .map(|b| Band {
                    id: b.id,
                    min: b.min,
                })
                .collect(),
            foundation_min_effective_share: raw.foundation.min_effective_share,
            wins: raw.wins.count,
            min_practice_share: raw.results.min_practice_share,
            warnings,
        }
    }

    fn published(
        &mut self,
        raw: crate::content::RawPublished,
        sources: &[Source],
        frameworks: &[Framework],
    ) -> Vec<PublishedFigure> {
        unique(
            &mut self.errors,
            "published figure",
            raw.figure.iter().map(|f| f.id.as_str()),
        );
        let mut out = Vec::new();
        for f in raw.figure {
            let what = format!("published figure `{}`", f.id);
            let Some(source) = sources.iter().position(|s| s.id == f.source) else {
                self.err(format!("{what} cites unknown source `{}`", f.source));
                continue;
            };
            if !matches!(f.basis.as_str(), "requirements" | "effort") {
                self.err(format!("{what}: basis must be `requirements` or `effort`"));
            }
            if !f
                .from
                .split('+')
                .all(|p| frameworks.iter().any(|fw| fw.id == p))
            {
                self.err(format!(
                    "{what}: from `{}` names an unknown framework",
                    f.from
                ));
            }
            if f.low > f.high || f.high > 100 {
                self.err(format!("{what}: need low <= high <= 100"));
            }
            self.text(&format!("{what} claim"), &f.claim);
            if let Some(url) = &f.url
                && !(url.starts_with("https://")
                    && url.len() > "https://".len()
                    && !url
                        .chars()
                        .any(|c| c.is_whitespace() || c.is_control() || c == '"'))
            {
                self.err(format!("{what}: url must be an https:// address"));
            }
            out.push(PublishedFigure {
                id: f.id,
                source,
                from: f.from,
                basis: f.basis,
                low: f.low,
                high: f.high,
                claim: f.claim,
                url: f.url,
            });
        }
        out
    }

    fn certification(
        &mut self,
        raw: crate::content::RawCertification,
        effort_sources: &[Source],
    ) -> Certification {
        unique(
            &mut self.errors,
            "certification source",
            raw.source.iter().map(|s| s.id.as_str()),
        );
        let mut known: BTreeSet<String> = effort_sources.iter().map(|s| s.id.clone()).collect();
        for s in &raw.source {
            if !known.insert(s.id.clone()) {
                self.err(format!(
                    "certification source `{}` is also an effort source",
                    s.id
                ));
            }
        }
        unique(
            &mut self.errors,
            "milestone",
            raw.milestone.iter().map(|m| m.id.as_str()),
        );
        let mut milestones: Vec<Milestone> = Vec::new();
        for m in raw.milestone {
            let what = format!("milestone `{}`", m.id);
            self.sources_known(&what, &m.sources, &known);
            let after = if m.after == "roadmap" {
                None
            } else if let Some(i) = milestones.iter().position(|x| x.id == m.after) {
                Some(i)
            } else {
                self.err(format!(
                    "{what}: after `{}` is neither `roadmap` nor an earlier milestone",
                    m.after
                ));
                None
            };
            let offset = match (m.weeks, m.months) {
                (Some(w), None) if w > 0 => Offset::Weeks(w),
                (None, Some(n)) if n > 0 => Offset::Months(n),
                _ => {
                    self.err(format!(
                        "{what}: give exactly one of `weeks` or `months`, above 0"
                    ));
                    Offset::Weeks(1)
                }
            };
            milestones.push(Milestone {
                id: m.id,
                after,
                offset,
                sources: m.sources,
            });
        }
        if milestones.is_empty() {
            self.err("certification.toml: no milestone");
        }
        self.sources_known("reminders", &raw.reminders.sources, &known);
        let reminders_until = milestones
            .iter()
            .position(|m| m.id == raw.reminders.until)
            .unwrap_or_else(|| {
                self.err(format!(
                    "reminders: until `{}` is not a milestone",
                    raw.reminders.until
                ));
                0
            });
        if !(1..=5).contains(&raw.reminders.per_day) {
            self.err("reminders: per_day must be 1 to 5 (a handful a day at most)");
        }
        Certification {
            milestones,
            reminders_until,
            reminders_per_day: raw.reminders.per_day,
            sources: raw
                .source
                .into_iter()
                .map(|s| Source {
                    id: s.id,
                    title: s.title,
                    publisher: s.publisher,
                    date: s.date,
                    note: s.note,
                })
                .collect(),
        }
    }

    fn locales(
        &mut self,
        raw: BTreeMap<String, serde_json::Value>,
    ) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        for (locale, value) in raw {
            let mut flat = BTreeMap::new();
            flatten(&mut self.errors, &locale, "", &value, &mut flat);
            out.insert(locale, flat);
        }
        if !out.contains_key("en") {
            self.err("locales: English (`en`) is required");
        }
        out
    }

    /// Every key the engine or UI looks up must exist in English.
    fn locale_completeness(&mut self, c: &Catalog) {
        let Some(en) = c.locales.get("en") else {
            return;
        };
        let mut missing = Vec::new();
        for key in crate::text::required_keys(c) {
            if !en.contains_key(&key) {
                missing.push(key);
            }
        }
        for key in missing {
            self.err(format!("locales/en.toml: missing `{key}`"));
        }
    }
}

fn item_index(frameworks: &[Framework]) -> BTreeMap<String, ItemRef> {
    let mut map = BTreeMap::new();
    for (fi, fw) in frameworks.iter().enumerate() {
        for (ii, item) in fw.items.iter().enumerate() {
            map.insert(
                format!("{}:{}", fw.id, item.id),
                ItemRef {
                    framework: fi,
                    item: ii,
                },
            );
        }
    }
    map
}

fn flatten(
    errors: &mut Vec<String>,
    locale: &str,
    prefix: &str,
    value: &serde_json::Value,
    out: &mut BTreeMap<String, String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(errors, locale, &key, v, out);
            }
        }
        serde_json::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        serde_json::Value::Null
        | serde_json::Value::Bool(_)
        | serde_json::Value::Number(_)
        | serde_json::Value::Array(_) => {
            errors.push(format!(
                "locales/{locale}.toml: `{prefix}` must be a string"
            ));
        }
    }
}
