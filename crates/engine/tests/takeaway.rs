//! Issue 14 point 4: the take-away job, which the web app's second wasm module runs
//! (`crates/takeaway`). A job made from an answers file must give the same bytes as the writers
//! called directly, and for the files the command-line scorer writes, the reviewed golden files
//! under `tests/golden/<persona>/` themselves; in both languages; from the answers file as a
//! person saved it and as the app writes it back; with clear, worded errors for what it cannot
//! read.

use carryover_engine::budget;
use carryover_engine::export::date::{Date, Timestamp};
use carryover_engine::export::plan::{self, CalendarOptions};
use carryover_engine::export::report::{Report, ReportOptions};
use carryover_engine::export::takeaway::{Job, Kind, make, make_with};
use carryover_engine::export::{register, schedule, soa};
use carryover_engine::{AnswersDocument, Catalog, Lang, assess, decode, share, tasks};

mod export_support;
use export_support::{PERSONAS, fixture_text as fixture};

/// The golden files' date, and midnight UTC that day in Unix seconds (the CLI's calendar stamp).
const DATE: &str = "2026-11-30";
const MIDNIGHT: i64 = 1_795_996_800;

fn golden(persona: &str, file: &str) -> String {
    let path = format!(
        "{}/tests/golden/{persona}/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("golden file exists")
}

fn job(kind: Kind, lang: Lang, document: String) -> Job {
    Job {
        kind,
        lang: lang.id().to_owned(),
        document,
        prepared: DATE.to_owned(),
        start: DATE.to_owned(),
        stamp: MIDNIGHT,
        budget: Some(budget::builtin().expect("budget").settings.clone()),
    }
}

fn run(job: &Job) -> String {
    // Through JSON, as the app sends it.
    let sent = Job::from_json(&job.to_json()).expect("the job reads back");
    assert_eq!(&sent, job);
    make(&sent).unwrap_or_else(|w| panic!("{:?} failed: {}", job.kind, w.key))
}

#[test]
fn the_module_writes_the_reviewed_golden_files() {
    for persona in PERSONAS {
        let document = fixture(persona);
        for (kind, file) in [
            (Kind::ReportMarkdown, "report.md"),
            (Kind::Soa, "soa.csv"),
            (Kind::TasksCsv, "tasks.csv"),
            (Kind::TasksCalendar, "tasks.ics"),
        ] {
            assert_eq!(
                run(&job(kind, Lang::En, document.clone())),
                golden(persona, file),
                "{persona}: {file}"
            );
        }
    }
}

/// Every kind, in both languages, equals the writer called directly with the same inputs.
#[test]
fn every_kind_equals_the_writers_called_directly() {
    let date = Date::parse(DATE).expect("date");
    for persona in PERSONAS {
        for lang in Lang::ALL {
            let catalog = Catalog::builtin_in(lang).expect("content");
            let locale = lang.id();
            let doc = decode(catalog, &fixture(persona))
                .expect("decodes")
                .document;
            let a = assess(catalog, &doc.answers);
            let money = &budget::builtin().expect("budget").settings;
            let report = || {
                Report::build_with(
                    catalog,
                    &a,
                    &doc.answers,
                    locale,
                    ReportOptions {
                        prepared: date,
                        start: date,
                        tasks: &doc.tasks,
                        budget: Some(money),
                    },
                )
            };
            let plan = tasks::plan(&a, &doc.tasks);
            for kind in Kind::ALL {
                let expected = match kind {
                    Kind::ReportHtml => report().to_html(),
                    Kind::ReportMarkdown => report().to_markdown(),
                    Kind::ReportPrint => report().to_html_fragment(),
                    Kind::Soa => soa::csv(catalog, &a, &doc.answers, &doc.tasks, locale),
                    Kind::TasksCsv => plan::csv_priced(catalog, &plan, locale, Some(money)),
                    Kind::TasksCalendar => plan::ics(
                        catalog,
                        &plan,
                        &schedule::schedule(catalog, &a, date),
                        locale,
                        CalendarOptions {
                            stamp: Timestamp::midnight(date),
                            name: None,
                        },
                    ),
                    Kind::RegisterCsv => register::csv(catalog, &doc.answers, &a, locale),
                    Kind::ShareFragment => share::encode(catalog, &doc),
                };
                let j = job(kind, lang, fixture(persona));
                assert_eq!(run(&j), expected, "{persona} {locale} {kind:?}");
                assert_eq!(
                    make_with(catalog, &j).expect("makes"),
                    expected,
                    "{persona} {locale} {kind:?} with the catalog given"
                );
            }
        }
    }
}

/// The app sends the answers file as it writes it (autosave's `to_json`), not as the person saved
/// it: the files must not change in between.
#[test]
fn the_app_written_document_gives_the_same_files() {
    let catalog = Catalog::builtin().expect("content");
    for persona in PERSONAS {
        let doc: AnswersDocument = decode(catalog, &fixture(persona))
            .expect("decodes")
            .document;
        for kind in Kind::ALL {
            assert_eq!(
                run(&job(kind, Lang::En, doc.to_json(catalog))),
                run(&job(kind, Lang::En, fixture(persona))),
                "{persona} {kind:?}"
            );
        }
    }
}

#[test]
fn the_share_fragment_opens_to_the_same_answers_and_tasks() {
    let catalog = Catalog::builtin().expect("content");
    for persona in PERSONAS {
        let doc = decode(catalog, &fixture(persona))
            .expect("decodes")
            .document;
        let fragment = run(&job(Kind::ShareFragment, Lang::En, fixture(persona)));
        let opened = share::decode(catalog, &fragment).expect("opens").document;
        assert_eq!(opened.answers, doc.answers, "{persona}");
        assert_eq!(opened.tasks, doc.tasks, "{persona}");
    }
}

#[test]
fn without_a_budget_no_money_is_named() {
    let mut j = job(Kind::TasksCsv, Lang::En, fixture("soc2-type2-only"));
    let priced = run(&j);
    j.budget = None;
    let plain = run(&j);
    assert!(priced.lines().next().expect("header").contains("Cost"));
    assert!(!plain.lines().next().expect("header").contains("Cost"));
    j.kind = Kind::ReportMarkdown;
    assert!(!run(&j).contains('$'), "no amount in the report");
}

#[test]
fn what_the_module_cannot_read_is_worded() {
    fn key<T>(r: Result<T, carryover_engine::model::text::Wording>) -> Option<String> {
        r.err().map(|w| w.key)
    }
    assert_eq!(
        key(Job::from_json("{\"kind\":\"pdf\"}")).as_deref(),
        Some("takeaway.error.job")
    );
    assert_eq!(
        key(Job::from_json("not json")).as_deref(),
        Some("takeaway.error.job")
    );
    let mut j = job(Kind::Soa, Lang::En, "{\"answers\":".to_owned());
    assert_eq!(key(make(&j)).as_deref(), Some("takeaway.error.document"));
    j.document = fixture("nothing-in-place");
    j.start = "30/11/2026".to_owned();
    assert_eq!(key(make(&j)).as_deref(), Some("takeaway.error.date"));
    // Each key is worded in every language.
    for lang in Lang::ALL {
        let catalog = Catalog::builtin_in(lang).expect("content");
        for k in carryover_engine::export::takeaway::LOCALE_KEYS {
            let text = catalog.text(lang.id(), k);
            assert!(!text.is_empty() && text != *k, "{k} in {}", lang.id());
        }
    }
}
