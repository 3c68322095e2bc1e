//! Scoring: from answers to a full, explainable [`Assessment`].
//!
//! The model in one paragraph. Every scored ISO/IEC 42001 requirement is supported by practices
//! (questions) through mapping rows (`covers`), each full or partial. A practice's answer gives a
//! maturity credit (not in place 0 … effective and provable 1, from `rules.toml`); a row's credit is
//! that times the row's reuse share (full rows 1; every partial row states its own share below 1
//! and why, e.g. an AI policy built on the security policy reuses only the approval and review
//! machinery). A requirement's credit is the best of its rows, so one strong practice is enough and
//! weak ones never drag a strong one down; a neighbouring practice gives a head start of at most
//! its row's share, even when the requirement's own practice is answered "not in place". Its status
//! follows from the credit: 1 is **inherited** (only a full row whose practice is effective and
//! provable gets there), above 0 is **extend**, 0 is **net-new**; Annex A controls whose
//! applicability condition fails, or whose every supporting practice was answered "not applicable",
//! are **not applicable**. Everything else is an aggregate of these credits:
//!
//! - readiness = Σ weight × credit / Σ weight over applicable requirements (0–100);
//! - share of effort done = 1 − Σ remaining days / Σ full days, where a requirement's full days
//!   are its `days` (times the AI-system multiplier for per-system work) and its remaining days
//!   are full days × (1 − credit);
//! - share of requirements = counts of each status.
//!
//! Every function here is pure and total: no panics, no I/O, the same answers give the same
//! result, and a better practice answer never lowers any score (conditions cannot look at practice
//! answers, and every aggregate is monotone in the credits). Property tests hold us to that.

pub mod credit;
pub mod effort;

use credit::{Core, core, maturity_credit, scored, status_for_credit, status_of};
pub use credit::{NotApplicable, RequirementResult, Support};

use serde::Serialize;

use crate::assess::baseline::{Baseline, baseline};
use crate::assess::condition::{holds, visible_questions};
use crate::assess::score::effort::{Effort, estimate};
use crate::content::catalog::Catalog;
use crate::document::answers::Answers;
use crate::model::{
    AreaKind, Family, Maturity, Phase, PracticeAnswer, QuestionKind, Relation, Status,
};

/// The full result of an assessment. Serialises to the command-line scorer's JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Content version it was computed with.
    pub content_version: String,
    /// Headline readiness.
    pub readiness: Readiness,
    /// Per-area scores: clauses 4–10, then Annex A objectives.
    pub areas: Vec<AreaResult>,
    /// Overlap with the existing program, two ways, clauses and Annex A apart.
    pub overlap: Overlap,
    /// Every scored requirement with its status and the reasons for it.
    pub requirements: Vec<RequirementResult>,
    /// Effort and calendar estimate.
    pub effort: Effort,
    /// Ordered actions by phase.
    pub roadmap: Vec<PhasePlan>,
    /// Warnings, in roadmap phase order.
    pub warnings: Vec<Warning>,
    /// The answers whose improvement would raise readiness most.
    pub wins: Vec<Win>,
    /// Visible practice questions answered "don't know" (scored as not in place).
    pub unknowns: Vec<String>,
    /// Visible questions not answered yet (practices scored as not in place).
    pub unanswered: Vec<String>,
    /// Requirements where a fully matching practice is in place but not effective or not
    /// provable: it will not carry over as evidence until it is.
    pub second_audit_risks: Vec<String>,
    /// Visible questions answered / visible questions.
    pub progress: Progress,
    /// What is missing before a result may be shown; when not complete, views show this instead
    /// of a score and the embed sends no `completed` message.
    pub missing: Missing,
    /// What the SOC 2 / ISO 27001 / AI RMF intake answers change: confidence of the answers,
    /// suggested answers (not scored until confirmed) and the published figures to show.
    pub baseline: Baseline,
    /// Each AI system of the register with its preliminary EU AI Act triage, impact-assessment
    /// priority and the controls it brings in (empty without a register; issue 16).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<crate::assess::triage::SystemResult>,
}

/// How far the respondent is.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Progress {
    /// Visible questions with an answer.
    pub answered: usize,
    /// Visible questions.
    pub total: usize,
}

impl Progress {
    /// Answered / visible questions for `answers`, without the rest of [`assess`]: what the
    /// questionnaire screens show after every answer. Always equal to `assess(..).progress`.
    pub fn of(catalog: &Catalog, answers: &Answers) -> Progress {
        let visible = visible_questions(catalog, answers);
        let mut progress = Progress {
            answered: 0,
            total: 0,
        };
        for (qi, shown) in visible.iter().enumerate() {
            if *shown {
                progress.total += 1;
                if answers.get(qi).is_some() {
                    progress.answered += 1;
                }
            }
        }
        progress
    }
}

/// What is still missing before a result can be shown (no result without answers): every shown
/// intake question, and at least `rules.min_practice_share` of the shown practice questions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing {
    /// Shown intake (single / multi) questions not answered yet.
    pub intake: Vec<String>,
    /// Shown practice questions answered.
    pub practices_answered: usize,
    /// Shown practice questions that must be answered at least.
    pub practices_needed: usize,
    /// Sections with unanswered shown questions, in order (where to go).
    pub sections: Vec<String>,
}

impl Missing {
    /// What is missing for `answers`.
    pub fn of(catalog: &Catalog, answers: &Answers) -> Missing {
        let visible = visible_questions(catalog, answers);
        let mut intake = Vec::new();
        let mut shown = 0usize;
        let mut answered = 0usize;
        let mut sections: Vec<String> = Vec::new();
        for (qi, q) in catalog.questions.iter().enumerate() {
            if !visible.get(qi).copied().unwrap_or(false) {
                continue;
            }
            let has = answers.get(qi).is_some();
            match q.kind {
                QuestionKind::Practice => {
                    shown += 1;
                    if has {
                        answered += 1;
                    }
                }
                QuestionKind::Single | QuestionKind::Multi => {
                    if !has {
                        intake.push(q.id.clone());
                    }
                }
            }
            if !has
                && let Some(sec) = catalog.sections.get(q.section)
                && !sections.contains(&sec.id)
            {
                sections.push(sec.id.clone());
            }
        }
        let needed = (shown as f64 * catalog.rules.min_practice_share).ceil() as usize;
        Missing {
            intake,
            practices_answered: answered,
            practices_needed: needed,
            sections,
        }
    }

    /// True when a result may be shown.
    pub fn complete(&self) -> bool {
        self.intake.is_empty() && self.practices_answered >= self.practices_needed
    }
}

/// The readiness score with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// 0–100, rounded.
    pub score: u8,
    /// Band id (`rules.toml`).
    pub band: String,
    /// Σ weight × credit.
    pub weighted_credit: f64,
    /// Σ weight over applicable requirements.
    pub weight_total: f64,
}

/// One area's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaResult {
    /// Area id.
    pub area: String,
    /// Clause or objective.
    pub kind: AreaKind,
    /// 0–100, or `None` when nothing in the area applies.
    pub score: Option<u8>,
    /// Status counts.
    pub counts: Counts,
}

/// Status counts.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Inherited.
    pub inherited: usize,
    /// Extend.
    pub extend: usize,
    /// Net-new.
    pub net_new: usize,
    /// Not applicable.
    pub not_applicable: usize,
}

impl Counts {
    fn add(&mut self, status: Status) {
        match status {
            Status::Inherited => self.inherited += 1,
            Status::Extend => self.extend += 1,
            Status::NetNew => self.net_new += 1,
            Status::NotApplicable => self.not_applicable += 1,
        }
    }

    /// Requirements that apply.
    pub fn applicable(&self) -> usize {
        self.inherited + self.extend + self.net_new
    }

    /// All requirements.
    pub fn total(&self) -> usize {
        self.applicable() + self.not_applicable
    }
}

/// Overlap figures for one part of the standard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Split {
    /// Status counts.
    pub counts: Counts,
    /// Inherited share of applicable requirements, percent.
    pub inherited_pct: u8,
    /// Extend share, percent.
    pub extend_pct: u8,
    /// Net-new share, percent.
    pub net_new_pct: u8,
    /// Share of the estimated work already done, percent.
    pub effort_done_pct: u8,
    /// Full person-days of the applicable requirements.
    pub full_days: f64,
    /// Remaining person-days.
    pub remaining_days: f64,
}

/// Overlap, clauses and Annex A apart and together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overlap {
    /// Clauses 4–10.
    pub clauses: Split,
    /// Annex A controls.
    pub annex: Split,
    /// Everything.
    pub all: Split,
}

/// One roadmap phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhasePlan {
    /// Phase.
    pub phase: Phase,
    /// Remaining person-days of the requirements in it (before factors and range).
    pub days: f64,
    /// Requirements to work on, the most valuable first.
    pub items: Vec<RoadmapItem>,
}

/// One roadmap action: bring a requirement to inherited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapItem {
    /// Requirement id.
    pub requirement: String,
    /// Current status.
    pub status: Status,
    /// Remaining person-days.
    pub remaining_days: f64,
    /// Readiness points gained by completing it.
    pub gain: f64,
    /// Per-system work with a register: the AI systems it is done for, in impact-assessment
    /// priority order (ids; empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<String>,
}

/// A warning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// Id (locale keys `warning.<id>.title` / `.body`).
    pub id: String,
    /// Roadmap phase it belongs to.
    pub phase: Phase,
    /// The questions or requirements it is about.
    pub related: Vec<String>,
}

/// Computed warning ids (content warnings come from `rules.toml`).
pub const COMPUTED_WARNINGS: [&str; 5] = [
    "foundation_weak",
    "second_audit",
    "dont_know",
    "unanswered",
    "certified_inconsistent",
];

/// One of the biggest wins: improving an answer to effective and provable.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Win {
    /// Practice question id.
    pub question: String,
    /// Current answer id, or `None` when unanswered.
    pub from: Option<String>,
    /// Readiness points gained.
    pub readiness_gain: f64,
    /// Effort-done percentage points gained.
    pub effort_done_gain: f64,
    /// Person-days saved from the remaining estimate.
    pub days_saved: f64,
    /// Requirements whose status would improve.
    pub requirements: Vec<String>,
}

/// Rounds a share in 0..=1 to a whole percent.
pub fn pct(share: f64) -> u8 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// Readiness as 0..=100 (unrounded) from the core.
fn readiness_value(
    catalog: &Catalog,
    core: &Core,
    filter: impl Fn(usize) -> bool,
) -> Option<(f64, f64)> {
    let mut done = 0.0;
    let mut total = 0.0;
    for (ri, req) in catalog.requirements.iter().enumerate() {
        if core.applies[ri].is_some() || !filter(ri) {
            continue;
        }
        let w = f64::from(req.weight);
        done += w * core.credit[ri];
        total += w;
    }
    (total > 0.0).then_some((done, total))
}

fn split(catalog: &Catalog, core: &Core, filter: impl Fn(usize) -> bool) -> Split {
    let mut counts = Counts::default();
    let mut full = 0.0;
    let mut remaining = 0.0;
    for ri in 0..catalog.requirements.len() {
        if !filter(ri) {
            continue;
        }
        counts.add(status_of(core, ri));
        if core.applies[ri].is_none() {
            full += core.full_days[ri];
            remaining += core.full_days[ri] * (1.0 - core.credit[ri]);
        }
    }
    let applicable = counts.applicable();
    let share = |n: usize| {
        if applicable == 0 {
            0
        } else {
            pct(n as f64 / applicable as f64)
        }
    };
    Split {
        counts,
        inherited_pct: share(counts.inherited),
        extend_pct: share(counts.extend),
        net_new_pct: share(counts.net_new),
        effort_done_pct: if full > 0.0 {
            pct(1.0 - remaining / full)
        } else {
            100
        },
        full_days: full,
        remaining_days: remaining,
    }
}

/// Scores answers against the catalog. Pure and total.
#[allow(clippy::too_many_lines)] // one pass, aggregate after aggregate
pub fn assess(catalog: &Catalog, answers: &Answers) -> Assessment {
    let core = core(catalog, answers);
    let statuses: Vec<Status> = (0..catalog.requirements.len())
        .map(|ri| status_of(&core, ri))
        .collect();

    let (weighted_credit, weight_total) =
        readiness_value(catalog, &core, |_| true).unwrap_or((0.0, 0.0));
    let score = if weight_total > 0.0 {
        pct(weighted_credit / weight_total)
    } else {
        0
    };
    let readiness = Readiness {
        score,
        band: catalog.band(score).id.clone(),
        weighted_credit,
        weight_total,
    };

    let areas = catalog
        .areas
        .iter()
        .enumerate()
        .map(|(ai, area)| {
            let in_area = |ri: usize| catalog.requirements[ri].area == ai;
            let mut counts = Counts::default();
            for (ri, s) in statuses.iter().enumerate() {
                if in_area(ri) {
                    counts.add(*s);
                }
            }
            AreaResult {
                area: area.id.clone(),
                kind: area.kind,
                score: readiness_value(catalog, &core, in_area).map(|(d, t)| pct(d / t)),
                counts,
            }
        })
        .collect();

    let overlap = Overlap {
        clauses: split(catalog, &core, |ri| {
            catalog.requirements[ri].kind == AreaKind::Clause
        }),
        annex: split(catalog, &core, |ri| {
            catalog.requirements[ri].kind == AreaKind::Objective
        }),
        all: split(catalog, &core, |_| true),
    };

    let (requirements, second_audit_risks) =
        requirement_results(catalog, answers, &core, &statuses);

    let facts = question_facts(catalog, answers, &core);

    let effort = estimate(
        catalog,
        answers,
        &core,
        &requirements,
        &statuses,
        &facts.weak_program,
    );

    let baseline = baseline(catalog, answers, &core.visible);
    let mut warnings = warnings(catalog, answers, &core, &facts, &second_audit_risks);
    if !baseline.inconsistent.is_empty() {
        warnings.push(Warning {
            id: "certified_inconsistent".into(),
            phase: Phase::Foundation,
            related: baseline.inconsistent.clone(),
        });
        warnings.sort_by_key(|w| w.phase);
    }

    let mut leads: Vec<usize> = catalog
        .rules
        .warnings
        .iter()
        .filter(|w| holds(&w.when, answers, &core.visible))
        .flat_map(|w| w.lead.iter().copied())
        .collect();
    let systems = crate::content::triage_rules::Rules::builtin()
        .map(|rules| rules.triage_all(answers.register()))
        .unwrap_or_default();
    // A system with the highest impact-assessment priority puts impact assessment first too.
    if systems.iter().any(|s| s.priority_rank == 0) {
        for id in crate::content::triage_rules::IMPACT_LEAD {
            if let Some(ri) = catalog.requirement_index(id)
                && !leads.contains(&ri)
            {
                leads.push(ri);
            }
        }
    }
    let mut roadmap = roadmap(catalog, &requirements, weight_total, &leads);
    let order: Vec<String> = crate::assess::triage::impact_order(&systems)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    for item in roadmap.iter_mut().flat_map(|p| p.items.iter_mut()) {
        if catalog
            .requirement_index(&item.requirement)
            .and_then(|ri| catalog.requirements.get(ri))
            .is_some_and(|r| r.work == crate::model::WorkKind::PerSystem)
        {
            item.systems.clone_from(&order);
        }
    }
    let wins = wins(catalog, answers, &core, &statuses);

    Assessment {
        content_version: catalog.content_version.clone(),
        readiness,
        areas,
        overlap,
        requirements,
        effort,
        roadmap,
        warnings,
        wins,
        unknowns: facts.unknowns,
        unanswered: facts.unanswered,
        second_audit_risks,
        progress: facts.progress,
        missing: Missing::of(catalog, answers),
        baseline,
        systems,
    }
}

fn requirement_results(
    catalog: &Catalog,
    answers: &Answers,
    core: &Core,
    statuses: &[Status],
) -> (Vec<RequirementResult>, Vec<String>) {
    let mut second_audit_risks = Vec::new();
    let requirements: Vec<RequirementResult> = catalog
        .requirements
        .iter()
        .enumerate()
        .map(|(ri, req)| {
            let support: Vec<Support> = catalog.supports[ri]
                .iter()
                .map(|&(qi, ci)| {
                    let q = &catalog.questions[qi];
                    let visible = core.visible[qi];
                    let relation = q.covers[ci].relation;
                    let share = q.covers[ci].share;
                    let answer = answers.practice(qi).filter(|_| visible);
                    let credit = scored(answers, &core.visible, qi)
                        .and_then(PracticeAnswer::scored_maturity)
                        .map_or(0.0, |m| maturity_credit(catalog, m) * share);
                    Support {
                        question: q.id.clone(),
                        answer: answer.map(|a| a.id().to_owned()),
                        visible,
                        relation,
                        share,
                        credit,
                    }
                })
                .collect();
            let status = statuses[ri];
            let second_audit_risk = status != Status::Inherited
                && status != Status::NotApplicable
                && support
                    .iter()
                    .zip(&catalog.supports[ri])
                    .any(|(s, &(qi, _))| {
                        s.relation == Relation::Full
                            && matches!(
                                scored(answers, &core.visible, qi),
                                Some(PracticeAnswer::Maturity(
                                    Maturity::InPlaceNotEffective | Maturity::EffectiveNotProvable
                                ))
                            )
                    });
            if second_audit_risk {
                second_audit_risks.push(req.id.clone());
            }
            let applicable = core.applies[ri].is_none();
            RequirementResult {
                id: req.id.clone(),
                area: catalog.areas[req.area].id.clone(),
                status,
                credit: core.credit[ri],
                full_days: if applicable { core.full_days[ri] } else { 0.0 },
                remaining_days: if applicable {
                    core.full_days[ri] * (1.0 - core.credit[ri])
                } else {
                    0.0
                },
                support,
                best: core.best[ri],
                not_applicable: core.applies[ri].clone(),
                second_audit_risk,
            }
        })
        .collect();

    (requirements, second_audit_risks)
}

/// What the answers say about the questions themselves.
struct QuestionFacts {
    progress: Progress,
    unknowns: Vec<String>,
    unanswered: Vec<String>,
    weak_program: Vec<String>,
    program_total: usize,
}

fn question_facts(catalog: &Catalog, answers: &Answers, core: &Core) -> QuestionFacts {
    let mut progress = Progress {
        answered: 0,
        total: 0,
    };
    let mut unknowns = Vec::new();
    let mut unanswered = Vec::new();
    let mut weak_program = Vec::new();
    let mut program_total = 0usize;
    for (qi, q) in catalog.questions.iter().enumerate() {
        if !core.visible[qi] {
            continue;
        }
        progress.total += 1;
        match answers.get(qi) {
            Some(_) => progress.answered += 1,
            None => unanswered.push(q.id.clone()),
        }
        if answers.practice(qi) == Some(PracticeAnswer::DontKnow) {
            unknowns.push(q.id.clone());
        }
        if q.kind == QuestionKind::Practice && q.family == Some(Family::Program) {
            let a = scored(answers, &core.visible, qi);
            if a != Some(PracticeAnswer::NotApplicable) {
                program_total += 1;
                if a.and_then(PracticeAnswer::scored_maturity)
                    .is_none_or(|m| m < Maturity::EffectiveNotProvable)
                {
                    weak_program.push(q.id.clone());
                }
            }
        }
    }

    QuestionFacts {
        progress,
        unknowns,
        unanswered,
        weak_program,
        program_total,
    }
}

/// Warnings: content rules first, then computed ones, in roadmap phase order.
fn warnings(
    catalog: &Catalog,
    answers: &Answers,
    core: &Core,
    facts: &QuestionFacts,
    second_audit_risks: &[String],
) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = catalog
        .rules
        .warnings
        .iter()
        .filter(|w| holds(&w.when, answers, &core.visible))
        .map(|w| Warning {
            id: w.id.clone(),
            phase: w.phase,
            related: Vec::new(),
        })
        .collect();
    let effective_share = if facts.program_total == 0 {
        1.0
    } else {
        1.0 - facts.weak_program.len() as f64 / facts.program_total as f64
    };
    if effective_share < catalog.rules.foundation_min_effective_share {
        warnings.push(Warning {
            id: "foundation_weak".into(),
            phase: Phase::Foundation,
            related: facts.weak_program.clone(),
        });
    }
    if !second_audit_risks.is_empty() {
        warnings.push(Warning {
            id: "second_audit".into(),
            phase: Phase::Alignment,
            related: second_audit_risks.to_vec(),
        });
    }
    if !facts.unknowns.is_empty() {
        warnings.push(Warning {
            id: "dont_know".into(),
            phase: Phase::Foundation,
            related: facts.unknowns.clone(),
        });
    }
    let unanswered_practices: Vec<String> = facts
        .unanswered
        .iter()
        .filter(|id| {
            catalog
                .question(id)
                .is_some_and(|q| q.kind == QuestionKind::Practice)
        })
        .cloned()
        .collect();
    if !unanswered_practices.is_empty() {
        warnings.push(Warning {
            id: "unanswered".into(),
            phase: Phase::Foundation,
            related: unanswered_practices,
        });
    }
    warnings.sort_by_key(|w| w.phase);

    warnings
}

/// Requirements not yet inherited, by phase, most readiness gained first. Requirements a warning
/// that applies names as its `lead` (e.g. impact assessment when AI shapes decisions about people)
/// come first of all: at the head of the first phase, in the warning's order.
fn roadmap(
    catalog: &Catalog,
    requirements: &[RequirementResult],
    weight_total: f64,
    leads: &[usize],
) -> Vec<PhasePlan> {
    let total_weight = weight_total.max(1.0);
    let first = Phase::Foundation;
    let lead_rank = |ri: usize| leads.iter().position(|&l| l == ri);
    Phase::ALL
        .iter()
        .map(|&phase| {
            let mut items: Vec<(Option<usize>, RoadmapItem)> = requirements
                .iter()
                .zip(&catalog.requirements)
                .enumerate()
                .filter(|(ri, (r, req))| {
                    let placed = if lead_rank(*ri).is_some() {
                        first
                    } else {
                        req.phase
                    };
                    placed == phase && matches!(r.status, Status::Extend | Status::NetNew)
                })
                .map(|(ri, (r, req))| {
                    (
                        lead_rank(ri),
                        RoadmapItem {
                            requirement: r.id.clone(),
                            status: r.status,
                            remaining_days: r.remaining_days,
                            gain: 100.0 * f64::from(req.weight) * (1.0 - r.credit) / total_weight,
                            systems: Vec::new(),
                        },
                    )
                })
                .collect();
            items.sort_by(|(la, a), (lb, b)| match (la, lb) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => b.gain.total_cmp(&a.gain),
            });
            let items: Vec<RoadmapItem> = items.into_iter().map(|(_, i)| i).collect();
            PhasePlan {
                phase,
                days: items.iter().map(|i| i.remaining_days).sum::<f64>() + 0.0,
                items,
            }
        })
        .collect()
}

/// Ranks visible practices below effective-and-provable by the readiness gained if they were.
///
/// A requirement's credit is the best of its rows, so raising one practice to effective and
/// provable changes only the requirements that practice covers, each to `max(old credit, the
/// practice's row factor)`. That makes each candidate O(its covers) instead of a full re-score.
fn wins(catalog: &Catalog, answers: &Answers, core: &Core, statuses: &[Status]) -> Vec<Win> {
    let mut weight_total = 0.0;
    let mut full_total = 0.0;
    for (ri, req) in catalog.requirements.iter().enumerate() {
        if core.applies[ri].is_none() {
            weight_total += f64::from(req.weight);
            full_total += core.full_days[ri];
        }
    }
    if weight_total <= 0.0 {
        return Vec::new();
    }
    let best = maturity_credit(catalog, Maturity::EffectiveAndProvable);
    let mut wins = Vec::new();
    for (qi, q) in catalog.questions.iter().enumerate() {
        if q.kind != QuestionKind::Practice || !core.visible[qi] {
            continue;
        }
        let current = answers.practice(qi);
        if matches!(
            current,
            Some(
                PracticeAnswer::NotApplicable
                    | PracticeAnswer::Maturity(Maturity::EffectiveAndProvable)
            )
        ) {
            continue;
        }
        let mut weighted = 0.0;
        let mut days_saved = 0.0;
        let mut requirements = Vec::new();
        for cover in &q.covers {
            let ri = cover.requirement;
            if core.applies[ri].is_some() {
                continue;
            }
            let old = core.credit[ri];
            let new = old.max(best * cover.share);
            if new > old {
                weighted += f64::from(catalog.requirements[ri].weight) * (new - old);
                days_saved += core.full_days[ri] * (new - old);
                if status_for_credit(new) != statuses[ri] {
                    requirements.push(catalog.requirements[ri].id.clone());
                }
            }
        }
        if weighted <= 0.0 {
            continue;
        }
        wins.push(Win {
            question: q.id.clone(),
            from: current.map(|a| a.id().to_owned()),
            readiness_gain: 100.0 * weighted / weight_total,
            effort_done_gain: if full_total > 0.0 {
                100.0 * days_saved / full_total
            } else {
                0.0
            },
            days_saved,
            requirements,
        });
    }
    wins.sort_by(|a, b| {
        b.readiness_gain
            .total_cmp(&a.readiness_gain)
            .then(b.days_saved.total_cmp(&a.days_saved))
            .then(a.question.cmp(&b.question))
    });
    wins.truncate(catalog.rules.wins);
    wins
}
