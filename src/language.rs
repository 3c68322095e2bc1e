//! Which language the app speaks, and the switch between languages.
//!
//! The first of these decides: `lang=` in the page URL; `"lang"` in `carryover.config.json` (read
//! after start, so it applies once the file has arrived, unless the person switched already);
//! `host_lang=`, which the embed snippet sets from its `data-lang`; the browser's languages
//! (`navigator.languages`); English. `public/lang.js` makes the same choice (without the config
//! file, which it cannot wait for) before the skeleton's first paint, so a French page's skeleton
//! is French from its first paint (and the app too, unless the French texts fail or stall: see
//! below).
//!
//! Switching changes a signal: the screens are rebuilt in the new language around the same answers
//! and the same screen (the app state is shared; only the catalog's texts differ), the scroll
//! position is put back, `<html lang>` and the title follow, and the URL's query records the
//! choice (`history.replaceState`, where the browser allows it) so a reload keeps it.
//!
//! Only English is in the wasm: every other language's texts are a file of their own
//! (`scripts/lib/build-lang.mjs`; inside the offline file), which [`fetch`] gets through
//! `window.carryoverLanguage(id)` (defined by `public/lang.js`, which starts the download for a
//! page it chose another language for before the wasm arrives) and installs in the engine. A page
//! that starts in another language waits for it before mounting (`crate::start`); a switch or the
//! config file's `"lang"` fetches, then shows the language; meanwhile the switch says it is
//! loading, and on failure it says why and stays in the current language (the next click tries
//! again). The bytes stay here for the take-away module ([`held_parts`]). Progress is on
//! `<html data-lang-load="loading|ready|failed">` for tests.

use std::cell::RefCell;
use std::rc::Rc;

use carryover_engine::Lang;
use carryover_engine::model::text::fill;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::AppState;

/// The reason shown when a language's file could not be had at all.
const UNAVAILABLE: &str = "lang.error.unavailable";
/// The reason shown when a page in that language stopped waiting for the file (`crate::start`).
const SLOW: &str = "lang.error.slow";

thread_local! {
    /// Each language's part as downloaded and installed (handed to the take-away module).
    static PARTS: RefCell<Vec<(Lang, Rc<[u8]>)>> = const { RefCell::new(Vec::new()) };
    /// The last language that could not be loaded, and the locale key of why.
    static LAST_FAILURE: RefCell<Option<(Lang, String)>> = const { RefCell::new(None) };
}

/// The language context, provided by [`provide`]. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct Language {
    /// The language shown.
    pub lang: RwSignal<Lang>,
    /// Whether the URL or the person chose it (then the config file does not change it).
    chosen: StoredValue<bool>,
    /// The reading position to put back once the screen is rebuilt after a switch.
    scrolled: StoredValue<Option<f64>>,
    /// The language being downloaded for a switch, if any.
    loading: RwSignal<Option<Lang>>,
    /// The language that could not be loaded last, and the locale key of why.
    failed: RwSignal<Option<(Lang, String)>>,
}

/// A URL query parameter of this page.
fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let mut out: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if out.is_empty()
        && let Some(l) = navigator.language()
    {
        out.push(l);
    }
    out
}

/// The language the page asks for before the config file is read: `lang=`, `host_lang=`, the
/// browser's languages, English.
pub fn initial() -> Lang {
    query_param("lang")
        .and_then(|l| Lang::parse(&l))
        .or_else(|| query_param("host_lang").and_then(|l| Lang::parse(&l)))
        .unwrap_or_else(|| Lang::negotiate(browser_languages().iter().map(String::as_str)))
}

/// Chooses the first language (see the module docs) and provides the [`Language`] context: the
/// language [`initial`] asks for if its texts are here (`crate::start` fetched them), else
/// English, with the failure shown by the switch.
pub fn provide() -> Language {
    let from_url = query_param("lang").and_then(|l| Lang::parse(&l));
    let wanted = initial();
    let (lang, failed) = if carryover_engine::lang::available(wanted) {
        (wanted, None)
    } else {
        let reason = LAST_FAILURE
            .with(|f| f.borrow().clone())
            .filter(|(l, _)| *l == wanted)
            .map_or_else(|| UNAVAILABLE.to_owned(), |(_, reason)| reason);
        (Lang::En, Some((wanted, reason)))
    };
    let language = Language {
        lang: RwSignal::new(lang),
        chosen: StoredValue::new(from_url.is_some()),
        scrolled: StoredValue::new(None),
        loading: RwSignal::new(None),
        failed: RwSignal::new(failed),
    };
    provide_context(language);
    Effect::new(move || mark_document(language.lang.get()));
    // Mounted in English because the texts were slow (`crate::start`): the download goes on, and
    // once it is through the note would be false, so it goes (the switch then shows the language
    // at once). The page stays in English: the person may be reading it by then.
    if language
        .failed
        .get_untracked()
        .is_some_and(|(_, reason)| reason == SLOW)
    {
        leptos::task::spawn_local(async move {
            if fetch(wanted).await.is_ok() {
                language.failed.update(|failed| {
                    if failed.as_ref().is_some_and(|(_, reason)| reason == SLOW) {
                        *failed = None;
                    }
                });
            }
        });
    }
    language
}

impl Language {
    /// The site owner's `"lang"` from `carryover.config.json`: applies (once its texts are here)
    /// unless the URL or the person chose a language.
    pub fn configured(self, lang: Option<Lang>) {
        if let Some(lang) = lang
            && !self.chosen.get_value()
            && self.lang.get_untracked() != lang
        {
            leptos::task::spawn_local(async move {
                match fetch(lang).await {
                    Ok(()) if !self.chosen.get_value() => {
                        self.failed.set(None);
                        self.lang.set(lang);
                    }
                    Ok(()) => {}
                    Err(reason) => self.failed.set(Some((lang, reason))),
                }
            });
        }
    }

    /// The person's choice: shows `lang` (once its texts are here; meanwhile the switch says it
    /// is loading, and a click changes nothing) and records it in the URL. If they cannot be had,
    /// the switch says why and the page stays as it is; the next click tries again.
    pub fn switch(self, lang: Lang) {
        self.chosen.set_value(true);
        if self.lang.get_untracked() == lang || self.loading.get_untracked().is_some() {
            return;
        }
        self.failed.set(None);
        if carryover_engine::lang::available(lang) {
            self.show(lang);
            return;
        }
        self.loading.set(Some(lang));
        leptos::task::spawn_local(async move {
            let result = fetch(lang).await;
            self.loading.set(None);
            match result {
                Ok(()) => self.show(lang),
                Err(reason) => self.failed.set(Some((lang, reason))),
            }
        });
    }

    /// Shows `lang`, keeping the reading position, and records it in the URL.
    fn show(self, lang: Lang) {
        self.scrolled
            .set_value(Some(window().scroll_y().unwrap_or_default()));
        self.lang.set(lang);
        remember_in_url(lang);
    }

    /// Called as the screens are rebuilt in a new language: after a switch, puts the reading
    /// position back and the focus on the switch, in the frame after the new screen is in place.
    pub fn rebuilt(self) {
        let Some(scrolled) = self.scrolled.get_value() else {
            return;
        };
        self.scrolled.set_value(None);
        request_animation_frame(move || {
            restore(scrolled, 10);
            if let Some(link) = document()
                .query_selector(".lang-switch a")
                .ok()
                .flatten()
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                _ = link.focus_with_options(&options);
            }
        });
    }
}

/// Scrolls back to `y`, trying again in the next frames (at most `tries`) while the rebuilt page
/// is not yet tall enough to get there.
fn restore(y: f64, tries: u32) {
    window().scroll_to_with_x_and_y(0.0, y);
    let there = window().scroll_y().is_ok_and(|now| (now - y).abs() < 1.0);
    if !there && tries > 0 {
        request_animation_frame(move || restore(y, tries - 1));
    }
}

/// Gets `lang`'s texts (unless they are here already) through `window.carryoverLanguage(id)` and
/// installs them in the engine. On failure, the locale key of why (`lang.error.*`).
pub async fn fetch(lang: Lang) -> Result<(), String> {
    if carryover_engine::lang::available(lang) {
        return Ok(());
    }
    mark_loading("loading");
    let result = download(lang).await.and_then(|bytes| {
        // Two callers may have waited on the same download (a slow start, the config file, a
        // click): the first installs it and keeps its bytes, the others find it there.
        if carryover_engine::lang::available(lang) {
            return Ok(());
        }
        carryover_engine::lang::install_part(lang, &bytes).map_err(|e| e.key().to_owned())?;
        PARTS.with(|p| p.borrow_mut().push((lang, bytes.into())));
        Ok(())
    });
    match &result {
        Ok(()) => mark_loading("ready"),
        Err(reason) => {
            leptos::logging::warn!("{}: {reason}", lang.id());
            LAST_FAILURE.with(|f| *f.borrow_mut() = Some((lang, reason.clone())));
            mark_loading("failed");
        }
    }
    result
}

/// The page gives up waiting for `lang`'s texts before mounting (`crate::start`): unless they
/// arrived meanwhile or failed for a reason of their own, the switch will say they are slow. The
/// download goes on; choosing the language again waits for it.
pub fn waited_too_long(lang: Lang) {
    if carryover_engine::lang::available(lang) {
        return;
    }
    LAST_FAILURE.with(|f| {
        let mut failure = f.borrow_mut();
        if failure.as_ref().is_none_or(|(l, _)| *l != lang) {
            *failure = Some((lang, SLOW.to_owned()));
        }
    });
}

/// The bytes of `lang`'s part, from the page's `window.carryoverLanguage(id)`.
async fn download(lang: Lang) -> Result<Vec<u8>, String> {
    let request = || -> Result<Promise, JsValue> {
        let get: Function = Reflect::get(&window(), &"carryoverLanguage".into())?.dyn_into()?;
        get.call1(&JsValue::NULL, &lang.id().into())?.dyn_into()
    };
    let bytes = match request() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(error) => Err(error),
    };
    bytes
        .map(|b| Uint8Array::new(&b).to_vec())
        .map_err(|error| {
            leptos::logging::warn!("{}", crate::storage::describe(&error));
            UNAVAILABLE.to_owned()
        })
}

/// The language parts this page downloaded and installed, for the take-away module.
pub fn held_parts() -> Vec<(Lang, Rc<[u8]>)> {
    PARTS.with(|p| p.borrow().clone())
}

fn mark_loading(state: &str) {
    if let Some(root) = document().document_element() {
        _ = root.set_attribute("data-lang-load", state);
    }
}

/// `<html lang>` and the document title in `lang`.
fn mark_document(lang: Lang) {
    if let Some(root) = document().document_element() {
        _ = root.set_attribute("lang", lang.id());
    }
    if let Ok(catalog) = carryover_engine::Catalog::builtin_in(lang) {
        document().set_title(&format!(
            "{}: {}",
            catalog.text(lang.id(), "app.name"),
            catalog.text(lang.id(), "ui.start.eyebrow")
        ));
    }
}

/// `?lang=<id>` in the URL, the rest of the query and the fragment kept (best effort: a
/// sandboxed `file://` frame may not change its URL).
fn remember_in_url(lang: Lang) {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    params.set("lang", lang.id());
    let query: String = params.to_string().into();
    if let Ok(history) = window().history() {
        _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("?{query}{hash}")));
    }
}

/// The language links: each other language, named in its own language (`lang.name` of that
/// language) and marked with its `lang`, inside a navigation landmark named in the current one.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = expect_context::<Language>();
    let current = state.lang();
    let links = Lang::ALL
        .into_iter()
        .filter(move |l| *l != current)
        .map(|other| {
            let name = state.catalog.text(other.id(), "lang.name").to_owned();
            view! {
                <a
                    href=format!("?lang={}", other.id())
                    hreflang=other.id()
                    lang=other.id()
                    on:click=move |ev: leptos::ev::MouseEvent| {
                        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
                            ev.prevent_default();
                            language.switch(other);
                        }
                    }
                >
                    {name}
                </a>
            }
        })
        .collect_view();
    let called = move |lang: Lang| state.text(&format!("lang.called.{}", lang.id()));
    let note = move || {
        if let Some(lang) = language.loading.get() {
            let text = fill(&state.text("lang.loading"), &[("language", &called(lang))]);
            Some(view! { <span class="lang-note" role="status">{text}</span> }.into_any())
        } else {
            language.failed.get().map(|(lang, reason)| {
                let text = fill(
                    &state.text("lang.failed"),
                    &[
                        ("language", &called(lang)),
                        ("reason", &state.text(&reason)),
                    ],
                );
                // Over the page (fixed on a phone): the person can put it away without switching.
                view! {
                    <span class="lang-note lang-problem" role="alert">
                        <span>{text}</span>
                        <button
                            type="button"
                            class="button button-small"
                            on:click=move |_| language.failed.set(None)
                        >
                            {state.text("ui.notice.dismiss")}
                        </button>
                    </span>
                }
                .into_any()
            })
        }
    };
    view! {
        <nav
            class="lang-switch"
            aria-label=state.text("lang.label")
            aria-busy=move || language.loading.get().map(|_| "true")
        >
            {links}
            {note}
        </nav>
    }
}
