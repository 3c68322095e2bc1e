//! The top layer: every locale key the other layers and the web UI look up, checked against
//! English by [`check_locales`].
//!
//! The engine never hard-codes a sentence a user reads: it emits ids (statuses, bands, warnings,
//! effort kinds) and looks their words up in `content/locales/<locale>.toml`. [`required_keys`]
//! lists every key the engine and the UI need, and [`check_locales`] (run by the content tests and
//! at the command-line scorer's start) fails when English lacks one, so a new warning cannot ship
//! without its text.

use crate::assess::score::COMPUTED_WARNINGS;
use crate::assess::score::effort::EffortKind;
use crate::content::catalog::{Catalog, ContentErrors};
use crate::model::{Phase, PracticeAnswer, Status};

/// Keys the web UI looks up (kept here so validation covers them too).
pub const UI_KEYS: &[&str] = &[
    "app.name",
    "app.promise",
    "lang.name",
    "lang.label",
    "lang.loading",
    "lang.failed",
    "lang.error.unavailable",
    "lang.error.slow",
    "lang.error.damaged",
    "lang.error.foreign",
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
    "ui.compare.link_label",
    "ui.compare.link_go",
    "ui.compare.link_failed",
    "ui.compare.loaded_link",
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
    keys.extend(
        crate::assess::triage::UI_KEYS
            .iter()
            .map(|k| (*k).to_owned()),
    );
    keys.extend(crate::export::register::locale_keys());
    for l in crate::content::lang::Lang::ALL {
        keys.push(format!("lang.called.{}", l.id()));
    }
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
        keys.push(format!("phase.{}.title", p.id()));
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
    keys.extend(crate::assess::diff::KEYS.iter().map(|k| (*k).to_owned()));
    keys.extend(crate::assess::whatif::KEYS.iter().map(|k| (*k).to_owned()));
    for f in &catalog.effort.factors {
        keys.push(format!("factor.{}", f.id));
    }
    for s in &catalog.rules.suggestions {
        keys.push(format!("suggestion.{}", s.id));
    }
    for c in [
        crate::assess::baseline::Confidence::Attested,
        crate::assess::baseline::Confidence::SelfAssessed,
    ] {
        keys.push(format!("confidence.{}", c.id()));
    }
    for k in BASELINE_KEYS {
        keys.push((*k).to_owned());
    }
    keys.extend(crate::export::required_keys());
    keys.extend(crate::embed::problems::locale_keys());
    keys.extend(CLI_KEYS.iter().map(|k| (*k).to_owned()));
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
    keys.extend(
        crate::document::answers::LOCALE_KEYS
            .iter()
            .map(|k| (*k).to_owned()),
    );
    for r in crate::document::snapshot::Reason::ALL {
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

/// Keys the command-line scorer (`src/bin`) looks up: its usage, errors and text summary.
pub const CLI_KEYS: &[&str] = &[
    "cli.usage",
    "cli.content",
    "cli.warning",
    "cli.file_warning",
    "cli.or",
    "cli.error.unknown_command",
    "cli.error.unknown_option",
    "cli.error.needs_value",
    "cli.error.format",
    "cli.error.date",
    "cli.error.unexpected_argument",
    "cli.error.read_stdin",
    "cli.error.read_file",
    "cli.error.input",
    "cli.error.link",
    "cli.error.write_json",
    "cli.error.diff_inputs",
    "cli.error.budget_invalid",
    "cli.error.config_not_utf8",
    "cli.summary.readiness",
    "cli.summary.answered",
    "cli.summary.clauses",
    "cli.summary.annex",
    "cli.summary.all",
    "cli.summary.overlap_row",
    "cli.summary.published_row",
    "cli.summary.effort",
    "cli.summary.budget",
    "cli.summary.days",
    "cli.summary.areas",
    "cli.summary.na",
    "cli.summary.score",
    "cli.summary.win",
    "cli.summary.phase",
    "cli.summary.why_na",
    "cli.summary.why_row",
    "cli.summary.unanswered",
    "cli.summary.why_none",
];

/// Every key some layer looks up that English lacks, as content problems (empty: none). Checked
/// here, above every layer, so that content validation at the bottom need not reach up for the
/// keys; the content tests and the command-line scorer run it after [`Catalog::load`].
pub fn check_locales(catalog: &Catalog) -> Result<(), ContentErrors> {
    let Some(en) = catalog.locales.get("en") else {
        return Ok(());
    };
    let missing: Vec<String> = required_keys(catalog)
        .into_iter()
        .filter(|key| !en.contains_key(key))
        .map(|key| format!("locales/en.toml: missing `{key}`"))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ContentErrors(missing))
    }
}

/// Stable id of a phase (locale key suffix); the same as [`Phase::id`].
pub fn phase_id(p: Phase) -> &'static str {
    p.id()
}
