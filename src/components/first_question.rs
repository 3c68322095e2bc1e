//! The placeholder first question. Its answer is saved in the browser and restored on reload.
//!
//! The real questionnaire (content-driven, from the engine) replaces this in its own issue; this
//! screen exists to prove the chain: click, state, storage, reload.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::screen_link::ScreenLink;
use crate::components::storage_notice::StorageNotice;
use crate::route::Screen;
use crate::storage::{self, Key, StorageError};

/// Answer to "Does your organisation hold ISO/IEC 27001 certification?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certification {
    /// Certified today.
    Certified,
    /// Working towards certification.
    InProgress,
    /// Not certified and not working towards it.
    NotCertified,
}

impl Certification {
    /// Every choice, in display order.
    pub const ALL: [Certification; 3] = [
        Certification::Certified,
        Certification::InProgress,
        Certification::NotCertified,
    ];

    /// The radio button's label.
    pub fn label(self) -> &'static str {
        match self {
            Certification::Certified => "Yes, we are certified",
            Certification::InProgress => "We are working towards it",
            Certification::NotCertified => "No",
        }
    }

    /// The radio button's `value` (also its test id).
    pub fn value(self) -> &'static str {
        match self {
            Certification::Certified => "certified",
            Certification::InProgress => "in_progress",
            Certification::NotCertified => "not_certified",
        }
    }
}

/// What the status line says.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SaveState {
    Untouched,
    Saved,
    /// Noted for this visit only: storage is unavailable (the notice above explains why).
    NotSaved,
    Failed(StorageError),
}

/// Question 1 with three radio choices. The choice is written to storage on change and read back
/// when the screen is built.
#[component]
pub fn FirstQuestion() -> impl IntoView {
    let opened = expect_context::<storage::Opened>();
    let store = opened.as_ref().ok().copied();

    let (initial, initial_state) = match store.map(|s| s.get::<Certification>(Key::FirstQuestion)) {
        Some(Ok(answer)) => (answer, SaveState::Untouched),
        Some(Err(error)) => (None, SaveState::Failed(error)),
        None => (None, SaveState::Untouched),
    };
    let answer = RwSignal::new(initial);
    let save_state = RwSignal::new(initial_state);

    let choose = move |choice: Certification| {
        answer.set(Some(choice));
        save_state.set(match store {
            Some(store) => match store.set(Key::FirstQuestion, &choice) {
                Ok(()) => SaveState::Saved,
                Err(error) => SaveState::Failed(error),
            },
            None => SaveState::NotSaved,
        });
    };

    let status = move || match save_state.get() {
        SaveState::Untouched => String::new(),
        SaveState::Saved => "Saved in this browser.".to_owned(),
        SaveState::NotSaved => "Answer noted for this visit only.".to_owned(),
        SaveState::Failed(error) => error.to_string(),
    };

    let choices = Certification::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="iso27001-certification"
                        value=choice.value()
                        prop:checked=move || answer.get() == Some(choice)
                        on:change=move |_| choose(choice)
                    />
                    <span>{choice.label()}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <main class="page page-question">
            <header class="topbar">
                <ScreenLink to=Screen::Start class="wordmark">"Carryover"</ScreenLink>
                <span class="step">"Question 1"</span>
            </header>
            <StorageNotice/>
            <form class="question" on:submit=|ev| ev.prevent_default()>
                <fieldset aria-describedby="q1-hint">
                    <legend>
                        <h1 tabindex="-1">"Does your organisation hold ISO/IEC 27001 certification?"</h1>
                    </legend>
                    <p class="hint" id="q1-hint">
                        "Controls you already run for ISO/IEC 27001 often carry over to ISO/IEC 42001."
                    </p>
                    <div class="choices">{choices}</div>
                </fieldset>
            </form>
            <p class="status" role="status">{status}</p>
            <nav class="actions" aria-label="Questionnaire">
                <ScreenLink to=Screen::Start class="button">"Back"</ScreenLink>
            </nav>
        </main>
    }
}
