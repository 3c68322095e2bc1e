//! Browser tests for `src/storage.rs`, run by wasm-bindgen-test in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown -p carryover`; scripts/test sets it up).
//!
//! The tests poke `window.localStorage` directly to set up broken states (corrupt values, a
//! throwing getter as in a sandboxed iframe, a full quota); the app itself never does.
#![cfg(target_arch = "wasm32")]

use carryover::components::first_question::Certification;
use carryover::storage::{self, Key, StorageError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn raw_local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

fn clear(key: Key) {
    raw_local_storage().remove_item(key.name()).unwrap();
}

/// Runs `body` while `window.localStorage` is replaced by `getter`, then restores the original.
fn with_local_storage_getter(getter: &str, body: impl FnOnce()) {
    let replace = js_sys::Function::new_no_args(&format!(
        "window.__savedLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', {{ configurable: true, get: {getter} }});"
    ));
    let restore = js_sys::Function::new_no_args(
        "Object.defineProperty(window, 'localStorage', window.__savedLocalStorage);
         delete window.__savedLocalStorage;",
    );
    replace
        .call0(&JsValue::NULL)
        .expect("replace localStorage getter");
    body();
    restore
        .call0(&JsValue::NULL)
        .expect("restore localStorage getter");
}

#[wasm_bindgen_test]
fn open_succeeds_in_a_normal_page_and_leaves_no_probe() {
    assert!(storage::open().is_ok());
    assert_eq!(
        raw_local_storage().get_item("carryover.probe").unwrap(),
        None
    );
}

#[wasm_bindgen_test]
fn missing_key_reads_as_none() {
    clear(Key::FirstQuestion);
    let store = storage::open().unwrap();
    assert_eq!(store.get::<Certification>(Key::FirstQuestion), Ok(None));
}

#[wasm_bindgen_test]
fn write_then_read_round_trips() {
    clear(Key::FirstQuestion);
    let store = storage::open().unwrap();
    for answer in Certification::ALL {
        assert_eq!(store.set(Key::FirstQuestion, &answer), Ok(()));
        assert_eq!(store.get(Key::FirstQuestion), Ok(Some(answer)));
    }
    clear(Key::FirstQuestion);
}

#[wasm_bindgen_test]
fn stored_format_is_plain_json_under_the_prefixed_name() {
    clear(Key::FirstQuestion);
    let store = storage::open().unwrap();
    store
        .set(Key::FirstQuestion, &Certification::InProgress)
        .unwrap();
    assert_eq!(
        raw_local_storage()
            .get_item("carryover.placeholder.iso27001_certified.v1")
            .unwrap()
            .as_deref(),
        Some("\"in_progress\"")
    );
    clear(Key::FirstQuestion);
}

#[wasm_bindgen_test]
fn remove_deletes_the_value() {
    let store = storage::open().unwrap();
    store
        .set(Key::FirstQuestion, &Certification::Certified)
        .unwrap();
    store.remove(Key::FirstQuestion);
    assert_eq!(store.get::<Certification>(Key::FirstQuestion), Ok(None));
}

#[wasm_bindgen_test]
fn unreadable_value_is_corrupt_not_a_panic() {
    for bad in ["not json", "\"maybe\"", "42"] {
        raw_local_storage()
            .set_item(Key::FirstQuestion.name(), bad)
            .unwrap();
        let read = storage::open()
            .unwrap()
            .get::<Certification>(Key::FirstQuestion);
        assert!(
            matches!(read, Err(StorageError::Corrupt { key, .. }) if key == Key::FirstQuestion.name()),
            "{bad}: {read:?}"
        );
    }
    clear(Key::FirstQuestion);
}

#[wasm_bindgen_test]
fn throwing_getter_as_in_a_sandboxed_iframe_is_unavailable() {
    with_local_storage_getter(
        "() => { throw new DOMException('The document is sandboxed', 'SecurityError'); }",
        || {
            let opened = storage::open();
            assert!(
                matches!(&opened, Err(StorageError::Unavailable { detail }) if detail.contains("sandboxed")),
                "{opened:?}"
            );
        },
    );
    assert!(storage::open().is_ok(), "the real storage is back");
}

#[wasm_bindgen_test]
fn null_storage_is_unavailable() {
    with_local_storage_getter("() => null", || {
        assert!(matches!(
            storage::open(),
            Err(StorageError::Unavailable { .. })
        ));
    });
}

#[wasm_bindgen_test]
fn refused_test_write_is_unavailable() {
    with_local_storage_getter(
        "() => ({ setItem() { throw new DOMException('full', 'QuotaExceededError'); }, removeItem() {}, getItem() { return null; } })",
        || {
            assert!(matches!(
                storage::open(),
                Err(StorageError::Unavailable { .. })
            ));
        },
    );
}

#[wasm_bindgen_test]
fn write_over_quota_fails_as_a_value() {
    // Chromium allows about 5 million UTF-16 units per origin; this is well over that.
    let store = storage::open().unwrap();
    let huge = "x".repeat(6 * 1024 * 1024);
    let written = store.set(Key::FirstQuestion, &huge);
    assert!(
        matches!(&written, Err(StorageError::WriteFailed { key, .. }) if *key == Key::FirstQuestion.name()),
        "{written:?}"
    );
    clear(Key::FirstQuestion);
}

#[wasm_bindgen_test]
fn every_error_has_a_message_for_the_user() {
    let errors = [
        StorageError::Unavailable {
            detail: String::new(),
        },
        StorageError::WriteFailed {
            key: "k",
            detail: String::new(),
        },
        StorageError::Corrupt {
            key: "k",
            detail: String::new(),
        },
    ];
    for error in errors {
        assert!(error.to_string().len() > 40, "{error:?}");
    }
}
