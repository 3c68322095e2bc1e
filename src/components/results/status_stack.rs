//! A stacked 100 % bar per part of the standard: inherited / extend / net-new / not applicable.
//! Colours come with patterns and a labelled legend, so no status is told by colour alone; the
//! same numbers are in the overlap table next to it.

use carryover_engine::model::Status;
use carryover_engine::score::Counts;
use leptos::prelude::*;

use super::{status_label, tr};
use crate::charts::{self, BAR_HEIGHT};
use crate::state::AppState;

/// Fill for a status: a pattern for all but inherited (solid).
fn fill_of(status: Status) -> &'static str {
    match status {
        Status::Inherited => "url(#pat-inherited)",
        Status::Extend => "url(#pat-extend)",
        Status::NetNew => "url(#pat-net-new)",
        Status::NotApplicable => "url(#pat-na)",
    }
}

/// The pattern definitions, once per page (ids are global in a document).
#[component]
pub fn StatusPatterns() -> impl IntoView {
    view! {
        <svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
            <defs>
                <pattern id="pat-inherited" width="8" height="8" patternUnits="userSpaceOnUse">
                    <rect width="8" height="8" class="fill-inherited"></rect>
                </pattern>
                <pattern id="pat-extend" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="8" height="8" class="fill-extend"></rect>
                    <rect width="3" height="8" class="fill-extend-mark"></rect>
                </pattern>
                <pattern id="pat-net-new" width="8" height="8" patternUnits="userSpaceOnUse">
                    <rect width="8" height="8" class="fill-net-new"></rect>
                    <circle cx="4" cy="4" r="1.6" class="fill-net-new-mark"></circle>
                </pattern>
                <pattern id="pat-na" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="8" height="8" class="fill-na"></rect>
                    <rect width="8" height="2" class="fill-na-mark"></rect>
                </pattern>
            </defs>
        </svg>
    }
}

/// One swatch in a legend (decorative: the label is text next to it).
#[component]
pub fn Swatch(
    /// The status whose fill it shows.
    status: Status,
) -> impl IntoView {
    view! {
        <svg class="swatch" width="18" height="18" aria-hidden="true" focusable="false">
            <rect width="18" height="18" rx="3" fill=fill_of(status) class="swatch-edge"></rect>
        </svg>
    }
}

/// Stacked bars for the given parts (`(label, counts)`), with a legend.
#[component]
pub fn StatusStack(
    /// Id prefix for the title and description.
    id: &'static str,
    /// Rows: a label and the status counts.
    rows: Signal<Vec<(String, Counts)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let row_h = 56.0;
    let desc = move || {
        rows.with(|rows| {
            rows.iter()
                .map(|(label, c)| {
                    tr(
                        &state,
                        "ui.results.stack_row",
                        &[
                            ("part", label),
                            ("inherited", &c.inherited.to_string()),
                            ("extend", &c.extend.to_string()),
                            ("net_new", &c.net_new.to_string()),
                            ("not_applicable", &c.not_applicable.to_string()),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let height = move || rows.with(|r| (r.len() as f64 * row_h).to_string());
    let bars = move || {
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, (label, c))| {
                let top = i as f64 * row_h;
                let segments =
                    charts::stacked(&[c.inherited, c.extend, c.net_new, c.not_applicable]);
                let segs = segments
                    .into_iter()
                    .map(|s| {
                        let status = Status::ALL[s.part];
                        let label = s.labelled.then(|| {
                            view! {
                                <text
                                    class="seg-label"
                                    x=charts::pct_attr(s.label_x)
                                    y=top + 22.0 + BAR_HEIGHT * 0.75 + 2.0
                                    text-anchor="middle"
                                >
                                    {s.count}
                                </text>
                            }
                        });
                        view! {
                            <rect
                                x=charts::pct_attr(s.x)
                                y=top + 22.0
                                width=charts::pct_attr(s.width)
                                height=BAR_HEIGHT + 8.0
                                fill=fill_of(status)
                                class="seg"
                            ></rect>
                            {label}
                        }
                    })
                    .collect_view();
                view! {
                    <text class="chart-label" x="0" y=top + 15.0>{label}</text>
                    {segs}
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart chart-stack">
            <svg
                width="100%"
                height=height
                role="img"
                aria-labelledby=labelled_by
                focusable="false"
            >
                <title id=title_id>{state.text("ui.results.stack_title")}</title>
                <desc id=desc_id>{desc}</desc>
                {bars}
            </svg>
            <figcaption>
                <ul class="legend">
                    {Status::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <Swatch status=s/>
                                    {status_label(&state, s)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </figcaption>
        </figure>
    }
}
