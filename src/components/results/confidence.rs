//! How far the answers can be trusted (issue 11): practices answered effective and provable are
//! externally attested when a certificate or SOC 2 Type II report covers them, self-assessed
//! otherwise. The engine's baseline decides; this only lists it.

use carryover_engine::baseline::Confidence as Level;
use leptos::prelude::*;

use super::part::Part;
use super::subject_name;
use crate::state::AppState;

/// The confidence section.
#[component]
pub fn Confidence() -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = move |level: Level| {
        state.assessment.with(|a| {
            a.baseline
                .confidence
                .iter()
                .filter(|c| c.confidence == level)
                .map(|c| subject_name(state.catalog, &c.question))
                .collect::<Vec<_>>()
        })
    };
    let group = move |level: Level| {
        let items = list(level);
        (!items.is_empty()).then(|| {
            view! {
                <h3>{state.text(&format!("confidence.{}", level.id()))}</h3>
                <ul class="plain-list" data-confidence=level.id()>
                    {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                </ul>
            }
        })
    };
    let empty = move || {
        state
            .assessment
            .with(|a| a.baseline.confidence.is_empty())
            .then(|| view! { <p>{state.text("ui_model.confidence.none")}</p> })
    };
    view! {
        <Part id="results-confidence" title=state.text("ui_model.confidence.title")>
            <p>{state.text("ui_model.confidence.intro")}</p>
            {move || group(Level::Attested)}
            {move || group(Level::SelfAssessed)}
            {empty}
        </Part>
    }
}
