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
//! Why inner HTML rather than a Leptos view of the model: the engine's HTML writer is in the wasm
//! anyway (the HTML download), while a second, view-macro renderer of the same blocks added its own
//! generic view code to the wasm and a second place for paper and file to drift apart.

use carryover_engine::export::report::{Report, ReportOptions};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::autosave::Autosave;
use crate::download::{self, RoadmapStart};
use crate::embed::Embed;
use crate::state::AppState;

/// The printed report's element and what it is built from; a context of the results screen, so
/// the Print button can fill it before opening the dialog. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct PrintTarget {
    element: NodeRef<Div>,
    state: AppState,
    autosave: Autosave,
    start: RoadmapStart,
    embed: Option<Embed>,
}

impl PrintTarget {
    /// Takes the contexts it needs (call it in a component body).
    pub fn from_context() -> Self {
        Self {
            element: NodeRef::new(),
            state: expect_context::<AppState>(),
            autosave: expect_context::<Autosave>(),
            start: expect_context::<RoadmapStart>(),
            embed: use_context::<Embed>(),
        }
    }

    /// Builds the report from the answers, owners and start date as they are now and puts it in
    /// the element (nothing when the results are not on screen).
    pub fn fill(self) {
        let Some(element) = self.element.get_untracked() else {
            return;
        };
        element.set_inner_html(&untrack(|| self.html()));
    }

    fn html(self) -> String {
        let state = self.state;
        let tasks = self.autosave.tasks();
        let start = self.start.get();
        let money = super::budget::settings_of(self.embed);
        state.assessment.with(|a| {
            state.answers.with(|answers| {
                Report::build_with(
                    state.catalog,
                    a,
                    answers,
                    state.locale,
                    ReportOptions {
                        prepared: download::today(),
                        start,
                        tasks: &tasks,
                        budget: money.as_ref(),
                    },
                )
                .to_html_fragment()
            })
        })
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
