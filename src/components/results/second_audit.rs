//! Second-audit risks: requirements resting on practices that exist but are not effective or not
//! provable, so they will not carry over as evidence.

use leptos::prelude::*;

use super::part::Part;

use super::subject_name;
use crate::state::AppState;

/// The second-audit risks section (empty list says so).
#[component]
pub fn SecondAudit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let items = move || {
        a.with(|a| {
            if a.second_audit_risks.is_empty() {
                return view! { <p>{state.text("ui.results.none")}</p> }.into_any();
            }
            view! {
                <ul class="plain-list">
                    {a
                        .second_audit_risks
                        .iter()
                        .map(|id| view! { <li>{subject_name(state.catalog, id)}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <Part id="results-second-audit" title=state.text("ui.results.second_audit")>
            <p>{state.text("warning.second_audit.body")}</p>
            {items}
        </Part>
    }
}
