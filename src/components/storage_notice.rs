//! Tells the user, in plain words, about storage trouble (answers not saved, saved answers that
//! could not be read) and about another tab changing the answers.

use carryover_engine::export::fill;
use leptos::prelude::*;

use crate::autosave::{Autosave, Notice};
use crate::state::AppState;

/// The current storage notice and, when another tab's answers differ from changes made here, the
/// choice between them. Renders nothing when all is well.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let notice = move || {
        autosave.notice.get().map(|notice| {
            let text = match &notice {
                Notice::Unreadable { backup } => {
                    fill(&state.text(notice.text_key()), &[("backup", backup)])
                }
                other => state.text(other.text_key()),
            };
            let dismissable = matches!(notice, Notice::UpdatedFromOtherTab | Notice::KeptAside);
            view! {
                <div class="notice" data-testid="storage-notice">
                    <p>{text}</p>
                    {dismissable.then(|| view! {
                        <button type="button" class="button button-small" on:click=move |_| autosave.notice.set(None)>
                            {state.text("ui.notice.dismiss")}
                        </button>
                    })}
                </div>
            }
        })
    };
    let conflict = move || {
        autosave.conflict.with(Option::is_some).then(|| {
            view! {
                <div class="notice notice-conflict" role="alert" data-testid="tab-conflict">
                    <p>{state.text("ui.tabs.conflict")}</p>
                    <div class="notice-actions">
                        <button type="button" class="button button-small" on:click=move |_| autosave.take_other_tab()>
                            {state.text("ui.tabs.load_other")}
                        </button>
                        <button type="button" class="button button-small" on:click=move |_| autosave.keep_this_tab()>
                            {state.text("ui.tabs.keep_these")}
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! {
        {conflict}
        {notice}
    }
}
