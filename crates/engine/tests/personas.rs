//! Named personas with expected outcomes, asserted on ranges. Each fixture under `fixtures/` is an
//! answers document a real prospect could have produced; the comments say why each range is right.

use carryover_engine::effort::EffortKind;
use carryover_engine::score::NotApplicable;
use carryover_engine::{Assessment, Catalog, Status, assess, decode};

fn run(name: &str) -> Assessment {
    let c = Catalog::builtin().expect("valid content");
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let d = decode(c, &text).expect("fixture decodes");
    assert!(
        d.issues.is_empty(),
        "{name}: fixture must fit the content: {:?}",
        d.issues
    );
    let a = assess(c, &d.document.answers);
    assert!(
        a.unanswered.is_empty(),
        "{name}: fixture must answer every visible question: {:?}",
        a.unanswered
    );
    a
}

fn warnings(a: &Assessment) -> Vec<&str> {
    a.warnings.iter().map(|w| w.id.as_str()).collect()
}

fn overlaps(low: f64, high: f64, lo: f64, hi: f64) -> bool {
    low <= hi && lo <= high
}

#[test]
fn mature_iso27001_without_ai_governance_is_a_quarter_to_a_half_of_the_way() {
    let a = run("mature-iso27001-no-ai-governance");
    // Issue 11 recalibration. The articles' "about half" / "50–60 %" count requirements an ISMS
    // touches at all; our count of requirements with any head start (inherited + extend) is the
    // comparable figure and lands at or above it …
    let touched = a.overlap.all.inherited_pct + a.overlap.all.extend_pct;
    assert!((50..=80).contains(&touched), "touched {touched}");
    // … while readiness credits only what is really reused (per-row shares), so a certified ISMS
    // with no AI governance sits between a quarter and a half.
    assert!(
        (25..=50).contains(&a.readiness.score),
        "readiness {}",
        a.readiness.score
    );
    // Share of effort already done: inside the published envelope (a fifth to a third of the
    // effort rides on existing work; about half at most) and never above the readiness score.
    let done = a.overlap.all.effort_done_pct;
    assert!((20..=50).contains(&done), "effort done {done}");
    assert!(done <= a.readiness.score, "{done} > {}", a.readiness.score);
    // Clauses carry more than Annex A, where the AI-specific, net-new work is.
    assert!(a.overlap.clauses.effort_done_pct > a.overlap.annex.effort_done_pct);
    assert!(a.overlap.annex.net_new_pct >= 35, "{:?}", a.overlap.annex);
    // New AI artifacts and per-system work outweigh procedural extensions (integration guide:
    // 2–4 months of new artifacts against 4–8 weeks of extension).
    let line = |k: EffortKind| {
        a.effort
            .lines
            .iter()
            .find(|l| l.kind == k)
            .map_or(0.0, |l| l.days)
    };
    let new_work = line(EffortKind::NewArtifacts) + line(EffortKind::PerSystem);
    assert!(
        new_work > 1.5 * line(EffortKind::Extend),
        "new {new_work} vs extend {}",
        line(EffortKind::Extend)
    );
    // The integration guide: four to six months for a mature ISMS.
    assert!(
        overlaps(a.effort.months_low, a.effort.months_high, 4.0, 6.0),
        "{}–{} months",
        a.effort.months_low,
        a.effort.months_high
    );
    assert!(a.effort.months_low >= 3.5 && a.effort.months_high <= 7.5);
    // A working program: no foundation warning, no second-audit risk.
    assert!(!warnings(&a).contains(&"foundation_weak"));
    assert!(a.second_audit_risks.is_empty());
    // The biggest wins are AI practices (the program is already provable).
    assert!(!a.wins.is_empty());
    assert!(a.wins.iter().all(|w| !w.question.contains("access")));
}

#[test]
fn soc2_type2_only_takes_longer_than_iso27001() {
    let mature = run("mature-iso27001-no-ai-governance");
    let a = run("soc2-type2-only");
    // SOC 2 has strong controls but no ISO management-system layer (internal audit, management
    // review), so less carries over into clauses 4–10 and the road is longer.
    assert!(a.readiness.score < mature.readiness.score);
    assert!(a.overlap.clauses.effort_done_pct < mature.overlap.clauses.effort_done_pct);
    assert!(a.effort.months_high > mature.effort.months_high);
    assert!(a.effort.days > mature.effort.days);
    for w in ["integration_undecided", "no_cert_body"] {
        assert!(warnings(&a).contains(&w), "{w}");
    }
}

#[test]
fn nothing_in_place_starts_from_zero_with_the_foundation() {
    let a = run("nothing-in-place");
    assert!(a.readiness.score <= 5);
    assert_eq!(a.readiness.band, "early");
    assert_eq!(
        a.overlap.all.counts.inherited + a.overlap.all.counts.extend,
        0
    );
    assert_eq!(a.overlap.all.effort_done_pct, 0);
    // ISO 42001 assumes a working security program: that comes first.
    assert!(warnings(&a).contains(&"foundation_weak"));
    assert_eq!(
        a.warnings[0].phase,
        carryover_engine::model::Phase::Foundation
    );
    // The longest road of all personas.
    for other in [
        "mature-iso27001-no-ai-governance",
        "soc2-type2-only",
        "ai-provider-hiring",
    ] {
        assert!(
            a.effort.months_high > run(other).effort.months_high,
            "vs {other}"
        );
    }
    // Building everything, security base included, from nothing: well beyond the 4–6 months of a
    // mature ISMS (recalibrated in issue 11; the full build is about 130 person-days plus 60 for
    // the security base).
    assert!(a.effort.months_low >= 7.0, "{}", a.effort.months_low);
}

#[test]
fn certified_but_not_provable_inherits_nothing() {
    let mature = run("mature-iso27001-no-ai-governance");
    let a = run("iso27001-certified-not-provable");
    // Only effective-and-provable carries over: a certificate on effective-but-undocumented
    // practices leaves nothing to inherit, and every fully matching row is a second-audit risk.
    assert_eq!(a.overlap.all.counts.inherited, 0);
    assert!(warnings(&a).contains(&"second_audit"));
    assert!(
        a.second_audit_risks.len() >= 5,
        "{:?}",
        a.second_audit_risks
    );
    assert!(a.readiness.score + 10 <= mature.readiness.score);
    assert!(a.effort.days > mature.effort.days);
}

#[test]
fn everything_provable_is_ready_but_for_the_audit_cycle() {
    let a = run("everything-provable");
    assert_eq!(a.readiness.score, 100);
    assert_eq!(a.readiness.band, "ready");
    assert_eq!(
        a.overlap.all.counts.extend + a.overlap.all.counts.net_new,
        0
    );
    assert!(
        a.requirements
            .iter()
            .all(|r| matches!(r.status, Status::Inherited | Status::NotApplicable))
    );
    // Only the internal audit and management review cycle remains.
    let c = Catalog::builtin().expect("valid");
    assert!((a.effort.days - c.effort.audit_days).abs() < 1e-9);
    assert!(a.effort.months_high <= 2.0);
    assert!(a.wins.is_empty());
    assert!(a.warnings.is_empty(), "{:?}", warnings(&a));
}

#[test]
fn ai_provider_with_hiring_use_case_puts_impact_assessment_first() {
    let mature = run("mature-iso27001-no-ai-governance");
    let a = run("ai-provider-hiring");
    // Consequential decisions about people: impact assessment first, heavier AI work.
    assert!(warnings(&a).contains(&"impact_first"));
    assert!(
        warnings(&a).contains(&"eu_ai_act"),
        "EU market: ISO 42001 is not AI Act conformity"
    );
    let factors: Vec<&str> = a.effort.factors.iter().map(|f| f.id.as_str()).collect();
    assert!(factors.contains(&"consequential") && factors.contains(&"eu_market"));
    // Several AI systems: per-system work scales up.
    assert!(a.effort.systems > mature.effort.systems);
    assert!(a.effort.months_high > mature.effort.months_high);
    // Its partly-built AI practices count: more readiness than no AI governance at all.
    assert!(a.readiness.score > mature.readiness.score);
    // In-place AI practices that are not provable are second-audit risks.
    assert!(!a.second_audit_risks.is_empty());
    // Impact assessment (6.1.4) is on the roadmap, not yet done.
    let ia = a
        .requirements
        .iter()
        .find(|r| r.id == "6.1.4")
        .expect("present");
    assert_ne!(ia.status, Status::Inherited);
}

#[test]
fn ai_user_with_unknowns_is_scored_conservatively_and_scoped() {
    let a = run("ai-user-only-dont-know");
    // "Don't know" counts as not in place, and every such answer is listed.
    assert!(warnings(&a).contains(&"dont_know"));
    assert!(a.unknowns.len() >= 10, "{:?}", a.unknowns);
    // A pure user of AI neither builds nor provides it: development controls drop out of scope,
    // each with the reason from the catalog.
    let scoped_out: Vec<&str> = a
        .requirements
        .iter()
        .filter(|r| r.not_applicable == Some(NotApplicable::Scope))
        .map(|r| r.id.as_str())
        .collect();
    assert!(scoped_out.len() >= 3, "{scoped_out:?}");
    assert!(
        scoped_out.iter().all(|id| id.starts_with("A.")),
        "clauses never drop out"
    );
    assert!(a.overlap.clauses.counts.not_applicable == 0);
}
