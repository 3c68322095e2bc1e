//! Biggest wins: the answers whose improvement to "effective and provable" would raise readiness
//! most (the engine ranks them), each with a way back to its question.

use carryover_engine::export::days;
use leptos::prelude::*;

use super::{answer_label, points, question_screen, tr};
use crate::components::screen_link::ScreenLink;
use crate::state::AppState;

/// The wins section.
#[component]
pub fn Wins() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let items = move || {
        a.with(|a| {
            if a.wins.is_empty() {
                return view! { <p>{state.text("ui.results.no_wins")}</p> }.into_any();
            }
            view! {
                <ol class="wins">
                    {a
                        .wins
                        .iter()
                        .map(|w| {
                            let text = state
                                .catalog
                                .question(&w.question)
                                .map_or_else(|| w.question.clone(), |q| q.text.clone());
                            let now = tr(
                                &state,
                                "ui.results.win_now",
                                &[("answer", &answer_label(&state, &w.question, w.from.as_deref()))],
                            );
                            let gain = tr(
                                &state,
                                "ui.results.win_gain",
                                &[("points", &points(w.readiness_gain))],
                            );
                            let saved = tr(
                                &state,
                                "ui.results.win_days",
                                &[("days", &days(w.days_saved))],
                            );
                            let to = question_screen(state.catalog, &w.question);
                            view! {
                                <li class="win" data-question=w.question.clone()>
                                    <p class="win-question">{text}</p>
                                    <p class="win-now">{now}</p>
                                    <p class="win-gain">
                                        <strong>{gain}</strong>
                                        " · "
                                        <span>{saved}</span>
                                    </p>
                                    <ScreenLink to=to class="button win-go">
                                        {state.text("ui.results.win_go")}
                                    </ScreenLink>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
            .into_any()
        })
    };
    view! {
        <section class="results-section" id="results-wins" aria-labelledby="results-wins-h">
            <h2 id="results-wins-h">{state.text("results.wins")}</h2>
            <p>{state.text("ui.results.wins_intro")}</p>
            {items}
        </section>
    }
}
