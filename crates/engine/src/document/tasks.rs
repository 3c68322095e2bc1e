//! The task settings in the answers document: the owner and review cadence the user chose for a
//! requirement's task (the plan itself is [`crate::assess::tasks`]).
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

use super::issue::Issue;
use crate::content::catalog::Catalog;
use crate::model::Cadence;
use crate::model::text::Wording;

/// Longest owner accepted, in characters.
pub const MAX_OWNER_CHARS: usize = 120;

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

/// Reads the `tasks` value of an answers document. Never fails: what does not fit is kept aside.
pub fn decode_settings(catalog: &Catalog, value: Value) -> DecodedSettings {
    let mut out = DecodedSettings::default();
    let t = Wording::new;
    let Value::Object(entries) = value else {
        out.issues
            .push(Issue::new("tasks", t("tasks.issue.not_object", &[])));
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
    let t = Wording::new;
    let issue = |path: String, reason: Wording| Issue::new(path, reason);
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
