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
pub mod route;
pub mod state;
pub mod storage;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Replaces the static skeleton in `#app` (index.html) with the live app.
///
/// The skeleton has the same markup and classes as the start page, so swapping it in the same
/// task causes no visible change or layout shift. Without an `#app` element the app mounts on
/// `<body>` instead.
pub fn start() {
    console_error_panic_hook::set_once();
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, app::App).forget();
        }
        None => leptos::mount::mount_to_body(app::App),
    }
}
