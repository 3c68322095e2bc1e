//! The form of one AI system: name and owner (limits said beside them), then one fieldset per
//! register question of `content/register.toml` (radios for single questions, checkboxes for
//! multi questions, "none" exclusive of the other choices), each with its hint.

use carryover_engine::export::fill;
use carryover_engine::register::{MAX_NAME_CHARS, System};
use carryover_engine::triage::{Field, FieldKind, Rules};
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::state::AppState;

/// Applies `edit` to the system `id` and saves.
fn update(autosave: Autosave, id: &str, edit: impl FnOnce(&mut System)) {
    autosave.edit_register(|r, now| {
        if let Some(mut s) = r.get(id).cloned() {
            edit(&mut s);
            _ = r.update(s, now);
        }
    });
}

/// The choices after ticking or unticking `choice` of a multi question: "none" and the other
/// choices exclude each other.
fn toggled(current: &[String], choice: &str, on: bool) -> Vec<String> {
    let mut out: Vec<String> = current
        .iter()
        .filter(|c| c.as_str() != choice)
        .cloned()
        .collect();
    if on {
        if choice == "none" {
            out.clear();
        } else {
            out.retain(|c| c != "none");
        }
        out.push(choice.to_owned());
    }
    out
}

/// The form for system `id`.
#[component]
pub fn SystemForm(id: String, rules: &'static Rules) -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let key = StoredValue::new(id);
    let current = move || {
        state.answers.with_untracked(|a| {
            key.with_value(|id| a.register().get(id).cloned())
                .unwrap_or_default()
        })
    };
    let start = current();
    let text_input = move |field: &'static str, initial: String| {
        let input_id = key.with_value(|id| format!("system-{id}-{field}"));
        let left_id = format!("{input_id}-left");
        let left = RwSignal::new(MAX_NAME_CHARS.saturating_sub(initial.chars().count()));
        let label = state.text(if field == "name" {
            "ui.register.name"
        } else {
            "ui.register.owner"
        });
        let on_input = move |ev: leptos::ev::Event| {
            let value: String = event_target_value(&ev);
            left.set(MAX_NAME_CHARS.saturating_sub(value.chars().count()));
            key.with_value(|id| {
                update(autosave, id, |s| {
                    if field == "name" {
                        s.name = value;
                    } else {
                        s.owner = value;
                    }
                });
            });
        };
        let for_id = input_id.clone();
        view! {
            <p class="register-text">
                <label for=for_id>{label}</label>
                <input
                    id=input_id
                    type="text"
                    data-field=field
                    maxlength=MAX_NAME_CHARS.to_string()
                    autocomplete="off"
                    value=initial
                    aria-describedby=format!("{left_id} register-limits")
                    on:input=on_input
                />
                <span class="fineprint" id=left_id>
                    {move || fill(&state.text("ui.register.chars_left"), &[("count", &left.get().to_string())])}
                </span>
            </p>
        }
    };
    let fields = rules
        .fields
        .iter()
        .map(|f| field_view(state, autosave, key, f))
        .collect_view();
    view! {
        <div class="register-form">
            {text_input("name", start.name.clone())}
            {text_input("owner", start.owner.clone())}
            {fields}
        </div>
    }
}

fn field_view(
    state: AppState,
    autosave: Autosave,
    key: StoredValue<String>,
    field: &'static Field,
) -> impl IntoView {
    let group = key.with_value(|id| format!("system-{id}-{}", field.id));
    let hint_id = format!("{group}-hint");
    let chosen = Memo::new(move |_| {
        state.answers.with(|a| {
            key.with_value(|id| {
                a.register()
                    .get(id)
                    .map(|s| s.fact(&field.id).to_vec())
                    .unwrap_or_default()
            })
        })
    });
    let choices = field
        .choices
        .iter()
        .map(|choice| {
            let choice: &'static str = choice.as_str();
            let input_id = format!("{group}-{choice}");
            let label = state.text(&format!("register.choice.{}.{choice}", field.id));
            let checked = move || chosen.with(|c| c.iter().any(|x| x == choice));
            let on_change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                key.with_value(|id| {
                    update(autosave, id, |s| {
                        let next = match field.kind {
                            FieldKind::Single => vec![choice.to_owned()],
                            FieldKind::Multi => toggled(s.fact(&field.id), choice, on),
                        };
                        if next.is_empty() {
                            s.facts.remove(&field.id);
                        } else {
                            s.facts.insert(field.id.clone(), next);
                        }
                    });
                });
            };
            let kind = match field.kind {
                FieldKind::Single => "radio",
                FieldKind::Multi => "checkbox",
            };
            let for_id = input_id.clone();
            view! {
                <label class="choice" for=for_id>
                    <input
                        type=kind
                        id=input_id
                        name=group.clone()
                        value=choice
                        prop:checked=checked
                        on:change=on_change
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let described = hint_id.clone();
    view! {
        <fieldset class="register-field" aria-describedby=described>
            <legend>{state.text(&format!("register.field.{}.label", field.id))}</legend>
            <p class="fineprint" id=hint_id>{state.text(&format!("register.field.{}.hint", field.id))}</p>
            <div class="choices">{choices}</div>
        </fieldset>
    }
}
