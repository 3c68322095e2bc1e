//! The task plan: every requirement still to extend or build becomes a task, with the owner and
//! review cadence the user chose (kept in the answers document, [`crate::document::tasks`]).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assess::score::Assessment;
pub use crate::document::tasks::{
    DecodedSettings, MAX_OWNER_CHARS, TaskSettings, decode_settings, encode_settings,
};
pub use crate::model::Cadence;
use crate::model::{Phase, Status};

/// One task of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// Stable id: `task-` and the requirement id.
    pub id: String,
    /// Requirement id.
    pub requirement: String,
    /// Roadmap phase.
    pub phase: Phase,
    /// Extend or net-new.
    pub status: Status,
    /// Remaining person-days, risk and approach factors applied (the tasks of a plan add up to the
    /// extend, new-artifact and per-system lines of the effort breakdown).
    pub remaining_days: f64,
    /// Owner, if the user set one.
    pub owner: Option<String>,
    /// Review cadence.
    pub cadence: Cadence,
    /// True when the cadence is the phase's default rather than the user's choice.
    pub default_cadence: bool,
    /// Practice questions whose answers already give this requirement some credit.
    pub builds_on: Vec<String>,
}

/// The task plan: the roadmap's requirements, in roadmap order (phase, then readiness gained).
pub fn plan(assessment: &Assessment, settings: &BTreeMap<String, TaskSettings>) -> Vec<Task> {
    let mut tasks = Vec::new();
    for phase in &assessment.roadmap {
        for item in &phase.items {
            let s = settings.get(&item.requirement);
            let chosen = s.and_then(|s| s.cadence);
            let builds_on = assessment
                .requirements
                .iter()
                .find(|r| r.id == item.requirement)
                .map(|r| {
                    r.support
                        .iter()
                        .filter(|sp| sp.credit > 0.0)
                        .map(|sp| sp.question.clone())
                        .collect()
                })
                .unwrap_or_default();
            tasks.push(Task {
                id: format!("task-{}", item.requirement),
                requirement: item.requirement.clone(),
                phase: phase.phase,
                status: item.status,
                remaining_days: item.remaining_days * assessment.effort.multiplier,
                owner: s.and_then(|s| s.owner.clone()),
                cadence: chosen.unwrap_or_else(|| Cadence::default_for(phase.phase)),
                default_cadence: chosen.is_none(),
                builds_on,
            });
        }
    }
    tasks
}
