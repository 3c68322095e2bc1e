//! The task plan: every requirement still to extend or build becomes a task, with an owner and a
//! review cadence the user chooses.
//!
//! Owners and cadences are user data, so they live in the answers document, in an optional
//! `tasks` object keyed by requirement id (format version 1 still: a document without it reads as
//! before, and one with it reads in an older build as an unknown field kept as it is):
//!
//! ```json
//! "tasks": { "A.5.2": { "owner": "Dana (CISO)", "cadence": "quarterly" } }
//! ```
//!
//! Both fields are optional. An entry that does not fit (an unknown requirement, an unknown field,
//! an owner that is not one line of text, a cadence that is not `monthly`, `quarterly` or `yearly`)
//! is kept aside verbatim with an [`Issue`] and written back on save, like answers that do not fit,
//! so nothing typed is lost. Without a chosen cadence a task is reviewed quarterly, except in the
//! audit phase, whose internal audit and management review are yearly by nature. Reviews start
//! when the task's phase ends (see [`crate::export::schedule`]).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::answers::{AnswersDocument, Issue};
use crate::catalog::Catalog;
use crate::export::tr;
use crate::model::{Phase, Status};
use crate::score::Assessment;

/// Longest owner accepted, in characters.
pub const MAX_OWNER_CHARS: usize = 120;

/// How often a task is reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every year.
    Yearly,
}

impl Cadence {
    /// All cadences, most frequent first.
    pub const ALL: [Cadence; 3] = [Cadence::Monthly, Cadence::Quarterly, Cadence::Yearly];

    /// Stable id, as written in the answers document (locale key `cadence.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::Yearly => "yearly",
        }
    }

    /// Parses a stable id.
    pub fn from_id(id: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The cadence of a task nobody chose one for.
    pub fn default_for(phase: Phase) -> Cadence {
        match phase {
            Phase::Foundation | Phase::Extensions | Phase::Alignment => Cadence::Quarterly,
            Phase::Audit => Cadence::Yearly,
        }
    }

    /// Calendar months between two reviews.
    pub fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
            Cadence::Yearly => 12,
        }
    }

    /// The iCalendar recurrence rule.
    pub fn rrule(self) -> &'static str {
        match self {
            Cadence::Monthly => "FREQ=MONTHLY",
            Cadence::Quarterly => "FREQ=MONTHLY;INTERVAL=3",
            Cadence::Yearly => "FREQ=YEARLY",
        }
    }
}

/// What the user set for one requirement's task.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TaskSettings {
    /// Who owns it (one line of text, trimmed, never empty when present).
    pub owner: Option<String>,
    /// Chosen review cadence; `None` means the phase's default.
    pub cadence: Option<Cadence>,
}

impl TaskSettings {
    /// True when nothing is set (such an entry is not written).
    pub fn is_empty(&self) -> bool {
        self.owner.is_none() && self.cadence.is_none()
    }

    fn to_json(&self) -> Value {
        let mut obj = Map::new();
        if let Some(o) = &self.owner {
            obj.insert("owner".into(), Value::String(o.clone()));
        }
        if let Some(c) = self.cadence {
            obj.insert("cadence".into(), Value::String(c.id().into()));
        }
        Value::Object(obj)
    }
}

/// Task settings read from a document: those that fit, and the entries kept aside.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecodedSettings {
    /// By requirement id.
    pub settings: BTreeMap<String, TaskSettings>,
    /// Entries that did not fit, verbatim.
    pub rejected: BTreeMap<String, Value>,
    /// The whole `tasks` value when it was not an object, verbatim.
    pub invalid: Option<Value>,
    /// Why.
    pub issues: Vec<Issue>,
}

/// Reads the `tasks` value of a document being decoded into it (the answers decoder's hook).
pub(crate) fn read_into(
    catalog: &Catalog,
    value: Option<Value>,
    doc: &mut AnswersDocument,
    issues: &mut Vec<Issue>,
) {
    let Some(value) = value else {
        return;
    };
    let t = decode_settings(catalog, value);
    doc.tasks = t.settings;
    doc.rejected_tasks = t.rejected;
    if let Some(invalid) = t.invalid {
        doc.extra.insert("tasks".into(), invalid);
    }
    issues.extend(t.issues);
}

/// Reads the `tasks` value of an answers document. Never fails: what does not fit is kept aside.
pub fn decode_settings(catalog: &Catalog, value: Value) -> DecodedSettings {
    let mut out = DecodedSettings::default();
    let t = |key: &str, args: &[(&str, &str)]| tr(catalog, "en", key, args);
    let Value::Object(entries) = value else {
        out.issues.push(Issue {
            path: "tasks".into(),
            message: t("tasks.issue.not_object", &[]),
        });
        out.invalid = Some(value);
        return out;
    };
    for (id, entry) in entries {
        match decode_entry(catalog, &id, &entry) {
            Ok(s) => {
                if !s.is_empty() {
                    out.settings.insert(id, s);
                }
            }
            Err(issue) => {
                out.issues.push(issue);
                out.rejected.insert(id, entry);
            }
        }
    }
    out
}

fn decode_entry(catalog: &Catalog, id: &str, entry: &Value) -> Result<TaskSettings, Issue> {
    let t = |key: &str, args: &[(&str, &str)]| tr(catalog, "en", key, args);
    let issue = |path: String, message: String| Issue { path, message };
    if catalog.requirement_index(id).is_none() {
        return Err(issue(
            format!("tasks.{id}"),
            t(
                "tasks.issue.unknown_requirement",
                &[("id", id), ("version", &catalog.content_version)],
            ),
        ));
    }
    let Value::Object(fields) = entry else {
        return Err(issue(
            format!("tasks.{id}"),
            t("tasks.issue.entry_not_object", &[]),
        ));
    };
    let mut settings = TaskSettings::default();
    for (key, value) in fields {
        let path = format!("tasks.{id}.{key}");
        match (key.as_str(), value) {
            ("owner" | "cadence", Value::Null) => {}
            ("owner", Value::String(s)) => {
                let owner = s.trim();
                if owner.chars().any(char::is_control) {
                    return Err(issue(path, t("tasks.issue.owner_control", &[])));
                }
                if owner.chars().count() > MAX_OWNER_CHARS {
                    return Err(issue(
                        path,
                        t(
                            "tasks.issue.owner_long",
                            &[("max", &MAX_OWNER_CHARS.to_string())],
                        ),
                    ));
                }
                settings.owner = (!owner.is_empty()).then(|| owner.to_owned());
            }
            ("owner", _) => return Err(issue(path, t("tasks.issue.owner_type", &[]))),
            ("cadence", v) => {
                let cadence = v.as_str().and_then(Cadence::from_id).ok_or_else(|| {
                    issue(
                        path.clone(),
                        t(
                            "tasks.issue.cadence",
                            &[
                                ("found", &v.to_string()),
                                ("expected", "monthly, quarterly, yearly"),
                            ],
                        ),
                    )
                })?;
                settings.cadence = Some(cadence);
            }
            _ => return Err(issue(path, t("tasks.issue.unknown_field", &[]))),
        }
    }
    Ok(settings)
}

/// The `tasks` value to write, or `None` when there is nothing to write (so a document without
/// owners or cadences stays exactly as it was).
pub fn encode_settings(
    settings: &BTreeMap<String, TaskSettings>,
    rejected: &BTreeMap<String, Value>,
) -> Option<Value> {
    let mut obj: Map<String, Value> = rejected.clone().into_iter().collect();
    for (id, s) in settings {
        if !s.is_empty() {
            obj.insert(id.clone(), s.to_json());
        }
    }
    (!obj.is_empty()).then_some(Value::Object(obj))
}

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
