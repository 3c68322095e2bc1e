//! What a tab does when another tab changed the stored answers (a `storage` event, or a save
//! finding text it did not write): the decision as a pure function, so the policy is tested
//! natively and the app only carries it out (writes snapshots, sets signals, shows notices).
//!
//! The policy, in [`decide`]'s order:
//! - the answers were removed (storage cleared, or the key deleted): with answers of our own this
//!   is a replace like any other — ours are kept as an earlier version with Undo — and the tab
//!   shows no answers ([`OtherTab::Cleared`]); with none there is nothing to do;
//! - the stored text cannot be read: nothing may be written over it ([`OtherTab::Unreadable`]);
//! - the same answers (only the position, times or tasks differ): the rest of the stored
//!   document is taken, our position kept ([`OtherTab::SameAnswers`]);
//! - otherwise the two copies are merged per question ([`crate::document::merge`]): answers of
//!   ours that lose (a later change, or a later replace such as start over or an import in the
//!   other tab) are kept as an earlier version with Undo; when nothing of ours is lost but the
//!   answers on screen change the user is told; and when this tab holds answers the stored copy
//!   lacks it writes the merged copy back ([`OtherTab::Merged`]).

use crate::content::catalog::Catalog;
use crate::document::answers::{AnswersDocument, DecodeError, decode};
use crate::document::merge::{Side, merge};

/// What to do about another tab's change.
#[derive(Debug, Clone, PartialEq)]
pub enum OtherTab {
    /// Nothing: the stored answers were removed and this tab has none either.
    Nothing,
    /// The stored answers were removed while this tab has some: keep ours as an earlier version
    /// (offered back with Undo) and show an empty document.
    Cleared,
    /// The stored text cannot be read: write nothing over it until the user chooses.
    Unreadable(DecodeError),
    /// The same answers: take this document (the stored one with our answers and position).
    SameAnswers(AnswersDocument),
    /// The copies merged per question.
    Merged {
        /// What to show and keep from now on.
        document: AnswersDocument,
        /// `Some` when answers of ours lost: keep ours as an earlier version with Undo, and tell
        /// how many were overwritten (`Some(0)` when a later replace in the other tab took them,
        /// which is told as a replace, not as a conflict).
        lost: Option<usize>,
        /// Nothing of ours was lost but the answers on screen change: say so.
        updated: bool,
        /// This tab holds answers the stored copy lacks: write the merged copy back.
        write_back: bool,
    },
}

/// The decision for `ours` (this tab's whole document) when the stored text became `stored`
/// (`None`: removed). Pure: the same inputs always give the same decision.
pub fn decide(catalog: &Catalog, ours: &AnswersDocument, stored: Option<&str>) -> OtherTab {
    let Some(text) = stored else {
        return if ours.answers.is_empty() {
            OtherTab::Nothing
        } else {
            OtherTab::Cleared
        };
    };
    let theirs = match decode(catalog, text) {
        Ok(decoded) => decoded.document,
        Err(error) => return OtherTab::Unreadable(error),
    };
    if theirs.same_answers(ours) {
        return OtherTab::SameAnswers(AnswersDocument {
            position: ours.position.clone(),
            answers: ours.answers.clone(),
            ..theirs
        });
    }
    let replaced = theirs.replaced_at > ours.replaced_at;
    let merged = merge(ours, &theirs);
    let lost = merged.lost(Side::Ours);
    let updated = lost == 0 && merged.document.answers != ours.answers;
    let write_back = !merged.document.same_answers(&theirs);
    OtherTab::Merged {
        lost: (lost > 0).then_some(if replaced { 0 } else { lost }),
        updated,
        write_back,
        document: merged.document,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::answers::Answer;
    use crate::model::{PracticeAnswer, QuestionKind};

    fn catalog() -> &'static Catalog {
        Catalog::builtin().expect("valid content")
    }

    fn practices(n: usize) -> Vec<usize> {
        catalog()
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind == QuestionKind::Practice)
            .map(|(i, _)| i)
            .take(n)
            .collect()
    }

    fn practice(i: usize) -> Answer {
        Answer::Practice(PracticeAnswer::ALL[i % PracticeAnswer::ALL.len()])
    }

    fn text(doc: &AnswersDocument) -> String {
        doc.to_json(catalog())
    }

    #[test]
    fn removed_answers_clear_a_tab_with_answers_and_leave_an_empty_one_alone() {
        let q = practices(1)[0];
        let empty = AnswersDocument::default();
        assert_eq!(decide(catalog(), &empty, None), OtherTab::Nothing);
        let mut ours = AnswersDocument::default();
        ours.set_answer(q, Some(practice(0)), 100);
        assert_eq!(decide(catalog(), &ours, None), OtherTab::Cleared);
    }

    #[test]
    fn unreadable_text_is_left_alone() {
        let mut ours = AnswersDocument::default();
        ours.set_answer(practices(1)[0], Some(practice(0)), 100);
        for bad in [
            "{not json",
            "[1, 2]",
            "{\"format\": \"carryover-answers\", \"version\": 99}",
        ] {
            assert!(
                matches!(decide(catalog(), &ours, Some(bad)), OtherTab::Unreadable(_)),
                "{bad}"
            );
        }
    }

    #[test]
    fn same_answers_take_the_rest_and_keep_our_position() {
        let q = practices(1)[0];
        let mut ours = AnswersDocument::default();
        ours.set_answer(q, Some(practice(0)), 100);
        ours.position = Some("intake".to_owned());
        let mut theirs = ours.clone();
        theirs.position = Some("ai_lifecycle".to_owned());
        theirs.saved_at = Some("2026-11-30T10:00:00Z".to_owned());
        let OtherTab::SameAnswers(doc) = decide(catalog(), &ours, Some(&text(&theirs))) else {
            panic!("same answers");
        };
        assert_eq!(doc.position.as_deref(), Some("intake"));
        assert_eq!(doc.saved_at.as_deref(), Some("2026-11-30T10:00:00Z"));
        assert_eq!(doc.answers, ours.answers);
    }

    #[test]
    fn edits_on_other_questions_merge_and_the_tab_writes_back_what_it_adds() {
        let q = practices(2);
        let mut ours = AnswersDocument::default();
        ours.set_answer(q[0], Some(practice(0)), 100);
        let mut theirs = AnswersDocument::default();
        theirs.set_answer(q[1], Some(practice(1)), 200);
        let OtherTab::Merged {
            document,
            lost,
            updated,
            write_back,
        } = decide(catalog(), &ours, Some(&text(&theirs)))
        else {
            panic!("merged");
        };
        assert_eq!(document.answers.len(), 2);
        assert_eq!(lost, None);
        assert!(updated, "the other tab's answer appears here: say so");
        assert!(write_back, "the stored copy lacks our answer");
    }

    #[test]
    fn a_stored_superset_is_taken_without_writing_back() {
        let q = practices(2);
        let mut ours = AnswersDocument::default();
        ours.set_answer(q[0], Some(practice(0)), 100);
        let mut theirs = ours.clone();
        theirs.set_answer(q[1], Some(practice(1)), 200);
        assert!(matches!(
            decide(catalog(), &ours, Some(&text(&theirs))),
            OtherTab::Merged {
                lost: None,
                updated: true,
                write_back: false,
                ..
            }
        ));
    }

    #[test]
    fn a_later_change_to_the_same_question_wins_and_ours_is_kept() {
        let q = practices(1)[0];
        let mut ours = AnswersDocument::default();
        ours.set_answer(q, Some(practice(0)), 100);
        let mut theirs = AnswersDocument::default();
        theirs.set_answer(q, Some(practice(1)), 200);
        let OtherTab::Merged {
            document,
            lost,
            updated,
            write_back,
        } = decide(catalog(), &ours, Some(&text(&theirs)))
        else {
            panic!("merged");
        };
        assert_eq!(document.answers.get(q), Some(&practice(1)));
        assert_eq!(
            lost,
            Some(1),
            "one answer of ours overwritten, kept with Undo"
        );
        assert!(!updated, "told as a loss, not as an update");
        assert!(!write_back);
    }

    #[test]
    fn a_later_replace_in_the_other_tab_is_adopted_as_a_replace() {
        let q = practices(2);
        let mut ours = AnswersDocument::default();
        ours.set_answer(q[0], Some(practice(0)), 100);
        ours.set_answer(q[1], Some(practice(1)), 110);
        let mut theirs = AnswersDocument {
            replaced_at: Some(200),
            ..AnswersDocument::default()
        };
        theirs.set_answer(q[0], Some(practice(2)), 150);
        let OtherTab::Merged {
            document,
            lost,
            write_back,
            ..
        } = decide(catalog(), &ours, Some(&text(&theirs)))
        else {
            panic!("merged");
        };
        assert_eq!(document.replaced_at, Some(200));
        assert_eq!(document.answers.get(q[1]), None, "older than the replace");
        assert_eq!(lost, Some(0), "ours kept, told as a replace");
        assert!(!write_back);
    }

    #[test]
    fn the_decision_is_a_function_of_its_inputs() {
        let q = practices(2);
        let mut ours = AnswersDocument::default();
        ours.set_answer(q[0], Some(practice(0)), 100);
        let mut theirs = AnswersDocument::default();
        theirs.set_answer(q[1], Some(practice(3)), 100);
        let t = text(&theirs);
        assert_eq!(
            decide(catalog(), &ours, Some(&t)),
            decide(catalog(), &ours, Some(&t))
        );
    }
}
