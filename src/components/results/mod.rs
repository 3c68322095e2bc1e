//! The results screen: everything the engine's [`Assessment`] says, laid out for a reader.
//!
//! One component per file. Each reads [`AppState`] from context and renders from
//! `state.assessment` inside a reactive closure, so the page follows the answers live. Views only
//! pick words (locale keys, catalog names) and place numbers the engine computed; chart positions
//! come from [`crate::charts`].
//!
//! [`Assessment`]: carryover_engine::Assessment

pub mod area_chart;
pub mod effort;
pub mod headline;
pub mod net_new;
pub mod open_questions;
pub mod overlap;
pub mod requirement_row;
pub mod requirement_table;
pub mod roadmap;
pub mod second_audit;
pub mod status_stack;
pub mod wins;

use carryover_engine::catalog::Catalog;
use carryover_engine::export::{fill, practice_name};
use carryover_engine::model::{AreaKind, Status};
use leptos::prelude::*;

use crate::state::AppState;

/// The whole results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <main class="page results" aria-labelledby="results-title">
            <status_stack::StatusPatterns/>
            <headline::Headline/>
            <nav class="results-toc" aria-label=state.text("ui.results.toc")>
                <ul>
                    <li><a href="#results-overlap">{state.text("results.overlap")}</a></li>
                    <li><a href="#results-effort">{state.text("results.effort")}</a></li>
                    <li><a href="#results-areas">{state.text("ui.results.areas")}</a></li>
                    <li><a href="#results-wins">{state.text("results.wins")}</a></li>
                    <li><a href="#results-roadmap">{state.text("results.roadmap")}</a></li>
                    <li><a href="#results-requirements">{state.text("results.requirements")}</a></li>
                </ul>
            </nav>
            <overlap::Overlap/>
            <effort::EffortSummary/>
            <section class="results-section" id="results-areas" aria-labelledby="results-areas-h">
                <h2 id="results-areas-h">{state.text("ui.results.areas")}</h2>
                <area_chart::AreaChart kind=AreaKind::Clause/>
                <area_chart::AreaChart kind=AreaKind::Objective/>
            </section>
            <wins::Wins/>
            <roadmap::Roadmap/>
            <net_new::NetNew/>
            <second_audit::SecondAudit/>
            <open_questions::OpenQuestions/>
            <requirement_table::RequirementTable/>
        </main>
    }
}

/// A locale string with its `{name}` placeholders filled.
pub(crate) fn tr(state: &AppState, key: &str, args: &[(&str, &str)]) -> String {
    fill(&state.text(key), args)
}

/// The label of a status.
pub(crate) fn status_label(state: &AppState, status: Status) -> String {
    state.text(&format!("status.{}", status.id()))
}

/// The label of an answer id (a practice answer, or a choice of a single-choice question).
pub(crate) fn answer_label(state: &AppState, question: &str, answer: Option<&str>) -> String {
    let Some(answer) = answer else {
        return state.text("report.not_answered");
    };
    if let Some(choice) = state
        .catalog
        .question(question)
        .and_then(|q| q.choices.iter().find(|c| c.id == answer))
    {
        return choice.label.clone();
    }
    state.text(&format!("answer.{answer}.label"))
}

/// `4.3 AIMS boundary and scope statement`, or a practice's short name for a question id.
pub(crate) fn subject_name(catalog: &Catalog, id: &str) -> String {
    if let Some(r) = catalog.requirement(id) {
        format!("{} {}", r.id, r.name)
    } else if let Some(q) = catalog.question(id) {
        practice_name(q)
    } else {
        id.to_owned()
    }
}

/// Where the questionnaire shows a question: the fragment of its section's screen.
pub(crate) fn question_href(catalog: &Catalog, question: &str) -> String {
    let section = catalog
        .question(question)
        .and_then(|q| catalog.sections.get(q.section))
        .map_or("", |s| s.id.as_str());
    format!("#q/{section}")
}

/// Readiness points or percentage points, one decimal.
pub(crate) fn points(x: f64) -> String {
    format!("{x:.1}")
}
