//! "How this estimate is made": the method appendix of the report, and the method page of the app.
//!
//! One [`Section`] built from the catalog: the model in plain words, every constant with the
//! sources it names, the published figures and why they differ from ours, and what a questionnaire
//! cannot know. The words are locale keys under `method.*`; the numbers and sources come from
//! `content/` (rules, effort figures, published figures), so the page cannot drift from the model.
//!
//! When money is shown, a "Money" part explains the budget: the day rate, the audit and
//! surveillance fees and the consultancy share in use, each with its sources from
//! `content/budget.toml`, or said to be the site owner's own figure (`carryover.config.json`
//! replaces the defaults). With `show_budget: false` the caller passes no settings and the page
//! names no amount.

use crate::assess::budget::{BudgetDefaults, BudgetSettings, format_money, format_range};
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
    "method.budget_heading",
    "method.budget",
    "method.day_rate",
    "method.audit_fee",
    "method.surveillance_fee",
    "method.consultancy",
    "method.consultancy_none",
    "method.budget_site",
    "method.budget_scaled",
];

/// The "Money" lines: each budget figure in use with its sources, or the site owner's.
fn money_lines(
    catalog: &Catalog,
    locale: &str,
    defaults: &BudgetDefaults,
    s: &BudgetSettings,
) -> Vec<String> {
    let f = |k: &str, args: &[(&str, &str)]| tr(catalog, locale, k, args);
    let d = &defaults.settings;
    let cur = s.currency.as_str();
    let same_currency = s.currency == d.currency;
    let sources = |figure: &str, default: bool| -> String {
        if default && same_currency {
            defaults
                .sources_of(figure)
                .iter()
                .map(|src| src.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            f("method.budget_site", &[])
        }
    };
    #[allow(clippy::float_cmp)] // "is it the default figure", compared as given
    let (rate_default, audit_default, share_default, consult_rate_default) = (
        s.day_rate == d.day_rate,
        s.audit_fee == d.audit_fee,
        s.consultancy_share == d.consultancy_share,
        s.consultancy_day_rate == d.consultancy_day_rate,
    );
    let surveillance_sources = if audit_default && same_currency {
        sources("surveillance", true)
    } else {
        f("method.budget_scaled", &[])
    };
    vec![
        f(
            "method.day_rate",
            &[
                ("rate", &format_money(s.day_rate, cur, locale)),
                ("sources", &sources("day_rate", rate_default)),
            ],
        ),
        f(
            "method.audit_fee",
            &[
                ("range", &format_range(s.audit_fee, cur, locale)),
                ("sources", &sources("audit", audit_default)),
            ],
        ),
        f(
            "method.surveillance_fee",
            &[
                ("range", &format_range(s.surveillance_fee, cur, locale)),
                ("sources", &surveillance_sources),
            ],
        ),
        f(
            if s.consultancy_share > 0.0 {
                "method.consultancy"
            } else {
                "method.consultancy_none"
            },
            &[
                (
                    "share",
                    &crate::assess::score::pct(s.consultancy_share).to_string(),
                ),
                ("rate", &format_money(s.consultancy_day_rate, cur, locale)),
                (
                    "sources",
                    &sources("consultancy", share_default && consult_rate_default),
                ),
            ],
        ),
    ]
}

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

/// The sources list: the effort sources (a budget source with the same id adding its note),
/// then the budget's own when money is shown.
fn sources(catalog: &Catalog, locale: &str, budget: Option<&BudgetDefaults>) -> Vec<String> {
    let e = &catalog.effort;
    let budget_sources = budget.map(|d| d.sources.as_slice()).unwrap_or_default();
    let budget_note = |id: &str, note: &str| -> String {
        catalog
            .overlay_text(locale, &format!("budget.{id}.note"), note)
            .to_owned()
    };
    let source_item = |title: &str, publisher: &str, date: &str, note: &str| {
        tr(
            catalog,
            locale,
            "method.source_item",
            &[
                ("title", title),
                ("publisher", publisher),
                ("date", date),
                ("note", note),
            ],
        )
    };
    e.sources
        .iter()
        .map(|s| {
            let note = budget_sources.iter().find(|b| b.id == s.id).map_or_else(
                || s.note.clone(),
                |b| format!("{} {}", s.note, budget_note(&b.id, &b.note)),
            );
            source_item(&s.title, &s.publisher, &s.date, &note)
        })
        .chain(
            budget_sources
                .iter()
                .filter(|b| !e.sources.iter().any(|s| s.id == b.id))
                .map(|b| {
                    source_item(
                        &b.title,
                        &b.publisher,
                        &b.date,
                        &budget_note(&b.id, &b.note),
                    )
                }),
        )
        .collect()
}

/// The method section (report appendix and app page). `money` is the budget settings in use
/// (`None` when money is hidden, or when the budget content could not be read): with it the
/// section explains the budget and lists its sources.
pub fn section(catalog: &Catalog, locale: &str, money: Option<&BudgetSettings>) -> Section {
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
    let money = money.and_then(|s| crate::assess::budget::builtin().ok().map(|d| (d, s)));
    let source_list = sources(catalog, locale, money.map(|(d, _)| d));
    let money_blocks = money.map(|(defaults, settings)| {
        [
            Block::Subheading {
                text: t("method.budget_heading"),
            },
            Block::Paragraph {
                text: t("method.budget"),
            },
            Block::List {
                items: money_lines(catalog, locale, defaults, settings),
            },
        ]
    });
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
        ]
        .into_iter()
        .chain(money_blocks.into_iter().flatten())
        .chain([
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
        ])
        .collect(),
    }
}
