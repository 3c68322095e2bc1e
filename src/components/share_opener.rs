//! Opening a share link (`#share=v1.…`, recognised by [`crate::route`]). The fragment goes
//! through the engine's [`share::decode`]; damage of any kind (cut short, changed, another
//! version, too long) is a message and changes nothing. Intact answers load at once when this
//! device has none, and otherwise only after the user says so in a native modal `<dialog>` that
//! says exactly what would change (focus on its first button, Keep; Escape keeps). Loading is a
//! replace: the previous answers are kept as an earlier version and the message offers Undo.
//! Either way the URL becomes `#results`, so a reload does not ask again.
//!
//! Above every screen it also shows the message after start over, another tab's change or a
//! restore ([`UndoNotice`]).

use carryover_engine::merge::Difference;
use carryover_engine::share;
use carryover_engine::snapshot::Reason;
use carryover_engine::{Answers, AnswersDocument};
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::components::confirm_dialog::{self, ConfirmDialog};
use crate::components::undo_notice::{UndoLine, UndoNotice};
use crate::route::{self, PendingShare};
use crate::state::AppState;

/// What became of the last share link, shown at the top of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Outcome {
    loaded: bool,
    text: String,
    issues: Vec<String>,
}

/// Watches for a share link, asks when needed, and says what happened: the message goes above
/// `children` (the current screen), the dialog after it, so the screen's markup comes first.
#[allow(clippy::too_many_lines)] // one component: the link's dialog and its message
#[component]
pub fn ShareOpener(
    /// The current screen.
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let pending = expect_context::<PendingShare>();
    let dialog = NodeRef::<Dialog>::new();
    let incoming = RwSignal::new(None::<(AnswersDocument, Vec<String>)>);
    let outcome = RwSignal::new(None::<Outcome>);

    let load = move |document: AnswersDocument, issues: Vec<String>| {
        let count = state.answers_counted(document.answers.len());
        autosave.replace(document, Reason::Share);
        outcome.set(Some(Outcome {
            loaded: true,
            text: super::results::tr(&state, "ui.share.loaded", &[("count", &count)]),
            issues,
        }));
    };

    Effect::new(move |_| {
        let Some(fragment) = pending.get() else {
            return;
        };
        pending.set(None);
        route::replace_share_fragment(state.catalog);
        match share::decode(state.catalog, &fragment) {
            Err(error) => outcome.set(Some(Outcome {
                loaded: false,
                text: super::results::tr(
                    &state,
                    "ui.share.failed",
                    &[("reason", &error.message(state.catalog, state.locale))],
                ),
                issues: Vec::new(),
            })),
            Ok(decoded) => {
                let issues = decoded
                    .issues
                    .iter()
                    .map(|i| i.message(state.catalog, state.locale))
                    .collect();
                if state.answers.with_untracked(Answers::is_empty) {
                    load(decoded.document, issues);
                } else {
                    incoming.set(Some((decoded.document, issues)));
                    confirm_dialog::open(dialog);
                }
            }
        }
    });

    let replace = move || {
        if let Some((document, issues)) = incoming.get_untracked() {
            load(document, issues);
        }
        incoming.set(None);
    };
    let keep = move || {
        if incoming.get_untracked().is_some() {
            incoming.set(None);
            outcome.set(Some(Outcome {
                loaded: false,
                text: state.text("ui.share.kept"),
                issues: Vec::new(),
            }));
        }
    };
    let body = Signal::derive(move || {
        incoming.with(|i| {
            let empty = Answers::new();
            let shared = i.as_ref().map_or(&empty, |(d, _)| &d.answers);
            state.answers.with_untracked(|current| {
                let d = Difference::between(current, shared);
                super::results::tr(
                    &state,
                    "ui.keep.share_body",
                    &[
                        ("incoming", &state.answers_counted(shared.len())),
                        ("current", &state.answers_counted(current.len())),
                        ("dropped", &d.dropped.to_string()),
                        ("changed", &d.changed.to_string()),
                    ],
                )
            })
        })
    });
    let message = move || outcome.get().map(|o| notice(state, outcome, o));
    view! {
        <UndoNotice/>
        {message}
        {children()}
        <ConfirmDialog
            dialog=dialog
            name="share"
            title=state.text("ui.share.dialog_title")
            body=body
            keep_label=state.text("ui.share.keep")
            confirm_label=state.text("ui.share.replace")
            on_keep=Callback::new(move |()| keep())
            on_confirm=Callback::new(move |()| replace())
        />
    }
}

/// The message about a share link, with its Dismiss button.
fn notice(state: AppState, outcome: RwSignal<Option<Outcome>>, o: Outcome) -> impl IntoView {
    let issues = (!o.issues.is_empty()).then(|| {
        let items = o
            .issues
            .into_iter()
            .map(|i| view! { <li>{i}</li> })
            .collect_view();
        view! {
            <p>{state.text("ui.keep.import_issues")}</p>
            <ul>{items}</ul>
        }
    });
    view! {
        <div
            class="notice share-notice"
            role=if o.loaded { "status" } else { "alert" }
            data-testid="share-message"
            data-outcome=if o.loaded { "loaded" } else { "refused" }
        >
            <p>{o.text}</p>
            {o.loaded.then(|| view! { <UndoLine/> })}
            {issues}
            <button type="button" class="button button-small" on:click=move |_| outcome.set(None)>
                {state.text("ui.notice.dismiss")}
            </button>
        </div>
    }
}
