//! The one module allowed to touch `window.parent` (and `window.top`, `postMessage`): embedding
//! in a host page, and the site owner's configuration.
//!
//! At start, [`provide`] reads the page URL's query and (served builds only) the optional
//! `carryover.config.json` next to `index.html`; `carryover_engine::embed_config` validates both,
//! and each refused or corrected value is logged with `console.warn`. Branding is applied as CSS
//! custom properties on `<html>` (style/embed.css maps them onto the accent colour), so no rebuild
//! is needed and nothing moves.
//!
//! When the app runs in a frame (or with `embed=1`), it posts the messages of
//! `carryover_engine::embed_message` to `window.parent`: `ready`, `height` (a `ResizeObserver` on
//! `<body>`, posted on change), `started`, `section_completed`, `completed` and `cta_clicked`.
//! They go to the configured host origin, or to `*` when none is configured: then anyone framing
//! the widget may read them, which is why they carry headline figures only and answers never go
//! to `*` (see docs/embedding.md). Incoming messages are ignored unless an origin is configured,
//! the sender is that origin and the parent window, and the data has the exact `ping` shape.

use std::collections::BTreeSet;

use carryover_engine::embed_config::{self, EmbedConfig, Summary};
use carryover_engine::embed_message::{HostMessage, Message};
use carryover_engine::model::text::Wording;
use carryover_engine::{Answers, AnswersDocument};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::autosave::Autosave;
use crate::route::{CurrentScreen, Screen};
use crate::state::AppState;

/// The embedding context, provided by [`provide`]. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct Embed {
    /// The validated configuration (branding, CTA, origin, prefill).
    pub config: RwSignal<EmbedConfig>,
    /// Whether messages are posted to a parent window (framed, or `embed` configured).
    embedded: StoredValue<bool>,
}

impl Embed {
    /// Tells the host the CTA was followed.
    pub fn cta_clicked(self, href: String) {
        self.post(&Message::CtaClicked { href });
    }

    /// Posts messages from now on, and lays the page out as a widget (`<html data-embed>`).
    fn mark_embedded(self, embedded: bool) {
        if embedded {
            self.embedded.set_value(true);
            if let Some(root) = document().document_element() {
                _ = root.set_attribute("data-embed", "");
            }
        }
    }

    fn post(self, message: &Message) {
        if !self.embedded.get_value() {
            return;
        }
        let Some(parent) = parent_window() else {
            return;
        };
        let Some(target) = self
            .config
            .with_untracked(|c| message.target(c.origin.as_deref()).map(str::to_owned))
        else {
            return;
        };
        if let Ok(data) = js_sys::JSON::parse(&message.to_json().to_string()) {
            // A wrong origin makes postMessage drop the message (and may throw): nothing to do.
            _ = parent.post_message(&data, &target);
        }
    }
}

/// The parent window when this page is framed (`None` at the top level).
fn parent_window() -> Option<web_sys::Window> {
    let parent = window().parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window())).then_some(parent)
}

/// Reads the configuration, applies branding, and (when embedded) starts talking to the host.
pub fn provide(state: AppState, autosave: Autosave, screen: CurrentScreen) -> Embed {
    let query = window().location().search().unwrap_or_default();
    let first = embed_config::resolve(state.catalog, None, &query);
    let embed = Embed {
        config: RwSignal::new(first.config),
        embedded: StoredValue::new(false),
    };
    provide_context(embed);
    let root = document().document_element();
    embed.mark_embedded(parent_window().is_some() || embed.config.with_untracked(|c| c.embed));
    // Now, before the first frame (no flash of the default colour), and again on every change.
    embed.config.with_untracked(apply_branding);
    Effect::new(move || embed.config.with(apply_branding));

    let served = window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "http:" || p == "https:");
    let offline = root.is_some_and(|r| r.get_attribute("data-build").is_some());
    if served && !offline {
        // The effects `start` creates belong to the app, not to this task.
        let owner = Owner::current();
        let language = use_context::<crate::language::Language>();
        leptos::task::spawn_local(async move {
            let file = fetch_text("carryover.config.json").await;
            let resolved = embed_config::resolve(state.catalog, file.as_deref(), &query);
            warn_all(state, &resolved.problems);
            if resolved.config.embed {
                embed.mark_embedded(true);
            }
            if let Some(language) = language {
                language.configured(resolved.config.lang);
            }
            embed.config.set(resolved.config);
            let start = move || embed.start(state, autosave, screen);
            match owner {
                Some(owner) => owner.with(start),
                None => start(),
            }
        });
    } else {
        warn_all(state, &first.problems);
        embed.start(state, autosave, screen);
    }
    embed
}

/// Each problem in the site owner's configuration, worded through the locale, on the console.
fn warn_all(state: AppState, problems: &[embed_config::ConfigProblem]) {
    for problem in problems {
        let words = Wording::new("embed.console", &[]).with_words("problem", problem.wording());
        leptos::logging::warn!("{}", state.catalog.word(state.locale, &words));
    }
}

/// The text of a file next to index.html, if it is there (any failure is "not there").
async fn fetch_text(path: &str) -> Option<String> {
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(path))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

fn apply_branding(config: &EmbedConfig) {
    let Some(root) = document()
        .document_element()
        .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    match &config.theme {
        Some(theme) => {
            _ = root.set_attribute("data-brand", "");
            for (name, value) in theme.css_properties() {
                _ = style.set_property(name, &value);
            }
        }
        None => _ = root.remove_attribute("data-brand"),
    }
}

impl Embed {
    /// Prefill on entering the questionnaire, and the host messages.
    fn start(self, state: AppState, autosave: Autosave, screen: CurrentScreen) {
        // The answers as they were right after prefilling: `started` waits for a change from them.
        let baseline = StoredValue::new(None::<Answers>);
        let prefill = move || {
            let prefill = self.config.with_untracked(|c| c.prefill.clone());
            if prefill.is_empty() {
                return;
            }
            // Through autosave, the answers' one writer (it saves too).
            if autosave.prefill(prefill) {
                baseline.set_value(Some(state.answers.get_untracked()));
            }
        };
        if matches!(screen.get_untracked(), Screen::Section(_)) {
            prefill();
        }
        let sent_sections = StoredValue::new(BTreeSet::<usize>::new());
        Effect::watch(
            move || screen.get(),
            move |now, before, _| {
                if let (Some(Screen::Start) | None, Screen::Section(_)) = (before, now) {
                    prefill();
                }
                if let Some(Screen::Section(left)) = before {
                    let forward = match now {
                        Screen::Section(to) => to > left,
                        Screen::Results | Screen::Tasks | Screen::Register => true,
                        Screen::Start => false,
                    };
                    let first_time = sent_sections.try_update_value(|s| s.insert(*left));
                    if forward
                        && first_time == Some(true)
                        && let Some(section) = state.catalog.sections.get(*left)
                    {
                        self.post(&Message::SectionCompleted {
                            section: section.id.clone(),
                            index: *left,
                        });
                    }
                }
                // No result without answers: nothing is `completed` before a score is shown.
                if *now == Screen::Results
                    && state.assessment.with_untracked(|a| a.missing.complete())
                {
                    self.post(&self.completed(state));
                }
            },
            false,
        );

        let started = StoredValue::new(false);
        Effect::watch(
            move || state.answers.get(),
            move |answers, _, _| {
                let from_prefill = baseline.with_value(|b| b.as_ref() == Some(answers));
                if !started.get_value() && !from_prefill && !answers.is_empty() {
                    started.set_value(true);
                    self.post(&Message::Started);
                }
            },
            false,
        );

        if !self.embedded.get_value() {
            return;
        }
        self.post(&Message::Ready);
        self.observe_height();
        self.listen_to_host();
    }

    fn completed(self, state: AppState) -> Message {
        let summary = state.assessment.with_untracked(Summary::of);
        let answers = self
            .config
            .with_untracked(|c| c.include_answers)
            .then(|| {
                let document = AnswersDocument::new(state.answers.get_untracked());
                serde_json::from_str::<serde_json::Value>(&document.to_json(state.catalog))
                    .ok()
                    .and_then(|mut v| v.get_mut("answers").map(serde_json::Value::take))
            })
            .flatten();
        // The year-one budget, only when the site owner opted in and money is shown.
        let budget = self
            .config
            .with_untracked(|c| c.budget.in_message && !c.budget.hidden)
            .then(|| {
                let defaults = carryover_engine::budget::builtin().ok()?;
                let settings = self.config.with_untracked(|c| {
                    carryover_engine::budget::BudgetSettings::with(&defaults.settings, &c.budget)
                });
                Some(Box::new(state.assessment.with_untracked(|a| {
                    carryover_engine::budget::budget(&a.effort, &settings)
                })))
            })
            .flatten();
        Message::Completed {
            summary,
            answers,
            budget,
        }
    }

    fn observe_height(self) {
        let Some(body) = document().body() else {
            return;
        };
        let last = StoredValue::new(0_u32);
        let measure = move || {
            let Some(body) = document().body() else {
                return;
            };
            let height = body.get_bounding_client_rect().height().ceil() as u32;
            if height != last.get_value() {
                last.set_value(height);
                self.post(&Message::Height(height));
            }
        };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&body);
        }
        // The observer lives as long as the page.
        callback.forget();
    }

    fn listen_to_host(self) {
        let listener = window_event_listener(leptos::ev::message, move |event| {
            let expected = self.config.with_untracked(|c| c.origin.clone());
            let Some(expected) = expected else {
                return;
            };
            let from_parent = match (event.source(), parent_window()) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            if event.origin() != expected || !from_parent {
                return;
            }
            let data = js_sys::JSON::stringify(&event.data())
                .ok()
                .and_then(|s| s.as_string())
                .and_then(|s| serde_json::from_str(&s).ok());
            match data.as_ref().and_then(HostMessage::parse) {
                Some(HostMessage::Ping) => {
                    self.post(&Message::Pong);
                    if let Some(body) = document().body() {
                        let height = body.get_bounding_client_rect().height().ceil() as u32;
                        self.post(&Message::Height(height));
                    }
                }
                None => {}
            }
        });
        // Lives as long as the page.
        std::mem::forget(listener);
    }
}
