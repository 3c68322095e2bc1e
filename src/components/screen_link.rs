//! A link to another screen of the app.

use leptos::prelude::*;

use crate::route::{self, CurrentScreen, Screen};
use crate::state::AppState;

/// An `<a href="#…">` to `to`. A plain click switches screens inside the app (see
/// [`crate::route`] for why it does not leave that to the browser); clicks with a modifier key or
/// another mouse button keep the browser's behaviour (open in a new tab and so on).
#[component]
pub fn ScreenLink(
    /// The screen to show.
    to: Screen,
    /// CSS classes for the `<a>`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// Test id, for links the end-to-end tests drive.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The link text.
    children: Children,
) -> impl IntoView {
    let current = expect_context::<CurrentScreen>();
    let catalog = expect_context::<AppState>().catalog;
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain {
            ev.prevent_default();
            route::go(catalog, current, to);
        }
    };
    view! {
        <a class=class href=to.href(catalog) data-testid=testid on:click=on_click>
            {children()}
        </a>
    }
}
