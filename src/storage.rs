//! The one module that touches browser storage; everything else asks it and gets a value back.
//!
//! Storage can fail in ordinary use: inside `<iframe sandbox="allow-scripts">` reading
//! `window.localStorage` throws, some browsers hand back `null` in private modes, a full quota makes
//! writes throw, and a stored value can be unreadable after a format change or a hand edit. None of
//! these may crash the app or stop it mounting, so every failure comes back as a [`StorageError`]
//! and the view decides what to tell the user.
//!
//! [`open`] checks availability once (guarded getter plus a test write). Only then does a [`Store`]
//! exist, and its methods use `gloo-storage` for the JSON encoding and the mapping of JS
//! exceptions into Rust errors. (`gloo-storage` alone would throw a JS exception when storage is
//! blocked, which aborts mounting, hence the guard in front of it.)

use std::fmt;

use gloo_storage::{LocalStorage, Storage as _};
use serde::{Serialize, de::DeserializeOwned};

/// Every name Carryover stores something under. Listing them here keeps the stored format
/// discoverable in one place; all names share the `carryover.` prefix so they never collide with
/// other apps on the same origin (for example `file://`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The answer to the placeholder first question (`Certification`, stored as JSON).
    FirstQuestion,
}

impl Key {
    /// The storage item name.
    pub fn name(self) -> &'static str {
        match self {
            Key::FirstQuestion => "carryover.placeholder.iso27001_certified.v1",
        }
    }
}

/// What [`open`] returns: a working store, or why there is none. The app shares it by context.
pub type Opened = Result<Store, StorageError>;

/// Item written and removed by [`open`] to prove that writes work.
const PROBE: &str = "carryover.probe";

/// Why a storage operation did not happen. The `Display` text is written for the person using the
/// app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let this page use local storage at all (sandboxed frame, blocked
    /// site data, no `window`).
    Unavailable {
        /// What the browser reported, for the console and for tests.
        detail: String,
    },
    /// Storage exists but refused this write (usually because it is full).
    WriteFailed {
        /// Item that could not be written.
        key: &'static str,
        /// What the browser reported.
        detail: String,
    },
    /// A stored value could not be read back as the expected type.
    Corrupt {
        /// Item whose value is unreadable.
        key: &'static str,
        /// What the decoder reported.
        detail: String,
    },
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable { .. } => f.write_str(
                "This browser is not letting Carryover save anything here (for example inside a \
                 sandboxed frame or with site data blocked), so answers last only until you leave \
                 the page.",
            ),
            StorageError::WriteFailed { .. } => f.write_str(
                "Your answer could not be saved: this browser's storage for the page is full or \
                 refused the write. Free some site data and choose again.",
            ),
            StorageError::Corrupt { .. } => f.write_str(
                "A previously saved answer could not be read, so it was ignored. Please answer \
                 again.",
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// Proof that local storage worked when it was opened. Only [`open`] makes one, so holding a
/// `Store` means the guarded checks passed and `gloo-storage` will not throw when reaching it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Store {
    _checked: (),
}

/// Opens local storage: guards the `window.localStorage` getter (it throws in sandboxed frames),
/// treats a missing object as unavailable, and makes a test write so a read-only or zero-quota
/// storage is caught here rather than on the first answer.
pub fn open() -> Result<Store, StorageError> {
    let unavailable = |detail: String| StorageError::Unavailable { detail };
    let window = web_sys::window().ok_or_else(|| unavailable("no window".into()))?;
    let storage = window
        .local_storage()
        .map_err(|e| unavailable(describe(&e)))?
        .ok_or_else(|| unavailable("window.localStorage is null".into()))?;
    storage
        .set_item(PROBE, "1")
        .map_err(|e| unavailable(describe(&e)))?;
    storage
        .remove_item(PROBE)
        .map_err(|e| unavailable(describe(&e)))?;
    Ok(Store { _checked: () })
}

impl Store {
    /// Reads and decodes `key`. A missing item is `Ok(None)`; an undecodable one is
    /// [`StorageError::Corrupt`].
    pub fn get<T: DeserializeOwned>(self, key: Key) -> Result<Option<T>, StorageError> {
        match LocalStorage::get::<T>(key.name()) {
            Ok(value) => Ok(Some(value)),
            Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
            Err(e) => Err(StorageError::Corrupt {
                key: key.name(),
                detail: e.to_string(),
            }),
        }
    }

    /// Encodes `value` as JSON and writes it under `key`.
    pub fn set<T: Serialize>(self, key: Key, value: &T) -> Result<(), StorageError> {
        LocalStorage::set(key.name(), value).map_err(|e| StorageError::WriteFailed {
            key: key.name(),
            detail: e.to_string(),
        })
    }

    /// Removes `key` (nothing happens if it is not there).
    pub fn remove(self, key: Key) {
        LocalStorage::delete(key.name());
    }
}

/// Best-effort text for a thrown JS value (usually a `DOMException` such as `SecurityError`).
fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
