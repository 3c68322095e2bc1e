//! Issue 11, scenario by scenario: direct answers win over neighbouring partial rows, the baseline
//! counts (confidence, suggestions, the published figures shown), the roadmap honours the
//! impact-assessment warning, the audit cycle is counted once, and there is no result without
//! answers. Each test names its scenario and says why the expected outcome is right.

use carryover_engine::baseline::Confidence;
use carryover_engine::export::date::Date;
use carryover_engine::export::report::Report;
use carryover_engine::export::why;
use carryover_engine::model::{Maturity, PracticeAnswer, Relation};
use carryover_engine::{Answer, Answers, Assessment, Catalog, assess, decode};

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

fn fixture(name: &str) -> Answers {
    let c = catalog();
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture exists");
    decode(c, &text).expect("fixture decodes").document.answers
}

fn set(answers: &mut Answers, question: &str, answer: Answer) {
    let qi = catalog().question_index(question).expect("known question");
    answers.insert(qi, answer);
}

fn practice(answers: &mut Answers, question: &str, m: Maturity) {
    set(
        answers,
        question,
        Answer::Practice(PracticeAnswer::Maturity(m)),
    );
}

fn choice(answers: &mut Answers, question: &str, id: &str) {
    set(answers, question, Answer::Choice(id.to_owned()));
}

fn requirement<'a>(a: &'a Assessment, id: &str) -> &'a carryover_engine::score::RequirementResult {
    a.requirements.iter().find(|r| r.id == id).expect("present")
}

/// The stated share of `question`'s partial cover row for `requirement`.
fn share(question: &str, requirement: &str) -> f64 {
    let c = catalog();
    let q = c.question(question).expect("known");
    let ri = c.requirement_index(requirement).expect("known");
    let cover = q
        .covers
        .iter()
        .find(|cv| cv.requirement == ri)
        .expect("covers it");
    assert_eq!(cover.relation, Relation::Partial);
    cover.share
}

#[test]
fn ai_policy_not_in_place_beside_a_provable_security_policy_gets_only_the_stated_share() {
    // The first finding: with the AI policy answered "not in place" and the security
    // policy effective and provable, 5.2 showed 0.70 credit. Only the approval, publication and
    // review machinery is reused, so the credit is that row's stated share (0.2), and the "why"
    // says it is a head start and how much it can count for.
    let c = catalog();
    let mut answers = fixture("mature-iso27001-no-ai-governance");
    practice(&mut answers, "ai_policy", Maturity::NotInPlace);
    practice(
        &mut answers,
        "security_governance",
        Maturity::EffectiveAndProvable,
    );
    let a = assess(c, &answers);
    let r = requirement(&a, "5.2");
    let stated = share("security_governance", "5.2");
    assert!((r.credit - stated).abs() < 1e-12, "credit {}", r.credit);
    assert!(
        stated <= 0.25,
        "an AI policy reuses little of a security policy"
    );
    let line = why(c, "en", r);
    assert!(line.starts_with("Head start from"), "{line}");
    assert!(line.contains("approval, publication and review"), "{line}");
    assert!(
        line.contains(&format!("at most {}%", (stated * 100.0).round())),
        "{line}"
    );
    // Answering the AI policy itself moves the requirement to inherited: direct answers win.
    practice(&mut answers, "ai_policy", Maturity::EffectiveAndProvable);
    let b = assess(c, &answers);
    assert!((requirement(&b, "5.2").credit - 1.0).abs() < 1e-12);
    // And one answer no longer swings readiness by a dozen points through a partial row: going
    // from nothing to a provable security policy moves the AI-policy requirements by at most their
    // shares.
    let mut none = answers.clone();
    practice(&mut none, "ai_policy", Maturity::NotInPlace);
    practice(&mut none, "security_governance", Maturity::NotInPlace);
    let low = assess(c, &none).readiness.score;
    assert!(
        a.readiness.score >= low && a.readiness.score - low <= 10,
        "{low} → {}",
        a.readiness.score
    );
}

#[test]
fn management_mechanics_reuse_more_than_ai_content() {
    // Shares are chosen per row: a review agenda that only needs AI inputs added, or a policy
    // review cycle the AI policy just joins, reuses most of the work; an AI policy built on a
    // security policy, or AI requirements built on change requirements, reuse little.
    assert!(share("management_review", "9.3.2") >= 0.6);
    assert!(share("document_control", "A.2.4") >= 0.6);
    assert!(share("security_governance", "5.2") <= 0.2);
    assert!(share("security_governance", "A.2.2") <= 0.2);
    assert!(share("change_management", "A.6.2.2") <= 0.2);
}

fn baseline_variant(iso: &str, soc2: &str) -> Assessment {
    let mut answers = fixture("mature-iso27001-no-ai-governance");
    choice(&mut answers, "iso27001", iso);
    choice(&mut answers, "soc2", soc2);
    assess(catalog(), &answers)
}

#[test]
fn the_baseline_changes_confidence_and_figures_but_not_the_score() {
    // Same practice answers, four baselines. The practice answers decide the score; the baseline
    // decides how far those answers are attested and which published figures describe the
    // respondent.
    let certified = baseline_variant("certified", "none");
    let none = baseline_variant("none", "none");
    let soc2 = baseline_variant("none", "type2");
    let both = baseline_variant("certified", "type2");
    for x in [&none, &soc2, &both] {
        assert_eq!(x.readiness.score, certified.readiness.score);
    }
    // Confidence: certified → the program practices are attested by ISO 27001.
    let attested = |a: &Assessment| {
        a.baseline
            .confidence
            .iter()
            .filter(|c| c.confidence == Confidence::Attested)
            .count()
    };
    assert_eq!(
        attested(&certified),
        certified.baseline.confidence.len(),
        "every program practice names ISO 27001 items"
    );
    assert_eq!(attested(&none), 0, "nobody independent checked anything");
    // SOC 2 Type II attests only the practices whose refs name SOC 2 criteria.
    let soc2_attested = attested(&soc2);
    assert!(soc2_attested > 0 && soc2_attested < soc2.baseline.confidence.len());
    assert!(
        soc2.baseline
            .confidence
            .iter()
            .filter(|c| c.confidence == Confidence::Attested)
            .all(|c| c.by == ["soc2"])
    );
    // Figures: ISO 27001 → all figures about ISO 27001; SOC 2 only → only those naming SOC 2,
    // with a note; none → no figure, with a note; both → everything.
    let ids = |a: &Assessment| a.baseline.figures.clone();
    assert_eq!(ids(&certified).len(), catalog().published.len());
    assert_eq!(ids(&both).len(), catalog().published.len());
    assert!(certified.baseline.figures_note.is_none());
    assert!(!ids(&soc2).is_empty());
    assert!(ids(&soc2).len() < ids(&certified).len());
    assert!(ids(&soc2).iter().all(|id| {
        catalog()
            .published
            .iter()
            .any(|f| &f.id == id && f.from.contains("soc2"))
    }));
    assert_eq!(soc2.baseline.figures_note.as_deref(), Some("soc2_only"));
    assert!(ids(&none).is_empty());
    assert_eq!(none.baseline.figures_note.as_deref(), Some("none"));
}

#[test]
fn a_certified_isms_with_weak_management_practices_is_flagged() {
    // A certificate means an auditor sampled the management-system practices; rating them not in
    // place contradicts it. The access-control practice is not a management-system practice (its
    // refs are Annex A controls), so rating it low raises no flag.
    let mut answers = fixture("mature-iso27001-no-ai-governance");
    practice(&mut answers, "access_control", Maturity::NotInPlace);
    let a = assess(catalog(), &answers);
    assert!(a.warnings.iter().all(|w| w.id != "certified_inconsistent"));
    practice(
        &mut answers,
        "internal_audit",
        Maturity::InPlaceNotEffective,
    );
    let a = assess(catalog(), &answers);
    let w = a
        .warnings
        .iter()
        .find(|w| w.id == "certified_inconsistent")
        .expect("flagged");
    assert_eq!(w.related, ["internal_audit"]);
    // Not certified: the same answers are merely honest.
    choice(&mut answers, "iso27001", "aligned");
    let a = assess(catalog(), &answers);
    assert!(a.warnings.iter().all(|w| w.id != "certified_inconsistent"));
}

fn intake_only(iso: &str, soc2: &str) -> Answers {
    let full = fixture("mature-iso27001-no-ai-governance");
    let c = catalog();
    let mut answers = Answers::new();
    for (qi, q) in c.questions.iter().enumerate() {
        if q.family.is_none()
            && let Some(a) = full.get(qi)
        {
            answers.insert(qi, a.clone());
        }
    }
    choice(&mut answers, "iso27001", iso);
    choice(&mut answers, "soc2", soc2);
    answers
}

#[test]
fn suggestions_come_from_the_baseline_and_count_only_once_confirmed() {
    let c = catalog();
    // ISO 27001 certified: every program practice is suggested effective and provable, from the
    // certificate; AI practices get nothing (the certificate says nothing about AI).
    let a = assess(c, &intake_only("certified", "none"));
    let program: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| q.family == Some(carryover_engine::model::Family::Program))
        .map(|q| q.id.as_str())
        .collect();
    let suggested: Vec<&str> = a
        .baseline
        .suggestions
        .iter()
        .map(|s| s.question.as_str())
        .collect();
    assert_eq!(suggested, program);
    assert!(
        a.baseline
            .suggestions
            .iter()
            .all(|s| s.rule == "iso27001_certified" && s.answer == Maturity::EffectiveAndProvable)
    );
    // Unconfirmed suggestions are not scored.
    assert_eq!(a.readiness.score, 0);
    // SOC 2 Type I only: in place, not yet effective (design at one date), and only for practices
    // whose refs name SOC 2 criteria.
    let a = assess(c, &intake_only("none", "type1"));
    assert!(!a.baseline.suggestions.is_empty());
    assert!(a.baseline.suggestions.len() < program.len());
    assert!(
        a.baseline
            .suggestions
            .iter()
            .all(|s| s.answer == Maturity::InPlaceNotEffective)
    );
    // Certified and Type II: the higher suggestion wins.
    let a = assess(c, &intake_only("certified", "type1"));
    assert!(
        a.baseline
            .suggestions
            .iter()
            .all(|s| s.answer == Maturity::EffectiveAndProvable)
    );
    // No program: nothing to suggest.
    let a = assess(c, &intake_only("none", "none"));
    assert!(a.baseline.suggestions.is_empty());
    // Confirming writes the normal answer; the suggestion then disappears.
    let mut answers = intake_only("certified", "none");
    practice(
        &mut answers,
        "internal_audit",
        Maturity::EffectiveAndProvable,
    );
    let a = assess(c, &answers);
    assert!(
        a.baseline
            .suggestions
            .iter()
            .all(|s| s.question != "internal_audit")
    );
    assert!(a.readiness.score > 0);
}

#[test]
fn impact_assessment_leads_the_roadmap_when_ai_shapes_decisions_about_people() {
    // The warning says "start with impact assessments"; the roadmap now agrees: 6.1.4, 8.4 and
    // A.5.x are its first items, in that order.
    let a = assess(catalog(), &fixture("ai-provider-hiring"));
    assert!(a.warnings.iter().any(|w| w.id == "impact_first"));
    let first: Vec<&str> = a.roadmap[0]
        .items
        .iter()
        .take(6)
        .map(|i| i.requirement.as_str())
        .collect();
    let open: Vec<&str> = ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]
        .into_iter()
        .filter(|id| a.requirements.iter().any(|r| &r.id == id && r.credit < 1.0))
        .collect();
    assert!(!open.is_empty());
    assert_eq!(&first[..open.len()], &open[..]);
    // Without consequential uses the roadmap keeps its phase order.
    let m = assess(catalog(), &fixture("mature-iso27001-no-ai-governance"));
    assert!(m.roadmap[0].items.iter().all(|i| i.requirement != "6.1.4"));
}

#[test]
#[allow(clippy::float_cmp)] // half months are exact in f64
fn the_audit_cycle_is_counted_once() {
    // Its person-days are in the total, and they are spent inside its calendar month: months are
    // the days before the cycle over capacity, plus the cycle's month.
    let c = catalog();
    let a = assess(c, &fixture("mature-iso27001-no-ai-governance"));
    let e = &a.effort;
    let before = e.days - c.effort.audit_days;
    let half = |x: f64| (x * 2.0).ceil() / 2.0;
    assert_eq!(
        e.months_low,
        half(before * c.effort.range_low / c.effort.capacity_high + c.effort.audit_months)
    );
    assert_eq!(
        e.months_high,
        half(before * c.effort.range_high / c.effort.capacity_low + c.effort.audit_months)
    );
}

#[test]
fn no_result_without_answers() {
    let c = catalog();
    // Nothing answered: the intake is missing and no practice is answered.
    let a = assess(c, &Answers::new());
    assert!(!a.missing.complete());
    assert!(!a.missing.intake.is_empty());
    assert_eq!(a.missing.practices_answered, 0);
    assert_eq!(
        a.missing.sections.first().map(String::as_str),
        Some("intake")
    );
    // Intake done, practices not: still no result, and it says how many are needed.
    let a = assess(c, &intake_only("certified", "none"));
    assert!(a.missing.intake.is_empty());
    assert!(!a.missing.complete());
    assert!(a.missing.practices_needed > 0);
    // A full persona: a result.
    assert!(
        assess(c, &fixture("mature-iso27001-no-ai-governance"))
            .missing
            .complete()
    );
}

#[test]
fn the_report_ends_with_how_the_estimate_is_made() {
    let c = catalog();
    let answers = fixture("soc2-type2-only");
    let a = assess(c, &answers);
    let date = Date::new(2026, 11, 30).expect("valid date");
    let r = Report::build(c, &a, &answers, "en", date);
    let last = r.sections.last().expect("sections");
    assert_eq!(last.id, "method");
    let md = r.to_markdown();
    assert!(md.contains("How this estimate is made"));
    // Every constant names its sources in the appendix.
    for s in &c.effort.sources {
        assert!(
            md.contains(&s.title.replace('?', "\\?")) || md.contains(&s.title),
            "{}",
            s.title
        );
    }
    // SOC 2 only: the report shows only SOC 2 figures, with the note why.
    assert!(md.contains("Few published figures are about SOC 2 alone"));
}
