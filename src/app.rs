//! The root of the app, made in three steps so that none is a long task at start-up
//! ([`crate::start`] runs each in a task of its own): [`load`] reads the saved answers and chooses
//! the language, [`setup`] shares the app state, autosave and the current screen by context, and
//! [`screens`] shows the current screen.

use carryover_engine::Catalog;
use leptos::context::Provider;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::autosave::{self, Autosave};
use crate::components::{
    questionnaire::Questionnaire, results::ResultsPage, results::task_plan::TaskPlanPage,
    share_opener::ShareOpener, start_page::StartPage, top_bar::TopBar,
};
use crate::language::Language;
use crate::revisit::{Revisit, focus_question};
use crate::route::{self, CurrentScreen, Screen};
use crate::state::AppState;
use crate::storage;

/// What [`load`] found, for [`setup`].
pub struct Stored {
    catalog: &'static Catalog,
    opened: storage::Opened,
    loaded: autosave::Loaded,
    language: Language,
}

/// What [`setup`] made and [`screens`] needs (the rest is in context).
#[derive(Clone, Copy)]
pub struct Shell {
    state: AppState,
    language: Language,
    screen: CurrentScreen,
}

/// The first step: opens the browser's storage, reads the saved answers and chooses the
/// language (provided by context in the current reactive owner). Storage may be unavailable or
/// hold unreadable data; both are states the [`Autosave`] context reports, not errors that stop
/// the app.
pub fn load() -> Stored {
    // The shipped content is validated by the engine's tests; a build with invalid content cannot
    // show anything useful.
    let catalog: &'static Catalog =
        Catalog::builtin().expect("the built-in content is valid (checked by the engine's tests)");
    let opened = storage::open();
    if let Err(error) = &opened {
        leptos::logging::warn!("{error}");
    }
    let language = crate::language::provide();
    let loaded = autosave::load(&opened, catalog);
    Stored {
        catalog,
        opened,
        loaded,
        language,
    }
}

/// The second step, in the same reactive owner as [`load`]: the state every screen reads
/// (answers, autosave, current screen, embedding), provided by context.
pub fn setup(stored: Stored) -> Shell {
    let Stored {
        catalog,
        opened,
        loaded,
        language,
    } = stored;
    let (state, writer) = AppState::new(catalog, loaded.document.answers.clone());
    provide_context(state);
    let screen = route::provide_current_screen(catalog);
    let autosave = Autosave::new(state, writer, &opened, loaded, screen);
    provide_context(autosave);
    provide_context(crate::download::RoadmapStart::new());
    crate::embed::provide(state, autosave, screen);
    let revisit = Revisit::provide();

    // After a screen change, remember the section and move keyboard and screen-reader focus to
    // the new screen's heading (the link that was activated no longer exists), or to the question
    // a "Revisit" link asked for. Not on first load: that would steal focus.
    Effect::watch(
        move || screen.get(),
        move |now, _, _| {
            if let Screen::Section(section) = now {
                autosave.visit(*section);
            }
            if *now == Screen::Start {
                revisit.from_results.set(false);
            }
            let question = revisit.focus.get_untracked();
            revisit.focus.set(None);
            request_animation_frame(move || {
                if !question.is_some_and(|qi| focus_question(catalog, qi)) {
                    focus_heading();
                }
            });
        },
        false,
    );
    Shell {
        state,
        language,
        screen,
    }
}

/// The current screen, in an owner under the one [`setup`] ran in (its contexts are needed).
pub fn screens(shell: Shell) -> impl IntoView {
    let Shell {
        state,
        language,
        screen,
    } = shell;
    let current = move || match screen.get() {
        Screen::Start => view! { <StartPage/> }.into_any(),
        Screen::Section(section) => view! { <Questionnaire section=section/> }.into_any(),
        Screen::Results => view! {
            <TopBar/>
            <ResultsPage/>
        }
        .into_any(),
        Screen::Tasks => view! {
            <TopBar/>
            <TaskPlanPage/>
        }
        .into_any(),
        Screen::Register => view! { <crate::components::register::RegisterPage/> }.into_any(),
    };
    // The screens in the chosen language: a switch rebuilds them around the same state (answers,
    // screen, memos), with the catalog and locale of the new language.
    move || {
        let localized = state.with_lang(language.lang.get());
        language.rebuilt();
        view! {
            <Provider value=localized>
                <ShareOpener>{current}</ShareOpener>
            </Provider>
        }
    }
}

fn focus_heading() {
    if let Some(heading) = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        _ = heading.focus();
        // Reading position: the top of the new screen, not wherever the last one was scrolled.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}
