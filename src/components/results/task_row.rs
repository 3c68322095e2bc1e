//! One task of the plan: what it is, its phase and remaining estimate, and the owner and review
//! cadence fields. A change is saved when the field is left (`change`), so re-rendering never
//! interrupts typing.

use carryover_engine::export::plan::title;
use carryover_engine::tasks::{Cadence, MAX_OWNER_CHARS, Task, TaskSettings};
use carryover_engine::text::phase_id;
use leptos::prelude::*;

use super::{days_phrase, subject_name, tr};
use crate::autosave::Autosave;
use crate::state::AppState;

/// A task with its owner and cadence fields.
#[allow(clippy::needless_pass_by_value)] // Leptos component props are owned
#[component]
pub fn TaskRow(
    /// The engine's task.
    task: Task,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let requirement = task.requirement.clone();
    let owner_id = format!("owner-{requirement}");
    let cadence_id = format!("cadence-{requirement}");
    let heading = title(state.catalog, state.locale, &task);
    let phase = state.text(&format!("phase.{}.title", phase_id(task.phase)));
    let estimate = days_phrase(&state, "ui.glance.days_left", task.remaining_days);
    // Sixty fields named "Owner" are no use to a screen reader: each is named for its task.
    let subject = subject_name(state.catalog, &requirement);
    let owner_name = tr(&state, "ui.glance.owner_of", &[("task", &subject)]);
    let cadence_name = tr(&state, "ui.glance.review_of", &[("task", &subject)]);

    let req = requirement.clone();
    let on_owner = move |ev: leptos::ev::Event| {
        let value: String = event_target_value(&ev)
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_OWNER_CHARS)
            .collect();
        let owner = value.trim();
        let mut settings: TaskSettings = autosave.task(&req);
        settings.owner = (!owner.is_empty()).then(|| owner.to_owned());
        autosave.set_task(&req, settings);
    };
    let req = requirement.clone();
    let on_cadence = move |ev: leptos::ev::Event| {
        let mut settings = autosave.task(&req);
        settings.cadence = Cadence::from_id(&event_target_value(&ev));
        autosave.set_task(&req, settings);
    };
    let options = Cadence::ALL
        .into_iter()
        .map(|c| {
            view! {
                <option value=c.id() selected=c == task.cadence>
                    {state.text(&format!("cadence.{}", c.id()))}
                </option>
            }
        })
        .collect_view();
    view! {
        <li class="task" data-task=requirement.clone()>
            <p class="task-title"><strong>{heading}</strong></p>
            <p class="fineprint">{phase} " · " {estimate}</p>
            <div class="task-fields">
                <label for=owner_id.clone()>{state.text("ui.tasks.owner")}</label>
                <input
                    type="text"
                    id=owner_id
                    class="task-owner"
                    maxlength=MAX_OWNER_CHARS
                    autocomplete="off"
                    aria-label=owner_name
                    prop:value=task.owner.clone().unwrap_or_default()
                    on:change=on_owner
                />
                <label for=cadence_id.clone()>{state.text("ui.tasks.cadence")}</label>
                <select id=cadence_id class="task-cadence" aria-label=cadence_name on:change=on_cadence>
                    {options}
                </select>
            </div>
        </li>
    }
}
