//! The answer at a glance: four questions answered above the fold, each figure a link to the part
//! that explains it.
//!
//! 1. How much carries over: one headline percentage, its basis named, beside the published range
//!    for the respondent's baseline ([`headline`] is the one place that choice is made).
//! 2. What is new: the count of net-new requirements and the three largest.
//! 3. How long: calendar months and person-days, with the team the months assume.
//! 4. What to do first: the first three roadmap items, each opening its requirement.
//!
//! After a change elsewhere (a revisited question), a line says what moved since the reader last
//! saw the summary ([`crate::revisit::Glance`]).

use carryover_engine::catalog::PublishedFigure;
use carryover_engine::model::Status;
use carryover_engine::{Assessment, Catalog};
use leptos::prelude::*;

use super::part::DetailLink;
use super::{half_days, tr};
use crate::revisit::{Glance, Revisit};
use crate::state::AppState;

/// The headline "carries over" figure: a percentage, its basis (`effort` or `requirements`, the
/// same ids as published figures use) and the published figure it is shown beside.
pub struct Headline<'a> {
    /// Our figure, percent.
    pub pct: u8,
    /// What it is a share of.
    pub basis: &'static str,
    /// The published figure for the respondent's baseline, if one exists.
    pub published: Option<&'a PublishedFigure>,
}

/// The one place the headline figure is chosen: the share of the estimated work already done by
/// what the respondent runs (the basis issue 11 calibrated against the published effort
/// envelope), beside the published figure on the same basis among those the engine selected for
/// this respondent's baseline (`Assessment::baseline.figures`). Requirement-count figures measure
/// something else ("requirements an ISMS touches"), so they are listed in the overlap part, not set
/// beside this number.
pub fn headline<'a>(catalog: &'a Catalog, a: &Assessment) -> Headline<'a> {
    let published = a.baseline.figures.iter().find_map(|id| {
        catalog
            .published
            .iter()
            .find(|f| &f.id == id && f.basis == "effort")
    });
    Headline {
        pct: a.overlap.all.effort_done_pct,
        basis: "effort",
        published,
    }
}

/// The summary's figures for the current answers (what "what moved" compares).
pub fn glance(state: &AppState) -> Glance {
    state
        .assessment
        .with(|a| Glance::of(a, headline(state.catalog, a).pct))
}

/// The four answers, the call to action's slot, and what moved.
#[allow(clippy::too_many_lines)] // one view read top to bottom; splitting it would scatter the markup
#[component]
pub fn Summary(
    /// The summary figures when the reader last left the results (to say what moved).
    before: Option<Glance>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let catalog = state.catalog;

    let carry = move || {
        a.with(|a| {
                let h = headline(catalog, a);
                let basis = state.text(&format!("ui.glance.basis.{}", h.basis));
                let published = h.published.map_or_else(
                    || state.text("ui.glance.published_none"),
                    |f| {
                        let src = catalog.effort.sources.get(f.source);
                        tr(
                            &state,
                            "ui.glance.published",
                            &[
                                ("low", &f.low.to_string()),
                                ("high", &f.high.to_string()),
                                (
                                    "baseline",
                                    &state.text(&format!(
                                        "ui.glance.baseline.{}",
                                        f.from.replace('+', "_")
                                    )),
                                ),
                                ("publisher", src.map_or("", |s| s.publisher.as_str())),
                            ],
                        )
                    },
                );
                view! {
                    <p class="glance-figure">
                        <DetailLink part="results-overlap" class="glance-number" testid="glance-carry-figure">
                            {carryover_engine::export::units::percent(state.locale, h.pct)}
                        </DetailLink>
                        " "
                        <span class="glance-basis">{basis}</span>
                    </p>
                    <p class="glance-compare">
                        <DetailLink part="results-overlap" testid="glance-published">{published}</DetailLink>
                    </p>
                }
        })
    };

    let new_work = move || {
        a.with(|a| {
            let mut rows: Vec<_> = a
                .requirements
                .iter()
                .filter(|r| r.status == Status::NetNew)
                .collect();
            let count = rows.len();
            // Largest first; the engine's order breaks ties.
            rows.sort_by(|x, y| y.full_days.total_cmp(&x.full_days));
            let label = state.text(match count {
                0 => "ui.glance.new_label_none",
                1 => "ui.glance.new_label_one",
                _ => "ui.glance.new_label_other",
            });
            let top = rows
                .into_iter()
                .take(3)
                .map(|r| {
                    let name = catalog
                        .requirement(&r.id)
                        .map_or_else(|| r.id.clone(), |x| format!("{} {}", x.id, x.name));
                    view! {
                        <li>
                            <DetailLink part="results-requirements" requirement=r.id.clone()>
                                {name}
                            </DetailLink>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="glance-figure">
                    <DetailLink part="results-net-new" class="glance-number" testid="glance-new-figure">
                        {count.to_string()}
                    </DetailLink>
                    " "
                    <span class="glance-basis">{label}</span>
                </p>
                {(count > 0).then(|| view! { <ol class="glance-list">{top}</ol> })}
            }
        })
    };

    let time = move || {
        a.with(|a| {
            let e = &a.effort;
            let months = tr(
                &state,
                "ui.glance.months",
                &[
                    (
                        "low",
                        &carryover_engine::export::units::months_in(state.locale, e.months_low),
                    ),
                    (
                        "high",
                        &carryover_engine::export::units::months_in(state.locale, e.months_high),
                    ),
                ],
            );
            let days = tr(
                &state,
                "ui.glance.days",
                &[
                    ("low", &e.days_low.to_string()),
                    ("high", &e.days_high.to_string()),
                ],
            );
            let team = tr(
                &state,
                "ui.glance.team",
                &[
                    ("low", &half_days(state.locale, catalog.effort.capacity_low)),
                    (
                        "high",
                        &half_days(state.locale, catalog.effort.capacity_high),
                    ),
                ],
            );
            view! {
                <p class="glance-figure">
                    <DetailLink part="results-effort" class="glance-number" testid="glance-months">
                        {months}
                    </DetailLink>
                </p>
                <p class="glance-days">
                    <DetailLink part="results-effort" testid="glance-days">{days}</DetailLink>
                </p>
                <p class="glance-sub">{team}</p>
                <super::budget::BudgetLine/>
            }
        })
    };

    let first = move || {
        a.with(|a| {
            let items: Vec<_> = a
                .roadmap
                .iter()
                .flat_map(|p| p.items.iter())
                .take(3)
                .map(|i| {
                    let name = catalog
                        .requirement(&i.requirement)
                        .map_or_else(|| i.requirement.clone(), |x| format!("{} {}", x.id, x.name));
                    view! {
                        <li>
                            <DetailLink part="results-requirements" requirement=i.requirement.clone()>
                                {name}
                            </DetailLink>
                        </li>
                    }
                })
                .collect();
            if items.is_empty() {
                view! { <p>{state.text("ui.glance.first_none")}</p> }.into_any()
            } else {
                view! { <ol class="glance-list glance-first">{items}</ol> }.into_any()
            }
        })
    };

    // "Nothing moved" is news only after a revisit (not after a look at the task plan).
    let revisited = expect_context::<Revisit>().from_results.get_untracked();
    let moved = move || {
        let before = before.clone()?;
        let now = glance(&state);
        if before == now {
            if !revisited {
                return None;
            }
            return Some(
                view! { <p class="glance-moved" role="status" data-testid="moved">{state.text("ui.glance.moved_none")}</p> }
                    .into_any(),
            );
        }
        let mut lines = Vec::new();
        if before.carry_pct != now.carry_pct {
            lines.push(tr(
                &state,
                "ui.glance.moved_carry",
                &[
                    ("before", &before.carry_pct.to_string()),
                    ("after", &now.carry_pct.to_string()),
                ],
            ));
        }
        if before.net_new != now.net_new {
            lines.push(tr(
                &state,
                "ui.glance.moved_new",
                &[
                    ("before", &before.net_new.to_string()),
                    ("after", &now.net_new.to_string()),
                ],
            ));
        }
        if before.months != now.months {
            let fmt = |(l, h): (f64, f64)| {
                format!(
                    "{}–{}",
                    carryover_engine::export::units::months_in(state.locale, l),
                    carryover_engine::export::units::months_in(state.locale, h)
                )
            };
            lines.push(tr(
                &state,
                "ui.glance.moved_months",
                &[("before", &fmt(before.months)), ("after", &fmt(now.months))],
            ));
        }
        if before.days != now.days {
            let fmt = |(l, h): (u32, u32)| format!("{l}–{h}");
            lines.push(tr(
                &state,
                "ui.glance.moved_days",
                &[("before", &fmt(before.days)), ("after", &fmt(now.days))],
            ));
        }
        if before.readiness != now.readiness {
            lines.push(tr(
                &state,
                "ui.glance.moved_readiness",
                &[
                    ("before", &before.readiness.to_string()),
                    ("after", &now.readiness.to_string()),
                ],
            ));
        }
        Some(
            view! {
                <div class="glance-moved" role="status" data-testid="moved">
                    <p class="glance-moved-title">{state.text("ui.glance.moved_title")}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        )
    };

    view! {
        <section class="glance" aria-labelledby="glance-h" data-testid="glance">
            <h2 id="glance-h" class="visually-hidden">{state.text("ui.glance.title")}</h2>
            {moved}
            <div class="glance-grid">
                <section class="glance-card glance-carry" aria-labelledby="glance-carry-h" data-testid="glance-carry">
                    <h3 id="glance-carry-h">{state.text("ui.glance.carry_h")}</h3>
                    {carry}
                </section>
                <section class="glance-card glance-time" aria-labelledby="glance-time-h" data-testid="glance-time">
                    <h3 id="glance-time-h">{state.text("ui.glance.time_h")}</h3>
                    {time}
                </section>
                <section class="glance-card glance-new" aria-labelledby="glance-new-h" data-testid="glance-new">
                    <h3 id="glance-new-h">{state.text("ui.glance.new_h")}</h3>
                    {new_work}
                </section>
                <section class="glance-card glance-todo" aria-labelledby="glance-first-h" data-testid="glance-first">
                    <h3 id="glance-first-h">{state.text("ui.glance.first_h")}</h3>
                    {first}
                </section>
            </div>
        </section>
    }
}
