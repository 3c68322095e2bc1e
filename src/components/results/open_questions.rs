//! Questions answered "don't know" and questions not answered yet, each linking back to its
//! question (both are scored as not in place until answered).

use leptos::prelude::*;

use super::part::Part;

use crate::revisit::RevisitLink;
use crate::state::AppState;

/// The open questions section.
#[component]
pub fn OpenQuestions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let list = move |ids: Vec<String>| {
        if ids.is_empty() {
            return view! { <p>{state.text("ui.results.none")}</p> }.into_any();
        }
        view! {
            <ul class="plain-list">
                {ids
                    .into_iter()
                    .map(|id| {
                        let text = state
                            .catalog
                            .question(&id)
                            .map_or_else(|| id.clone(), |q| q.text.clone());
                        view! { <li><RevisitLink question=id>{text}</RevisitLink></li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Part id="results-open" title=state.text("ui.results.open_questions")>
            <h3>{state.text("ui.results.unknowns")}</h3>
            {move || list(a.with(|a| a.unknowns.clone()))}
            <h3>{state.text("ui.results.unanswered")}</h3>
            {move || list(a.with(|a| a.unanswered.clone()))}
        </Part>
    }
}
