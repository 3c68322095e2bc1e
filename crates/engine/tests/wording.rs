//! One way to word a problem (issue 14, point 3): every message a person reads is a locale key
//! plus arguments, worded through `content/locales/<locale>.toml`.
//!
//! Two heuristic scans hold the code to it:
//! - the engine's string literals outside tests (library and command-line scorer) hold no English
//!   sentence, except the few named in [`ALLOWED`] with the reason;
//! - the web app's views (`src/`) never format with `{:?}` / `{name:?}` (Rust debug text is not
//!   for people), tests excepted.
//!
//! The scans read this repository's own sources (never `../shared`).

use std::path::{Path, PathBuf};

/// Literals allowed to hold English, as (file under `crates/engine/src`, part of the literal or
/// `*` for the whole file, why).
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "content/validate.rs",
        "*",
        "content problems are for content authors (ContentErrors), never shown in the app",
    ),
    (
        "content/lang.rs",
        "*",
        "language problems are for content authors and translators (ContentErrors)",
    ),
    (
        "content/triage_rules.rs",
        "*",
        "register rule problems are for content authors (Rules::problems)",
    ),
    (
        "assess/budget.rs",
        "*",
        "budget.toml problems are for content authors",
    ),
    (
        "content/catalog.rs",
        "content bundle does not parse",
        "a content-author problem (ContentErrors)",
    ),
    (
        "content/bundle.rs",
        "*",
        "a compiled bundle that does not decode is a build problem (ContentErrors); without the \
         catalog there is no locale to word it with",
    ),
    (
        "bin/carryover.rs",
        "the built-in content is invalid",
        "the catalog holding the locale failed to load, so there is nothing to word it with",
    ),
    (
        "document/tasks.rs",
        "monthly, quarterly, yearly",
        "the cadence ids, an argument of tasks.issue.cadence",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code before the first `#[cfg(test)]` (tests sit at the end of a file).
fn non_test(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// String literals of Rust source with their 1-based line: plain ("…", with escapes) and raw
/// (r"…", r#"…"#), skipping comments and char literals. A heuristic, not a Rust lexer.
fn literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '\'' && (at(i + 2) == '\'' || (at(i + 1) == '\\' && at(i + 3) == '\'')) {
            i += if at(i + 1) == '\\' { 4 } else { 3 };
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && !at(i.wrapping_sub(1)).is_alphanumeric()
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            let start_line = line;
            let mut s = String::new();
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| at(j + 1 + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                s.push(chars[j]);
                j += 1;
            }
            out.push((start_line, s));
            i = j;
        } else if c == '"' {
            let start_line = line;
            let mut s = String::new();
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                    if at(j) == '\n' {
                        line += 1;
                        // A line continuation: the next line's leading spaces are dropped.
                        while at(j + 1) == ' ' {
                            j += 1;
                        }
                        s.push(' ');
                        j += 1;
                        continue;
                    }
                    s.push(' ');
                } else {
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    s.push(chars[j]);
                }
                j += 1;
            }
            out.push((start_line, s));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Prose: three tokens in a row that are words or slots (`{placeholder}`, `` `code` ``, a
/// number), at least two of them words, the later ones lower case. Ids, keys, format strings of
/// placeholders, MIME types and markup do not look like that.
fn is_sentence(text: &str) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Token<'a> {
        Word(&'a str),
        Slot,
        Other,
    }
    let tokens: Vec<Token> = text
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .map(|t| {
            let t = t
                .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '!' | '?'));
            if !t.is_empty() && t.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
                Token::Word(t)
            } else if t.starts_with('{')
                || t.starts_with('`')
                || t.starts_with(|c: char| c.is_ascii_digit())
            {
                Token::Slot
            } else {
                Token::Other
            }
        })
        .collect();
    tokens.windows(3).any(|ws| {
        let words: Vec<&str> = ws
            .iter()
            .filter_map(|t| match t {
                Token::Word(w) => Some(*w),
                Token::Slot | Token::Other => None,
            })
            .collect();
        !ws.contains(&Token::Other)
            && words.len() >= 2
            && words.iter().map(|w| w.len()).sum::<usize>() >= 8
            && words[1..]
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '\''))
    })
}

fn allowed(file: &str, literal: &str) -> bool {
    ALLOWED
        .iter()
        .any(|(f, part, _)| *f == file && (*part == "*" || literal.contains(part)))
}

fn engine_sentences() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 30, "the engine's sources are where expected");
    let mut found = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&path).expect("read a source file");
        for (line, literal) in literals(non_test(&text)) {
            if is_sentence(&literal) && !allowed(&rel, &literal) {
                found.push(format!("{rel}:{line}: {literal:.100}"));
            }
        }
    }
    found
}

#[test]
fn the_heuristic_sees_sentences_and_lets_ids_pass() {
    for s in [
        "`{input}` is not a date: expected YYYY-MM-DD",
        "the download could not start",
        "Answered {n} of {total} visible questions",
    ] {
        assert!(is_sentence(s), "{s}");
    }
    for s in [
        "answers.issue.not_choice",
        "{path}: {reason}",
        "FREQ=MONTHLY;INTERVAL=3",
        "text/csv;charset=utf-8",
        "carryover-ai-system-register.csv",
        "#{:02x}{:02x}{:02x}",
        "monthly",
    ] {
        assert!(!is_sentence(s), "{s}");
    }
    let code = "let a = \"one two three\"; // \"not this one\"\nlet b = r#\"raw \"quoted\" text here\"#;\nlet c = '\"';\nlet d = \"split \\\n    over lines here\";";
    let got: Vec<(usize, String)> = literals(code);
    assert_eq!(
        got,
        vec![
            (1, "one two three".to_owned()),
            (2, "raw \"quoted\" text here".to_owned()),
            (4, "split  over lines here".to_owned()),
        ]
    );
}

#[test]
fn no_english_sentence_in_engine_code() {
    let found = engine_sentences();
    assert!(
        found.is_empty(),
        "English in engine string literals (word it as a locale key + arguments, or add it to \
         ALLOWED with the reason):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_allowlist_names_only_what_is_there() {
    // An entry whose literal is gone is dead weight: remove it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (file, part, why) in ALLOWED {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(
            !text.is_empty() && (*part == "*" || text.contains(part)),
            "{file}: `{part}` ({why}) is no longer there"
        );
    }
}

#[test]
fn no_debug_formatting_in_the_apps_views() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 20, "the app's sources are where expected");
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read a source file");
        for (line, literal) in literals(non_test(&text)) {
            // `{:?}`, `{x:?}`, `{:#?}`, `{x:#?}`, also with a width.
            let debug = literal.match_indices('{').any(|(i, _)| {
                literal[i..].find('}').is_some_and(|j| {
                    literal[i..i + j].contains(":?") || literal[i..i + j].contains(":#?")
                })
            });
            if debug {
                found.push(format!("{}:{line}: {literal}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "debug formatting in the app (people read locale text; the console gets the browser's \
         words):\n{}",
        found.join("\n")
    );
}
