//! No result without answers (issue 11): until the intake is complete and enough practices are
//! answered, the results screen shows what is missing, with links to it, and no score.

use carryover_engine::export::fill;
use leptos::prelude::*;

use crate::components::screen_link::ScreenLink;
use crate::route::Screen;
use crate::state::AppState;

/// What is still missing before a result can be shown.
#[component]
pub fn MissingAnswers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        state.assessment.with(|a| {
            let m = &a.missing;
            let intake = (!m.intake.is_empty()).then(|| {
                let names: Vec<String> = m
                    .intake
                    .iter()
                    .filter_map(|id| state.catalog.question(id))
                    .map(|q| q.text.clone())
                    .collect();
                view! {
                    <p>{state.text("ui_model.missing.intake")}</p>
                    <ul class="plain-list">
                        {names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                }
            });
            let practices = fill(
                &state.text("ui_model.missing.practices"),
                &[
                    ("answered", &m.practices_answered.to_string()),
                    ("needed", &m.practices_needed.to_string()),
                ],
            );
            let links = m
                .sections
                .iter()
                .filter_map(|id| {
                    state
                        .catalog
                        .sections
                        .iter()
                        .position(|s| &s.id == id)
                        .map(|i| (i, state.catalog.sections[i].title.clone()))
                })
                .map(|(i, title)| {
                    view! { <li><ScreenLink to=Screen::Section(i)>{title}</ScreenLink></li> }
                })
                .collect_view();
            let suggestions = (!a.baseline.suggestions.is_empty()).then(|| {
                let text = fill(
                    &state.text("ui_model.missing.suggestions"),
                    &[("count", &a.baseline.suggestions.len().to_string())],
                );
                view! { <p>{text}</p> }
            });
            view! {
                {intake}
                <p>{practices}</p>
                {suggestions}
                <h3>{state.text("ui_model.missing.go")}</h3>
                <ul class="plain-list">{links}</ul>
            }
        })
    };
    view! {
        <section class="results-section" id="results-missing" aria-labelledby="results-missing-h">
            <h1 id="results-missing-h" tabindex="-1">{state.text("ui_model.missing.title")}</h1>
            <p>{state.text("ui_model.missing.intro")}</p>
            {body}
        </section>
    }
}
