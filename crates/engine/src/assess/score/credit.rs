//! Per-requirement credit, the core every score, status and estimate is built from: which
//! questions are shown, what applies, each requirement's best supporting row and its credit.
//! Below both [`super`] (the aggregates) and [`super::effort`] (the person-days).

use serde::Serialize;

use crate::assess::condition::{holds, visible_questions};
use crate::content::catalog::Catalog;
use crate::document::answers::{Answer, Answers};
use crate::model::{AreaKind, Maturity, PracticeAnswer, Relation, Status, WorkKind};

/// A requirement's result, with the rows that produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementResult {
    /// Requirement id.
    pub id: String,
    /// Area id.
    pub area: String,
    /// Status.
    pub status: Status,
    /// 0–1.
    pub credit: f64,
    /// Full person-days (after the AI-system multiplier).
    pub full_days: f64,
    /// Remaining person-days.
    pub remaining_days: f64,
    /// Each practice mapping row, with the answer that fed it.
    pub support: Vec<Support>,
    /// Index into `support` of the row that set the credit.
    pub best: Option<usize>,
    /// Why it does not apply.
    pub not_applicable: Option<NotApplicable>,
    /// A fully matching practice exists but is not effective and provable.
    pub second_audit_risk: bool,
}

/// One practice row behind a requirement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    /// Practice question id.
    pub question: String,
    /// Its answer id, if answered and shown.
    pub answer: Option<String>,
    /// Shown to this respondent.
    pub visible: bool,
    /// Full or partial.
    pub relation: Relation,
    /// The most this row can give: 1 for a full row, its stated reuse share for a partial one.
    pub share: f64,
    /// Credit this row gives, 0–1: the answer's maturity credit times `share`.
    pub credit: f64,
}

/// Why a requirement does not apply.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotApplicable {
    /// Its applicability condition is false for this organisation (reason in the catalog).
    Scope,
    /// Every practice supporting it was answered "not applicable".
    Answered {
        /// Those questions.
        questions: Vec<String>,
    },
}

/// Per-requirement numbers, the core every aggregate is built from.
#[derive(Debug, Clone)]
pub(crate) struct Core {
    pub visible: Vec<bool>,
    pub applies: Vec<Option<NotApplicable>>,
    pub credit: Vec<f64>,
    pub best: Vec<Option<usize>>,
    pub full_days: Vec<f64>,
    pub system_multiplier: f64,
    pub systems: u32,
}

pub(crate) fn maturity_credit(catalog: &Catalog, m: Maturity) -> f64 {
    let c = &catalog.rules.maturity_credit;
    match m {
        Maturity::NotInPlace => c[0],
        Maturity::InPlaceNotEffective => c[1],
        Maturity::EffectiveNotProvable => c[2],
        Maturity::EffectiveAndProvable => c[3],
    }
}

/// The scored answer of a visible practice: unanswered and "don't know" count as not in place.
pub(crate) fn scored(answers: &Answers, visible: &[bool], qi: usize) -> Option<PracticeAnswer> {
    if !visible.get(qi).copied().unwrap_or(false) {
        return None;
    }
    Some(
        answers
            .practice(qi)
            .unwrap_or(PracticeAnswer::Maturity(Maturity::NotInPlace)),
    )
}

/// How many AI systems are in scope and the multiplier that gives per-system work: the register's
/// systems when it has any (issue 16), otherwise the bucket question's representative count.
pub(crate) fn systems(catalog: &Catalog, answers: &Answers, visible: &[bool]) -> (u32, f64) {
    let e = &catalog.effort;
    let listed = u32::try_from(answers.register().len()).unwrap_or(u32::MAX);
    let count = match answers.get(e.systems_question) {
        _ if listed > 0 => listed,
        Some(Answer::Choice(c)) if visible.get(e.systems_question).copied().unwrap_or(false) => {
            e.system_counts.get(c).copied().unwrap_or(1)
        }
        _ => 1,
    };
    let multiplier = 1.0 + f64::from(count.saturating_sub(1)) * e.additional_system_share;
    (count, multiplier)
}

pub(crate) fn core(catalog: &Catalog, answers: &Answers) -> Core {
    let visible = visible_questions(catalog, answers);
    let (systems, system_multiplier) = systems(catalog, answers, &visible);
    let n = catalog.requirements.len();
    let mut out = Core {
        applies: vec![None; n],
        credit: vec![0.0; n],
        best: vec![None; n],
        full_days: vec![0.0; n],
        visible,
        system_multiplier,
        systems,
    };
    for (ri, req) in catalog.requirements.iter().enumerate() {
        out.full_days[ri] = match req.work {
            WorkKind::PerSystem => req.days * system_multiplier,
            WorkKind::Procedure | WorkKind::Artifact => req.days,
        };
        if let Some(c) = &req.applies_if
            && !holds(c, answers, &out.visible)
        {
            out.applies[ri] = Some(NotApplicable::Scope);
            continue;
        }
        let supports = &catalog.supports[ri];
        let mut na_questions = Vec::new();
        let mut any_visible = false;
        for (k, &(qi, ci)) in supports.iter().enumerate() {
            let Some(answer) = scored(answers, &out.visible, qi) else {
                continue;
            };
            any_visible = true;
            match answer.scored_maturity() {
                Some(m) => {
                    let share = catalog.questions[qi].covers[ci].share;
                    let credit = maturity_credit(catalog, m) * share;
                    if credit > out.credit[ri] {
                        out.credit[ri] = credit;
                        out.best[ri] = Some(k);
                    }
                }
                None => na_questions.push(catalog.questions[qi].id.clone()),
            }
        }
        let all_na = any_visible
            && na_questions.len()
                == supports
                    .iter()
                    .filter(|&&(qi, _)| out.visible.get(qi).copied().unwrap_or(false))
                    .count();
        if req.kind == AreaKind::Objective && all_na {
            out.applies[ri] = Some(NotApplicable::Answered {
                questions: na_questions,
            });
            out.credit[ri] = 0.0;
            out.best[ri] = None;
        }
    }
    out
}

pub(crate) fn status_of(core: &Core, ri: usize) -> Status {
    if core.applies[ri].is_some() {
        return Status::NotApplicable;
    }
    status_for_credit(core.credit[ri])
}

/// Status of an applicable requirement with this credit.
pub(crate) fn status_for_credit(c: f64) -> Status {
    if c >= 1.0 {
        Status::Inherited
    } else if c > 0.0 {
        Status::Extend
    } else {
        Status::NetNew
    }
}
