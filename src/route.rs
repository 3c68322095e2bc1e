//! Which screen is showing. A signal is the source of truth; the URL fragment (`#start`,
//! `#q/<section id>`, `#register`, `#results`, `#tasks`) mirrors it wherever the browser allows, so reload and the Back
//! button work. Sections are named by their content id, so a saved link survives reordering.
//!
//! Screens link to each other with real `<a href="#…">` elements ([`ScreenLink`]), which is why the
//! static skeleton's Start link works before the wasm has loaded. Once the app runs, a click
//! changes the signal and then records the fragment with `history.pushState`. It does not rely on
//! the browser following the link: in a sandboxed `file://` iframe Chromium refuses even a
//! fragment navigation ("Not allowed to load local resource"), and the app must still work there.
//!
//! A share link's fragment, `#share=v1.…`, is recognised here too: it shows the results and hands
//! the encoded answers to [`PendingShare`] for the share opener to decode (it never names a
//! screen of its own), which then puts `#results` in its place with `history.replaceState`.
//!
//! [`ScreenLink`]: crate::components::screen_link::ScreenLink

use carryover_engine::Catalog;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// A screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start page: what the scorecard does, Start (or Resume / Start over).
    Start,
    /// One questionnaire section, by index into `Catalog::sections`.
    Section(usize),
    /// The results.
    Results,
    /// The task plan (owners and review cadences), a view of its own next to the results.
    Tasks,
    /// The optional AI system register, after the intake (issue 16).
    Register,
}

impl Screen {
    /// The screen a URL fragment (with or without the leading `#`) names; anything unknown is the
    /// start page. `#question` (the first release's link) is the first section.
    pub fn from_fragment(catalog: &Catalog, fragment: &str) -> Self {
        if share_payload(fragment).is_some() {
            return Screen::Results;
        }
        match fragment.trim_start_matches('#') {
            "question" => Screen::Section(0),
            "results" => Screen::Results,
            "tasks" => Screen::Tasks,
            "register" => Screen::Register,
            other => other
                .strip_prefix("q/")
                .and_then(|id| catalog.sections.iter().position(|s| s.id == id))
                .map_or(Screen::Start, Screen::Section),
        }
    }

    /// The `href` that shows this screen.
    pub fn href(self, catalog: &Catalog) -> String {
        match self {
            Screen::Start => "#start".to_owned(),
            Screen::Section(i) => match catalog.sections.get(i) {
                Some(section) => format!("#q/{}", section.id),
                None => "#start".to_owned(),
            },
            Screen::Results => "#results".to_owned(),
            Screen::Tasks => "#tasks".to_owned(),
            Screen::Register => "#register".to_owned(),
        }
    }
}

/// The current screen, shared by context (see [`provide_current_screen`]). A newtype, so the
/// context key is its own type, never a bare signal type another context could share; it reads
/// and writes like the signal inside.
#[derive(Clone, Copy)]
pub struct CurrentScreen(pub RwSignal<Screen>);

impl std::ops::Deref for CurrentScreen {
    type Target = RwSignal<Screen>;
    fn deref(&self) -> &RwSignal<Screen> {
        &self.0
    }
}

/// The encoded answers of a share link that arrived and is not handled yet, shared by context
/// (a newtype, like [`CurrentScreen`]).
#[derive(Clone, Copy)]
pub struct PendingShare(pub RwSignal<Option<String>>);

impl std::ops::Deref for PendingShare {
    type Target = RwSignal<Option<String>>;
    fn deref(&self) -> &RwSignal<Option<String>> {
        &self.0
    }
}

/// What marks a share link's fragment.
const SHARE_PREFIX: &str = "share=";

/// The encoded answers in a share link's fragment (`#share=<payload>`), if it is one.
pub fn share_payload(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').strip_prefix(SHARE_PREFIX)
}

/// The share link for an encoded payload: this page's URL without its fragment, then
/// `#share=<payload>`.
pub fn share_href(payload: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split_once('#').map_or(href.as_str(), |(base, _)| base);
    format!("{base}#{SHARE_PREFIX}{payload}")
}

/// Puts `#results` in place of a share link's fragment without adding a history entry, so a
/// reload or Back does not open the link again. Best effort, like [`go`].
pub fn replace_share_fragment(catalog: &Catalog) {
    if let Ok(history) = window().history() {
        _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&Screen::Results.href(catalog)),
        );
    }
}

/// Creates the current-screen signal from the URL fragment, keeps it in step with Back/Forward
/// and hand-edited fragments for the life of the page, and provides it as context, with the
/// [`PendingShare`] a share link's fragment fills.
pub fn provide_current_screen(catalog: &'static Catalog) -> CurrentScreen {
    let pending = PendingShare(RwSignal::new(None));
    let from_url = move || {
        let hash = location_hash().unwrap_or_default();
        if let Some(payload) = share_payload(&hash) {
            pending.set(Some(payload.to_owned()));
        }
        Screen::from_fragment(catalog, &hash)
    };
    let current = CurrentScreen(RwSignal::new(from_url()));
    let follow_url = move || {
        let screen = from_url();
        if current.get_untracked() != screen {
            current.set(screen);
        }
    };
    // The app lives as long as the page, so the listeners are never removed.
    let _popstate = window_event_listener(leptos::ev::popstate, move |_| follow_url());
    let _hashchange = window_event_listener(leptos::ev::hashchange, move |_| follow_url());
    provide_context::<CurrentScreen>(current);
    provide_context::<PendingShare>(pending);
    current
}

/// Shows `to`, and records it in the URL and history if the browser allows that.
pub fn go(catalog: &Catalog, current: CurrentScreen, to: Screen) {
    if current.get_untracked() == to {
        return;
    }
    current.set(to);
    // Best effort: pushState throws where the document may not change its URL (for example an
    // opaque-origin file:// frame). The screen has changed either way.
    if let Ok(history) = window().history() {
        _ = history.push_state_with_url(&JsValue::NULL, "", Some(&to.href(catalog)));
    }
}
