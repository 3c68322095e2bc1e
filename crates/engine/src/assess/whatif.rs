//! What-if paths: the current plan beside alternatives, each computed by the same [`assess`] on
//! modified answers, so an alternative is exactly "what the results would be had you answered
//! this way".
//!
//! - [`integration`]: extend the existing ISMS (`integration` = `extend`) vs run a separate AI
//!   management system beside it (`separate`). The only difference the model knows is the
//!   `separate_system` effort factor (content/effort.toml), so readiness stays and the days move.
//!   Offered only when there is a program to extend: ISO 27001 followed, being implemented or
//!   certified, or a SOC 2 report or one under way; with neither, "extend" has nothing to extend
//!   and (c) is the question that matters.
//! - [`wins_done`]: the biggest wins of the current results done (each of those practices
//!   effective and provable). A better practice answer never lowers a score, so readiness can only
//!   go up and the days only down.
//! - [`iso27001_first`], for an organisation without ISO 27001 (`iso27001` = `none` or
//!   `in_progress`): ISO 42001 directly (the current answers) vs ISO 27001 first, then ISO 42001.
//!   Our model of the second path: an ISO 27001 certification makes every security-program
//!   practice effective and provable and the `iso27001` answer `certified`; the ISO 42001 stage
//!   is then scored on those answers. The ISO 27001 stage itself is not scored by Carryover: its
//!   months and year-one cost are the published ranges in content/budget.toml (`year_one`), added
//!   in front of the ISO 42001 stage. So the ISO 42001 stage gets shorter, the whole path longer.
//!
//! Every function is pure; each path lists the answers that would have to differ.

use serde::Serialize;
use serde_json::Value;

use crate::assess::budget::{Budget, BudgetDefaults, BudgetSettings, Range, budget};
use crate::assess::diff::{AnswerChange, Change};
use crate::assess::score::{Assessment, assess};
use crate::content::catalog::Catalog;
use crate::document::answers::{Answer, Answers};
use crate::model::text::fill;
use crate::model::{Family, Maturity, PracticeAnswer, QuestionKind};

/// The what-ifs as plain text in `locale` (the CLI's `carryover whatif FILE --format text`): per
/// what-if its title and note, a Markdown table with a column per path (the same rows as the
/// results screen), and under it the answers each path would need to differ. Money is written by
/// the budget formatter; numbers are rounded as on screen.
#[allow(clippy::too_many_lines)] // one straight listing, what-if after what-if
pub fn render_text(catalog: &Catalog, list: &[WhatIf], locale: &str) -> String {
    use std::fmt::Write as _;
    let t = |key: &str, args: &[(&str, &str)]| fill(catalog.text(locale, key), args);
    // Months to the half, as the results screen writes them.
    let half = |x: f64| crate::assess::diff::days_text((x * 2.0).round() / 2.0);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}\n\n{}",
        t("ui.whatif.title", &[]),
        t("ui.whatif.intro", &[])
    );
    for what in list {
        let _ = writeln!(
            s,
            "\n## {}\n\n{}\n",
            t(&format!("ui.whatif.{}.title", what.id), &[]),
            t(&format!("ui.whatif.{}.note", what.id), &[])
        );
        let head: Vec<String> = what
            .paths
            .iter()
            .map(|p| {
                let name = t(&format!("ui.whatif.path.{}", p.id), &[]);
                if p.current {
                    format!("{name} ({})", t("ui.whatif.current", &[]))
                } else {
                    name
                }
            })
            .collect();
        let _ = writeln!(s, "| | {} |", head.join(" | "));
        let _ = writeln!(s, "| --- |{}", " ---: |".repeat(what.paths.len()));
        let mut row = |label: &str, cell: &dyn Fn(&Path) -> String| {
            let cells: Vec<String> = what.paths.iter().map(cell).collect();
            let _ = writeln!(s, "| {} | {} |", t(label, &[]), cells.join(" | "));
        };
        let currency = what
            .paths
            .iter()
            .find_map(|p| p.outcome.budget.as_ref().map(|b| b.currency.clone()))
            .unwrap_or_default();
        let money = |r: Range| crate::assess::budget::format_range(r, &currency, locale);
        row("ui.whatif.readiness_h", &|p| {
            t(
                "ui.whatif.readiness",
                &[("score", &p.outcome.readiness.to_string())],
            )
        });
        row("ui.whatif.days_h", &|p| {
            t(
                "ui.whatif.days",
                &[
                    ("low", &p.outcome.days_low.to_string()),
                    ("high", &p.outcome.days_high.to_string()),
                ],
            )
        });
        row("ui.whatif.months_h", &|p| {
            t(
                "ui.whatif.months",
                &[
                    ("low", &half(p.outcome.months_low)),
                    ("high", &half(p.outcome.months_high)),
                ],
            )
        });
        let has_money = what.paths.iter().any(|p| p.outcome.budget.is_some());
        if has_money {
            row("ui.whatif.budget_h", &|p| {
                p.outcome.budget.as_ref().map_or_else(String::new, |b| {
                    t("ui.whatif.budget", &[("range", &money(b.total))])
                })
            });
        }
        if what.paths.iter().any(|p| p.prior.is_some()) {
            row("ui.whatif.prior_h", &|p| {
                p.prior.as_ref().map_or_else(String::new, |pr| {
                    t(
                        &format!("ui.whatif.prior.{}", pr.id),
                        &[
                            ("low", &half(pr.months.low)),
                            ("high", &half(pr.months.high)),
                        ],
                    )
                })
            });
            row("ui.whatif.whole_months_h", &|p| {
                t(
                    "ui.whatif.total_months",
                    &[
                        ("low", &half(p.total_months.low)),
                        ("high", &half(p.total_months.high)),
                    ],
                )
            });
            if has_money {
                row("ui.whatif.whole_cost_h", &|p| {
                    p.total_cost.map_or_else(String::new, |c| {
                        t("ui.whatif.total_cost", &[("range", &money(c))])
                    })
                });
            }
        }
        let unanswered = catalog.text(locale, "ui.whatif.unanswered");
        for p in &what.paths {
            let _ = writeln!(
                s,
                "\n{}: {}",
                t(&format!("ui.whatif.path.{}", p.id), &[]),
                t("ui.whatif.differs", &[])
            );
            if p.changes.is_empty() {
                let _ = writeln!(s, "- {}", t("ui.whatif.same", &[]));
            }
            for c in &p.changes {
                let words = |v: &Value| {
                    crate::assess::diff::answer_text(catalog, locale, &c.question, v, unanswered)
                };
                let _ = writeln!(
                    s,
                    "- {}",
                    t(
                        "ui.whatif.answer_change",
                        &[
                            (
                                "question",
                                &crate::assess::diff::question_name(catalog, &c.question)
                            ),
                            ("before", &words(&c.answer.before)),
                            ("after", &words(&c.answer.after)),
                        ]
                    )
                );
            }
        }
    }
    s
}

/// The figures shown for one path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Readiness 0–100.
    pub readiness: u8,
    /// Band id.
    pub band: String,
    /// Point estimate, person-days.
    pub days: f64,
    /// Person-days range.
    pub days_low: u32,
    /// See `days_low`.
    pub days_high: u32,
    /// Calendar months range.
    pub months_low: f64,
    /// See `months_low`.
    pub months_high: f64,
    /// Year-one budget, when money is shown.
    pub budget: Option<Budget>,
}

impl Outcome {
    fn of(a: &Assessment, settings: Option<&BudgetSettings>) -> Outcome {
        Outcome {
            readiness: a.readiness.score,
            band: a.readiness.band.clone(),
            days: a.effort.days,
            days_low: a.effort.days_low,
            days_high: a.effort.days_high,
            months_low: a.effort.months_low,
            months_high: a.effort.months_high,
            budget: settings.map(|s| budget(&a.effort, s)),
        }
    }
}

/// A stage before the ISO 42001 work that Carryover does not score (published ranges).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorStage {
    /// Its id (locale key `ui.whatif.prior.<id>`).
    pub id: &'static str,
    /// Calendar months.
    pub months: Range,
    /// Year-one cost in the budget's currency, when it is known in that currency.
    pub cost: Option<Range>,
}

/// One way to go.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Path {
    /// Id (locale key `ui.whatif.path.<id>`).
    pub id: &'static str,
    /// True when this is what the current answers describe.
    pub current: bool,
    /// The answers that would have to differ from the current ones (empty for the current plan).
    pub changes: Vec<AnswerChange>,
    /// The ISO 42001 figures on this path.
    pub outcome: Outcome,
    /// A stage before it, if the path has one.
    pub prior: Option<PriorStage>,
    /// Months of the whole path (prior stage + this one).
    pub total_months: Range,
    /// Year-one money of the whole path, when every part is known in the budget's currency.
    pub total_cost: Option<Range>,
}

/// A what-if: two or more paths side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// Id (locale keys `ui.whatif.<id>.*`): `integration`, `wins`, `iso27001_first`.
    pub id: &'static str,
    /// The paths, the current plan first when it is one of them.
    pub paths: Vec<Path>,
}

fn path(
    catalog: &Catalog,
    id: &'static str,
    current: &Answers,
    answers: &Answers,
    settings: Option<&BudgetSettings>,
    prior: Option<PriorStage>,
) -> Path {
    let a = assess(catalog, answers);
    let outcome = Outcome::of(&a, settings);
    let changes = changes(catalog, current, answers);
    let (total_months, total_cost) = match &prior {
        Some(p) => (
            Range {
                low: p.months.low + outcome.months_low,
                high: p.months.high + outcome.months_high,
            },
            match (p.cost, &outcome.budget) {
                (Some(c), Some(b)) => Some(Range {
                    low: c.low + b.total.low,
                    high: c.high + b.total.high,
                }),
                _ => None,
            },
        ),
        None => (
            Range {
                low: outcome.months_low,
                high: outcome.months_high,
            },
            outcome.budget.as_ref().map(|b| b.total),
        ),
    };
    Path {
        id,
        current: changes.is_empty(),
        changes,
        outcome,
        prior,
        total_months,
        total_cost,
    }
}

/// The answers that differ between two sets, in question order.
fn changes(catalog: &Catalog, from: &Answers, to: &Answers) -> Vec<AnswerChange> {
    catalog
        .questions
        .iter()
        .enumerate()
        .filter_map(|(qi, q)| {
            let (a, b) = (from.get(qi), to.get(qi));
            (a != b).then(|| AnswerChange {
                question: q.id.clone(),
                answer: Change {
                    before: a.map_or(Value::Null, Answer::to_json),
                    after: b.map_or(Value::Null, Answer::to_json),
                },
            })
        })
        .collect()
}

fn with_choice(catalog: &Catalog, answers: &Answers, question: &str, choice: &str) -> Answers {
    let mut out = answers.clone();
    if let Some(qi) = catalog.question_index(question) {
        out.insert(qi, Answer::Choice(choice.to_owned()));
    }
    out
}

fn answer_is(catalog: &Catalog, answers: &Answers, question: &str, choices: &[&str]) -> bool {
    catalog
        .question_index(question)
        .and_then(|qi| answers.get(qi))
        .is_some_and(|a| choices.iter().any(|c| a.includes(c)))
}

/// (a) Extend the ISMS vs a separate AI management system; `None` without a program to extend.
pub fn integration(
    catalog: &Catalog,
    answers: &Answers,
    settings: Option<&BudgetSettings>,
) -> Option<WhatIf> {
    catalog.question_index("integration")?;
    let program = answer_is(
        catalog,
        answers,
        "iso27001",
        &["in_progress", "aligned", "certified"],
    ) || answer_is(catalog, answers, "soc2", &["in_progress", "type1", "type2"]);
    if !program {
        return None;
    }
    let mut paths: Vec<Path> = ["extend", "separate"]
        .into_iter()
        .map(|choice| {
            let modified = with_choice(catalog, answers, "integration", choice);
            path(catalog, choice, answers, &modified, settings, None)
        })
        .collect();
    paths.sort_by_key(|p| !p.current);
    Some(WhatIf {
        id: "integration",
        paths,
    })
}

/// (b) The current plan vs the same with its biggest wins done.
pub fn wins_done(
    catalog: &Catalog,
    answers: &Answers,
    current: &Assessment,
    settings: Option<&BudgetSettings>,
) -> Option<WhatIf> {
    if current.wins.is_empty() {
        return None;
    }
    let mut modified = answers.clone();
    for w in &current.wins {
        if let Some(qi) = catalog.question_index(&w.question) {
            modified.insert(
                qi,
                Answer::Practice(PracticeAnswer::Maturity(Maturity::EffectiveAndProvable)),
            );
        }
    }
    Some(WhatIf {
        id: "wins",
        paths: vec![
            path(catalog, "as_answered", answers, answers, settings, None),
            path(catalog, "wins_done", answers, &modified, settings, None),
        ],
    })
}

/// (c) For an organisation without ISO 27001: ISO 42001 directly vs ISO 27001 first.
pub fn iso27001_first(
    catalog: &Catalog,
    answers: &Answers,
    defaults: &BudgetDefaults,
    settings: Option<&BudgetSettings>,
) -> Option<WhatIf> {
    if !answer_is(catalog, answers, "iso27001", &["none", "in_progress"]) {
        return None;
    }
    let visible = crate::assess::condition::visible_questions(catalog, answers);
    let mut modified = with_choice(catalog, answers, "iso27001", "certified");
    for (qi, q) in catalog.questions.iter().enumerate() {
        let program = q.kind == QuestionKind::Practice && q.family == Some(Family::Program);
        if program
            && visible.get(qi).copied().unwrap_or(false)
            && answers.practice(qi) != Some(PracticeAnswer::NotApplicable)
        {
            modified.insert(
                qi,
                Answer::Practice(PracticeAnswer::Maturity(Maturity::EffectiveAndProvable)),
            );
        }
    }
    // The published ISO 27001 cost is in the defaults' currency: added only in that currency.
    let cost = settings
        .filter(|s| s.currency == defaults.settings.currency)
        .map(|_| defaults.iso27001_cost);
    let prior = PriorStage {
        id: "iso27001",
        months: defaults.iso27001_months,
        cost,
    };
    Some(WhatIf {
        id: "iso27001_first",
        paths: vec![
            path(catalog, "iso42001_direct", answers, answers, settings, None),
            path(
                catalog,
                "iso27001_first",
                answers,
                &modified,
                settings,
                Some(prior),
            ),
        ],
    })
}

/// Every what-if that applies to these answers, in order (a), (b), (c).
pub fn all(
    catalog: &Catalog,
    answers: &Answers,
    current: &Assessment,
    defaults: &BudgetDefaults,
    settings: Option<&BudgetSettings>,
) -> Vec<WhatIf> {
    [
        integration(catalog, answers, settings),
        wins_done(catalog, answers, current, settings),
        iso27001_first(catalog, answers, defaults, settings),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Locale keys the what-if words use.
pub const KEYS: &[&str] = &[
    "ui.whatif.title",
    "ui.whatif.intro",
    "ui.whatif.current",
    "ui.whatif.readiness",
    "ui.whatif.days",
    "ui.whatif.months",
    "ui.whatif.budget",
    "ui.whatif.total_months",
    "ui.whatif.total_cost",
    "ui.whatif.prior_h",
    "ui.whatif.readiness_h",
    "ui.whatif.days_h",
    "ui.whatif.months_h",
    "ui.whatif.budget_h",
    "ui.whatif.whole_months_h",
    "ui.whatif.whole_cost_h",
    "ui.whatif.differs",
    "ui.whatif.same",
    "ui.whatif.answer_change",
    "ui.whatif.unanswered",
    "ui.whatif.open",
    "ui.whatif.prior.iso27001",
    "ui.whatif.integration.title",
    "ui.whatif.integration.note",
    "ui.whatif.wins.title",
    "ui.whatif.wins.note",
    "ui.whatif.iso27001_first.title",
    "ui.whatif.iso27001_first.note",
    "ui.whatif.path.extend",
    "ui.whatif.path.separate",
    "ui.whatif.path.as_answered",
    "ui.whatif.path.wins_done",
    "ui.whatif.path.iso42001_direct",
    "ui.whatif.path.iso27001_first",
];
