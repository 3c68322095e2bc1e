//! The printed report: the engine's HTML rendering of its report model (the same markup as the
//! HTML download's body, styled by the same `report.css`, which `index.html` links for print), set
//! as this element's inner HTML. Hidden on screen; in print it replaces the interactive page (see
//! `style/print.css`), so every requirement, every row of the Statement of Applicability and every answer is on paper, none behind
//! a collapsed `<details>`.
//!
//! Built only when the page is about to print ([`PrintTarget::fill`]): by the Print button before
//! it opens the dialog, on the browser's `beforeprint` (its own print command, and headless PDF
//! printing), and when the `print` media query starts to match (print emulation, browsers that
//! print without `beforeprint`). Building it on every results render cost more than the rest of
//! the screen; the element stays empty until then.
//!
//! The HTML comes from the take-away module (`crate::takeaway`, the engine's report writer in the
//! second wasm module), which the results screen loads once it has rendered. The browser's own
//! print events cannot wait for it: when one comes before the module is ready (seconds after the
//! results first show, on a slow connection), the report is filled as soon as the module is there,
//! and that print shows the screen as it is (see `style/print.css`). The Print button waits.
//!
//! Why inner HTML rather than a Leptos view of the model: the engine's HTML writer is needed
//! anyway (the HTML download), while a second, view-macro renderer of the same blocks added its own
//! generic view code to the wasm and a second place for paper and file to drift apart.

use carryover_engine::export::takeaway::Kind;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::take_away::failed;
use crate::download;
use crate::takeaway::{self, Jobs};

/// The printed report's element and what it is built from; a context of the results screen, so
/// the Print button can fill it before opening the dialog. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct PrintTarget {
    element: NodeRef<Div>,
    jobs: Jobs,
}

impl PrintTarget {
    /// Takes the contexts it needs (call it in a component body).
    pub fn from_context() -> Self {
        Self {
            element: NodeRef::new(),
            jobs: Jobs::from_context(),
        }
    }

    /// Builds the report from the answers, owners and start date as they are now and puts it in
    /// the element (nothing when the results are not on screen). At once when the take-away
    /// module is ready; otherwise as soon as it is.
    pub fn fill(self) {
        let job = self.jobs.job(Kind::ReportPrint);
        match takeaway::make_now(&job) {
            Some(made) => self.put(made),
            None => leptos::task::spawn_local(async move {
                let made = takeaway::make(job).await;
                self.put(made);
            }),
        }
    }

    /// The Print button: waits for the module if needed, fills the report, opens the dialog; or
    /// says in `failure` why it cannot.
    pub fn fill_then_print(self, failure: RwSignal<Option<String>>) {
        let job = self.jobs.job(Kind::ReportPrint);
        let state = self.jobs.state();
        leptos::task::spawn_local(async move {
            match takeaway::make(job).await {
                Ok(html) => {
                    failure.set(None);
                    self.put(Ok(html));
                    download::print();
                }
                Err(key) => failure.set(Some(failed(&state, &state.text(&key)))),
            }
        });
    }

    fn put(self, made: Result<String, takeaway::Reason>) {
        // `try_`: the results screen may have closed while the module loaded.
        let Some(element) = self.element.try_get_untracked().flatten() else {
            return;
        };
        match made {
            Ok(html) => element.set_inner_html(&html),
            Err(key) => leptos::logging::warn!("print report: {key}"),
        }
    }
}

/// The whole report, shown only when printing; empty until the page is about to print.
#[component]
pub fn PrintReport(
    /// Where the report goes and what it is built from.
    target: PrintTarget,
) -> impl IntoView {
    let listener = window_event_listener(ev::beforeprint, move |_| target.fill());
    on_cleanup(move || listener.remove());
    // `matchMedia("print")` turning true: print emulation and browsers without `beforeprint`.
    if let Ok(Some(query)) = window().match_media("print") {
        let print = query.clone();
        let on_change = Closure::<dyn Fn()>::new(move || {
            if print.matches() {
                target.fill();
            }
        });
        _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let kept = StoredValue::new_local((query, on_change));
        on_cleanup(move || {
            kept.with_value(|(query, on_change)| {
                _ = query.remove_event_listener_with_callback(
                    "change",
                    on_change.as_ref().unchecked_ref(),
                );
            });
        });
    }
    view! { <div class="print-report" data-testid="print-report" node_ref=target.element></div> }
}
