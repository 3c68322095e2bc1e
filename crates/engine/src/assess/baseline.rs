//! The baseline: how the intake's SOC 2, ISO 27001 and AI RMF answers enter the result.
//!
//! They never change a score on their own: the practice answers do. The baseline decides three
//! other things, all from the rules in `content/rules.toml` (`[[program]]`, `[[suggestion]]`):
//!
//! - **confidence**: a practice answered effective and provable is *externally attested* when a
//!   program its refs name is attested (an ISO 27001 certificate, a SOC 2 Type II report), and
//!   *self-assessed* otherwise; a certified ISMS whose management-system practices (those whose
//!   refs name ISO 27001 clauses) are answered below "effective" is flagged as inconsistent;
//! - **suggestions**: shown, unanswered practices get a suggested answer from the baseline. A
//!   suggestion is never stored and never scored: it counts once the respondent confirms it, which
//!   writes the normal answer;
//! - **benchmarks**: the published figures shown are those about the programs the respondent
//!   runs, with a plain note when there are few or none.

use serde::Serialize;

use crate::assess::condition::holds;
use crate::content::catalog::{Catalog, Question};
use crate::document::answers::Answers;
use crate::model::{Maturity, PracticeAnswer, QuestionKind};

/// A suggested answer for one practice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Practice question id.
    pub question: String,
    /// The suggested maturity.
    pub answer: Maturity,
    /// The rule it comes from (locale key `suggestion.<rule>`).
    pub rule: String,
}

/// How far an effective-and-provable answer can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// An independent auditor tested the evidence of a program the practice belongs to.
    Attested,
    /// Only the respondent says so.
    SelfAssessed,
}

impl Confidence {
    /// Stable id (locale key `confidence.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Attested => "attested",
            Confidence::SelfAssessed => "self_assessed",
        }
    }
}

/// The confidence of one practice answered effective and provable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PracticeConfidence {
    /// Practice question id.
    pub question: String,
    /// Attested or self-assessed.
    pub confidence: Confidence,
    /// The attested programs (framework ids) that cover it; empty when self-assessed.
    pub by: Vec<String>,
}

/// What the baseline says about this respondent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Baseline {
    /// Frameworks of the programs the respondent runs (`iso27001`, `soc2`).
    pub programs: Vec<String>,
    /// Frameworks whose evidence an independent auditor has tested.
    pub attested: Vec<String>,
    /// Every shown practice answered effective and provable, attested or self-assessed.
    pub confidence: Vec<PracticeConfidence>,
    /// Management-system practices answered below "effective" although the ISMS is certified.
    pub inconsistent: Vec<String>,
    /// Suggested answers for shown, unanswered practices (not scored until confirmed).
    pub suggestions: Vec<Suggestion>,
    /// Ids of the published figures that describe this respondent's programs.
    pub figures: Vec<String>,
    /// Locale id of a note about the figures (`benchmarks.<id>`), when they are few or none.
    pub figures_note: Option<String>,
}

fn names_framework(catalog: &Catalog, q: &Question, framework: &str) -> bool {
    q.refs
        .iter()
        .any(|r| catalog.item(*r).is_some_and(|(fw, _)| fw.id == framework))
}

/// A practice is a management-system practice when its refs name an ISO 27001 clause (4–10).
fn management_system(catalog: &Catalog, q: &Question) -> bool {
    q.refs.iter().any(|r| {
        catalog
            .item(*r)
            .is_some_and(|(fw, it)| fw.id == "iso27001" && !it.id.starts_with("A."))
    })
}

/// The suggested answer for question `qi`, if it is a shown, unanswered practice some rule
/// applies to; the highest suggested maturity wins.
pub fn suggestion_for(
    catalog: &Catalog,
    answers: &Answers,
    visible: &[bool],
    qi: usize,
) -> Option<Suggestion> {
    let q = catalog.questions.get(qi)?;
    if q.kind != QuestionKind::Practice
        || !visible.get(qi).copied().unwrap_or(false)
        || answers.get(qi).is_some()
    {
        return None;
    }
    catalog
        .rules
        .suggestions
        .iter()
        .filter(|s| {
            Some(s.family) == q.family
                && names_framework(catalog, q, &s.framework)
                && holds(&s.when, answers, visible)
        })
        .max_by_key(|s| s.answer)
        .map(|s| Suggestion {
            question: q.id.clone(),
            answer: s.answer,
            rule: s.id.clone(),
        })
}

/// Everything the baseline decides for these answers (`visible` from
/// [`crate::assess::condition::visible_questions`]).
pub fn baseline(catalog: &Catalog, answers: &Answers, visible: &[bool]) -> Baseline {
    let rules = &catalog.rules;
    let programs: Vec<String> = rules
        .programs
        .iter()
        .filter(|p| holds(&p.runs_when, answers, visible))
        .map(|p| p.framework.clone())
        .collect();
    let attested: Vec<String> = rules
        .programs
        .iter()
        .filter(|p| holds(&p.attested_when, answers, visible))
        .map(|p| p.framework.clone())
        .collect();
    let mut confidence = Vec::new();
    let mut inconsistent = Vec::new();
    let mut suggestions = Vec::new();
    for (qi, q) in catalog.questions.iter().enumerate() {
        if q.kind != QuestionKind::Practice || !visible.get(qi).copied().unwrap_or(false) {
            continue;
        }
        match answers.practice(qi) {
            Some(PracticeAnswer::Maturity(Maturity::EffectiveAndProvable)) => {
                let by: Vec<String> = attested
                    .iter()
                    .filter(|f| names_framework(catalog, q, f))
                    .cloned()
                    .collect();
                confidence.push(PracticeConfidence {
                    question: q.id.clone(),
                    confidence: if by.is_empty() {
                        Confidence::SelfAssessed
                    } else {
                        Confidence::Attested
                    },
                    by,
                });
            }
            Some(PracticeAnswer::Maturity(m))
                if m < Maturity::EffectiveNotProvable
                    && attested.iter().any(|f| f == "iso27001")
                    && management_system(catalog, q) =>
            {
                inconsistent.push(q.id.clone());
            }
            _ => {}
        }
        if let Some(s) = suggestion_for(catalog, answers, visible, qi) {
            suggestions.push(s);
        }
    }
    let figures: Vec<String> = catalog
        .published
        .iter()
        .filter(|f| f.from.split('+').any(|p| programs.iter().any(|x| x == p)))
        .map(|f| f.id.clone())
        .collect();
    let figures_note = if programs.is_empty() {
        Some("none".to_owned())
    } else if !programs.iter().any(|p| p == "iso27001") {
        Some("soc2_only".to_owned())
    } else {
        None
    };
    Baseline {
        programs,
        attested,
        confidence,
        inconsistent,
        suggestions,
        figures,
        figures_note,
    }
}
