//! The effort and calendar estimate.
//!
//! Work is counted in person-days, by kind, from the requirement results and the effort figures in
//! `content/effort.toml`:
//!
//! - **foundation**: each visible program practice (access, change, incidents, …) that is not yet
//!   effective costs `foundation.days_per_practice`: ISO 42001 assumes a working security program,
//!   so that gap is closed first;
//! - **extend** (procedural extension): the remaining days of `procedure` requirements with status
//!   extend: an existing process widened to AI;
//! - **new artifacts**: the remaining days of `artifact` requirements (a new AI document or process,
//!   even when a neighbouring practice gave it a head start) and of net-new procedures;
//! - **per AI system**: the remaining days of `per_system` requirements not yet inherited, already
//!   multiplied by the AI-system multiplier (first system in full, each further one at a share);
//! - **audit cycle**: one internal audit and management review before certification, always.
//!
//! Risk and approach factors (`[[factor]]`, e.g. consequential decisions about people) multiply the
//! three AI lines. The point estimate becomes a range with the `range` multipliers. Months are the
//! days before the audit cycle divided by monthly capacity (high capacity for the low end, low
//! capacity for the high end) plus the audit cycle's calendar months, which already hold its
//! person-days: the cycle is counted once, not as days and again as a month.
//!
//! With an AI system register (issue 16) per-system work is counted for the listed systems, and the
//! factors `content/register.toml` names per system (consequential decisions, the EU market) are
//! applied system by system to per-system work: the systems are sorted by their factor, the first
//! counts in full and each further one at the additional-system share, each times its own factor.
//! Organisation-wide work (extension, new artifacts) takes such a factor when at least one listed
//! system has it (its policies and procedures must then be deep enough for that system); the
//! intake answers behind those factors are then not used.

use serde::Serialize;

use super::credit::{Core, RequirementResult};
use crate::assess::condition::holds;
use crate::content::catalog::Catalog;
use crate::document::answers::Answers;
pub use crate::model::EffortKind;
use crate::model::{Status, WorkKind};

/// One line of the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EffortLine {
    /// Kind of work.
    pub kind: EffortKind,
    /// Person-days (point estimate, factors applied).
    pub days: f64,
    /// Requirements behind it (empty for foundation and audit cycle).
    pub requirements: Vec<String>,
    /// Practice questions behind it (foundation only).
    pub practices: Vec<String>,
}

/// A factor that applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedFactor {
    /// Factor id.
    pub id: String,
    /// Its multiplier.
    pub multiplier: f64,
}

/// The estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Effort {
    /// Point estimate, person-days.
    pub days: f64,
    /// Low end of the range, whole person-days.
    pub days_low: u32,
    /// High end of the range, whole person-days.
    pub days_high: u32,
    /// Low end, calendar months (to the half month).
    pub months_low: f64,
    /// High end, calendar months (to the half month).
    pub months_high: f64,
    /// The breakdown by kind of work.
    pub lines: Vec<EffortLine>,
    /// Factors that applied.
    pub factors: Vec<AppliedFactor>,
    /// Product of the factors.
    pub multiplier: f64,
    /// AI systems in scope (representative count of the chosen bucket).
    pub systems: u32,
    /// Per-system work multiplier for that count.
    pub system_multiplier: f64,
    /// Per-system work system by system, when a register is filled in (register order).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub per_system: Vec<SystemEffort>,
}

/// One listed AI system's share of the per-system work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemEffort {
    /// System id.
    pub id: String,
    /// Its share of one system's work: 1 for the first (highest factor), the additional-system
    /// share for each further one.
    pub share: f64,
    /// Per-system factors that hold for it.
    pub factors: Vec<String>,
    /// Product of their multipliers.
    pub multiplier: f64,
    /// Its person-days of per-system work (remaining, organisation-wide factors included).
    pub days: f64,
}

fn half_months(x: f64) -> f64 {
    (x * 2.0).ceil() / 2.0
}

pub(crate) fn estimate(
    catalog: &Catalog,
    answers: &Answers,
    core: &Core,
    results: &[RequirementResult],
    statuses: &[Status],
    weak_program: &[String],
) -> Effort {
    let e = &catalog.effort;
    let systems = listed_systems(catalog, answers);
    let per_system_ids: Vec<&str> = match (&systems, crate::content::triage_rules::Rules::builtin())
    {
        (Some(_), Some(rules)) => rules.factors.iter().map(|f| f.id.as_str()).collect(),
        _ => Vec::new(),
    };
    let factors: Vec<AppliedFactor> = e
        .factors
        .iter()
        .filter(|f| match &systems {
            Some(list) if per_system_ids.contains(&f.id.as_str()) => {
                list.iter().any(|(_, ids)| ids.contains(&f.id))
            }
            _ => holds(&f.when, answers, &core.visible),
        })
        .map(|f| AppliedFactor {
            id: f.id.clone(),
            multiplier: f.multiplier,
        })
        .collect();
    let multiplier: f64 = factors.iter().map(|f| f.multiplier).product();
    // Per-system work with a register: factors that are per system are applied per system.
    let shared: f64 = factors
        .iter()
        .filter(|f| !per_system_ids.contains(&f.id.as_str()))
        .map(|f| f.multiplier)
        .product();
    let mut per_system = per_system_shares(catalog, systems.as_deref().unwrap_or(&[]));
    let weighted: f64 = per_system.iter().map(|s| s.share * s.multiplier).sum();
    let share_total: f64 = per_system.iter().map(|s| s.share).sum();
    let per_system_multiplier = if share_total > 0.0 {
        shared * weighted / share_total
    } else {
        multiplier
    };

    let mut lines: Vec<EffortLine> = EffortKind::ALL
        .iter()
        .map(|&kind| EffortLine {
            kind,
            days: 0.0,
            requirements: Vec::new(),
            practices: Vec::new(),
        })
        .collect();
    let line = |kind: EffortKind| EffortKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    for ((r, req), status) in results.iter().zip(&catalog.requirements).zip(statuses) {
        let kind = match (*status, req.work) {
            (Status::Inherited | Status::NotApplicable, _) => continue,
            (Status::Extend, WorkKind::Procedure) => EffortKind::Extend,
            (Status::Extend | Status::NetNew, WorkKind::PerSystem) => EffortKind::PerSystem,
            (Status::Extend, WorkKind::Artifact)
            | (Status::NetNew, WorkKind::Procedure | WorkKind::Artifact) => {
                EffortKind::NewArtifacts
            }
        };
        let l = &mut lines[line(kind)];
        let m = if kind == EffortKind::PerSystem {
            per_system_multiplier
        } else {
            multiplier
        };
        l.days += r.remaining_days * m;
        l.requirements.push(r.id.clone());
    }
    // Each listed system's part of the per-system line (remaining days are for all systems).
    let base = lines[line(EffortKind::PerSystem)].days
        / per_system_multiplier.max(f64::EPSILON)
        / share_total.max(f64::EPSILON);
    for s in &mut per_system {
        s.days = base * s.share * s.multiplier * shared;
    }
    let foundation = &mut lines[line(EffortKind::Foundation)];
    foundation.days = weak_program.len() as f64 * e.foundation_days_per_practice;
    foundation.practices = weak_program.to_vec();
    lines[line(EffortKind::AuditCycle)].days = e.audit_days;

    let days: f64 = lines.iter().map(|l| l.days).sum();
    let low = days * e.range_low;
    let high = days * e.range_high;
    // The audit cycle's days are spent inside its own calendar months.
    let before_audit = (days - e.audit_days).max(0.0);
    Effort {
        days,
        days_low: low.round() as u32,
        days_high: high.round() as u32,
        months_low: half_months(before_audit * e.range_low / e.capacity_high + e.audit_months),
        months_high: half_months(before_audit * e.range_high / e.capacity_low + e.audit_months),
        lines,
        factors,
        multiplier,
        systems: core.systems,
        system_multiplier: core.system_multiplier,
        per_system,
    }
}

/// The listed systems with the per-system factor ids that hold for each (`None`: no register).
fn listed_systems(_catalog: &Catalog, answers: &Answers) -> Option<Vec<(String, Vec<String>)>> {
    let register = answers.register();
    let rules = crate::content::triage_rules::Rules::builtin()?;
    if register.is_empty() {
        return None;
    }
    Some(
        register
            .systems
            .iter()
            .map(|s| {
                let ids = rules
                    .factors
                    .iter()
                    .filter(|f| rules.holds(&f.when, s))
                    .map(|f| f.id.clone())
                    .collect();
                (s.id.clone(), ids)
            })
            .collect(),
    )
}

/// Shares and factor multipliers per listed system (days filled in by the caller), in register
/// order; the system with the highest factor counts in full (ties: the earlier one).
fn per_system_shares(catalog: &Catalog, systems: &[(String, Vec<String>)]) -> Vec<SystemEffort> {
    let e = &catalog.effort;
    let mut out: Vec<SystemEffort> = systems
        .iter()
        .map(|(id, ids)| {
            let multiplier = e
                .factors
                .iter()
                .filter(|f| ids.contains(&f.id))
                .map(|f| f.multiplier)
                .product();
            SystemEffort {
                id: id.clone(),
                share: e.additional_system_share,
                factors: ids.clone(),
                multiplier,
                days: 0.0,
            }
        })
        .collect();
    let first = out
        .iter()
        .enumerate()
        .fold(None::<(usize, f64)>, |best, (i, s)| match best {
            Some((_, m)) if m >= s.multiplier => best,
            _ => Some((i, s.multiplier)),
        });
    if let Some((i, _)) = first
        && let Some(s) = out.get_mut(i)
    {
        s.share = 1.0;
    }
    out
}
