//! The register rules of `content/register.toml` (issue 16), loaded and checked: the register
//! questions, triage tiers, notes, priority rules, controls and per-system effort factors. What
//! they give for a system is computed in [`crate::assess::triage`].
//!
//! The rules are content (`content/register.toml`), so they can be updated without code: the
//! register questions, triage tiers in precedence order (the first that holds is the outcome),
//! notes (every one that holds), the articles each rests on, the "as of" date, the priority rules,
//! the controls a system brings in and the per-system effort factors. Conditions look only at the
//! system's own answers. This is a preliminary triage, never legal advice: the words that say so
//! are in the locale (`triage.disclaimer`).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::catalog::Catalog;

const BUILTIN_RULES: &str = include_str!(concat!(env!("OUT_DIR"), "/register.json"));

/// Single or multi choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One choice.
    Single,
    /// Several choices.
    Multi,
}

/// A register question.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Id (locale `register.field.<id>.label`, choices `register.choice.<id>.<choice>`).
    pub id: String,
    /// Single or multi.
    pub kind: FieldKind,
    /// Choice ids, in display order.
    pub choices: Vec<String>,
    /// What an unanswered question counts as in the rules.
    #[serde(default)]
    pub default: Option<String>,
}

/// A condition on one system's answers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// The answer to `field` includes any of `any_of` (an unanswered field counts as its default).
    Fact {
        /// Field id.
        field: String,
        /// Choice ids.
        any_of: Vec<String>,
    },
    /// All hold.
    All(Vec<When>),
    /// Any holds.
    Any(Vec<When>),
    /// Does not hold.
    Not(Box<When>),
    /// Always (true) or never (false).
    Always(bool),
}

/// A triage tier or note.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Id (locale `triage.tier.<id>.*` or `triage.note.<id>`).
    pub id: String,
    /// Tiers only: `prohibited` | `high_risk` | `transparency` | `minimal`.
    #[serde(default)]
    pub category: Option<String>,
    /// When it holds.
    pub when: When,
    /// Articles it rests on.
    #[serde(default)]
    pub articles: Vec<String>,
    /// A field whose chosen choices add their own articles.
    #[serde(default)]
    pub cite: Option<String>,
}

/// Articles a choice adds when a tier cites its field.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceArticles {
    /// Field id.
    pub field: String,
    /// Choice id.
    pub choice: String,
    /// Articles.
    pub articles: Vec<String>,
}

/// An impact-assessment priority rule.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityRule {
    /// Id (locale `triage.priority.<id>`).
    pub id: String,
    /// When it holds.
    pub when: When,
}

/// Controls a system brings into scope.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ControlRule {
    /// Id (locale `register.control.<id>`: why).
    pub id: String,
    /// When it holds.
    pub when: When,
    /// ISO/IEC 42001 requirement ids.
    pub requirements: Vec<String>,
}

/// A per-system effort factor (its multiplier is the `effort.toml` factor of the same id).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactorRule {
    /// Factor id in `effort.toml`.
    pub id: String,
    /// When it holds for a system.
    pub when: When,
}

/// The register's rules (`content/register.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// When the rules were last checked (ISO date).
    pub as_of: String,
    /// The register questions.
    #[serde(rename = "field")]
    pub fields: Vec<Field>,
    /// Triage tiers, in precedence order.
    #[serde(rename = "tier")]
    pub tiers: Vec<Rule>,
    /// Notes.
    #[serde(rename = "note", default)]
    pub notes: Vec<Rule>,
    /// Articles per choice.
    #[serde(rename = "article", default)]
    pub articles: Vec<ChoiceArticles>,
    /// Priority rules, highest first.
    #[serde(rename = "priority")]
    pub priorities: Vec<PriorityRule>,
    /// Controls.
    #[serde(rename = "control", default)]
    pub controls: Vec<ControlRule>,
    /// Per-system effort factors.
    #[serde(rename = "factor", default)]
    pub factors: Vec<FactorRule>,
}

/// Requirements that lead the roadmap, in this order, while a system has the highest priority
/// (the impact-assessment requirements, as in the `impact_first` warning of `rules.toml`).
pub const IMPACT_LEAD: [&str; 6] = ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"];

/// Locale keys the register screen and the "Your AI systems" part use (checked by
/// [`crate::text::required_keys`]).
pub const UI_KEYS: &[&str] = &[
    "ui.register.step_title",
    "ui.register.step_intro",
    "ui.register.limits",
    "ui.register.empty",
    "ui.register.count",
    "ui.register.full",
    "ui.register.add",
    "ui.register.name",
    "ui.register.owner",
    "ui.register.unnamed",
    "ui.register.edit",
    "ui.register.edit_short",
    "ui.register.done",
    "ui.register.done_short",
    "ui.register.remove",
    "ui.register.remove_short",
    "ui.register.up",
    "ui.register.down",
    "ui.register.removed",
    "ui.register.moved",
    "ui.register.added",
    "ui.register.chars_left",
    "ui.register.next",
    "ui.register.skip",
    "ui.register.back",
    "ui.register.edit_list",
    "ui.register.summary",
    "ui.register.results_title",
    "ui.register.results_intro",
    "ui.register.triage",
    "ui.register.priority",
    "ui.register.controls",
    "ui.register.effort",
    "ui.register.notes",
    "ui.register.none_results",
    "ui.register.csv",
    "triage.disclaimer",
    "triage.articles",
    "triage.category.prohibited",
    "triage.category.high_risk",
    "triage.category.transparency",
    "triage.category.minimal",
];

/// The triage categories, most severe first.
pub const CATEGORIES: [&str; 4] = ["prohibited", "high_risk", "transparency", "minimal"];

impl Rules {
    /// The built-in rules (`None` only if the bundled file does not parse, which a test rules out).
    pub fn builtin() -> Option<&'static Rules> {
        static CELL: OnceLock<Option<Rules>> = OnceLock::new();
        CELL.get_or_init(|| serde_json::from_str(BUILTIN_RULES).ok())
            .as_ref()
    }

    /// Parses rules from JSON (tests and content authors).
    pub fn parse(json: &str) -> Result<Rules, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// A register question by id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// Every problem with the rules against a catalog (empty when valid): unknown fields and
    /// choices in conditions, defaults, citations, requirement ids, factor ids, missing locale
    /// keys, and a last tier and priority that always hold.
    pub fn problems(&self, catalog: &Catalog) -> Vec<String> {
        let mut out = Vec::new();
        let en = |key: &str| catalog.text("en", key) != key;
        for f in &self.fields {
            if let Some(d) = &f.default
                && !f.choices.contains(d)
            {
                out.push(format!("field {}: default {d} is not a choice", f.id));
            }
            for key in [
                format!("register.field.{}.label", f.id),
                format!("register.field.{}.hint", f.id),
            ] {
                if !en(&key) {
                    out.push(format!("missing locale key {key}"));
                }
            }
            for c in &f.choices {
                let key = format!("register.choice.{}.{c}", f.id);
                if !en(&key) {
                    out.push(format!("missing locale key {key}"));
                }
            }
        }
        let mut conditions: Vec<(&str, &When)> = Vec::new();
        for t in &self.tiers {
            conditions.push((&t.id, &t.when));
            match t.category.as_deref() {
                Some(c) if CATEGORIES.contains(&c) => {}
                _ => out.push(format!("tier {}: category missing or unknown", t.id)),
            }
            for key in [
                format!("triage.tier.{}.title", t.id),
                format!("triage.tier.{}.body", t.id),
            ] {
                if !en(&key) {
                    out.push(format!("missing locale key {key}"));
                }
            }
            if let Some(f) = &t.cite
                && self.field(f).is_none()
            {
                out.push(format!("tier {}: cites unknown field {f}", t.id));
            }
        }
        for n in &self.notes {
            conditions.push((&n.id, &n.when));
            if !en(&format!("triage.note.{}", n.id)) {
                out.push(format!("missing locale key triage.note.{}", n.id));
            }
        }
        for p in &self.priorities {
            conditions.push((&p.id, &p.when));
            if !en(&format!("triage.priority.{}", p.id)) {
                out.push(format!("missing locale key triage.priority.{}", p.id));
            }
        }
        for c in &self.controls {
            conditions.push((&c.id, &c.when));
            if !en(&format!("register.control.{}", c.id)) {
                out.push(format!("missing locale key register.control.{}", c.id));
            }
            for r in &c.requirements {
                if catalog.requirement_index(r).is_none() {
                    out.push(format!("control {}: unknown requirement {r}", c.id));
                }
            }
        }
        for f in &self.factors {
            conditions.push((&f.id, &f.when));
            if !catalog.effort.factors.iter().any(|e| e.id == f.id) {
                out.push(format!("factor {}: no effort.toml factor of that id", f.id));
            }
        }
        for (id, when) in conditions {
            self.check(id, when, &mut out);
        }
        for a in &self.articles {
            match self.field(&a.field) {
                Some(f) if f.choices.contains(&a.choice) => {}
                _ => out.push(format!("article: unknown {}.{}", a.field, a.choice)),
            }
        }
        if !matches!(self.tiers.last().map(|t| &t.when), Some(When::Always(true))) {
            out.push("the last tier must be { always = true }".into());
        }
        if !matches!(
            self.priorities.last().map(|p| &p.when),
            Some(When::Always(true))
        ) {
            out.push("the last priority must be { always = true }".into());
        }
        for id in IMPACT_LEAD {
            if catalog.requirement_index(id).is_none() {
                out.push(format!("impact lead: unknown requirement {id}"));
            }
        }
        out
    }

    fn check(&self, id: &str, when: &When, out: &mut Vec<String>) {
        match when {
            When::Fact { field, any_of } => match self.field(field) {
                Some(f) => {
                    for c in any_of {
                        if !f.choices.contains(c) {
                            out.push(format!("{id}: {field} has no choice {c}"));
                        }
                    }
                }
                None => out.push(format!("{id}: unknown field {field}")),
            },
            When::All(cs) | When::Any(cs) => {
                for c in cs {
                    self.check(id, c, out);
                }
            }
            When::Not(c) => self.check(id, c, out),
            When::Always(_) => {}
        }
    }
}
