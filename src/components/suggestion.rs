//! A suggested answer inside a practice question (issue 11): after the intake, the engine's
//! baseline rules suggest an answer for unanswered practices ("suggested from your ISO 27001
//! certification — confirm or change"). The suggestion is not an answer: it is never stored and
//! counts for nothing until confirmed. Confirming writes the normal answer through [`Autosave`];
//! choosing any other level changes it, and the note disappears once the question is answered.

use carryover_engine::baseline::suggestion_for;
use carryover_engine::condition::visible_questions;
use carryover_engine::model::PracticeAnswer;
use carryover_engine::{Answer, export::fill};
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::state::AppState;

/// The suggestion note and its Confirm button for question index `question` (nothing when no
/// suggestion applies).
#[component]
pub fn SuggestionNote(
    /// Index into `Catalog::questions`.
    question: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let suggestion = Memo::new(move |_| {
        state.answers.with(|answers| {
            let visible = visible_questions(state.catalog, answers);
            suggestion_for(state.catalog, answers, &visible, question)
        })
    });
    move || {
        suggestion.get().map(|s| {
            let answer = PracticeAnswer::Maturity(s.answer);
            let label = state.text(&format!("answer.{}.label", answer.id()));
            let confirm = fill(
                &state.text("ui_model.suggest.confirm"),
                &[("answer", label.as_str())],
            );
            let suggested = fill(
                &state.text("ui_model.suggest.answer"),
                &[("answer", label.as_str())],
            );
            view! {
                <div class="suggestion" role="note" data-suggestion=s.rule.clone()>
                    <p class="suggestion-source">
                        <strong>{state.text(&format!("suggestion.{}", s.rule))}</strong>
                    </p>
                    <p class="suggestion-answer">{suggested}</p>
                    <p class="fineprint">{state.text("ui_model.suggest.counts")}</p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            autosave.set_answer(question, Some(Answer::Practice(answer)));
                        }
                    >
                        {confirm}
                    </button>
                </div>
            }
        })
    }
}

/// "Confirm all N suggestions" for one section: a certified organisation confirms its program
/// practices in one step instead of answering them one by one (each still changeable after).
#[component]
pub fn ConfirmAll(
    /// Index into `Catalog::sections`.
    section: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let pending = Memo::new(move |_| {
        state.answers.with(|answers| {
            let visible = visible_questions(state.catalog, answers);
            state
                .catalog
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.section == section)
                .filter_map(|(qi, _)| {
                    suggestion_for(state.catalog, answers, &visible, qi).map(|s| (qi, s.answer))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = pending.get();
        (list.len() > 1).then(|| {
            let label = fill(
                &state.text("ui_model.suggest.confirm_all"),
                &[("count", &list.len().to_string())],
            );
            view! {
                <p class="suggestion-all">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            for (qi, m) in pending.get_untracked() {
                                autosave
                                    .set_answer(qi, Some(Answer::Practice(PracticeAnswer::Maturity(m))));
                            }
                        }
                    >
                        {label}
                    </button>
                </p>
            }
        })
    }
}
