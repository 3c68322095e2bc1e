//! Browser tests for `src/storage.rs`, run by wasm-bindgen-test in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown -p carryover`; scripts/test sets it up).
//!
//! The tests poke `window.localStorage` directly to set up broken states (corrupt values, a
//! throwing getter as in a sandboxed iframe, a full quota); the app itself never does.
#![cfg(target_arch = "wasm32")]

use carryover::autosave::{self, Notice, SaveStatus};
use carryover::storage::{self, Key, StorageError};
use carryover_engine::Catalog;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The app's compiled content, installed as `start` does.
fn catalog() -> &'static Catalog {
    carryover::install_content();
    Catalog::builtin().unwrap()
}

fn raw_local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

fn clear(key: Key) {
    raw_local_storage().remove_item(&key.name()).unwrap();
}

fn clear_all() {
    clear(Key::Answers);
    for n in 1..=5 {
        clear(Key::Backup(n));
    }
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
fn names_share_the_prefix() {
    assert_eq!(Key::Answers.name(), "carryover.answers");
    assert_eq!(Key::Backup(3).name(), "carryover.answers.backup.3");
}

#[wasm_bindgen_test]
fn missing_key_reads_as_none_and_text_round_trips() {
    clear_all();
    let store = storage::open().unwrap();
    assert_eq!(store.read(Key::Answers), Ok(None));
    for text in ["{}", "not json at all", "ünïcødé ✓"] {
        assert_eq!(store.write(Key::Answers, text), Ok(()));
        assert_eq!(store.read(Key::Answers), Ok(Some(text.to_owned())));
    }
    store.remove(Key::Answers);
    assert_eq!(store.read(Key::Answers), Ok(None));
}

#[wasm_bindgen_test]
fn backups_take_the_first_free_slot_and_never_overwrite() {
    clear_all();
    let store = storage::open().unwrap();
    assert_eq!(store.backup("one"), Ok(Key::Backup(1)));
    assert_eq!(store.backup("two"), Ok(Key::Backup(2)));
    assert_eq!(store.read(Key::Backup(1)), Ok(Some("one".to_owned())));
    assert_eq!(store.read(Key::Backup(2)), Ok(Some("two".to_owned())));
    clear_all();
}

#[wasm_bindgen_test]
fn load_reads_a_saved_document() {
    clear_all();
    let catalog = catalog();
    let store = storage::open().unwrap();
    let text = r#"{"format":"carryover-answers","version":1,"answers":{"soc2":"type2"},"position":"program"}"#;
    store.write(Key::Answers, text).unwrap();
    let loaded = autosave::load(&Ok(store), catalog);
    assert_eq!(loaded.status, SaveStatus::Saved);
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.document.answers.len(), 1);
    assert_eq!(loaded.document.position.as_deref(), Some("program"));
    clear_all();
}

#[wasm_bindgen_test]
fn load_backs_up_what_it_cannot_read() {
    let catalog = catalog();
    for bad in [
        "not json",
        "42",
        r#"{"format":"carryover-answers","version":99,"answers":{}}"#,
    ] {
        clear_all();
        let store = storage::open().unwrap();
        store.write(Key::Answers, bad).unwrap();
        let loaded = autosave::load(&Ok(store), catalog);
        assert!(loaded.document.answers.is_empty(), "{bad}");
        assert_eq!(
            loaded.notice,
            Some(Notice::Unreadable {
                backup: Some(Key::Backup(1).name())
            }),
            "{bad}"
        );
        assert_eq!(
            loaded.status,
            SaveStatus::Paused,
            "{bad}: read-only until asked"
        );
        assert_eq!(loaded.unreadable.as_deref(), Some(bad), "{bad}");
        assert_eq!(
            store.read(Key::Backup(1)),
            Ok(Some(bad.to_owned())),
            "{bad}"
        );
        assert_eq!(
            store.read(Key::Answers),
            Ok(Some(bad.to_owned())),
            "{bad}: not removed"
        );
    }
    clear_all();
}

#[wasm_bindgen_test]
fn load_without_storage_works_in_memory() {
    let catalog = catalog();
    let loaded = autosave::load(
        &Err(StorageError::Unavailable {
            detail: "sandboxed".into(),
        }),
        catalog,
    );
    assert_eq!(loaded.status, SaveStatus::Unavailable);
    assert!(matches!(loaded.notice, Some(Notice::Storage(_))));
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
        "() => ({ setItem() { throw new DOMException('no', 'SecurityError'); }, removeItem() {}, getItem() { return null; } })",
        || {
            assert!(matches!(
                storage::open(),
                Err(StorageError::Unavailable { .. })
            ));
        },
    );
}

#[wasm_bindgen_test]
fn full_storage_still_opens_so_saved_answers_can_be_read() {
    with_local_storage_getter(
        "() => ({ setItem() { throw new DOMException('full', 'QuotaExceededError'); }, removeItem() {}, getItem() { return null; } })",
        || {
            let opened = storage::open();
            assert!(
                matches!(opened, Ok(store) if store.was_full()),
                "{opened:?}"
            );
        },
    );
}

#[wasm_bindgen_test]
fn write_over_quota_fails_as_a_value() {
    // Chromium allows about 5 million UTF-16 units per origin; this is well over that.
    let store = storage::open().unwrap();
    let huge = "x".repeat(6 * 1024 * 1024);
    let written = store.write(Key::Answers, &huge);
    assert!(
        matches!(&written, Err(StorageError::Full { key, .. }) if *key == Key::Answers.name()),
        "{written:?}"
    );
    clear_all();
}

#[wasm_bindgen_test]
fn every_error_and_status_has_words_in_the_locale() {
    let catalog = catalog();
    let errors = [
        StorageError::Unavailable {
            detail: String::new(),
        },
        StorageError::WriteFailed {
            key: "k".into(),
            detail: String::new(),
        },
        StorageError::Full {
            key: "k".into(),
            detail: String::new(),
        },
        StorageError::ReadFailed {
            detail: String::new(),
        },
    ];
    let mut keys: Vec<&str> = errors.iter().map(StorageError::text_key).collect();
    for status in [
        SaveStatus::Idle,
        SaveStatus::Saved,
        SaveStatus::Unavailable,
        SaveStatus::WriteFailed,
        SaveStatus::Paused,
    ] {
        keys.push(status.text_key());
    }
    for key in keys {
        assert_ne!(catalog.text("en", key), key, "{key} has no English text");
    }
}
