//! Helpers shared by the export tests: the fixtures, a strict RFC 4180 reader and an RFC 5545
//! line reader, written here so the exports are checked by code other than the code that wrote
//! them.

#![allow(dead_code)] // each test file uses some of these

use std::fmt::Write as _;
use std::path::Path;

use carryover_engine::{AnswersDocument, Assessment, Catalog, assess, decode};

/// The persona fixtures under `tests/fixtures/`, by name (the golden files' folders).
pub const PERSONAS: [&str; 7] = [
    "ai-provider-hiring",
    "ai-user-only-dont-know",
    "everything-provable",
    "iso27001-certified-not-provable",
    "mature-iso27001-no-ai-governance",
    "nothing-in-place",
    "soc2-type2-only",
];

/// A fixture's text, as a person saved it.
pub fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("fixture exists")
}

/// What differs between the golden text and the actual, for a person to read: the first few
/// differing lines side by side and how many lines differ in all.
pub fn explain(file: &str, expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let differing: Vec<usize> = (0..e.len().max(a.len()))
        .filter(|&i| e.get(i) != a.get(i))
        .collect();
    let mut out = format!(
        "{file}: {} of {} lines differ (golden {} lines, actual {})",
        differing.len(),
        e.len().max(a.len()),
        e.len(),
        a.len()
    );
    if expected.is_empty() {
        out.push_str(" — the golden file is missing or empty");
    }
    for &i in differing.iter().take(5) {
        let _ = write!(
            out,
            "\n  line {}:\n    - {}\n    + {}",
            i + 1,
            e.get(i).copied().unwrap_or("<none>"),
            a.get(i).copied().unwrap_or("<none>")
        );
    }
    if differing.len() > 5 {
        let _ = write!(out, "\n  … and {} more", differing.len() - 5);
    }
    if !expected.is_empty() && e.len() == a.len() && differing.is_empty() {
        out.push_str("\n  (only line endings or the final newline differ)");
    }
    out
}

/// Compares `actual` with the golden file `rel` under `tests/golden/`, or rewrites it with
/// `UPDATE_GOLDEN=1`; on a mismatch, the [`explain`]ed difference.
pub fn check_golden(rel: &Path, actual: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(rel);
    let file = rel.display().to_string();
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("golden dir");
        }
        std::fs::write(&path, actual).expect("write golden file");
        return None;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    (expected != actual).then(|| explain(&file, &expected, actual))
}

pub fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

/// Every fixture: (name, document, assessment).
pub fn fixtures() -> Vec<(String, AnswersDocument, Assessment)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 7, "the seven personas");
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_stem().expect("stem").to_string_lossy().into_owned();
            let doc = decode(catalog(), &std::fs::read_to_string(&p).expect("read"))
                .expect("fixture decodes")
                .document;
            let a = assess(catalog(), &doc.answers);
            (name, doc, a)
        })
        .collect()
}

pub fn fixture(name: &str) -> (AnswersDocument, Assessment) {
    fixtures()
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, d, a)| (d, a))
        .expect("fixture exists")
}

/// Reads CSV strictly by RFC 4180 (after an optional UTF-8 BOM): every record ends with CRLF,
/// quotes only around whole fields, `""` inside quotes, no bare CR or LF outside quotes.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    let mut after_quote = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => return Err(format!("bare quote in record {}", records.len() + 1)),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
                after_quote = false;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err(format!("bare CR in record {}", records.len() + 1));
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
                after_quote = false;
            }
            '\n' => return Err(format!("bare LF in record {}", records.len() + 1)),
            c if after_quote => {
                return Err(format!(
                    "`{c}` after a closing quote in record {}",
                    records.len() + 1
                ));
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err("unterminated quoted field".into());
    }
    if !record.is_empty() || !field.is_empty() {
        return Err("last record does not end with CRLF".into());
    }
    Ok(records)
}

/// Splits an iCalendar stream into physical lines, checking CRLF endings and the 75-octet limit.
pub fn ics_physical_lines(text: &str) -> Vec<&str> {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    let lines: Vec<&str> = text
        .strip_suffix("\r\n")
        .expect("crlf")
        .split("\r\n")
        .collect();
    for l in &lines {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare line break in {l:?}"
        );
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
    }
    lines
}

/// Unfolds physical lines into content lines `(name with parameters, value)`.
pub fn ics_content_lines(text: &str) -> Vec<(String, String)> {
    let mut logical: Vec<String> = Vec::new();
    for l in ics_physical_lines(text) {
        if let Some(rest) = l.strip_prefix(' ') {
            logical
                .last_mut()
                .expect("a continuation follows a line")
                .push_str(rest);
        } else {
            logical.push(l.to_owned());
        }
    }
    logical
        .into_iter()
        .map(|l| {
            let (name, value) = l.split_once(':').expect("NAME:VALUE");
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

/// Undoes TEXT escaping, refusing anything RFC 5545 does not allow after a backslash.
pub fn ics_unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            }
        } else {
            assert!(
                c != ';' && c != ',',
                "unescaped `{c}` in TEXT value {value:?}"
            );
            out.push(c);
        }
    }
    out
}

pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Frames bytes as a v1 fragment the way the encoder does (written again here, from the format
/// description, so the test does not trust the code it checks).
pub fn frame(body: &[u8]) -> String {
    let mut rest = Vec::new();
    let mut n = body.len();
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            rest.push(low);
            break;
        }
        rest.push(low | 0x80);
    }
    rest.extend_from_slice(body);
    let mut bytes = carryover_engine::export::fnv1a32(&rest)
        .to_be_bytes()
        .to_vec();
    bytes.extend_from_slice(&rest);
    let mut out = String::from(carryover_engine::share::PREFIX);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let v = (b(0) << 16) | (b(1) << 8) | b(2);
        let keep = chunk.len() + 1;
        for k in 0..keep {
            out.push(char::from(ALPHABET[((v >> (18 - 6 * k)) & 63) as usize]));
        }
    }
    out
}

pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}
