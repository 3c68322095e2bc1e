//! Horizontal bars, 0–100: readiness per area (clauses 4–10, Annex A objectives) and, reused by
//! the overlap section, the share of work already done. Each chart is an `<svg role="img">` with a
//! title, and a visually hidden table with the same numbers for screen readers.

use carryover_engine::model::AreaKind;
use leptos::prelude::*;

use crate::charts::{self, BAR_HEIGHT, BAR_OFFSET, LABEL_BASELINE};
use crate::state::AppState;

/// Readiness per area of one kind.
#[component]
pub fn AreaChart(
    /// Clauses 4–10 or Annex A objectives.
    kind: AreaKind,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (id, title) = match kind {
        AreaKind::Clause => ("areas-clauses", state.text("ui.results.areas_clauses")),
        AreaKind::Objective => ("areas-annex", state.text("ui.results.areas_annex")),
    };
    let rows = Signal::derive(move || {
        state.assessment.with(|a| {
            a.areas
                .iter()
                .filter(|ar| ar.kind == kind)
                .map(|ar| {
                    let name = state
                        .catalog
                        .areas
                        .iter()
                        .find(|x| x.id == ar.area)
                        .map_or("", |x| x.name.as_str());
                    (format!("{} {name}", ar.area), ar.score)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3>{title.clone()}</h3>
        <ScoreBars id=id title=title rows=rows percent=false row_header=state.text("ui.results.area")/>
    }
}

/// A labelled bar per row; `None` shows "n/a" and no bar.
#[allow(clippy::too_many_lines)] // one view read top to bottom; splitting it would scatter the markup
#[component]
pub fn ScoreBars(
    /// Id prefix (title, table).
    id: &'static str,
    /// The chart's accessible name.
    title: String,
    /// A label and a 0–100 value per row.
    rows: Signal<Vec<(String, Option<u8>)>>,
    /// Show values as percentages (`52%`) rather than scores (`52`).
    percent: bool,
    /// Header of the row-label column in the text alternative.
    row_header: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let na = state.text("ui.results.na");
    let na_long = state.text("ui.results.na_long");
    let value_col = state.text(if percent {
        "ui.results.percent"
    } else {
        "ui.results.score"
    });
    let fmt = move |v: u8| {
        if percent {
            carryover_engine::export::units::percent(state.locale, v)
        } else {
            v.to_string()
        }
    };
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let height = move || rows.with(|r| charts::chart_height(r.len()).to_string());
    let na2 = na.clone();
    let bars = move || {
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, (label, value))| {
                let top = charts::row_top(i);
                let bar = charts::score_bar(value);
                let value_text = value.map_or_else(|| na2.clone(), fmt);
                let label_class = if bar.label_inside {
                    "bar-value inside"
                } else {
                    "bar-value"
                };
                view! {
                    <text class="chart-label" x="0" y=top + LABEL_BASELINE>{label}</text>
                    <rect
                        class="track"
                        x="0"
                        y=top + BAR_OFFSET
                        width="100%"
                        height=BAR_HEIGHT
                        rx="3"
                    ></rect>
                    <rect
                        class="bar"
                        x="0"
                        y=top + BAR_OFFSET
                        width=charts::pct_attr(bar.width)
                        height=BAR_HEIGHT
                        rx="3"
                    ></rect>
                    <text
                        class=label_class
                        x=charts::pct_attr(bar.label_x)
                        dx=bar.label_dx
                        y=top + BAR_OFFSET + BAR_HEIGHT - 3.5
                        text-anchor=bar.anchor.svg()
                    >
                        {value_text}
                    </text>
                }
            })
            .collect_view()
    };
    let table_rows = move || {
        rows.get()
            .into_iter()
            .map(|(label, value)| {
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td>{value.map_or_else(|| na_long.clone(), fmt)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let title2 = title.clone();
    view! {
        <figure class="chart chart-bars" data-chart=id>
            <svg
                width="100%"
                height=height
                role="img"
                aria-labelledby=labelled_by
                focusable="false"
            >
                <title id=title_id>{title}</title>
                {bars}
            </svg>
            <div class="visually-hidden">
            <table>
                <caption>{title2}</caption>
                <thead>
                    <tr>
                        <th scope="col">{row_header}</th>
                        <th scope="col">{value_col}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
            </div>
        </figure>
    }
}
