//! The share link: the answers (and task owners and cadences) packed into the URL fragment by the
//! engine's `share::encode` (in the take-away module, `crate::takeaway`), shown in a read-only field with a Copy button. Fragments are never
//! sent to a server. The clipboard may be refused (insecure context, a sandboxed frame); the field
//! is always there to copy from.

use carryover_engine::export::takeaway::Kind;
use leptos::prelude::*;

use super::take_away::failed;
use crate::download;
use crate::route;
use crate::state::AppState;
use crate::takeaway::{self, Jobs};

/// "Copy share link", the link field and its Copy button.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let jobs = Jobs::from_context();
    let link = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<bool>);
    let copy = move |url: String| {
        copied.set(None);
        leptos::task::spawn_local(async move {
            copied.set(Some(download::copy_text(&url).await));
        });
    };
    let make = move |_| {
        let job = jobs.job(Kind::ShareFragment);
        leptos::task::spawn_local(async move {
            match takeaway::make(job).await {
                Ok(fragment) => {
                    failure.set(None);
                    let url = route::share_href(&fragment);
                    link.set(Some(url.clone()));
                    copy(url);
                }
                Err(key) => {
                    copied.set(None);
                    failure.set(Some(failed(&state, &state.text(&key))));
                }
            }
        });
    };
    let field = move || {
        link.get().map(|url| {
            let again = url.clone();
            view! {
                <div class="share-field">
                    <label for="share-link">{state.text("ui.take.share_label")}</label>
                    <div class="share-row">
                        <input
                            id="share-link"
                            type="text"
                            readonly
                            data-testid="share-link"
                            prop:value=url
                            on:focus=|ev| {
                                let input: web_sys::HtmlInputElement = event_target(&ev);
                                input.select();
                            }
                        />
                        <button type="button" class="button button-small" on:click=move |_| copy(again.clone())>
                            {state.text("ui.take.share_copy")}
                        </button>
                    </div>
                </div>
            }
        })
    };
    let status = move || {
        if let Some(text) = failure.get() {
            return Some(text);
        }
        copied.get().map(|ok| {
            state.text(if ok {
                "ui.take.share_copied"
            } else {
                "ui.take.share_copy_failed"
            })
        })
    };
    view! {
        <h3>{state.text("ui.take.share_title")}</h3>
        <p>{state.text("ui.take.share_intro")}</p>
        <button type="button" class="button" data-testid="share-make" on:click=make>
            {state.text("ui.take.share_make")}
        </button>
        {field}
        <p class="fineprint" role="status" data-testid="share-status">{status}</p>
    }
}
