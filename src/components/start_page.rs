//! The start page: what the scorecard does, how long it takes, that answers stay on this device,
//! and Start (or, with answers already given, Resume where you left off / Start over).
//!
//! index.html carries a static copy of this markup with the English text (the skeleton shown
//! before the wasm loads). Keep the two in step, or first paint will jump when the app mounts.
//! Two parts are not in the skeleton and move nothing: the brandmark (embed configuration) sits
//! absolutely in the page's top padding, and the offline file's "offline copy" note, the storage
//! notice and the list of earlier versions (only when there are some) come last.

use carryover_engine::export::fill;
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::components::brandmark::Brandmark;
use crate::components::earlier_versions::EarlierVersions;
use crate::components::reset_dialog::ResetButton;
use crate::components::screen_link::ScreenLink;
use crate::components::storage_notice::StorageNotice;
use crate::route::Screen;
use crate::state::AppState;

/// The landing screen. Start is a link to the first section's fragment (so the skeleton's copy
/// works before the app has loaded).
#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let t = move |key: &str| state.text(key);
    let has_answers = move || state.answers.with(|a| !a.is_empty());
    let actions = move || {
        if has_answers() {
            let resume = Screen::Section(autosave.position().unwrap_or(0));
            let note = state.progress.with(|p| {
                fill(
                    &t("ui.start.resume_note"),
                    &[
                        ("answered", &p.answered.to_string()),
                        ("total", &p.total.to_string()),
                    ],
                )
            });
            view! {
                <ScreenLink to=resume class="button button-primary" testid="resume">
                    {t("ui.start.resume")}
                </ScreenLink>
                <ResetButton/>
                <p class="resume-note">{note}</p>
            }
            .into_any()
        } else {
            view! {
                <ScreenLink to=Screen::Section(0) class="button button-primary">
                    {t("ui.start.start")}
                </ScreenLink>
            }
            .into_any()
        }
    };
    // The offline builder stamps its build date on <html data-built="YYYY-MM-DD">.
    let offline_copy = document()
        .document_element()
        .and_then(|root| root.get_attribute("data-built"))
        .map(|date| {
            view! {
                <p class="fineprint offline-copy" data-testid="offline-copy">
                    {fill(&t("ui.embed.offline"), &[("date", &date)])}
                </p>
            }
        });
    view! {
        <main class="page page-start">
            <Brandmark/>
            <p class="eyebrow">{t("ui.start.eyebrow")}</p>
            <h1 class="brand" tabindex="-1">{t("app.name")}</h1>
            <p class="promise">{t("app.promise")}</p>
            <p class="duration">{t("ui.start.duration")}</p>
            <div class="start-actions">{actions}</div>
            <p class="fineprint">{t("ui.start.privacy")}</p>
            <p class="fineprint offline-download">
                <a href="carryover-offline.html" download="carryover.html">{t("ui.start.download")}</a>
            </p>
            {offline_copy}
            <StorageNotice/>
            <EarlierVersions/>
        </main>
    }
}
