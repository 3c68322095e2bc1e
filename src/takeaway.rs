//! The take-away module: the file writers, in a second wasm module fetched when needed.
//!
//! The report (HTML, Markdown and the print view), the Statement of Applicability, the task plan
//! as CSV and calendar, the AI system register and the share-link encoder are used at the end of
//! a visit, so they are not in this wasm: `crates/takeaway` builds them into a second module
//! (`scripts/lib/build-takeaway.mjs` places it beside the app and defines
//! `window.carryoverTakeAway()`, which imports it; the offline file holds it inline). The results
//! screen starts loading it once it has rendered ([`preload`]), so it is normally ready before
//! anyone asks for a file, and any request also waits for it ([`make`]).
//!
//! The app sends the module a [`Job`]: the answers file it already writes to storage, the language,
//! the dates and the budget in use; the module recomputes the assessment with the same engine
//! function and returns the file's text (see `carryover_engine::export::takeaway`). It receives
//! the compiled content from this module's copy, and each language's part the app downloaded
//! (before a job, `hand_languages`), so the content is not downloaded twice.
//!
//! Progress is on `<html data-takeaway="loading|ready|failed">` for tests and host pages, and in
//! [`status`] for views.

use std::cell::RefCell;
use std::time::Duration;

use carryover_engine::Lang;
use carryover_engine::export::takeaway::{Job, Kind};
use js_sys::{Function, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::autosave::Autosave;
use crate::download::{self, RoadmapStart};
use crate::embed::Embed;
use crate::state::AppState;

/// Where loading the module stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not asked for yet.
    Idle,
    /// Being fetched and instantiated.
    Loading,
    /// Ready: files are made at once.
    Ready,
    /// The last attempt failed (offline, blocked); the next request tries again.
    Failed,
}

impl Status {
    fn id(self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Loading => "loading",
            Status::Ready => "ready",
            Status::Failed => "failed",
        }
    }
}

/// The locale key of the reason a file could not be made (for `ui.take.download_failed`).
pub type Reason = String;

/// The locale key shown when the module cannot be loaded.
const UNAVAILABLE: &str = "ui.take.unavailable";

thread_local! {
    /// The module's `make` once it is loaded and has the content.
    static MAKE: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// The module's `install_lang`, and the languages it was handed.
    static INSTALL_LANG: RefCell<Option<(Function, Vec<Lang>)>> = const { RefCell::new(None) };
    /// [`Status`] as a signal. Reference-counted rather than owned by whichever view first asked
    /// (that view's disposal would take the signal with it): it lives as long as the page.
    static STATUS: RefCell<Option<ArcRwSignal<Status>>> = const { RefCell::new(None) };
}

/// Where loading stands, as a signal views can read.
pub fn status() -> ArcRwSignal<Status> {
    STATUS.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| ArcRwSignal::new(Status::Idle))
            .clone()
    })
}

fn set_status(s: Status) {
    status().set(s);
    if let Some(html) = document().document_element() {
        _ = html.set_attribute("data-takeaway", s.id());
    }
}

/// Starts loading the module in a later task, unless it is loaded or loading (after a failure,
/// showing the results again tries again).
pub fn preload() {
    set_timeout(
        || {
            if matches!(status().get_untracked(), Status::Idle | Status::Failed) {
                leptos::task::spawn_local(async {
                    _ = load().await;
                });
            }
        },
        Duration::ZERO,
    );
}

/// Loads the module (once; concurrent calls share the page's one import) and hands it the content.
async fn load() -> Result<Function, Reason> {
    if let Some(make) = MAKE.with(|m| m.borrow().clone()) {
        return Ok(make);
    }
    set_status(Status::Loading);
    match fetch_module().await {
        Ok(make) => {
            MAKE.with(|m| *m.borrow_mut() = Some(make.clone()));
            set_status(Status::Ready);
            Ok(make)
        }
        Err(error) => {
            leptos::logging::warn!("take-away module: {}", crate::storage::describe(&error));
            set_status(Status::Failed);
            Err(UNAVAILABLE.to_owned())
        }
    }
}

async fn fetch_module() -> Result<Function, JsValue> {
    let loader: Function = Reflect::get(&window(), &"carryoverTakeAway".into())?.dyn_into()?;
    let promise: Promise = loader.call0(&JsValue::NULL)?.dyn_into()?;
    let module = JsFuture::from(promise).await?;
    let export = |name: &str| -> Result<Function, JsValue> {
        Reflect::get(&module, &name.into())?.dyn_into()
    };
    export("install")?.call1(&JsValue::NULL, &Uint8Array::from(crate::CONTENT))?;
    let install_lang = export("install_lang")?;
    INSTALL_LANG.with(|i| *i.borrow_mut() = Some((install_lang, Vec::new())));
    export("make")
}

/// Hands the module every language part the app has downloaded and the module lacks (bytes it
/// already holds: nothing is downloaded twice).
fn hand_languages() {
    INSTALL_LANG.with(|i| {
        let mut i = i.borrow_mut();
        let Some((install_lang, handed)) = i.as_mut() else {
            return;
        };
        for (lang, bytes) in crate::language::held_parts() {
            if !handed.contains(&lang)
                && install_lang
                    .call2(
                        &JsValue::NULL,
                        &lang.id().into(),
                        &Uint8Array::from(&bytes[..]),
                    )
                    .is_ok()
            {
                handed.push(lang);
            }
        }
    });
}

fn run(make: &Function, job: &Job) -> Result<String, Reason> {
    hand_languages();
    match make.call1(&JsValue::NULL, &JsValue::from_str(&job.to_json())) {
        Ok(text) => text.as_string().ok_or_else(|| UNAVAILABLE.to_owned()),
        // The module words its own failures as `takeaway.error.*` keys.
        Err(reason) => Err(reason
            .as_string()
            .filter(|key| key.starts_with("takeaway.error."))
            .unwrap_or_else(|| UNAVAILABLE.to_owned())),
    }
}

/// Makes a file, loading the module first if needed.
pub async fn make(job: Job) -> Result<String, Reason> {
    let make = load().await?;
    run(&make, &job)
}

/// Makes a file now if the module is ready (`None` if not; [`make`] waits for it).
pub fn make_now(job: &Job) -> Option<Result<String, Reason>> {
    MAKE.with(|m| m.borrow().clone())
        .map(|make| run(&make, job))
}

/// What a job is made from on the results screen: the answers as saved, the language on screen,
/// today, the roadmap start the user chose and the budget in use (none with `show_budget: false`).
#[derive(Clone, Copy)]
pub struct Jobs {
    state: AppState,
    autosave: Autosave,
    start: RoadmapStart,
    embed: Option<Embed>,
}

impl Jobs {
    /// Takes the contexts it needs (call it in a component body).
    pub fn from_context() -> Self {
        Self {
            state: expect_context::<AppState>(),
            autosave: expect_context::<Autosave>(),
            start: expect_context::<RoadmapStart>(),
            embed: use_context::<Embed>(),
        }
    }

    /// The job for one kind of file, as things are now.
    pub fn job(self, kind: Kind) -> Job {
        let today = download::today();
        Job {
            kind,
            lang: self.state.locale.to_owned(),
            document: self.autosave.document().to_json(self.state.catalog),
            prepared: today.to_string(),
            start: self.start.get_untracked().to_string(),
            stamp: download::now_unix_seconds(),
            budget: untrack(|| crate::components::results::budget::settings_of(self.embed)),
        }
    }

    /// The app's state (for wording a failure).
    pub fn state(self) -> AppState {
        self.state
    }
}
