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

use serde::Serialize;

use crate::answers::Answers;
use crate::catalog::Catalog;
use crate::condition::holds;
use crate::model::{Status, WorkKind};
use crate::score::{Core, RequirementResult};

/// Kind of work in the effort breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EffortKind {
    /// Making the existing security program effective.
    Foundation,
    /// Extending existing procedures and controls to AI.
    Extend,
    /// New documents and processes made once.
    NewArtifacts,
    /// Work repeated for each AI system.
    PerSystem,
    /// Internal audit and management review cycle.
    AuditCycle,
}

impl EffortKind {
    /// All kinds, in display order.
    pub const ALL: [EffortKind; 5] = [
        EffortKind::Foundation,
        EffortKind::Extend,
        EffortKind::NewArtifacts,
        EffortKind::PerSystem,
        EffortKind::AuditCycle,
    ];

    /// Stable id (locale key `effort.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            EffortKind::Foundation => "foundation",
            EffortKind::Extend => "extend",
            EffortKind::NewArtifacts => "new_artifacts",
            EffortKind::PerSystem => "per_system",
            EffortKind::AuditCycle => "audit_cycle",
        }
    }
}

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
    let factors: Vec<AppliedFactor> = e
        .factors
        .iter()
        .filter(|f| holds(&f.when, answers, &core.visible))
        .map(|f| AppliedFactor {
            id: f.id.clone(),
            multiplier: f.multiplier,
        })
        .collect();
    let multiplier: f64 = factors.iter().map(|f| f.multiplier).product();

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
        l.days += r.remaining_days * multiplier;
        l.requirements.push(r.id.clone());
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
    }
}
