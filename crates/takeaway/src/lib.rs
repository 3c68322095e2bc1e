//! Carryover's take-away module: the second wasm module of the web app.
//!
//! The app's first module carries what a visitor needs to answer and read the results; the file
//! writers (the report as HTML, Markdown and print view, the Statement of Applicability, the task
//! plan as CSV and calendar, the AI system register and the share-link encoder) are only used at
//! the end of a visit, so they are built here, separately, and fetched when the results are on
//! screen (`src/takeaway.rs` in the app; `scripts/lib/build-takeaway.mjs` builds and names the
//! files, and the offline builder embeds them).
//!
//! The whole interface is three functions, so the app needs no bindings generated from this crate:
//! [`install`] hands over the compiled content the app already holds (the bundle is not
//! downloaded twice), [`install_lang`] a language's part the app has downloaded, and [`make`]
//! runs one [`Job`] — everything a file is made from, as JSON — through the engine's
//! [`takeaway::make`]. The engine recomputes the assessment from the answers
//! file, with the same function the app uses, so a file never disagrees with the screen.

use carryover_engine::Lang;
use carryover_engine::export::takeaway::{self, Job};
use carryover_engine::lang::PartError;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;

/// Takes the content bundle (the app's `CONTENT`, as bytes). The first call installs it for the
/// life of the page; later calls change nothing. Returns whether this call installed it.
#[wasm_bindgen]
pub fn install(bundle: &[u8]) -> bool {
    static TAKEN: AtomicBool = AtomicBool::new(false);
    if TAKEN.swap(true, Ordering::Relaxed) {
        return false;
    }
    // Kept for the life of the page, like the app's own copy.
    carryover_engine::content::bundle::install(Box::leak(bundle.to_vec().into_boxed_slice()))
}

/// Takes a language's part (`lang`: its id, `fr`), as the app downloaded it, after [`install`]:
/// files in that language can then be made. On failure, the locale key of the reason
/// (`lang.error.*`).
#[wasm_bindgen]
pub fn install_lang(lang: &str, part: &[u8]) -> Result<(), String> {
    let lang = Lang::parse(lang)
        .filter(|l| l.id() == lang)
        .ok_or_else(|| PartError::Damaged.key().to_owned())?;
    carryover_engine::lang::install_part(lang, part).map_err(|e| e.key().to_owned())
}

/// Makes the file a job (JSON, see [`Job`]) asks for. On failure, the locale key of the reason
/// (`takeaway.error.*`), which the app words in its language.
#[wasm_bindgen]
pub fn make(job: &str) -> Result<String, String> {
    Job::from_json(job)
        .and_then(|job| takeaway::make(&job))
        .map_err(|wording| wording.key)
}
