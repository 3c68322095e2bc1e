//! The readiness score with its band: shown in the "Readiness by area" part, beside the area
//! charts it sums up (the summary leads with what carries over, not with a score).

use leptos::prelude::*;

use crate::state::AppState;

/// Readiness score and band.
#[component]
pub fn Headline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let score = move || a.with(|a| a.readiness.score.to_string());
    let band = move || a.with(|a| state.text(&format!("band.{}.label", a.readiness.band)));
    let band_explain =
        move || a.with(|a| state.text(&format!("band.{}.explain", a.readiness.band)));
    view! {
        <div class="readiness">
            <p class="readiness-score" data-testid="readiness">
                <span class="readiness-label">{state.text("results.readiness")}</span>
                <span class="readiness-number">{score}</span>
                <span class="readiness-max">{state.text("ui.results.out_of_100")}</span>
            </p>
            <div class="readiness-band">
                <p class="band-label" data-testid="band">{band}</p>
                <p class="band-explain">{band_explain}</p>
            </div>
        </div>
    }
}
