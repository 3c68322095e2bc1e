//! The `carryover` command-line scorer: same numbers as the library, clear failures.

use std::process::Command;

use carryover_engine::{Catalog, assess, decode};

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
