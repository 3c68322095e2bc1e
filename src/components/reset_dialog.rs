//! Start over: a button and the confirmation dialog it opens (a native modal `<dialog>`: focus
//! goes to its first button, Cancel; Escape cancels; the page behind is inert). The dialog says
//! how many answers would be cleared; clearing is a replace, so they are kept as an earlier
//! version and the message after it offers Undo.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::autosave::Autosave;
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
    let open = move |_| {
        if let Some(dialog) = dialog.get() {
            _ = dialog.show_modal();
        }
    };
    let close = move || {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let body = move || {
        carryover_engine::export::fill(
            &state.text("ui.keep.reset_body"),
            &[(
                "count",
                &state
                    .answers
                    .with(carryover_engine::Answers::len)
                    .to_string(),
            )],
        )
    };
    let confirm = move |_| {
        close();
        autosave.reset();
        route::go(state.catalog, screen, Screen::Section(0));
    };
    view! {
        <button type="button" class="button button-quiet" data-testid="start-over" on:click=open>
            {state.text("ui.reset.open")}
        </button>
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="reset-title"
            aria-describedby="reset-body"
            data-testid="reset-dialog"
        >
            <h2 id="reset-title">{state.text("ui.reset.title")}</h2>
            <p id="reset-body">{body}</p>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| close()>
                    {state.text("ui.reset.cancel")}
                </button>
                <button type="button" class="button button-danger" on:click=confirm>
                    {state.text("ui.reset.confirm")}
                </button>
            </div>
        </dialog>
    }
}
