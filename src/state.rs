//! The app's shared state, provided once by the root component and read with
//! `expect_context::<AppState>()`: the validated catalog, the answers (the one thing the user
//! changes), and the assessment the engine derives from them. Views render `assessment` and
//! read `answers`; none of them computes a score, and none can write the answers: the signal is
//! read-only here, and its one writer ([`AnswersWriter`]) is handed to [`crate::autosave::Autosave`]
//! when the state is made, so every change (answers, import, share link, other tab, embed
//! prefill) goes through autosave and is saved.

use carryover_engine::catalog::Condition;
use carryover_engine::score::Progress;
use carryover_engine::{Answers, Assessment, Catalog, Lang, assess};
use leptos::prelude::*;

/// Shared by context. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The content compiled into this build.
    pub catalog: &'static Catalog,
    /// The respondent's answers (read-only: [`crate::autosave::Autosave`] is the only writer).
    pub answers: ReadSignal<Answers>,
    /// The engine's result for the current answers, recomputed when they change and something
    /// on screen reads it (memos are lazy: the questionnaire screens do not).
    pub assessment: Memo<Assessment>,
    /// Answered of all questions this respondent will be asked ([`stable_progress`]): the one
    /// figure the questionnaire screens show after every answer. Equal to `assessment`'s
    /// `progress` once the intake is answered; before that its total counts the questions the
    /// open intake answers could still show, so it never grows as the intake is answered.
    pub progress: Memo<Progress>,
    /// Locale for user-visible strings.
    pub locale: &'static str,
}

/// The one handle that can change the answers, given to [`crate::autosave::Autosave::new`] (not
/// `Clone` or `Copy`, and never provided as context).
pub struct AnswersWriter(pub(crate) WriteSignal<Answers>);

impl AppState {
    /// Creates the state around a catalog and initial answers, and the answers' only writer.
    pub fn new(catalog: &'static Catalog, answers: Answers) -> (AppState, AnswersWriter) {
        let (answers, write) = signal(answers);
        let assessment = Memo::new(move |_| answers.with(|a| assess(catalog, a)));
        let progress = Memo::new(move |_| answers.with(|a| stable_progress(catalog, a)));
        let state = AppState {
            catalog,
            answers,
            assessment,
            progress,
            locale: "en",
        };
        (state, AnswersWriter(write))
    }

    /// The same state in another language: the catalog with that language's content texts (same
    /// ids and indexes, so the answers, the assessment and every memo are shared) and its locale.
    #[must_use]
    pub fn with_lang(self, lang: Lang) -> AppState {
        AppState {
            catalog: Catalog::builtin_in(lang).unwrap_or(self.catalog),
            locale: lang.id(),
            ..self
        }
    }

    /// The language of this state's texts.
    pub fn lang(&self) -> Lang {
        Lang::parse(self.locale).unwrap_or_default()
    }

    /// A user-visible string by locale key (falls back to English, then to the key).
    pub fn text(&self, key: &str) -> String {
        self.catalog.text(self.locale, key).to_owned()
    }

    /// "1 answer", "12 answers" (`unit.answers`, with the language's plural rule).
    pub fn answers_counted(&self, n: usize) -> String {
        carryover_engine::export::units::counted(
            self.catalog,
            self.locale,
            "unit.answers",
            &n.to_string(),
        )
    }
}

/// Whether a condition holds, as far as the answers so far tell: `None` while it depends on an
/// intake question not answered yet. `visible` is the same three-valued visibility of the earlier
/// questions (conditions only look at earlier intake questions).
fn maybe_holds(c: &Condition, answers: &Answers, visible: &[Option<bool>]) -> Option<bool> {
    match c {
        Condition::Answer { question, any_of } => match visible.get(*question).copied().flatten() {
            Some(false) => Some(false),
            None => None,
            Some(true) => answers
                .get(*question)
                .map(|a| any_of.iter().any(|x| a.includes(x))),
        },
        Condition::All(cs) => {
            let each: Vec<Option<bool>> = cs
                .iter()
                .map(|c| maybe_holds(c, answers, visible))
                .collect();
            if each.contains(&Some(false)) {
                Some(false)
            } else if each.iter().all(|x| *x == Some(true)) {
                Some(true)
            } else {
                None
            }
        }
        Condition::Any(cs) => {
            let each: Vec<Option<bool>> = cs
                .iter()
                .map(|c| maybe_holds(c, answers, visible))
                .collect();
            if each.contains(&Some(true)) {
                Some(true)
            } else if each.iter().all(|x| *x == Some(false)) {
                Some(false)
            } else {
                None
            }
        }
        Condition::Not(c) => maybe_holds(c, answers, visible).map(|x| !x),
    }
}

/// Answered of all questions the respondent can still be asked: a question whose condition waits
/// on an unanswered intake question counts in the total. So the total is known from the first
/// screen and does not grow as the intake is answered (it can only shrink, when an answer rules
/// questions out); once the intake is answered it equals the engine's `Progress::of`.
pub fn stable_progress(catalog: &Catalog, answers: &Answers) -> Progress {
    let mut visible: Vec<Option<bool>> = Vec::with_capacity(catalog.questions.len());
    let mut progress = Progress {
        answered: 0,
        total: 0,
    };
    for (qi, q) in catalog.questions.iter().enumerate() {
        let shown = q
            .show_if
            .as_ref()
            .map_or(Some(true), |c| maybe_holds(c, answers, &visible));
        visible.push(shown);
        if shown != Some(false) {
            progress.total += 1;
            if shown == Some(true) && answers.get(qi).is_some() {
                progress.answered += 1;
            }
        }
    }
    progress
}
