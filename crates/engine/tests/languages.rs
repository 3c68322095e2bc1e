//! Every language is complete and really translated, and every output follows the language.
//!
//! `Catalog::load` already refuses a language with a missing, empty or unknown key or different
//! placeholders (`content::lang`). These tests add what a validator should not decide alone:
//! English left in the French text (a value identical to English and long enough to be a
//! sentence, unless it is a proper name on the small list below), and English reaching a French
//! output (the report, the Statement of Applicability and task CSV, the calendar, the text summary, the CLI).

mod export_support;

use std::collections::BTreeMap;

use carryover_engine::export::date::{Date, Timestamp};
use carryover_engine::export::plan::{self, CalendarOptions};
use carryover_engine::export::report::{Report, ReportOptions};
use carryover_engine::export::{schedule, soa};
use carryover_engine::{Catalog, Lang, tasks};
use export_support::{catalog, fixture};

/// Values allowed to be the same in French as in English: names of standards, frameworks,
/// publications and products, which are not translated. Each entry is a whole value.
const SAME_IN_FRENCH: &[&str] = &["ISO/IEC 42001 readiness scorecard"];

/// A value long enough to be a sentence once its placeholders are left out: one that is the same
/// in both languages is untranslated.
fn is_sentence(text: &str) -> bool {
    let mut words = String::new();
    let mut inside = false;
    for ch in text.chars() {
        match ch {
            '{' => inside = true,
            '}' => inside = false,
            _ if !inside => words.push(ch),
            _ => {}
        }
    }
    let words = words.trim();
    words.chars().filter(|c| c.is_alphabetic()).count() > 20 && words.contains(' ')
}

/// Every English and French text: the locale files and the content overlay, by key.
fn pairs(lang: Lang) -> Vec<(String, String, String)> {
    let en = catalog();
    let mut out = Vec::new();
    let ui_en = en.locales.get("en").cloned().unwrap_or_default();
    let ui = en.locales.get(lang.id()).cloned().unwrap_or_default();
    for (key, english) in &ui_en {
        out.push((
            format!("locales/{}.toml {key}", lang.id()),
            english.clone(),
            ui.get(key).cloned().unwrap_or_default(),
        ));
    }
    let overlay: BTreeMap<String, String> = en.overlays.get(lang.id()).cloned().unwrap_or_default();
    for (key, english) in en.content_texts() {
        out.push((
            format!("locales/{}/ {key}", lang.id()),
            english,
            overlay.get(&key).cloned().unwrap_or_default(),
        ));
    }
    out
}

#[test]
fn every_language_loads_with_the_same_ids() {
    for lang in Lang::ALL {
        let c = Catalog::builtin_in(lang).expect("valid content");
        assert_eq!(c.questions.len(), catalog().questions.len());
        assert_eq!(c.requirements.len(), catalog().requirements.len());
    }
}

#[test]
fn no_english_is_left_in_french() {
    let left: Vec<String> = pairs(Lang::Fr)
        .into_iter()
        .filter(|(_, en, fr)| en == fr && is_sentence(en) && !SAME_IN_FRENCH.contains(&en.as_str()))
        .map(|(key, en, _)| format!("{key}: {en:?}"))
        .collect();
    assert!(
        left.is_empty(),
        "{} text(s) still in English (translate them, or add a proper name to SAME_IN_FRENCH):\n{}",
        left.len(),
        left.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// Fragments of English text long enough to recognise (placeholders cut them), of every value
/// whose French differs: none may appear in a French output.
fn english_fragments() -> Vec<String> {
    let mut out: Vec<String> = pairs(Lang::Fr)
        .into_iter()
        .filter(|(_, en, fr)| en != fr)
        .flat_map(|(_, en, _)| {
            en.split(['{', '}'])
                .map(str::trim)
                .filter(|f| is_sentence(f))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn english_in(output: &str, fragments: &[String]) -> Vec<String> {
    fragments
        .iter()
        .filter(|f| output.contains(f.as_str()))
        .cloned()
        .collect()
}

#[test]
fn french_outputs_carry_no_english() {
    let fr = Catalog::builtin_in(Lang::Fr).expect("valid content");
    let fragments = english_fragments();
    let date = Date::parse("2027-04-01").expect("date");
    let stamp = Timestamp::new(date, 9, 30, 0).expect("time");
    let mut failures = Vec::new();
    for name in [
        "ai-provider-hiring",
        "mature-iso27001-no-ai-governance",
        "soc2-type2-only",
    ] {
        let (doc, a) = fixture(name);
        let money = carryover_engine::assess::budget::builtin().expect("budget defaults");
        let report = Report::build_with(
            fr,
            &a,
            &doc.answers,
            "fr",
            ReportOptions {
                prepared: date,
                start: date,
                tasks: &doc.tasks,
                budget: Some(&money.settings),
            },
        );
        let plan_tasks = tasks::plan(&a, &doc.tasks);
        let dated = schedule::schedule(fr, &a, date);
        let outputs = [
            ("report.md", report.to_markdown()),
            ("report.html", report.to_html()),
            ("soa.csv", soa::csv(fr, &a, &doc.answers, &doc.tasks, "fr")),
            (
                "tasks.csv",
                plan::csv_priced(fr, &plan_tasks, "fr", Some(&money.settings)),
            ),
            (
                "tasks.ics",
                plan::ics(
                    fr,
                    &plan_tasks,
                    &dated,
                    "fr",
                    CalendarOptions { stamp, name: None },
                ),
            ),
        ];
        for (what, text) in &outputs {
            for english in english_in(text, &fragments) {
                failures.push(format!("{name} {what}: English {english:?}"));
            }
        }
        // French dates and numbers.
        let md = &outputs[0].1;
        assert!(md.contains("1er avril 2027"), "{name}: the date in French");
        assert!(!md.contains("April"), "{name}: an English month");
        assert!(
            !md.contains("requirements"),
            "{name}: an id read as an English word"
        );
        assert!(
            md.contains("Préparé le 1er avril 2027"),
            "{name}: the prepared date"
        );
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} English fragment(s) in French outputs:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_cli_speaks_french_with_lang_fr() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ai-provider-hiring.json");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_carryover"))
            .args(args)
            .output()
            .expect("run the CLI");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let path = fixture.to_str().expect("path");
    let fr = run(&["report", path, "--lang", "fr", "--date", "2027-04-01"]);
    let en = run(&["report", path, "--date", "2027-04-01"]);
    assert_ne!(fr, en);
    assert!(
        fr.contains("1er avril 2027"),
        "{}",
        fr.lines().take(5).collect::<Vec<_>>().join("\n")
    );
    assert!(en.contains("April 2027"));
    // The text summary and the task plan, in French.
    let fragments = english_fragments();
    for args in [
        ["score", path, "--format", "text"],
        ["tasks", path, "--format", "csv"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--lang", "fr"]);
        let out = run(&args);
        assert_eq!(
            english_in(&out, &fragments),
            Vec::<String>::new(),
            "{args:?}"
        );
    }
    // The same ids in both: the JSON score does not depend on the language.
    assert_eq!(run(&["score", path, "--lang=fr"]), run(&["score", path]));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(["score", path, "--lang", "de"])
        .output()
        .expect("run the CLI");
    assert_eq!(bad.status.code(), Some(2));
}
