//! The effort estimate: a range in person-days and calendar months, the breakdown by kind of work,
//! the factors that applied and how many AI systems are in scope.

use carryover_engine::export::units::days_in;
use leptos::prelude::*;

use super::part::Part;

use super::tr;
use crate::state::AppState;

/// The effort section.
#[allow(clippy::too_many_lines)] // one view read top to bottom; splitting it would scatter the markup
#[component]
pub fn EffortSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let range_days = move || {
        a.with(|a| {
            tr(
                &state,
                "ui.results.range",
                &[
                    ("low", &a.effort.days_low.to_string()),
                    ("high", &a.effort.days_high.to_string()),
                ],
            )
        })
    };
    let range_months = move || {
        a.with(|a| {
            tr(
                &state,
                "ui.results.range",
                &[
                    (
                        "low",
                        &carryover_engine::export::units::months_in(
                            state.locale,
                            a.effort.months_low,
                        ),
                    ),
                    (
                        "high",
                        &carryover_engine::export::units::months_in(
                            state.locale,
                            a.effort.months_high,
                        ),
                    ),
                ],
            )
        })
    };
    let systems = move || {
        a.with(|a| {
            tr(
                &state,
                "report.systems",
                &[("count", &a.effort.systems.to_string())],
            )
        })
    };
    let lines = move || {
        a.with(|a| {
            a.effort
                .lines
                .iter()
                .map(|l| {
                    view! {
                        <tr data-kind=l.kind.id()>
                            <th scope="row">{state.text(&format!("effort.{}", l.kind.id()))}</th>
                            <td class="num">{days_in(state.locale, l.days)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let total = move || a.with(|a| days_in(state.locale, a.effort.days));
    let factors = move || {
        a.with(|a| {
            if a.effort.factors.is_empty() {
                return view! { <p class="fineprint">{state.text("ui.results.no_factors")}</p> }
                    .into_any();
            }
            view! {
                <ul class="factors">
                    {a
                        .effort
                        .factors
                        .iter()
                        .map(|f| {
                            let line = tr(
                                &state,
                                "report.factor",
                                &[
                                    ("multiplier", &carryover_engine::export::units::localize(state.locale, &format!("{:.2}", f.multiplier))),
                                    ("label", &state.text(&format!("factor.{}", f.id))),
                                ],
                            );
                            view! { <li>{line}</li> }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <Part id="results-effort" title=state.text("results.effort")>
            <div class="effort-figures">
                <p class="figure" data-testid="effort-days">
                    <span class="figure-number">{range_days}</span>
                    <span class="figure-unit">{state.text("report.person_days")}</span>
                </p>
                <p class="figure" data-testid="effort-months">
                    <span class="figure-number">{range_months}</span>
                    <span class="figure-unit">{state.text("ui.results.months")}</span>
                </p>
                <p class="figure" data-testid="effort-systems">
                    <span class="figure-text">{systems}</span>
                </p>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="effort-caption">
                <table class="effort-table">
                    <caption id="effort-caption">{state.text("ui.results.breakdown")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{state.text("report.effort_kind")}</th>
                            <th scope="col" class="num">{state.text("report.person_days")}</th>
                        </tr>
                    </thead>
                    <tbody>{lines}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{state.text("ui.results.point_estimate")}</th>
                            <td class="num">{total}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <h3>{state.text("ui.results.factors")}</h3>
            {factors}
        </Part>
    }
}
