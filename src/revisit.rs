//! Going from the results to a question and back: which question to bring into view when its
//! section opens, whether the reader came from the results (then the questionnaire shows a
//! persistent "Back to results"), and the summary figures the reader saw last (so the summary can
//! say what moved after a change).
//!
//! Shared by context as [`Revisit`]; [`RevisitLink`] is the link that starts such a trip.

use carryover_engine::model::Status;
use carryover_engine::{Assessment, Catalog};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::route::{self, CurrentScreen, Screen};
use crate::state::AppState;

/// The figures the results summary shows, kept to compare after a change.
#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    /// The headline "carries over" percentage.
    pub carry_pct: u8,
    /// Net-new requirements.
    pub net_new: usize,
    /// Person-days, low and high.
    pub days: (u32, u32),
    /// Calendar months, low and high.
    pub months: (f64, f64),
    /// Readiness out of 100.
    pub readiness: u8,
}

impl Glance {
    /// The summary figures of an assessment (the headline percentage is chosen by `carry_pct`).
    pub fn of(a: &Assessment, carry_pct: u8) -> Glance {
        Glance {
            carry_pct,
            net_new: a
                .requirements
                .iter()
                .filter(|r| r.status == Status::NetNew)
                .count(),
            days: (a.effort.days_low, a.effort.days_high),
            months: (a.effort.months_low, a.effort.months_high),
            readiness: a.readiness.score,
        }
    }
}

/// The state of a trip from the results into the questionnaire.
#[derive(Clone, Copy)]
pub struct Revisit {
    /// The question (index into `Catalog::questions`) to scroll into view and focus when the next
    /// screen shows, instead of the screen's heading.
    pub focus: RwSignal<Option<usize>>,
    /// True once the reader went from the results to a question: the questionnaire then offers
    /// "Back to results" on every section.
    pub from_results: RwSignal<bool>,
    /// The summary figures when the reader last left the results.
    pub seen: RwSignal<Option<Glance>>,
}

impl Revisit {
    /// Creates the state and provides it as context.
    pub fn provide() -> Revisit {
        let revisit = Revisit {
            focus: RwSignal::new(None),
            from_results: RwSignal::new(false),
            seen: RwSignal::new(None),
        };
        provide_context(revisit);
        revisit
    }
}

/// Brings question `qi` into view and focuses its chosen option (or its first one), so the reader
/// can change the answer at once. False when the question is not on screen.
pub fn focus_question(catalog: &Catalog, qi: usize) -> bool {
    let Some(q) = catalog.questions.get(qi) else {
        return false;
    };
    let Some(set) = document()
        .query_selector(&format!("fieldset[data-question=\"{}\"]", q.id))
        .ok()
        .flatten()
    else {
        return false;
    };
    let input = set
        .query_selector("input:checked")
        .ok()
        .flatten()
        .or_else(|| set.query_selector("input").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    set.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Some(input) = input {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        _ = input.focus_with_options(&focus);
    }
    true
}

/// A link from the results to one question: opens its section with the question scrolled into
/// view and focused, and keeps "Back to results" on offer.
#[component]
pub fn RevisitLink(
    /// The question id.
    question: String,
    /// CSS classes for the `<a>`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The link text.
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = expect_context::<CurrentScreen>();
    let revisit = expect_context::<Revisit>();
    let catalog = state.catalog;
    let qi = catalog.questions.iter().position(|q| q.id == question);
    let to = qi
        .and_then(|i| catalog.questions.get(i))
        .map_or(Screen::Start, |q| Screen::Section(q.section));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain {
            ev.prevent_default();
            revisit.focus.set(qi);
            revisit.from_results.set(true);
            route::go(catalog, current, to);
        }
    };
    view! {
        <a class=class href=to.href(catalog) data-question=question on:click=on_click>
            {children()}
        </a>
    }
}
