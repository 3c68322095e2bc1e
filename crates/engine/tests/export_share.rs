//! Share links: every persona round-trips through a short fragment, and every way a fragment can
//! be damaged gives its own typed error with a message.

mod export_support;

use carryover_engine::answers::DecodeError;
use carryover_engine::share::{
    self, FragmentError, MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES, PREFIX,
};
use carryover_engine::tasks::{Cadence, TaskSettings};
use export_support::{ALPHABET, catalog, deflate, fixture, fixtures, frame};

#[test]
fn every_persona_round_trips_through_a_short_fragment() {
    let c = catalog();
    let mut lengths = Vec::new();
    for (name, mut doc, _) in fixtures() {
        doc.position = Some("program".into());
        doc.saved_at = Some("2026-11-23T10:00:00Z".into());
        doc.tasks.insert(
            "A.5.2".into(),
            TaskSettings {
                owner: Some("Dana".into()),
                cadence: Some(Cadence::Quarterly),
            },
        );
        let fragment = share::encode(c, &doc);
        assert!(fragment.starts_with("v1."));
        assert!(
            fragment[3..].bytes().all(|b| ALPHABET.contains(&b)),
            "URL-safe"
        );
        lengths.push((name.clone(), fragment.len()));
        assert!(fragment.len() <= 1000, "{name}: {} chars", fragment.len());
        let back = share::decode(c, &fragment)
            .unwrap_or_else(|e| panic!("{name}: {}", e.message(c, "en")));
        assert!(back.issues.is_empty(), "{name}: {:?}", back.issues);
        assert_eq!(back.document.answers, doc.answers, "{name}");
        assert_eq!(back.document.tasks, doc.tasks, "{name}");
        assert_eq!(back.document.position, None, "device state is not shared");
        assert_eq!(back.document.saved_at, None);
        assert_eq!(share::decode(c, &format!("#{fragment}")), Ok(back));
    }
    eprintln!("fragment lengths: {lengths:?}");
}

#[test]
fn entries_kept_aside_travel_too() {
    let c = catalog();
    let text = r#"{"format":"carryover-answers","version":1,"answers":{"iso27001":"platinum","retired":"x"},
        "tasks":{"A.99":{"owner":"ghost"}},"custom":{"k":1}}"#;
    let doc = carryover_engine::decode(c, text).expect("decodes").document;
    let back = share::decode(c, &share::encode(c, &doc)).expect("opens");
    assert_eq!(back.document.rejected, doc.rejected);
    assert_eq!(back.document.rejected_tasks, doc.rejected_tasks);
    assert_eq!(back.document.extra, doc.extra);
    // Answers kept aside travel under `rejected`, which the decoder keeps without a new issue;
    // the bad task entry and the unknown field are reported again.
    assert_eq!(back.issues.len(), 2, "{:?}", back.issues);
}

fn err(fragment: &str) -> FragmentError {
    share::decode(catalog(), fragment).expect_err("must be refused")
}

#[test]
fn each_kind_of_damage_has_its_own_error_and_message() {
    let c = catalog();
    let (doc, _) = fixture("nothing-in-place");
    let good = share::encode(c, &doc);
    let data = &good[PREFIX.len()..];
    let cases: Vec<(String, FragmentError)> = vec![
        (String::new(), FragmentError::Empty),
        ("#".into(), FragmentError::Empty),
        (
            format!("v2.{data}"),
            FragmentError::WrongVersion {
                version: "v2".into(),
            },
        ),
        (
            "hello".into(),
            FragmentError::WrongVersion {
                version: "hello".into(),
            },
        ),
        (
            format!("v1.{}", &data[..10]) + "+" + &data[11..],
            FragmentError::InvalidBase64 { position: 14 },
        ),
        (
            format!("v1.{data}="),
            FragmentError::InvalidBase64 {
                position: good.len() + 1,
            },
        ),
        (good[..good.len() - 5].to_owned(), FragmentError::Truncated),
        ("v1.".into(), FragmentError::Truncated),
        (
            "x".repeat(MAX_FRAGMENT_CHARS + 1),
            FragmentError::Oversized {
                chars: MAX_FRAGMENT_CHARS + 1,
            },
        ),
        (
            frame(&deflate(&vec![b' '; MAX_INFLATED_BYTES + 1])),
            FragmentError::InflatesTooLarge,
        ),
        (frame(&deflate(&[0xff, 0xfe, 0x00])), FragmentError::NotText),
        (frame(b"not deflate at all"), FragmentError::Tampered),
        (
            frame(&deflate(
                br#"{"format":"carryover-answers","version":9,"answers":{}}"#,
            )),
            FragmentError::Document(DecodeError::FutureVersion { version: 9 }),
        ),
    ];
    for (input, expected) in cases {
        let got = err(&input);
        assert_eq!(got, expected, "{input:.60}");
        let message = got.message(c, "en");
        assert!(!message.is_empty());
        assert!(!message.contains('{') || matches!(got, FragmentError::Document(_)));
        assert!(!message.contains("share.error"), "{message}");
    }
    assert!(
        err("x".repeat(MAX_FRAGMENT_CHARS + 1).as_str())
            .message(c, "en")
            .contains("8192")
    );
    assert!(err("v2.abc").message(c, "en").contains("`v2`"));
    let doc_err = err(&frame(&deflate(b"[1]")));
    assert_eq!(
        doc_err.message(c, "en"),
        "The shared answers cannot be used: (document): expected a JSON object"
    );
}

#[test]
fn every_cut_is_truncated_and_every_change_is_caught() {
    let c = catalog();
    let (doc, _) = fixture("ai-provider-hiring");
    let good = share::encode(c, &doc);
    for cut in PREFIX.len()..good.len() {
        assert_eq!(err(&good[..cut]), FragmentError::Truncated, "cut at {cut}");
    }
    let mut kinds = std::collections::BTreeMap::new();
    for i in PREFIX.len()..good.len() {
        for &sym in ALPHABET {
            let mut bytes = good.clone().into_bytes();
            if bytes[i] == sym {
                continue;
            }
            bytes[i] = sym;
            let changed = String::from_utf8(bytes).expect("ascii");
            let e = err(&changed);
            assert!(
                matches!(e, FragmentError::Tampered | FragmentError::Truncated),
                "{i}: {e:?}"
            );
            *kinds.entry(e.id()).or_insert(0) += 1;
        }
    }
    // Only a change to the length field can look like a cut.
    assert!(kinds["tampered"] > 50 * kinds.get("truncated").copied().unwrap_or(0));
    // Appended text is refused too.
    for extra in ["A", "AA", "AAA", "AAAA", "-_-_"] {
        let e = err(&format!("{good}{extra}"));
        assert!(
            matches!(e, FragmentError::Tampered | FragmentError::Truncated),
            "{extra}: {e:?}"
        );
    }
}
