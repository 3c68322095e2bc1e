//! The draft Statement of Applicability: every ISO 42001 and ISO 27001:2022 Annex A control, once,
//! ISO 42001 first, each with a justification in certification terms and an implementation status (never
//! "Not assessed"), as RFC 4180 CSV that parses back — with our strict reader and with the `csv`
//! crate.

mod export_support;

use carryover_engine::export::soa;
use carryover_engine::{Status, assess, decode};
use export_support::{catalog, fixture, fixtures, parse_csv};

const HEADER: [&str; 8] = [
    "Standard",
    "Control",
    "Name",
    "Applicable",
    "Justification",
    "Implementation status",
    "Owner",
    "Practices",
];

fn no_tasks() -> std::collections::BTreeMap<String, carryover_engine::tasks::TaskSettings> {
    std::collections::BTreeMap::new()
}

#[test]
fn every_persona_gives_131_controls_that_parse_back() {
    let c = catalog();
    for (name, doc, a) in fixtures() {
        let text = soa::csv(c, &a, &doc.answers, &doc.tasks, "en");
        assert!(text.starts_with('\u{feff}'), "{name}: BOM");
        let records = parse_csv(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(records.len(), 1 + 93 + 38, "{name}");
        assert_eq!(records[0], HEADER, "{name}");
        assert!(records.iter().all(|r| r.len() == 8), "{name}: 8 fields");
        // ISO 42001 first (the new part of the scope), then ISO 27001.
        let standards: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
        assert!(
            standards[..38].iter().all(|s| *s == "ISO/IEC 42001:2023"),
            "{name}"
        );
        assert!(
            standards[38..].iter().all(|s| *s == "ISO/IEC 27001:2022"),
            "{name}"
        );
        let iso27001: Vec<_> = records[1..]
            .iter()
            .filter(|r| r[0] == "ISO/IEC 27001:2022")
            .collect();
        let iso42001: Vec<_> = records[1..]
            .iter()
            .filter(|r| r[0] == "ISO/IEC 42001:2023")
            .collect();
        assert_eq!((iso27001.len(), iso42001.len()), (93, 38), "{name}");
        // Each control once, ids as the standards write them.
        let mut ids: Vec<&str> = records[1..].iter().map(|r| r[1].as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            93 + 38 - overlap_ids(),
            "{name}: ids unique per standard"
        );
        for r in &records[1..] {
            assert!(r[1].starts_with("A."), "{name}: {r:?}");
            // Yes or no, or, for an ISO 27001 control the answers do not cover, where the decision
            // is taken.
            assert!(
                matches!(
                    r[3].as_str(),
                    "Yes" | "No" | "As in your ISO 27001 SoA" | "To decide in your risk treatment"
                ),
                "{name}: {r:?}"
            );
            assert!(r[0] == "ISO/IEC 27001:2022" || matches!(r[3].as_str(), "Yes" | "No"));
            assert!(
                !r[2].is_empty() && !r[4].is_empty() && !r[5].is_empty(),
                "{name}: {r:?}"
            );
            assert!(
                !r.iter()
                    .any(|f| f.contains("Not assessed") || f.contains("assess separately")),
                "{name}: {r:?}"
            );
            // A justification says which way and why, in words (no ids of our content).
            assert!(
                ["Included", "Excluded", "Not covered by these questions"]
                    .iter()
                    .any(|p| r[4].starts_with(p)),
                "{name}: {r:?}"
            );
            assert!(!r[4].contains('_') && !r[4].contains('{'), "{name}: {r:?}");
        }
        // The same bytes through an independent reader.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut n = 0;
        for r in reader.records() {
            r.expect("csv crate reads it");
            n += 1;
        }
        assert_eq!(n, 131, "{name}");
    }
}

/// Control ids that both Annex A lists use (e.g. `A.5.2` exists in both standards).
fn overlap_ids() -> usize {
    let c = catalog();
    let iso27001 = c
        .frameworks
        .iter()
        .find(|f| f.id == "iso27001")
        .expect("27001");
    c.requirements
        .iter()
        .filter(|r| r.id.starts_with("A.") && iso27001.items.iter().any(|i| i.id == r.id))
        .count()
}

#[test]
fn iso42001_rows_follow_the_assessment() {
    let c = catalog();
    for (name, doc, a) in fixtures() {
        let rows = soa::rows(c, &a, &doc.answers, &doc.tasks, "en");
        for r in rows.iter().filter(|r| r.standard == "ISO/IEC 42001:2023") {
            let result = a
                .requirements
                .iter()
                .find(|x| x.id == r.control)
                .expect("scored");
            assert_eq!(
                r.applicable,
                result.status != Status::NotApplicable,
                "{name} {}",
                r.control
            );
            let expected_start = if r.applicable { "Included" } else { "Excluded" };
            assert!(r.justification.starts_with(expected_start), "{name}: {r:?}");
            if r.applicable {
                // The organisation's context and the answer behind the status.
                assert!(r.justification.contains("AI system"), "{name}: {r:?}");
                assert!(
                    r.justification.contains("Answer behind it: ")
                        || r.justification.contains("No practice behind it"),
                    "{name}: {r:?}"
                );
            }
        }
    }
    // A user-only organisation: controls for providers and developers are out of scope, with the
    // catalog's reason.
    let (doc, a) = fixture("ai-user-only-dont-know");
    let rows = soa::rows(c, &a, &doc.answers, &no_tasks(), "en");
    let excluded: Vec<_> = rows
        .iter()
        .filter(|r| r.standard == "ISO/IEC 42001:2023" && !r.applicable)
        .collect();
    assert!(!excluded.is_empty());
    for r in excluded {
        let reason = c.requirement(&r.control).and_then(|x| x.na_reason.clone());
        if let Some(reason) = reason {
            assert!(r.justification.contains(&reason), "{r:?}");
        }
    }
}

#[test]
fn iso27001_rows_come_from_the_practices_that_reference_them() {
    let c = catalog();
    let (doc, a) = fixture("mature-iso27001-no-ai-governance");
    let rows = soa::rows(c, &a, &doc.answers, &no_tasks(), "en");
    let row = |id: &str| {
        rows.iter()
            .find(|r| r.standard == "ISO/IEC 27001:2022" && r.control == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Access control rules: referenced by the access control practice, answered provable.
    let access = row("A.5.15");
    assert!(access.applicable);
    assert_eq!(access.status, "Effective and provable");
    assert_eq!(
        access.justification,
        "Included: your access control practice covers it (Effective and provable); keep it in the ISMS scope."
    );
    assert_eq!(access.practices, ["access control"]);
    // Physical security is not something this questionnaire asks about: an ISO 27001 holder keeps
    // the decision of its existing SoA.
    let physical = row("A.7.1");
    assert!(physical.applicable);
    assert_eq!(physical.status, "As in your ISO 27001 SoA");
    assert_eq!(
        physical.applicable_note.as_deref(),
        Some("As in your ISO 27001 SoA")
    );
    assert!(physical.justification.contains("existing ISO 27001 SoA"));
    assert!(physical.practices.is_empty());
    // Without ISO 27001, the same control is left to the risk treatment.
    let (doc, a) = fixture("soc2-type2-only");
    let rows = soa::rows(c, &a, &doc.answers, &no_tasks(), "en");
    let physical = rows
        .iter()
        .find(|r| r.standard == "ISO/IEC 27001:2022" && r.control == "A.7.1")
        .expect("A.7.1");
    assert_eq!(physical.status, "To decide");
    assert_eq!(
        physical.applicable_note.as_deref(),
        Some("To decide in your risk treatment")
    );
    assert!(physical.justification.contains("risk treatment"));
}

#[test]
fn the_owner_of_a_task_is_the_owner_of_its_control() {
    let c = catalog();
    let text = r#"{"format":"carryover-answers","version":1,"answers":{"roles":["provider"]},
        "tasks":{"A.2.2":{"owner":"=Dana (CISO)"}}}"#;
    let doc = decode(c, text).expect("decodes").document;
    let a = assess(c, &doc.answers);
    let rows = soa::rows(c, &a, &doc.answers, &doc.tasks, "en");
    let policy = rows.iter().find(|r| r.control == "A.2.2").expect("A.2.2");
    assert_eq!(policy.owner.as_deref(), Some("=Dana (CISO)"));
    assert!(
        policy.justification.contains("your roles (Provider)"),
        "{policy:?}"
    );
    let text = soa::csv(c, &a, &doc.answers, &doc.tasks, "en");
    let records = parse_csv(&text).expect("parses");
    let row = records.iter().find(|r| r[1] == "A.2.2").expect("row");
    assert_eq!(row[6], "'=Dana (CISO)", "a formula is neutralised");
}

#[test]
fn a_practice_answered_not_applicable_excludes_its_27001_controls_and_the_best_answer_wins() {
    let c = catalog();
    let text = r#"{"format":"carryover-answers","version":1,"answers":{
        "supplier_management":"not_applicable","document_control":"dont_know"}}"#;
    let doc = decode(c, text).expect("decodes").document;
    let a = assess(c, &doc.answers);
    let rows = soa::rows(c, &a, &doc.answers, &no_tasks(), "en");
    let supplier = rows
        .iter()
        .find(|r| r.control == "A.5.19" && r.standard.contains("27001"))
        .expect("A.5.19");
    assert!(!supplier.applicable);
    assert!(
        supplier
            .justification
            .contains("supplier management answered not applicable")
    );
    assert_eq!(supplier.status, "Not applicable");
    let docs = rows
        .iter()
        .find(|r| r.control == "A.5.33" && r.standard.contains("27001"))
        .expect("A.5.33");
    assert!(docs.applicable);
    assert_eq!(docs.status, "Don't know");
    let unanswered = rows
        .iter()
        .find(|r| r.control == "A.5.15" && r.standard.contains("27001"))
        .expect("A.5.15");
    assert_eq!(unanswered.status, "Not answered");
}
