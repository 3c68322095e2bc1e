//! Which language the app speaks, and the switch between languages.
//!
//! The first of these decides: `lang=` in the page URL; `"lang"` in `carryover.config.json` (read
//! after start, so it applies once the file has arrived, unless the person switched already);
//! `host_lang=`, which the embed snippet sets from its `data-lang`; the browser's languages
//! (`navigator.languages`); English. `public/lang.js` makes the same choice (without the config
//! file, which it cannot wait for) before the skeleton's first paint, so a French page is French
//! from its first paint.
//!
//! Switching changes a signal: the screens are rebuilt in the new language around the same answers
//! and the same screen (the app state is shared; only the catalog's texts differ), the scroll
//! position is put back, `<html lang>` and the title follow, and the URL's query records the
//! choice (`history.replaceState`, where the browser allows it) so a reload keeps it.

use carryover_engine::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::AppState;

/// The language context, provided by [`provide`]. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct Language {
    /// The language shown.
    pub lang: RwSignal<Lang>,
    /// Whether the URL or the person chose it (then the config file does not change it).
    chosen: StoredValue<bool>,
    /// The reading position to put back once the screen is rebuilt after a switch.
    scrolled: StoredValue<Option<f64>>,
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

/// Chooses the first language (see the module docs) and provides the [`Language`] context.
pub fn provide() -> Language {
    let from_url = query_param("lang").and_then(|l| Lang::parse(&l));
    let lang = from_url
        .or_else(|| query_param("host_lang").and_then(|l| Lang::parse(&l)))
        .unwrap_or_else(|| Lang::negotiate(browser_languages().iter().map(String::as_str)));
    let language = Language {
        lang: RwSignal::new(lang),
        chosen: StoredValue::new(from_url.is_some()),
        scrolled: StoredValue::new(None),
    };
    provide_context(language);
    Effect::new(move || mark_document(language.lang.get()));
    language
}

impl Language {
    /// The site owner's `"lang"` from `carryover.config.json`: applies unless the URL or the
    /// person chose a language.
    pub fn configured(self, lang: Option<Lang>) {
        if let Some(lang) = lang
            && !self.chosen.get_value()
            && self.lang.get_untracked() != lang
        {
            self.lang.set(lang);
        }
    }

    /// The person's choice: shows `lang` and records it in the URL.
    pub fn switch(self, lang: Lang) {
        self.chosen.set_value(true);
        if self.lang.get_untracked() == lang {
            return;
        }
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
    view! {
        <nav class="lang-switch" aria-label=state.text("lang.label")>
            {links}
        </nav>
    }
}
