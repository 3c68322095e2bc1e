//! "Your AI systems" (issue 16): each system of the register in impact-assessment order (the
//! order the roadmap takes for per-system work), with its priority, the preliminary EU AI Act
//! triage and the articles it rests on, the ISO/IEC 42001 controls it brings in and its share of
//! the per-system work. All of it is the engine's `Assessment::systems` and `Effort::per_system`.

use carryover_engine::export::takeaway::Kind;
use carryover_engine::triage::{Rules, impact_order};
use leptos::prelude::*;

use super::part::Part;
use super::{half_days, subject_name, tr};
use crate::components::register::shown_name;
use crate::components::screen_link::ScreenLink;
use crate::download::FileKind;
use crate::route::Screen;
use crate::state::AppState;
use crate::takeaway::Jobs;

/// The part.
#[allow(clippy::too_many_lines)] // one part, one view
#[component]
pub fn Systems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let failure = RwSignal::new(None::<String>);
    let jobs = Jobs::from_context();
    let save_csv = move |_| {
        let kind = FileKind {
            name: "carryover-ai-system-register.csv",
            mime: "text/csv;charset=utf-8",
        };
        super::take_away::save_made(jobs, Kind::RegisterCsv, kind, failure);
    };
    let has_systems = move || a.with(|a| !a.systems.is_empty());
    let as_of = Rules::builtin()
        .map(|r| r.as_of.clone())
        .unwrap_or_default();
    let disclaimer = tr(&state, "triage.disclaimer", &[("date", &as_of)]);
    let list = move || {
        a.with(|a| {
            if a.systems.is_empty() {
                return view! { <p>{state.text("ui.register.none_results")}</p> }.into_any();
            }
            let position = |id: &str| a.systems.iter().position(|s| s.id == id).map_or(0, |i| i + 1);
            let items = impact_order(&a.systems)
                .into_iter()
                .map(|s| {
                    let name = shown_name(state, &s.name, position(&s.id));
                    let articles = tr(
                        &state,
                        "triage.articles",
                        &[("articles", &s.articles.join(", "))],
                    );
                    let notes = (!s.notes.is_empty()).then(|| {
                        let items = s
                            .notes
                            .iter()
                            .map(|n| {
                                let rests = tr(
                                    &state,
                                    "triage.articles",
                                    &[("articles", &n.articles.join(", "))],
                                );
                                view! {
                                    <li>{state.text(&format!("triage.note.{}", n.id))} " " <span class="fineprint">{rests}</span></li>
                                }
                            })
                            .collect_view();
                        view! {
                            <h4>{state.text("ui.register.notes")}</h4>
                            <ul class="system-notes">{items}</ul>
                        }
                    });
                    let controls = s
                        .controls
                        .iter()
                        .map(|c| {
                            let names: Vec<String> = c
                                .requirements
                                .iter()
                                .map(|r| subject_name(state.catalog, r))
                                .collect();
                            view! {
                                <li>
                                    <p>{state.text(&format!("register.control.{}", c.id))}</p>
                                    <p class="fineprint">{names.join("; ")}</p>
                                </li>
                            }
                        })
                        .collect_view();
                    let effort = a.effort.per_system.iter().find(|e| e.id == s.id).map(|e| {
                        tr(
                            &state,
                            "ui.register.effort",
                            &[
                                ("days", &half_days(state.locale, e.days)),
                                ("share", &format!("{}", e.share)),
                                ("multiplier", &carryover_engine::export::units::localize(state.locale, &format!("{:.2}", e.multiplier))),
                            ],
                        )
                    });
                    let priority = tr(
                        &state,
                        "ui.register.priority",
                        &[("priority", &state.text(&format!("triage.priority.{}", s.priority)))],
                    );
                    view! {
                        <li class="system-result" data-system=s.id.clone() data-category=s.category.clone()>
                            <article aria-label=name.clone()>
                                <h3>{name.clone()}</h3>
                                <p class=format!("system-priority priority-{}", s.priority)>
                                    <strong>{priority}</strong>
                                </p>
                                <h4>{state.text("ui.register.triage")}</h4>
                                <p>
                                    <strong>{state.text(&format!("triage.tier.{}.title", s.tier))}</strong>
                                </p>
                                <p>{state.text(&format!("triage.tier.{}.body", s.tier))}</p>
                                <p class="fineprint system-articles">{articles}</p>
                                {notes}
                                <h4>{state.text("ui.register.controls")}</h4>
                                <ul class="system-controls">{controls}</ul>
                                {effort.map(|e| view! { <p class="fineprint">{e}</p> })}
                            </article>
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="system-results">{items}</ol> }.into_any()
        })
    };
    view! {
        <Part
            id="results-systems"
            title=state.text("ui.register.results_title")
            hint=state.text("ui.register.results_intro")
        >
            <p class="results-disclaimer" role="note">{disclaimer}</p>
            {list}
            <p class="register-actions">
                <ScreenLink to=Screen::Register class="button" testid="register-edit">
                    {state.text("ui.register.edit_list")}
                </ScreenLink>
                " "
                {move || has_systems().then(|| view! {
                    <button type="button" class="button" data-testid="download-register_csv" on:click=save_csv>
                        {state.text("ui.register.csv")}
                    </button>
                })}
            </p>
            {move || failure.get().map(|f| view! { <p role="alert">{f}</p> })}
        </Part>
    }
}
