//! Taking the result away: everything a prospect leaves with, rendered by the engine so the web app
//! and the command-line scorer produce the same bytes.
//!
//! - [`report`]: the readiness report as Markdown or as one standalone, print-ready HTML page;
//! - [`soa`]: a draft consolidated Statement of Applicability (ISO 27001:2022 and ISO/IEC 42001
//!   Annex A) as CSV;
//! - [`plan`]: the task plan (see [`crate::assess::tasks`]) as tracker CSV and as an iCalendar file with the
//!   certification milestones and a staggered, ending review series per task;
//! - [`schedule`]: the dated roadmap (phases from a start date, certification milestones, when
//!   reviews fall);
//! - [`units`]: rounding and plurals of every number a reader sees;
//! - [`csv`], [`ical`] and [`date`]: the small, tested writers those stand on.
//!
//! Like the rest of the engine these are pure: the caller passes the date a report is prepared on
//! and the time stamp of a calendar, and the same inputs give the same bytes. The writers are
//! hand-written rather than pulled from crates because each is a few dozen lines, the web app ships
//! them in its wasm, and their tests parse the output back.
//!
//! Every sentence a reader sees comes from the locale (`content/locales/<locale>.toml`, keys under
//! `report`, `soa`, `tasks` and `share`), with `{name}` placeholders filled here.

pub mod blocks;
pub mod csv;
pub mod date;
pub mod ical;
pub mod method;
pub mod plan;
pub mod register;
pub mod report;
pub mod schedule;
pub mod soa;
pub mod takeaway;
pub mod units;

pub use units::days;

pub(crate) use crate::content::catalog::tr;
pub use crate::model::checksum::fnv1a32;
pub use crate::model::text::{escape_control, fill};

use crate::assess::score::{NotApplicable, RequirementResult};
use crate::content::catalog::{Catalog, Question};
use crate::model::Cadence;
use crate::model::{PracticeAnswer, Relation};

/// Locale keys the exports look up (checked by catalog validation through
/// [`crate::text::required_keys`]).
pub const KEYS: &[&str] = &[
    "relation.full",
    "relation.partial",
    "why.scope",
    "why.answered_na",
    "why.best",
    "why.none",
    "reuse.head_start",
    "report.title",
    "report.prepared",
    "report.progress",
    "report.score",
    "report.highlight_count",
    "report.highlight_effort",
    "report.effort_range",
    "report.overlap_intro",
    "report.part",
    "report.clauses",
    "report.annex",
    "report.all",
    "report.effort_done",
    "report.days_done",
    "report.days_done_header",
    "report.person_days",
    "report.systems",
    "report.amount",
    "report.effort_range_same",
    "tasks.cost",
    "report.effort_kind",
    "report.factor",
    "report.total",
    "report.phase_days",
    "report.phase_empty",
    "report.requirement",
    "report.name",
    "report.status",
    "report.why",
    "report.remaining",
    "report.gain",
    "report.area",
    "report.related",
    "report.no_warnings",
    "report.answers",
    "report.question",
    "report.answer",
    "report.not_answered",
    "report.none_selected",
    "soa.standard",
    "soa.control",
    "soa.name",
    "soa.applicable",
    "soa.justification",
    "soa.status",
    "soa.practices",
    "soa.yes",
    "soa.no",
    "soa.iso42001",
    "soa.not_answered",
    "tasks.id",
    "tasks.summary",
    "tasks.description",
    "tasks.owner",
    "tasks.phase",
    "tasks.estimate",
    "tasks.labels",
    "tasks.cadence",
    "tasks.requirement",
    "tasks.status",
    "tasks.title.extend",
    "tasks.title.net_new",
    "tasks.body",
    "tasks.builds_on",
    "tasks.calendar",
    "tasks.event",
    "tasks.issue.not_object",
    "tasks.issue.unknown_requirement",
    "tasks.issue.entry_not_object",
    "tasks.issue.unknown_field",
    "tasks.issue.owner_type",
    "tasks.issue.owner_long",
    "tasks.issue.owner_control",
    "tasks.issue.cadence",
    "share.error.empty",
    "share.error.oversized",
    "share.error.wrong_version",
    "share.error.invalid_base64",
    "share.error.truncated",
    "share.error.tampered",
    "share.error.inflates_too_large",
    "share.error.not_text",
    "share.error.document",
];

/// Locale keys of the dated roadmap, the calendar's milestones and the Statement of
/// Applicability in the terms a certification body reads (issue 12).
pub const KEYS_DATED: &[&str] = &[
    "report.schedule_intro",
    "report.phase_dated",
    "report.phase_skipped",
    "report.milestones",
    "report.milestone",
    "report.date",
    "report.basis",
    "report.win_plain",
    "report.cover_schedule",
    "report.published_linked",
    "report.soa",
    "report.soa_intro",
    "report.soa_part",
    "from.iso27001",
    "from.soc2",
    "from.airmf",
    "from.and",
    "soa.owner",
    "soa.implementation",
    "ui.take.start_label",
    "ui.take.start_hint",
    "soa.impl.inherited",
    "soa.impl.extend",
    "soa.impl.net_new",
    "soa.impl.not_applicable",
    "soa.why.included",
    "soa.why.included_scope",
    "soa.why.excluded_scope",
    "soa.why.excluded_answered",
    "soa.why.evidence",
    "soa.why.no_evidence",
    "soa.why.roles",
    "soa.why.no_roles",
    "soa.why.risk",
    "soa.why.covered",
    "soa.why.covered_na",
    "soa.why.existing_soa",
    "soa.why.no_existing_soa",
    "soa.state.existing_soa",
    "soa.state.to_decide",
    "soa.decided.existing_soa",
    "soa.decided.to_decide",
    "tasks.milestone_event",
    "tasks.review_until",
];

/// Every locale key the exports need, for [`crate::text::required_keys`].
pub fn required_keys() -> Vec<String> {
    let mut keys: Vec<String> = KEYS
        .iter()
        .chain(method::KEYS)
        .chain(KEYS_DATED)
        .chain(takeaway::LOCALE_KEYS)
        .map(|k| (*k).to_owned())
        .collect();
    keys.extend(units::required_keys());
    for c in Cadence::ALL {
        keys.push(format!("cadence.{}", c.id()));
    }
    keys
}

/// The programs a published figure is about, as a person reads them: `iso27001+soc2` becomes
/// "ISO 27001 and SOC 2" (locale keys `from.<framework>` and `from.and`).
pub(crate) fn programs_name(catalog: &Catalog, locale: &str, from: &str) -> String {
    let names: Vec<String> = from
        .split('+')
        .map(|p| tr(catalog, locale, &format!("from.{p}"), &[]))
        .collect();
    match names.as_slice() {
        [a, b] => tr(catalog, locale, "from.and", &[("a", a), ("b", b)]),
        _ => names.join(", "),
    }
}

/// A practice's short display name (its content `name`; the statement for a question without one,
/// which validation allows only for intake questions). Never the id: ids are not for people, and a
/// name in content can be translated.
pub fn practice_name(question: &Question) -> String {
    question
        .name
        .clone()
        .unwrap_or_else(|| question.text.clone())
}

/// The label of a practice answer.
pub(crate) fn answer_label(catalog: &Catalog, locale: &str, a: PracticeAnswer) -> String {
    tr(catalog, locale, &format!("answer.{}.label", a.id()), &[])
}

/// One line saying why a requirement has its status: the reason it does not apply, or the practice
/// row that set its credit.
pub fn why(catalog: &Catalog, locale: &str, r: &RequirementResult) -> String {
    let practice_of = |id: &str| {
        catalog
            .question(id)
            .map_or_else(|| id.to_owned(), practice_name)
    };
    match (&r.not_applicable, r.best.and_then(|b| r.support.get(b))) {
        (Some(NotApplicable::Scope), _) => {
            let reason = catalog
                .requirement(&r.id)
                .and_then(|x| x.na_reason.as_deref())
                .unwrap_or_default();
            tr(catalog, locale, "why.scope", &[("reason", reason)])
        }
        (Some(NotApplicable::Answered { questions }), _) => {
            let names: Vec<String> = questions.iter().map(|q| practice_of(q)).collect();
            tr(
                catalog,
                locale,
                "why.answered_na",
                &[("practices", &names.join(", "))],
            )
        }
        (None, Some(sp)) if sp.relation == Relation::Partial => {
            let answer = sp
                .answer
                .as_deref()
                .and_then(PracticeAnswer::from_id)
                .map_or_else(String::new, |a| answer_label(catalog, locale, a));
            let reuse = catalog
                .question(&sp.question)
                .zip(catalog.requirement_index(&r.id))
                .and_then(|(q, ri)| q.covers.iter().find(|c| c.requirement == ri))
                .and_then(|c| c.reuse.as_deref())
                .unwrap_or_default();
            tr(
                catalog,
                locale,
                "reuse.head_start",
                &[
                    ("practice", &practice_of(&sp.question)),
                    ("answer", &answer),
                    ("reuse", reuse),
                    ("share", &crate::assess::score::pct(sp.share).to_string()),
                ],
            )
        }
        (None, Some(sp)) => {
            let answer = sp
                .answer
                .as_deref()
                .and_then(PracticeAnswer::from_id)
                .map_or_else(String::new, |a| answer_label(catalog, locale, a));
            let relation = match sp.relation {
                Relation::Full => "relation.full",
                Relation::Partial => "relation.partial",
            };
            tr(
                catalog,
                locale,
                "why.best",
                &[
                    ("practice", &practice_of(&sp.question)),
                    ("answer", &answer),
                    ("relation", catalog.text(locale, relation)),
                ],
            )
        }
        (None, None) => tr(catalog, locale, "why.none", &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_the_rest() {
        let cases: &[(&str, &str)] = &[
            ("{a} and {b}", "1 and 2"),
            ("{missing}", "{missing}"),
            ("{", "{"),
            ("}{", "}{"),
            ("x{a", "x{a"),
            ("{{a}", "{1"),
            ("", ""),
            ("é{a}é", "é1é"),
        ];
        for (template, expect) in cases {
            assert_eq!(
                fill(template, &[("a", "1"), ("b", "2")]),
                *expect,
                "{template}"
            );
        }
    }

    #[test]
    fn fnv_matches_reference_values() {
        assert_eq!(fnv1a32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a32(b"foobar"), 0xbf9c_f968);
    }
}
