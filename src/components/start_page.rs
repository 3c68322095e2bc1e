//! The start page: what the scorecard does, how long it takes, that answers stay on this device,
//! and Start (or, with answers already given, Resume where you left off / Start over).
//!
//! index.html carries a static copy of this markup with the English text (the skeleton shown
//! before the wasm loads). Keep the two in step, or first paint will jump when the app mounts.
//! Two parts are not in the skeleton and move nothing: the brandmark (embed configuration) sits
//! absolutely in the page's top padding, and the offline file's "offline copy" note, the storage
//! notice and the list of earlier versions (only when there are some) come last.

use carryover_engine::export::fill;
use carryover_engine::model::{PracticeAnswer, QuestionKind};
use carryover_engine::{Catalog, Lang};
use leptos::prelude::*;

use crate::autosave::Autosave;
use crate::components::brandmark::Brandmark;
use crate::components::earlier_versions::EarlierVersions;
use crate::components::reset_dialog::ResetButton;
use crate::components::screen_link::ScreenLink;
use crate::components::storage_notice::StorageNotice;
use crate::language::LangSwitch;
use crate::route::Screen;
use crate::state::AppState;

/// Silent reading speed of adults, words per minute: English non-fiction 238 (Brysbaert 2019, a
/// meta-analysis of 190 studies); French 195 (Trauzettel-Klosinski and Dietz 2012, the `IReST`
/// standardised texts read aloud and silently in 17 languages: French texts have more, shorter
/// words than English ones, so the same content takes about as long).
fn words_per_minute(lang: Lang) -> f64 {
    match lang {
        Lang::En => 238.0,
        Lang::Fr => 195.0,
    }
}
/// Seconds to choose an intake answer (a fact the respondent knows) after reading it.
const INTAKE_SECONDS: f64 = 4.0;
/// Seconds to judge one practice on the maturity scale after reading it (our assumption: recall
/// whether it works and whether it leaves dated evidence).
const PRACTICE_SECONDS: f64 = 10.0;

/// The start page's time promise, computed from the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeEstimate {
    /// Whole minutes, rounded up.
    pub minutes: u32,
    /// Questions the longest path asks (every question shown).
    pub questions: usize,
    /// Words shown by default on the question pages.
    pub words: usize,
}

/// How long the questionnaire takes a careful reader on its longest path (every conditional
/// question shown): the words the question pages show by default — section titles and intros,
/// each practice section's scale key once, every question's statement, an intake question's
/// visible help and its choice labels, the six scale labels once per section (they repeat on
/// every question and are recognised, not re-read) — at [`WORDS_PER_MINUTE`], plus the time to
/// decide ([`INTAKE_SECONDS`] per intake question, [`PRACTICE_SECONDS`] per practice). What sits
/// behind a disclosure (why we ask, evidence examples) is optional and not counted. A native
/// test keeps index.html's copy of the sentence equal to this.
pub fn time_estimate(catalog: &Catalog, lang: Lang, text: impl Fn(&str) -> String) -> TimeEstimate {
    let count = |s: &str| s.split_whitespace().count();
    let mut words = 0;
    let mut seconds = 0.0;
    let scale: usize = PracticeAnswer::ALL
        .into_iter()
        .map(|a| {
            count(&text(&format!("answer.{}.label", a.id())))
                + count(&text(&format!("answer.{}.explain", a.id())))
        })
        .sum::<usize>()
        + count(&text("ui.glance.scale_title"));
    let labels: usize = PracticeAnswer::ALL
        .into_iter()
        .map(|a| count(&text(&format!("answer.{}.label", a.id()))))
        .sum();
    for (si, section) in catalog.sections.iter().enumerate() {
        words += count(&section.title) + section.intro.as_deref().map_or(0, count);
        let questions: Vec<_> = catalog
            .questions
            .iter()
            .filter(|q| q.section == si)
            .collect();
        if questions.iter().any(|q| q.kind == QuestionKind::Practice) {
            words += scale + labels;
        }
        for q in questions {
            words += count(&q.text);
            match q.kind {
                QuestionKind::Single | QuestionKind::Multi => {
                    words += q.help.as_deref().map_or(0, count);
                    words += q.choices.iter().map(|c| count(&c.label)).sum::<usize>();
                    seconds += INTAKE_SECONDS;
                }
                QuestionKind::Practice => seconds += PRACTICE_SECONDS,
            }
        }
    }
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let minutes = (words as f64 / words_per_minute(lang) + seconds / 60.0).ceil() as u32;
    TimeEstimate {
        minutes,
        questions: catalog.questions.len(),
        words,
    }
}

/// The landing screen. Start is a link to the first section's fragment (so the skeleton's copy
/// works before the app has loaded).
#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let t = move |key: &str| state.text(key);
    let estimate = time_estimate(state.catalog, state.lang(), t);
    let duration = fill(
        &t("ui.start.duration"),
        &[
            ("minutes", &estimate.minutes.to_string()),
            ("questions", &estimate.questions.to_string()),
        ],
    );
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
            <LangSwitch/>
            <Brandmark/>
            <p class="eyebrow">{t("ui.start.eyebrow")}</p>
            <h1 class="brand" tabindex="-1">{t("app.name")}</h1>
            <p class="promise">{t("app.promise")}</p>
            <p class="duration">{duration}</p>
            <div class="start-actions">{actions}</div>
            <p class="loading-note" role="status"><span id="q/intake">{t("ui.glance.loading")}</span></p>
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The skeleton in index.html states the same promise as the app, computed from the content,
    /// in every language.
    #[test]
    fn the_skeleton_promises_the_computed_time() {
        crate::install_every_language();
        let html = include_str!("../../index.html");
        for lang in Lang::ALL {
            let catalog = Catalog::builtin_in(lang).expect("valid content");
            let text = |key: &str| catalog.text(lang.id(), key).to_owned();
            let estimate = time_estimate(catalog, lang, text);
            let sentence = fill(
                catalog.text(lang.id(), "ui.start.duration"),
                &[
                    ("minutes", &estimate.minutes.to_string()),
                    ("questions", &estimate.questions.to_string()),
                ],
            );
            let skeleton = format!(
                "<span data-sk=\"{}\"{}>{sentence}</span>",
                lang.id(),
                if lang == Lang::En {
                    String::new()
                } else {
                    format!(" lang=\"{}\"", lang.id())
                }
            );
            assert!(
                html.contains(&skeleton),
                "index.html should say {skeleton:?} ({estimate:?})"
            );
            assert!(estimate.minutes <= 15, "{lang:?} {estimate:?}");
        }
    }

    /// Every text of the start page is in the skeleton in every language.
    #[test]
    fn the_skeleton_has_every_language() {
        crate::install_every_language();
        let html = include_str!("../../index.html");
        for lang in Lang::ALL {
            let catalog = Catalog::builtin_in(lang).expect("valid content");
            for key in [
                "ui.start.eyebrow",
                "app.promise",
                "ui.start.start",
                "ui.glance.loading",
                "ui.start.privacy",
                "ui.start.download",
            ] {
                let text = catalog.text(lang.id(), key);
                assert!(
                    html.contains(&format!(">{text}</span>")),
                    "index.html lacks {lang:?} {key}: {text:?}"
                );
            }
            for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
                let name = catalog.text(other.id(), "lang.name");
                assert!(
                    html.contains(&format!(">{name}</a>")),
                    "index.html lacks the link to {other:?}"
                );
            }
        }
    }
}
