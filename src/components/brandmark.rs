//! The site owner's logo and company name (embed configuration), beside Carryover's wordmark in
//! the top bar and above the start page. Renders nothing when neither is configured.

use leptos::prelude::*;

use crate::embed::Embed;
use crate::state::AppState;

/// Logo and company name. The logo has a fixed height (style/embed.css), so it loading late
/// moves nothing; its `alt` is empty when the name is written beside it.
#[component]
pub fn Brandmark() -> impl IntoView {
    let embed = expect_context::<Embed>();
    let state = expect_context::<AppState>();
    move || {
        embed.config.with(|c| {
            if c.logo.is_none() && c.company.is_none() {
                return None;
            }
            let alt = if c.company.is_some() {
                String::new()
            } else {
                state.text("ui.embed.logo")
            };
            let logo = c.logo.clone().map(|src| {
                view! { <img class="brandmark-logo" src=src alt=alt referrerpolicy="no-referrer"/> }
            });
            let name = c
                .company
                .clone()
                .map(|name| view! { <span class="brandmark-name">{name}</span> });
            Some(view! {
                <span class="brandmark" data-testid="brandmark">{logo}{name}</span>
            })
        })
    }
}
