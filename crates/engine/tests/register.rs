//! Issue 16: the AI system register in the answers document, the preliminary EU AI Act triage
//! (table-driven: one case per outcome and per override), the estimate with and without a
//! register, merging, limits and the share-link cost.

use std::collections::BTreeMap;

use carryover_engine::effort::EffortKind;
use carryover_engine::merge::{Side, merge};
use carryover_engine::register::{EditError, MAX_NAME_CHARS, MAX_SYSTEMS, Register, System};
use carryover_engine::triage::Rules;
use carryover_engine::{Answers, AnswersDocument, Catalog, assess, decode, share};

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

fn rules() -> &'static Rules {
    Rules::builtin().expect("register.toml parses")
}

fn fixture(name: &str) -> Answers {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture exists");
    decode(catalog(), &text)
        .expect("fixture decodes")
        .document
        .answers
}

/// A system from `field=choice` pairs (several `field=choice` of one field make a multi answer).
fn system(id: &str, name: &str, facts: &[(&str, &str)]) -> System {
    let mut s = System::named(id, name);
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (f, c) in facts {
        map.entry((*f).to_owned())
            .or_default()
            .push((*c).to_owned());
    }
    s.facts = map;
    s
}

#[test]
fn the_register_rules_are_consistent_with_the_catalog_and_locale() {
    let problems = rules().problems(catalog());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(rules().as_of, "2026-11-30");
}

/// The triage table: inputs → tier → articles. One row per outcome and per override.
#[test]
#[allow(clippy::too_many_lines)] // the table
fn triage_table() {
    #[allow(clippy::type_complexity)]
    let table: &[(&str, &[(&str, &str)], &str, &str, &[&str], &[&str])] = &[
        // (case, answers, tier, category, articles, notes)
        (
            "nothing answered",
            &[],
            "minimal",
            "minimal",
            &["Art. 4"],
            &[],
        ),
        (
            "internal code assistant on a vendor model",
            &[
                ("purposes", "code"),
                ("roles", "user"),
                ("roles", "customer"),
                ("gpai", "vendor_model"),
            ],
            "minimal",
            "minimal",
            &["Art. 4"],
            &["gpai_vendor"],
        ),
        (
            "customer chat bot",
            &[
                ("purposes", "chat"),
                ("transparency", "interacts"),
                ("affects_people", "yes"),
            ],
            "transparency",
            "transparency",
            &["Art. 50"],
            &[],
        ),
        (
            "hiring screener",
            &[("annex_iii", "employment"), ("affects_people", "yes")],
            "high_risk",
            "high_risk",
            &["Art. 6(2)", "Annex III point 4"],
            &[],
        ),
        (
            "credit scoring cites point 5(b)",
            &[("annex_iii", "credit")],
            "high_risk",
            "high_risk",
            &["Art. 6(2)", "Annex III point 5(b)"],
            &[],
        ),
        (
            "Art. 6(3) exception: narrow task, no profiling",
            &[("annex_iii", "education"), ("narrow_task", "yes")],
            "exception_possible",
            "high_risk",
            &["Art. 6(3)", "Art. 6(4)", "Annex III point 3"],
            &[],
        ),
        (
            "profiling overrides the Art. 6(3) exception",
            &[
                ("annex_iii", "employment"),
                ("narrow_task", "yes"),
                ("profiling", "yes"),
            ],
            "high_risk_profiling",
            "high_risk",
            &["Art. 6(2)", "Art. 6(3)", "Annex III point 4"],
            &[],
        ),
        (
            "safety component of a regulated product",
            &[("safety_component", "yes")],
            "high_risk_product",
            "high_risk",
            &["Art. 6(1)", "Annex I"],
            &[],
        ),
        (
            "a prohibited practice overrides everything",
            &[
                ("prohibited", "social_scoring"),
                ("annex_iii", "employment"),
                ("safety_component", "yes"),
            ],
            "possibly_prohibited",
            "prohibited",
            &["Art. 5"],
            &[],
        ),
        (
            "high-risk and talks to people: transparency as a note",
            &[("annex_iii", "education"), ("transparency", "interacts")],
            "high_risk",
            "high_risk",
            &["Art. 6(2)", "Annex III point 3"],
            &["transparency_also"],
        ),
        (
            "GPAI model provider",
            &[("gpai", "own_model")],
            "minimal",
            "minimal",
            &["Art. 4"],
            &["gpai_provider"],
        ),
        (
            "GPAI model with systemic risk",
            &[("gpai", "own_systemic"), ("transparency", "generates")],
            "transparency",
            "transparency",
            &["Art. 50"],
            &["gpai_systemic"],
        ),
        (
            "not used in the EU",
            &[("eu", "no"), ("transparency", "deep_fake")],
            "transparency",
            "transparency",
            &["Art. 50"],
            &["outside_eu"],
        ),
        (
            "\"none\" beside a practice still counts the practice",
            &[("prohibited", "none"), ("prohibited", "manipulation")],
            "possibly_prohibited",
            "prohibited",
            &["Art. 5"],
            &[],
        ),
    ];
    for (case, facts, tier, category, articles, notes) in table {
        let r = rules().triage(&system("x", case, facts));
        assert_eq!(&r.tier, tier, "{case}");
        assert_eq!(&r.category, category, "{case}");
        assert_eq!(r.articles, articles.to_vec(), "{case}");
        let got: Vec<&str> = r.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(got, notes.to_vec(), "{case}");
    }
    // Every tier and note of the content is exercised by the table above.
    let tiers: Vec<&str> = table.iter().map(|r| r.2).collect();
    for t in &rules().tiers {
        assert!(tiers.contains(&t.id.as_str()), "no case for tier {}", t.id);
    }
    let notes: Vec<&str> = table.iter().flat_map(|r| r.5.iter().copied()).collect();
    for n in &rules().notes {
        assert!(notes.contains(&n.id.as_str()), "no case for note {}", n.id);
    }
}

#[test]
fn priority_table() {
    let table: &[(&[(&str, &str)], &str)] = &[
        (
            &[("affects_people", "yes"), ("annex_iii", "employment")],
            "high",
        ),
        (
            &[("affects_people", "yes"), ("safety_component", "yes")],
            "high",
        ),
        (
            &[("affects_people", "yes"), ("prohibited", "manipulation")],
            "high",
        ),
        (&[("affects_people", "yes")], "medium"),
        (&[("annex_iii", "employment")], "low"),
        (&[], "low"),
    ];
    for (facts, want) in table {
        assert_eq!(
            &rules().triage(&system("x", "s", facts)).priority,
            want,
            "{facts:?}"
        );
    }
}

#[test]
fn controls_follow_the_role_and_people_affected() {
    let built = rules().triage(&system("x", "s", &[("roles", "producer")]));
    let reqs = built.requirements();
    assert!(reqs.contains(&"A.6.2.4".to_owned()) && reqs.contains(&"6.1.4".to_owned()));
    assert!(!reqs.contains(&"A.9.4".to_owned()));
    let used = rules().triage(&system(
        "y",
        "s",
        &[("roles", "customer"), ("affects_people", "yes")],
    ));
    let reqs = used.requirements();
    assert!(reqs.contains(&"A.9.4".to_owned()) && reqs.contains(&"A.10.3".to_owned()));
    assert!(reqs.contains(&"A.5.4".to_owned()));
    assert!(!reqs.contains(&"A.6.2.4".to_owned()));
}

fn three_systems() -> Register {
    let mut r = Register::default();
    for s in [
        system(
            "hire",
            "Hiring screener",
            &[
                ("purposes", "classify"),
                ("roles", "user"),
                ("roles", "customer"),
                ("affects_people", "yes"),
                ("annex_iii", "employment"),
                ("profiling", "yes"),
                ("eu", "yes"),
                ("oversight", "human_reviews"),
            ],
        ),
        system(
            "code",
            "Internal code assistant",
            &[
                ("purposes", "code"),
                ("roles", "user"),
                ("roles", "customer"),
                ("affects_people", "no"),
                ("gpai", "vendor_model"),
                ("eu", "yes"),
                ("oversight", "human_decides"),
            ],
        ),
        system(
            "chat",
            "Customer chat bot",
            &[
                ("purposes", "chat"),
                ("roles", "provider"),
                ("affects_people", "yes"),
                ("transparency", "interacts"),
                ("transparency", "generates"),
                ("gpai", "vendor_model"),
                ("eu", "yes"),
                ("oversight", "monitored"),
            ],
        ),
    ] {
        r.add(s, 1000).expect("room");
    }
    r
}

#[test]
fn old_documents_without_a_register_load_and_keep_working() {
    for name in [
        "ai-provider-hiring",
        "mature-iso27001-no-ai-governance",
        "soc2-type2-only",
    ] {
        let a = fixture(name);
        assert!(a.register().is_empty(), "{name}");
        let out = assess(catalog(), &a);
        assert!(out.systems.is_empty());
        assert!(out.effort.per_system.is_empty());
        // Nothing new is written for them.
        let json = AnswersDocument::new(a).to_json(catalog());
        assert!(!json.contains("\"register\""), "{name}");
    }
}

#[test]
fn the_register_round_trips_through_the_document_and_the_share_link() {
    let mut a = fixture("ai-provider-hiring");
    *a.register_mut() = three_systems();
    let mut s = a.register().get("code").cloned().expect("there");
    s.name = "Ассистент <b>&\"кода\"</b> 🤖 =SUM(A1)".into();
    s.owner = "Platform team".into();
    a.register_mut().update(s, 2000).expect("known");
    a.register_mut().remove("chat", 3000).expect("known");
    let doc = AnswersDocument::new(a.clone());
    let json = doc.to_json(catalog());
    let back = decode(catalog(), &json).expect("decodes");
    assert!(back.issues.is_empty(), "{:?}", back.issues);
    assert_eq!(back.document.answers, a);
    let link = share::encode(catalog(), &doc);
    let opened = share::decode(catalog(), &link).expect("opens");
    assert_eq!(opened.document.answers.register(), a.register());
}

#[test]
fn what_does_not_fit_is_kept_aside_and_written_back() {
    let long = "é".repeat(MAX_NAME_CHARS + 5);
    let text = format!(
        r#"{{"format":"carryover-answers","version":1,"answers":{{}},
        "register":{{"systems":[
          {{"id":"a","name":"{long}","annex_iii":"mars","future_field":1,"roles":["user"]}},
          {{"id":"a","name":"dup"}},
          17
        ],"later":true}}}}"#
    );
    let d = decode(catalog(), &text).expect("decodes");
    let r = d.document.answers.register();
    assert_eq!(r.len(), 1);
    let s = &r.systems[0];
    assert_eq!(s.name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(s.fact("roles"), ["user".to_owned()]);
    assert!(s.fact("annex_iii").is_empty());
    assert_eq!(d.issues.len(), 6, "{:#?}", d.issues);
    // Saving writes everything back: the unknown choice, the unknown field, the duplicate, the
    // stray value, the full name and the unknown register key.
    let again = d.document.to_json(catalog());
    for piece in ["mars", "future_field", "\"dup\"", "17", &long, "\"later\""] {
        assert!(again.contains(piece), "{piece} lost: {again}");
    }
}

#[test]
fn limits_hold() {
    let mut r = Register::default();
    for i in 0..MAX_SYSTEMS {
        r.add(System::named(&format!("s{i}"), "x"), 1)
            .expect("room");
    }
    assert_eq!(
        r.add(System::named("one-more", "x"), 1),
        Err(EditError::Full)
    );
    let mut r = Register::default();
    r.add(System::named("a", &"n".repeat(200)), 1)
        .expect("room");
    assert_eq!(r.systems[0].name.chars().count(), MAX_NAME_CHARS);
    let id = r.new_id(1);
    assert!(r.get(&id).is_none());
    assert_ne!(r.new_id(5), r.new_id(6));
    // Reorder.
    r.add(System::named("b", "b"), 2).expect("room");
    r.shift("b", -1, 3).expect("known");
    assert_eq!(r.systems[0].id, "b");
    r.shift("b", -1, 4).expect("known");
    assert_eq!(r.systems[0].id, "b");
    assert_eq!(r.order_changed, 3);
}

fn doc(register: Register) -> AnswersDocument {
    let mut a = Answers::new();
    *a.register_mut() = register;
    AnswersDocument::new(a)
}

#[test]
fn merging_never_loses_a_system_and_removals_stay_removed() {
    // Two tabs each add a system: both are kept.
    let mut ours = Register::default();
    ours.add(System::named("a", "A"), 10).expect("room");
    let mut theirs = Register::default();
    theirs.add(System::named("b", "B"), 11).expect("room");
    let m = merge(&doc(ours.clone()), &doc(theirs.clone()));
    let ids: Vec<&str> = m
        .document
        .answers
        .register()
        .systems
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(m.lost(Side::Ours) + m.lost(Side::Theirs), 0);
    // This tab removed "a" after the stored copy had it: it stays removed.
    let stored = m.document.clone();
    let mut mine = stored.clone();
    mine.answers.register_mut().remove("a", 20).expect("known");
    let m2 = merge(&mine, &stored);
    assert!(m2.document.answers.register().get("a").is_none());
    // An edit later than the removal brings it back (the later change wins), and a tie keeps it.
    let mut edited = stored.clone();
    let mut a = edited.answers.register().get("a").cloned().expect("there");
    a.name = "A2".into();
    edited.answers.register_mut().update(a, 20).expect("known");
    let m3 = merge(&mine, &edited);
    assert_eq!(
        m3.document
            .answers
            .register()
            .get("a")
            .map(|s| s.name.as_str()),
        Some("A2")
    );
    // The same merge from the other side gives the same register.
    assert_eq!(
        merge(&edited, &mine).document.answers.register().systems,
        m3.document.answers.register().systems
    );
    // A later edit in the other tab overwrites ours: counted, so the app keeps ours aside.
    let mut later = edited.clone();
    let mut a = later.answers.register().get("a").cloned().expect("there");
    a.name = "A3".into();
    later.answers.register_mut().update(a, 30).expect("known");
    let m4 = merge(&edited, &later);
    assert_eq!(m4.lost(Side::Ours), 1);
}

#[test]
fn effort_without_a_register_is_unchanged_and_with_one_counts_real_systems() {
    let base = fixture("ai-provider-hiring");
    let without = assess(catalog(), &base);
    let mut with = base.clone();
    *with.register_mut() = three_systems();
    let listed = assess(catalog(), &with);
    assert_eq!(listed.effort.systems, 3);
    let per = |e: &carryover_engine::effort::Effort| {
        e.lines
            .iter()
            .find(|l| l.kind == EffortKind::PerSystem)
            .map_or(0.0, |l| l.days)
    };
    // The per-system line is the sum of the systems' parts.
    let parts: f64 = listed.effort.per_system.iter().map(|s| s.days).sum();
    assert!((parts - per(&listed.effort)).abs() < 1e-6);
    // Only the hiring screener carries the consequential factor, and counts in full.
    let hire = &listed.effort.per_system[0];
    assert_eq!(hire.factors, ["consequential".to_owned()]);
    assert!((hire.share - 1.0).abs() < 1e-9);
    let code = &listed.effort.per_system[1];
    assert!(code.factors.is_empty() && code.share < 1.0);
    // The chat bot is ours on the EU market.
    assert_eq!(
        listed.effort.per_system[2].factors,
        ["eu_market".to_owned()]
    );
    // The roadmap puts impact assessment first and lists the systems by priority.
    let first = &listed.roadmap[0].items[0];
    assert_eq!(first.requirement, "6.1.4");
    let item = listed
        .roadmap
        .iter()
        .flat_map(|p| &p.items)
        .find(|i| i.requirement == "A.5.4")
        .expect("impact work on the roadmap");
    assert_eq!(item.systems, ["hire", "chat", "code"]);
    println!(
        "without register: systems {} per-system {:.1} total {:.1} days {}–{} months {}–{} factors {:?}",
        without.effort.systems,
        per(&without.effort),
        without.effort.days,
        without.effort.days_low,
        without.effort.days_high,
        without.effort.months_low,
        without.effort.months_high,
        without
            .effort
            .factors
            .iter()
            .map(|f| &f.id)
            .collect::<Vec<_>>()
    );
    println!(
        "with three systems: systems {} per-system {:.1} total {:.1} days {}–{} months {}–{} factors {:?}",
        listed.effort.systems,
        per(&listed.effort),
        listed.effort.days,
        listed.effort.days_low,
        listed.effort.days_high,
        listed.effort.months_low,
        listed.effort.months_high,
        listed
            .effort
            .factors
            .iter()
            .map(|f| &f.id)
            .collect::<Vec<_>>()
    );
    for s in &listed.effort.per_system {
        println!(
            "  {} share {} × {:.3} = {:.1} days",
            s.id, s.share, s.multiplier, s.days
        );
    }
}

#[test]
fn a_register_without_consequential_systems_drops_the_organisation_factor() {
    // The intake says AI shapes hiring decisions; the register lists only a code assistant:
    // the consequential factor no longer applies to anything.
    let mut a = fixture("ai-provider-hiring");
    let before = assess(catalog(), &a);
    assert!(
        before
            .effort
            .factors
            .iter()
            .any(|f| f.id == "consequential")
    );
    let mut r = Register::default();
    r.add(
        system(
            "code",
            "Code assistant",
            &[("roles", "user"), ("affects_people", "no")],
        ),
        1,
    )
    .expect("room");
    *a.register_mut() = r;
    let after = assess(catalog(), &a);
    assert!(!after.effort.factors.iter().any(|f| f.id == "consequential"));
    assert_eq!(after.effort.systems, 1);
}

#[test]
fn twenty_systems_fit_a_share_link() {
    let mut a = fixture("ai-provider-hiring");
    let empty = share::encode(catalog(), &AnswersDocument::new(a.clone())).len();
    let mut r = Register::default();
    for i in 0..20 {
        let mut s = system(
            &format!("m{i:03}x{}", 1_764_460_000_000u64 + i),
            &format!("Système d'IA numéro {i} — évaluation des candidatures"),
            &[
                ("purposes", "classify"),
                ("purposes", "recommend"),
                ("roles", "user"),
                ("roles", "customer"),
                ("affects_people", "yes"),
                ("annex_iii", "employment"),
                ("profiling", "yes"),
                ("transparency", "interacts"),
                ("gpai", "vendor_model"),
                ("eu", "yes"),
                ("oversight", "human_reviews"),
            ],
        );
        s.owner = format!("Owner {i}");
        r.add(s, 1_764_460_000_000 + i).expect("room");
    }
    *a.register_mut() = r;
    let link = share::encode(catalog(), &AnswersDocument::new(a));
    println!(
        "share fragment: {empty} characters without a register, {} with 20 systems (limit {})",
        link.len(),
        share::MAX_FRAGMENT_CHARS
    );
    assert!(link.len() < share::MAX_FRAGMENT_CHARS);
}

mod exports {
    use super::*;
    use carryover_engine::export::date::Date;
    use carryover_engine::export::register;
    use carryover_engine::export::report::Report;
    use carryover_engine::export::soa;

    fn answers() -> Answers {
        let mut a = fixture("ai-provider-hiring");
        let mut r = three_systems();
        let mut hire = r.get("hire").cloned().expect("there");
        hire.name = "=HYPERLINK(\"x\") <script>alert(1)</script>, \"quoted\"".into();
        hire.owner = "@HR".into();
        r.update(hire, 5).expect("known");
        *a.register_mut() = r;
        a
    }

    /// RFC 4180 records (quotes doubled, CRLF), enough to read our own output back.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix('\u{feff}').expect("BOM");
        let (mut rows, mut row, mut field, mut quoted) =
            (Vec::new(), Vec::new(), String::new(), false);
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (_, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn the_register_csv_has_one_row_per_system_and_guards_formulas() {
        let a = answers();
        let out = assess(catalog(), &a);
        let rows = parse(&register::csv(catalog(), &a, &out, "en"));
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].len(), register::COLUMNS.len());
        assert_eq!(rows[0][0], "AI system");
        let hire = &rows[1];
        assert_eq!(
            hire[0],
            "'=HYPERLINK(\"x\") <script>alert(1)</script>, \"quoted\""
        );
        assert_eq!(hire[1], "'@HR");
        assert_eq!(
            hire[5],
            "Employment (recruiting, promotion, task allocation, monitoring workers)"
        );
        assert_eq!(hire[7], "High-risk: Annex III area with profiling");
        assert_eq!(hire[9], "Art. 6(2), Art. 6(3), Annex III point 4");
        assert_eq!(hire[11], "High");
        assert_eq!(rows[2][0], "Internal code assistant");
        assert_eq!(rows[2][9], "Art. 4, Art. 53");
        assert_eq!(rows[3][8], "Transparency obligations");
        assert_eq!(rows[3][11], "Medium");
    }

    #[test]
    fn the_report_lists_the_systems_escaped_and_the_soa_names_them() {
        let a = answers();
        let out = assess(catalog(), &a);
        let date = Date::parse("2026-11-30").expect("date");
        let report = Report::build(catalog(), &out, &a, "en", date);
        let section = report
            .sections
            .iter()
            .find(|s| s.id == "systems")
            .expect("section");
        assert_eq!(section.heading, "Your AI systems");
        let html = report.to_html();
        assert!(!html.contains("<script>alert(1)"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        let md = report.to_markdown();
        assert!(md.contains("Your AI systems") && md.contains("Customer chat bot"));
        // Without a register there is no such section.
        let plain = fixture("ai-provider-hiring");
        let r = Report::build(catalog(), &assess(catalog(), &plain), &plain, "en", date);
        assert!(r.sections.iter().all(|s| s.id != "systems"));
        // The SoA: A.6.2.4 (testing) comes in because the chat bot is ours; A.9.4 because of the
        // two systems we use.
        let rows = soa::rows(catalog(), &out, &a, &BTreeMap::new(), "en");
        let row = |id: &str| rows.iter().find(|r| r.control == id).expect("row");
        assert!(
            row("A.6.2.4")
                .justification
                .ends_with("AI systems it applies to: Customer chat bot.")
        );
        assert!(
            row("A.9.4")
                .justification
                .contains("Internal code assistant")
        );
        assert!(row("A.9.4").justification.contains("=HYPERLINK"));
    }
}

/// The register CSV and report section for the three systems, compared with reviewed golden
/// files (`UPDATE_GOLDEN=1` rewrites them; read the diff before committing).
#[test]
fn register_exports_match_their_golden_files() {
    use carryover_engine::export::date::Date;
    use carryover_engine::export::register;
    use carryover_engine::export::report::Report;
    let mut a = fixture("ai-provider-hiring");
    *a.register_mut() = three_systems();
    let out = assess(catalog(), &a);
    let date = Date::parse("2026-11-30").expect("date");
    let report = Report::build(catalog(), &out, &a, "en", date);
    let section = report
        .sections
        .iter()
        .find(|s| s.id == "systems")
        .expect("section");
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (name, actual) in [
        ("register.csv", register::csv(catalog(), &a, &out, "en")),
        ("register.section.html", section.blocks_html()),
    ] {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &actual).expect("write golden");
        }
        let golden = std::fs::read_to_string(&path).expect("golden file exists");
        assert_eq!(actual, golden, "{name} differs from its golden file");
    }
}

#[test]
fn replacing_answers_that_would_drop_systems_asks_first() {
    use carryover_engine::merge::Difference;
    let plain = fixture("ai-provider-hiring");
    let mut listed = plain.clone();
    *listed.register_mut() = three_systems();
    let d = Difference::between(&listed, &plain);
    assert_eq!(d.systems_dropped, 3);
    assert!(d.loses_something());
    assert!(!Difference::between(&plain, &listed).loses_something());
}
