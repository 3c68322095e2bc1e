//! The plain-text summary of an assessment that `carryover score --format text` prints. Every word
//! comes from the locale (`cli.summary.*` and the keys the app uses), so a `--lang` needs no code.

use std::fmt::Write as _;

use carryover_engine::Catalog;
use carryover_engine::model::Relation;
use carryover_engine::score::{Assessment, NotApplicable};

/// A readable summary of an assessment, in the given locale.
#[allow(clippy::too_many_lines)] // one straight report, section after section
pub(crate) fn summary(catalog: &Catalog, a: &Assessment, locale: &str) -> String {
    let tr = |k: &str| catalog.text(locale, k).to_owned();
    let cli = |k: &str, args: &[(&str, &str)]| {
        carryover_engine::export::fill(catalog.text(locale, &format!("cli.summary.{k}")), args)
    };
    // Numbers as the locale writes them (decimal comma in French).
    let num = |text: String| carryover_engine::export::units::localize(locale, &text);
    let days = |d: f64, width: usize| cli("days", &[("days", &num(format!("{d:>width$.1}")))]);
    let mut s = String::new();
    let band = format!("band.{}.label", a.readiness.band);
    let _ = writeln!(s, "{}", tr("app.name"));
    let _ = writeln!(
        s,
        "{}",
        cli(
            "readiness",
            &[
                ("label", &tr("results.readiness")),
                ("score", &a.readiness.score.to_string()),
                ("band", &tr(&band)),
                (
                    "credit",
                    &num(format!("{:.2}", a.readiness.weighted_credit))
                ),
                ("weight", &format!("{:.0}", a.readiness.weight_total)),
            ],
        )
    );
    let _ = writeln!(
        s,
        "{}",
        cli(
            "answered",
            &[
                ("answered", &a.progress.answered.to_string()),
                ("total", &a.progress.total.to_string()),
            ],
        )
    );
    let _ = writeln!(s, "\n{}", tr("results.overlap"));
    for (name, sp) in [
        (cli("clauses", &[]), &a.overlap.clauses),
        (cli("annex", &[]), &a.overlap.annex),
        (cli("all", &[]), &a.overlap.all),
    ] {
        let _ = writeln!(
            s,
            "  {name:<13} {}",
            cli(
                "overlap_row",
                &[
                    ("inherited", &sp.inherited_pct.to_string()),
                    ("extend", &sp.extend_pct.to_string()),
                    ("net_new", &sp.net_new_pct.to_string()),
                    ("applicable", &sp.counts.applicable().to_string()),
                    ("not_applicable", &sp.counts.not_applicable.to_string()),
                    ("done", &sp.effort_done_pct.to_string()),
                    (
                        "done_days",
                        &format!("{:.0}", sp.full_days - sp.remaining_days)
                    ),
                    ("full_days", &format!("{:.0}", sp.full_days)),
                ],
            )
        );
    }
    let _ = writeln!(s, "\n{}", tr("results.published"));
    // "iso27001+soc2" as a person reads it: "ISO 27001 and SOC 2".
    let programs = |from: &str| {
        from.split('+')
            .map(|p| tr(&format!("from.{p}")))
            .reduce(|a, b| {
                catalog
                    .text(locale, "from.and")
                    .replace("{a}", &a)
                    .replace("{b}", &b)
            })
            .unwrap_or_default()
    };
    for f in &catalog.published {
        let (publisher, date) = catalog
            .effort
            .sources
            .get(f.source)
            .map_or(("", ""), |src| (src.publisher.as_str(), src.date.as_str()));
        let _ = writeln!(
            s,
            "  {}",
            cli(
                "published_row",
                &[
                    ("low", &f.low.to_string()),
                    ("high", &f.high.to_string()),
                    ("basis", &tr(&format!("ui.results.basis.{}", f.basis))),
                    ("from", &programs(&f.from)),
                    ("claim", &f.claim),
                    ("publisher", publisher),
                    ("date", date),
                ],
            )
        );
    }
    let _ = writeln!(s, "  {}", tr("results.count_vs_effort"));
    let e = &a.effort;
    let _ = writeln!(
        s,
        "\n{}",
        cli(
            "effort",
            &[
                ("label", &tr("results.effort")),
                ("days_low", &e.days_low.to_string()),
                ("days_high", &e.days_high.to_string()),
                ("months_low", &num(e.months_low.to_string())),
                ("months_high", &num(e.months_high.to_string())),
                (
                    "systems",
                    &carryover_engine::export::units::counted(
                        catalog,
                        locale,
                        "unit.ai_systems",
                        &e.systems.to_string(),
                    ),
                ),
            ],
        )
    );
    // The labels padded to the longest, so the day figures line up.
    let labels: Vec<String> = e
        .lines
        .iter()
        .map(|l| tr(&format!("effort.{}", l.kind.id())))
        .collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (label, l) in labels.iter().zip(&e.lines) {
        let _ = writeln!(s, "  {label:<width$} {}", days(l.days, 6));
    }
    for f in &e.factors {
        let _ = writeln!(
            s,
            "  × {:.2} {}",
            f.multiplier,
            tr(&format!("factor.{}", f.id))
        );
    }
    // Money at the budget defaults of content/budget.toml (no site configuration here).
    if let Ok(defaults) = carryover_engine::budget::builtin() {
        let b = carryover_engine::budget::budget(e, &defaults.settings);
        let money = |x: f64| carryover_engine::budget::format_money(x, &b.currency, locale);
        let range = |r| carryover_engine::budget::format_range(r, &b.currency, locale);
        let _ = writeln!(
            s,
            "\n{}",
            cli(
                "budget",
                &[
                    ("label", &tr("ui.budget.title")),
                    ("low", &money(b.total.low)),
                    ("high", &money(b.total.high)),
                    ("rate", &money(defaults.settings.day_rate)),
                    ("audit", &range(b.audit)),
                    ("surveillance", &range(b.surveillance_per_year)),
                ],
            )
        );
    }
    let _ = writeln!(s, "\n{}", cli("areas", &[]));
    for ar in &a.areas {
        let area = catalog.areas.iter().find(|x| x.id == ar.area);
        let _ = writeln!(
            s,
            "  {:<5} {:<44} {}",
            ar.area,
            area.map_or("", |x| x.name.as_str()),
            ar.score.map_or_else(
                || cli("na", &[]),
                |v| cli("score", &[("score", &v.to_string())])
            )
        );
    }
    let _ = writeln!(s, "\n{}", tr("results.warnings"));
    for warning in &a.warnings {
        let _ = writeln!(s, "  ! {}", tr(&format!("warning.{}.title", warning.id)));
        if !warning.related.is_empty() {
            let _ = writeln!(s, "    ({})", warning.related.join(", "));
        }
    }
    let _ = writeln!(s, "\n{}", tr("results.wins"));
    for win in &a.wins {
        let q = catalog
            .question(&win.question)
            .map_or("", |q| q.text.as_str());
        let _ = writeln!(
            s,
            "  {}",
            cli(
                "win",
                &[
                    ("gain", &num(format!("{:.1}", win.readiness_gain))),
                    ("days", &num(format!("{:.1}", win.days_saved))),
                    ("question", q),
                    ("id", &win.question),
                ],
            )
        );
    }
    let _ = writeln!(s, "\n{}", tr("results.roadmap"));
    for p in &a.roadmap {
        let _ = writeln!(
            s,
            "  {}",
            cli(
                "phase",
                &[
                    ("phase", &tr(&format!("phase.{}.title", p.phase.id()))),
                    ("days", &format!("{:.0}", p.days)),
                ],
            )
        );
        for i in &p.items {
            let name = catalog
                .requirement(&i.requirement)
                .map_or("", |r| r.name.as_str());
            let _ = writeln!(
                s,
                "    {:<9} {:<52} {:<8} {}",
                i.requirement,
                name,
                tr(&format!("status.{}", i.status.id())),
                days(i.remaining_days, 5)
            );
        }
    }
    let _ = writeln!(s, "\n{}", tr("results.requirements"));
    for r in &a.requirements {
        let name = catalog.requirement(&r.id).map_or("", |x| x.name.as_str());
        let why = match (&r.not_applicable, r.best) {
            (Some(NotApplicable::Scope), _) => catalog
                .requirement(&r.id)
                .and_then(|x| x.na_reason.clone())
                .unwrap_or_default(),
            (Some(NotApplicable::Answered { questions }), _) => {
                cli("why_na", &[("questions", &questions.join(", "))])
            }
            (None, Some(b)) => {
                let sp = &r.support[b];
                let relation = match sp.relation {
                    Relation::Full => tr("relation.full"),
                    Relation::Partial => tr("relation.partial"),
                };
                cli(
                    "why_row",
                    &[
                        ("question", &sp.question),
                        (
                            "answer",
                            &sp.answer.clone().unwrap_or_else(|| cli("unanswered", &[])),
                        ),
                        ("relation", &relation),
                        ("credit", &format!("{:.2}", sp.credit)),
                    ],
                )
            }
            (None, None) => cli("why_none", &[]),
        };
        let _ = writeln!(
            s,
            "  {:<9} {:<52} {:<14} {}",
            r.id,
            name,
            tr(&format!("status.{}", r.status.id())),
            why
        );
    }
    let _ = writeln!(s, "\n{}", tr("app.disclaimer"));
    s
}
