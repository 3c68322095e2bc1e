//! Tells the user, in plain words, about storage trouble: storage blocked, full, a write refused,
//! saved answers that could not be read (then Carryover writes nothing until the user chooses:
//! "Save here anyway", or first download what could not be read), and another tab's changes
//! merged in.

use carryover_engine::export::fill;
use leptos::prelude::*;

use crate::autosave::{Autosave, Notice, SaveStatus};
use crate::download::{self, FileKind};
use crate::state::AppState;

/// The file offered when stored answers could not be read.
const UNREADABLE_FILE: FileKind = FileKind {
    name: "carryover-unreadable-answers.json",
    mime: "application/json;charset=utf-8",
};

/// The current storage notice. Renders nothing when all is well.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    move || {
        autosave.notice.get().map(|notice| {
            let text = match &notice {
                Notice::Unreadable {
                    backup: Some(backup),
                } => fill(&state.text(notice.text_key()), &[("backup", backup)]),
                other => state.text(other.text_key()),
            };
            let dismissable = matches!(notice, Notice::UpdatedFromOtherTab | Notice::KeptAside);
            let paused = autosave.status.get() == SaveStatus::Paused;
            let download = autosave.unreadable_text().map(|text| {
                view! {
                    <button
                        type="button"
                        class="button button-small"
                        on:click=move |_| {
                            if let Err(error) = download::save_text(UNREADABLE_FILE, &text) {
                                leptos::logging::warn!(
                                    "download: {}",
                                    crate::storage::describe(&error)
                                );
                            }
                        }
                    >
                        {state.text("ui.keep.download_raw")}
                    </button>
                }
            });
            view! {
                <div
                    class="notice"
                    class:notice-conflict=paused
                    role=if paused { "alert" } else { "status" }
                    data-testid="storage-notice"
                    data-kind=notice_kind(&notice)
                >
                    <p>{text}</p>
                    {paused.then(|| view! {
                        <div class="notice-actions">
                            {download}
                            <button type="button" class="button button-small" on:click=move |_| autosave.save_anyway()>
                                {state.text("ui.keep.save_anyway")}
                            </button>
                        </div>
                    })}
                    {dismissable.then(|| view! {
                        <button type="button" class="button button-small" on:click=move |_| autosave.notice.set(None)>
                            {state.text("ui.notice.dismiss")}
                        </button>
                    })}
                </div>
            }
        })
    }
}

/// A stable name for tests and styles: which kind of trouble this is.
fn notice_kind(notice: &Notice) -> &'static str {
    use crate::storage::StorageError;
    match notice {
        Notice::Storage(StorageError::Unavailable { .. }) => "blocked",
        Notice::Storage(StorageError::Full { .. }) => "full",
        Notice::Storage(StorageError::ReadFailed { .. }) => "read-failed",
        Notice::Storage(StorageError::WriteFailed { .. }) => "write-failed",
        Notice::Unreadable { .. } | Notice::UnreadableFromOtherTab => "unreadable",
        Notice::KeptAside => "kept-aside",
        Notice::UpdatedFromOtherTab => "updated",
    }
}
