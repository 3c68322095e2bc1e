//! Start over: a button and the confirmation dialog it opens (a native modal `<dialog>`: focus
//! goes to its first button, Cancel; Escape cancels; the page behind is inert). The dialog says
//! how many answers would be cleared; clearing is a replace, so they are kept as an earlier
//! version and the message after it offers Undo.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::components::confirm_dialog::{self, ConfirmDialog};
use crate::route::{self, CurrentScreen, Screen};
use crate::state::AppState;

/// "Start over", asking for confirmation before clearing every answer. Confirming clears the
/// answers here and in storage and opens the first section.
#[component]
pub fn ResetButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let screen = expect_context::<CurrentScreen>();
    let dialog = NodeRef::<Dialog>::new();
    let body = Signal::derive(move || {
        carryover_engine::export::fill(
            &state.text("ui.keep.reset_body"),
            &[(
                "count",
                &state.answers_counted(state.answers.with(carryover_engine::Answers::len)),
            )],
        )
    });
    let confirm = move || {
        autosave.reset();
        route::go(state.catalog, screen, Screen::Section(0));
    };
    view! {
        <button
            type="button"
            class="button button-quiet"
            data-testid="start-over"
            on:click=move |_| confirm_dialog::open(dialog)
        >
            {state.text("ui.reset.open")}
        </button>
        <ConfirmDialog
            dialog=dialog
            name="reset"
            title=state.text("ui.reset.title")
            body=body
            keep_label=state.text("ui.reset.cancel")
            confirm_label=state.text("ui.reset.confirm")
            danger=true
            on_keep=Callback::new(|()| ())
            on_confirm=Callback::new(move |()| confirm())
        />
    }
}
