//! Properties every assessment must have, over randomly generated answers:
//! bounds, monotonicity (a better practice answer never lowers a score or a coverage figure),
//! independence from answer order, and no answer entry silently dropped.

use carryover_engine::model::{Maturity, PracticeAnswer, QuestionKind, Relation};
use carryover_engine::score::Progress;
use carryover_engine::{Answer, Answers, AnswersDocument, Assessment, Catalog, assess, decode};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

/// Builds answers from one random number per question (0 = unanswered).
fn answers_from(seed: &[u16]) -> Answers {
    let c = catalog();
    let mut a = Answers::new();
    for (qi, (q, &s)) in c.questions.iter().zip(seed).enumerate() {
        if s % 7 == 0 {
            continue;
        }
        let s = usize::from(s);
        let answer = match q.kind {
            QuestionKind::Single => Answer::Choice(q.choices[s % q.choices.len()].id.clone()),
            QuestionKind::Multi => Answer::Choices(
                q.choices
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (s >> i) & 1 == 1)
                    .map(|(_, c)| c.id.clone())
                    .collect(),
            ),
            QuestionKind::Practice => {
                Answer::Practice(PracticeAnswer::ALL[s % PracticeAnswer::ALL.len()])
            }
        };
        a.insert(qi, answer);
    }
    a
}

fn seeds() -> impl Strategy<Value = Vec<u16>> {
    proptest::collection::vec(any::<u16>(), catalog().questions.len())
}

fn check_bounds(a: &Assessment) {
    assert!(a.readiness.score <= 100);
    for s in [&a.overlap.clauses, &a.overlap.annex, &a.overlap.all] {
        for p in [
            s.inherited_pct,
            s.extend_pct,
            s.net_new_pct,
            s.effort_done_pct,
        ] {
            assert!(p <= 100);
        }
        assert!(s.remaining_days >= -1e-9 && s.remaining_days <= s.full_days + 1e-9);
    }
    for ar in &a.areas {
        assert!(ar.score.is_none_or(|s| s <= 100));
    }
    for r in &a.requirements {
        assert!(
            (0.0..=1.0).contains(&r.credit),
            "{} credit {}",
            r.id,
            r.credit
        );
    }
    assert_eq!(a.overlap.all.counts.total(), catalog().requirements.len());
    let e = &a.effort;
    assert!(e.days >= 0.0 && e.days_low <= e.days_high && e.months_low <= e.months_high);
    assert!(e.lines.iter().all(|l| l.days >= 0.0));
    assert!(a.progress.answered <= a.progress.total);
}

/// Figures that must never go down when a practice answer improves.
fn coverage(a: &Assessment) -> Vec<f64> {
    let mut v = vec![f64::from(a.readiness.score), a.readiness.weighted_credit];
    for s in [&a.overlap.clauses, &a.overlap.annex, &a.overlap.all] {
        v.push(f64::from(s.inherited_pct));
        v.push(f64::from(s.effort_done_pct));
        v.push((s.counts.inherited + s.counts.extend) as f64);
        v.push(-s.remaining_days);
    }
    v.extend(a.areas.iter().map(|ar| ar.score.map_or(0.0, f64::from)));
    v.extend(a.requirements.iter().map(|r| r.credit));
    v.push(-a.effort.days);
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scores_stay_within_bounds(seed in seeds()) {
        check_bounds(&assess(catalog(), &answers_from(&seed)));
    }

    #[test]
    fn a_better_practice_answer_never_lowers_a_figure(seed in seeds(), pick in any::<usize>(), step in 1usize..4) {
        let c = catalog();
        let practices: Vec<usize> = c.questions.iter().enumerate()
            .filter(|(_, q)| q.kind == QuestionKind::Practice).map(|(i, _)| i).collect();
        let qi = practices[pick % practices.len()];
        let before = answers_from(&seed);
        // Current level: unanswered and "don't know" count as not in place.
        let level = match before.practice(qi) {
            Some(PracticeAnswer::Maturity(m)) => Maturity::ALL.iter().position(|x| *x == m).unwrap_or(0),
            Some(PracticeAnswer::NotApplicable) => return Ok(()),
            Some(PracticeAnswer::DontKnow) | None => 0,
        };
        let raised = Maturity::ALL[(level + step).min(3)];
        let mut after = before.clone();
        after.insert(qi, Answer::Practice(PracticeAnswer::Maturity(raised)));
        let (b, a) = (coverage(&assess(c, &before)), coverage(&assess(c, &after)));
        for (i, (x, y)) in b.iter().zip(&a).enumerate() {
            prop_assert!(y + 1e-9 >= *x, "figure #{} fell from {} to {} when {} rose to {:?}", i, x, y, c.questions[qi].id, raised);
        }
    }

    #[test]
    fn progress_alone_equals_the_full_assessments(seed in seeds()) {
        let answers = answers_from(&seed);
        prop_assert_eq!(Progress::of(catalog(), &answers), assess(catalog(), &answers).progress);
    }

    #[test]
    fn the_order_of_answers_does_not_matter(seed in seeds()) {
        let c = catalog();
        let doc = AnswersDocument::new(answers_from(&seed));
        let json: Value = serde_json::from_str(&doc.to_json(c)).expect("own output parses");
        let mut reversed = json.clone();
        let entries: Vec<(String, Value)> = json["answers"].as_object().expect("object")
            .iter().rev().map(|(k, v)| (k.clone(), v.clone())).collect();
        // serde_json's Map keeps insertion order only with preserve_order; build the text by hand.
        let body: Vec<String> = entries.iter().map(|(k, v)| format!("{}:{}", Value::String(k.clone()), v)).collect();
        reversed["answers"] = Value::Object(Map::new());
        let text = reversed.to_string().replace("\"answers\":{}", &format!("\"answers\":{{{}}}", body.join(",")));
        let one = assess(c, &decode(c, &doc.to_json(c)).expect("decodes").document.answers);
        let two = assess(c, &decode(c, &text).expect("decodes").document.answers);
        prop_assert_eq!(serde_json::to_string(&one).expect("json"), serde_json::to_string(&two).expect("json"));
    }

    #[test]
    fn unknown_keys_are_reported_and_kept(seed in seeds(), key in "[a-z_]{3,12}", n in any::<i32>()) {
        let c = catalog();
        prop_assume!(c.question(&key).is_none());
        let doc = AnswersDocument::new(answers_from(&seed));
        let mut v: Value = serde_json::from_str(&doc.to_json(c)).expect("json");
        v["answers"][&key] = Value::from(n);
        v[format!("x_{key}")] = Value::from("kept");
        let decoded = decode(c, &v.to_string()).expect("still decodes");
        let paths: Vec<&str> = decoded.issues.iter().map(|i| i.path.as_str()).collect();
        let answer_path = format!("answers.{key}");
        let field_path = format!("x_{key}");
        prop_assert!(paths.contains(&answer_path.as_str()));
        prop_assert!(paths.contains(&field_path.as_str()));
        // Saving again loses nothing.
        let again: Value = serde_json::from_str(&decoded.document.to_json(c)).expect("json");
        prop_assert_eq!(&again["rejected"][&key], &Value::from(n));
        prop_assert_eq!(&again[format!("x_{key}")], &Value::from("kept"));
    }

    #[test]
    fn each_win_is_what_a_full_rescore_gives(seed in seeds()) {
        let c = catalog();
        let answers = answers_from(&seed);
        let before = assess(c, &answers);
        for w in &before.wins {
            let qi = c.question_index(&w.question).expect("win names a question");
            let mut improved = answers.clone();
            improved.insert(qi, Answer::Practice(PracticeAnswer::Maturity(Maturity::EffectiveAndProvable)));
            let after = assess(c, &improved);
            let gain = 100.0 * (after.readiness.weighted_credit - before.readiness.weighted_credit)
                / before.readiness.weight_total;
            prop_assert!((gain - w.readiness_gain).abs() < 1e-9, "{}: {} vs {}", w.question, gain, w.readiness_gain);
            let saved = before.overlap.all.remaining_days - after.overlap.all.remaining_days;
            prop_assert!((saved - w.days_saved).abs() < 1e-9);
        }
        // Wins are sorted, positive, and at most the configured count.
        prop_assert!(before.wins.len() <= c.rules.wins);
        prop_assert!(before.wins.windows(2).all(|p| p[0].readiness_gain >= p[1].readiness_gain));
        prop_assert!(before.wins.iter().all(|w| w.readiness_gain > 0.0));
    }

    #[test]
    fn a_direct_practice_not_in_place_leaves_at_most_the_largest_partial_share(seed in seeds(), pick in any::<usize>()) {
        // Issue 11: a neighbouring practice gives a head start, never more than its stated share.
        // Pick a requirement, answer every practice that fully covers it "not in place": its credit
        // can then come only from partial rows, so it is at most the largest of their shares.
        let c = catalog();
        let ri = pick % c.requirements.len();
        let mut answers = answers_from(&seed);
        for &(qi, ci) in &c.supports[ri] {
            if c.questions[qi].covers[ci].relation == Relation::Full {
                answers.insert(qi, Answer::Practice(PracticeAnswer::Maturity(Maturity::NotInPlace)));
            }
        }
        let largest = c.supports[ri].iter()
            .map(|&(qi, ci)| &c.questions[qi].covers[ci])
            .filter(|cv| cv.relation == Relation::Partial)
            .map(|cv| cv.share)
            .fold(0.0_f64, f64::max);
        let a = assess(c, &answers);
        let r = &a.requirements[ri];
        prop_assert!(r.credit <= largest + 1e-12, "{}: credit {} above largest partial share {}", r.id, r.credit, largest);
        // And every row's credit is at most its own share.
        for s in &r.support {
            prop_assert!(s.credit <= s.share + 1e-12);
        }
    }

    #[test]
    fn the_decoder_never_panics_on_arbitrary_text(text in ".{0,200}") {
        let _ = decode(catalog(), &text);
    }

    #[test]
    fn the_decoder_never_panics_on_arbitrary_values(v in arb_json()) {
        let c = catalog();
        let _ = decode(c, &v.to_string());
        let doc = serde_json::json!({"format": "carryover-answers", "version": 1, "answers": v});
        let _ = decode(c, &doc.to_string());
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        Just(Value::from("effective_and_provable")),
        Just(Value::from("certified")),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_0-9]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
