//! Loading answers from a file. The file is read as bytes and goes through the engine's
//! [`decode_bytes`], exactly as the command-line scorer reads it (a UTF-8 byte order mark is
//! skipped, text that is not UTF-8 is refused). When it cannot be used (not UTF-8, not JSON, not
//! an answers document, a newer version, over 1 MB, far too many entries that fit no question)
//! the engine's message says why and nothing changes. When loading it would leave questions the
//! user has answered unanswered, a dialog says exactly what would change and asks first. Loading
//! goes through [`Autosave::replace`]: the previous answers are kept as an earlier version, and
//! the message offers Undo. Entries that do not fit this version are listed (the first few): they
//! are kept aside in the document, never dropped.

use carryover_engine::answers::MAX_DOCUMENT_BYTES;
use carryover_engine::merge::Difference;
use carryover_engine::snapshot::Reason;
use carryover_engine::{Answers, DecodeError, Decoded, decode_bytes};
use leptos::html::Dialog;
use leptos::prelude::*;

use super::tr;
use crate::autosave::Autosave;
use crate::components::confirm_dialog::{self, ConfirmDialog};
use crate::components::undo_notice::UndoLine;
use crate::state::AppState;

/// Issues listed under a loaded file; the rest are counted.
const LISTED_ISSUES: usize = 20;

/// What the last import did, for the message under the file field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    loaded: bool,
    text: String,
    kept_aside: Vec<String>,
    more: usize,
}

/// A file that decoded and waits for the user's yes.
#[derive(Clone, Debug, PartialEq)]
struct Waiting {
    name: String,
    decoded: Decoded,
    difference: Difference,
}

/// The last import's outcome, shared by the results page so the message survives the page
/// switching between "not enough answers" and the full results when a file changes that.
#[derive(Clone, Copy)]
pub struct LastImport(pub RwSignal<Option<Outcome>>);

/// The answers-file field, the confirmation dialog and the message about the last file.
#[allow(clippy::too_many_lines)] // one component: the field, its dialog and its message
#[component]
pub fn ImportAnswers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let outcome =
        use_context::<LastImport>().map_or_else(|| RwSignal::new(None::<Outcome>), |l| l.0);
    let waiting = RwSignal::new(None::<Waiting>);
    let dialog = NodeRef::<Dialog>::new();
    let refused = move |file: &str, reason: &str| {
        outcome.set(Some(Outcome {
            loaded: false,
            text: tr(
                &state,
                "ui.take.import_failed",
                &[("file", file), ("reason", reason)],
            ),
            kept_aside: Vec::new(),
            more: 0,
        }));
    };
    let load = move |name: String, decoded: Decoded| {
        let count = state.answers_counted(decoded.document.answers.len());
        let issues = decoded.issues;
        let more = issues.len().saturating_sub(LISTED_ISSUES);
        autosave.replace(decoded.document, Reason::Import);
        outcome.set(Some(Outcome {
            loaded: true,
            text: tr(
                &state,
                "ui.take.import_ok",
                &[("count", &count), ("file", &name)],
            ),
            kept_aside: issues
                .iter()
                .take(LISTED_ISSUES)
                .map(|i| i.message(state.catalog, state.locale))
                .collect(),
            more,
        }));
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = take_picked(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let (name, read) = read_picked(state, file).await;
            match read {
                Err(reason) => refused(&name, &reason),
                Ok(decoded) => {
                    let difference = state.answers.with_untracked(|current| {
                        Difference::between(current, &decoded.document.answers)
                    });
                    if difference.dropped == 0 {
                        load(name, decoded);
                    } else {
                        waiting.set(Some(Waiting {
                            name,
                            decoded,
                            difference,
                        }));
                        confirm_dialog::open(dialog);
                    }
                }
            }
        });
    };
    let confirm = move || {
        if let Some(w) = waiting.get_untracked() {
            waiting.set(None);
            load(w.name, w.decoded);
        }
    };
    let keep = move || {
        if let Some(w) = waiting.get_untracked() {
            waiting.set(None);
            outcome.set(Some(Outcome {
                loaded: false,
                text: tr(&state, "ui.keep.import_kept", &[("file", &w.name)]),
                kept_aside: Vec::new(),
                more: 0,
            }));
        }
    };
    let body = Signal::derive(move || {
        waiting.with(|w| {
            w.as_ref().map_or_else(String::new, |w| {
                tr(
                    &state,
                    "ui.keep.import_body",
                    &[
                        ("file", &w.name),
                        (
                            "incoming",
                            &state.answers_counted(w.decoded.document.answers.len()),
                        ),
                        (
                            "current",
                            &state.answers_counted(state.answers.with_untracked(Answers::len)),
                        ),
                        ("dropped", &w.difference.dropped.to_string()),
                        ("changed", &w.difference.changed.to_string()),
                    ],
                )
            })
        })
    });
    let message = move || {
        outcome.get().map(|o| {
            let more = (o.more > 0).then(|| {
                tr(
                    &state,
                    "ui.keep.import_more",
                    &[("count", &o.more.to_string())],
                )
            });
            let issues = (!o.kept_aside.is_empty()).then(|| {
                let items = o
                    .kept_aside
                    .into_iter()
                    .map(|i| view! { <li>{i}</li> })
                    .collect_view();
                view! {
                    <p>{state.text("ui.keep.import_issues")}</p>
                    <ul class="import-issues">{items}</ul>
                    {more.map(|m| view! { <p>{m}</p> })}
                }
            });
            view! {
                <div
                    class="notice"
                    class:notice-error=!o.loaded
                    role=if o.loaded { "status" } else { "alert" }
                    data-testid="import-message"
                    data-outcome=if o.loaded { "loaded" } else { "refused" }
                >
                    <p>{o.text}</p>
                    {o.loaded.then(|| view! { <UndoLine/> })}
                    {issues}
                </div>
            }
        })
    };
    view! {
        <h3>{state.text("ui.take.import_title")}</h3>
        <p>{state.text("ui.take.import_hint")}</p>
        <label class="import-field">
            <span>{state.text("ui.take.import_label")}</span>
            <input
                type="file"
                accept=".json,application/json"
                data-testid="import-file"
                on:change=on_change
            />
        </label>
        {message}
        <ConfirmDialog
            dialog=dialog
            name="import"
            title=state.text("ui.keep.import_title")
            body=body
            keep_label=state.text("ui.keep.import_keep")
            confirm_label=state.text("ui.keep.import_confirm")
            on_keep=Callback::new(move |()| keep())
            on_confirm=Callback::new(move |()| confirm())
        />
    }
}

/// The file a `change` event of a file input picked, if any. The input is emptied, so picking
/// the same file again fires `change` again.
pub(crate) fn take_picked(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(file)
}

/// Reads a picked file the one way answers files are read (size checked before reading, then
/// [`decode_bytes`]): its name (control characters escaped) and the document, or the engine's
/// reason in words. Used by loading answers and by comparing with an earlier assessment.
pub(crate) async fn read_picked(
    state: AppState,
    file: web_sys::File,
) -> (String, Result<Decoded, String>) {
    let name = carryover_engine::export::escape_control(&file.name());
    // The size is checked before reading, so a huge file is never loaded into memory.
    let bytes = file.size() as usize;
    if bytes > MAX_DOCUMENT_BYTES {
        let error = DecodeError::TooLarge { bytes };
        return (name, Err(error.message(state.catalog, state.locale)));
    }
    let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(error) => {
            let reason = js_sys::Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            return (name, Err(carryover_engine::export::escape_control(&reason)));
        }
    };
    let read =
        decode_bytes(state.catalog, &bytes).map_err(|e| e.message(state.catalog, state.locale));
    (name, read)
}
