//! Carryover's web app: a thin Leptos (client-side rendered) shell around `carryover-engine`.
//!
//! The app owns presentation only: components (one per file under [`components`]), which screen
//! shows ([`route`]), the browser's storage ([`storage`], the only module that touches it) and the
//! host page when embedded ([`embed`], the only module that touches `window.parent`), and files
//! handed to the user ([`download`]). Scores and
//! estimates come from the engine; a view never computes one. See ARCHITECTURE.md.

pub mod app;
pub mod autosave;
pub mod charts;
pub mod components;
pub mod download;
pub mod embed;
pub mod language;
pub mod revisit;
pub mod route;
pub mod state;
pub mod storage;
pub mod takeaway;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use carryover_engine::Catalog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The content, loaded and validated natively by `build.rs` and encoded as the engine's compact
/// bundle: the wasm only decodes it (no content JSON, no deserializer, no validator). English
/// only: every other language is a part of its own, downloaded when chosen ([`language`]).
pub static CONTENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

/// Hands [`CONTENT`] to the engine, which decodes it on first use. Must run before anything reads
/// content; [`start`] calls it first, and tests call it too (calling it again changes nothing).
pub fn install_content() {
    carryover_engine::content::bundle::install(CONTENT);
}

/// Replaces the static skeleton in `#app` (index.html) with the live app.
///
/// The skeleton has the same markup and classes as the start page, so swapping it causes no
/// visible change or layout shift. Without an `#app` element the app mounts on `<body>` instead.
///
/// Booting is split into short tasks, so the page stays responsive while the wasm starts (on a
/// phone four times slower than a desktop, 12 ms here is a 50 ms long task), and waits until the
/// browser has painted the skeleton: the compiled catalog is decoded; the smaller content parts are
/// decoded and the browser's storage area opened (its first use costs milliseconds); the saved
/// answers are read ([`app::load`]); the app's state is set up ([`app::setup`]); then the screens
/// are built and mounted ([`app::screens`]). A page in another language than English first waits
/// for that language's texts ([`language::fetch`]; `lang.js` started the download already), so
/// its first screen is in that language; if they cannot be had, it mounts in English and the
/// language switch says why.
/// Waiting for that first paint matters to how the page is measured, too: when the skeleton's
/// text is replaced before its paint is recorded, the browser reports the app's identical text,
/// painted later, as the largest contentful paint.
pub fn start() {
    console_error_panic_hook::set_once();
    install_content();
    let first = language::initial();
    after_first_paint(move || {
        decode_content();
        next_task(move || {
            decode_small_parts();
            storage::warm_up();
            if carryover_engine::lang::available(first) {
                next_task(mount);
            } else {
                // Mounts once: when the texts arrive (or fail), or after LANGUAGE_WAIT in
                // English, saying why, if the download stalls (the next choice of the language
                // waits on the same download).
                let mounted = Rc::new(Cell::new(false));
                let mount_once = move || {
                    if !mounted.replace(true) {
                        next_task(mount);
                    }
                };
                let on_arrival = mount_once.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    _ = language::fetch(first).await;
                    on_arrival();
                });
                set_timeout(
                    move || {
                        language::waited_too_long(first);
                        mount_once();
                    },
                    LANGUAGE_WAIT,
                );
            }
        });
    });
}

/// Decodes the catalog now (it is cached for the life of the page), between the performance
/// marks `carryover:content-start` and `carryover:content-ready` (measure
/// `carryover:content-decode`), so tests and `scripts/bench` can read how long it takes.
fn decode_content() {
    let performance = window().performance();
    if let Some(p) = &performance {
        _ = p.mark("carryover:content-start");
    }
    if let Err(errors) = Catalog::builtin() {
        leptos::logging::error!("{errors}");
    }
    if let Some(p) = &performance {
        _ = p.mark("carryover:content-ready");
        _ = p.measure_with_start_mark_and_end_mark(
            "carryover:content-decode",
            "carryover:content-start",
            "carryover:content-ready",
        );
    }
}

/// Decodes the register rules and the budget defaults (small; cached like the catalog).
fn decode_small_parts() {
    _ = carryover_engine::triage::Rules::builtin();
    _ = carryover_engine::budget::builtin();
}

/// Mounts the app in three tasks ([`app::load`], [`app::setup`], [`app::screens`]), the first
/// two in one reactive owner, the screens in an owner under it (they read its contexts). All of
/// it lives as long as the page.
fn mount() {
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(target) = root.clone().or_else(|| document().body()) else {
        return;
    };
    // `mount_to` starts the executor the effects need; the first two steps show nothing.
    let made = Rc::new(Cell::new(None));
    let out = Rc::clone(&made);
    leptos::mount::mount_to(target.clone(), move || {
        out.set(Some((Owner::current(), app::load())));
    })
    .forget();
    let Some((Some(owner), stored)) = made.take() else {
        return;
    };
    next_task(move || {
        let shell = owner.with(|| app::setup(stored));
        next_task(move || {
            if let Some(root) = &root {
                root.set_inner_html("");
            }
            owner.with(|| leptos::mount::mount_to(target, move || app::screens(shell)).forget());
            // Tells tests and host pages that the app (not only the wasm) is running.
            if let Some(html) = document().document_element() {
                _ = html.set_attribute("data-app", "mounted");
            }
        });
    });
}

/// Runs `then` in a later task, letting the browser paint and handle input in between.
fn next_task(then: impl FnOnce() + 'static) {
    set_timeout(then, Duration::ZERO);
}

/// Runs `then` once the page's first contentful paint has been recorded, or once the page is
/// [`FIRST_PAINT_WAIT`] old (a hidden page, or a browser without paint timing, never records
/// one). Polls with timers rather than animation frames, which hidden pages and off-screen frames
/// do not get. index.html's `lang.js` already starts the wasm after that paint (or half a second
/// after the document was parsed), so this rarely waits; it still keeps a page without that
/// script from replacing the skeleton before its paint.
fn after_first_paint(then: impl FnOnce() + 'static) {
    fn painted() -> bool {
        window().performance().is_none_or(|performance| {
            performance
                .get_entries_by_name("first-contentful-paint")
                .length()
                > 0
        })
    }
    fn waited_enough() -> bool {
        window()
            .performance()
            .is_none_or(|performance| performance.now() >= FIRST_PAINT_WAIT.as_secs_f64() * 1000.0)
    }
    fn poll(then: Box<dyn FnOnce()>) {
        if painted() || waited_enough() {
            next_task(then);
        } else {
            set_timeout(move || poll(then), POLL);
        }
    }
    poll(Box::new(then));
}

/// Longest wait, from the start of navigation, for the skeleton's first paint before mounting
/// anyway.
const FIRST_PAINT_WAIT: Duration = Duration::from_millis(500);
/// Longest wait for another language's texts before a page that asked for that language mounts in
/// English. An assumption, not a measurement: the French file (≈ 58 KB brotli) takes about half a
/// second on Lighthouse's slow 4G and about 2 s at 250 kbit/s; 8 s is a download that has stalled.
const LANGUAGE_WAIT: Duration = Duration::from_secs(8);
/// How often [`after_first_paint`] looks.
const POLL: Duration = Duration::from_millis(8);

// Kept last: the wording test reads this file only up to its first `#[cfg(test)]`.
/// [`install_content`] and every other language's part too, as `build.rs` made them (native
/// tests only: the app downloads a language when it is chosen).
#[cfg(test)]
pub fn install_every_language() {
    install_content();
    let parts: [(carryover_engine::Lang, &[u8]); 1] = [(
        carryover_engine::Lang::Fr,
        include_bytes!(concat!(env!("OUT_DIR"), "/lang-fr.bin")),
    )];
    for (lang, bytes) in parts {
        if let Err(error) = carryover_engine::lang::install_part(lang, bytes) {
            panic!("{}: {}", lang.id(), error.key());
        }
    }
}
