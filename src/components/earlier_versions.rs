//! "Earlier versions": the snapshots stored on this device (the answers as they were before each
//! of the last few replaces), each with a Restore button. Restoring is itself a replace, so it
//! keeps the current answers as an earlier version and can be undone. Renders nothing when there
//! are none (so the start page matches its skeleton on a first visit).

use carryover_engine::export::fill;
use carryover_engine::snapshot::{KEEP, Snapshot};
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::state::AppState;

/// The list of earlier versions, folded in a `<details>`.
#[component]
pub fn EarlierVersions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    move || {
        let all = autosave.snapshots();
        if all.is_empty() {
            return None;
        }
        let title = fill(
            &state.text("ui.keep.versions_title"),
            &[("count", &all.len().to_string())],
        );
        let intro = fill(
            &state.text("ui.keep.versions_intro"),
            &[("keep", &KEEP.to_string())],
        );
        let rows = all
            .into_iter()
            .map(|snapshot| row(state, autosave, snapshot))
            .collect_view();
        Some(view! {
            <details class="earlier-versions" data-testid="earlier-versions">
                <summary>{title}</summary>
                <p class="fineprint">{intro}</p>
                <ul>{rows}</ul>
            </details>
        })
    }
}

fn row(state: AppState, autosave: Autosave, snapshot: Snapshot) -> impl IntoView {
    let text = fill(
        &state.text("ui.keep.version_row"),
        &[
            ("when", &local_time(snapshot.taken_at)),
            (
                "count",
                &state.answers_counted(snapshot.document.answers.len()),
            ),
            (
                "reason",
                &state.text(&format!("ui.keep.reason.{}", snapshot.reason.id())),
            ),
        ],
    );
    let snapshot = StoredValue::new(snapshot);
    view! {
        <li>
            <span>{text}</span>
            " "
            <button
                type="button"
                class="button button-small"
                on:click=move |_| autosave.restore(snapshot.get_value())
            >
                {state.text("ui.keep.restore")}
            </button>
        </li>
    }
}

/// `YYYY-MM-DD HH:MM` in this device's time zone.
fn local_time(millis: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // milliseconds since 1970 fit in 53 bits
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}
