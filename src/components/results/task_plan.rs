//! The task plan: every requirement to extend or build as a task, with an owner and a review
//! cadence the user sets. Both are kept in the answers document's `tasks` object through
//! [`Autosave::set_task`], so they are saved, exported, shared and written into the task CSV and
//! calendar. The list itself is the engine's [`plan`]; this view only lays it out.
//!
//! [`Autosave::set_task`]: crate::autosave::Autosave::set_task

use carryover_engine::tasks::plan;
use leptos::prelude::*;

use super::task_row::TaskRow;
use crate::autosave::Autosave;
use crate::state::AppState;

/// The task plan section.
#[component]
pub fn TaskPlan() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let tasks = move || {
        let settings = autosave.tasks();
        let tasks = state.assessment.with(|a| plan(a, &settings));
        if tasks.is_empty() {
            return view! { <p>{state.text("ui.tasks.none")}</p> }.into_any();
        }
        let rows = tasks
            .into_iter()
            .map(|task| view! { <TaskRow task=task/> })
            .collect_view();
        view! { <ol class="task-list" data-testid="task-list">{rows}</ol> }.into_any()
    };
    view! {
        <section class="results-section" id="results-tasks" aria-labelledby="results-tasks-h">
            <h2 id="results-tasks-h">{state.text("ui.tasks.title")}</h2>
            <p>{state.text("ui.tasks.intro")}</p>
            {tasks}
        </section>
    }
}
