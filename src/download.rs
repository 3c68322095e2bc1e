//! Handing files and text to the user: downloads (a `Blob`, an object URL and a clicked
//! `<a download>`), the browser's print dialog, and the clipboard.
//!
//! Every call is best effort and reports failure as a value, never a panic. In a sandboxed frame
//! without `allow-downloads` the browser drops the download silently; nothing here can detect
//! that, and nothing breaks.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A file the user can save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileKind {
    /// Suggested file name.
    pub name: &'static str,
    /// MIME type (with charset for text).
    pub mime: &'static str,
}

/// Offers `text` as a download named `kind.name`.
pub fn save_text(kind: FileKind, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind.mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor = document()
        .create_element("a")?
        .dyn_into::<web_sys::HtmlAnchorElement>()?;
    anchor.set_href(&url);
    anchor.set_download(kind.name);
    anchor.set_hidden(true);
    let body = document()
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    set_timeout(
        move || {
            _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Opens the browser's print dialog (where "Save as PDF" lives).
pub fn print() {
    if let Err(error) = window().print() {
        leptos::logging::warn!("print: {}", crate::storage::describe(&error));
    }
}

/// Copies `text` to the clipboard. `false` when the clipboard is unavailable or refused (the
/// caller keeps the text in a field the user can copy from).
pub async fn copy_text(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    // `navigator.clipboard` is undefined outside secure contexts.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// The text of a file the user picked.
pub async fn read_file(file: &web_sys::File) -> Result<String, JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    text.as_string()
        .ok_or_else(|| JsValue::from_str("file text is not a string"))
}

/// The current time, as seconds since the Unix epoch (for report dates and calendar stamps).
pub fn now_unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The day the dated roadmap starts (the report, the printed report and the calendar): today unless
/// the user picks another day beside the downloads. Kept for this visit only.
#[derive(Clone, Copy, Debug)]
pub struct RoadmapStart(pub RwSignal<Option<carryover_engine::export::date::Date>>);

impl RoadmapStart {
    /// A new, unset start (today).
    pub fn new() -> RoadmapStart {
        RoadmapStart(RwSignal::new(None))
    }

    /// The start day (tracked).
    pub fn get(self) -> carryover_engine::export::date::Date {
        self.0.get().unwrap_or_else(today)
    }

    /// The start day, untracked.
    pub fn get_untracked(self) -> carryover_engine::export::date::Date {
        self.0.get_untracked().unwrap_or_else(today)
    }
}

impl Default for RoadmapStart {
    fn default() -> RoadmapStart {
        RoadmapStart::new()
    }
}

/// Today's date on this device (the date a report is prepared on).
pub fn today() -> carryover_engine::export::date::Date {
    let now = js_sys::Date::new_0();
    carryover_engine::export::date::Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(carryover_engine::export::date::Date::EPOCH)
}
