//! The `carryover` command-line scorer: same numbers as the library, clear failures.

use std::process::Command;

use carryover_engine::{Catalog, assess, decode, tasks};

fn carryover(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn fixtures() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

#[test]
fn scores_every_fixture_with_the_library_numbers() {
    let catalog = Catalog::builtin().expect("valid");
    let all = fixtures();
    assert!(all.len() >= 6);
    for path in all {
        let file = path.to_str().expect("utf-8 path");
        let out = carryover(&["score", file]);
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
        let lib = assess(
            catalog,
            &decode(catalog, &std::fs::read_to_string(&path).expect("read"))
                .expect("decode")
                .document
                .answers,
        );
        let a = &v["assessment"];
        assert_eq!(a["readiness"]["score"], lib.readiness.score);
        assert_eq!(a["effort"]["days_low"], lib.effort.days_low);
        // Provenance: every requirement names the answers and rows behind it.
        let reqs = a["requirements"].as_array().expect("requirements");
        assert_eq!(reqs.len(), 70);
        assert!(
            reqs.iter()
                .all(|r| r["support"].is_array() && r["status"].is_string())
        );
        let text = carryover(&["score", file, "--format", "text"]);
        assert!(text.status.success());
        let s = String::from_utf8(text.stdout).expect("utf-8");
        assert!(
            s.contains(&format!("Readiness: {}/100", lib.readiness.score)),
            "{s}"
        );
        assert!(s.contains("not a certification"));
    }
}

#[test]
fn a_bad_file_fails_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("carryover-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format":"carryover-answers","version":1,"answers":[]}"#,
    )
    .expect("write");
    let out = carryover(&["score", bad.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("answers: expected an object"), "{err}");
    let missing = carryover(&["score", "/nonexistent/answers.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
    assert_eq!(carryover(&["score"]).status.code(), Some(2));
    assert_eq!(
        carryover(&["score", "x.json", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(carryover(&["bogus"]).status.code(), Some(2));
    assert!(carryover(&["content"]).status.success());
}

/// `--config` prices the task plan, the report and the what-ifs with a site owner's
/// `carryover.config.json`, read exactly as the web app reads it: its budget keys applied to the
/// defaults, `show_budget: false` leaving money out, problems printed as warnings.
#[test]
fn prices_with_a_site_config_file() {
    use carryover_engine::budget::{self, BudgetSettings};
    use carryover_engine::export::plan;
    let catalog = Catalog::builtin().expect("valid");
    let dir = std::env::temp_dir().join(format!("carryover-cli-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let write = |name: &str, text: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write config");
        path.to_str().expect("utf-8 path").to_owned()
    };
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/soc2-type2-only.json"
    );
    let text = |out: std::process::Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).expect("utf-8"),
            String::from_utf8(out.stderr).expect("utf-8"),
        )
    };

    // Own figures: the task CSV equals the library's, priced with them.
    let own = r#"{ "day_rate": 1200, "audit_fee": [30000, 50000], "consultancy_share": 0.5 }"#;
    let config = write("own.json", own.as_bytes());
    let (csv, warnings) = text(carryover(&["tasks", fixture, "--config", &config]));
    assert_eq!(warnings, "");
    let doc = decode(catalog, &std::fs::read_to_string(fixture).expect("read"))
        .expect("decode")
        .document;
    let a = assess(catalog, &doc.answers);
    let resolved = carryover_engine::embed_config::resolve(catalog, Some(own), "");
    let settings = BudgetSettings::with(
        &budget::builtin().expect("budget").settings,
        &resolved.config.budget,
    );
    assert!((settings.day_rate - 1200.0).abs() < f64::EPSILON);
    let expected = plan::csv_priced(catalog, &tasks::plan(&a, &doc.tasks), "en", Some(&settings));
    assert_eq!(csv, expected);
    let (default_csv, _) = text(carryover(&["tasks", fixture]));
    assert_ne!(csv, default_csv, "other figures, other costs");
    let (report, _) = text(carryover(&[
        "report",
        fixture,
        "--date",
        "2026-11-30",
        "--config",
        &config,
    ]));
    assert!(report.contains("$30,000"), "the audit fee given");

    // No money at all.
    let hidden = write("hidden.json", br#"{ "show_budget": false }"#);
    let (csv, _) = text(carryover(&["tasks", fixture, "--config", &hidden]));
    assert!(!csv.lines().next().expect("header").contains("Cost"));
    let (whatif, _) = text(carryover(&["whatif", fixture, "--config", &hidden]));
    let v: serde_json::Value = serde_json::from_str(&whatif).expect("JSON");
    assert!(
        v["whatif"][0]["paths"][0]["outcome"]["budget"].is_null(),
        "{v}"
    );

    // A bad value is a warning naming the file; the default applies.
    let bad = write("bad.json", br#"{ "day_rate": -5 }"#);
    let (csv, warnings) = text(carryover(&["tasks", fixture, "--config", &bad]));
    assert_eq!(csv, default_csv);
    assert!(
        warnings.contains("bad.json: warning:") && warnings.contains("day_rate"),
        "{warnings}"
    );

    // Not text, or not there: the input could not be used (exit 1), with the reason.
    let binary = write("binary.json", &[0xff, 0xfe, 0x00]);
    let out = carryover(&["tasks", fixture, "--config", &binary]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not UTF-8 text"));
    let out = carryover(&[
        "report",
        fixture,
        "--config",
        "/nonexistent/carryover.config.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    // Only where money is: `soa` and `score` refuse it as an unknown option (exit 2).
    assert_eq!(
        carryover(&["soa", fixture, "--config", &config])
            .status
            .code(),
        Some(2)
    );
    std::fs::remove_dir_all(&dir).ok();
}
