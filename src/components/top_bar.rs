//! The bar above the questionnaire and the results: the site owner's brandmark if configured, the
//! wordmark (back to the start page), the "saved on this device" indicator, the language switch
//! and Start over.

use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::components::brandmark::Brandmark;
use crate::components::reset_dialog::ResetButton;
use crate::components::screen_link::ScreenLink;
use crate::language::LangSwitch;
use crate::route::Screen;
use crate::state::AppState;

/// The page header (a `banner` landmark).
#[component]
pub fn TopBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let status = move || state.text(autosave.status.get().text_key());
    view! {
        <header class="topbar">
            <div class="topbar-brand">
                <Brandmark/>
                <ScreenLink to=Screen::Start class="wordmark">{state.text("app.name")}</ScreenLink>
            </div>
            <div class="topbar-tools">
                <p
                    class="save-status"
                    class:save-problem=move || autosave.status.get().is_problem()
                    role="status"
                    data-testid="save-status"
                >
                    {status}
                </p>
                <LangSwitch/>
                <ResetButton/>
            </div>
        </header>
    }
}
