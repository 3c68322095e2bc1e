//! "How this estimate is made" (issue 11): the engine's method section, the same one the report
//! ends with and rendered by the report's own HTML writer, as a closed part of the results (and of
//! the missing-answers page).

use carryover_engine::export::method;
use leptos::prelude::*;

use super::part::Part;
use crate::embed::Embed;
use crate::state::AppState;

/// The method disclosure.
#[component]
pub fn Method() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Money is explained only when it is shown (`show_budget`), with the figures in use; the
    // site owner's configuration may arrive after the first render, so the body follows it.
    let embed = use_context::<Embed>();
    let heading = method::section(state.catalog, state.locale, None).heading;
    let blocks = move || {
        method::section(
            state.catalog,
            state.locale,
            super::budget::settings_of(embed).as_ref(),
        )
        .blocks_html()
    };
    view! {
        <Part id="results-method" class="method" title=heading>
            <div class="method-body" inner_html=blocks></div>
        </Part>
    }
}
