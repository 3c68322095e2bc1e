//! The results screen: everything the engine's [`Assessment`] says, laid out for a reader.
//!
//! One component per file. Each reads [`AppState`] from context and renders from
//! `state.assessment` inside a reactive closure, so the page follows the answers live. Views only
//! pick words (locale keys, catalog names) and place numbers the engine computed; chart positions
//! come from [`crate::charts`]. The page ends with the task plan and "Take it with you" (print,
//! downloads, share link, loading a file); the printed report is a hidden copy of the engine's
//! report model that replaces the page on paper (`style/print.css`).
//!
//! [`Assessment`]: carryover_engine::Assessment

pub mod area_chart;
pub mod confidence;
pub mod cta;
pub mod effort;
pub mod headline;
pub mod import_answers;
pub mod method;
pub mod missing_answers;
pub mod net_new;
pub mod open_questions;
pub mod overlap;
pub mod print_report;
pub mod requirement_row;
pub mod requirement_table;
pub mod roadmap;
pub mod second_audit;
pub mod share_link;
pub mod status_stack;
pub mod take_away;
pub mod task_plan;
pub mod task_row;
pub mod wins;

use carryover_engine::catalog::Catalog;
use carryover_engine::export::{fill, practice_name};
use carryover_engine::model::{AreaKind, Status};
use leptos::prelude::*;

use crate::route::Screen;
use crate::state::AppState;
use wasm_bindgen::JsCast;

/// The whole results page, and after it the printed report (outside `<main>`: on screen it is
/// hidden, on paper it is all there is).
/// Until enough is answered (the engine's `Missing`), the page says what is missing instead.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let complete = Memo::new(move |_| state.assessment.with(|a| a.missing.complete()));
    provide_context(import_answers::LastImport(RwSignal::new(None)));
    move || {
        if complete.get() {
            full_results(state).into_any()
        } else {
            view! {
                <main class="page results" aria-labelledby="results-missing-h">
                    <missing_answers::MissingAnswers/>
                    <import_answers::ImportAnswers/>
                    <method::Method/>
                </main>
            }
            .into_any()
        }
    }
}

fn full_results(state: AppState) -> impl IntoView {
    view! {
        <main class="page results" aria-labelledby="results-title">
            <status_stack::StatusPatterns/>
            <headline::Headline/>
            <cta::Cta/>
            <nav class="results-toc" aria-label=state.text("ui.results.toc")>
                <ul>
                    <li><TocLink target="results-overlap" label=state.text("results.overlap")/></li>
                    <li><TocLink target="results-effort" label=state.text("results.effort")/></li>
                    <li><TocLink target="results-areas" label=state.text("ui.results.areas")/></li>
                    <li><TocLink target="results-wins" label=state.text("results.wins")/></li>
                    <li><TocLink target="results-roadmap" label=state.text("results.roadmap")/></li>
                    <li><TocLink target="results-requirements" label=state.text("results.requirements")/></li>
                    <li><TocLink target="results-tasks" label=state.text("ui.tasks.title")/></li>
                    <li><TocLink target="results-take-away" label=state.text("ui.take.title")/></li>
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
            <confidence::Confidence/>
            <open_questions::OpenQuestions/>
            <requirement_table::RequirementTable/>
            <task_plan::TaskPlan/>
            <take_away::TakeAway/>
            <method::Method/>
        </main>
        <print_report::PrintReport/>
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

/// The questionnaire screen that shows a question: its section (the start page for an unknown
/// id, which the engine never emits).
pub(crate) fn question_screen(catalog: &Catalog, question: &str) -> Screen {
    catalog
        .question(question)
        .map_or(Screen::Start, |q| Screen::Section(q.section))
}

/// A link within the page. The URL fragment names screens (see [`crate::route`]), so jumping to
/// a section scrolls to it instead of changing the fragment.
#[component]
fn TocLink(
    /// Id of the section to scroll to.
    target: &'static str,
    /// The link text.
    label: String,
) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(el) = document().get_element_by_id(target) {
            el.scroll_into_view();
            if let Some(heading) = el
                .query_selector("h2")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
            {
                _ = heading.set_attribute("tabindex", "-1");
                _ = heading.focus();
            }
        }
    };
    view! {
        <a href=format!("#{target}") on:click=on_click>
            {label}
        </a>
    }
}

/// Readiness points or percentage points, one decimal.
pub(crate) fn points(x: f64) -> String {
    format!("{x:.1}")
}
