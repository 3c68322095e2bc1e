//! Progress through the questionnaire: answered of visible questions, from the engine.

use carryover_engine::export::fill;
use leptos::prelude::*;

use crate::state::AppState;

/// A labelled `<progress>` bar.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = move || state.progress.with(|p| (p.answered, p.total));
    let label = move || {
        let (answered, total) = progress();
        fill(
            &state.text("ui.nav.progress"),
            &[
                ("answered", &answered.to_string()),
                ("total", &total.to_string()),
            ],
        )
    };
    view! {
        <div class="progress">
            <p class="progress-label" id="progress-label" data-testid="progress">{label}</p>
            <progress
                aria-labelledby="progress-label"
                max=move || progress().1.max(1)
                value=move || progress().0
            ></progress>
        </div>
    }
}
