//! From scorecard to proposal (issue 17): the budget arithmetic, its configuration, each what-if
//! path, and the diff between two assessments (also across content versions).

use carryover_engine::budget::{
    self, BudgetConfig, BudgetSettings, Range, budget, format_range, round_amount,
};
use carryover_engine::diff::{Direction, diff, diff_documents, render_text};
use carryover_engine::embed_config::{AmountProblem, ConfigProblem, resolve};
use carryover_engine::model::Status;
use carryover_engine::whatif::{self, WhatIf};
use carryover_engine::{Answers, Catalog, Maturity, PracticeAnswer, assess, decode};

mod export_support;
use export_support::PERSONAS;

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

fn defaults() -> &'static budget::BudgetDefaults {
    budget::builtin().expect("valid budget content")
}

fn fixture(name: &str) -> Answers {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    decode(catalog(), &text)
        .expect("fixture decodes")
        .document
        .answers
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

// ---------------------------------------------------------------- budget

#[test]
fn budget_content_names_a_source_for_every_figure() {
    let d = defaults();
    assert_eq!(d.settings.currency, "USD");
    let ids: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    for (figure, sources) in &d.figure_sources {
        assert!(!sources.is_empty(), "{figure}");
        assert!(
            sources.iter().all(|s| ids.contains(&s.as_str())),
            "{figure}"
        );
    }
    // The certification body's published range: stage 1 + 2 from the $20,000s.
    assert!(d.settings.audit_fee.low >= 20_000.0 && d.settings.audit_fee.high < 50_000.0);
    assert!(d.settings.surveillance_fee.low >= 13_000.0);
}

#[test]
fn budget_content_errors_are_reported() {
    let bad = r#"{"currency":"XYZ","day_rate":{"value":-1,"sources":["nope"]},
        "audit":{"low":5,"high":1,"sources":["a"]},"surveillance":{"low":1,"high":2,"sources":["a"]},
        "consultancy":{"share":2,"day_rate":1,"sources":["a"]},
        "year_one":{"iso27001_low":1,"iso27001_high":2,"iso27001_months_low":1,"iso27001_months_high":2,"sources":["a"]},
        "source":[{"id":"a","title":"t","publisher":"p","date":"d","note":"n"}]}"#;
    let errors = budget::validate(bad).expect_err("invalid");
    let all = errors.join("\n");
    for needle in [
        "unknown source `nope`",
        "XYZ",
        "`day_rate`",
        "`audit`",
        "consultancy.share",
    ] {
        assert!(all.contains(needle), "{needle} in {all}");
    }
}

#[test]
fn budget_is_days_times_rate_plus_fees() {
    for name in PERSONAS {
        let a = assess(catalog(), &fixture(name));
        let s = BudgetSettings {
            currency: "EUR".into(),
            day_rate: 700.0,
            audit_fee: Range {
                low: 18_000.0,
                high: 30_000.0,
            },
            surveillance_fee: Range {
                low: 9_000.0,
                high: 12_000.0,
            },
            consultancy_share: 0.25,
            consultancy_day_rate: 1_200.0,
        };
        let b = budget(&a.effort, &s);
        let (lo, hi) = (f64::from(a.effort.days_low), f64::from(a.effort.days_high));
        assert!(close(b.internal.low, lo * 0.75 * 700.0), "{name}");
        assert!(close(b.internal.high, hi * 0.75 * 700.0), "{name}");
        assert!(close(b.consultancy.low, lo * 0.25 * 1_200.0), "{name}");
        assert!(close(b.consultancy.high, hi * 0.25 * 1_200.0), "{name}");
        assert_eq!(b.audit, s.audit_fee);
        assert!(close(
            b.total.low,
            b.internal.low + b.consultancy.low + b.audit.low
        ));
        assert!(close(
            b.total.high,
            b.internal.high + b.consultancy.high + b.audit.high
        ));
        assert!(b.total.low <= b.total.high, "{name}");
        // Surveillance falls in later years: beside the total, not in it.
        assert_eq!(b.surveillance_per_year, s.surveillance_fee);
        assert_eq!(b.currency, "EUR");
    }
}

#[test]
fn budget_follows_the_days_and_the_rate() {
    let s = defaults().settings.clone();
    let weak = assess(catalog(), &fixture("nothing-in-place"));
    let strong = assess(catalog(), &fixture("everything-provable"));
    assert!(budget(&weak.effort, &s).total.low > budget(&strong.effort, &s).total.low);
    let mut dearer = s.clone();
    dearer.day_rate *= 2.0;
    assert!(budget(&weak.effort, &dearer).total.high > budget(&weak.effort, &s).total.high);
    // With no consultancy share the consultancy line is zero.
    assert!(close(s.consultancy_share, 0.0));
    assert!(close(budget(&weak.effort, &s).consultancy.high, 0.0));
}

#[test]
fn budget_config_keys_override_the_defaults() {
    let file = r#"{"day_rate": 950, "currency": "eur", "audit_fee": {"low": 15000, "high": 28000},
                   "consultancy_share": 0.5, "consultancy_day_rate": 1500, "include_budget": true}"#;
    let r = resolve(catalog(), Some(file), "");
    assert_eq!(r.problems, []);
    let c = &r.config.budget;
    assert!(!c.hidden && c.in_message);
    let s = BudgetSettings::with(&defaults().settings, c);
    assert_eq!(s.currency, "EUR");
    assert!(close(s.day_rate, 950.0));
    assert_eq!(
        s.audit_fee,
        Range {
            low: 15_000.0,
            high: 28_000.0
        }
    );
    assert!(close(s.consultancy_share, 0.5) && close(s.consultancy_day_rate, 1_500.0));
    // Surveillance keeps its published proportion to the stage 1 + 2 fee.
    let d = &defaults().settings;
    assert!(close(
        s.surveillance_fee.low,
        15_000.0 * d.surveillance_fee.low / d.audit_fee.low
    ));
    let hidden = resolve(catalog(), Some(r#"{"show_budget": false}"#), "");
    assert!(hidden.config.budget.hidden);
    assert_eq!(hidden.problems, []);
    let shown = resolve(catalog(), Some(r#"{"show_budget": true}"#), "");
    assert!(!shown.config.budget.hidden);
    assert!(!resolve(catalog(), None, "").config.budget.hidden);
}

#[test]
fn bad_budget_values_are_refused_with_the_reason_and_defaults_apply() {
    let bad = |key: &str, value: &str, reason| ConfigProblem::BadAmount {
        key: key.into(),
        value: value.into(),
        reason,
    };
    for (file, want) in [
        (
            r#"{"day_rate": 0}"#,
            bad("day_rate", "0", AmountProblem::NotPositive),
        ),
        (
            r#"{"day_rate": -300}"#,
            bad("day_rate", "-300", AmountProblem::NotPositive),
        ),
        (
            r#"{"day_rate": 20000000}"#,
            bad("day_rate", "20000000", AmountProblem::TooLarge),
        ),
        (
            r#"{"audit_fee": [30000, 20000]}"#,
            bad("audit_fee", "30000,20000", AmountProblem::Inverted),
        ),
        (
            r#"{"consultancy_share": 1.5}"#,
            bad("consultancy_share", "1.5", AmountProblem::NotAShare),
        ),
        (
            r#"{"currency": "DOGE"}"#,
            ConfigProblem::UnknownCurrency("DOGE".into()),
        ),
        (
            r#"{"day_rate": "lots"}"#,
            ConfigProblem::WrongType {
                key: "day_rate".into(),
                expected: "number",
            },
        ),
        (
            r#"{"currency": "GBP"}"#,
            ConfigProblem::CurrencyNeedsFigures("GBP".into()),
        ),
    ] {
        let r = resolve(catalog(), Some(file), "");
        assert_eq!(r.problems, std::slice::from_ref(&want), "{file}");
        let message = want.message(catalog(), "en");
        assert!(
            !message.contains("embed.") && !message.contains('{'),
            "worded from the locale: {message}"
        );
        let s = BudgetSettings::with(&defaults().settings, &r.config.budget);
        assert_eq!(s, defaults().settings, "{file}: defaults apply");
    }
    // Money settings never come from a URL someone else wrote.
    let r = resolve(catalog(), None, "day_rate=1&show_budget=false");
    assert_eq!(r.config.budget, BudgetConfig::default());
    assert_eq!(
        r.problems,
        [
            ConfigProblem::BudgetOnlyInFile("day_rate".into()),
            ConfigProblem::BudgetOnlyInFile("show_budget".into())
        ]
    );
}

#[test]
fn money_is_written_per_locale() {
    let r = Range {
        low: 20_000.0,
        high: 45_000.0,
    };
    assert_eq!(format_range(r, "USD", "en"), "$20,000–$45,000");
    assert_eq!(
        format_range(r, "USD", "fr"),
        "20\u{202f}000\u{202f}$–45\u{202f}000\u{202f}$"
    );
    assert_eq!(round_amount(12_499.0), 12_000);
    assert_eq!(round_amount(950.0), 1_000);
}

// ---------------------------------------------------------------- what-if

fn outcome_of<'a>(w: &'a WhatIf, id: &str) -> &'a whatif::Path {
    w.paths.iter().find(|p| p.id == id).expect("path exists")
}

#[test]
fn integration_what_if_separate_costs_more_and_readiness_stays() {
    let s = defaults().settings.clone();
    for name in PERSONAS {
        let answers = fixture(name);
        let Some(w) = whatif::integration(catalog(), &answers, Some(&s)) else {
            // Only where there is no program to extend (see the next test).
            assert_eq!(name, "nothing-in-place");
            continue;
        };
        let extend = outcome_of(&w, "extend");
        let separate = outcome_of(&w, "separate");
        assert_eq!(
            extend.outcome.readiness, separate.outcome.readiness,
            "{name}"
        );
        assert!(separate.outcome.days >= extend.outcome.days, "{name}");
        assert!(
            separate.outcome.days_high >= extend.outcome.days_high,
            "{name}"
        );
        let (bs, be) = (
            separate.outcome.budget.as_ref().expect("budget"),
            extend.outcome.budget.as_ref().expect("budget"),
        );
        assert!(bs.total.high >= be.total.high, "{name}");
        // The current plan is first and needs no change; the other names the one answer.
        let current: Vec<_> = w.paths.iter().filter(|p| p.current).collect();
        if answers_choice(&answers, "integration") == Some("undecided") {
            assert!(current.is_empty(), "{name}");
            assert!(w.paths.iter().all(|p| p.changes.len() == 1));
        } else {
            assert_eq!(current.len(), 1, "{name}");
            assert!(w.paths[0].current && w.paths[0].changes.is_empty());
            assert_eq!(w.paths[1].changes.len(), 1);
            assert_eq!(w.paths[1].changes[0].question, "integration");
        }
        // The figures are those of `assess` on the modified answers.
        let mut modified = answers.clone();
        let qi = catalog().question_index("integration").expect("question");
        modified.insert(qi, carryover_engine::Answer::Choice("separate".into()));
        assert_eq!(
            assess(catalog(), &modified).effort.days_low,
            separate.outcome.days_low
        );
    }
}

fn answers_choice<'a>(answers: &'a Answers, q: &str) -> Option<&'a str> {
    let qi = catalog().question_index(q)?;
    match answers.get(qi)? {
        carryover_engine::Answer::Choice(c) => Some(c.as_str()),
        _ => None,
    }
}

#[test]
fn wins_what_if_is_monotone() {
    for name in PERSONAS {
        let answers = fixture(name);
        let a = assess(catalog(), &answers);
        let Some(w) = whatif::wins_done(catalog(), &answers, &a, None) else {
            assert!(a.wins.is_empty(), "{name}");
            continue;
        };
        let now = outcome_of(&w, "as_answered");
        let done = outcome_of(&w, "wins_done");
        assert!(now.current && now.changes.is_empty());
        assert_eq!(now.outcome.readiness, a.readiness.score);
        assert!(done.outcome.readiness > now.outcome.readiness, "{name}");
        assert!(done.outcome.days <= now.outcome.days, "{name}");
        assert!(
            done.outcome.months_high <= now.outcome.months_high,
            "{name}"
        );
        // Exactly the win questions change, each to effective and provable.
        let questions: Vec<&str> = done.changes.iter().map(|c| c.question.as_str()).collect();
        let wins: Vec<&str> = a.wins.iter().map(|w| w.question.as_str()).collect();
        assert_eq!(questions, wins_in_question_order(&wins), "{name}");
        assert!(
            done.changes
                .iter()
                .all(|c| c.answer.after == serde_json::json!("effective_and_provable"))
        );
    }
}

fn wins_in_question_order<'a>(wins: &[&'a str]) -> Vec<&'a str> {
    let mut v = wins.to_vec();
    v.sort_by_key(|q| catalog().question_index(q));
    v
}

#[test]
fn iso27001_first_only_without_iso27001_and_shortens_the_42001_stage() {
    let s = defaults().settings.clone();
    for name in PERSONAS {
        let answers = fixture(name);
        let w = whatif::iso27001_first(catalog(), &answers, defaults(), Some(&s));
        let without = matches!(
            answers_choice(&answers, "iso27001"),
            Some("none" | "in_progress")
        );
        let Some(w) = w else {
            assert!(!without, "{name}: should be offered");
            continue;
        };
        assert!(without, "{name}: only without ISO 27001");
        let direct = outcome_of(&w, "iso42001_direct");
        let first = outcome_of(&w, "iso27001_first");
        assert!(direct.current && direct.prior.is_none());
        // The ISO 42001 stage after ISO 27001 starts further along and is shorter…
        assert!(
            first.outcome.readiness >= direct.outcome.readiness,
            "{name}"
        );
        assert!(first.outcome.days <= direct.outcome.days, "{name}");
        // …but the whole path adds the ISO 27001 stage in front.
        let prior = first.prior.as_ref().expect("prior stage");
        assert_eq!(prior.months, defaults().iso27001_months);
        assert!(close(
            first.total_months.low,
            prior.months.low + first.outcome.months_low
        ));
        let cost = prior.cost.expect("same currency");
        let b = first.outcome.budget.as_ref().expect("budget");
        let total = first.total_cost.expect("total");
        assert!(close(total.low, cost.low + b.total.low));
        assert!(close(total.high, cost.high + b.total.high));
        // What would differ: ISO 27001 certified, program practices effective and provable.
        assert!(
            first
                .changes
                .iter()
                .any(|c| c.question == "iso27001"
                    && c.answer.after == serde_json::json!("certified"))
        );
    }
    // In another currency the published ISO 27001 cost is not added (it is in US dollars).
    let mut eur = s.clone();
    eur.currency = "EUR".into();
    let w = whatif::iso27001_first(
        catalog(),
        &fixture("nothing-in-place"),
        defaults(),
        Some(&eur),
    )
    .expect("offered");
    let first = outcome_of(&w, "iso27001_first");
    assert_eq!(first.prior.as_ref().and_then(|p| p.cost), None);
    assert_eq!(first.total_cost, None);
}

/// "Extend your ISMS" is not offered to an organisation with neither ISO 27001 (followed, under way
/// or certified) nor a SOC 2 report (or one under way): there is nothing to extend.
#[test]
fn integration_what_if_needs_a_program_to_extend() {
    let s = defaults().settings.clone();
    let nothing = fixture("nothing-in-place");
    assert!(whatif::integration(catalog(), &nothing, Some(&s)).is_none());
    assert_eq!(what_if_ids(&nothing), ["wins", "iso27001_first"]);
    let with = |question: &str, choice: &str| {
        let mut answers = nothing.clone();
        let qi = catalog().question_index(question).expect("question");
        answers.insert(qi, carryover_engine::Answer::Choice(choice.into()));
        whatif::integration(catalog(), &answers, Some(&s)).is_some()
    };
    for choice in ["in_progress", "aligned", "certified"] {
        assert!(with("iso27001", choice), "iso27001 = {choice}");
    }
    for choice in ["in_progress", "type1", "type2"] {
        assert!(with("soc2", choice), "soc2 = {choice}");
    }
    assert!(!with("soc2", "none") && !with("iso27001", "none"));
}

/// The ids of every what-if offered for `answers`, in order (no budget).
fn what_if_ids(answers: &Answers) -> Vec<&'static str> {
    let a = assess(catalog(), answers);
    whatif::all(catalog(), answers, &a, defaults(), None)
        .iter()
        .map(|w| w.id)
        .collect()
}

#[test]
fn all_what_ifs_for_a_persona_without_iso27001() {
    assert_eq!(
        what_if_ids(&fixture("soc2-type2-only")),
        ["integration", "wins", "iso27001_first"]
    );
    assert_eq!(
        what_if_ids(&fixture("mature-iso27001-no-ai-governance")),
        ["integration", "wins"]
    );
}

// ---------------------------------------------------------------- diff

#[test]
fn diff_of_identical_answers_is_empty() {
    let a = fixture("soc2-type2-only");
    let d = diff(catalog(), &a, &a);
    assert!(!d.readiness.moved() && !d.days.moved());
    assert!(d.statuses.is_empty() && d.answers.is_empty());
    assert!(close(d.days_saved, 0.0));
}

#[test]
#[allow(clippy::many_single_char_names)] // a, b before/after; x, y their rows
fn diff_reports_readiness_statuses_days_and_answers() {
    let earlier = fixture("nothing-in-place");
    let later = fixture("iso27001-certified-not-provable");
    let d = diff(catalog(), &earlier, &later);
    let (a, b) = (assess(catalog(), &earlier), assess(catalog(), &later));
    assert_eq!(d.readiness.before, a.readiness.score);
    assert_eq!(d.readiness.after, b.readiness.score);
    assert!(close(d.days_saved, a.effort.days - b.effort.days));
    for c in &d.statuses {
        let x = a
            .requirements
            .iter()
            .find(|r| r.id == c.requirement)
            .expect("req");
        let y = b
            .requirements
            .iter()
            .find(|r| r.id == c.requirement)
            .expect("req");
        assert_eq!((c.status.before, c.status.after), (x.status, y.status));
        assert_ne!(x.status, y.status);
        assert!(close(c.days_saved, x.remaining_days - y.remaining_days));
        match c.direction {
            Direction::Better => assert!(y.credit > x.credit),
            Direction::Worse => assert!(y.credit < x.credit),
            Direction::Scope => {
                assert!(x.status == Status::NotApplicable || y.status == Status::NotApplicable);
            }
        }
    }
    let changed = a
        .requirements
        .iter()
        .zip(&b.requirements)
        .filter(|(x, y)| x.status != y.status)
        .count();
    assert_eq!(d.statuses.len(), changed);
    // Reversed, everything flips.
    let r = diff(catalog(), &later, &earlier);
    assert_eq!(r.readiness.before, d.readiness.after);
    assert!(close(r.days_saved, -d.days_saved));
    assert_eq!(r.statuses.len(), d.statuses.len());
    assert_eq!(r.answers.len(), d.answers.len());
}

#[test]
fn diff_of_one_better_practice_moves_only_what_it_covers() {
    let earlier = fixture("soc2-type2-only");
    let a = assess(catalog(), &earlier);
    let win = a.wins.first().expect("a win");
    let mut later = earlier.clone();
    let qi = catalog().question_index(&win.question).expect("question");
    later.insert(
        qi,
        carryover_engine::Answer::Practice(PracticeAnswer::Maturity(
            Maturity::EffectiveAndProvable,
        )),
    );
    let d = diff(catalog(), &earlier, &later);
    assert_eq!(d.answers.len(), 1);
    assert_eq!(d.answers[0].question, win.question);
    assert!(d.readiness.after >= d.readiness.before);
    assert!(d.days_saved > 0.0);
    assert!(d.statuses.iter().all(|c| c.direction == Direction::Better));
    let ids: Vec<&str> = d.statuses.iter().map(|c| c.requirement.as_str()).collect();
    let mut expected: Vec<&str> = win.requirements.iter().map(String::as_str).collect();
    expected.sort_by_key(|id| catalog().requirement_index(id));
    assert_eq!(ids, expected);
}

#[test]
fn diff_across_content_versions_reports_what_no_longer_fits() {
    // An older file: another content version, a retired question and a choice that no longer
    // exists. It is read, those entries are set aside and listed, the rest is compared.
    let older = r#"{"format":"carryover-answers","version":1,"content_version":"2025.01.0",
        "answers":{"iso27001":"none","soc2":"type2","retired_question":"yes","ai_systems":"dozens"}}"#;
    let earlier = decode(catalog(), older).expect("older file is read");
    let later_text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/soc2-type2-only.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let later = decode(catalog(), &later_text).expect("fixture");
    let d = diff_documents(catalog(), &earlier.document, &later.document);
    assert_eq!(d.set_aside_earlier, ["ai_systems", "retired_question"]);
    assert!(d.set_aside_later.is_empty());
    assert_eq!(d.written_with.before.as_deref(), Some("2025.01.0"));
    assert_eq!(d.content_version, catalog().content_version);
    assert!(d.readiness.after >= d.readiness.before);
    let text = render_text(catalog(), &d, "en");
    assert!(text.contains("retired_question"), "{text}");
    assert!(text.contains("2025.01.0"), "{text}");
    assert!(!text.contains("diff."), "every key has words: {text}");
}

// ---------------------------------------------------------------- CLI

fn carryover(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_carryover"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

#[test]
fn cli_diff_prints_the_library_diff_as_json_and_text() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let a = format!("{dir}/nothing-in-place.json");
    let b = format!("{dir}/soc2-type2-only.json");
    let out = carryover(&["diff", &a, &b, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let want = diff(
        catalog(),
        &fixture("nothing-in-place"),
        &fixture("soc2-type2-only"),
    );
    assert_eq!(json["diff"]["readiness"]["before"], want.readiness.before);
    assert_eq!(json["diff"]["readiness"]["after"], want.readiness.after);
    assert_eq!(
        json["diff"]["statuses"].as_array().map(Vec::len),
        Some(want.statuses.len())
    );
    assert_eq!(
        json["diff"]["answers"].as_array().map(Vec::len),
        Some(want.answers.len())
    );
    let text = carryover(&["diff", &a, &b]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(&format!(
            "Readiness: {} → {}",
            want.readiness.before, want.readiness.after
        )),
        "{text}"
    );
    // A share link works as either side.
    let link = carryover(&["share", &b]);
    let link = String::from_utf8_lossy(&link.stdout).trim().to_owned();
    let out = carryover(&["diff", &a, &link, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let via_link: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(via_link["diff"]["statuses"], json["diff"]["statuses"]);
    // Usage errors exit 2.
    assert_eq!(carryover(&["diff", &a]).status.code(), Some(2));
    assert_eq!(
        carryover(&["diff", &a, &b, "--yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        carryover(&["diff", &a, "/nonexistent.json"]).status.code(),
        Some(1)
    );
}

// ---- Budget everywhere: the method page, the report, the task CSV; nothing when hidden. ----

fn report_of(
    name: &str,
    money: Option<&BudgetSettings>,
) -> carryover_engine::export::report::Report {
    use carryover_engine::export::date::Date;
    use carryover_engine::export::report::{Report, ReportOptions};
    let c = catalog();
    let answers = fixture(name);
    let a = assess(c, &answers);
    let date = Date::parse("2026-11-30").expect("date");
    let tasks = std::collections::BTreeMap::new();
    Report::build_with(
        c,
        &a,
        &answers,
        "en",
        ReportOptions {
            prepared: date,
            start: date,
            tasks: &tasks,
            budget: money,
        },
    )
}

fn method_text(money: Option<&BudgetSettings>) -> String {
    let s = carryover_engine::export::method::section(catalog(), "en", money);
    serde_json::to_string(&s).expect("json")
}

#[test]
fn method_explains_each_budget_figure_with_its_source() {
    let d = &defaults().settings;
    let text = method_text(Some(d));
    // Each figure in use, formatted by the budget formatter, with the titles of its sources.
    for needle in [
        "In-house day rate: $800 per person-day. Sources: Carryover estimation model.",
        "Certification audit, stage 1 and stage 2 together: $20,000–$45,000. Sources: ISO 42001 certification: frequently asked questions (audit cost); Carryover estimation model.",
        "Surveillance audit, each later year: $13,000–$20,000. Sources: ISO 42001 certification: frequently asked questions (audit cost).",
        "Days bought from a consultancy: none; a site that sets a share prices those days at $1,400 a day. Sources: Carryover estimation model.",
        "carryover.config.json",
    ] {
        assert!(text.contains(needle), "method lacks {needle:?}");
    }
    // The certification body's FAQ is listed among the sources, once.
    assert_eq!(
        text.matches("ISO 42001 certification: frequently asked questions (audit cost) (")
            .count(),
        1
    );
}

#[test]
fn method_names_the_site_owners_figures_as_theirs() {
    let config = BudgetConfig {
        currency: Some("EUR".into()),
        day_rate: Some(1000.0),
        audit_fee: Some(Range {
            low: 15_000.0,
            high: 30_000.0,
        }),
        ..BudgetConfig::default()
    };
    let s = BudgetSettings::with(&defaults().settings, &config);
    let text = method_text(Some(&s));
    assert!(text.contains(
        "In-house day rate: €1,000 per person-day. Sources: set by the site you are using (its carryover.config.json)."
    ));
    assert!(text.contains("Certification audit, stage 1 and stage 2 together: €15,000–€30,000. Sources: set by the site you are using"));
    assert!(text.contains("Surveillance audit, each later year: €9,800–€13,000. Sources: the site's own audit fee, scaled"));
    // In another currency even an unchanged figure is not the published one.
    assert!(text.contains("Days bought from a consultancy: none; a site that sets a share prices those days at €1,400 a day. Sources: set by the site"));
    let shared = BudgetSettings {
        consultancy_share: 0.3,
        ..s.clone()
    };
    assert!(
        method_text(Some(&shared))
            .contains("Days bought from a consultancy: 30% of the person-days, at €1,400 a day.")
    );
}

#[test]
fn hidden_money_leaves_no_amount_in_method_report_or_csv() {
    let text = method_text(None);
    assert!(!text.contains('$') && !text.contains("day rate"), "{text}");
    for name in PERSONAS {
        let r = report_of(name, None);
        let md = r.to_markdown();
        let html = r.to_html();
        assert!(
            !md.contains('$') && !html.contains('$'),
            "{name}: money in a hidden report"
        );
        assert!(!md.contains("Budget") && !md.contains("year one"), "{name}");
        assert!(r.sections.iter().all(|s| s.id != "budget"));
        let c = catalog();
        let a = assess(c, &fixture(name));
        let plan = carryover_engine::tasks::plan(&a, &std::collections::BTreeMap::new());
        let csv = carryover_engine::export::plan::csv_priced(c, &plan, "en", None);
        assert_eq!(csv, carryover_engine::export::plan::csv(c, &plan, "en"));
        assert!(!csv.contains("Cost ("), "{name}");
    }
}

#[test]
fn report_has_the_budget_on_the_cover_and_as_a_section_after_the_effort() {
    let d = &defaults().settings;
    for name in PERSONAS {
        let r = report_of(name, Some(d));
        let a = assess(catalog(), &fixture(name));
        let b = budget(&a.effort, d);
        let total = format_range(b.total, "USD", "en");
        let cover = format!(
            "≈ {}–{} in year one",
            budget::format_money(b.total.low, "USD", "en"),
            budget::format_money(b.total.high, "USD", "en")
        );
        assert!(r.cover.highlights.contains(&cover), "{name}: {cover}");
        let ids: Vec<&str> = r.sections.iter().map(|s| s.id).collect();
        let at = ids
            .iter()
            .position(|i| *i == "budget")
            .expect("budget section");
        assert_eq!(ids.get(at - 1), Some(&"effort"), "{name}: {ids:?}");
        let md = r.to_markdown();
        assert!(
            md.contains(&format!("| Total, year one | {total} |")),
            "{name}"
        );
        assert!(md.contains("## Budget"), "{name}");
        assert!(md.contains("Then each year, the surveillance audit: $13,000–$20,000"));
        // The method appendix explains it.
        assert!(md.contains("### Money"), "{name}");
        assert!(r.to_html().contains("id=\"budget\""));
    }
}

#[test]
fn report_splits_days_between_the_team_and_a_consultancy() {
    let config = BudgetConfig {
        consultancy_share: Some(0.25),
        ..BudgetConfig::default()
    };
    let s = BudgetSettings::with(&defaults().settings, &config);
    let md = report_of("soc2-type2-only", Some(&s)).to_markdown();
    let a = assess(catalog(), &fixture("soc2-type2-only"));
    let b = budget(&a.effort, &s);
    assert!(md.contains(&format!(
        "| Consultancy: 25% of the days × $1,400 a day | {} |",
        format_range(b.consultancy, "USD", "en")
    )));
    // The team's line names the days it does itself (three quarters of the range).
    let low = f64::from(a.effort.days_low) * 0.75;
    assert!(
        md.contains(&format!(
            "| Your team's time: {}–",
            carryover_engine::export::days(low)
        )),
        "{md}"
    );
}

#[test]
fn task_csv_prices_each_task_at_the_blended_day_rate() {
    let c = catalog();
    let config = BudgetConfig {
        currency: Some("EUR".into()),
        day_rate: Some(1000.0),
        consultancy_share: Some(0.5),
        consultancy_day_rate: Some(2000.0),
        ..BudgetConfig::default()
    };
    let s = BudgetSettings::with(&defaults().settings, &config);
    assert!(close(s.blended_day_rate(), 1500.0));
    for name in PERSONAS {
        let a = assess(c, &fixture(name));
        let plan = carryover_engine::tasks::plan(&a, &std::collections::BTreeMap::new());
        let csv = carryover_engine::export::plan::csv_priced(c, &plan, "en", Some(&s));
        let mut lines = csv.lines();
        assert!(
            lines.next().expect("header").ends_with(",Cost (EUR)"),
            "{name}"
        );
        // Each record ends in its task's cost: the estimate as written × 1,500.
        for task in &plan {
            let shown: f64 = carryover_engine::export::days(task.remaining_days)
                .parse()
                .expect("a number");
            let cost = format!("{:.0}", shown * 1500.0);
            assert!(
                csv.contains(&format!("{},{}\r\n", status_text(task.status), cost)),
                "{name}: {} {cost}",
                task.id
            );
        }
    }
}

fn status_text(s: Status) -> String {
    catalog()
        .text("en", &format!("status.{}", s.id()))
        .to_owned()
}
