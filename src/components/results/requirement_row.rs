//! One requirement, expandable to "why": the answers behind its status (the row that set the
//! credit marked), our crosswalk rows from ISO 27001 / SOC 2 / AI RMF or why it is net-new for a
//! security program, and why it does not apply when it does not.

use carryover_engine::model::Relation;
use carryover_engine::score::{NotApplicable, RequirementResult};
use leptos::prelude::*;

use super::{answer_label, status_label, subject_name, tr};
use crate::revisit::RevisitLink;
use crate::state::AppState;

fn relation_key(r: Relation) -> &'static str {
    match r {
        Relation::Full => "relation.full",
        Relation::Partial => "relation.partial",
    }
}

/// A requirement row with its reasons. The reasons (most of the results screen's elements when
/// every row carried them) are built when the row is first opened, then kept.
#[component]
pub fn RequirementRow(
    /// The engine's result for this requirement.
    result: RequirementResult,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let catalog = state.catalog;
    let name = catalog
        .requirement(&result.id)
        .map_or("", |r| r.name.as_str())
        .to_owned();
    let status = result.status;
    let id = result.id.clone();
    let row_id = result.id.clone();
    let opened = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <li class="req" data-requirement=row_id data-status=status.id()>
            <details on:toggle=on_toggle>
                <summary>
                    <span class="req-id">{id}</span>
                    <span class="req-name">{name}</span>
                    <span class=format!("badge status-{}", status.id())>{status_label(&state, status)}</span>
                </summary>
                {move || opened.get().then(|| why(state, &result))}
            </details>
        </li>
    }
}

/// What is behind a row's status: the explanation, the answers, the crosswalk rows, why not
/// applicable or why net-new.
#[allow(clippy::too_many_lines)] // one view read top to bottom; splitting it would scatter the markup
fn why(state: AppState, result: &RequirementResult) -> impl IntoView + use<> {
    let catalog = state.catalog;
    let ri = catalog.requirement_index(&result.id);
    let req = ri.and_then(|i| catalog.requirements.get(i));
    let explain = req.map_or("", |r| r.explain.as_str()).to_owned();
    // In words, by the engine (the same line as the report's: the head start of a partial row).
    let summary_line = carryover_engine::export::why(catalog, state.locale, result);

    let not_applicable = result.not_applicable.as_ref().map(|na| {
        let text = match na {
            NotApplicable::Scope => req.and_then(|r| r.na_reason.clone()).unwrap_or_default(),
            NotApplicable::Answered { questions } => {
                let names: Vec<String> =
                    questions.iter().map(|q| subject_name(catalog, q)).collect();
                tr(
                    &state,
                    "why.answered_na",
                    &[("practices", &names.join(", "))],
                )
            }
        };
        view! {
            <h3>{state.text("ui.results.why_na")}</h3>
            <p>{text}</p>
        }
    });

    let support = if result.support.is_empty() {
        view! { <p>{state.text("ui.results.no_support")}</p> }.into_any()
    } else {
        let rows = result
            .support
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let best = result.best == Some(k);
                let question = catalog
                    .question(&s.question)
                    .map_or_else(|| s.question.clone(), |q| q.text.clone());
                let answer = if s.visible {
                    answer_label(&state, &s.question, s.answer.as_deref())
                } else {
                    state.text("ui.results.not_asked")
                };
                let best_mark = best.then(|| {
                    view! { <strong class="best-mark">{state.text("ui.results.best")}</strong> }
                });
                view! {
                    <tr class:best=best>
                        <td>
                            <RevisitLink question=s.question.clone()>{question}</RevisitLink>
                            " "
                            {best_mark}
                        </td>
                        <td data-label=state.text("report.answer")>{answer}</td>
                        <td data-label=state.text("ui.results.relation")>
                            {state.text(relation_key(s.relation))}
                        </td>
                        <td class="num" data-label=state.text("ui.results.credit")>
                            {carryover_engine::export::units::localize(state.locale, &format!("{:.2}", s.credit))}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="why-table">
                    <thead>
                        <tr>
                            <th scope="col">{state.text("report.question")}</th>
                            <th scope="col">{state.text("report.answer")}</th>
                            <th scope="col">{state.text("ui.results.relation")}</th>
                            <th scope="col" class="num">{state.text("ui.results.credit")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    let mapping = ri.and_then(|i| catalog.crosswalk.get(i));
    let net_new = mapping.and_then(|m| m.net_new.clone()).map(|text| {
        view! {
            <h3>{state.text("ui.results.net_new_why")}</h3>
            <p>{text}</p>
        }
    });
    let crosswalk = mapping.filter(|m| !m.rows.is_empty()).map(|m| {
        let items = m
            .rows
            .iter()
            .map(|row| {
                let (framework, item_id, item_name) = catalog.item(row.source).map_or_else(
                    || (String::new(), catalog.item_key(row.source), String::new()),
                    |(fw, it)| (fw.name.clone(), it.id.clone(), it.name.clone()),
                );
                view! {
                    <li>
                        <p>
                            <strong>{framework}</strong>
                            " "
                            <span class="req-id">{item_id}</span>
                            " "
                            {item_name}
                            " "
                            <span class="relation">"(" {state.text(relation_key(row.relation))} ")"</span>
                        </p>
                        <p class="fineprint">{row.rationale.clone()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{state.text("ui.results.crosswalk")}</h3>
            <ul class="crosswalk">{items}</ul>
        }
    });

    view! {
        <div class="req-why">
            <p class="req-explain">{explain}</p>
            <p><strong>{state.text("report.why")} ": "</strong>{summary_line}</p>
            {not_applicable}
            <h3>{state.text("ui.results.answers_behind")}</h3>
            {support}
            {crosswalk}
            {net_new}
        </div>
    }
}
