//! Evaluating typed conditions and deciding which questions are shown.
//!
//! Conditions only look at intake (single / multi) questions, and only at earlier ones for
//! `show_if`, so visibility is computed in one pass in question order. An answer to a hidden
//! question is kept (the respondent may show it again) but never counts.

use crate::answers::Answers;
use crate::catalog::{Catalog, Condition};

/// True when the condition holds for these answers, counting only visible questions.
pub fn holds(condition: &Condition, answers: &Answers, visible: &[bool]) -> bool {
    match condition {
        Condition::Answer { question, any_of } => {
            visible.get(*question).copied().unwrap_or(false)
                && answers
                    .get(*question)
                    .is_some_and(|a| any_of.iter().any(|c| a.includes(c)))
        }
        Condition::All(cs) => cs.iter().all(|c| holds(c, answers, visible)),
        Condition::Any(cs) => cs.iter().any(|c| holds(c, answers, visible)),
        Condition::Not(c) => !holds(c, answers, visible),
    }
}

/// Which questions are shown, by question index.
pub fn visible_questions(catalog: &Catalog, answers: &Answers) -> Vec<bool> {
    let mut visible = vec![false; catalog.questions.len()];
    for (i, q) in catalog.questions.iter().enumerate() {
        // `show_if` only looks at earlier questions, whose visibility is already final.
        visible[i] = q
            .show_if
            .as_ref()
            .is_none_or(|c| holds(c, answers, &visible));
    }
    visible
}
