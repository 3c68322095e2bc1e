//! The command-line exports on the persona fixtures: the same bytes as the library, clear failures
//! (exit 1 for unusable input, 2 for a wrong command line).

mod export_support;

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use carryover_engine::export::date::Date;
use carryover_engine::export::report::{Report, ReportOptions};
use carryover_engine::export::soa;
use export_support::{catalog, ics_content_lines, parse_csv};

fn carryover(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn fixture_paths() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.to_str().expect("utf-8 path").to_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn every_export_runs_on_every_fixture_and_matches_the_library() {
    let c = catalog();
    for file in fixture_paths() {
        let doc = carryover_engine::decode(c, &std::fs::read_to_string(&file).expect("read"))
            .expect("decodes")
            .document;
        let a = carryover_engine::assess(c, &doc.answers);
        let date = Date::parse("2026-11-23").expect("date");
        let lib = Report::build_with(
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
        let md = stdout(&carryover(&["report", &file, "--date", "2026-11-23"]));
        assert_eq!(md, lib.to_markdown(), "{file}");
        let html = stdout(&carryover(&[
            "report",
            &file,
            "--format",
            "html",
            "--date",
            "2026-11-23",
        ]));
        assert_eq!(html, lib.to_html(), "{file}");

        let soa_csv = stdout(&carryover(&["soa", &file]));
        assert_eq!(soa_csv, soa::csv(c, &a, &doc.answers, &doc.tasks, "en"));
        assert_eq!(parse_csv(&soa_csv).expect("csv").len(), 132, "{file}");

        let tasks_csv = stdout(&carryover(&["tasks", &file]));
        let plan = carryover_engine::tasks::plan(&a, &doc.tasks);
        assert_eq!(
            parse_csv(&tasks_csv).expect("csv").len(),
            1 + plan.len(),
            "{file}"
        );
        let ics = stdout(&carryover(&[
            "tasks",
            &file,
            "--format",
            "ics",
            "--date",
            "2027-01-04",
            "--name",
            "Acme",
        ]));
        let lines = ics_content_lines(&ics);
        assert_eq!(
            lines
                .iter()
                .filter(|(n, v)| n == "BEGIN" && v == "VEVENT")
                .count(),
            3 + plan.len(),
            "{file}: three milestones and a review series per task"
        );
        // Everything is dated from --date: nothing before it.
        assert!(
            lines
                .iter()
                .filter(|(n, _)| n == "DTSTART;VALUE=DATE")
                .all(|(_, v)| v.as_str() > "20270104")
        );
        assert!(lines.contains(&("DTSTAMP".into(), "20270104T000000Z".into())));
        assert!(lines.contains(&("X-WR-CALNAME".into(), "Acme".into())));

        let fragment = stdout(&carryover(&["share", &file]));
        let fragment = fragment.trim_end();
        assert!(fragment.starts_with("v1.") && fragment.len() < 1000);
        let json = stdout(&carryover(&[
            "unshare",
            &format!("https://example.test/carryover/#{fragment}"),
        ]));
        let back = carryover_engine::decode(c, &json).expect("unshared JSON decodes");
        assert_eq!(back.document.answers, doc.answers, "{file}");
    }
}

#[test]
fn without_a_date_today_is_used_and_stdin_works() {
    let file = &fixture_paths()[0];
    let md = stdout(&carryover(&["report", file]));
    let line = md.lines().nth(2).expect("prepared line");
    // "Prepared on 30 November 2026 with content version …": today, written out.
    let year: u16 = line
        .strip_prefix("Prepared on ")
        .and_then(|s| s.split(" with ").next())
        .and_then(|date| date.rsplit(' ').next())
        .and_then(|y| y.parse().ok())
        .expect("a date");
    assert!(year >= 2026, "{line}");

    let mut child = Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(["soa", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&std::fs::read(file).expect("read"))
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(parse_csv(&stdout(&out)).expect("csv").len(), 132);
}

#[test]
fn failures_are_clear_and_exit_1_for_input_2_for_usage() {
    let file = fixture_paths()[0].clone();
    let dir = std::env::temp_dir().join(format!("carryover-export-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\":\"carryover-answers\",\"version\":1,\"answers\":{},",
    )
    .expect("write");
    let bad = bad.to_str().expect("utf-8").to_owned();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["report", &bad], 1, "not valid JSON"),
        (
            &["soa", "/nonexistent.json"],
            1,
            "cannot read /nonexistent.json",
        ),
        (&["tasks", &bad, "--format", "ics"], 1, "not valid JSON"),
        (&["unshare", "v1.AAAA"], 1, "cut short"),
        (&["unshare", "v2.AAAA"], 1, "different version of Carryover"),
        (&["unshare", "v1.AA*A"], 1, "character 6"),
        (&["unshare", "https://x.test/#"], 1, "no shared answers"),
        (&["report"], 2, "usage:"),
        (
            &["report", &file, "--format", "pdf"],
            2,
            "--format takes md or html, not pdf",
        ),
        (
            &["report", &file, "--date", "2026-13-01"],
            2,
            "`2026-13-01` is not a date",
        ),
        (&["report", &file, "--date"], 2, "--date needs a value"),
        (
            &["soa", &file, "--format", "csv"],
            2,
            "unknown option `--format`",
        ),
        (
            &["tasks", &file, "--format", "xlsx"],
            2,
            "--format takes csv or ics",
        ),
        (&["share", &file, "extra"], 2, "unexpected argument `extra`"),
        (&["export"], 2, "unknown command `export`"),
        (&[], 2, "usage:"),
    ];
    for (args, code, message) in cases {
        let out = carryover(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: `{message}` not in {err}");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    }
}
