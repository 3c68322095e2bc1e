//! The command-line scorer agrees with the app (issue 13, failures 5–7): `unshare` opens the
//! app's own links in every pasted form, files are read with the same encodings as the app (BOM
//! yes, invalid UTF-8 no), and control characters from the input never reach the terminal raw.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use carryover_engine::{AnswersDocument, Catalog, share};

fn carryover(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn carryover_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("finishes")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// No control character but line breaks in what was printed.
fn clean(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .chars()
        .all(|c| c == '\n' || !c.is_control())
}

#[test]
fn unshare_opens_a_whole_link_a_fragment_and_the_bare_payload() {
    let c = Catalog::builtin().expect("valid");
    let doc = carryover_engine::decode(c, &fixture("soc2-type2-only"))
        .expect("fixture decodes")
        .document;
    let payload = share::encode(c, &doc);
    let mut outputs = Vec::new();
    for form in [
        format!("http://127.0.0.1:8080/#share={payload}"),
        format!("#share={payload}"),
        format!("share={payload}"),
        payload.clone(),
    ] {
        let out = carryover(&["unshare", &form]);
        assert!(
            out.status.success(),
            "{form}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        outputs.push(out.stdout);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
    let shared: AnswersDocument =
        carryover_engine::decode(c, std::str::from_utf8(&outputs[0]).expect("utf-8"))
            .expect("a document")
            .document;
    assert_eq!(shared.answers, doc.answers);
    // From standard input too.
    let out = carryover_stdin(&["unshare", "-"], format!("#share={payload}\n").as_bytes());
    assert!(out.status.success());
    assert_eq!(out.stdout, outputs[0]);
}

#[test]
fn files_are_read_like_the_app_reads_them() {
    let text = fixture("soc2-type2-only");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let out = carryover_stdin(&["score", "-", "--format", "text"], &bom);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut bad = text.into_bytes();
    bad.insert(40, 0xFF);
    let out = carryover_stdin(&["score", "-"], &bad);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not UTF-8 text"), "{err}");
}

#[test]
fn control_characters_from_input_are_escaped_in_every_message() {
    // JSON escapes: the decoded keys and values hold real BEL, ESC and NUL characters.
    let hostile = r#"{"format":"carryover-answers","version":1,"answers":{"bell\u0007\u001b[2J":"x\u0000","soc2":"\u001b[31mred"},"odd\u001b]0;title\u0007":1}"#;
    let out = carryover_stdin(&["score", "-"], hostile.as_bytes());
    assert!(out.status.success());
    assert!(
        clean(&out.stderr),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{7}"));

    let out = carryover_stdin(&["score", "-"], b"{\"format\":\"\x1b[31mevil\"}");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        clean(&out.stderr),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = carryover(&["unshare", "v\u{7}9.\u{1b}[2Jabc"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        clean(&out.stderr),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = carryover(&["score", "/nonexistent/\u{7}file.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        clean(&out.stderr),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = carryover(&["fr\u{1b}obnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        clean(&out.stderr),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}
