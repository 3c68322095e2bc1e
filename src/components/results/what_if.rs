//! What if: the current plan beside alternatives the engine computes by scoring changed answers
//! ([`carryover_engine::whatif`]): extend the ISMS or run a separate AI management system, the
//! biggest wins done, and (without ISO 27001) ISO 27001 first or ISO 42001 directly. Each is a
//! `<details>` a reader opens; inside, the paths side by side (readiness, person-days, months,
//! budget) and, under each, the answers that would have to differ. Nothing here changes answers.

use carryover_engine::budget::{self, format_range};
use carryover_engine::diff::AnswerChange;
use carryover_engine::whatif::{self, Path, WhatIf};
use leptos::prelude::*;
use serde_json::Value;

use super::budget::settings;
use super::part::Part;
use super::{answer_label, half_days, subject_name, tr};
use crate::state::AppState;

/// An answer as written in a document, in words.
pub(crate) fn answer_words(state: &AppState, question: &str, v: &Value, none_key: &str) -> String {
    match v {
        Value::String(id) => answer_label(state, question, Some(id)),
        Value::Array(ids) => ids
            .iter()
            .filter_map(Value::as_str)
            .map(|id| answer_label(state, question, Some(id)))
            .collect::<Vec<_>>()
            .join(", "),
        _ => state.text(none_key),
    }
}

/// One changed answer: "question: before → after".
pub(crate) fn change_line(state: &AppState, c: &AnswerChange, none_key: &str) -> String {
    tr(
        state,
        "ui.whatif.answer_change",
        &[
            ("question", &subject_name(state.catalog, &c.question)),
            (
                "before",
                &answer_words(state, &c.question, &c.answer.before, none_key),
            ),
            (
                "after",
                &answer_words(state, &c.question, &c.answer.after, none_key),
            ),
        ],
    )
}

/// The what-if part: one disclosure per alternative that applies.
#[component]
pub fn WhatIfPart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = move || {
        let defaults = budget::builtin().ok()?;
        let money = settings();
        let list = state.answers.with(|answers| {
            state
                .assessment
                .with(|a| whatif::all(state.catalog, answers, a, defaults, money.as_ref()))
        });
        Some(
            list.into_iter()
                .map(|w| view! { <WhatIfView what=w/> })
                .collect_view(),
        )
    };
    view! {
        <Part id="results-whatif" lazy=true title=state.text("ui.whatif.title")>
            <p>{state.text("ui.whatif.intro")}</p>
            {items}
        </Part>
    }
}

#[component]
fn WhatIfView(what: WhatIf) -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = state.text(&format!("ui.whatif.{}.title", what.id));
    let note = state.text(&format!("ui.whatif.{}.note", what.id));
    let open = tr(&state, "ui.whatif.open", &[("title", &title)]);
    let has_prior = what.paths.iter().any(|p| p.prior.is_some());
    let has_money = what.paths.iter().any(|p| p.outcome.budget.is_some());
    let heads = what
        .paths
        .iter()
        .map(|p| {
            let name = state.text(&format!("ui.whatif.path.{}", p.id));
            let current = p.current.then(|| {
                view! { <span class="whatif-current">{state.text("ui.whatif.current")}</span> }
            });
            view! { <th scope="col">{name}{current}</th> }
        })
        .collect_view();
    let row = |label: String, cell: &dyn Fn(&Path) -> String| {
        let cells = what
            .paths
            .iter()
            .map(|p| view! { <td>{cell(p)}</td> })
            .collect_view();
        view! { <tr><th scope="row">{label}</th>{cells}</tr> }
    };
    let readiness = row(state.text("ui.whatif.readiness_h"), &|p| {
        tr(
            &state,
            "ui.whatif.readiness",
            &[("score", &p.outcome.readiness.to_string())],
        )
    });
    let days = row(state.text("ui.whatif.days_h"), &|p| {
        tr(
            &state,
            "ui.whatif.days",
            &[
                ("low", &p.outcome.days_low.to_string()),
                ("high", &p.outcome.days_high.to_string()),
            ],
        )
    });
    let months = row(state.text("ui.whatif.months_h"), &|p| {
        tr(
            &state,
            "ui.whatif.months",
            &[
                ("low", &half_days(state.locale, p.outcome.months_low)),
                ("high", &half_days(state.locale, p.outcome.months_high)),
            ],
        )
    });
    let money = has_money.then(|| {
        row(state.text("ui.whatif.budget_h"), &|p| {
            p.outcome.budget.as_ref().map_or_else(String::new, |b| {
                format_range(b.total, &b.currency, state.locale)
            })
        })
    });
    let prior = has_prior.then(|| {
        let currency = what
            .paths
            .iter()
            .find_map(|p| p.outcome.budget.as_ref().map(|b| b.currency.clone()))
            .unwrap_or_default();
        view! {
            {row(state.text("ui.whatif.prior_h"), &|p| {
                p.prior.as_ref().map_or_else(String::new, |pr| {
                    tr(
                        &state,
                        &format!("ui.whatif.prior.{}", pr.id),
                        &[("low", &half_days(state.locale, pr.months.low)), ("high", &half_days(state.locale, pr.months.high))],
                    )
                })
            })}
            {row(state.text("ui.whatif.whole_months_h"), &|p| {
                tr(
                    &state,
                    "ui.whatif.total_months",
                    &[("low", &half_days(state.locale, p.total_months.low)), ("high", &half_days(state.locale, p.total_months.high))],
                )
            })}
            {has_money.then(|| row(state.text("ui.whatif.whole_cost_h"), &|p| {
                p.total_cost.map_or_else(String::new, |c| {
                    tr(&state, "ui.whatif.total_cost", &[("range", &format_range(c, &currency, state.locale))])
                })
            }))}
        }
    });
    let differs = what
        .paths
        .iter()
        .map(|p| {
            let name = state.text(&format!("ui.whatif.path.{}", p.id));
            let body = if p.changes.is_empty() {
                view! { <p>{state.text("ui.whatif.same")}</p> }.into_any()
            } else {
                let lines = p
                    .changes
                    .iter()
                    .map(|c| view! { <li>{change_line(&state, c, "ui.whatif.unanswered")}</li> })
                    .collect_view();
                view! { <ul>{lines}</ul> }.into_any()
            };
            view! {
                <div class="whatif-differs">
                    <h4>{name}": "{state.text("ui.whatif.differs")}</h4>
                    {body}
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="whatif" data-whatif=what.id data-testid=format!("whatif-{}", what.id)>
            <summary>{open}</summary>
            <p class="fineprint">{note}</p>
            <div class="table-scroll">
                <table class="whatif-table">
                    <caption class="visually-hidden">{title}</caption>
                    <thead><tr><td></td>{heads}</tr></thead>
                    <tbody>{readiness}{days}{months}{money}{prior}</tbody>
                </table>
            </div>
            {differs}
        </details>
    }
}
