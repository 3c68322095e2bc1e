//! Tells the user, once, when answers cannot be saved in this browser.

use leptos::prelude::*;

use crate::storage;

/// Shows the storage problem, if there is one; renders nothing when storage works.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let opened = expect_context::<storage::Opened>();
    opened.err().map(|error| {
        view! { <p class="notice" data-testid="storage-notice">{error.to_string()}</p> }
    })
}
