//! A draft consolidated Statement of Applicability, in the order and terms a certification body
//! reads one: ISO/IEC 42001 Annex A first (the new part of the scope), then ISO/IEC 27001:2022
//! Annex A; per control whether it applies, why (role, scope, risk and the answer behind it), its
//! implementation status and its owner.
//!
//! - An ISO 42001 control excluded by scope carries the catalog's reason; one whose every
//!   supporting practice was answered not applicable is excluded "for now", to be confirmed against
//!   the AI risk assessment; an included one names the organisation's AI roles and the systems in
//!   scope, the risk factors that apply, and the practice answer behind its status. The owner is the
//!   task owner the user named for that requirement.
//! - ISO 27001 controls are not scored by Carryover. A control some shown practice references
//!   (`refs`) takes the best answer among them (excluded only when every such practice was answered
//!   not applicable). One no practice covers is carried over from the organisation's existing ISO
//!   27001 Statement of Applicability when it has or is building one (intake question `iso27001`),
//!   or left to decide in its information security risk treatment when it has none.
//!
//! It is a draft to start the real statement from, not the statement itself.

use serde::Serialize;

use std::collections::BTreeMap;

use crate::assess::condition::visible_questions;
use crate::assess::score::{Assessment, NotApplicable, RequirementResult};
use crate::assess::tasks::TaskSettings;
use crate::content::catalog::{Catalog, ItemRef};
use crate::document::answers::{Answer, Answers};
use crate::export::csv::Csv;
use crate::export::units::counted;
use crate::export::{answer_label, practice_name, tr};
use crate::model::{AreaKind, Maturity, PracticeAnswer, QuestionKind, Relation, Status};

/// One control of the Statement of Applicability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SoaRow {
    /// Standard, as displayed (`ISO/IEC 27001:2022`, `ISO/IEC 42001:2023`).
    pub standard: String,
    /// Control id exactly as in the standard.
    pub control: String,
    /// Short name, in our words.
    pub name: String,
    /// Whether it applies (a draft decision from the answers; `true` for an ISO 27001 control the
    /// answers do not cover, which stays in until the existing decision says otherwise).
    pub applicable: bool,
    /// Said instead of yes or no when the decision belongs elsewhere (the existing ISO 27001
    /// Statement of Applicability, or the risk treatment).
    pub applicable_note: Option<String>,
    /// Why it is included or excluded.
    pub justification: String,
    /// Implementation status: for ISO 42001 from the assessment, for a covered ISO 27001 control
    /// the best answer of the practices covering it.
    pub status: String,
    /// The task owner named for it, if any.
    pub owner: Option<String>,
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

/// The rows: ISO 42001 Annex A in catalog order, then ISO 27001 Annex A in catalog order.
pub fn rows(
    catalog: &Catalog,
    assessment: &Assessment,
    answers: &Answers,
    settings: &BTreeMap<String, TaskSettings>,
    locale: &str,
) -> Vec<SoaRow> {
    let mut out = iso42001_rows(catalog, assessment, answers, settings, locale);
    out.extend(iso27001_rows(catalog, answers, locale));
    out
}

/// The short names of the AI roles answered (the part of each choice label before its colon).
fn roles(catalog: &Catalog, answers: &Answers) -> Vec<String> {
    let Some(qi) = catalog.question_index("roles") else {
        return Vec::new();
    };
    let (Some(q), Some(Answer::Choices(ids))) = (catalog.questions.get(qi), answers.get(qi)) else {
        return Vec::new();
    };
    q.choices
        .iter()
        .filter(|c| ids.contains(&c.id))
        .map(|c| {
            c.label
                .split_once(':')
                .map_or(c.label.as_str(), |(short, _)| short)
                .trim()
                .to_owned()
        })
        .collect()
}

/// "Answer behind it: …", from the practice row that set the requirement's credit.
fn evidence(catalog: &Catalog, locale: &str, r: &RequirementResult) -> String {
    let t = |k: &str, args: &[(&str, &str)]| tr(catalog, locale, k, args);
    let Some(sp) = r.best.and_then(|b| r.support.get(b)) else {
        return t("soa.why.no_evidence", &[]);
    };
    let answer = sp
        .answer
        .as_deref()
        .and_then(PracticeAnswer::from_id)
        .map_or_else(
            || t("soa.not_answered", &[]),
            |a| answer_label(catalog, locale, a),
        );
    let relation = match sp.relation {
        Relation::Full => "relation.full",
        Relation::Partial => "relation.partial",
    };
    let practice = catalog
        .question(&sp.question)
        .map_or_else(|| sp.question.clone(), practice_name);
    t(
        "soa.why.evidence",
        &[
            ("practice", &practice),
            ("answer", &answer),
            ("relation", &t(relation, &[])),
        ],
    )
}

fn iso42001_rows(
    catalog: &Catalog,
    assessment: &Assessment,
    answers: &Answers,
    settings: &BTreeMap<String, TaskSettings>,
    locale: &str,
) -> Vec<SoaRow> {
    let t = |k: &str, args: &[(&str, &str)]| tr(catalog, locale, k, args);
    let standard = t("soa.iso42001", &[]);
    let roles = roles(catalog, answers);
    let systems = counted(
        catalog,
        locale,
        "unit.ai_systems",
        &assessment.effort.systems.to_string(),
    );
    let context = if roles.is_empty() {
        t("soa.why.no_roles", &[("systems", &systems)])
    } else {
        t(
            "soa.why.roles",
            &[("roles", &roles.join(", ")), ("systems", &systems)],
        )
    };
    // Risk factors that apply, by the short part of their label (before its colon).
    let risk = (!assessment.effort.factors.is_empty()).then(|| {
        let labels: Vec<String> = assessment
            .effort
            .factors
            .iter()
            .map(|f| {
                let label = t(&format!("factor.{}", f.id), &[]);
                label
                    .split_once(':')
                    .map_or(label.as_str(), |(short, _)| short)
                    .trim()
                    .to_owned()
            })
            .collect();
        t("soa.why.risk", &[("factors", &labels.join("; "))])
    });
    let mut out = Vec::new();
    for (req, r) in catalog.requirements.iter().zip(&assessment.requirements) {
        if req.kind != AreaKind::Objective {
            continue;
        }
        let applicable = r.status != Status::NotApplicable;
        let mut practices: Vec<String> = r
            .support
            .iter()
            .filter(|s| s.visible)
            .filter_map(|s| catalog.question(&s.question).map(practice_name))
            .collect();
        practices.dedup();
        let justification = match &r.not_applicable {
            Some(NotApplicable::Scope) => t(
                "soa.why.excluded_scope",
                &[
                    ("context", &context),
                    ("reason", req.na_reason.as_deref().unwrap_or_default()),
                ],
            ),
            Some(NotApplicable::Answered { questions }) => {
                let names: Vec<String> = questions
                    .iter()
                    .map(|q| catalog.question(q).map_or_else(|| q.clone(), practice_name))
                    .collect();
                t(
                    "soa.why.excluded_answered",
                    &[("practices", &names.join(", "))],
                )
            }
            None => {
                let key = if req.applies_if.is_some() {
                    "soa.why.included_scope"
                } else {
                    "soa.why.included"
                };
                let mut text = t(key, &[("context", &context)]);
                if let Some(risk) = &risk {
                    text.push(' ');
                    text.push_str(risk);
                }
                text.push(' ');
                text.push_str(&evidence(catalog, locale, r));
                if let Some(systems) = crate::export::register::soa_systems(
                    catalog, answers, assessment, &req.id, locale,
                ) {
                    text.push(' ');
                    text.push_str(&systems);
                }
                text
            }
        };
        out.push(SoaRow {
            standard: standard.clone(),
            control: req.id.clone(),
            name: req.name.clone(),
            applicable,
            applicable_note: None,
            justification,
            status: t(&format!("soa.impl.{}", r.status.id()), &[]),
            owner: settings.get(&req.id).and_then(|s| s.owner.clone()),
            practices,
        });
    }
    out
}

/// Whether the organisation has, or is building, an ISO 27001 Statement of Applicability.
fn has_27001_soa(catalog: &Catalog, answers: &Answers) -> bool {
    catalog
        .question_index("iso27001")
        .and_then(|qi| answers.get(qi))
        .is_some_and(|a| matches!(a, Answer::Choice(c) if c != "none"))
}

fn iso27001_rows(catalog: &Catalog, answers: &Answers, locale: &str) -> Vec<SoaRow> {
    let visible = visible_questions(catalog, answers);
    let existing = has_27001_soa(catalog, answers);
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
            None if existing => (
                true,
                tr(catalog, locale, "soa.why.existing_soa", &[]),
                tr(catalog, locale, "soa.state.existing_soa", &[]),
            ),
            None => (
                true,
                tr(catalog, locale, "soa.why.no_existing_soa", &[]),
                tr(catalog, locale, "soa.state.to_decide", &[]),
            ),
            Some(_) if all_na => (
                false,
                tr(
                    catalog,
                    locale,
                    "soa.why.covered_na",
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
                        "soa.why.covered",
                        &[("practice", name), ("answer", &label)],
                    ),
                    label,
                )
            }
        };
        let applicable_note = match (best, existing) {
            (Some(_), _) => None,
            (None, true) => Some(tr(catalog, locale, "soa.decided.existing_soa", &[])),
            (None, false) => Some(tr(catalog, locale, "soa.decided.to_decide", &[])),
        };
        out.push(SoaRow {
            standard: fw.name.clone(),
            control: item.id.clone(),
            name: item.name.clone(),
            applicable,
            applicable_note,
            justification,
            status,
            owner: None,
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
        t("soa.implementation"),
        t("soa.owner"),
        t("soa.practices"),
    ]);
    let (yes, no) = (t("soa.yes"), t("soa.no"));
    for r in rows {
        csv.field(&r.standard)
            .field(&r.control)
            .field(&r.name)
            .field(
                r.applicable_note
                    .as_deref()
                    .unwrap_or(if r.applicable { &yes } else { &no }),
            )
            .field(&r.justification)
            .field(&r.status)
            .user_field(r.owner.as_deref().unwrap_or_default())
            .field(&r.practices.join(", "))
            .end_record();
    }
    csv.finish()
}

/// The Statement of Applicability as CSV, in one call.
pub fn csv(
    catalog: &Catalog,
    assessment: &Assessment,
    answers: &Answers,
    settings: &BTreeMap<String, TaskSettings>,
    locale: &str,
) -> String {
    to_csv(
        catalog,
        &rows(catalog, assessment, answers, settings, locale),
        locale,
    )
}
