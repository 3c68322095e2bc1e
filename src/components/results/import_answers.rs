//! Loading answers from a file. The file goes through the engine's [`decode`], exactly like saved
//! answers: when it cannot be used (not JSON, not an answers document, a newer version, over
//! 1 MB) the engine's message says why and nothing changes; when it loads, it replaces the answers
//! through [`Autosave::replace`] (so it is saved), and entries that do not fit this version are
//! listed: they are kept aside in the document, never dropped.

use carryover_engine::answers::MAX_DOCUMENT_BYTES;
use carryover_engine::{DecodeError, decode};
use leptos::prelude::*;

use super::tr;
use crate::autosave::Autosave;
use crate::download;
use crate::state::AppState;

/// What the last import did, for the message under the file field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    loaded: bool,
    text: String,
    kept_aside: Vec<String>,
}

/// The last import's outcome, shared by the results page so the message survives the page
/// switching between "not enough answers" and the full results when a file changes that.
#[derive(Clone, Copy)]
pub struct LastImport(pub RwSignal<Option<Outcome>>);

/// The answers-file field and the message about the last file.
#[component]
pub fn ImportAnswers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let outcome =
        use_context::<LastImport>().map_or_else(|| RwSignal::new(None::<Outcome>), |l| l.0);
    let refused = move |file: &str, reason: &str| {
        outcome.set(Some(Outcome {
            loaded: false,
            text: tr(
                &state,
                "ui.take.import_failed",
                &[("file", file), ("reason", reason)],
            ),
            kept_aside: Vec::new(),
        }));
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Picking the same file again must fire `change` again.
        input.set_value("");
        let name = file.name();
        // The size is checked before reading, so a huge file is never loaded into memory.
        let bytes = file.size() as usize;
        if bytes > MAX_DOCUMENT_BYTES {
            refused(&name, &DecodeError::TooLarge { bytes }.to_string());
            return;
        }
        leptos::task::spawn_local(async move {
            let text = match download::read_file(&file).await {
                Ok(text) => text,
                Err(error) => {
                    refused(&name, &format!("{error:?}"));
                    return;
                }
            };
            match decode(state.catalog, &text) {
                Err(error) => refused(&name, &error.to_string()),
                Ok(decoded) => {
                    let count = decoded.document.answers.len().to_string();
                    autosave.replace(decoded.document);
                    outcome.set(Some(Outcome {
                        loaded: true,
                        text: tr(
                            &state,
                            "ui.take.import_ok",
                            &[("count", &count), ("file", &name)],
                        ),
                        kept_aside: decoded.issues.iter().map(ToString::to_string).collect(),
                    }));
                }
            }
        });
    };
    let message = move || {
        outcome.get().map(|o| {
            let issues = (!o.kept_aside.is_empty()).then(|| {
                let items = o
                    .kept_aside
                    .into_iter()
                    .map(|i| view! { <li>{i}</li> })
                    .collect_view();
                view! {
                    <p>{state.text("ui.take.import_issues")}</p>
                    <ul class="import-issues">{items}</ul>
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
    }
}
