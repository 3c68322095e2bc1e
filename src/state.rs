//! The app's shared state, provided once by the root component and read with
//! `expect_context::<AppState>()`: the validated catalog, the answers (the one thing the user
//! changes), and the assessment the engine derives from them. Views render `assessment` and
//! dispatch changes to `answers`; none of them computes a score.

use carryover_engine::{Answers, Assessment, Catalog, assess};
use leptos::prelude::*;

/// Shared by context. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The content compiled into this build.
    pub catalog: &'static Catalog,
    /// The respondent's answers.
    pub answers: RwSignal<Answers>,
    /// The engine's result for the current answers, recomputed when they change.
    pub assessment: Memo<Assessment>,
    /// Locale for user-visible strings.
    pub locale: &'static str,
}

impl AppState {
    /// Creates the state around a catalog and initial answers.
    pub fn new(catalog: &'static Catalog, answers: Answers) -> AppState {
        let answers = RwSignal::new(answers);
        let assessment = Memo::new(move |_| answers.with(|a| assess(catalog, a)));
        AppState {
            catalog,
            answers,
            assessment,
            locale: "en",
        }
    }

    /// A user-visible string by locale key (falls back to English, then to the key).
    pub fn text(&self, key: &str) -> String {
        self.catalog.text(self.locale, key).to_owned()
    }
}
