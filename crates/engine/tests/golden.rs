//! Golden outputs of the command-line scorer (issue 14 point 6, issue 17): for every persona
//! fixture under `tests/fixtures/`, what `carryover` prints — the score as JSON and as text, the
//! Markdown report, the Statement of Applicability CSV, the task plan as CSV and as a calendar, the
//! what-if paths — and `carryover diff` between pairs of personas, as JSON and as text, each
//! compared byte for byte with a reviewed file under `tests/golden/<persona>/` (diffs under
//! `tests/golden/diff/`).
//!
//! The outputs are deterministic: the report and the calendar get `--date 2026-11-30` (the
//! calendar's time stamp is midnight that day), the inputs are named by paths relative to the
//! crate, and nothing reads the clock. After a deliberate change regenerate them with
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test -p carryover-engine --test golden
//! ```
//!
//! then read `git diff crates/engine/tests/golden` before committing: the files are reviewed text,
//! not snapshots to wave through. On a mismatch the test names every differing file with the first
//! differing lines and how many lines differ.

use std::path::{Path, PathBuf};
use std::process::Command;

mod export_support;
use export_support::{PERSONAS, check_golden as check, explain};

/// Earlier → later pairs for `carryover diff`: a quarter of progress for an organisation starting
/// from nothing, and a certified ISMS that made its controls provable.
const DIFFS: [(&str, &str); 2] = [
    ("nothing-in-place", "soc2-type2-only"),
    ("iso27001-certified-not-provable", "everything-provable"),
];

const DATE: &str = "2026-11-30";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}.json")
}

/// Runs the CLI from the crate directory; its standard output, or the failure.
fn carryover(args: &[&str]) -> Result<String, String> {
    let out = Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(args)
        .current_dir(crate_dir())
        .output()
        .map_err(|e| format!("cannot run carryover: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "carryover {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("carryover {}: not UTF-8", args.join(" ")))
}

/// Every output of one persona: (file name, CLI arguments).
fn outputs(name: &str) -> Vec<(&'static str, Vec<String>)> {
    let f = fixture(name);
    let args = |a: &[&str]| {
        std::iter::once(a[0])
            .chain(std::iter::once(f.as_str()))
            .chain(a[1..].iter().copied())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    vec![
        ("score.json", args(&["score"])),
        ("score.txt", args(&["score", "--format", "text"])),
        ("report.md", args(&["report", "--date", DATE])),
        ("soa.csv", args(&["soa"])),
        ("tasks.csv", args(&["tasks"])),
        (
            "tasks.ics",
            args(&["tasks", "--format", "ics", "--date", DATE]),
        ),
        ("whatif.json", args(&["whatif"])),
        ("whatif.txt", args(&["whatif", "--format", "text"])),
    ]
}

#[test]
fn cli_outputs_of_every_persona_match_their_golden_files() {
    let mut failures = Vec::new();
    for name in PERSONAS {
        for (file, args) in outputs(name) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            match carryover(&args) {
                Ok(text) => failures.extend(check(&Path::new(name).join(file), &text)),
                Err(e) => failures.push(e),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n(UPDATE_GOLDEN=1 cargo test -p carryover-engine --test golden rewrites them; review the diff)",
        failures.join("\n\n")
    );
}

#[test]
fn cli_diffs_match_their_golden_files() {
    let mut failures = Vec::new();
    for (earlier, later) in DIFFS {
        let (a, b) = (fixture(earlier), fixture(later));
        for (ext, json) in [("json", true), ("txt", false)] {
            let mut args = vec!["diff", a.as_str(), b.as_str()];
            if json {
                args.push("--json");
            }
            let file = format!("{earlier}--{later}.{ext}");
            match carryover(&args) {
                Ok(text) => failures.extend(check(&Path::new("diff").join(file), &text)),
                Err(e) => failures.push(e),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n(UPDATE_GOLDEN=1 cargo test -p carryover-engine --test golden rewrites them; review the diff)",
        failures.join("\n\n")
    );
}

/// The same command twice gives the same bytes (no clock, no hash-map order), so a golden file
/// can only differ because the model, the content or the wording changed.
#[test]
fn outputs_are_deterministic() {
    for (_, args) in outputs("ai-provider-hiring") {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let once = carryover(&args).expect("runs");
        assert_eq!(once, carryover(&args).expect("runs"), "{args:?}");
    }
}

/// Wording slips a reviewer would flag, checked in every golden text so they cannot come back.
#[test]
fn golden_texts_have_no_known_wording_slips() {
    let mut failures = Vec::new();
    for name in PERSONAS {
        for (file, args) in outputs(name) {
            if Path::new(file)
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
            {
                continue;
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let Ok(text) = carryover(&args) else {
                continue;
            };
            for bad in [
                "person-days person-days",
                " 1 person-days",
                " 1 days",
                " 1 months",
                " 1 AI systems",
                "system(s)",
                "Not assessed",
                "(iso27001)",
                "(iso27001+soc2)",
                "now Not in place",
                "{",
            ] {
                if text.contains(bad) {
                    failures.push(format!("{name}/{file}: `{bad}`"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_explanation_of_a_mismatch_names_the_lines() {
    let text = explain("x.md", "a\nb\nc\n", "a\nB\nc\nd\n");
    assert!(text.starts_with("x.md: 2 of 4 lines differ (golden 3 lines, actual 4)"));
    assert!(text.contains("line 2:\n    - b\n    + B"));
    assert!(text.contains("line 4:\n    - <none>\n    + d"));
    assert!(explain("y", "a\n", "a").contains("only line endings"));
    assert!(explain("z", "", "a").contains("missing or empty"));
}
