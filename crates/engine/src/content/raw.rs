//! Raw content: the shapes of the data files under `content/`, exactly as written.
//!
//! These types only describe syntax. Nothing here is checked beyond what serde checks
//! (`deny_unknown_fields` turns a typo into an error). `catalog.rs` turns a [`RawContent`] into a
//! validated [`crate::Catalog`], in which every reference resolves. Keep the two apart: code outside
//! the loader never sees a raw type.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{AreaKind, Family, Phase, QuestionKind, Relation, WorkKind};

/// Every content file, as `build.rs` bundles them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContent {
    pub iso42001: RawStandard,
    pub crosswalk: RawCrosswalk,
    pub questionnaire: RawQuestionnaire,
    pub effort: RawEffort,
    pub rules: RawRules,
    pub published: RawPublished,
    pub certification: RawCertification,
    pub frameworks: Vec<RawFramework>,
    pub locales: BTreeMap<String, serde_json::Value>,
    /// Language → overlay key → text: the content texts of every language but English
    /// (`content/locales/<lang>/*.toml`, flattened by `build.rs`; see `lang.rs`).
    #[serde(default)]
    pub overlays: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandard {
    pub area: Vec<RawArea>,
    #[serde(default)]
    pub heading: Vec<RawHeading>,
    pub requirement: Vec<RawRequirement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArea {
    pub id: String,
    pub kind: AreaKind,
    pub name: String,
    pub explain: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeading {
    pub id: String,
    pub area: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub id: String,
    pub area: String,
    pub name: String,
    pub explain: String,
    pub weight: u8,
    pub work: WorkKind,
    pub days: f64,
    pub phase: Phase,
    pub applies_if: Option<RawCondition>,
    pub na_reason: Option<String>,
}

/// A typed condition on intake answers, as written in content.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RawCondition {
    Answer {
        question: String,
        any_of: Vec<String>,
    },
    All(Vec<RawCondition>),
    Any(Vec<RawCondition>),
    Not(Box<RawCondition>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    pub id: String,
    pub name: String,
    pub item: Vec<RawItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: String,
    pub group: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCrosswalk {
    pub map: Vec<RawMap>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMap {
    pub requirement: String,
    pub net_new: Option<String>,
    #[serde(default)]
    pub row: Vec<RawRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRow {
    pub source: String,
    pub relation: Relation,
    pub rationale: String,
    /// Partial rows only: the share of the requirement's work this item really reuses (0–1).
    pub share: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionnaire {
    pub content_version: String,
    pub section: Vec<RawSection>,
    pub question: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub section: String,
    pub kind: QuestionKind,
    pub name: Option<String>,
    pub text: String,
    pub why: String,
    pub help: Option<String>,
    pub show_if: Option<RawCondition>,
    #[serde(default)]
    pub choice: Vec<RawChoice>,
    pub family: Option<Family>,
    #[serde(default)]
    pub refs: Vec<String>,
    #[serde(default)]
    pub covers: Vec<RawCover>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCover {
    pub requirement: String,
    pub relation: Relation,
    pub note: String,
    /// Partial rows only: the share of the requirement's work this practice really reuses (0–1).
    pub share: Option<f64>,
    /// Partial rows only: what is reused and what is new, in one line.
    pub reuse: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEffort {
    pub capacity: RawCapacity,
    pub audit_cycle: RawAuditCycle,
    pub foundation: RawFoundation,
    pub systems: RawSystems,
    pub range: RawRange,
    #[serde(default)]
    pub factor: Vec<RawFactor>,
    pub source: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCapacity {
    pub low: f64,
    pub high: f64,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAuditCycle {
    pub days: f64,
    pub months: f64,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFoundation {
    pub days_per_practice: f64,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSystems {
    pub question: String,
    pub additional_system_share: f64,
    pub bucket: Vec<RawBucket>,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBucket {
    pub choice: String,
    pub count: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRange {
    pub low: f64,
    pub high: f64,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFactor {
    pub id: String,
    pub when: RawCondition,
    pub multiplier: f64,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRules {
    pub scoring: RawScoring,
    pub band: Vec<RawBand>,
    pub foundation: RawFoundationRule,
    pub wins: RawWins,
    pub results: RawResultsRule,
    #[serde(default)]
    pub warning: Vec<RawWarning>,
    #[serde(default)]
    pub program: Vec<RawProgram>,
    #[serde(default)]
    pub suggestion: Vec<RawSuggestion>,
}

/// A program the respondent may run (baseline), as written in `rules.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProgram {
    pub framework: String,
    pub runs_when: RawCondition,
    pub attested_when: RawCondition,
}

/// A suggested-answer rule, as written in `rules.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSuggestion {
    pub id: String,
    pub framework: String,
    pub family: Family,
    pub when: RawCondition,
    pub answer: crate::model::Maturity,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScoring {
    pub not_in_place: f64,
    pub in_place_not_effective: f64,
    pub effective_not_provable: f64,
    pub effective_and_provable: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub id: String,
    pub min: u8,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFoundationRule {
    pub min_effective_share: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResultsRule {
    pub min_practice_share: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWins {
    pub count: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWarning {
    pub id: String,
    pub when: RawCondition,
    pub phase: Phase,
    #[serde(default)]
    pub lead: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPublished {
    pub figure: Vec<RawFigure>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    pub source: String,
    pub from: String,
    pub basis: String,
    pub low: u8,
    pub high: u8,
    pub claim: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCertification {
    pub milestone: Vec<RawMilestone>,
    pub reminders: RawReminders,
    #[serde(default)]
    pub source: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMilestone {
    pub id: String,
    pub after: String,
    pub weeks: Option<u32>,
    pub months: Option<u32>,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReminders {
    pub until: String,
    pub per_day: u32,
    pub sources: Vec<String>,
}
