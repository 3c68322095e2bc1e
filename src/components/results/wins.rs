//! Biggest wins: the answers whose improvement to "effective and provable" would raise readiness
//! most (the engine ranks them), each with a way back to its question.

use leptos::prelude::*;

use super::part::Part;

use super::{answer_label, days_phrase, points, tr};
use crate::revisit::RevisitLink;
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
                                &[("points", &points(state.locale, w.readiness_gain))],
                            );
                            let saved = days_phrase(&state, "ui.glance.days_saved", w.days_saved);
                            view! {
                                <li class="win" data-question=w.question.clone()>
                                    <p class="win-question">{text}</p>
                                    <p class="win-now">{now}</p>
                                    <p class="win-gain">
                                        <strong>{gain}</strong>
                                        " · "
                                        <span>{saved}</span>
                                    </p>
                                    <RevisitLink question=w.question.clone() class="button win-go">
                                        {state.text("ui.results.win_go")}
                                    </RevisitLink>
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
        <Part id="results-wins" title=state.text("results.wins")>
            <p>{state.text("ui.results.wins_intro")}</p>
            {items}
        </Part>
    }
}
