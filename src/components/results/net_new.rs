//! The net-new work list: requirements nothing in place supports yet, with what each involves.

use carryover_engine::model::Status;
use leptos::prelude::*;

use super::part::Part;

use super::days_phrase;
use crate::state::AppState;

/// The net-new section.
#[component]
pub fn NetNew() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let items = move || {
        a.with(|a| {
            let rows: Vec<_> = a
                .requirements
                .iter()
                .filter(|r| r.status == Status::NetNew)
                .collect();
            if rows.is_empty() {
                return view! { <p>{state.text("ui.results.none")}</p> }.into_any();
            }
            view! {
                <ul class="work-list">
                    {rows
                        .into_iter()
                        .map(|r| {
                            let req = state.catalog.requirement(&r.id);
                            let name = req.map_or("", |x| x.name.as_str()).to_owned();
                            let explain = req.map_or("", |x| x.explain.as_str()).to_owned();
                            let left = days_phrase(&state, "ui.glance.days_left", r.remaining_days);
                            view! {
                                <li>
                                    <p class="item-name">
                                        <span class="req-id">{r.id.clone()}</span>
                                        " "
                                        {name}
                                        <span class="item-meta">{left}</span>
                                    </p>
                                    <p class="item-explain">{explain}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <Part id="results-net-new" lazy=true title=state.text("ui.results.net_new")>
            <p>{state.text("ui.results.net_new_intro")}</p>
            {items}
        </Part>
    }
}
