//! The start page: product name, one-line promise, Start.
//!
//! index.html carries a static copy of this markup (the skeleton shown before the wasm loads).
//! Keep the two in step, or first paint will jump when the app mounts.

use leptos::prelude::*;

use crate::components::screen_link::ScreenLink;
use crate::route::Screen;

/// The landing screen. Start is a link to the first question's fragment (so the skeleton's copy
/// works before the app has loaded).
#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <main class="page page-start">
            <p class="eyebrow">"ISO/IEC 42001 readiness scorecard"</p>
            <h1 class="brand" tabindex="-1">"Carryover"</h1>
            <p class="promise">
                "See how ready you are for ISO/IEC 42001, and how much of your ISO/IEC 27001 work carries over."
            </p>
            <ScreenLink to=Screen::FirstQuestion class="button button-primary">"Start"</ScreenLink>
            <p class="fineprint">"Runs entirely in your browser. Your answers never leave this device."</p>
            <p class="fineprint offline-download">
                <a href="carryover-offline.html" download="carryover.html">"Download offline copy"</a>
            </p>
        </main>
    }
}
