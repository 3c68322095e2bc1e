//! A draft consolidated Statement of Applicability: every ISO/IEC 27001:2022 Annex A control and
//! every ISO/IEC 42001 Annex A control, each applicable or not, with a justification and its current
//! status, as CSV a spreadsheet opens cleanly.
//!
//! For ISO 42001 the row follows the assessment: a control excluded by scope carries the catalog's
//! reason, one whose every supporting practice was answered not applicable says so, and an included
//! one names the practice row behind its status. ISO 27001 controls are not scored by Carryover;
//! their row comes from the program practices whose `refs` name the control: the best answer among
//! them (a control is marked not applicable only when every such practice was answered so), or,
//! when no practice in the questionnaire covers the control, a plain "assess separately". It is a
//! draft to start the real statement from, not the statement itself.

use serde::Serialize;

use crate::answers::Answers;
use crate::catalog::{Catalog, ItemRef};
use crate::condition::visible_questions;
use crate::export::csv::Csv;
use crate::export::{answer_label, practice_name, tr, why};
use crate::model::{AreaKind, Maturity, PracticeAnswer, QuestionKind, Status};
use crate::score::Assessment;

/// One control of the Statement of Applicability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SoaRow {
    /// Standard, as displayed (`ISO/IEC 27001:2022`, `ISO/IEC 42001:2023`).
    pub standard: String,
    /// Control id exactly as in the standard.
    pub control: String,
    /// Short name, in our words.
    pub name: String,
    /// Whether it applies (a draft decision from the answers).
    pub applicable: bool,
    /// Why it is included or excluded.
    pub justification: String,
    /// Current status: the 42001 status, or the best answer of the practices covering a 27001
    /// control.
    pub status: String,
    /// Practices (display names) that bear on the control.
    pub practices: Vec<String>,
}

/// Rank of a practice answer for picking the best among several (higher is better).
fn rank(a: Option<PracticeAnswer>) -> u8 {
    match a {
        None => 0,
        Some(PracticeAnswer::NotApplicable) => 1,
        Some(PracticeAnswer::DontKnow) => 2,
        Some(PracticeAnswer::Maturity(Maturity::NotInPlace)) => 3,
        Some(PracticeAnswer::Maturity(Maturity::InPlaceNotEffective)) => 4,
        Some(PracticeAnswer::Maturity(Maturity::EffectiveNotProvable)) => 5,
        Some(PracticeAnswer::Maturity(Maturity::EffectiveAndProvable)) => 6,
    }
}

/// The rows: ISO 27001 Annex A in catalog order, then ISO 42001 Annex A in catalog order.
pub fn rows(
    catalog: &Catalog,
    assessment: &Assessment,
    answers: &Answers,
    locale: &str,
) -> Vec<SoaRow> {
    let mut out = iso27001_rows(catalog, answers, locale);
    let standard = tr(catalog, locale, "soa.iso42001", &[]);
    for (req, r) in catalog.requirements.iter().zip(&assessment.requirements) {
        if req.kind != AreaKind::Objective {
            continue;
        }
        let applicable = r.status != Status::NotApplicable;
        let key = if applicable {
            "soa.included"
        } else {
            "soa.excluded"
        };
        let mut practices: Vec<String> = r
            .support
            .iter()
            .filter(|s| s.visible)
            .filter_map(|s| catalog.question(&s.question).map(practice_name))
            .collect();
        practices.dedup();
        out.push(SoaRow {
            standard: standard.clone(),
            control: req.id.clone(),
            name: req.name.clone(),
            applicable,
            justification: tr(catalog, locale, key, &[("why", &why(catalog, locale, r))]),
            status: tr(catalog, locale, &format!("status.{}", r.status.id()), &[]),
            practices,
        });
    }
    out
}

fn iso27001_rows(catalog: &Catalog, answers: &Answers, locale: &str) -> Vec<SoaRow> {
    let visible = visible_questions(catalog, answers);
    let Some((fi, fw)) = catalog
        .frameworks
        .iter()
        .enumerate()
        .find(|(_, f)| f.id == "iso27001")
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (ii, item) in fw.items.iter().enumerate() {
        if !item.id.starts_with("A.") {
            continue;
        }
        let here = ItemRef {
            framework: fi,
            item: ii,
        };
        // (practice name, its answer) for each shown practice whose refs name this control.
        let covering: Vec<(String, Option<PracticeAnswer>)> = catalog
            .questions
            .iter()
            .enumerate()
            .filter(|(qi, q)| {
                q.kind == QuestionKind::Practice
                    && visible.get(*qi).copied().unwrap_or(false)
                    && q.refs.contains(&here)
            })
            .map(|(qi, q)| (practice_name(q), answers.practice(qi)))
            .collect();
        let practices: Vec<String> = covering.iter().map(|(n, _)| n.clone()).collect();
        let best = covering.iter().max_by_key(|(_, a)| rank(*a));
        let all_na = !covering.is_empty()
            && covering
                .iter()
                .all(|(_, a)| *a == Some(PracticeAnswer::NotApplicable));
        let (applicable, justification, status) = match best {
            None => (
                true,
                tr(catalog, locale, "soa.uncovered", &[]),
                tr(catalog, locale, "soa.not_assessed", &[]),
            ),
            Some(_) if all_na => (
                false,
                tr(
                    catalog,
                    locale,
                    "soa.covered_na",
                    &[("practices", &practices.join(", "))],
                ),
                answer_label(catalog, locale, PracticeAnswer::NotApplicable),
            ),
            Some((name, answer)) => {
                let label = answer.map_or_else(
                    || tr(catalog, locale, "soa.not_answered", &[]),
                    |a| answer_label(catalog, locale, a),
                );
                (
                    true,
                    tr(
                        catalog,
                        locale,
                        "soa.covered",
                        &[("practice", name), ("answer", &label)],
                    ),
                    label,
                )
            }
        };
        out.push(SoaRow {
            standard: fw.name.clone(),
            control: item.id.clone(),
            name: item.name.clone(),
            applicable,
            justification,
            status,
            practices,
        });
    }
    out
}

/// The rows as CSV: a header and one record per control.
pub fn to_csv(catalog: &Catalog, rows: &[SoaRow], locale: &str) -> String {
    let t = |k: &str| tr(catalog, locale, k, &[]);
    let mut csv = Csv::new();
    csv.record([
        t("soa.standard"),
        t("soa.control"),
        t("soa.name"),
        t("soa.applicable"),
        t("soa.justification"),
        t("soa.status"),
        t("soa.practices"),
    ]);
    let (yes, no) = (t("soa.yes"), t("soa.no"));
    for r in rows {
        csv.field(&r.standard)
            .field(&r.control)
            .field(&r.name)
            .field(if r.applicable { &yes } else { &no })
            .field(&r.justification)
            .field(&r.status)
            .field(&r.practices.join(", "))
            .end_record();
    }
    csv.finish()
}

/// The Statement of Applicability as CSV, in one call.
pub fn csv(catalog: &Catalog, assessment: &Assessment, answers: &Answers, locale: &str) -> String {
    to_csv(catalog, &rows(catalog, assessment, answers, locale), locale)
}
