//! The message after a replace, with Undo right in it. Imports and share links show it inside
//! their own messages ([`UndoLine`]); start over, another tab's change and restores show it at
//! the top of every screen ([`UndoNotice`]). It says only what is true: whether the previous
//! answers were stored as an earlier version or are kept only in this page.

use carryover_engine::export::fill;
use carryover_engine::snapshot::Reason;
use leptos::prelude::*;

use crate::autosave::{Autosave, Change};
use crate::state::AppState;

/// Where the previous answers went, and the Undo button (nothing when there were none).
#[component]
pub fn UndoLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    move || {
        autosave
            .change
            .get()
            .filter(|c| c.before > 0)
            .map(|c| undo_line(state, autosave, &c))
    }
}

fn undo_line(state: AppState, autosave: Autosave, change: &Change) -> impl IntoView + use<> {
    let key = if change.stored {
        "ui.keep.copy_kept"
    } else {
        "ui.keep.copy_memory"
    };
    let copy = fill(
        &state.text(key),
        &[("count", &state.answers_counted(change.before))],
    );
    let label = if change.reason == Reason::OtherTab {
        state.text("ui.keep.keep_mine")
    } else {
        state.text("ui.keep.undo")
    };
    view! {
        <p class="undo-line">
            {copy}
            " "
            <button type="button" class="button button-small" data-testid="undo" on:click=move |_| autosave.undo()>
                {label}
            </button>
        </p>
    }
}

/// The message about the last start over, another tab's change or restore, at the top of the
/// screen until dismissed.
#[component]
pub fn UndoNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let dismissed = RwSignal::new(false);
    Effect::new(move |_| {
        autosave.change.track();
        dismissed.set(false);
    });
    move || {
        let change = autosave.change.get()?;
        if dismissed.get() || matches!(change.reason, Reason::Import | Reason::Share) {
            return None;
        }
        let after = state.answers_counted(change.after);
        let text = if change.undone {
            fill(&state.text("ui.keep.done.undone"), &[("after", &after)])
        } else {
            match change.reason {
                Reason::StartOver => state.text("ui.keep.done.start_over"),
                Reason::Restore => fill(&state.text("ui.keep.done.restore"), &[("after", &after)]),
                Reason::OtherTab if change.cleared => state.text("ui.keep.done.other_tab_cleared"),
                Reason::OtherTab if change.lost > 0 => fill(
                    &state.text("ui.keep.done.merged"),
                    &[("lost", &change.lost.to_string())],
                ),
                Reason::OtherTab | Reason::Import | Reason::Share => fill(
                    &state.text("ui.keep.done.other_tab"),
                    &[
                        ("before", &state.answers_counted(change.before)),
                        ("after", &after),
                    ],
                ),
            }
        };
        let line = (change.before > 0).then(|| undo_line(state, autosave, &change));
        Some(view! {
            <div class="notice undo-notice" role="status" data-testid="undo-notice" data-reason=change.reason.id()>
                <p>{text}</p>
                {line}
                <button type="button" class="button button-small" on:click=move |_| dismissed.set(true)>
                    {state.text("ui.notice.dismiss")}
                </button>
            </div>
        })
    }
}
