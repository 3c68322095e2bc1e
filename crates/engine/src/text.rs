//! User-visible words that are not content: locale keys, and the plain-text summary of an
//! assessment the command-line scorer prints.
//!
//! The engine never hard-codes a sentence a user reads: it emits ids (statuses, bands, warnings,
//! effort kinds) and looks their words up in `content/locales/<locale>.toml`. [`required_keys`]
//! lists every key the engine and the UI need, and catalog validation fails when English lacks one,
//! so a new warning cannot ship without its text.

use std::fmt::Write as _;

use crate::catalog::Catalog;
use crate::effort::EffortKind;
use crate::model::{Phase, PracticeAnswer, Status};
use crate::score::{Assessment, COMPUTED_WARNINGS, NotApplicable};

/// Keys the web UI looks up (kept here so validation covers them too).
pub const UI_KEYS: &[&str] = &[
    "app.name",
    "app.promise",
    "lang.name",
    "lang.label",
    "app.disclaimer",
    "results.readiness",
    "results.overlap",
    "results.effort",
    "results.roadmap",
    "results.wins",
    "results.warnings",
    "results.requirements",
    "results.published",
    "results.count_vs_effort",
    "ui.results.answers_behind",
    "ui.results.area",
    "ui.results.areas",
    "ui.results.areas_annex",
    "ui.results.areas_clauses",
    "ui.results.basis.effort",
    "ui.results.basis.requirements",
    "ui.results.best",
    "ui.results.breakdown",
    "ui.results.by_count",
    "ui.results.by_effort",
    "ui.results.credit",
    "ui.results.crosswalk",
    "ui.results.days_left",
    "ui.results.effort_done_title",
    "ui.results.eyebrow",
    "ui.results.factors",
    "ui.results.filter_all",
    "ui.results.filter_label",
    "ui.results.gain",
    "ui.results.months",
    "ui.results.na",
    "ui.results.na_count",
    "ui.results.na_long",
    "ui.results.net_new",
    "ui.results.net_new_intro",
    "ui.results.net_new_why",
    "ui.results.no_factors",
    "ui.results.no_support",
    "ui.results.no_wins",
    "ui.results.none",
    "ui.results.not_asked",
    "ui.results.open_questions",
    "ui.results.overlap_caption",
    "ui.results.percent",
    "ui.results.phase_days",
    "ui.results.point_estimate",
    "ui.results.progress",
    "ui.results.published_range",
    "ui.results.published_source",
    "ui.results.range",
    "ui.results.relation",
    "ui.results.requirements_intro",
    "ui.results.roadmap_intro",
    "ui.results.score",
    "ui.results.second_audit",
    "ui.results.showing",
    "ui.results.stack_row",
    "ui.results.stack_title",
    "ui.results.title",
    "ui.results.toc",
    "ui.results.unanswered",
    "ui.results.unknowns",
    "ui.results.why_na",
    "ui.results.win_days",
    "ui.results.win_gain",
    "ui.results.win_go",
    "ui.results.win_now",
    "ui.results.wins_intro",
    "ui.start.eyebrow",
    "ui.start.duration",
    "ui.start.start",
    "ui.start.resume",
    "ui.start.resume_note",
    "ui.start.privacy",
    "ui.start.download",
    "ui.nav.sections",
    "ui.nav.count",
    "ui.nav.section_of",
    "ui.nav.progress",
    "ui.nav.steps",
    "ui.nav.back",
    "ui.nav.next",
    "ui.nav.results",
    "ui.question.why",
    "ui.save.idle",
    "ui.save.saved",
    "ui.save.unavailable",
    "ui.save.failed",
    "ui.storage.unavailable",
    "ui.storage.write_failed",
    "ui.tabs.updated",
    "ui.notice.dismiss",
    "ui.reset.open",
    "ui.reset.title",
    "ui.reset.confirm",
    "ui.reset.cancel",
    "ui.tasks.title",
    "ui.tasks.intro",
    "ui.tasks.none",
    "ui.tasks.owner",
    "ui.tasks.cadence",
    "ui.tasks.estimate",
    "ui.take.title",
    "ui.take.intro",
    "ui.take.print",
    "ui.take.print_hint",
    "ui.take.downloads",
    "ui.take.report_html",
    "ui.take.report_md",
    "ui.take.soa_csv",
    "ui.take.tasks_csv",
    "ui.take.tasks_ics",
    "ui.take.answers_json",
    "ui.take.download_failed",
    "ui.take.share_title",
    "ui.take.share_intro",
    "ui.take.share_make",
    "ui.take.share_label",
    "ui.take.share_copy",
    "ui.take.share_copied",
    "ui.take.share_copy_failed",
    "ui.take.import_title",
    "ui.take.import_hint",
    "ui.take.import_label",
    "ui.take.import_ok",
    "ui.take.import_failed",
    "ui.share.dialog_title",
    "ui.share.replace",
    "ui.share.keep",
    "ui.share.loaded",
    "ui.share.kept",
    "ui.share.failed",
    // The answer at a glance (results summary, detail parts, revisit, compact questionnaire).
    "ui.glance.title",
    "ui.glance.carry_h",
    "ui.glance.basis.effort",
    "ui.glance.basis.requirements",
    "ui.glance.published",
    "ui.glance.published_none",
    "ui.glance.baseline.iso27001",
    "ui.glance.baseline.soc2",
    "ui.glance.baseline.iso27001_soc2",
    "ui.glance.new_h",
    "ui.glance.new_label_none",
    "ui.glance.new_label_one",
    "ui.glance.new_label_other",
    "ui.glance.time_h",
    "ui.glance.months",
    "ui.glance.days",
    "ui.glance.team",
    "ui.glance.first_h",
    "ui.glance.first_none",
    "ui.glance.details",
    "ui.glance.tasks_one",
    "ui.glance.tasks_other",
    "ui.glance.back_to_results",
    "ui.glance.return_nav",
    "ui.glance.moved_title",
    "ui.glance.moved_none",
    "ui.glance.moved_carry",
    "ui.glance.moved_new",
    "ui.glance.moved_months",
    "ui.glance.moved_days",
    "ui.glance.moved_readiness",
    "ui.glance.days_left_one",
    "ui.glance.days_left_other",
    "ui.glance.days_saved_one",
    "ui.glance.days_saved_other",
    "ui.glance.phase_days_one",
    "ui.glance.phase_days_other",
    "ui.glance.owner_of",
    "ui.glance.review_of",
    "ui.glance.scale_title",
    "ui.glance.more_why",
    "ui.glance.more_evidence",
    "ui.glance.loading",
    // Embedding (src/embed.rs, results/cta.rs, start page).
    "ui.embed.cta",
    "ui.embed.logo",
    "ui.embed.offline",
    // Proposal: budget, what-if and progress between two assessments (issue 17).
    "ui.budget.title",
    "ui.budget.range",
    "ui.budget.short",
    "ui.budget.short_suffix",
    "ui.budget.year_one",
    "ui.budget.internal",
    "ui.budget.consultancy",
    "ui.budget.audit",
    "ui.budget.surveillance",
    "ui.budget.total",
    "ui.budget.explain",
    "ui.budget.explain_consultancy",
    "ui.compare.title",
    "ui.compare.intro",
    "ui.compare.label",
    "ui.compare.failed",
    "ui.compare.loaded",
    "ui.compare.readiness",
    "ui.compare.days",
    "ui.compare.months",
    "ui.compare.statuses",
    "ui.compare.answers",
    "ui.compare.set_aside",
    "ui.compare.clear",
    // Keeping answers safe (autosave, storage_notice, undo_notice, earlier_versions, dialogs).
    "ui.keep.paused",
    "ui.keep.blocked",
    "ui.keep.full",
    "ui.keep.write_failed",
    "ui.keep.read_failed",
    "ui.keep.unreadable",
    "ui.keep.unreadable_no_copy",
    "ui.keep.unreadable_other_tab",
    "ui.keep.save_anyway",
    "ui.keep.download_raw",
    "ui.keep.kept_aside",
    "ui.keep.import_issues",
    "ui.keep.undo",
    "ui.keep.keep_mine",
    "ui.keep.copy_kept",
    "ui.keep.copy_memory",
    "ui.keep.done.start_over",
    "ui.keep.done.other_tab",
    "ui.keep.done.other_tab_cleared",
    "ui.keep.done.merged",
    "ui.keep.done.restore",
    "ui.keep.done.undone",
    "ui.keep.import_title",
    "ui.keep.import_body",
    "ui.keep.import_confirm",
    "ui.keep.import_keep",
    "ui.keep.import_kept",
    "ui.keep.import_more",
    "ui.keep.share_body",
    "ui.keep.reset_body",
    "ui.keep.versions_title",
    "ui.keep.versions_intro",
    "ui.keep.version_row",
    "ui.keep.restore",
];

/// Every locale key the engine and UI need.
pub fn required_keys(catalog: &Catalog) -> Vec<String> {
    let mut keys: Vec<String> = UI_KEYS.iter().map(|k| (*k).to_owned()).collect();
    keys.extend(crate::triage::UI_KEYS.iter().map(|k| (*k).to_owned()));
    keys.extend(crate::export::register::locale_keys());
    for s in Status::ALL {
        keys.push(format!("status.{}", s.id()));
    }
    for a in PracticeAnswer::ALL {
        keys.push(format!("answer.{}.label", a.id()));
        keys.push(format!("answer.{}.explain", a.id()));
    }
    for b in &catalog.rules.bands {
        keys.push(format!("band.{}.label", b.id));
        keys.push(format!("band.{}.explain", b.id));
    }
    for p in Phase::ALL {
        keys.push(format!("phase.{}.title", phase_id(p)));
    }
    for w in catalog
        .rules
        .warnings
        .iter()
        .map(|w| w.id.as_str())
        .chain(COMPUTED_WARNINGS)
    {
        keys.push(format!("warning.{w}.title"));
        keys.push(format!("warning.{w}.body"));
    }
    for k in EffortKind::ALL {
        keys.push(format!("effort.{}", k.id()));
    }
    keys.extend(crate::diff::KEYS.iter().map(|k| (*k).to_owned()));
    keys.extend(crate::whatif::KEYS.iter().map(|k| (*k).to_owned()));
    for f in &catalog.effort.factors {
        keys.push(format!("factor.{}", f.id));
    }
    for s in &catalog.rules.suggestions {
        keys.push(format!("suggestion.{}", s.id));
    }
    for c in [
        crate::baseline::Confidence::Attested,
        crate::baseline::Confidence::SelfAssessed,
    ] {
        keys.push(format!("confidence.{}", c.id()));
    }
    for k in BASELINE_KEYS {
        keys.push((*k).to_owned());
    }
    keys.extend(crate::export::required_keys());
    for id in [
        "too_large",
        "syntax",
        "field",
        "future_version",
        "not_utf8",
        "too_many_unfit",
    ] {
        keys.push(format!("answers.error.{id}"));
    }
    keys.extend(crate::answers::LOCALE_KEYS.iter().map(|k| (*k).to_owned()));
    for r in crate::snapshot::Reason::ALL {
        keys.push(format!("ui.keep.reason.{}", r.id()));
    }
    keys.extend(crate::export::schedule::required_keys(catalog));
    keys
}

/// Locale keys of the baseline's notes and marks (issue 11).
pub const BASELINE_KEYS: &[&str] = &[
    "benchmarks.none",
    "benchmarks.soc2_only",
    "reuse.head_start",
    "ui_model.suggest.answer",
    "ui_model.suggest.counts",
    "ui_model.suggest.confirm",
    "ui_model.suggest.confirm_all",
    "ui_model.missing.suggestions",
    "ui_model.missing.title",
    "ui_model.missing.intro",
    "ui_model.missing.intake",
    "ui_model.missing.practices",
    "ui_model.missing.go",
    "ui_model.confidence.title",
    "ui_model.confidence.intro",
    "ui_model.confidence.none",
];

/// Stable id of a phase (locale key suffix).
pub fn phase_id(p: Phase) -> &'static str {
    match p {
        Phase::Foundation => "foundation",
        Phase::Extensions => "extensions",
        Phase::Alignment => "alignment",
        Phase::Audit => "audit",
    }
}

/// A readable summary of an assessment, in the given locale.
#[allow(clippy::too_many_lines)] // one straight report, section after section
pub fn summary(catalog: &Catalog, a: &Assessment, locale: &str) -> String {
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
    for f in &catalog.published {
        let src = &catalog.effort.sources[f.source];
        let _ = writeln!(
            s,
            "  {}–{}% of the {} ({}): {} — {}, {}",
            f.low, f.high, f.basis, f.from, f.claim, src.publisher, src.date
        );
    }
    let _ = writeln!(s, "  {}", tr("results.count_vs_effort"));
    let e = &a.effort;
    let _ = writeln!(
        s,
        "\n{}: {}–{} person-days, {}–{} months ({} AI system(s) in scope)",
        tr("results.effort"),
        e.days_low,
        e.days_high,
        e.months_low,
        e.months_high,
        e.systems
    );
    for l in &e.lines {
        let _ = writeln!(
            s,
            "  {:<42} {:>6.1} days",
            tr(&format!("effort.{}", l.kind.id())),
            l.days
        );
    }
    for f in &e.factors {
        let _ = writeln!(
            s,
            "  × {:.2} {}",
            f.multiplier,
            tr(&format!("factor.{}", f.id))
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
            tr(&format!("phase.{}.title", phase_id(p.phase))),
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
                    "{} = {} ({:?} row, credit {:.2})",
                    sp.question,
                    sp.answer.as_deref().unwrap_or("unanswered"),
                    sp.relation,
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
