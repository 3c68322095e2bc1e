//! A named part of the results a reader opens when they want it: a native `<details>` whose
//! `<summary>` holds the part's heading. Closed by default, so the results page is the summary
//! plus a list of parts; [`DetailLink`] opens a part (and a requirement row in it) from a link in
//! the summary.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One closed-by-default part of the results.
#[component]
pub fn Part(
    /// The element id (also the target of links that open it).
    id: &'static str,
    /// The heading in the summary line.
    title: String,
    /// A short line under the heading saying what is inside.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Extra CSS classes.
    #[prop(optional)]
    class: Option<&'static str>,
    /// Build the content when the part is first opened (then keep it), not with the page: for
    /// large parts no link opens at a row inside.
    #[prop(optional)]
    lazy: bool,
    /// The part's content.
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id}-h");
    let class = class.map_or_else(
        || "results-section part".to_owned(),
        |c| format!("results-section part {c}"),
    );
    let opened = RwSignal::new(!lazy);
    let body = if lazy {
        let kept = StoredValue::new_local(Some(children));
        // Untracked: what the content reads when it is built must not rebuild it.
        (move || {
            opened.get().then(|| {
                kept.try_update_value(Option::take)
                    .flatten()
                    .map(|children| untrack(children))
            })
        })
        .into_any()
    } else {
        children()
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        if !opened.get_untracked() && event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
            opened.set(true);
        }
    };
    view! {
        <details class=class id=id data-part=id on:toggle=on_toggle>
            <summary class="part-summary">
                <h2 class="part-title" id=heading_id>{title}</h2>
                {hint.map(|h| view! { <span class="part-hint">{h}</span> })}
            </summary>
            <div class="part-body">{body}</div>
        </details>
    }
}

/// Opens the part `part` (and, inside it, the requirement row `requirement` if given), scrolls it
/// into view and moves focus to its summary line, so keyboard and screen-reader users land there.
pub fn open_detail(part: &str, requirement: Option<&str>) {
    let doc = document();
    let Some(el) = doc.get_element_by_id(part) else {
        return;
    };
    if let Some(details) = el.dyn_ref::<web_sys::HtmlDetailsElement>() {
        details.set_open(true);
    }
    let target = requirement
        .and_then(|id| {
            el.query_selector(&format!("[data-requirement=\"{id}\"] details"))
                .ok()
                .flatten()
        })
        .map_or(el, |row| {
            if let Some(details) = row.dyn_ref::<web_sys::HtmlDetailsElement>() {
                details.set_open(true);
            }
            row
        });
    let summary = target
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
    target.scroll_into_view();
    if let Some(summary) = summary {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        _ = summary.focus_with_options(&opts);
    }
}

/// A link in the summary to the part that explains a figure (and optionally to one requirement
/// row in it). Its `href` names the part, so it also works as a plain in-page link.
#[component]
pub fn DetailLink(
    /// Id of the part to open.
    part: &'static str,
    /// A requirement row inside the part to open too.
    #[prop(optional, into)]
    requirement: Option<String>,
    /// CSS classes.
    #[prop(optional)]
    class: Option<&'static str>,
    /// Test id.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The link content.
    children: Children,
) -> impl IntoView {
    let req = requirement.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        open_detail(part, req.as_deref());
    };
    view! {
        <a
            href=format!("#{part}")
            class=class
            data-testid=testid
            data-requirement=requirement
            on:click=on_click
        >
            {children()}
        </a>
    }
}
