//! "Take it with you": the roadmap start date, print or save as PDF, the downloads (report,
//! Statement of Applicability, task plan as CSV and calendar, the answers file), loading answers
//! from a file, and the share link. Every file is made by the engine in the browser; nothing is
//! sent anywhere.

use carryover_engine::export::date::Date;
use carryover_engine::export::takeaway::Kind;
use leptos::prelude::*;

use super::part::Part;

use super::import_answers::ImportAnswers;
use super::share_link::ShareLink;
use super::tr;
use crate::autosave::Autosave;
use crate::download::{self, FileKind, RoadmapStart};
use crate::state::AppState;
use crate::takeaway::{self, Jobs, Status};

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

    /// What the take-away module makes for this file; `None` for the answers file, which this
    /// module writes itself (autosave writes the same text to storage).
    fn kind(self) -> Option<Kind> {
        match self {
            Export::ReportHtml => Some(Kind::ReportHtml),
            Export::ReportMarkdown => Some(Kind::ReportMarkdown),
            Export::Soa => Some(Kind::Soa),
            Export::TasksCsv => Some(Kind::TasksCsv),
            Export::TasksCalendar => Some(Kind::TasksCalendar),
            Export::Answers => None,
        }
    }
}

/// "The download could not start: <reason>", the one message every file, print and share-link
/// failure of this section shows.
pub fn failed(state: &AppState, reason: &str) -> String {
    tr(state, "ui.take.download_failed", &[("reason", reason)])
}

/// Saves a file made by the take-away module (waiting for it if it is still loading), or says
/// in `failure` why not. Shared with the register's CSV download.
pub fn save_made(jobs: Jobs, kind: Kind, file: FileKind, failure: RwSignal<Option<String>>) {
    let job = jobs.job(kind);
    let state = jobs.state();
    leptos::task::spawn_local(async move {
        let outcome = match takeaway::make(job).await {
            Ok(text) => {
                download::save_text(file, &text).map_err(|error| crate::storage::describe(&error))
            }
            Err(key) => Err(state.text(&key)),
        };
        failure.set(outcome.err().map(|reason| failed(&state, &reason)));
    });
}

/// The "Take it with you" section.
#[component]
pub fn TakeAway() -> impl IntoView {
    let state = expect_context::<AppState>();
    let autosave = expect_context::<Autosave>();
    let start = expect_context::<RoadmapStart>();
    let jobs = Jobs::from_context();
    let print = expect_context::<super::print_report::PrintTarget>();
    let failure = RwSignal::new(None::<String>);
    let buttons = Export::ALL
        .into_iter()
        .map(|export| {
            let on_click = move |_| {
                if let Some(kind) = export.kind() {
                    save_made(jobs, kind, export.file(), failure);
                } else {
                    let text = autosave.document().to_json(state.catalog);
                    failure.set(
                        download::save_text(export.file(), &text)
                            .err()
                            .map(|error| failed(&state, &crate::storage::describe(&error))),
                    );
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
                    print.fill_then_print(failure);
                }>
                    {state.text("ui.take.print")}
                </button>
                <p class="fineprint">{state.text("ui.take.print_hint")}</p>
            </div>
            <h3>{state.text("ui.take.downloads")}</h3>
            <ul class="take-downloads">{buttons}</ul>
            {move || {
                (takeaway::status().get() == Status::Loading)
                    .then(|| view! { <p class="fineprint" role="status">{state.text("ui.take.preparing")}</p> })
            }}
            {move || failure.get().map(|text| view! { <p class="notice" role="alert">{text}</p> })}
            <ShareLink/>
            <ImportAnswers/>
        </Part>
    }
}
