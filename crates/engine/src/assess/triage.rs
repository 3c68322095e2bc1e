//! A preliminary EU AI Act triage, the impact-assessment priority and the ISO/IEC 42001 controls
//! of each AI system in the register (issue 16), from the rules of `content/register.toml`
//! ([`crate::content::triage_rules`]). Conditions look only at the system's own answers. This is
//! a preliminary triage, never legal advice: the words that say so are in the locale
//! (`triage.disclaimer`).

use serde::Serialize;

pub use crate::content::triage_rules::{
    CATEGORIES, ChoiceArticles, ControlRule, FactorRule, Field, FieldKind, IMPACT_LEAD,
    PriorityRule, Rule, Rules, UI_KEYS, When,
};
use crate::document::register::{Register, System};

impl Rules {
    /// True when the condition holds for the system.
    pub fn holds(&self, when: &When, system: &System) -> bool {
        match when {
            When::Fact { field, any_of } => {
                let chosen = system.fact(field);
                if chosen.is_empty() {
                    self.field(field)
                        .and_then(|f| f.default.as_ref())
                        .is_some_and(|d| any_of.contains(d))
                } else {
                    chosen.iter().any(|c| any_of.contains(c))
                }
            }
            When::All(cs) => cs.iter().all(|c| self.holds(c, system)),
            When::Any(cs) => cs.iter().any(|c| self.holds(c, system)),
            When::Not(c) => !self.holds(c, system),
            When::Always(b) => *b,
        }
    }

    /// The triage of one system.
    pub fn triage(&self, system: &System) -> SystemResult {
        let (tier, category, mut articles) = self
            .tiers
            .iter()
            .find(|t| self.holds(&t.when, system))
            .map_or_else(
                || ("minimal".to_owned(), "minimal".to_owned(), Vec::new()),
                |t| {
                    let mut articles = t.articles.clone();
                    if let Some(f) = &t.cite {
                        for c in system.fact(f) {
                            for a in self
                                .articles
                                .iter()
                                .filter(|a| &a.field == f && &a.choice == c)
                            {
                                articles.extend(a.articles.iter().cloned());
                            }
                        }
                    }
                    (
                        t.id.clone(),
                        t.category.clone().unwrap_or_else(|| "minimal".into()),
                        articles,
                    )
                },
            );
        articles.dedup();
        let notes = self
            .notes
            .iter()
            .filter(|n| self.holds(&n.when, system))
            .map(|n| Note {
                id: n.id.clone(),
                articles: n.articles.clone(),
            })
            .collect();
        let (priority_rank, priority) = self
            .priorities
            .iter()
            .enumerate()
            .find(|(_, p)| self.holds(&p.when, system))
            .map_or((self.priorities.len(), "low".to_owned()), |(i, p)| {
                (i, p.id.clone())
            });
        let controls = self
            .controls
            .iter()
            .filter(|c| self.holds(&c.when, system))
            .map(|c| Controls {
                id: c.id.clone(),
                requirements: c.requirements.clone(),
            })
            .collect();
        let factors = self
            .factors
            .iter()
            .filter(|f| self.holds(&f.when, system))
            .map(|f| f.id.clone())
            .collect();
        SystemResult {
            id: system.id.clone(),
            name: system.name.clone(),
            owner: system.owner.clone(),
            tier,
            category,
            articles,
            notes,
            priority,
            priority_rank,
            controls,
            factors,
        }
    }

    /// Every system's triage, in the register's order.
    pub fn triage_all(&self, register: &Register) -> Vec<SystemResult> {
        register.systems.iter().map(|s| self.triage(s)).collect()
    }
}

/// A note beside the tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Id (locale `triage.note.<id>`).
    pub id: String,
    /// Articles it rests on.
    pub articles: Vec<String>,
}

/// Controls a system brings in, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Controls {
    /// Rule id (locale `register.control.<id>`).
    pub id: String,
    /// Requirement ids.
    pub requirements: Vec<String>,
}

/// One system's preliminary triage, priority and controls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemResult {
    /// System id.
    pub id: String,
    /// Name as typed (escape it wherever it is shown).
    pub name: String,
    /// Owner as typed.
    pub owner: String,
    /// Tier id (locale `triage.tier.<id>.title` / `.body`).
    pub tier: String,
    /// Category: `prohibited` | `high_risk` | `transparency` | `minimal` (locale `triage.category.<id>`).
    pub category: String,
    /// Articles the tier rests on.
    pub articles: Vec<String>,
    /// Notes that apply.
    pub notes: Vec<Note>,
    /// Impact-assessment priority id (locale `triage.priority.<id>`).
    pub priority: String,
    /// Its rank (0 = highest).
    pub priority_rank: usize,
    /// Controls it brings in.
    pub controls: Vec<Controls>,
    /// Per-system effort factors that hold.
    pub factors: Vec<String>,
}

impl SystemResult {
    /// Every article the triage rests on: the tier's, then the notes', without repeats.
    pub fn all_articles(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in self
            .articles
            .iter()
            .chain(self.notes.iter().flat_map(|n| &n.articles))
        {
            if !out.contains(a) {
                out.push(a.clone());
            }
        }
        out
    }

    /// Every requirement it brings in, without repeats, in rule order.
    pub fn requirements(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in self.controls.iter().flat_map(|c| &c.requirements) {
            if !out.contains(r) {
                out.push(r.clone());
            }
        }
        out
    }
}

/// The systems in impact-assessment order: highest priority first, then the register's order.
pub fn impact_order(results: &[SystemResult]) -> Vec<&SystemResult> {
    let mut out: Vec<&SystemResult> = results.iter().collect();
    out.sort_by_key(|r| r.priority_rank);
    out
}
