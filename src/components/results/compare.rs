//! Compare with an earlier assessment: pick an answers file saved earlier (read exactly as
//! loading answers reads it, [`read_picked`]) or paste a share link made then (opened by the
//! engine's [`share::decode`], which takes a whole link, its fragment or the bare payload; a bad
//! link is refused with the engine's `share.error.*` message), and see what moved between it and the current
//! answers: readiness, person-days and months, the days saved, the requirements whose status
//! changed and the answers that changed ([`diff_documents`]). The current answers are never
//! replaced; entries of an older file that fit no current question are listed, not compared.

use carryover_engine::diff::{Diff, diff_documents, direction_id};
use carryover_engine::{AnswersDocument, share};
use leptos::prelude::*;

use super::import_answers::{read_picked, take_picked};
use super::part::Part;
use super::what_if::change_line;
use super::{half_days, status_label, subject_name, tr};
use crate::state::AppState;

/// The earlier file, once read.
#[derive(Clone, Debug, PartialEq)]
enum Earlier {
    Read {
        /// "Since …:", naming the file or the link.
        heading: String,
        document: Box<AnswersDocument>,
    },
    Refused(String),
}

/// The comparison part.
#[component]
pub fn ComparePart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let earlier = RwSignal::new(None::<Earlier>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = take_picked(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let (name, read) = read_picked(state, file).await;
            earlier.set(Some(match read {
                Ok(decoded) => Earlier::Read {
                    heading: tr(&state, "ui.compare.loaded", &[("file", &name)]),
                    document: Box::new(decoded.document),
                },
                Err(reason) => Earlier::Refused(tr(
                    &state,
                    "ui.compare.failed",
                    &[("file", &name), ("reason", &reason)],
                )),
            }));
        });
    };
    let link = RwSignal::new(String::new());
    let on_link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = link.get_untracked();
        earlier.set(Some(match share::decode(state.catalog, &text) {
            Ok(decoded) => Earlier::Read {
                heading: state.text("ui.compare.loaded_link"),
                document: Box::new(decoded.document),
            },
            Err(error) => Earlier::Refused(tr(
                &state,
                "ui.compare.link_failed",
                &[("reason", &error.message(state.catalog, state.locale))],
            )),
        }));
    };
    let result = move || {
        earlier.get().map(|e| match e {
            Earlier::Refused(text) => view! {
                <div class="notice notice-error" role="alert" data-testid="compare-message">
                    <p>{text}</p>
                </div>
            }
            .into_any(),
            Earlier::Read { heading, document } => {
                let current = AnswersDocument::new(state.answers.get());
                let d = diff_documents(state.catalog, &document, &current);
                view! { <DiffView heading=heading diff=d on_clear=move || earlier.set(None)/> }
                    .into_any()
            }
        })
    };
    view! {
        <Part id="results-compare" title=state.text("ui.compare.title")>
            <p>{state.text("ui.compare.intro")}</p>
            <label class="import-field">
                <span>{state.text("ui.compare.label")}</span>
                <input
                    type="file"
                    accept=".json,application/json"
                    data-testid="compare-file"
                    on:change=on_change
                />
            </label>
            <form class="compare-link" on:submit=on_link>
                <label class="import-field">
                    <span>{state.text("ui.compare.link_label")}</span>
                    <input
                        type="text"
                        inputmode="url"
                        autocomplete="off"
                        spellcheck="false"
                        data-testid="compare-link"
                        prop:value=move || link.get()
                        on:input=move |ev| link.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit" class="button">{state.text("ui.compare.link_go")}</button>
            </form>
            {result}
        </Part>
    }
}

#[component]
fn DiffView(heading: String, diff: Diff, on_clear: impl Fn() + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let d = diff;
    let range = |(l, h): (u32, u32)| format!("{l}–{h}");
    let months = |(l, h): (f64, f64)| {
        format!(
            "{}–{}",
            half_days(state.locale, l),
            half_days(state.locale, h)
        )
    };
    let saved = if d.days_saved >= 0.0 {
        super::days_phrase(&state, "ui.glance.days_saved", d.days_saved)
    } else {
        tr(
            &state,
            "diff.days_added",
            &[("days", &half_days(state.locale, -d.days_saved))],
        )
    };
    let statuses = d
        .statuses
        .iter()
        .map(|c| {
            let line = format!(
                "{}: {} → {} ({})",
                subject_name(state.catalog, &c.requirement),
                status_label(&state, c.status.before),
                status_label(&state, c.status.after),
                state.text(&format!("diff.direction.{}", direction_id(c.direction))),
            );
            view! { <li data-direction=direction_id(c.direction)>{line}</li> }
        })
        .collect_view();
    let answers = d
        .answers
        .iter()
        .map(|c| view! { <li>{change_line(&state, c, "diff.unanswered")}</li> })
        .collect_view();
    let set_aside = (!d.set_aside_earlier.is_empty()).then(|| {
        view! {
            <p class="fineprint">
                {tr(&state, "ui.compare.set_aside", &[("ids", &d.set_aside_earlier.join(", "))])}
            </p>
        }
    });
    view! {
        <div class="compare-result" role="status" data-testid="compare-result">
            <p><strong>{heading}</strong></p>
            <ul class="compare-figures">
                <li data-testid="compare-readiness">
                    {tr(&state, "ui.compare.readiness", &[
                        ("before", &d.readiness.before.to_string()),
                        ("after", &d.readiness.after.to_string()),
                    ])}
                </li>
                <li data-testid="compare-days">
                    {tr(&state, "ui.compare.days", &[
                        ("before", &range(d.days_range.before)),
                        ("after", &range(d.days_range.after)),
                        ("saved", &saved),
                    ])}
                </li>
                <li>
                    {tr(&state, "ui.compare.months", &[
                        ("before", &months(d.months.before)),
                        ("after", &months(d.months.after)),
                    ])}
                </li>
            </ul>
            <h3>{tr(&state, "ui.compare.statuses", &[("count", &d.statuses.len().to_string())])}</h3>
            <ul class="compare-list" data-testid="compare-statuses">{statuses}</ul>
            <h3>{tr(&state, "ui.compare.answers", &[("count", &d.answers.len().to_string())])}</h3>
            <ul class="compare-list" data-testid="compare-answers">{answers}</ul>
            {set_aside}
            <button type="button" class="button" on:click=move |_| on_clear()>
                {state.text("ui.compare.clear")}
            </button>
        </div>
    }
}
