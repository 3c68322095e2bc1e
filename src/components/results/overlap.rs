//! What carries over, measured two ways: the share of requirements in each status and the share
//! of the estimated work already done, for clauses 4–10 and Annex A apart, beside the figures
//! others have published and why a count and an effort share differ.

use carryover_engine::score::{Counts, Split};
use leptos::prelude::*;

use super::part::Part;

use super::area_chart::ScoreBars;
use super::status_stack::StatusStack;
use super::{half_days, tr};
use crate::state::AppState;

/// The overlap section.
#[allow(clippy::too_many_lines)] // one view read top to bottom; splitting it would scatter the markup
#[component]
pub fn Overlap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let parts = move || {
        a.with(|a| {
            vec![
                (
                    state.text("report.clauses"),
                    "clauses",
                    a.overlap.clauses.clone(),
                ),
                (state.text("report.annex"), "annex", a.overlap.annex.clone()),
                (state.text("report.all"), "all", a.overlap.all.clone()),
            ]
        })
    };
    let stack_rows = Signal::derive(move || {
        parts()
            .into_iter()
            .take(2)
            .map(|(label, _, sp)| (label, sp.counts))
            .collect::<Vec<(String, Counts)>>()
    });
    let done_rows = Signal::derive(move || {
        parts()
            .into_iter()
            .map(|(label, _, sp)| (label, Some(sp.effort_done_pct)))
            .collect::<Vec<(String, Option<u8>)>>()
    });
    let pct = move |x: u8| carryover_engine::export::units::percent(state.locale, x);
    let row = move |(label, key, sp): (String, &'static str, Split)| {
        let done = tr(
            &state,
            "report.days_done",
            &[
                (
                    "done",
                    &half_days(state.locale, sp.full_days - sp.remaining_days),
                ),
                ("full", &half_days(state.locale, sp.full_days)),
            ],
        );
        // `data-label` names each cell where a narrow screen stacks the row (style/results.css).
        view! {
            <tr data-part=key>
                <th scope="row">{label}</th>
                <td class="num" data-col="inherited" data-label=state.text("status.inherited")>{pct(sp.inherited_pct)}</td>
                <td class="num" data-col="extend" data-label=state.text("status.extend")>{pct(sp.extend_pct)}</td>
                <td class="num" data-col="net_new" data-label=state.text("status.net_new")>{pct(sp.net_new_pct)}</td>
                <td class="num" data-col="not_applicable" data-label=state.text("ui.results.na_count")>{sp.counts.not_applicable}</td>
                <td class="num" data-col="effort_done" data-label=state.text("report.effort_done")>{pct(sp.effort_done_pct)}</td>
                <td class="num" data-col="days_done" data-label=state.text("report.days_done_header")>{done}</td>
            </tr>
        }
    };
    // Only the figures about the programs this respondent runs (the engine's baseline).
    let shown = move || a.with(|a| a.baseline.figures.clone());
    let note = move || {
        a.with(|a| a.baseline.figures_note.clone()).map(
            |n| view! { <p class="benchmarks-note">{state.text(&format!("benchmarks.{n}"))}</p> },
        )
    };
    let published = move || {
        let shown = shown();
        state
            .catalog
            .published
            .iter()
            .filter(|f| shown.contains(&f.id))
            .map(|f| {
                let src = state.catalog.effort.sources.get(f.source);
                let basis = state.text(&format!("ui.results.basis.{}", f.basis));
                let range = tr(
                    &state,
                    "ui.results.published_range",
                    &[("low", &f.low.to_string()), ("high", &f.high.to_string())],
                );
                let source = tr(
                    &state,
                    "ui.results.published_source",
                    &[
                        ("publisher", src.map_or("", |s| s.publisher.as_str())),
                        ("date", src.map_or("", |s| s.date.as_str())),
                    ],
                );
                view! {
                    <li>
                        <p class="published-figure">
                            <strong class="published-range">{range}</strong>
                            " "
                            <span class="published-basis">{basis}</span>
                        </p>
                        <span class="published-claim">{f.claim.clone()}</span>
                        <span class="published-source">{source}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Part id="results-overlap" title=state.text("results.overlap")>
            <p>{state.text("report.overlap_intro")}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="overlap-caption">
                <table class="overlap-table" data-testid="overlap">
                    <caption id="overlap-caption">{state.text("ui.results.overlap_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{state.text("report.part")}</th>
                            <th scope="col" class="num">{state.text("status.inherited")}</th>
                            <th scope="col" class="num">{state.text("status.extend")}</th>
                            <th scope="col" class="num">{state.text("status.net_new")}</th>
                            <th scope="col" class="num">{state.text("ui.results.na_count")}</th>
                            <th scope="col" class="num">{state.text("report.effort_done")}</th>
                            <th scope="col" class="num">{state.text("report.days_done_header")}</th>
                        </tr>
                    </thead>
                    <tbody>{move || parts().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
            <div class="overlap-charts">
                <div>
                    <h3>{state.text("ui.results.by_count")}</h3>
                    <StatusStack id="stack-overlap" rows=stack_rows/>
                </div>
                <div>
                    <h3>{state.text("ui.results.by_effort")}</h3>
                    <ScoreBars
                        id="effort-done"
                        title=state.text("ui.results.effort_done_title")
                        rows=done_rows
                        percent=true
                        row_header=state.text("report.part")
                    />
                </div>
            </div>
            <p class="count-vs-effort">{state.text("results.count_vs_effort")}</p>
            <h3>{state.text("results.published")}</h3>
            <ul class="published">{published}</ul>
            {note}
        </Part>
    }
}
