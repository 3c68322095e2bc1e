//! "Take it with you": the roadmap start date, print or save as PDF, the downloads (report,
//! Statement of Applicability, task plan as CSV and calendar, the answers file), loading answers
//! from a file, and the share link. Every file is made by the engine in the browser; nothing is
//! sent anywhere.

use carryover_engine::export::date::{Date, Timestamp};
use carryover_engine::export::plan::{self, CalendarOptions};
use carryover_engine::export::report::{Report, ReportOptions};
use carryover_engine::export::{schedule, soa};
use carryover_engine::tasks;
use leptos::prelude::*;

use super::part::Part;

use super::import_answers::ImportAnswers;
use super::share_link::ShareLink;
use super::tr;
use crate::autosave::Autosave;
use crate::download::{self, FileKind, RoadmapStart};
use crate::embed::Embed;
use crate::state::AppState;

/// A file the section offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    ReportHtml,
    ReportMarkdown,
    Soa,
    TasksCsv,
    TasksCalendar,
    Answers,
}

impl Export {
    const ALL: [Export; 6] = [
        Export::ReportHtml,
        Export::ReportMarkdown,
        Export::Soa,
        Export::TasksCsv,
        Export::TasksCalendar,
        Export::Answers,
    ];

    fn id(self) -> &'static str {
        match self {
            Export::ReportHtml => "report_html",
            Export::ReportMarkdown => "report_md",
            Export::Soa => "soa_csv",
            Export::TasksCsv => "tasks_csv",
            Export::TasksCalendar => "tasks_ics",
            Export::Answers => "answers_json",
        }
    }

    fn file(self) -> FileKind {
        let (name, mime) = match self {
            Export::ReportHtml => ("carryover-report.html", "text/html;charset=utf-8"),
            Export::ReportMarkdown => ("carryover-report.md", "text/markdown;charset=utf-8"),
            Export::Soa => (
                "carryover-statement-of-applicability.csv",
                "text/csv;charset=utf-8",
            ),
            Export::TasksCsv => ("carryover-tasks.csv", "text/csv;charset=utf-8"),
            Export::TasksCalendar => ("carryover-tasks.ics", "text/calendar;charset=utf-8"),
            Export::Answers => ("carryover-answers.json", "application/json"),
        };
        FileKind { name, mime }
    }

    /// The file's text, made by the engine from the current answers.
    fn text(
        self,
        state: &AppState,
        autosave: Autosave,
        embed: Option<Embed>,
        start: Date,
    ) -> String {
        let catalog = state.catalog;
        let locale = state.locale;
        let document = autosave.document();
        let answers = &document.answers;
        // No money anywhere with `show_budget: false` (then `settings` is `None`).
        let money = untrack(|| super::budget::settings_of(embed));
        let report = |a: &carryover_engine::Assessment| {
            Report::build_with(
                catalog,
                a,
                answers,
                locale,
                ReportOptions {
                    prepared: download::today(),
                    start,
                    tasks: &document.tasks,
                    budget: money.as_ref(),
                },
            )
        };
        state.assessment.with_untracked(|a| match self {
            Export::ReportHtml => report(a).to_html(),
            Export::ReportMarkdown => report(a).to_markdown(),
            Export::Soa => soa::csv(catalog, a, answers, &document.tasks, locale),
            Export::TasksCsv => plan::csv_priced(
                catalog,
                &tasks::plan(a, &document.tasks),
                locale,
                money.as_ref(),
            ),
            Export::TasksCalendar => {
                let stamp = Timestamp::from_unix_seconds(download::now_unix_seconds())
                    .unwrap_or_else(|| Timestamp::midnight(download::today()));
                let options = CalendarOptions { stamp, name: None };
                let dated = schedule::schedule(catalog, a, start);
                plan::ics(
                    catalog,
                    &tasks::plan(a, &document.tasks),
                    &dated,
                    locale,
                    options,
                )
            }
            Export::Answers => document.to_json(catalog),
        })
    }
}

/// The "Take it with you" section.
#[component]
pub fn TakeAway() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let start = expect_context::<RoadmapStart>();
    let embed = use_context::<Embed>();
    let print = expect_context::<super::print_report::PrintTarget>();
    let failure = RwSignal::new(None::<String>);
    let buttons = Export::ALL
        .into_iter()
        .map(|export| {
            let on_click = move |_| {
                let text = export.text(&state, autosave, embed, start.get_untracked());
                match download::save_text(export.file(), &text) {
                    Ok(()) => failure.set(None),
                    Err(error) => {
                        let reason = crate::storage::describe(&error);
                        failure.set(Some(tr(
                            &state,
                            "ui.take.download_failed",
                            &[("reason", &reason)],
                        )));
                    }
                }
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="button"
                        data-testid=format!("download-{}", export.id())
                        on:click=on_click
                    >
                        {state.text(&format!("ui.take.{}", export.id()))}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <Part id="results-take-away" title=state.text("ui.take.title") class="take-away">
            <p>{state.text("ui.take.intro")}</p>
            <div class="take-start">
                <label for="take-start-date">{state.text("ui.take.start_label")}</label>
                <input
                    type="date"
                    id="take-start-date"
                    data-testid="roadmap-start"
                    aria-describedby="take-start-hint"
                    prop:value=move || start.get().to_string()
                    on:change=move |ev| {
                        // An emptied or unreadable field means today again.
                        start.0.set(Date::parse(&event_target_value(&ev)).ok());
                    }
                />
                <p class="fineprint" id="take-start-hint">{state.text("ui.take.start_hint")}</p>
            </div>
            <div class="take-print">
                <button type="button" class="button button-primary" data-testid="print" on:click=move |_| {
                    print.fill();
                    download::print();
                }>
                    {state.text("ui.take.print")}
                </button>
                <p class="fineprint">{state.text("ui.take.print_hint")}</p>
            </div>
            <h3>{state.text("ui.take.downloads")}</h3>
            <ul class="take-downloads">{buttons}</ul>
            {move || failure.get().map(|text| view! { <p class="notice" role="alert">{text}</p> })}
            <ShareLink/>
            <ImportAnswers/>
        </Part>
    }
}
