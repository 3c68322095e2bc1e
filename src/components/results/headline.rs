//! The headline: readiness score with its band, how complete the answers are, and the statement
//! that this is an estimate.

use leptos::prelude::*;

use super::tr;
use crate::state::AppState;

/// Title, readiness score and band, progress and the disclaimer.
#[component]
pub fn Headline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let score = move || a.with(|a| a.readiness.score.to_string());
    let band = move || a.with(|a| state.text(&format!("band.{}.label", a.readiness.band)));
    let band_explain =
        move || a.with(|a| state.text(&format!("band.{}.explain", a.readiness.band)));
    let progress = move || {
        a.with(|a| {
            tr(
                &state,
                "ui.results.progress",
                &[
                    ("answered", &a.progress.answered.to_string()),
                    ("total", &a.progress.total.to_string()),
                ],
            )
        })
    };
    view! {
        <header class="results-head">
            <p class="eyebrow">{state.text("ui.results.eyebrow")}</p>
            <h1 id="results-title" tabindex="-1">{state.text("ui.results.title")}</h1>
            <div class="readiness">
                <p class="readiness-score" data-testid="readiness">
                    <span class="readiness-label">{state.text("results.readiness")}</span>
                    <span class="readiness-number">{score}</span>
                    <span class="readiness-max">{state.text("ui.results.out_of_100")}</span>
                </p>
                <div class="readiness-band">
                    <p class="band-label" data-testid="band">{band}</p>
                    <p class="band-explain">{band_explain}</p>
                    <p class="fineprint">{progress}</p>
                </div>
            </div>
            <p class="results-disclaimer" role="note">{state.text("app.disclaimer")}</p>
        </header>
    }
}
