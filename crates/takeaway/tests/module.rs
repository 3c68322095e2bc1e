//! The module's three functions natively, as the app calls them: install the compiled content (the
//! base bundle made the way the app's `build.rs` makes it), then the French part, and make files
//! from jobs as JSON; a second install changes nothing; a French file before the French part is
//! refused; failures come back as `takeaway.error.*` / `lang.error.*` locale keys.

use carryover_engine::assess::bundle::Bundle;
use carryover_engine::budget;
use carryover_engine::export::takeaway::{Job, Kind};

fn job(kind: Kind, lang: &str) -> Job {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/fixtures/soc2-type2-only.json"
    );
    Job {
        kind,
        lang: lang.to_owned(),
        document: std::fs::read_to_string(path).expect("fixture"),
        prepared: "2026-11-30".to_owned(),
        start: "2027-01-04".to_owned(),
        stamp: 1_795_996_800,
        budget: Some(budget::builtin().expect("budget").settings.clone()),
    }
}

#[test]
fn installs_once_then_makes_every_kind_in_both_languages() {
    let (bundle, parts) = Bundle::load().expect("valid content").encode_split();
    let (_, french) = parts.first().expect("the French part");
    assert!(
        carryover_takeaway::install(&bundle),
        "the first install takes the bytes"
    );
    assert!(
        !carryover_takeaway::install(b"not a bundle"),
        "a second changes nothing"
    );
    assert_eq!(
        carryover_takeaway::make(&job(Kind::Soa, "fr").to_json())
            .err()
            .as_deref(),
        Some("takeaway.error.lang"),
        "no French file before the French part"
    );
    assert_eq!(
        carryover_takeaway::install_lang("fr", b"not a part")
            .err()
            .as_deref(),
        Some("lang.error.damaged")
    );
    assert_eq!(
        carryover_takeaway::install_lang("xx", french)
            .err()
            .as_deref(),
        Some("lang.error.damaged")
    );
    assert_eq!(carryover_takeaway::install_lang("fr", french), Ok(()));
    for lang in ["en", "fr"] {
        for kind in Kind::ALL {
            let text = carryover_takeaway::make(&job(kind, lang).to_json())
                .unwrap_or_else(|key| panic!("{kind:?} {lang}: {key}"));
            assert!(!text.is_empty(), "{kind:?} {lang}");
        }
    }
    let report =
        carryover_takeaway::make(&job(Kind::ReportMarkdown, "fr").to_json()).expect("report");
    assert!(report.contains("Déclaration d"), "the French report");
    assert!(
        report.contains("4 janvier 2027"),
        "from the start date given"
    );
    assert_eq!(
        carryover_takeaway::make("{}").err().as_deref(),
        Some("takeaway.error.job")
    );
    let mut bad = job(Kind::Soa, "en");
    bad.document = "[]".to_owned();
    assert_eq!(
        carryover_takeaway::make(&bad.to_json()).err().as_deref(),
        Some("takeaway.error.document")
    );
}
