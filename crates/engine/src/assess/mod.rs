//! Layer 4, assessing: [`condition`] (what is shown and what applies), [`baseline`] (what the
//! intake changes), [`score`] (statuses, scores, roadmap; with [`score::effort`], person-days and
//! months, under it), [`triage`] (per-system EU AI Act triage), [`tasks`] (the task plan),
//! [`budget`] (money), [`whatif`] (alternative paths) and [`diff`] (what moved between two
//! assessments).

pub mod baseline;
pub mod budget;
pub mod condition;
pub mod diff;
pub mod score;
pub mod tasks;
pub mod triage;
pub mod whatif;
