//! The AI system register taken away (issue 16): the register CSV (one row per system), the
//! report's "Your AI systems" section, and the sentence the Statement of Applicability adds to a
//! control's justification naming the systems that bring it in.
//!
//! Names and owners are the user's text: in the CSV they go through [`Csv::user_field`] (a cell
//! starting with `=`, `+`, `-` or `@` gets a leading `'`, so no spreadsheet runs it as a formula);
//! the report's writers escape every text for HTML and Markdown.

use crate::assess::score::Assessment;
use crate::assess::triage::{Rules, SystemResult, impact_order};
use crate::content::catalog::Catalog;
use crate::document::answers::Answers;
use crate::document::register::System;
use crate::export::blocks::{Block, Cell, Section, Table};
use crate::export::csv::Csv;
use crate::export::tr;

/// The CSV columns (locale `register.export.column.<id>`).
pub const COLUMNS: [&str; 13] = [
    "name",
    "owner",
    "purposes",
    "roles",
    "affects_people",
    "annex_iii",
    "oversight",
    "outcome",
    "category",
    "articles",
    "notes",
    "priority",
    "controls",
];

/// Locale keys this module uses (for [`crate::text::required_keys`]).
pub fn locale_keys() -> Vec<String> {
    let mut keys: Vec<String> = COLUMNS
        .iter()
        .map(|c| format!("register.export.column.{c}"))
        .collect();
    keys.extend(
        [
            "register.export.heading",
            "register.export.intro",
            "register.export.soa",
            "register.export.unnamed",
        ]
        .map(String::from),
    );
    keys
}

/// The name to show: as typed, or "Unnamed system n" (n = its place in the register, from 1).
pub fn display_name(catalog: &Catalog, locale: &str, name: &str, position: usize) -> String {
    if name.trim().is_empty() {
        tr(
            catalog,
            locale,
            "register.export.unnamed",
            &[("n", &position.to_string())],
        )
    } else {
        name.to_owned()
    }
}

/// The labels of a system's answer to a register question, joined with "; ".
fn labels(catalog: &Catalog, locale: &str, rules: &Rules, system: &System, field: &str) -> String {
    let chosen: Vec<String> = match system.fact(field) {
        [] => rules
            .field(field)
            .and_then(|f| f.default.clone())
            .into_iter()
            .collect(),
        some => some.to_vec(),
    };
    chosen
        .iter()
        .map(|c| {
            tr(
                catalog,
                locale,
                &format!("register.choice.{field}.{c}"),
                &[],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One system's row: the register's answers and the engine's triage, in [`COLUMNS`] order. The
/// first two (name, owner) are the user's text.
fn row(
    catalog: &Catalog,
    locale: &str,
    rules: &Rules,
    position: usize,
    system: &System,
    result: &SystemResult,
) -> Vec<String> {
    let l = |f: &str| labels(catalog, locale, rules, system, f);
    vec![
        display_name(catalog, locale, &system.name, position),
        system.owner.clone(),
        l("purposes"),
        l("roles"),
        l("affects_people"),
        l("annex_iii"),
        l("oversight"),
        tr(
            catalog,
            locale,
            &format!("triage.tier.{}.title", result.tier),
            &[],
        ),
        tr(
            catalog,
            locale,
            &format!("triage.category.{}", result.category),
            &[],
        ),
        result.all_articles().join(", "),
        result
            .notes
            .iter()
            .map(|n| tr(catalog, locale, &format!("triage.note.{}", n.id), &[]))
            .collect::<Vec<_>>()
            .join(" "),
        tr(
            catalog,
            locale,
            &format!("triage.priority.{}", result.priority),
            &[],
        ),
        result.requirements().join(", "),
    ]
}

/// The systems with their results, in the register's order (position from 1).
fn pairs<'a>(
    answers: &'a Answers,
    assessment: &'a Assessment,
) -> impl Iterator<Item = (usize, &'a System, &'a SystemResult)> {
    answers
        .register()
        .systems
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            assessment
                .systems
                .iter()
                .find(|r| r.id == s.id)
                .map(|r| (i + 1, s, r))
        })
}

/// The register CSV: a header row, then one row per system in the register's order.
pub fn csv(catalog: &Catalog, answers: &Answers, assessment: &Assessment, locale: &str) -> String {
    let mut out = Csv::new();
    out.record(
        COLUMNS
            .iter()
            .map(|c| tr(catalog, locale, &format!("register.export.column.{c}"), &[])),
    );
    let Some(rules) = Rules::builtin() else {
        return out.finish();
    };
    for (position, system, result) in pairs(answers, assessment) {
        let fields = row(catalog, locale, rules, position, system, result);
        for (i, f) in fields.iter().enumerate() {
            if i < 2 {
                out.user_field(f);
            } else {
                out.field(f);
            }
        }
        out.end_record();
    }
    out.finish()
}

/// The report's "Your AI systems" section (`None` without a register): the disclaimer with the
/// rules' date, then a table in impact-assessment order.
pub fn section(
    catalog: &Catalog,
    answers: &Answers,
    assessment: &Assessment,
    locale: &str,
) -> Option<Section> {
    let rules = Rules::builtin()?;
    if assessment.systems.is_empty() {
        return None;
    }
    let columns = [
        "name",
        "priority",
        "outcome",
        "articles",
        "roles",
        "annex_iii",
        "controls",
    ];
    let index = |c: &str| COLUMNS.iter().position(|k| *k == c).unwrap_or(0);
    let all: Vec<(usize, &System, &SystemResult)> = pairs(answers, assessment).collect();
    let rows = impact_order(&assessment.systems)
        .into_iter()
        .filter_map(|r| all.iter().find(|(_, s, _)| s.id == r.id))
        .map(|(position, system, result)| {
            let fields = row(catalog, locale, rules, *position, system, result);
            columns
                .iter()
                .map(|c| Cell {
                    text: fields.get(index(c)).cloned().unwrap_or_default(),
                    status: None,
                })
                .collect()
        })
        .collect();
    Some(Section {
        id: "systems",
        heading: tr(catalog, locale, "register.export.heading", &[]),
        blocks: vec![
            Block::Paragraph {
                text: tr(
                    catalog,
                    locale,
                    "triage.disclaimer",
                    &[("date", &rules.as_of)],
                ),
            },
            Block::Paragraph {
                text: tr(catalog, locale, "register.export.intro", &[]),
            },
            Block::Table(Table {
                columns: columns
                    .iter()
                    .map(|c| tr(catalog, locale, &format!("register.export.column.{c}"), &[]))
                    .collect(),
                numeric: vec![false; columns.len()],
                rows,
            }),
        ],
    })
}

/// The Statement of Applicability's sentence naming the systems that bring `requirement` into
/// scope (`None` when no listed system does).
pub fn soa_systems(
    catalog: &Catalog,
    answers: &Answers,
    assessment: &Assessment,
    requirement: &str,
    locale: &str,
) -> Option<String> {
    let names: Vec<String> = pairs(answers, assessment)
        .filter(|(_, _, r)| r.requirements().iter().any(|x| x == requirement))
        .map(|(position, s, _)| display_name(catalog, locale, &s.name, position))
        .collect();
    (!names.is_empty()).then(|| {
        tr(
            catalog,
            locale,
            "register.export.soa",
            &[("systems", &names.join(", "))],
        )
    })
}
