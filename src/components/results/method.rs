//! "How this estimate is made" (issue 11): the engine's method section (the same one the report
//! ends with) as a closed part of the results (and of the missing-answers page).

use carryover_engine::export::method;
use carryover_engine::export::report::Block;
use leptos::prelude::*;

use super::part::Part;
use crate::state::AppState;

/// The method disclosure.
#[component]
pub fn Method() -> impl IntoView {
    let state = expect_context::<AppState>();
    let section = method::section(state.catalog, state.locale);
    let blocks = section
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text } => view! { <p>{text.clone()}</p> }.into_any(),
            Block::Subheading { text } => view! { <h3>{text.clone()}</h3> }.into_any(),
            Block::List { items } => view! {
                <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Table(_) | Block::Note { .. } => ().into_any(),
        })
        .collect_view();
    view! {
        <Part id="results-method" class="method" title=section.heading.clone()>
            {blocks}
        </Part>
    }
}
