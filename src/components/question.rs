//! One question as a `<fieldset>`: the statement or question as its legend, its choices — radio
//! buttons (single), checkboxes (multi), or the practice scale as a compact row of six labelled
//! radio buttons (the scale is explained once per section, see `questionnaire.rs`) — and, behind a
//! disclosure, why we ask and what counts as evidence. An intake question's help (how to answer)
//! stays visible, since the answer depends on it.

use std::collections::BTreeSet;

use carryover_engine::model::{PracticeAnswer, QuestionKind};
use carryover_engine::{Answer, Maturity};
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::state::AppState;

/// The question at index `question` of the catalog.
#[component]
pub fn Question(
    /// Index into `Catalog::questions`.
    question: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let Some(q) = state.catalog.questions.get(question) else {
        return ().into_any();
    };
    let help_id = format!("{}-help", q.id);
    let practice = q.kind == QuestionKind::Practice;
    let choices = match q.kind {
        QuestionKind::Single => single_choices(state, autosave, question).into_any(),
        QuestionKind::Multi => multi_choices(state, autosave, question).into_any(),
        QuestionKind::Practice => scale_choices(state, autosave, question).into_any(),
    };
    let kind_class = match q.kind {
        QuestionKind::Single => "choices",
        QuestionKind::Multi => "choices choices-multi",
        QuestionKind::Practice => "choices choices-scale",
    };
    // How to answer (intake) is read before choosing; evidence examples (practices) only when
    // wanted.
    let (visible_help, hidden_help) = if practice {
        (None, q.help.clone())
    } else {
        (q.help.clone(), None)
    };
    let described = visible_help.is_some().then(|| help_id.clone());
    let more = state.text(if hidden_help.is_some() {
        "ui.glance.more_evidence"
    } else {
        "ui.glance.more_why"
    });
    view! {
        <fieldset class="question" class:question-practice=practice aria-describedby=described data-question=q.id.clone()>
            <legend class="question-text">{q.text.clone()}</legend>
            {visible_help.map(|help| view! { <p class="help" id=help_id>{help}</p> })}
            <crate::components::suggestion::SuggestionNote question=question/>
            <div class=kind_class>{choices}</div>
            <details class="question-more">
                <summary>{more}</summary>
                <p class="why">
                    <span class="why-label">{state.text("ui.question.why")}</span>
                    " "
                    {q.why.clone()}
                </p>
                {hidden_help.map(|help| view! { <p class="help">{help}</p> })}
            </details>
        </fieldset>
    }
    .into_any()
}

/// Radio buttons for a single-choice question.
fn single_choices(state: AppState, autosave: Autosave, question: usize) -> impl IntoView {
    let q = &state.catalog.questions[question];
    let name = q.id.clone();
    q.choices
        .iter()
        .map(|c| {
            let id = c.id.clone();
            let checked_id = id.clone();
            let checked = move || {
                state
                    .answers
                    .with(|a| a.get(question).is_some_and(|x| x.includes(&checked_id)))
            };
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name.clone()
                        value=id.clone()
                        prop:checked=checked
                        on:change=move |_| {
                            autosave.set_answer(question, Some(Answer::Choice(id.clone())));
                        }
                    />
                    <span class="choice-label">{c.label.clone()}</span>
                </label>
            }
        })
        .collect_view()
}

/// Checkboxes for a multi-choice question.
fn multi_choices(state: AppState, autosave: Autosave, question: usize) -> impl IntoView {
    let q = &state.catalog.questions[question];
    let name = q.id.clone();
    q.choices
        .iter()
        .map(|c| {
            let id = c.id.clone();
            let checked_id = id.clone();
            let checked = move || {
                state
                    .answers
                    .with(|a| a.get(question).is_some_and(|x| x.includes(&checked_id)))
            };
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let mut set = state.answers.with_untracked(|a| match a.get(question) {
                    Some(Answer::Choices(set)) => set.clone(),
                    Some(Answer::Choice(_) | Answer::Practice(_)) | None => BTreeSet::new(),
                });
                if on {
                    set.insert(id.clone());
                } else {
                    set.remove(&id);
                }
                // No box ticked is no answer, not an empty one.
                let answer = (!set.is_empty()).then_some(Answer::Choices(set));
                autosave.set_answer(question, answer);
            };
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        name=name.clone()
                        value=c.id.clone()
                        prop:checked=checked
                        on:change=toggle
                    />
                    <span class="choice-label">{c.label.clone()}</span>
                </label>
            }
        })
        .collect_view()
}

/// The practice scale: the four maturity levels, then "not applicable" and "don't know", one
/// radio group (arrow keys move through all six). Labels only: the section explains the scale once.
fn scale_choices(state: AppState, autosave: Autosave, question: usize) -> impl IntoView {
    let name = state.catalog.questions[question].id.clone();
    PracticeAnswer::ALL
        .into_iter()
        .map(|answer| {
            let checked = move || state.answers.with(|a| a.practice(question) == Some(answer));
            let scale = match answer {
                PracticeAnswer::Maturity(
                    Maturity::NotInPlace
                    | Maturity::InPlaceNotEffective
                    | Maturity::EffectiveNotProvable
                    | Maturity::EffectiveAndProvable,
                ) => true,
                PracticeAnswer::NotApplicable | PracticeAnswer::DontKnow => false,
            };
            view! {
                <label class="choice" class:choice-aside=!scale>
                    <input
                        type="radio"
                        name=name.clone()
                        value=answer.id()
                        prop:checked=checked
                        on:change=move |_| {
                            autosave.set_answer(question, Some(Answer::Practice(answer)));
                        }
                    />
                    <span class="choice-label">
                        {state.text(&format!("answer.{}.label", answer.id()))}
                    </span>
                </label>
            }
        })
        .collect_view()
}
