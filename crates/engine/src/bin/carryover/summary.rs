//! The plain-text summary of an assessment that `carryover score --format text` prints.

use std::fmt::Write as _;

use carryover_engine::Catalog;
use carryover_engine::model::Relation;
use carryover_engine::score::{Assessment, NotApplicable};

/// A readable summary of an assessment, in the given locale.
#[allow(clippy::too_many_lines)] // one straight report, section after section
pub(crate) fn summary(catalog: &Catalog, a: &Assessment, locale: &str) -> String {
    let tr = |k: &str| catalog.text(locale, k).to_owned();
    let mut s = String::new();
    let band = format!("band.{}.label", a.readiness.band);
    let _ = writeln!(s, "{}", tr("app.name"));
    let _ = writeln!(
        s,
        "{}: {}/100 ({}) — from Σ weight×credit {:.2} / Σ weight {:.0} over applicable requirements",
        tr("results.readiness"),
        a.readiness.score,
        tr(&band),
        a.readiness.weighted_credit,
        a.readiness.weight_total
    );
    let _ = writeln!(
        s,
        "Answered {} of {} visible questions",
        a.progress.answered, a.progress.total
    );
    let _ = writeln!(s, "\n{}", tr("results.overlap"));
    for (name, sp) in [
        ("Clauses 4–10", &a.overlap.clauses),
        ("Annex A", &a.overlap.annex),
        ("All", &a.overlap.all),
    ] {
        let _ = writeln!(
            s,
            "  {name:<13} requirements: {}% inherited, {}% extend, {}% net-new ({} applicable, {} n/a) | effort already done: {}% ({:.0} of {:.0} person-days)",
            sp.inherited_pct,
            sp.extend_pct,
            sp.net_new_pct,
            sp.counts.applicable(),
            sp.counts.not_applicable,
            sp.effort_done_pct,
            sp.full_days - sp.remaining_days,
            sp.full_days
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
            "  {}–{}% of the {} (from {}): {} — {}, {}",
            f.low,
            f.high,
            f.basis,
            programs(&f.from),
            f.claim,
            publisher,
            date
        );
    }
    let _ = writeln!(s, "  {}", tr("results.count_vs_effort"));
    let e = &a.effort;
    let _ = writeln!(
        s,
        "\n{}: {}–{} person-days, {}–{} months ({} AI system{} in scope)",
        tr("results.effort"),
        e.days_low,
        e.days_high,
        e.months_low,
        e.months_high,
        e.systems,
        if e.systems == 1 { "" } else { "s" }
    );
    let labels: Vec<String> = e
        .lines
        .iter()
        .map(|l| tr(&format!("effort.{}", l.kind.id())))
        .collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (label, l) in labels.iter().zip(&e.lines) {
        let _ = writeln!(s, "  {label:<width$} {:>6.1} days", l.days);
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
        let _ = writeln!(
            s,
            "\n{}: {} (days at {} a day, audit {}); surveillance audit after that: {} a year",
            tr("ui.budget.title"),
            catalog
                .text(locale, "ui.budget.range")
                .replace("{low}", &money(b.total.low))
                .replace("{high}", &money(b.total.high)),
            money(defaults.settings.day_rate),
            carryover_engine::budget::format_range(b.audit, &b.currency, locale),
            carryover_engine::budget::format_range(b.surveillance_per_year, &b.currency, locale),
        );
    }
    let _ = writeln!(s, "\nAreas");
    for ar in &a.areas {
        let area = catalog.areas.iter().find(|x| x.id == ar.area);
        let _ = writeln!(
            s,
            "  {:<5} {:<44} {}",
            ar.area,
            area.map_or("", |x| x.name.as_str()),
            ar.score
                .map_or_else(|| "n/a".to_owned(), |v| format!("{v}/100"))
        );
    }
    let _ = writeln!(s, "\n{}", tr("results.warnings"));
    for w in &a.warnings {
        let _ = writeln!(s, "  ! {}", tr(&format!("warning.{}.title", w.id)));
        if !w.related.is_empty() {
            let _ = writeln!(s, "    ({})", w.related.join(", "));
        }
    }
    let _ = writeln!(s, "\n{}", tr("results.wins"));
    for w in &a.wins {
        let q = catalog
            .question(&w.question)
            .map_or("", |q| q.text.as_str());
        let _ = writeln!(
            s,
            "  +{:.1} readiness, {:.1} days saved: {} [{}]",
            w.readiness_gain, w.days_saved, q, w.question
        );
    }
    let _ = writeln!(s, "\n{}", tr("results.roadmap"));
    for p in &a.roadmap {
        let _ = writeln!(
            s,
            "  {} ({:.0} person-days before factors)",
            tr(&format!("phase.{}.title", p.phase.id())),
            p.days
        );
        for i in &p.items {
            let name = catalog
                .requirement(&i.requirement)
                .map_or("", |r| r.name.as_str());
            let _ = writeln!(
                s,
                "    {:<9} {:<52} {:<8} {:>5.1} days",
                i.requirement,
                name,
                tr(&format!("status.{}", i.status.id())),
                i.remaining_days
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
                format!("answered not applicable: {}", questions.join(", "))
            }
            (None, Some(b)) => {
                let sp = &r.support[b];
                format!(
                    "{} = {} ({} row, credit {:.2})",
                    sp.question,
                    sp.answer.as_deref().unwrap_or("unanswered"),
                    tr(match sp.relation {
                        Relation::Full => "relation.full",
                        Relation::Partial => "relation.partial",
                    }),
                    sp.credit
                )
            }
            (None, None) => "no supporting practice in place".to_owned(),
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
