//! The printed report: the engine's HTML rendering of its report model (the same markup as the
//! HTML download's body, styled by the same `report.css`, which `index.html` links for print), set
//! as this element's inner HTML. Hidden on screen; in print it replaces the interactive page (see
//! `style/print.css`), so every requirement, every row of the Statement of Applicability and every answer is on paper, none behind
//! a collapsed `<details>`.
//!
//! Why inner HTML rather than a Leptos view of the model: the engine's HTML writer is in the wasm
//! anyway (the HTML download), while a second, view-macro renderer of the same blocks added its own
//! generic view code to the wasm and a second place for paper and file to drift apart.

use carryover_engine::export::report::{Report, ReportOptions};
use leptos::ev;
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::download::{self, RoadmapStart};
use crate::state::AppState;

/// The whole report, shown only when printing.
#[component]
pub fn PrintReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let start = expect_context::<RoadmapStart>();
    // Owners typed since the last rebuild are picked up when the browser is about to print.
    let printing = RwSignal::new(0_u32);
    let listener = window_event_listener(ev::beforeprint, move |_| {
        printing.update(|n| *n = n.wrapping_add(1));
    });
    on_cleanup(move || listener.remove());
    let html = move || {
        printing.track();
        let tasks = autosave.tasks();
        let start = start.get();
        let money = super::budget::settings();
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
    };
    view! { <div class="print-report" data-testid="print-report" inner_html=html></div> }
}
