//! The phased roadmap: four phases, the requirements to work on in each (most readiness first)
//! with their remaining days, and the engine's warnings shown in the phase they belong to.

use carryover_engine::text::phase_id;
use leptos::prelude::*;

use super::part::Part;

use super::{days_phrase, points, status_label, subject_name, tr};
use crate::state::AppState;

/// The roadmap section.
#[component]
pub fn Roadmap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let phases = move || {
        a.with(|a| {
            a.roadmap
                .iter()
                .map(|p| {
                    let pid = phase_id(p.phase);
                    let title = state.text(&format!("phase.{pid}.title"));
                    let phase_days = days_phrase(&state, "ui.glance.phase_days", p.days);
                    let warnings = a
                        .warnings
                        .iter()
                        .filter(|w| w.phase == p.phase)
                        .map(|w| {
                            let related = (!w.related.is_empty()).then(|| {
                                let names: Vec<String> =
                                    w.related.iter().map(|id| subject_name(state.catalog, id)).collect();
                                view! {
                                    <p class="warning-related">
                                        {tr(&state, "report.related", &[("list", &names.join("; "))])}
                                    </p>
                                }
                            });
                            view! {
                                <div class="warning" data-warning=w.id.clone()>
                                    <p class="warning-title">
                                        <span class="warning-mark" aria-hidden="true">"!"</span>
                                        <strong>{state.text(&format!("warning.{}.title", w.id))}</strong>
                                    </p>
                                    <p>{state.text(&format!("warning.{}.body", w.id))}</p>
                                    {related}
                                </div>
                            }
                        })
                        .collect_view();
                    let items = if p.items.is_empty() {
                        view! { <p class="fineprint">{state.text("report.phase_empty")}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="roadmap-items">
                                {p
                                    .items
                                    .iter()
                                    .map(|i| {
                                        let name = subject_name(state.catalog, &i.requirement);
                                        let left = days_phrase(&state, "ui.glance.days_left", i.remaining_days);
                                        let gain = tr(
                                            &state,
                                            "ui.results.gain",
                                            &[("points", &points(state.locale, i.gain))],
                                        );
                                        view! {
                                            <li>
                                                <span class="item-name">{name}</span>
                                                <span class=format!("badge status-{}", i.status.id())>
                                                    {status_label(&state, i.status)}
                                                </span>
                                                <span class="item-meta">{left} " · " {gain}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                        .into_any()
                    };
                    view! {
                        <li class="phase" data-phase=pid>
                            <h3>{title}</h3>
                            <p class="phase-days">{phase_days}</p>
                            {warnings}
                            {items}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Part id="results-roadmap" lazy=true title=state.text("results.roadmap")>
            <p>{state.text("ui.results.roadmap_intro")}</p>
            <ol class="phases">{phases}</ol>
        </Part>
    }
}
