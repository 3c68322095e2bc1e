//! "How this estimate is made": the method appendix of the report, and the method page of the app.
//!
//! One [`Section`] built from the catalog: the model in plain words, every constant with the
//! sources it names, the published figures and why they differ from ours, and what a questionnaire
//! cannot know. The words are locale keys under `method.*`; the numbers and sources come from
//! `content/` (rules, effort figures, published figures), so the page cannot drift from the model.

use crate::content::catalog::Catalog;
use crate::export::blocks::{Block, Linked, Section};
use crate::export::tr;
use crate::export::units::localize;
use crate::model::Maturity;

/// Locale keys the method section needs.
pub const KEYS: &[&str] = &[
    "method.title",
    "method.model_heading",
    "method.model",
    "method.shares",
    "method.effort",
    "method.constants_heading",
    "method.maturity_credit",
    "method.capacity",
    "method.audit_cycle",
    "method.foundation",
    "method.systems",
    "method.range",
    "method.factor",
    "method.results_gate",
    "method.published_heading",
    "method.published_why",
    "method.published_item",
    "method.cannot_heading",
    "method.cannot",
    "method.sources_heading",
    "method.source_item",
];

/// Every constant of the model with the sources it names, one line each.
fn constants(catalog: &Catalog, locale: &str) -> Vec<String> {
    let t = |k: &str| tr(catalog, locale, k, &[]);
    let f = |k: &str, args: &[(&str, &str)]| tr(catalog, locale, k, args);
    let e = &catalog.effort;
    let sources = |key: &str| -> String {
        e.figure_sources
            .get(key)
            .map(|ids| {
                ids.iter()
                    .map(|id| {
                        e.sources
                            .iter()
                            .find(|s| &s.id == id)
                            .map_or_else(|| id.clone(), |s| s.title.clone())
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default()
    };
    // Two decimals, as the locale writes them.
    let two = |x: f64| localize(locale, &format!("{x:.2}"));
    let credits: Vec<String> = Maturity::ALL
        .iter()
        .zip(catalog.rules.maturity_credit)
        .map(|(m, c)| format!("{} {}", t(&format!("answer.{}.label", m.id())), two(c)))
        .collect();
    let mut constants = vec![
        f(
            "method.maturity_credit",
            &[("credits", &credits.join(", "))],
        ),
        f(
            "method.capacity",
            &[
                ("low", &super::units::days_in(locale, e.capacity_low)),
                ("high", &super::units::days_in(locale, e.capacity_high)),
                ("sources", &sources("capacity")),
            ],
        ),
        f(
            "method.audit_cycle",
            &[
                ("days", &super::units::days_in(locale, e.audit_days)),
                ("months", &super::units::days_in(locale, e.audit_months)),
                ("sources", &sources("audit_cycle")),
            ],
        ),
        f(
            "method.foundation",
            &[
                (
                    "days",
                    &super::units::days_in(locale, e.foundation_days_per_practice),
                ),
                ("sources", &sources("foundation")),
            ],
        ),
        f(
            "method.systems",
            &[
                (
                    "share",
                    &crate::assess::score::pct(e.additional_system_share).to_string(),
                ),
                ("sources", &sources("systems")),
            ],
        ),
        f(
            "method.range",
            &[
                ("low", &two(e.range_low)),
                ("high", &two(e.range_high)),
                ("sources", &sources("range")),
            ],
        ),
    ];
    for factor in &e.factors {
        constants.push(f(
            "method.factor",
            &[
                ("factor", &t(&format!("factor.{}", factor.id))),
                ("multiplier", &two(factor.multiplier)),
                ("sources", &sources(&format!("factor.{}", factor.id))),
            ],
        ));
    }
    constants.push(f(
        "method.results_gate",
        &[(
            "share",
            &crate::assess::score::pct(catalog.rules.min_practice_share).to_string(),
        )],
    ));
    constants
}

/// The method section (report appendix and app page).
pub fn section(catalog: &Catalog, locale: &str) -> Section {
    let t = |k: &str| tr(catalog, locale, k, &[]);
    let f = |k: &str, args: &[(&str, &str)]| tr(catalog, locale, k, args);
    let e = &catalog.effort;
    let constants = constants(catalog, locale);
    // Every published figure, whether or not it describes this respondent, each with its source's
    // link: the appendix is where a reader checks our figures against theirs.
    let published: Vec<Linked> = catalog
        .published
        .iter()
        .map(|p| {
            let src = e.sources.get(p.source);
            Linked {
                text: f(
                    "method.published_item",
                    &[
                        ("low", &p.low.to_string()),
                        ("high", &p.high.to_string()),
                        ("basis", &t(&format!("ui.results.basis.{}", p.basis))),
                        ("from", &super::programs_name(catalog, locale, &p.from)),
                        ("claim", &p.claim),
                        ("source", src.map_or("", |s| s.title.as_str())),
                    ],
                ),
                label: src.map_or_else(String::new, |s| s.publisher.clone()),
                url: p.url.clone(),
            }
        })
        .collect();
    let source_list: Vec<String> = e
        .sources
        .iter()
        .map(|s| {
            f(
                "method.source_item",
                &[
                    ("title", &s.title),
                    ("publisher", &s.publisher),
                    ("date", &s.date),
                    ("note", &s.note),
                ],
            )
        })
        .collect();
    Section {
        id: "method",
        heading: t("method.title"),
        blocks: vec![
            Block::Subheading {
                text: t("method.model_heading"),
            },
            Block::Paragraph {
                text: t("method.model"),
            },
            Block::Paragraph {
                text: t("method.shares"),
            },
            Block::Paragraph {
                text: t("method.effort"),
            },
            Block::Subheading {
                text: t("method.constants_heading"),
            },
            Block::List { items: constants },
            Block::Subheading {
                text: t("method.published_heading"),
            },
            Block::Paragraph {
                text: t("method.published_why"),
            },
            Block::Sources { items: published },
            Block::Subheading {
                text: t("method.cannot_heading"),
            },
            Block::Paragraph {
                text: t("method.cannot"),
            },
            Block::Subheading {
                text: t("method.sources_heading"),
            },
            Block::List { items: source_list },
        ],
    }
}
