//! The answers document: precise errors for unusable files, nothing lost for usable ones.

use carryover_engine::answers::{DecodeError, MAX_DOCUMENT_BYTES};
use carryover_engine::{Catalog, decode};

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

fn err(text: &str) -> DecodeError {
    decode(catalog(), text).expect_err("must be refused")
}

#[test]
fn fatal_problems_name_the_field_and_the_reason() {
    let cases: &[(&str, &str)] = &[
        ("{", "not valid JSON at line 1, column 1"),
        ("[1,2]", "(document): expected a JSON object"),
        ("{}", "format: missing"),
        (
            r#"{"format":"surveyjs"}"#,
            "format: expected \"carryover-answers\", found \"surveyjs\"",
        ),
        (r#"{"format":"carryover-answers"}"#, "version: missing"),
        (
            r#"{"format":"carryover-answers","version":"1"}"#,
            "version: expected a whole number",
        ),
        (
            r#"{"format":"carryover-answers","version":0,"answers":{}}"#,
            "version: expected a whole number from 1, found 0",
        ),
        (
            r#"{"format":"carryover-answers","version":1}"#,
            "answers: missing",
        ),
        (
            r#"{"format":"carryover-answers","version":1,"answers":[]}"#,
            "answers: expected an object",
        ),
        (
            r#"{"format":"carryover-answers","version":1,"answers":{},"position":3}"#,
            "position: expected a string",
        ),
        (
            r#"{"format":"carryover-answers","version":7,"answers":{}}"#,
            "written by a newer Carryover (answers format version 7)",
        ),
    ];
    for (input, expected) in cases {
        let message = err(input).message(catalog(), "en");
        assert!(
            message.contains(expected),
            "{input}\n  gave: {message}\n  want: {expected}"
        );
    }
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_DOCUMENT_BYTES));
    assert!(matches!(err(&big), DecodeError::TooLarge { .. }));
}

#[test]
fn bad_entries_are_kept_aside_with_a_reason() {
    let c = catalog();
    let practice = c
        .questions
        .iter()
        .find(|q| q.kind == carryover_engine::model::QuestionKind::Practice)
        .expect("a practice question");
    let text = format!(
        r#"{{"format":"carryover-answers","version":1,"answers":{{
            "iso27001":"platinum", "roles":"provider", "{p}":"mostly", "soc2":["type2"], "gone":"x",
            "eu":"customers"}}}}"#,
        p = practice.id
    );
    let d = decode(c, &text).expect("decodes");
    let messages: Vec<String> = d.issues.iter().map(|i| i.message(c, "en")).collect();
    let expect = [
        "answers.iso27001: `platinum` is not a choice",
        "answers.roles: expected a list of choice ids, found a string",
        "is not a practice answer",
        "answers.soc2: expected a string, found a list",
        "answers.gone: no question `gone`",
    ];
    for e in expect {
        assert!(
            messages.iter().any(|m| m.contains(e)),
            "missing `{e}` in {messages:#?}"
        );
    }
    assert_eq!(d.document.answers.len(), 1, "only `eu` fits");
    assert_eq!(d.document.rejected.len(), 5);
}

#[test]
fn a_round_trip_keeps_everything() {
    let c = catalog();
    let text = r#"{"format":"carryover-answers","version":1,"content_version":"old",
        "answers":{"iso27001":"certified","roles":["user","provider","user"],"retired_question":"x"},
        "position":"intake","saved_at":"2026-11-23T10:00:00Z","owners":{"A.2.2":"Dana"}}"#;
    let d = decode(c, text).expect("decodes");
    let again = decode(c, &d.document.to_json(c)).expect("own output decodes");
    assert_eq!(again.document.answers, d.document.answers);
    assert_eq!(again.document.rejected, d.document.rejected);
    assert_eq!(again.document.extra, d.document.extra);
    assert_eq!(again.document.position.as_deref(), Some("intake"));
    let v: serde_json::Value = serde_json::from_str(&d.document.to_json(c)).expect("json");
    assert_eq!(
        v["answers"]["roles"],
        serde_json::json!(["provider", "user"])
    );
    assert_eq!(v["content_version"], c.content_version.as_str());
}
