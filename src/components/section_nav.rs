//! The list of sections with how many of each section's visible questions are answered.

use carryover_engine::condition::SectionView;
use carryover_engine::export::fill;
use leptos::prelude::*;

use crate::components::screen_link::ScreenLink;
use crate::route::Screen;
use crate::state::AppState;

/// Section navigation: one link per visible section, the current one marked.
#[component]
pub fn SectionNav(
    /// Index of the section on screen.
    current: usize,
    /// The engine's section views for the current answers.
    views: Memo<Vec<SectionView>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = move || {
        views
            .get()
            .into_iter()
            .enumerate()
            .map(|(n, view)| {
                let title = state
                    .catalog
                    .sections
                    .get(view.section)
                    .map(|s| s.title.clone())
                    .unwrap_or_default();
                let total = view.questions.len();
                let count = fill(
                    &state.text("ui.nav.count"),
                    &[
                        ("answered", &view.answered.to_string()),
                        ("total", &total.to_string()),
                    ],
                );
                let done = view.answered == total;
                let here = view.section == current;
                view! {
                    <li
                        class="nav-item"
                        class:nav-done=done
                        class:nav-here=here
                        aria-current=here.then_some("step")
                    >
                        <ScreenLink to=Screen::Section(view.section) class="nav-link">
                            <span class="nav-num" aria-hidden="true">{n + 1}</span>
                            <span class="nav-text">
                                <span class="nav-title">{title}</span>
                                <span class="nav-count">{count}</span>
                            </span>
                        </ScreenLink>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="section-nav" aria-label=state.text("ui.nav.sections")>
            <ol>{items}</ol>
        </nav>
    }
}
