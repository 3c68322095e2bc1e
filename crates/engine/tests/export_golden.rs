//! Golden files for the outputs people read: the Markdown report, the Statement of Applicability
//! CSV and the calendar, for three personas, compared byte for byte with `tests/golden/`.
//!
//! After a deliberate change, regenerate them with `UPDATE_GOLDEN=1 cargo test -p carryover-engine
//! --test export_golden`, then read the diff (`git diff crates/engine/tests/golden`) before
//! committing: the golden files are reviewed text, not a snapshot to wave through.

mod export_support;

use std::path::Path;

use carryover_engine::export::date::{Date, Timestamp};
use carryover_engine::export::plan::{self, CalendarOptions};
use carryover_engine::export::report::{Report, ReportOptions};
use carryover_engine::export::{schedule, soa};
use carryover_engine::tasks;
use export_support::{catalog, check_golden, fixture};

const PERSONAS: [&str; 3] = [
    "ai-provider-hiring",
    "mature-iso27001-no-ai-governance",
    "soc2-type2-only",
];

#[test]
fn reports_soas_and_calendars_match_their_golden_files() {
    let c = catalog();
    let date = Date::parse("2026-11-30").expect("date");
    let stamp = Timestamp::new(date, 9, 30, 0).expect("time");
    let mut failures = Vec::new();
    for name in PERSONAS {
        let (doc, a) = fixture(name);
        let report = Report::build_with(
            c,
            &a,
            &doc.answers,
            "en",
            ReportOptions {
                prepared: date,
                start: date,
                tasks: &doc.tasks,
                budget: Some(
                    &carryover_engine::budget::builtin()
                        .expect("budget")
                        .settings,
                ),
            },
        );
        let soa = soa::csv(c, &a, &doc.answers, &doc.tasks, "en");
        let dated = schedule::schedule(c, &a, date);
        let ics = plan::ics(
            c,
            &tasks::plan(&a, &doc.tasks),
            &dated,
            "en",
            CalendarOptions { stamp, name: None },
        );
        for (what, text) in [
            ("report", &report.to_markdown()),
            ("soa", &soa),
            ("ics", &ics),
        ] {
            for bad in [
                "person-days person-days",
                " 1 person-days",
                " 1 days",
                " 1 months",
                " 1 AI systems",
                "Not assessed",
                "(iso27001)",
                "now Not in place",
            ] {
                if text.contains(bad) {
                    failures.push(format!("{name} {what}: `{bad}`"));
                }
            }
        }
        failures.extend(check_golden(
            Path::new(&format!("{name}.report.md")),
            &report.to_markdown(),
        ));
        failures.extend(check_golden(Path::new(&format!("{name}.soa.csv")), &soa));
        failures.extend(check_golden(Path::new(&format!("{name}.ics")), &ics));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
