//! Nothing lost (issue 13): the per-question merge of two tabs' answers (unit tests and a property
//! over any interleaving of two tabs' edits), snapshots, old documents still loading, the byte
//! decoder (BOM yes, invalid UTF-8 no), the limit on entries that fit no question, share links in
//! every pasted form, and control characters escaped in messages.

use std::collections::BTreeMap;

use carryover_engine::answers::{MAX_UNFIT_ENTRIES, decode_bytes};
use carryover_engine::export::escape_control;
use carryover_engine::merge::{Side, merge};
use carryover_engine::model::{PracticeAnswer, QuestionKind};
use carryover_engine::snapshot::{KEEP, Reason, Snapshot, slot_for_next};
use carryover_engine::{Answer, AnswersDocument, Catalog, DecodeError, decode, share};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

/// Indexes of the first `n` practice questions (any practice answer fits them).
fn practice_questions(n: usize) -> Vec<usize> {
    catalog()
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuestionKind::Practice)
        .map(|(i, _)| i)
        .take(n)
        .collect()
}

fn practice(i: usize) -> Answer {
    Answer::Practice(PracticeAnswer::ALL[i % PracticeAnswer::ALL.len()])
}

#[test]
fn edits_on_different_questions_both_survive_in_either_order() {
    let q = practice_questions(2);
    let mut a = AnswersDocument::default();
    let mut b = AnswersDocument::default();
    a.set_answer(q[0], Some(practice(0)), 100);
    b.set_answer(q[1], Some(practice(1)), 100);
    let ab = merge(&a, &b);
    let ba = merge(&b, &a);
    assert_eq!(ab.document.answers, ba.document.answers);
    assert_eq!(ab.document.answers.len(), 2);
    assert!(ab.overwritten.is_empty());
}

#[test]
fn same_question_latest_wins_and_the_other_is_reported() {
    let q = practice_questions(1)[0];
    let mut a = AnswersDocument::default();
    let mut b = AnswersDocument::default();
    a.set_answer(q, Some(practice(0)), 100);
    b.set_answer(q, Some(practice(1)), 101);
    let m = merge(&a, &b);
    assert_eq!(m.document.answers.get(q), Some(&practice(1)));
    assert_eq!(m.lost(Side::Ours), 1);
    assert_eq!(m.overwritten[0].answer, practice(0));
    // Equal times: the same winner from both sides.
    b.set_answer(q, Some(practice(1)), 100);
    assert_eq!(
        merge(&a, &b).document.answers,
        merge(&b, &a).document.answers
    );
}

#[test]
fn a_later_clear_wins_and_an_earlier_one_does_not() {
    let q = practice_questions(1)[0];
    let mut a = AnswersDocument::default();
    let mut b = AnswersDocument::default();
    a.set_answer(q, Some(practice(0)), 100);
    b.set_answer(q, None, 200);
    assert_eq!(merge(&a, &b).document.answers.get(q), None);
    b.set_answer(q, None, 50);
    assert_eq!(merge(&a, &b).document.answers.get(q), Some(&practice(0)));
}

#[test]
fn a_later_replace_wins_over_older_answers_but_not_over_edits_made_after_it() {
    let q = practice_questions(3);
    let mut mine = AnswersDocument::default();
    mine.set_answer(q[0], Some(practice(0)), 100);
    mine.set_answer(q[1], Some(practice(1)), 300);
    // Another tab started over at 200 (every answer cleared).
    let started_over = AnswersDocument {
        replaced_at: Some(200),
        ..AnswersDocument::default()
    };
    let m = merge(&mine, &started_over);
    assert_eq!(m.document.answers.get(q[0]), None, "older than the replace");
    assert_eq!(
        m.document.answers.get(q[1]),
        Some(&practice(1)),
        "made after it"
    );
    assert_eq!(m.lost(Side::Ours), 1);
    assert_eq!(m.document.replaced_at, Some(200));
    // And the same from the other side.
    assert_eq!(
        merge(&started_over, &mine).document.answers,
        m.document.answers
    );
}

#[test]
fn old_documents_without_times_load_and_merge_as_time_zero() {
    let c = catalog();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/soc2-type2-only.json"
    ))
    .expect("fixture");
    let old = decode(c, &text).expect("old document loads").document;
    assert!(old.changed.is_empty());
    assert_eq!(old.replaced_at, None);
    let q = practice_questions(1)[0];
    let mut edited = old.clone();
    edited.set_answer(q, Some(practice(2)), 5);
    let m = merge(&old, &edited);
    assert_eq!(m.document.answers.get(q), Some(&practice(2)));
    for (qi, a) in old.answers.iter().filter(|(qi, _)| *qi != q) {
        assert_eq!(m.document.answers.get(qi), Some(a));
    }
    // Times survive a save and a load; the version stays 1.
    let json = m.document.to_json(c);
    assert!(json.contains("\"version\":1"));
    let again = decode(c, &json).expect("loads").document;
    assert_eq!(again.changed, m.document.changed);
    assert!(again.same_answers(&m.document));
}

#[test]
fn merging_twice_changes_nothing() {
    let q = practice_questions(2);
    let mut a = AnswersDocument::default();
    let mut b = AnswersDocument::default();
    a.set_answer(q[0], Some(practice(0)), 10);
    b.set_answer(q[0], Some(practice(3)), 20);
    b.set_answer(q[1], Some(practice(1)), 5);
    let m = merge(&a, &b).document;
    assert!(merge(&m, &b).document.same_answers(&m));
    assert!(merge(&a, &m).document.same_answers(&m));
}

#[derive(Debug, Clone)]
enum Op {
    /// A tab sets (Some) or clears (None) an answer.
    Edit(usize, usize, Option<usize>),
    /// A tab saves: reads what is stored, merges, writes (the app's save).
    Save(usize),
    /// A tab writes without reading first (two saves racing: the other tab's write is lost from
    /// storage, and only that tab's memory still has it).
    BlindWrite(usize),
    /// A tab gets the `storage` event: merges what is stored, and writes back if it held more.
    Receive(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..2usize, 0..6usize, proptest::option::weighted(0.85, 0..6usize))
            .prop_map(|(t, q, a)| Op::Edit(t, q, a)),
        2 => (0..2usize).prop_map(Op::Save),
        1 => (0..2usize).prop_map(Op::BlindWrite),
        2 => (0..2usize).prop_map(Op::Receive),
    ]
}

fn receive(tab: &mut AnswersDocument, stored: &mut AnswersDocument) {
    *tab = merge(tab, stored).document;
    if !tab.same_answers(stored) {
        *stored = tab.clone();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any interleaving of two tabs' edits, saves, racing writes and storage events: once both
    /// tabs have heard from storage, both show the same answers, and each question holds the
    /// answer of its latest edit (or the starting answer when nobody touched it). No answer is
    /// lost unless a later edit on the same question overwrote it.
    #[test]
    fn two_tabs_keep_every_answer_not_overwritten(
        start in proptest::collection::vec(proptest::option::of(0..6usize), 6),
        ops in proptest::collection::vec(op(), 0..40),
    ) {
        let qs = practice_questions(6);
        let mut base = AnswersDocument::default();
        for (q, a) in qs.iter().zip(&start) {
            if let Some(a) = a {
                // An old document: answers without times.
                base.answers.insert(*q, practice(*a));
            }
        }
        let mut tabs = [base.clone(), base.clone()];
        let mut stored = base.clone();
        let mut latest: BTreeMap<usize, Option<Answer>> = BTreeMap::new();
        let mut clock = 1_700_000_000_000_u64;
        for op in ops {
            clock += 1;
            match op {
                Op::Edit(t, q, a) => {
                    let answer = a.map(practice);
                    tabs[t].set_answer(qs[q], answer.clone(), clock);
                    latest.insert(qs[q], answer);
                }
                Op::Save(t) => {
                    stored = merge(&tabs[t], &stored).document;
                    tabs[t] = stored.clone();
                }
                Op::BlindWrite(t) => stored = tabs[t].clone(),
                Op::Receive(t) => {
                    let (tab, rest) = tabs.split_at_mut(1);
                    let tab = if t == 0 { &mut tab[0] } else { &mut rest[0] };
                    receive(tab, &mut stored);
                }
            }
        }
        for _ in 0..2 {
            for tab in &mut tabs {
                receive(tab, &mut stored);
            }
        }
        prop_assert_eq!(&tabs[0].answers, &tabs[1].answers);
        prop_assert_eq!(&tabs[0].answers, &stored.answers);
        for q in &qs {
            let expected = match latest.get(q) {
                Some(a) => a.as_ref(),
                None => base.answers.get(*q),
            };
            prop_assert_eq!(stored.answers.get(*q), expected, "question {}", q);
        }
    }

    /// The merge of answers does not depend on which tab merges.
    #[test]
    fn merge_is_commutative_on_answers(
        a in proptest::collection::vec((0..6usize, proptest::option::of(0..6usize), 0..5u64), 0..12),
        b in proptest::collection::vec((0..6usize, proptest::option::of(0..6usize), 0..5u64), 0..12),
        ra in proptest::option::of(0..5u64),
        rb in proptest::option::of(0..5u64),
    ) {
        let qs = practice_questions(6);
        let build = |edits: &[(usize, Option<usize>, u64)], replaced| {
            let mut d = AnswersDocument { replaced_at: replaced, ..AnswersDocument::default() };
            for (q, a, t) in edits {
                d.set_answer(qs[*q], a.map(practice), *t);
            }
            d
        };
        let (da, db) = (build(&a, ra), build(&b, rb));
        let (ab, ba) = (merge(&da, &db), merge(&db, &da));
        prop_assert_eq!(&ab.document.answers, &ba.document.answers);
        prop_assert_eq!(ab.lost(Side::Ours), ba.lost(Side::Theirs));
    }
}

#[test]
fn snapshots_round_trip_and_rotate_through_the_oldest_slot() {
    let c = catalog();
    let q = practice_questions(1)[0];
    let mut document = AnswersDocument::default();
    document.set_answer(q, Some(practice(1)), 42);
    let snap = Snapshot {
        reason: Reason::Import,
        taken_at: 1_000,
        document,
    };
    let back = Snapshot::decode(c, &snap.to_json(c)).expect("reads back");
    assert_eq!(back.reason, Reason::Import);
    assert_eq!(back.taken_at, 1_000);
    assert_eq!(back.document.answers, snap.document.answers);
    assert!(Snapshot::decode(c, "{\"format\":\"carryover-answers\"}").is_err());
    assert_eq!(slot_for_next(&[Some(5), None, Some(1)]), 1);
    assert_eq!(
        slot_for_next(&[Some(5), Some(2), Some(9), Some(7), Some(8)]),
        1
    );
    assert_eq!(KEEP, 5);
    for r in Reason::ALL {
        assert_eq!(Reason::from_id(r.id()), Some(r));
    }
}

#[test]
fn a_byte_order_mark_is_accepted_and_invalid_utf8_refused() {
    let c = catalog();
    let doc = br#"{"format":"carryover-answers","version":1,"answers":{"soc2":"type2"}}"#;
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(doc);
    assert_eq!(
        decode_bytes(c, &with_bom)
            .expect("BOM")
            .document
            .answers
            .len(),
        1
    );
    let mut bad = doc.to_vec();
    bad.insert(60, 0xFF);
    let err = decode_bytes(c, &bad).expect_err("invalid UTF-8");
    assert_eq!(err, DecodeError::NotUtf8 { offset: 60 });
    let message = err.message(c, "en");
    assert!(message.contains("not UTF-8"), "{message}");
}

#[test]
fn too_many_entries_that_fit_no_question_are_refused_with_the_reason() {
    let c = catalog();
    let many: String = (0..50_000)
        .map(|i| format!("\"unknown_{i}\":\"x\""))
        .collect::<Vec<_>>()
        .join(",");
    let text = format!("{{\"format\":\"carryover-answers\",\"version\":1,\"answers\":{{{many}}}}}");
    let started = std::time::Instant::now();
    let err = decode(c, &text).expect_err("refused");
    assert_eq!(
        err,
        DecodeError::TooManyUnfit {
            limit: MAX_UNFIT_ENTRIES
        }
    );
    let message = err.message(c, "en");
    assert!(message.contains("200"), "{message}");
    assert!(started.elapsed().as_secs() < 2);
    // At the limit it still loads, with every entry kept aside.
    let some: String = (0..MAX_UNFIT_ENTRIES)
        .map(|i| format!("\"unknown_{i}\":\"x\""))
        .collect::<Vec<_>>()
        .join(",");
    let text = format!("{{\"format\":\"carryover-answers\",\"version\":1,\"answers\":{{{some}}}}}");
    assert_eq!(
        decode(c, &text).expect("loads").document.rejected.len(),
        MAX_UNFIT_ENTRIES
    );
}

#[test]
fn share_links_open_in_every_pasted_form() {
    let c = catalog();
    let mut document = AnswersDocument::default();
    document.set_answer(practice_questions(1)[0], Some(practice(2)), 7);
    let payload = share::encode(c, &document);
    for form in [
        payload.clone(),
        format!("#share={payload}"),
        format!("share={payload}"),
        format!("#{payload}"),
        format!("http://127.0.0.1:8080/#share={payload}"),
        format!("  https://example.org/carryover/index.html#share={payload}\n"),
    ] {
        let opened =
            share::decode(c, &form).unwrap_or_else(|e| panic!("{form}: {}", e.message(c, "en")));
        assert_eq!(opened.document.answers, document.answers, "{form}");
        // The change times stay on the device that made them.
        assert!(opened.document.changed.is_empty());
    }
}

#[test]
fn control_characters_are_escaped_in_messages() {
    assert_eq!(
        escape_control("a\u{7}b\u{1b}[31mc\0"),
        "a\\u{7}b\\u{1b}[31mc\\u{0}"
    );
    assert_eq!(escape_control("plain — text"), "plain — text");
    let c = catalog();
    // JSON escapes: the decoded key holds a real BEL.
    let text = r#"{"format":"carryover-answers","version":1,"answers":{"bell\u0007":"x"}}"#;
    let decoded = decode(c, text).expect("loads");
    for issue in &decoded.issues {
        let message = issue.message(c, "en");
        assert!(!message.chars().any(char::is_control), "{message}");
    }
    let err = share::decode(c, "v\u{1b}9.abc").expect_err("wrong version");
    let message = err.message(c, "en");
    assert!(!message.chars().any(char::is_control), "{message}");
}

/// The storage a snapshot of a full set of answers takes (reported in issue 13's closing note):
/// every question answered, each with a change time, plus a replace time.
#[test]
fn a_full_snapshot_takes_a_few_kilobytes() {
    let c = catalog();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ai-provider-hiring.json"
    ))
    .expect("fixture");
    let mut document = decode(c, &text).expect("loads").document;
    let answered: Vec<usize> = document.answers.iter().map(|(q, _)| q).collect();
    for q in answered {
        document.changed.insert(q, 1_764_460_000_000 + q as u64);
    }
    document.replaced_at = Some(1_764_460_000_000);
    let stored = document.to_json(c).len();
    let snapshot = Snapshot {
        reason: Reason::Import,
        taken_at: 1_764_460_000_000,
        document,
    }
    .to_json(c)
    .len();
    eprintln!(
        "answers document {stored} bytes; one snapshot {snapshot} bytes; {KEEP} snapshots {} bytes",
        KEEP * snapshot
    );
    assert!(snapshot < 4 * 1024, "{snapshot}");
}
