//! Every clause and Annex A requirement with its status, filterable by status, each expandable to
//! the reasons behind it ([`RequirementRow`]).
//!
//! [`RequirementRow`]: super::requirement_row::RequirementRow

use carryover_engine::model::Status;
use leptos::prelude::*;

use super::part::Part;

use super::requirement_row::RequirementRow;
use super::status_stack::Swatch;
use super::{status_label, tr};
use crate::state::AppState;

/// The requirements section.
#[component]
pub fn RequirementTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    // `None` shows every status.
    let filter = RwSignal::new(None::<Status>);
    let count = move |s: Option<Status>| {
        a.with(|a| {
            a.requirements
                .iter()
                .filter(|r| s.is_none_or(|s| r.status == s))
                .count()
        })
    };
    let option = move |s: Option<Status>| {
        let label = s.map_or_else(
            || state.text("ui.results.filter_all"),
            |s| status_label(&state, s),
        );
        let value = s.map_or("all", Status::id);
        let swatch = s.map(|s| view! { <Swatch status=s/> });
        view! {
            <label class="filter-option">
                <input
                    type="radio"
                    name="requirement-filter"
                    value=value
                    prop:checked=move || filter.get() == s
                    on:change=move |_| filter.set(s)
                />
                {swatch}
                <span>{label}</span>
                <span class="filter-count">{move || count(s)}</span>
            </label>
        }
    };
    let shown = move || {
        let f = filter.get();
        tr(
            &state,
            "ui.results.showing",
            &[
                ("shown", &count(f).to_string()),
                ("total", &count(None).to_string()),
            ],
        )
    };
    let rows = move || {
        let f = filter.get();
        a.with(|a| {
            a.requirements
                .iter()
                .filter(|r| f.is_none_or(|s| r.status == s))
                .map(|r| view! { <RequirementRow result=r.clone()/> })
                .collect_view()
        })
    };
    view! {
        <Part id="results-requirements" title=state.text("results.requirements")>
            <p>{state.text("ui.results.requirements_intro")}</p>
            <fieldset class="filter">
                <legend>{state.text("ui.results.filter_label")}</legend>
                {option(None)}
                {Status::ALL.into_iter().map(|s| option(Some(s))).collect_view()}
            </fieldset>
            <p class="fineprint" role="status" data-testid="showing">{shown}</p>
            <ul class="req-list">{rows}</ul>
        </Part>
    }
}
