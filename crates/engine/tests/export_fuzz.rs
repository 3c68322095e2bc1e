//! Fuzzing the decoders with proptest (stable Rust has no cargo-fuzz): the answers document
//! decoder, its `tasks` field and the share-link fragment decoder get hostile input of every kind.
//! The properties: nothing panics, every failure is a typed error with a message a person can
//! read, and what is accepted survives a save and a reload unchanged.
//!
//! Each property runs `CASES` cases (5,000 by default; `PROPTEST_CASES` overrides).

mod export_support;

use std::sync::OnceLock;

use carryover_engine::share::{self, FragmentError};
use carryover_engine::{Catalog, Decoded, decode};
use export_support::{ALPHABET, catalog, deflate, fixtures, frame};
use proptest::prelude::*;
use serde_json::{Map, Value};

const CASES: u32 = 5_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings a decoder cares about: real ids, near misses and junk.
fn vocabulary() -> &'static Vec<String> {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let c = catalog();
        let mut v: Vec<String> = vec![
            "format",
            "version",
            "answers",
            "rejected",
            "tasks",
            "owner",
            "cadence",
            "position",
            "saved_at",
            "content_version",
            "carryover-answers",
            "monthly",
            "quarterly",
            "yearly",
            "weekly",
            "not_applicable",
            "dont_know",
            "effective_and_provable",
            "",
            " ",
            "\n",
            "=1+1",
            "\u{0}",
            "é€😀",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        for q in &c.questions {
            v.push(q.id.clone());
            v.extend(q.choices.iter().map(|ch| ch.id.clone()));
        }
        v.extend(c.requirements.iter().map(|r| r.id.clone()));
        v
    })
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(vocabulary().clone()),
        1 => ".{0,8}",
        1 => "[a-z_.]{0,16}",
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        word().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((word(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An object keyed by real or near-miss ids.
fn keyed(values: impl Strategy<Value = Value>) -> impl Strategy<Value = Value> {
    proptest::collection::vec((word(), values), 0..12)
        .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>()))
}

fn task_entry() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => keyed(prop_oneof![
            3 => word().prop_map(Value::String),
            1 => "[ a-zA-Z=@\\-]{115,125}".prop_map(Value::String),
            1 => json(),
        ]),
        1 => json(),
    ]
}

/// Documents shaped like answers documents, mostly right, with damage anywhere.
fn document() -> impl Strategy<Value = Value> {
    (
        prop_oneof![8 => Just(Value::from("carryover-answers")), 1 => json()],
        prop_oneof![8 => Just(Value::from(1)), 1 => json()],
        prop_oneof![6 => keyed(prop_oneof![word().prop_map(Value::String), json()]), 1 => json()],
        proptest::option::of(prop_oneof![4 => keyed(task_entry()), 1 => json()]),
        proptest::option::of(keyed(json())),
        proptest::collection::vec((word(), json()), 0..3),
    )
        .prop_map(|(format, version, answers, tasks, rejected, extra)| {
            let mut obj = Map::new();
            for (k, v) in extra {
                obj.insert(k, v);
            }
            obj.insert("format".into(), format);
            obj.insert("version".into(), version);
            obj.insert("answers".into(), answers);
            if let Some(t) = tasks {
                obj.insert("tasks".into(), t);
            }
            if let Some(r) = rejected {
                obj.insert("rejected".into(), r);
            }
            Value::Object(obj)
        })
}

/// The checks every accepted document must pass: readable issues, settled state after a save.
fn check_accepted(c: &Catalog, d: &Decoded) {
    for issue in &d.issues {
        // (The path is empty only for a top-level field whose name is the empty string.)
        let message = issue.message(c, "en");
        assert!(!message.is_empty(), "{issue:?}");
        assert!(
            !message.contains("tasks.issue") && !message.contains("answers.issue"),
            "raw locale key: {message}"
        );
    }
    for (id, s) in &d.document.tasks {
        assert!(c.requirement(id).is_some(), "task for unknown `{id}`");
        if let Some(o) = &s.owner {
            assert!(!o.is_empty() && o.chars().count() <= 120);
            assert!(!o.chars().any(char::is_control) && o.trim() == o);
        }
    }
    for id in d.document.rejected_tasks.keys() {
        assert!(
            d.issues
                .iter()
                .any(|i| i.path.starts_with(&format!("tasks.{id}"))),
            "rejected task `{id}` without an issue"
        );
    }
    let saved = d.document.to_json(c);
    let again = decode(c, &saved).expect("a saved document always reloads");
    assert_eq!(again.document.answers, d.document.answers);
    assert_eq!(again.document.tasks, d.document.tasks);
    // Entries kept aside come back with the same keys and values, except that serde_json (built
    // without its `float_roundtrip` feature) may move the last digit of an extreme float such as
    // -4.2136956525883086e306 on every reload; floats are compared to 12 digits for that reason.
    assert!(
        again
            .document
            .rejected_tasks
            .keys()
            .eq(d.document.rejected_tasks.keys())
    );
    let resaved = again.document.to_json(c);
    let parse = |t: &str| serde_json::from_str::<Value>(t).expect("saved JSON parses");
    assert!(close(&parse(&resaved), &parse(&saved)), "saving is stable");
}

/// Equal, except that floats may differ in their last digits.
fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (
                x.as_f64().unwrap_or_default(),
                y.as_f64().unwrap_or_default(),
            );
            (x - y).abs() <= 1e-12 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| close(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, vx), (ky, vy))| kx == ky && close(vx, vy))
        }
        (x, y) => x == y,
    }
}

fn check_fragment_error(c: &Catalog, e: &FragmentError) {
    let message = e.message(c, "en");
    assert!(
        !message.is_empty() && !message.contains("share.error"),
        "{e:?}"
    );
}

/// Valid fragments of every persona.
fn fragments() -> &'static Vec<String> {
    static F: OnceLock<Vec<String>> = OnceLock::new();
    F.get_or_init(|| {
        fixtures()
            .into_iter()
            .map(|(_, doc, _)| share::encode(catalog(), &doc))
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Replace(usize, u8),
    Insert(usize, char),
    Delete(usize),
    Swap(usize, usize),
    Repeat(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let i = any::<usize>();
    prop_oneof![
        i.prop_map(Mutation::Truncate),
        (i, any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (i, any::<char>()).prop_map(|(i, ch)| Mutation::Insert(i, ch)),
        i.prop_map(Mutation::Delete),
        (i, any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (i, 1usize..40).prop_map(|(a, n)| Mutation::Repeat(a, n)),
    ]
}

fn apply(fragment: &str, m: &Mutation) -> String {
    let mut chars: Vec<char> = fragment.chars().collect();
    let n = chars.len();
    if n == 0 {
        return match *m {
            Mutation::Insert(_, ch) => ch.to_string(),
            _ => String::new(),
        };
    }
    match *m {
        Mutation::Truncate(i) => chars.truncate(i % n),
        Mutation::Replace(i, b) => {
            chars[i % n] = char::from(ALPHABET[usize::from(b) % 64]);
        }
        Mutation::Insert(i, ch) => chars.insert(i % (n + 1), ch),
        Mutation::Delete(i) => {
            chars.remove(i % n);
        }
        Mutation::Swap(a, b) => chars.swap(a % n, b % n),
        Mutation::Repeat(a, len) => {
            let start = a % n;
            let end = (start + len).min(n);
            let piece: Vec<char> = chars[start..end].to_vec();
            chars.splice(end..end, piece);
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn answers_decoder_takes_any_text(text in prop_oneof![".{0,300}", "[{}\\[\\]\":,0-9a-z_ ]{0,300}"]) {
        let c = catalog();
        match decode(c, &text) {
            Ok(d) => check_accepted(c, &d),
            Err(e) => prop_assert!(!e.message(c, "en").is_empty()),
        }
    }

    #[test]
    fn answers_decoder_takes_any_document(doc in document()) {
        let c = catalog();
        match decode(c, &doc.to_string()) {
            Ok(d) => check_accepted(c, &d),
            Err(e) => prop_assert!(!e.message(c, "en").is_empty()),
        }
    }

    #[test]
    fn a_bad_tasks_field_never_stops_a_document(tasks in prop_oneof![4 => keyed(task_entry()), 1 => json()]) {
        let c = catalog();
        let mut doc = Map::new();
        doc.insert("format".into(), "carryover-answers".into());
        doc.insert("version".into(), 1.into());
        doc.insert("answers".into(), serde_json::json!({ "iso27001": "certified" }));
        doc.insert("tasks".into(), tasks);
        let d = decode(c, &Value::Object(doc).to_string()).expect("tasks problems are never fatal");
        prop_assert_eq!(d.document.answers.len(), 1);
        check_accepted(c, &d);
    }

    #[test]
    fn fragment_decoder_takes_any_text(text in prop_oneof![
        ".{0,200}",
        "v1\\.[A-Za-z0-9_-]{0,400}",
        "#?v[0-9]\\.[A-Za-z0-9_=+/-]{0,40}",
    ]) {
        let c = catalog();
        match share::decode(c, &text) {
            Ok(d) => check_accepted(c, &d),
            Err(e) => check_fragment_error(c, &e),
        }
    }

    #[test]
    fn a_damaged_fragment_is_always_refused(
        which in 0usize..64,
        first in mutation(),
        second in proptest::option::of(mutation()),
    ) {
        let c = catalog();
        let good = &fragments()[which % fragments().len()];
        let mut damaged = apply(good, &first);
        if let Some(m) = &second {
            damaged = apply(&damaged, m);
        }
        let leading = damaged.strip_prefix('#').unwrap_or(&damaged).trim();
        match share::decode(c, &damaged) {
            Ok(d) => {
                // Only a change that undid itself (or touched nothing but a `#` or spaces) opens.
                prop_assert_eq!(leading, good.as_str());
                check_accepted(c, &d);
            }
            Err(e) => check_fragment_error(c, &e),
        }
    }

    #[test]
    fn well_framed_junk_reaches_the_inflater_and_the_decoder_safely(
        body in proptest::collection::vec(any::<u8>(), 0..400),
        doc in document(),
        raw in any::<bool>(),
    ) {
        let c = catalog();
        for fragment in [
            frame(&body),
            frame(&deflate(&body)),
            frame(&deflate(doc.to_string().as_bytes())),
        ] {
            match share::decode(c, &fragment) {
                Ok(d) => check_accepted(c, &d),
                Err(e) => check_fragment_error(c, &e),
            }
        }
        if raw {
            // The same documents straight through the fragment encoder round-trip exactly.
            if let Ok(d) = decode(c, &doc.to_string()) {
                let back = share::decode(c, &share::encode(c, &d.document)).expect("own fragment opens");
                prop_assert_eq!(back.document.answers, d.document.answers);
                prop_assert_eq!(back.document.tasks, d.document.tasks);
            }
        }
    }
}
