//! The task plan, a view of its own (`#tasks`): every requirement to extend or build as a task,
//! with an owner and a review cadence the user sets. Both are kept in the answers document's
//! `tasks` object through [`Autosave::set_task`], so they are saved, exported, shared and written
//! into the task CSV and calendar. The list itself is the engine's [`plan`]; this view only lays
//! it out.
//!
//! [`Autosave::set_task`]: crate::autosave::Autosave::set_task

use carryover_engine::tasks::plan;
use leptos::prelude::*;

use super::task_row::TaskRow;
use crate::autosave::Autosave;
use crate::components::screen_link::ScreenLink;
use crate::route::Screen;
use crate::state::AppState;

/// The task plan screen.
#[component]
pub fn TaskPlanPage() -> impl IntoView {
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
        <main class="page results tasks-page" aria-labelledby="tasks-title">
            <p class="back-link">
                <ScreenLink to=Screen::Results class="button" testid="tasks-back">
                    {state.text("ui.glance.back_to_results")}
                </ScreenLink>
            </p>
            <h1 id="tasks-title" tabindex="-1">{state.text("ui.tasks.title")}</h1>
            <p>{state.text("ui.tasks.intro")}</p>
            {tasks}
        </main>
    }
}
