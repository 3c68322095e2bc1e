//! The site owner's call to action (embed configuration): a button after the headline that opens
//! the configured URL with the summary figures the owner chose (never answers) as parameters.

use carryover_engine::embed_config::{CtaTarget, Summary};
use leptos::prelude::*;

use crate::embed::Embed;
use crate::state::AppState;

/// The CTA, or nothing when no (safe) CTA URL is configured.
#[component]
pub fn Cta() -> impl IntoView {
    let state = expect_context::<AppState>();
    let embed = expect_context::<Embed>();
    move || {
        let cta = embed.config.with(|c| c.cta().cloned())?;
        let href = state.assessment.with(|a| cta.href(&Summary::of(a)));
        let label = cta
            .label
            .clone()
            .unwrap_or_else(|| state.text("ui.embed.cta"));
        // A new tab must not get a handle on this page; `_top` replaces the host page itself.
        let rel = match cta.target {
            CtaTarget::Blank => "noopener noreferrer",
            CtaTarget::Top => "noreferrer",
        };
        let clicked = href.clone();
        Some(view! {
            <p class="results-cta">
                <a
                    class="button button-primary"
                    href=href
                    target=cta.target.attribute()
                    rel=rel
                    data-testid="cta"
                    on:click=move |_| embed.cta_clicked(clicked.clone())
                >
                    {label}
                </a>
            </p>
        })
    }
}
