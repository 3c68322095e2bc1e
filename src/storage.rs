//! The one module that touches browser storage; everything else asks it and gets a value back.
//!
//! Storage can fail in ordinary use: inside `<iframe sandbox="allow-scripts">` reading
//! `window.localStorage` throws, some browsers hand back `null` in private modes, a full quota makes
//! writes throw, and a stored value can be unreadable after a format change or a hand edit. None of
//! these may crash the app or stop it mounting, so every failure comes back as a [`StorageError`]
//! and the view decides what to tell the user.
//!
//! [`open`] checks availability once (guarded getter plus a test write). Only then does a [`Store`]
//! exist, and its methods reach storage through `gloo-storage`'s handle, mapping every JS
//! exception into a [`StorageError`]. (Touching `window.localStorage` unguarded would throw a JS
//! exception when storage is blocked, which aborts mounting, hence the guard in front of it.)
//!
//! The module stores text only: the answers document is written and read by the engine
//! (`AnswersDocument::to_json`, `carryover_engine::decode`), so this file knows nothing of its shape.

use std::fmt;

use gloo_storage::{LocalStorage, Storage as _};

/// Every name Carryover stores something under. Listing them here keeps the stored format
/// discoverable in one place; all names share the `carryover.` prefix so they never collide with
/// other apps on the same origin (for example `file://`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The answers document (the engine's versioned JSON, with `position` and `saved_at`).
    Answers,
    /// A copy of a stored answers document this build could not read, kept so nothing is lost.
    /// Numbered from 1; [`Store::backup`] picks the first free number.
    Backup(u32),
    /// The answers as they were before a replace (import, share link, start over, another tab,
    /// restore): the engine's `snapshot` JSON. Slots 1 to `snapshot::KEEP`; the oldest is reused.
    Snapshot(usize),
}

impl Key {
    /// The storage item name.
    pub fn name(self) -> String {
        match self {
            Key::Answers => "carryover.answers".to_owned(),
            Key::Backup(n) => format!("carryover.answers.backup.{n}"),
            Key::Snapshot(n) => format!("carryover.answers.snapshot.{n}"),
        }
    }
}

/// What [`open`] returns: a working store, or why there is none. The app shares it by context.
pub type Opened = Result<Store, StorageError>;

/// Item written and removed by [`open`] to prove that writes work.
const PROBE: &str = "carryover.probe";

/// Backups are numbered up to this; beyond it storage is treated as full.
const MAX_BACKUPS: u32 = 100;

/// Why a storage operation did not happen. The UI shows the words under [`StorageError::text_key`]
/// (locale data); `Display` is for the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let this page use local storage at all (sandboxed frame, blocked
    /// site data, no `window`).
    Unavailable {
        /// What the browser reported, for the console and for tests.
        detail: String,
    },
    /// Storage is full (`QuotaExceededError`): nothing more can be written, though what is stored
    /// can still be read.
    Full {
        /// Item that could not be written.
        key: String,
        /// What the browser reported.
        detail: String,
    },
    /// Reading the stored answers threw (storage blocked after it was opened, or a browser fault).
    ReadFailed {
        /// What the browser reported.
        detail: String,
    },
    /// Storage exists but refused this write for another reason.
    WriteFailed {
        /// Item that could not be written.
        key: String,
        /// What the browser reported.
        detail: String,
    },
}

impl StorageError {
    /// Locale key of the sentence that tells the user what happened.
    pub fn text_key(&self) -> &'static str {
        match self {
            StorageError::Unavailable { .. } => "ui.storage.unavailable",
            StorageError::Full { .. } => "ui.keep.full",
            StorageError::ReadFailed { .. } => "ui.keep.read_failed",
            StorageError::WriteFailed { .. } => "ui.storage.write_failed",
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable { detail } => write!(f, "storage unavailable: {detail}"),
            StorageError::Full { key, detail } => {
                write!(f, "could not write {key}, storage is full: {detail}")
            }
            StorageError::ReadFailed { detail } => write!(f, "could not read: {detail}"),
            StorageError::WriteFailed { key, detail } => {
                write!(f, "could not write {key}: {detail}")
            }
        }
    }
}

impl std::error::Error for StorageError {}

/// Proof that local storage worked when it was opened. Only [`open`] makes one, so holding a
/// `Store` means the guarded checks passed and reaching `localStorage` will not throw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Store {
    /// The test write failed because storage is full: reading works, writing will not (yet).
    full: bool,
}

/// Opens local storage: guards the `window.localStorage` getter (it throws in sandboxed frames),
/// treats a missing object as unavailable, and makes a test write so a read-only or zero-quota
/// storage is caught here rather than on the first answer. A test write refused because storage
/// is *full* still opens it (see [`Store::was_full`]): what is stored can be read and shown.
pub fn open() -> Result<Store, StorageError> {
    let unavailable = |detail: String| StorageError::Unavailable { detail };
    let window = web_sys::window().ok_or_else(|| unavailable("no window".into()))?;
    let storage = window
        .local_storage()
        .map_err(|e| unavailable(describe(&e)))?
        .ok_or_else(|| unavailable("window.localStorage is null".into()))?;
    if let Err(e) = storage.set_item(PROBE, "1") {
        if is_quota(&e) && storage.get_item(PROBE).is_ok() {
            return Ok(Store { full: true });
        }
        return Err(unavailable(describe(&e)));
    }
    storage
        .remove_item(PROBE)
        .map_err(|e| unavailable(describe(&e)))?;
    Ok(Store { full: false })
}

/// Touches `window.localStorage` (guarded, result ignored) so that the browser opens the storage
/// area now, in a task of its own, rather than inside the app's first render: the first access
/// costs several milliseconds. Never throws and changes nothing.
pub fn warm_up() {
    if let Some(window) = web_sys::window() {
        _ = window.local_storage();
    }
}

impl Store {
    /// True when storage was full when opened (the test write hit the quota).
    pub fn was_full(self) -> bool {
        self.full
    }

    /// Reads the text under `key`; a missing item is `Ok(None)`.
    pub fn read(self, key: Key) -> Result<Option<String>, StorageError> {
        LocalStorage::raw()
            .get_item(&key.name())
            .map_err(|e| StorageError::ReadFailed {
                detail: describe(&e),
            })
    }

    /// Writes `text` under `key`.
    pub fn write(self, key: Key, text: &str) -> Result<(), StorageError> {
        let name = key.name();
        LocalStorage::raw().set_item(&name, text).map_err(|e| {
            if is_quota(&e) {
                StorageError::Full {
                    key: name,
                    detail: describe(&e),
                }
            } else {
                StorageError::WriteFailed {
                    key: name,
                    detail: describe(&e),
                }
            }
        })
    }

    /// Removes `key` (nothing happens if it is not there).
    pub fn remove(self, key: Key) {
        _ = LocalStorage::raw().remove_item(&key.name());
    }

    /// Copies `text` to the first free [`Key::Backup`] slot and returns it. Never overwrites an
    /// earlier backup.
    pub fn backup(self, text: &str) -> Result<Key, StorageError> {
        let free = (1..=MAX_BACKUPS)
            .map(Key::Backup)
            .find(|key| matches!(self.read(*key), Ok(None)));
        let Some(key) = free else {
            return Err(StorageError::WriteFailed {
                key: Key::Backup(MAX_BACKUPS + 1).name(),
                detail: "every backup slot is taken".to_owned(),
            });
        };
        self.write(key, text)?;
        Ok(key)
    }

    /// Calls `changed` with the new text (or `None` when removed) whenever *another* tab or
    /// window of this origin changes the answers document. (Browsers fire the `storage` event
    /// only in the other documents, never in the one that wrote.) Lives as long as the page.
    pub fn on_answers_changed(self, changed: impl Fn(Option<String>) + 'static) {
        let answers = Key::Answers.name();
        // The app lives as long as the page, so the listener is never removed.
        _ = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
            // `key` is null when the other tab cleared all of storage.
            match ev.key() {
                Some(key) if key == answers => changed(ev.new_value()),
                None => changed(None),
                Some(_) => {}
            }
        });
    }
}

/// The current time as RFC 3339 text (for the document's `saved_at`).
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The current time in milliseconds since the Unix epoch (for answers' change times).
pub fn now_millis() -> u64 {
    // A clock before 1970 or beyond 2^53 ms is not a clock worth trusting: 0 means "unknown".
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// True when a thrown value is the browser saying storage is full.
fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    field("name") == "QuotaExceededError" || field("message").to_lowercase().contains("quota")
}

/// Best-effort text for a thrown JS value (usually a `DOMException` such as `SecurityError`): its
/// own message, else its name, else its type. The browser's words, never Rust debug text.
pub fn describe(error: &wasm_bindgen::JsValue) -> String {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|m| m.as_string())
    };
    error
        .as_string()
        .or_else(|| field("message").filter(|m| !m.is_empty()))
        .or_else(|| field("name"))
        .or_else(|| error.js_typeof().as_string())
        .unwrap_or_default()
}
