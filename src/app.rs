//! The root component: opens storage once, shares it by context, and shows the current screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{first_question::FirstQuestion, start_page::StartPage};
use crate::route::{self, Screen};
use crate::storage;

/// The whole app. Provides a [`storage::Opened`] context (storage may be unavailable; that is a
/// state, not an error that stops the app) and swaps screens as the URL fragment changes.
#[component]
pub fn App() -> impl IntoView {
    let opened = storage::open();
    if let Err(error) = &opened {
        leptos::logging::warn!("storage unavailable: {error:?}");
    }
    provide_context::<storage::Opened>(opened);

    let screen = route::provide_current_screen();
    // After a screen change, move keyboard and screen-reader focus to the new screen's heading
    // (the link that was activated no longer exists). Not on first load: that would steal focus.
    Effect::watch(
        move || screen.get(),
        |_, _, _| request_animation_frame(focus_heading),
        false,
    );

    move || match screen.get() {
        Screen::Start => view! { <StartPage/> }.into_any(),
        Screen::FirstQuestion => view! { <FirstQuestion/> }.into_any(),
    }
}

fn focus_heading() {
    if let Some(heading) = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        _ = heading.focus();
    }
}
