//! One questionnaire section: the page header, section navigation, progress, the practice scale
//! explained once (sections of practice questions), the section's visible questions, and Back /
//! Next (or See results after the last section). A reader who came from the results by a
//! "Revisit" link also gets a persistent "Back to results" ([`crate::revisit`]).
//!
//! Which questions show comes from the engine (`condition::sections`) and follows the answers
//! live; an answer to a question that becomes hidden is kept by the engine and shown again with it.

use carryover_engine::condition::{SectionView, sections};
use carryover_engine::export::fill;
use carryover_engine::model::{PracticeAnswer, QuestionKind};
use leptos::prelude::*;

use crate::components::progress_bar::ProgressBar;
use crate::components::question::Question;
use crate::components::screen_link::ScreenLink;
use crate::components::section_nav::SectionNav;
use crate::components::storage_notice::StorageNotice;
use crate::components::top_bar::TopBar;
use crate::revisit::Revisit;
use crate::route::{self, CurrentScreen, Screen};
use crate::state::AppState;

/// The screen for section `section` (an index into `Catalog::sections`).
#[allow(clippy::too_many_lines)] // one screen, one view
#[component]
pub fn Questionnaire(
    /// Index of the section to show.
    section: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let screen = expect_context::<CurrentScreen>();
    let catalog = state.catalog;
    let views: Memo<Vec<SectionView>> =
        Memo::new(move |_| state.answers.with(|a| sections(catalog, a)));
    let questions = Memo::new(move |_| {
        views.with(|v| {
            v.iter()
                .find(|s| s.section == section)
                .map(|s| s.questions.clone())
                .unwrap_or_default()
        })
    });
    // Back and Next go to the neighbouring *visible* sections.
    // The optional AI system register comes right after the intake (issue 16).
    let back = Memo::new(move |_| {
        views.with(|v| {
            v.iter()
                .rev()
                .find(|s| s.section < section)
                .map_or(Screen::Start, |s| {
                    crate::components::register::after(
                        catalog,
                        s.section,
                        Screen::Section(s.section),
                    )
                })
        })
    });
    let next = Memo::new(move |_| {
        let to = views.with(|v| {
            v.iter()
                .find(|s| s.section > section)
                .map_or(Screen::Results, |s| Screen::Section(s.section))
        });
        crate::components::register::after(catalog, section, to)
    });
    let position = move || {
        views.with(|v| {
            let n = v
                .iter()
                .position(|s| s.section == section)
                .map_or(0, |i| i + 1);
            fill(
                &state.text("ui.nav.section_of"),
                &[("n", &n.to_string()), ("total", &v.len().to_string())],
            )
        })
    };
    let has_practices = catalog
        .questions
        .iter()
        .any(|q| q.section == section && q.kind == QuestionKind::Practice);
    let scale = has_practices.then(|| scale_key(state));
    let title = catalog.sections.get(section).map(|s| s.title.clone());
    let intro = catalog.sections.get(section).and_then(|s| s.intro.clone());
    let next_label = move || match next.get() {
        Screen::Results => state.text("ui.nav.results"),
        Screen::Start | Screen::Section(_) | Screen::Tasks | Screen::Register => {
            state.text("ui.nav.next")
        }
    };
    // Enter in a text-free form submits it: treat it as Next.
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        route::go(catalog, screen, next.get_untracked());
    };

    view! {
        <TopBar/>
        <div class="q-layout">
            <SectionNav current=section views=views/>
            <main class="q-main">
                <ProgressBar/>
                <p class="eyebrow">{position}</p>
                <h1 class="section-title" tabindex="-1">{title}</h1>
                {intro.map(|intro| view! { <p class="section-intro">{intro}</p> })}
                <StorageNotice/>
                {scale}
                <crate::components::suggestion::ConfirmAll section=section/>
                <form class="questions" on:submit=submit>
                    <For each=move || questions.get() key=|qi| *qi let:qi>
                        <Question question=qi/>
                    </For>
                </form>
                <nav class="actions" aria-label=state.text("ui.nav.steps")>
                    {move || {
                        view! {
                            <ScreenLink to=back.get() class="button" testid="back">
                                {state.text("ui.nav.back")}
                            </ScreenLink>
                        }
                    }}
                    {move || {
                        view! {
                            <ScreenLink to=next.get() class="button button-primary" testid="next">
                                {next_label()}
                            </ScreenLink>
                        }
                    }}
                </nav>
                <BackToResults/>
            </main>
        </div>
    }
}

/// The maturity scale explained once, above a section's practice questions (each question then
/// shows only the six labels).
fn scale_key(state: AppState) -> impl IntoView {
    let items = PracticeAnswer::ALL
        .into_iter()
        .map(|answer| {
            view! {
                <dt>{state.text(&format!("answer.{}.label", answer.id()))}</dt>
                <dd>{state.text(&format!("answer.{}.explain", answer.id()))}</dd>
            }
        })
        .collect_view();
    view! {
        <section class="scale-key" aria-labelledby="scale-key-h">
            <h2 id="scale-key-h">{state.text("ui.glance.scale_title")}</h2>
            <dl>{items}</dl>
        </section>
    }
}

/// "Back to results", kept in view at the bottom of every section once the reader came from the
/// results by a "Revisit" link.
#[component]
fn BackToResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    let revisit = expect_context::<Revisit>();
    move || {
        revisit.from_results.get().then(|| {
            view! {
                <nav class="return-bar" aria-label=state.text("ui.glance.return_nav")>
                    <ScreenLink to=Screen::Results class="button button-primary" testid="back-to-results">
                        {state.text("ui.glance.back_to_results")}
                    </ScreenLink>
                </nav>
            }
        })
    }
}
