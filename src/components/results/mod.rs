//! The results screen: the answer at a glance, then everything else in named parts a reader opens.
//!
//! At the top, the [`summary`] answers four questions above the fold (how much carries over, what
//! is new, how long, what to do first), with the site owner's call to action right under it.
//! Below, each part is a closed `<details>` ([`part::Part`]) named for what it holds: what carries
//! over, effort, readiness by area, roadmap, wins, net-new work, second-audit risks, open questions,
//! every requirement, and "Take it with you". The task plan is a screen of its own (`#tasks`,
//! [`task_plan::TaskPlanPage`]). Every summary figure links to the part that explains it.
//!
//! One component per file. Each reads [`AppState`] from context and renders from
//! `state.assessment` inside a reactive closure, so the page follows the answers live. Views only
//! pick words (locale keys, catalog names) and place numbers the engine computed; chart positions
//! come from [`crate::charts`]. The printed report is a hidden copy of the engine's report model
//! that replaces the page on paper (`style/print.css`).
//!
//! [`Assessment`]: carryover_engine::Assessment

pub mod area_chart;
pub mod budget;
pub mod compare;
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
pub mod part;
pub mod print_report;
pub mod requirement_row;
pub mod requirement_table;
pub mod roadmap;
pub mod second_audit;
pub mod share_link;
pub mod status_stack;
pub mod summary;
pub mod systems;
pub mod take_away;
pub mod task_plan;
pub mod task_row;
pub mod what_if;
pub mod wins;

use carryover_engine::catalog::Catalog;
use carryover_engine::export::fill;
use carryover_engine::model::{AreaKind, Status};
use leptos::prelude::*;

use crate::components::screen_link::ScreenLink;
use crate::revisit::Revisit;
use crate::route::Screen;
use crate::state::AppState;
use part::Part;

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
    let revisit = expect_context::<Revisit>();
    // What the reader saw when they last left the results, to say what moved; remember what they
    // see now for the next time.
    let before = revisit.seen.get_untracked();
    // Built when printing, never on a render (see `print_report`); the Print button fills it too.
    let print = print_report::PrintTarget::from_context();
    provide_context(print);
    // The file writers (the second wasm module) load once this screen is up, so printing and the
    // downloads are ready when asked for (see `crate::takeaway`).
    crate::takeaway::preload();
    on_cleanup(move || {
        revisit.seen.set(Some(summary::glance(&state)));
    });
    let progress = move || {
        state.assessment.with(|a| {
            tr(
                &state,
                "ui.results.progress",
                &[
                    ("answered", &a.progress.answered.to_string()),
                    ("total", &a.progress.total.to_string()),
                ],
            )
        })
    };
    let task_count = move || {
        state.assessment.with(|a| {
            a.requirements
                .iter()
                .filter(|r| matches!(r.status, Status::Extend | Status::NetNew))
                .count()
        })
    };
    let tasks_label = move || {
        let n = task_count();
        let key = if n == 1 {
            "ui.glance.tasks_one"
        } else {
            "ui.glance.tasks_other"
        };
        tr(&state, key, &[("count", &n.to_string())])
    };
    view! {
        <main class="page results" aria-labelledby="results-title">
            <status_stack::StatusPatterns/>
            <header class="results-head">
                <h1 id="results-title" tabindex="-1">{state.text("ui.results.title")}</h1>
                <p class="fineprint results-progress">{progress}</p>
            </header>
            <summary::Summary before=before/>
            <cta::Cta/>
            <p class="results-disclaimer" role="note">{state.text("app.disclaimer")}</p>
            <h2 class="parts-title">{state.text("ui.glance.details")}</h2>
            <p class="tasks-link">
                <ScreenLink to=Screen::Tasks class="button" testid="tasks-link">{tasks_label}</ScreenLink>
            </p>
            <overlap::Overlap/>
            <effort::EffortSummary/>
            <budget::BudgetPart/>
            <what_if::WhatIfPart/>
            <Part id="results-areas" title=state.text("ui.results.areas")>
                <headline::Headline/>
                <area_chart::AreaChart kind=AreaKind::Clause/>
                <area_chart::AreaChart kind=AreaKind::Objective/>
            </Part>
            <systems::Systems/>
            <roadmap::Roadmap/>
            <wins::Wins/>
            <net_new::NetNew/>
            <second_audit::SecondAudit/>
            <confidence::Confidence/>
            <open_questions::OpenQuestions/>
            <requirement_table::RequirementTable/>
            <compare::ComparePart/>
            <take_away::TakeAway/>
            <method::Method/>
        </main>
        <print_report::PrintReport target=print/>
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

/// `4.3 AIMS boundary and scope statement`, or a practice's short name for its id (never the id
/// itself: ids are not for people).
pub(crate) fn subject_name(catalog: &Catalog, id: &str) -> String {
    if let Some(r) = catalog.requirement(id) {
        format!("{} {}", r.id, r.name)
    } else if let Some(q) = catalog.question(id) {
        carryover_engine::export::practice_name(q)
    } else {
        id.to_owned()
    }
}

/// Readiness points or percentage points, one decimal.
pub(crate) fn points(locale: &str, x: f64) -> String {
    carryover_engine::export::units::localize(locale, &format!("{x:.1}"))
}

/// Person-days as a person reads them, by the engine's one rounding rule
/// (`export::units::days`: whole days from 10 up, halves below, never 0 when above zero).
pub(crate) fn half_days(locale: &str, x: f64) -> String {
    carryover_engine::export::units::days_in(locale, x)
}

/// A locale template with `{days}` filled, in its singular form (`<key>_one`) when the rounded
/// amount is exactly 1 and its plural form (`<key>_other`) otherwise.
pub(crate) fn days_phrase(state: &AppState, key: &str, x: f64) -> String {
    let shown = carryover_engine::export::units::days(x);
    let form = if shown == "1" { "one" } else { "other" };
    tr(state, &format!("{key}_{form}"), &[("days", &shown)])
}
