//! "How this estimate is made" (issue 11): the engine's method section, the same one the report
//! ends with and rendered by the report's own HTML writer, as a closed part of the results (and of
//! the missing-answers page).

use carryover_engine::export::method;
use leptos::prelude::*;

use super::part::Part;
use crate::state::AppState;

/// The method disclosure.
#[component]
pub fn Method() -> impl IntoView {
    let state = expect_context::<AppState>();
    let section = method::section(state.catalog, state.locale);
    let blocks = section.blocks_html();
    view! {
        <Part id="results-method" class="method" title=section.heading.clone()>
            <div class="method-body" inner_html=blocks></div>
        </Part>
    }
}
