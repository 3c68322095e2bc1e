//! The optional AI system register step after the intake (issue 16): list the AI systems one by
//! one — add, edit, remove, reorder — each with its preliminary triage and impact-assessment
//! priority from the engine. Every change goes through [`Autosave::edit_register`]; names are
//! text nodes and attribute values (Leptos escapes both), never markup.
//!
//! Keyboard and screen readers: every control is a native button, input, radio or checkbox with a
//! label; buttons say which system they act on ("Remove CV screener"); the system being edited
//! has `aria-expanded`; each change is announced in a polite live region and focus lands on a
//! sensible control after an add, a move or a removal.

mod system_form;

use carryover_engine::Catalog;
use carryover_engine::condition::sections;
use carryover_engine::export::fill;
use carryover_engine::register::{MAX_NAME_CHARS, MAX_SYSTEMS, System};
use carryover_engine::triage::Rules;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::autosave::Autosave;
use crate::components::progress_bar::ProgressBar;
use crate::components::screen_link::ScreenLink;
use crate::components::storage_notice::StorageNotice;
use crate::components::top_bar::TopBar;
use crate::route::Screen;
use crate::state::AppState;

/// The id of the section the register follows.
const AFTER_SECTION: &str = "intake";

/// Where to go after leaving `section` towards `to`: the register when `section` is the intake,
/// otherwise `to` (the questionnaire's Next and the next section's Back use this).
pub fn after(catalog: &Catalog, section: usize, to: Screen) -> Screen {
    match catalog.sections.get(section) {
        Some(s) if s.id == AFTER_SECTION => Screen::Register,
        Some(_) | None => to,
    }
}

fn tr(state: AppState, key: &str, args: &[(&str, &str)]) -> String {
    fill(&state.text(key), args)
}

/// The name to show: as typed, or "Unnamed system n" while empty.
pub fn shown_name(state: AppState, name: &str, position: usize) -> String {
    if name.trim().is_empty() {
        tr(
            state,
            "ui.register.unnamed",
            &[("n", &position.to_string())],
        )
    } else {
        name.to_owned()
    }
}

/// Moves keyboard focus to the first element matching `selector` after the next frame.
fn focus_later(selector: String) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            _ = el.focus();
        }
    });
}

/// The register screen.
#[allow(clippy::too_many_lines)] // one screen, one view
#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let catalog = state.catalog;
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let announce: RwSignal<String> = RwSignal::new(String::new());
    let ids = Memo::new(move |_| {
        state.answers.with(|a| {
            a.register()
                .systems
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let count = move || ids.with(Vec::len);
    let full = move || count() >= MAX_SYSTEMS;
    let intake = catalog.sections.iter().position(|s| s.id == AFTER_SECTION);
    let back = intake.map_or(Screen::Start, Screen::Section);
    let next = Memo::new(move |_| {
        state.answers.with(|a| {
            sections(catalog, a)
                .iter()
                .find(|s| intake.is_some_and(|i| s.section > i))
                .map_or(Screen::Results, |s| Screen::Section(s.section))
        })
    });
    let add = move |_| {
        let mut added = None;
        autosave.edit_register(|r, now| {
            let id = r.new_id(now);
            if r.add(System::named(&id, ""), now).is_ok() {
                added = Some(id);
            }
        });
        if let Some(id) = added {
            let n = count();
            announce.set(tr(
                state,
                "ui.register.added",
                &[("name", &shown_name(state, "", n))],
            ));
            editing.set(Some(id.clone()));
            focus_later(format!("[data-system=\"{id}\"] input[data-field=\"name\"]"));
        }
    };
    let limits = tr(
        state,
        "ui.register.limits",
        &[
            ("systems", &MAX_SYSTEMS.to_string()),
            ("chars", &MAX_NAME_CHARS.to_string()),
        ],
    );
    let rules = Rules::builtin();
    view! {
        <TopBar/>
        <main class="page register-page" aria-labelledby="register-h">
            <ProgressBar/>
            <h1 id="register-h" class="section-title" tabindex="-1">
                {state.text("ui.register.step_title")}
            </h1>
            <p class="section-intro">{state.text("ui.register.step_intro")}</p>
            <p class="fineprint" id="register-limits">{limits}</p>
            <StorageNotice/>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
            {move || {
                (count() == 0)
                    .then(|| view! { <p class="register-empty">{state.text("ui.register.empty")}</p> })
            }}
            {rules.map(|rules| view! {
                <ol class="register-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <SystemItem id=id rules=rules editing=editing announce=announce/>
                    </For>
                </ol>
            })}
            <p class="register-count fineprint">
                {move || {
                    if full() {
                        tr(state, "ui.register.full", &[("limit", &MAX_SYSTEMS.to_string())])
                    } else {
                        tr(
                            state,
                            "ui.register.count",
                            &[("count", &count().to_string()), ("limit", &MAX_SYSTEMS.to_string())],
                        )
                    }
                }}
            </p>
            <p>
                <button
                    type="button"
                    class="button register-add"
                    data-testid="register-add"
                    aria-describedby="register-limits"
                    disabled=full
                    on:click=add
                >
                    {state.text("ui.register.add")}
                </button>
            </p>
            <nav class="actions" aria-label=state.text("ui.nav.steps")>
                <ScreenLink to=back class="button" testid="back">{state.text("ui.nav.back")}</ScreenLink>
                {move || view! {
                    <ScreenLink to=next.get() class="button button-primary" testid="next">
                        {state.text("ui.register.next")}
                    </ScreenLink>
                }}
            </nav>
        </main>
    }
}

/// One system in the list: its name, triage and priority in a line, and its tools; its form
/// while it is being edited.
#[component]
fn SystemItem(
    id: String,
    rules: &'static Rules,
    editing: RwSignal<Option<String>>,
    announce: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let key = StoredValue::new(id.clone());
    let system = Memo::new(move |_| {
        state.answers.with(|a| {
            let r = a.register();
            key.with_value(|id| {
                r.systems
                    .iter()
                    .position(|s| &s.id == id)
                    .and_then(|i| r.systems.get(i).map(|s| (i, r.len(), s.clone())))
            })
        })
    });
    let name = move || {
        system.with(|s| {
            s.as_ref()
                .map(|(i, _, s)| shown_name(state, &s.name, i + 1))
                .unwrap_or_default()
        })
    };
    let summary = move || {
        system.with(|s| {
            s.as_ref().map(|(_, _, s)| {
                let t = rules.triage(s);
                tr(
                    state,
                    "ui.register.summary",
                    &[
                        (
                            "category",
                            &state.text(&format!("triage.category.{}", t.category)),
                        ),
                        (
                            "priority",
                            &state.text(&format!("triage.priority.{}", t.priority)),
                        ),
                    ],
                )
            })
        })
    };
    let open = move || key.with_value(|id| editing.with(|e| e.as_deref() == Some(id.as_str())));
    let heading = format!("system-{id}-h");
    let form_id = format!("system-{id}-form");
    let toggle = move |_| {
        if open() {
            editing.set(None);
            focus_later(key.with_value(|id| format!("[data-system=\"{id}\"] [data-act=\"edit\"]")));
        } else {
            editing.set(Some(key.get_value()));
        }
    };
    let shift = move |by: isize, act: &'static str| {
        let id = key.get_value();
        autosave.edit_register(|r, now| {
            _ = r.shift(&id, by, now);
        });
        if let Some((i, n, _)) = system.get_untracked() {
            announce.set(tr(
                state,
                "ui.register.moved",
                &[
                    ("name", &name()),
                    ("position", &(i + 1).to_string()),
                    ("count", &n.to_string()),
                ],
            ));
        }
        // At either end the button just used is disabled: focus its opposite instead.
        let act = match (act, system.get_untracked()) {
            ("up", Some((0, _, _))) => "down",
            ("down", Some((i, n, _))) if i + 1 >= n => "up",
            _ => act,
        };
        focus_later(format!("[data-system=\"{id}\"] [data-act=\"{act}\"]"));
    };
    let remove = move |_| {
        let id = key.get_value();
        let gone = name();
        autosave.edit_register(|r, now| {
            _ = r.remove(&id, now);
        });
        if editing.with_untracked(|e| e.as_deref() == Some(id.as_str())) {
            editing.set(None);
        }
        announce.set(tr(state, "ui.register.removed", &[("name", &gone)]));
        focus_later("[data-testid=\"register-add\"]".to_owned());
    };
    let first = move || system.with(|s| s.as_ref().is_none_or(|(i, _, _)| *i == 0));
    let last = move || system.with(|s| s.as_ref().is_none_or(|(i, n, _)| i + 1 >= *n));
    let label = move |k: &str| tr(state, k, &[("name", &name())]);
    let form_ref = form_id.clone();
    let labelled = heading.clone();
    view! {
        <li class="register-item" data-system=id>
            <article aria-labelledby=labelled>
                <h2 class="register-name" id=heading>{name}</h2>
                <p class="register-summary">{summary}</p>
                <div class="register-tools">
                    <button
                        type="button"
                        class="button button-small"
                        data-act="edit"
                        aria-expanded=move || open().to_string()
                        aria-controls=form_ref
                        aria-label=move || {
                            if open() { label("ui.register.done") } else { label("ui.register.edit") }
                        }
                        on:click=toggle
                    >
                        {move || if open() { state.text("ui.register.done_short") } else { state.text("ui.register.edit_short") }}
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        data-act="up"
                        aria-label=move || label("ui.register.up")
                        disabled=first
                        on:click=move |_| shift(-1, "up")
                    >
                        "↑"
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        data-act="down"
                        aria-label=move || label("ui.register.down")
                        disabled=last
                        on:click=move |_| shift(1, "down")
                    >
                        "↓"
                    </button>
                    <button
                        type="button"
                        class="button button-small button-danger"
                        data-act="remove"
                        aria-label=move || label("ui.register.remove")
                        on:click=remove
                    >
                        {state.text("ui.register.remove_short")}
                    </button>
                </div>
                <div id=form_id>
                    {move || open().then(|| view! {
                        <system_form::SystemForm id=key.get_value() rules=rules/>
                    })}
                </div>
            </article>
        </li>
    }
}
