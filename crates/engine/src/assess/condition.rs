//! Evaluating typed conditions and deciding which questions are shown.
//!
//! Conditions only look at intake (single / multi) questions, and only at earlier ones for
//! `show_if`, so visibility is computed in one pass in question order. An answer to a hidden
//! question is kept (the respondent may show it again) but never counts.

use crate::content::catalog::{Catalog, Condition};
use crate::document::answers::Answers;

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

/// One questionnaire section as the respondent sees it now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionView {
    /// Index into [`Catalog::sections`].
    pub section: usize,
    /// Visible questions of the section, in order (indexes into [`Catalog::questions`]).
    pub questions: Vec<usize>,
    /// How many of them are answered.
    pub answered: usize,
}

/// The sections in order with their visible questions; sections with none visible are left out.
pub fn sections(catalog: &Catalog, answers: &Answers) -> Vec<SectionView> {
    let visible = visible_questions(catalog, answers);
    (0..catalog.sections.len())
        .filter_map(|si| {
            let questions: Vec<usize> = catalog
                .questions
                .iter()
                .enumerate()
                .filter(|(qi, q)| q.section == si && visible[*qi])
                .map(|(qi, _)| qi)
                .collect();
            let answered = questions
                .iter()
                .filter(|qi| answers.get(**qi).is_some())
                .count();
            (!questions.is_empty()).then_some(SectionView {
                section: si,
                questions,
                answered,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::answers::Answer;

    #[test]
    fn hidden_questions_follow_the_intake_and_keep_their_answers() {
        let c = Catalog::builtin().expect("valid content");
        let roles = c.question_index("roles").expect("roles");
        let gated: Vec<usize> = c
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                matches!(&q.show_if, Some(Condition::Answer { question, any_of })
                    if *question == roles && any_of.iter().any(|x| x == "provider"))
            })
            .map(|(i, _)| i)
            .collect();
        assert!(!gated.is_empty(), "some questions are only for providers");
        let mut a = Answers::new();
        a.insert(gated[0], Answer::Practice(crate::PracticeAnswer::DontKnow));
        assert!(gated.iter().all(|&q| !visible_questions(c, &a)[q]));
        a.insert(roles, Answer::Choices(["provider".to_owned()].into()));
        assert!(gated.iter().all(|&q| visible_questions(c, &a)[q]));
        // Hiding again keeps the answer.
        a.insert(roles, Answer::Choices(["user".to_owned()].into()));
        assert!(!visible_questions(c, &a)[gated[0]]);
        assert!(a.get(gated[0]).is_some());
        let total: usize = sections(c, &a).iter().map(|s| s.questions.len()).sum();
        assert_eq!(
            total,
            visible_questions(c, &a).iter().filter(|v| **v).count()
        );
    }
}
