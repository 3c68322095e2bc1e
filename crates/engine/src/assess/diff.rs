//! Progress between two assessments: what moved from an earlier set of answers to a later one.
//!
//! Both sets are scored by the same [`assess`] against the same catalog (the current content), so
//! the figures are comparable even when the earlier file was written against an older content
//! version: entries of the older file that no longer fit (a retired question, a choice that no
//! longer exists) are listed in [`Diff::set_aside_earlier`], never fatal, and the file's own
//! content version is reported beside the current one.
//!
//! The diff says: readiness before and after, the person-days and months before and after, the
//! days saved (point estimate before − after), every requirement whose status changed (and
//! whether for the better), and every answer that changed.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use crate::assess::score::{Assessment, assess};
use crate::content::catalog::Catalog;
use crate::document::answers::{Answers, AnswersDocument};
use crate::model::Status;
use crate::model::text::fill;

/// A figure before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change<T> {
    /// In the earlier assessment.
    pub before: T,
    /// In the later assessment.
    pub after: T,
}

impl<T: PartialEq> Change<T> {
    /// True when the figure moved.
    pub fn moved(&self) -> bool {
        self.before != self.after
    }
}

/// Which way a status moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Closer to inherited.
    Better,
    /// Further from inherited.
    Worse,
    /// Into or out of scope (not applicable on one side).
    Scope,
}

/// A requirement whose status changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusChange {
    /// Requirement id.
    pub requirement: String,
    /// Status before and after.
    pub status: Change<Status>,
    /// Which way.
    pub direction: Direction,
    /// Remaining person-days before − after (positive: work saved).
    pub days_saved: f64,
}

/// A question whose answer changed (answers as written in a document; `null` when unanswered).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerChange {
    /// Question id.
    pub question: String,
    /// Answer before and after.
    pub answer: Change<Value>,
}

/// What moved between two assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The content version both were scored with.
    pub content_version: String,
    /// The content versions the two documents say they were written with.
    pub written_with: Change<Option<String>>,
    /// Readiness 0–100.
    pub readiness: Change<u8>,
    /// Readiness band id.
    pub band: Change<String>,
    /// Point estimate, person-days.
    pub days: Change<f64>,
    /// Person-days range.
    pub days_range: Change<(u32, u32)>,
    /// Calendar months range.
    pub months: Change<(f64, f64)>,
    /// Point estimate before − after (positive: work saved).
    pub days_saved: f64,
    /// Requirements whose status changed, in catalog order.
    pub statuses: Vec<StatusChange>,
    /// Questions whose answer changed, in question order.
    pub answers: Vec<AnswerChange>,
    /// Entries of the earlier document that fit no current question (kept aside when read).
    pub set_aside_earlier: Vec<String>,
    /// Entries of the later document that fit no current question.
    pub set_aside_later: Vec<String>,
}

fn rank(s: Status) -> Option<u8> {
    match s {
        Status::NetNew => Some(0),
        Status::Extend => Some(1),
        Status::Inherited => Some(2),
        Status::NotApplicable => None,
    }
}

/// The diff of two sets of answers, both scored against `catalog`. Pure.
pub fn diff(catalog: &Catalog, earlier: &Answers, later: &Answers) -> Diff {
    let a = assess(catalog, earlier);
    let b = assess(catalog, later);
    diff_assessed(catalog, earlier, later, &a, &b)
}

/// The diff of two answers documents: [`diff`] plus what each file set aside and the content
/// version it was written with.
pub fn diff_documents(
    catalog: &Catalog,
    earlier: &AnswersDocument,
    later: &AnswersDocument,
) -> Diff {
    let mut d = diff(catalog, &earlier.answers, &later.answers);
    d.written_with = Change {
        before: earlier.content_version.clone(),
        after: later.content_version.clone(),
    };
    d.set_aside_earlier = earlier.rejected.keys().cloned().collect();
    d.set_aside_later = later.rejected.keys().cloned().collect();
    d
}

fn diff_assessed(
    catalog: &Catalog,
    earlier: &Answers,
    later: &Answers,
    a: &Assessment,
    b: &Assessment,
) -> Diff {
    let statuses = a
        .requirements
        .iter()
        .zip(&b.requirements)
        .filter(|(x, y)| x.status != y.status)
        .map(|(x, y)| StatusChange {
            requirement: x.id.clone(),
            status: Change {
                before: x.status,
                after: y.status,
            },
            direction: match (rank(x.status), rank(y.status)) {
                (Some(p), Some(q)) if q > p => Direction::Better,
                (Some(_), Some(_)) => Direction::Worse,
                _ => Direction::Scope,
            },
            days_saved: x.remaining_days - y.remaining_days,
        })
        .collect();
    let answers = catalog
        .questions
        .iter()
        .enumerate()
        .filter_map(|(qi, q)| {
            let before = earlier.get(qi);
            let after = later.get(qi);
            (before != after).then(|| AnswerChange {
                question: q.id.clone(),
                answer: Change {
                    before: before.map_or(Value::Null, crate::document::answers::Answer::to_json),
                    after: after.map_or(Value::Null, crate::document::answers::Answer::to_json),
                },
            })
        })
        .collect();
    Diff {
        content_version: catalog.content_version.clone(),
        written_with: Change {
            before: None,
            after: None,
        },
        readiness: Change {
            before: a.readiness.score,
            after: b.readiness.score,
        },
        band: Change {
            before: a.readiness.band.clone(),
            after: b.readiness.band.clone(),
        },
        days: Change {
            before: a.effort.days,
            after: b.effort.days,
        },
        days_range: Change {
            before: (a.effort.days_low, a.effort.days_high),
            after: (b.effort.days_low, b.effort.days_high),
        },
        months: Change {
            before: (a.effort.months_low, a.effort.months_high),
            after: (b.effort.months_low, b.effort.months_high),
        },
        days_saved: a.effort.days - b.effort.days,
        statuses,
        answers,
        set_aside_earlier: Vec::new(),
        set_aside_later: Vec::new(),
    }
}

/// Locale keys the diff's words use (checked by `text::required_keys`).
pub const KEYS: &[&str] = &[
    "diff.title",
    "diff.readiness",
    "diff.days",
    "diff.months",
    "diff.days_saved",
    "diff.days_added",
    "diff.statuses",
    "diff.status_row",
    "diff.answers",
    "diff.answer_row",
    "diff.unanswered",
    "diff.none",
    "diff.set_aside",
    "diff.written_with",
    "diff.written_same",
    "diff.direction.better",
    "diff.direction.worse",
    "diff.direction.scope",
];

/// One decimal, without a trailing `.0`.
pub fn days_text(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// An answer as a person reads it: a choice's label, a practice answer's label, several choices
/// joined, or `unanswered`.
pub(crate) fn answer_text(
    catalog: &Catalog,
    locale: &str,
    question: &str,
    v: &Value,
    unanswered: &str,
) -> String {
    let label = |id: &str| -> String {
        catalog
            .question(question)
            .and_then(|q| q.choices.iter().find(|c| c.id == id))
            .map_or_else(
                || {
                    let key = format!("answer.{id}.label");
                    let text = catalog.text(locale, &key);
                    if text == key {
                        id.to_owned()
                    } else {
                        text.to_owned()
                    }
                },
                |c| c.label.clone(),
            )
    };
    match v {
        Value::Null => unanswered.to_owned(),
        Value::String(s) => label(s),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(label)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// A question as a person reads it at the start of a line: a practice's short name (capitalised),
/// else the question's text.
pub(crate) fn question_name(catalog: &Catalog, id: &str) -> String {
    let name = catalog.question(id).map_or_else(
        || id.to_owned(),
        |q| q.name.clone().unwrap_or_else(|| q.text.clone()),
    );
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The diff as plain text in `locale` (the CLI's `carryover diff A B`).
#[allow(clippy::too_many_lines)] // one straight listing, section after section
pub fn render_text(catalog: &Catalog, d: &Diff, locale: &str) -> String {
    let t = |key: &str, args: &[(&str, &str)]| fill(catalog.text(locale, key), args);
    let mut s = String::new();
    let _ = writeln!(s, "{}", t("diff.title", &[("version", &d.content_version)]));
    if let (Some(before), Some(after)) = (&d.written_with.before, &d.written_with.after)
        && before == after
    {
        let _ = writeln!(s, "{}", t("diff.written_same", &[("version", before)]));
    } else if d.written_with.before != d.written_with.after || d.written_with.before.is_some() {
        let v = |x: &Option<String>| x.clone().unwrap_or_else(|| "?".to_owned());
        let _ = writeln!(
            s,
            "{}",
            t(
                "diff.written_with",
                &[
                    ("before", &v(&d.written_with.before)),
                    ("after", &v(&d.written_with.after))
                ]
            )
        );
    }
    let _ = writeln!(
        s,
        "{}",
        t(
            "diff.readiness",
            &[
                ("before", &d.readiness.before.to_string()),
                ("after", &d.readiness.after.to_string())
            ]
        )
    );
    let range = |(l, h): (u32, u32)| format!("{l}–{h}");
    let _ = writeln!(
        s,
        "{}",
        t(
            "diff.days",
            &[
                ("before", &range(d.days_range.before)),
                ("after", &range(d.days_range.after))
            ]
        )
    );
    let months = |(from, to): (f64, f64)| {
        let (from, to) = (days_text(from), days_text(to));
        let range = if from == to {
            from
        } else {
            format!("{from}–{to}")
        };
        crate::model::text::localize_number(locale, &range)
    };
    let _ = writeln!(
        s,
        "{}",
        t(
            "diff.months",
            &[
                ("before", &months(d.months.before)),
                ("after", &months(d.months.after))
            ]
        )
    );
    let saved_key = if d.days_saved >= 0.0 {
        "diff.days_saved"
    } else {
        "diff.days_added"
    };
    let _ = writeln!(
        s,
        "{}",
        t(
            saved_key,
            &[(
                "days",
                &crate::model::text::localize_number(locale, &days_text(d.days_saved.abs())),
            )],
        )
    );
    let _ = writeln!(
        s,
        "\n{}",
        t("diff.statuses", &[("count", &d.statuses.len().to_string())])
    );
    if d.statuses.is_empty() {
        let _ = writeln!(s, "  {}", t("diff.none", &[]));
    }
    for c in &d.statuses {
        let name = catalog
            .requirement(&c.requirement)
            .map_or(String::new(), |r| r.name.clone());
        let _ = writeln!(
            s,
            "  {}",
            t(
                "diff.status_row",
                &[
                    ("id", &c.requirement),
                    ("name", &name),
                    (
                        "before",
                        catalog.text(locale, &format!("status.{}", c.status.before.id()))
                    ),
                    (
                        "after",
                        catalog.text(locale, &format!("status.{}", c.status.after.id()))
                    ),
                    (
                        "direction",
                        catalog.text(
                            locale,
                            &format!("diff.direction.{}", direction_id(c.direction))
                        )
                    ),
                ]
            )
        );
    }
    let _ = writeln!(
        s,
        "\n{}",
        t("diff.answers", &[("count", &d.answers.len().to_string())])
    );
    if d.answers.is_empty() {
        let _ = writeln!(s, "  {}", t("diff.none", &[]));
    }
    let unanswered = catalog.text(locale, "diff.unanswered");
    for c in &d.answers {
        let _ = writeln!(
            s,
            "  {}",
            t(
                "diff.answer_row",
                &[
                    ("question", &question_name(catalog, &c.question)),
                    (
                        "before",
                        &answer_text(catalog, locale, &c.question, &c.answer.before, unanswered),
                    ),
                    (
                        "after",
                        &answer_text(catalog, locale, &c.question, &c.answer.after, unanswered),
                    ),
                ]
            )
        );
    }
    if !d.set_aside_earlier.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            t(
                "diff.set_aside",
                &[("ids", &d.set_aside_earlier.join(", "))]
            )
        );
    }
    s
}

/// Stable id of a direction (locale key `diff.direction.<id>`).
pub fn direction_id(d: Direction) -> &'static str {
    match d {
        Direction::Better => "better",
        Direction::Worse => "worse",
        Direction::Scope => "scope",
    }
}
