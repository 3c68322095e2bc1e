//! The app's shared state, provided once by the root component and read with
//! `expect_context::<AppState>()`: the validated catalog, the answers (the one thing the user
//! changes), and the assessment the engine derives from them. Views render `assessment` and
//! dispatch changes to `answers`; none of them computes a score.

use carryover_engine::score::Progress;
use carryover_engine::{Answers, Assessment, Catalog, assess};
use leptos::prelude::*;

/// Shared by context. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The content compiled into this build.
    pub catalog: &'static Catalog,
    /// The respondent's answers.
    pub answers: RwSignal<Answers>,
    /// The engine's result for the current answers, recomputed when they change and something
    /// on screen reads it (memos are lazy: the questionnaire screens do not).
    pub assessment: Memo<Assessment>,
    /// Answered / visible questions: the one figure the questionnaire screens show after every
    /// answer, from the engine without a full assessment (equal to `assessment`'s `progress`).
    pub progress: Memo<Progress>,
    /// Locale for user-visible strings.
    pub locale: &'static str,
}

impl AppState {
    /// Creates the state around a catalog and initial answers.
    pub fn new(catalog: &'static Catalog, answers: Answers) -> AppState {
        let answers = RwSignal::new(answers);
        let assessment = Memo::new(move |_| answers.with(|a| assess(catalog, a)));
        let progress = Memo::new(move |_| answers.with(|a| Progress::of(catalog, a)));
        AppState {
            catalog,
            answers,
            assessment,
            progress,
            locale: "en",
        }
    }

    /// A user-visible string by locale key (falls back to English, then to the key).
    pub fn text(&self, key: &str) -> String {
        self.catalog.text(self.locale, key).to_owned()
    }
}
