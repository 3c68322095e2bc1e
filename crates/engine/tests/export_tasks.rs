//! The task plan: owners and cadences in the answers document, the plan itself, and its CSV and
//! iCalendar files parsed back by readers written here and by the `icalendar` crate.

mod export_support;

use carryover_engine::export::date::{Date, Timestamp};
use carryover_engine::export::plan::{self, CalendarOptions};
use carryover_engine::export::schedule;
use carryover_engine::tasks::{Cadence, TaskSettings, plan as task_plan};
use carryover_engine::{Status, decode};
use export_support::{
    catalog, fixture, fixtures, ics_content_lines, ics_physical_lines, ics_unescape, parse_csv,
};
use serde_json::{Value, json};

fn doc_with_tasks(tasks: &Value) -> String {
    json!({
        "format": "carryover-answers",
        "version": 1,
        "answers": { "iso27001": "certified" },
        "tasks": tasks,
    })
    .to_string()
}

#[test]
fn owners_and_cadences_are_read_and_bad_entries_kept_aside_with_a_precise_issue() {
    let c = catalog();
    let text = doc_with_tasks(&json!({
        "A.5.2": { "owner": "  Dana (CISO)  ", "cadence": "quarterly" },
        "6.1.4": { "cadence": "yearly" },
        "A.6.2.4": { "owner": "Sam" },
        "7.1": { "owner": "", "cadence": null },
        "A.99": { "owner": "ghost" },
        "A.2.2": { "owner": "Lee", "cadence": "weekly" },
        "A.2.3": { "owner": 7 },
        "A.2.4": { "owner": "two\nlines" },
        "A.3.2": { "owner": "x".repeat(121) },
        "A.4.2": "Dana",
        "A.4.3": { "owner": "Kim", "due": "2027-01-01" },
    }));
    let d = decode(c, &text).expect("decodes");
    let t = &d.document.tasks;
    assert_eq!(
        t.get("A.5.2"),
        Some(&TaskSettings {
            owner: Some("Dana (CISO)".into()),
            cadence: Some(Cadence::Quarterly)
        })
    );
    assert_eq!(
        t.get("6.1.4").and_then(|s| s.cadence),
        Some(Cadence::Yearly)
    );
    assert_eq!(
        t.get("A.6.2.4").and_then(|s| s.owner.as_deref()),
        Some("Sam")
    );
    assert!(!t.contains_key("7.1"), "an empty entry is nothing to keep");
    assert_eq!(t.len(), 3);
    let issues: Vec<String> = d.issues.iter().map(|i| i.message(c, "en")).collect();
    let expect = [
        "tasks.A.99: no requirement `A.99` in content",
        "tasks.A.2.2.cadence: \"weekly\" is not a review cadence (expected one of: monthly, quarterly, yearly)",
        "tasks.A.2.3.owner: expected the owner as text",
        "tasks.A.2.4.owner: the owner must be one line of text",
        "tasks.A.3.2.owner: the owner is longer than 120 characters",
        "tasks.A.4.2: expected an object with optional \"owner\" and \"cadence\"",
        "tasks.A.4.3.due: unknown field",
    ];
    for e in expect {
        assert!(
            issues.iter().any(|m| m.starts_with(e)),
            "missing `{e}` in {issues:#?}"
        );
    }
    assert_eq!(issues.len(), expect.len(), "{issues:#?}");
    assert!(issues.iter().all(|m| m.contains("kept aside")));
    assert_eq!(d.document.rejected_tasks.len(), 7);
    // Saving writes the bad entries back verbatim, so nothing typed is lost.
    let again = decode(c, &d.document.to_json(c)).expect("own output decodes");
    assert_eq!(again.document.tasks, d.document.tasks);
    assert_eq!(again.document.rejected_tasks, d.document.rejected_tasks);
    assert_eq!(again.issues, d.issues);
}

#[test]
fn a_document_without_tasks_is_written_as_before_and_a_bad_tasks_value_is_kept() {
    let c = catalog();
    let plain = r#"{"format":"carryover-answers","version":1,"answers":{"iso27001":"certified"}}"#;
    let d = decode(c, plain).expect("decodes");
    let v: Value = serde_json::from_str(&d.document.to_json(c)).expect("json");
    assert!(v.get("tasks").is_none(), "no tasks key when there are none");

    let text = doc_with_tasks(&json!(["A.5.2"]));
    let d = decode(c, &text).expect("a bad tasks value does not stop the load");
    assert_eq!(d.issues.len(), 1);
    assert!(
        d.issues[0]
            .message(c, "en")
            .starts_with("tasks: expected an object")
    );
    let v: Value = serde_json::from_str(&d.document.to_json(c)).expect("json");
    assert_eq!(v["tasks"], json!(["A.5.2"]), "kept as it is");
}

#[test]
fn every_extend_or_net_new_requirement_becomes_one_task_in_roadmap_order() {
    for (name, doc, a) in fixtures() {
        let tasks = task_plan(&a, &doc.tasks);
        let expected: Vec<&str> = a
            .roadmap
            .iter()
            .flat_map(|p| p.items.iter().map(|i| i.requirement.as_str()))
            .collect();
        let got: Vec<&str> = tasks.iter().map(|t| t.requirement.as_str()).collect();
        assert_eq!(got, expected, "{name}");
        let open = a
            .requirements
            .iter()
            .filter(|r| matches!(r.status, Status::Extend | Status::NetNew))
            .count();
        assert_eq!(tasks.len(), open, "{name}");
        // Estimates add up to the effort breakdown's AI lines (factors applied).
        let lines: f64 = a
            .effort
            .lines
            .iter()
            .filter(|l| matches!(l.kind.id(), "extend" | "new_artifacts" | "per_system"))
            .map(|l| l.days)
            .sum();
        let total: f64 = tasks.iter().map(|t| t.remaining_days).sum();
        assert!((total - lines).abs() < 1e-6, "{name}: {total} vs {lines}");
        for t in &tasks {
            assert!(t.default_cadence);
            assert_eq!(t.cadence, Cadence::default_for(t.phase));
            assert!(t.owner.is_none());
        }
    }
}

#[test]
fn chosen_owners_and_cadences_reach_the_plan() {
    let (mut doc, a) = fixture("nothing-in-place");
    doc.tasks.insert(
        "A.5.2".into(),
        TaskSettings {
            owner: Some("Dana".into()),
            cadence: Some(Cadence::Yearly),
        },
    );
    let tasks = task_plan(&a, &doc.tasks);
    let t = tasks
        .iter()
        .find(|t| t.requirement == "A.5.2")
        .expect("A.5.2 is open");
    assert_eq!(t.owner.as_deref(), Some("Dana"));
    assert_eq!(t.cadence, Cadence::Yearly);
    assert!(!t.default_cadence);
}

const HEADER: [&str; 10] = [
    "Task ID",
    "Summary",
    "Description",
    "Owner",
    "Phase",
    "Estimate (person-days)",
    "Labels",
    "Review cadence",
    "Requirement",
    "Status",
];

#[test]
fn the_tracker_csv_parses_back_with_one_row_per_task() {
    let c = catalog();
    for (name, doc, a) in fixtures() {
        let tasks = task_plan(&a, &doc.tasks);
        let text = plan::csv(c, &tasks, "en");
        let records = parse_csv(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(records.len(), 1 + tasks.len(), "{name}");
        assert_eq!(records[0], HEADER);
        for (r, t) in records[1..].iter().zip(&tasks) {
            assert_eq!(r.len(), 10);
            assert_eq!(r[0], t.id);
            assert_eq!(r[8], t.requirement);
            assert!(r[1].contains(&t.requirement), "{r:?}");
            assert!(r[2].contains("Remaining estimate"), "{r:?}");
            assert!(r[5].parse::<f64>().is_ok(), "{r:?}");
            assert!(r[6].starts_with("iso42001,"), "{r:?}");
            assert!(matches!(r[7].as_str(), "monthly" | "quarterly" | "yearly"));
        }
        let mut reader =
            csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut n = 0;
        for r in reader.records() {
            assert_eq!(r.expect("csv crate reads it").len(), 10);
            n += 1;
        }
        assert_eq!(n, tasks.len(), "{name}");
    }
}

#[test]
fn an_owner_cannot_smuggle_a_formula_or_break_a_record() {
    let c = catalog();
    let (mut doc, a) = fixture("nothing-in-place");
    let owners = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "Lee, \"the\" lead",
        "@SUM(A1)",
    ];
    let reqs = ["A.5.2", "A.2.2", "6.1.4"];
    for (r, o) in reqs.iter().zip(owners) {
        doc.tasks.insert(
            (*r).into(),
            TaskSettings {
                owner: Some(o.into()),
                cadence: None,
            },
        );
    }
    let tasks = task_plan(&a, &doc.tasks);
    let records = parse_csv(&plan::csv(c, &tasks, "en")).expect("parses");
    let owner_of = |req: &str| {
        records
            .iter()
            .find(|r| r[8] == req)
            .map(|r| r[3].clone())
            .expect("row")
    };
    assert_eq!(owner_of("A.5.2"), "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(owner_of("A.2.2"), "Lee, \"the\" lead");
    assert_eq!(owner_of("6.1.4"), "'@SUM(A1)");
}

const MILESTONES: usize = 3;

fn calendar(name: Option<&str>) -> (Vec<carryover_engine::tasks::Task>, String) {
    let c = catalog();
    let (mut doc, a) = fixture("ai-provider-hiring");
    doc.tasks.insert(
        "A.5.2".into(),
        TaskSettings {
            owner: Some("Dana; QA, \\ legal".into()),
            cadence: Some(Cadence::Quarterly),
        },
    );
    let tasks = task_plan(&a, &doc.tasks);
    let start = Date::parse("2026-12-01").expect("date");
    let stamp = Timestamp::new(Date::parse("2026-11-23").expect("date"), 10, 4, 5).expect("time");
    let dated = schedule::schedule(c, &a, start);
    let ics = plan::ics(c, &tasks, &dated, "en", CalendarOptions { stamp, name });
    (tasks, ics)
}

#[test]
fn the_calendar_is_valid_rfc_5545() {
    let c = catalog();
    let (tasks, ics) = calendar(None);
    let physical = ics_physical_lines(&ics);
    assert!(
        physical.iter().any(|l| l.starts_with(' ')),
        "long descriptions are folded"
    );
    for l in &physical {
        assert!(std::str::from_utf8(l.as_bytes()).is_ok());
    }
    let lines = ics_content_lines(&ics);
    // Structure: BEGIN/END nest properly, one VCALENDAR holding one VEVENT (with a VALARM) per task.
    let mut stack: Vec<String> = Vec::new();
    let mut events = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    for (name, value) in &lines {
        match name.as_str() {
            "BEGIN" => {
                if value == "VEVENT" {
                    current.clear();
                }
                stack.push(value.clone());
            }
            "END" => {
                assert_eq!(stack.pop().as_deref(), Some(value.as_str()), "END:{value}");
                if value == "VEVENT" {
                    events.push(std::mem::take(&mut current));
                }
            }
            _ => {
                if stack.last().map(String::as_str) == Some("VEVENT") {
                    current.push((name.clone(), value.clone()));
                }
            }
        }
    }
    assert!(stack.is_empty());
    assert_eq!(lines.first().map(|l| l.1.as_str()), Some("VCALENDAR"));
    assert!(lines.contains(&("VERSION".into(), "2.0".into())));
    assert!(lines.iter().any(|(n, v)| n == "PRODID" && !v.is_empty()));
    assert_eq!(events.len(), MILESTONES + tasks.len());
    let (milestones, events) = events.split_at(MILESTONES);
    for (m, title) in milestones.iter().zip([
        "Stage 1 certification audit (planned)",
        "Stage 2 certification audit (planned)",
        "First surveillance audit (planned)",
    ]) {
        assert!(m.contains(&("SUMMARY".into(), title.into())), "{m:?}");
        assert!(!m.iter().any(|(n, _)| n == "RRULE"));
    }
    let milestone_day = |i: usize| {
        milestones[i]
            .iter()
            .find(|(n, _)| n == "DTSTART;VALUE=DATE")
            .map(|(_, v)| v.clone())
            .expect("date")
    };
    assert!(milestone_day(0) < milestone_day(1) && milestone_day(1) < milestone_day(2));
    let until = milestone_day(2);
    let mut uids = std::collections::BTreeSet::new();
    for (event, task) in events.iter().zip(&tasks) {
        let get = |key: &str| {
            event
                .iter()
                .find(|(n, _)| n == key)
                .map_or_else(|| panic!("{key} in {event:?}"), |(_, v)| v.clone())
        };
        let uid = get("UID");
        assert!(uid.starts_with(&format!("{}-", task.requirement)) && uid.ends_with("@carryover"));
        assert!(uids.insert(uid));
        assert_eq!(get("DTSTAMP"), "20261123T100405Z");
        // Reviews start after the roadmap starts, and repeat until the first surveillance audit.
        assert!(get("DTSTART;VALUE=DATE").as_str() > "20261201");
        assert_eq!(
            get("RRULE"),
            format!("{};UNTIL={until}", task.cadence.rrule())
        );
        let summary = ics_unescape(&get("SUMMARY"));
        assert_eq!(summary, format!("Review: {}", plan::title(c, "en", task)));
        let description = ics_unescape(&get("DESCRIPTION"));
        assert!(description.starts_with(&plan::description(c, "en", task)));
    }
    let a52 = events
        .iter()
        .zip(&tasks)
        .find(|(_, t)| t.requirement == "A.5.2")
        .map(|(e, _)| e)
        .expect("A.5.2");
    let description = a52
        .iter()
        .find(|(n, _)| n == "DESCRIPTION")
        .map(|(_, v)| v.clone())
        .expect("description");
    assert!(
        description.contains("Owner: Dana\\; QA\\, \\\\ legal"),
        "{description}"
    );
    assert!(a52.contains(&(
        "RRULE".into(),
        format!("FREQ=MONTHLY;INTERVAL=3;UNTIL={until}")
    )));
}

/// Expands every event of the calendar by our own reading of its rule and counts events per day.
#[test]
fn no_day_holds_more_than_a_handful_of_events() {
    let c = catalog();
    for (name, doc, a) in export_support::fixtures() {
        let tasks = task_plan(&a, &doc.tasks);
        let start = Date::parse("2026-11-30").expect("date");
        let dated = schedule::schedule(c, &a, start);
        let reminders = schedule::reminders(c, &dated, &tasks);
        assert_eq!(reminders.len(), tasks.len(), "{name}");
        let mut per_day: std::collections::BTreeMap<Date, usize> =
            std::collections::BTreeMap::new();
        for m in &dated.milestones {
            *per_day.entry(m.date).or_default() += 1;
        }
        for (r, task) in reminders.iter().zip(&tasks) {
            let phase_end = dated.phase(task.phase).expect("phase").end;
            assert!(
                r.start >= phase_end,
                "{name}: {} starts before its phase ends",
                task.id
            );
            assert!(
                !r.start.is_weekend() && r.start.day() <= 28,
                "{name}: {}",
                r.start
            );
            assert!(
                r.days.len() <= 24,
                "{name}: {} reviews of {}",
                r.days.len(),
                task.id
            );
            for d in &r.days {
                *per_day.entry(*d).or_default() += 1;
            }
        }
        let busiest = per_day.values().copied().max().unwrap_or(0);
        assert!(busiest <= 3, "{name}: {busiest} events on one day");
    }
}

#[test]
fn the_roadmap_is_dated_from_its_start() {
    let c = catalog();
    let (_, a) = fixture("mature-iso27001-no-ai-governance");
    let start = Date::parse("2026-11-30").expect("date");
    let dated = schedule::schedule(c, &a, start);
    assert_eq!(dated.phases.len(), 4);
    assert_eq!(dated.phases[0].start, start);
    for w in dated.phases.windows(2) {
        assert_eq!(w[0].end, w[1].start, "phases run end to end");
    }
    // The audit phase lasts at least the audit cycle's month.
    assert!(dated.phases[3].half_months >= 2);
    // The whole roadmap falls inside the estimate's range of months.
    let total: u32 = dated.phases.iter().map(|p| p.half_months).sum();
    let months = f64::from(total) / 2.0;
    assert!(
        months >= a.effort.months_low - 0.5 && months <= a.effort.months_high + 0.5,
        "{months} months vs {}–{}",
        a.effort.months_low,
        a.effort.months_high
    );
    // Stage 1 two weeks after the roadmap (moved off a weekend), Stage 2 six weeks later,
    // surveillance a year after Stage 2.
    let [s1, s2, sv] = [0, 1, 2].map(|i| dated.milestones[i].date);
    let end = dated.roadmap_end();
    let gap = s1.days_since_epoch() - end.days_since_epoch();
    assert!((14..=16).contains(&gap), "{gap}");
    let gap = s2.days_since_epoch() - s1.days_since_epoch();
    assert!((42..=44).contains(&gap), "{gap}");
    assert!(sv > s2.add_months(12).expect("date").add_days(-1).expect("date"));
    for d in [s1, s2, sv] {
        assert!(!d.is_weekend());
    }
}

#[test]
fn uids_are_stable_and_named_calendars_do_not_collide() {
    let (_, first) = calendar(None);
    let (_, again) = calendar(None);
    assert_eq!(first, again, "same inputs, same bytes");
    let (_, acme) = calendar(Some("Acme, Inc."));
    let uids = |ics: &str| -> Vec<String> {
        ics_content_lines(ics)
            .into_iter()
            .filter(|(n, _)| n == "UID")
            .map(|(_, v)| v)
            .collect()
    };
    let (a, b) = (uids(&first), uids(&acme));
    assert_eq!(a.len(), b.len());
    assert!(a.iter().zip(&b).all(|(x, y)| x != y));
    assert!(acme.contains("X-WR-CALNAME:Acme\\, Inc."));
}

#[test]
fn an_independent_parser_reads_the_calendar() {
    let (tasks, ics) = calendar(None);
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("icalendar crate parses it");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(events.len(), MILESTONES + tasks.len());
    for e in &events[MILESTONES..] {
        for key in [
            "UID",
            "DTSTAMP",
            "DTSTART",
            "RRULE",
            "SUMMARY",
            "DESCRIPTION",
        ] {
            assert!(e.find_prop(key).is_some(), "{key}");
        }
        assert_eq!(
            e.components
                .iter()
                .filter(|a| a.name.as_str() == "VALARM")
                .count(),
            1
        );
    }
    let typed: icalendar::Calendar = ics.parse().expect("typed calendar");
    assert_eq!(typed.components.len(), MILESTONES + tasks.len());
}
