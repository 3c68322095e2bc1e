//! The readiness report: one document model, rendered as Markdown or as a standalone HTML page
//! that prints cleanly (A4, a cover page, table headers repeated across pages, no UI chrome).
//!
//! [`Report::build`] resolves everything a reader sees into text — names, statuses, reasons,
//! numbers rounded by [`crate::export::units`] — from the catalog, the assessment and the answers,
//! so the renderers only lay it out and cannot disagree. The document is a cover and a list of
//! [`Section`]s made of a few kinds of [`Block`]; a new section (an appendix, say) is one more
//! `Section` value pushed onto `sections`, with no renderer change. There is one renderer per
//! medium: [`Report::to_markdown`], and [`Report::to_html_fragment`], which the standalone page
//! ([`Report::to_html`], with [`CSS`] inline) and the web app's printed report (the fragment set as
//! inner HTML, styled by the same `report.css` linked for print) both use. The dates (prepared on,
//! roadmap start) are the caller's: the engine has no clock.
//!
//! Escaping: every piece of text is escaped where it is written ([`html_escape`] for HTML,
//! [`md_escape`] for Markdown), and the page has no scripts and loads nothing, so a report opened
//! from disk is inert.

use std::fmt::Write as _;

use serde::Serialize;

use std::collections::BTreeMap;

use crate::assess::budget::{BudgetSettings, budget, format_money, format_range};
use crate::assess::condition::visible_questions;
use crate::assess::score::{Assessment, Split};
use crate::assess::tasks::TaskSettings;
use crate::content::catalog::Catalog;
use crate::document::answers::{Answer, Answers};
pub use crate::export::blocks::{Block, Cell, Linked, Section, Table};
use crate::export::date::Date;
use crate::export::schedule::{self, Schedule};
use crate::export::soa;
use crate::export::units::{days, months_number, person_days, points};
use crate::export::{answer_label, practice_name, tr, why};
use crate::model::{PracticeAnswer, Status};

/// The whole report, as text ready to lay out.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Locale it was built in (the HTML `lang`).
    pub locale: String,
    /// Document title.
    pub title: String,
    /// The cover.
    pub cover: Cover,
    /// Sections, in reading order.
    pub sections: Vec<Section>,
    /// The disclaimer (also on the cover).
    pub disclaimer: String,
}

/// The cover page.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    /// Product name.
    pub app: String,
    /// "Prepared on … from content version …".
    pub prepared: String,
    /// Label of the score.
    pub readiness: String,
    /// 0–100.
    pub score: u8,
    /// "54/100".
    pub score_text: String,
    /// Band label.
    pub band: String,
    /// What the band means.
    pub band_explain: String,
    /// How many questions were answered.
    pub progress: String,
    /// Headline figures (overlap by count and by effort, the effort range).
    pub highlights: Vec<String>,
}

/// What the caller decides about a report besides the answers.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions<'a> {
    /// The date on the cover.
    pub prepared: Date,
    /// The day the roadmap starts.
    pub start: Date,
    /// Task owners and cadences (the answers document's `tasks`), for the owner column of the
    /// Statement of Applicability.
    pub tasks: &'a BTreeMap<String, TaskSettings>,
    /// The budget settings in use (content defaults with the site owner's overrides), or `None`
    /// when money is hidden (`show_budget: false`): then the report names no amount.
    pub budget: Option<&'a BudgetSettings>,
}

impl Section {
    /// The section's blocks as HTML (no heading: the caller places it), by the same writer as the
    /// HTML report, so a section shown on screen reads exactly as in the report.
    pub fn blocks_html(&self) -> String {
        let mut s = String::new();
        for block in &self.blocks {
            html_block(&mut s, block);
        }
        s
    }
}

struct Ctx<'a> {
    catalog: &'a Catalog,
    locale: &'a str,
}

impl Ctx<'_> {
    fn t(&self, key: &str) -> String {
        tr(self.catalog, self.locale, key, &[])
    }

    fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        tr(self.catalog, self.locale, key, args)
    }

    fn status(&self, s: Status) -> Cell {
        Cell {
            text: self.t(&format!("status.{}", s.id())),
            status: Some(s),
        }
    }

    fn practice(&self, id: &str) -> String {
        self.catalog
            .question(id)
            .map_or_else(|| id.to_owned(), practice_name)
    }
}

impl Report {
    /// Builds the report for these answers and their assessment, prepared on `date`, the roadmap
    /// starting that day, without task owners.
    pub fn build(
        catalog: &Catalog,
        assessment: &Assessment,
        answers: &Answers,
        locale: &str,
        date: Date,
    ) -> Report {
        let none = BTreeMap::new();
        Report::build_with(
            catalog,
            assessment,
            answers,
            locale,
            ReportOptions {
                prepared: date,
                start: date,
                tasks: &none,
                budget: None,
            },
        )
    }

    /// Builds the report with the caller's options.
    pub fn build_with(
        catalog: &Catalog,
        assessment: &Assessment,
        answers: &Answers,
        locale: &str,
        options: ReportOptions<'_>,
    ) -> Report {
        let c = Ctx { catalog, locale };
        let a = assessment;
        let date = options.prepared;
        let plan = schedule::schedule(catalog, assessment, options.start);
        let score_text = c.f("report.score", &[("score", &a.readiness.score.to_string())]);
        let cover = Cover {
            app: c.t("app.name"),
            prepared: c.f(
                "report.prepared",
                &[
                    ("date", &schedule::long_date(catalog, locale, date)),
                    ("version", &catalog.content_version),
                ],
            ),
            readiness: c.t("results.readiness"),
            score: a.readiness.score,
            score_text,
            band: c.t(&format!("band.{}.label", a.readiness.band)),
            band_explain: c.t(&format!("band.{}.explain", a.readiness.band)),
            progress: c.f(
                "report.progress",
                &[
                    ("answered", &a.progress.answered.to_string()),
                    ("total", &a.progress.total.to_string()),
                ],
            ),
            highlights: vec![
                c.f(
                    "report.highlight_count",
                    &[
                        ("inherited", &a.overlap.all.inherited_pct.to_string()),
                        ("extend", &a.overlap.all.extend_pct.to_string()),
                        ("net_new", &a.overlap.all.net_new_pct.to_string()),
                    ],
                ),
                c.f(
                    "report.highlight_effort",
                    &[("done", &a.overlap.all.effort_done_pct.to_string())],
                ),
                effort_range(&c, a),
            ]
            .into_iter()
            .chain(options.budget.map(|b| money_range(&c, a, b)))
            .chain(cover_schedule(&c, &plan))
            .collect(),
        };
        Report {
            locale: locale.to_owned(),
            title: c.t("report.title"),
            cover,
            sections: vec![
                overlap(&c, a),
                effort(&c, a),
                roadmap(&c, a, &plan),
                wins(&c, a),
                warnings(&c, a),
                statement(&c, a, answers, options.tasks),
                requirements(&c, a),
                answers_given(&c, answers),
                super::method::section(catalog, locale, options.budget),
            ]
            .into_iter()
            // After the effort: the budget when money is shown, then the AI system register
            // (issue 16) when there is one.
            .enumerate()
            .flat_map(|(i, s)| {
                let money = (i == 1)
                    .then(|| options.budget.map(|b| money(&c, a, b)))
                    .flatten();
                let systems = (i == 1)
                    .then(|| super::register::section(catalog, answers, assessment, locale))
                    .flatten();
                std::iter::once(s).chain(money).chain(systems)
            })
            .collect(),
            disclaimer: c.t("app.disclaimer"),
        }
    }

    /// The report as Markdown (`CommonMark` with GitHub tables).
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let c = &self.cover;
        let _ = writeln!(s, "# {}\n", md_escape(&self.title));
        let _ = writeln!(s, "{}\n", md_escape(&c.prepared));
        let _ = writeln!(
            s,
            "**{}: {} — {}**\n",
            md_escape(&c.readiness),
            md_escape(&c.score_text),
            md_escape(&c.band)
        );
        let _ = writeln!(s, "{}\n", md_escape(&c.band_explain));
        for h in &c.highlights {
            let _ = writeln!(s, "- {}", md_escape(h));
        }
        let _ = writeln!(s, "- {}\n", md_escape(&c.progress));
        let _ = writeln!(s, "> {}\n", md_escape(&self.disclaimer));
        for section in &self.sections {
            let _ = writeln!(s, "## {}\n", md_escape(&section.heading));
            for block in &section.blocks {
                md_block(&mut s, block);
            }
        }
        let _ = writeln!(s, "---\n\n{}", md_escape(&self.disclaimer));
        s
    }

    /// The report as one standalone HTML page (inline styles, no scripts, nothing loaded).
    pub fn to_html(&self) -> String {
        let e = html_escape;
        let mut s = String::new();
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>\n",
            e(&self.locale),
            e(&self.title),
            e(&self.cover.score_text),
            CSS
        );
        s.push_str(&self.html_article(true));
        let _ = writeln!(s, "</body>\n</html>");
        s
    }

    /// The report as one `<article class="report">` element, as the web app prints it: the same
    /// markup as the standalone page's body, without its table of contents.
    pub fn to_html_fragment(&self) -> String {
        self.html_article(false)
    }

    fn html_article(&self, contents: bool) -> String {
        let e = html_escape;
        let c = &self.cover;
        let mut s = String::new();
        let _ = writeln!(s, "<article class=\"report\" lang=\"{}\">", e(&self.locale));
        let _ = write!(
            s,
            "<section class=\"cover\">\n<p class=\"app\">{}</p>\n<h1>{}</h1>\n<p class=\"prepared\">{}</p>\n\
             <div class=\"score\"><span class=\"label\">{}</span><span class=\"value\">{}</span>\
             <span class=\"band\">{}</span></div>\n<p class=\"band-explain\">{}</p>\n<ul class=\"highlights\">\n",
            e(&c.app),
            e(&self.title),
            e(&c.prepared),
            e(&c.readiness),
            e(&c.score_text),
            e(&c.band),
            e(&c.band_explain)
        );
        for h in &c.highlights {
            let _ = writeln!(s, "<li>{}</li>", e(h));
        }
        let _ = writeln!(s, "<li>{}</li>\n</ul>", e(&c.progress));
        let _ = writeln!(s, "<p class=\"disclaimer\">{}</p>", e(&self.disclaimer));
        if contents {
            let _ = writeln!(s, "<nav><ol>");
            for section in &self.sections {
                let _ = writeln!(
                    s,
                    "<li><a href=\"#{}\">{}</a></li>",
                    section.id,
                    e(&section.heading)
                );
            }
            let _ = writeln!(s, "</ol></nav>");
        }
        let _ = writeln!(s, "</section>");
        for section in &self.sections {
            let _ = writeln!(
                s,
                "<section id=\"{}\" class=\"part part-{}\">\n<h2>{}</h2>",
                section.id,
                section.id,
                e(&section.heading)
            );
            for block in &section.blocks {
                html_block(&mut s, block);
            }
            let _ = writeln!(s, "</section>");
        }
        let _ = writeln!(
            s,
            "<footer><p class=\"disclaimer\">{}</p><p>{}</p></footer>\n</article>",
            e(&self.disclaimer),
            e(&c.prepared)
        );
        s
    }
}

/// The cover line saying when the first certification audit could be.
fn cover_schedule(c: &Ctx<'_>, plan: &Schedule) -> Option<String> {
    let first = plan.milestones.first()?;
    Some(c.f(
        "report.cover_schedule",
        &[
            (
                "start",
                &schedule::long_date(c.catalog, c.locale, plan.start),
            ),
            ("milestone", &c.t(&format!("milestone.{}.title", first.id))),
            (
                "date",
                &schedule::month_year(c.catalog, c.locale, first.date),
            ),
        ],
    ))
}

fn effort_range(c: &Ctx<'_>, a: &Assessment) -> String {
    let e = &a.effort;
    // "over 1 month", not "over 1–1 months", when both ends round alike.
    if months_number(e.months_low) == months_number(e.months_high) {
        return c.f(
            "report.effort_range_same",
            &[
                ("low", &e.days_low.to_string()),
                ("high", &e.days_high.to_string()),
                (
                    "months",
                    &crate::export::units::months(c.catalog, c.locale, e.months_low),
                ),
            ],
        );
    }
    c.f(
        "report.effort_range",
        &[
            ("low", &e.days_low.to_string()),
            ("high", &e.days_high.to_string()),
            (
                "months_low",
                &super::units::months_in(c.locale, e.months_low),
            ),
            (
                "months_high",
                &super::units::months_in(c.locale, e.months_high),
            ),
        ],
    )
}

/// The cover's money line: "≈ $X–$Y in year one".
fn money_range(c: &Ctx<'_>, a: &Assessment, settings: &BudgetSettings) -> String {
    let b = budget(&a.effort, settings);
    c.f(
        "ui.budget.range",
        &[
            ("low", &format_money(b.total.low, &b.currency, c.locale)),
            ("high", &format_money(b.total.high, &b.currency, c.locale)),
        ],
    )
}

/// The budget: each line with what it is made of, the year-one total and the yearly
/// surveillance fee, as the results screen's budget part shows it.
fn money(c: &Ctx<'_>, a: &Assessment, settings: &BudgetSettings) -> Section {
    let b = budget(&a.effort, settings);
    let cur = b.currency.as_str();
    let range = |r| format_range(r, cur, c.locale);
    let rate = |x: f64| format_money(x, cur, c.locale);
    let share = settings.consultancy_share.clamp(0.0, 1.0);
    let e = &a.effort;
    let in_house = |d: u32| days(f64::from(d) * (1.0 - share));
    let mut rows = vec![vec![
        Cell::text(c.f(
            "ui.budget.internal",
            &[
                (
                    "days",
                    &format!("{}–{}", in_house(e.days_low), in_house(e.days_high)),
                ),
                ("rate", &rate(settings.day_rate)),
            ],
        )),
        Cell::text(range(b.internal)),
    ]];
    if share > 0.0 {
        rows.push(vec![
            Cell::text(c.f(
                "ui.budget.consultancy",
                &[
                    ("share", &crate::assess::score::pct(share).to_string()),
                    ("rate", &rate(settings.consultancy_day_rate)),
                ],
            )),
            Cell::text(range(b.consultancy)),
        ]);
    }
    rows.push(vec![
        Cell::text(c.t("ui.budget.audit")),
        Cell::text(range(b.audit)),
    ]);
    rows.push(vec![
        Cell::text(c.t("ui.budget.total")),
        Cell::text(range(b.total)),
    ]);
    Section {
        id: "budget",
        heading: c.t("ui.budget.title"),
        blocks: vec![
            Block::Table(Table {
                columns: vec![
                    c.f("ui.budget.year_one", &[("currency", cur)]),
                    c.t("report.amount"),
                ],
                numeric: vec![false, true],
                rows,
            }),
            Block::Paragraph {
                text: c.f(
                    "ui.budget.surveillance",
                    &[("range", &range(b.surveillance_per_year))],
                ),
            },
            Block::Paragraph {
                text: c.t("ui.budget.explain"),
            },
        ],
    }
}

fn overlap(c: &Ctx<'_>, a: &Assessment) -> Section {
    let row = |label: &str, sp: &Split| {
        vec![
            Cell::text(label),
            Cell::text(super::units::percent(c.locale, sp.inherited_pct)),
            Cell::text(super::units::percent(c.locale, sp.extend_pct)),
            Cell::text(super::units::percent(c.locale, sp.net_new_pct)),
            Cell::text(super::units::percent(c.locale, sp.effort_done_pct)),
            Cell::text(c.f(
                "report.days_done",
                &[
                    (
                        "done",
                        &super::units::days_in(c.locale, sp.full_days - sp.remaining_days),
                    ),
                    ("full", &super::units::days_in(c.locale, sp.full_days)),
                ],
            )),
        ]
    };
    let table = Table {
        columns: vec![
            c.t("report.part"),
            c.t("status.inherited"),
            c.t("status.extend"),
            c.t("status.net_new"),
            c.t("report.effort_done"),
            c.t("report.days_done_header"),
        ],
        numeric: vec![false, true, true, true, true, true],
        rows: vec![
            row(&c.t("report.clauses"), &a.overlap.clauses),
            row(&c.t("report.annex"), &a.overlap.annex),
            row(&c.t("report.all"), &a.overlap.all),
        ],
    };
    // Only the figures about the programs this respondent runs (issue 11), with a note when few.
    let published = c
        .catalog
        .published
        .iter()
        .filter(|f| a.baseline.figures.contains(&f.id))
        .map(|f| {
            let src = c.catalog.effort.sources.get(f.source);
            let from = super::programs_name(c.catalog, c.locale, &f.from);
            Linked {
                text: c.f(
                    "report.published_linked",
                    &[
                        ("low", &f.low.to_string()),
                        ("high", &f.high.to_string()),
                        ("basis", &c.t(&format!("ui.results.basis.{}", f.basis))),
                        ("from", &from),
                        ("claim", &f.claim),
                    ],
                ),
                label: c.f(
                    "ui.results.published_source",
                    &[
                        ("publisher", src.map_or("", |s| s.publisher.as_str())),
                        ("date", src.map_or("", |s| s.date.as_str())),
                    ],
                ),
                url: f.url.clone(),
            }
        })
        .collect();
    Section {
        id: "overlap",
        heading: c.t("results.overlap"),
        blocks: vec![
            Block::Paragraph {
                text: c.t("report.overlap_intro"),
            },
            Block::Table(table),
            Block::Paragraph {
                text: c.t("results.count_vs_effort"),
            },
            Block::Subheading {
                text: c.t("results.published"),
            },
            Block::Sources { items: published },
        ]
        .into_iter()
        .chain(a.baseline.figures_note.as_ref().map(|n| Block::Paragraph {
            text: c.t(&format!("benchmarks.{n}")),
        }))
        .collect(),
    }
}

fn effort(c: &Ctx<'_>, a: &Assessment) -> Section {
    let e = &a.effort;
    let mut rows: Vec<Vec<Cell>> = e
        .lines
        .iter()
        .map(|l| {
            vec![
                Cell::text(c.t(&format!("effort.{}", l.kind.id()))),
                Cell::text(super::units::days_in(c.locale, l.days)),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::text(c.t("report.total")),
        Cell::text(super::units::days_in(c.locale, e.days)),
    ]);
    let mut blocks = vec![
        Block::Paragraph {
            text: effort_range(c, a),
        },
        Block::Paragraph {
            text: c.f("report.systems", &[("count", &e.systems.to_string())]),
        },
        Block::Table(Table {
            columns: vec![c.t("report.effort_kind"), c.t("report.person_days")],
            numeric: vec![false, true],
            rows,
        }),
    ];
    if !e.factors.is_empty() {
        blocks.push(Block::List {
            items: e
                .factors
                .iter()
                .map(|f| {
                    c.f(
                        "report.factor",
                        &[
                            (
                                "multiplier",
                                &super::units::localize(c.locale, &format!("{:.2}", f.multiplier)),
                            ),
                            ("label", &c.t(&format!("factor.{}", f.id))),
                        ],
                    )
                })
                .collect(),
        });
    }
    Section {
        id: "effort",
        heading: c.t("results.effort"),
        blocks,
    }
}

fn requirement_name<'a>(c: &'a Ctx<'_>, id: &str) -> &'a str {
    c.catalog.requirement(id).map_or("", |r| r.name.as_str())
}

/// The dated roadmap with risk and approach factors applied, so its days add up to the effort
/// breakdown's extend, new-artifact and per-system lines (and to the task plan); the phase lengths
/// also count the foundation and audit-cycle lines. Then the certification milestones.
fn roadmap(c: &Ctx<'_>, a: &Assessment, plan: &Schedule) -> Section {
    let m = a.effort.multiplier;
    let mut blocks = vec![Block::Paragraph {
        text: c.f(
            "report.schedule_intro",
            &[
                (
                    "start",
                    &schedule::long_date(c.catalog, c.locale, plan.start),
                ),
                ("capacity", &super::units::days_in(c.locale, plan.capacity)),
            ],
        ),
    }];
    for p in &a.roadmap {
        let phase = c.t(&format!("phase.{}.title", p.phase.id()));
        let heading = match plan.phase(p.phase) {
            Some(d) if d.half_months > 0 => c.f(
                "report.phase_dated",
                &[
                    ("phase", &phase),
                    (
                        "months",
                        &schedule::month_range(c.catalog, c.locale, d.start, d.last_day()),
                    ),
                    (
                        "duration",
                        &crate::export::units::months(c.catalog, c.locale, d.months()),
                    ),
                    ("days", &person_days(c.catalog, c.locale, d.days)),
                ],
            ),
            _ => c.f("report.phase_skipped", &[("phase", &phase)]),
        };
        blocks.push(Block::Subheading { text: heading });
        if p.items.is_empty() {
            blocks.push(Block::Paragraph {
                text: c.t("report.phase_empty"),
            });
            continue;
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                c.t("report.requirement"),
                c.t("report.name"),
                c.t("report.status"),
                c.t("report.remaining"),
                c.t("report.gain"),
            ],
            numeric: vec![false, false, false, true, true],
            rows: p
                .items
                .iter()
                .map(|i| {
                    vec![
                        Cell::text(&i.requirement),
                        Cell::text(requirement_name(c, &i.requirement)),
                        c.status(i.status),
                        Cell::text(super::units::days_in(c.locale, i.remaining_days * m)),
                        Cell::text(super::units::points_in(c.locale, i.gain)),
                    ]
                })
                .collect(),
        }));
    }
    blocks.push(Block::Subheading {
        text: c.t("report.milestones"),
    });
    blocks.push(Block::Table(Table {
        columns: vec![
            c.t("report.milestone"),
            c.t("report.date"),
            c.t("report.basis"),
        ],
        numeric: vec![false, false, false],
        rows: plan
            .milestones
            .iter()
            .map(|ms| {
                vec![
                    Cell::text(c.t(&format!("milestone.{}.title", ms.id))),
                    Cell::text(schedule::long_date(c.catalog, c.locale, ms.date)),
                    Cell::text(c.t(&format!("milestone.{}.explain", ms.id))),
                ]
            })
            .collect(),
    }));
    Section {
        id: "roadmap",
        heading: c.t("results.roadmap"),
        blocks,
    }
}

/// The draft Statement of Applicability, the same rows as the CSV.
fn statement(
    c: &Ctx<'_>,
    a: &Assessment,
    answers: &Answers,
    tasks: &BTreeMap<String, TaskSettings>,
) -> Section {
    let rows = soa::rows(c.catalog, a, answers, tasks, c.locale);
    let (yes, no) = (c.t("soa.yes"), c.t("soa.no"));
    let mut blocks = vec![Block::Paragraph {
        text: c.t("report.soa_intro"),
    }];
    let mut standards: Vec<&str> = Vec::new();
    for r in &rows {
        if !standards.contains(&r.standard.as_str()) {
            standards.push(&r.standard);
        }
    }
    for standard in standards {
        blocks.push(Block::Subheading {
            text: c.f("report.soa_part", &[("standard", standard)]),
        });
        blocks.push(Block::Table(Table {
            columns: vec![
                c.t("soa.control"),
                c.t("soa.name"),
                c.t("soa.applicable"),
                c.t("soa.justification"),
                c.t("soa.implementation"),
                c.t("soa.owner"),
            ],
            numeric: vec![false; 6],
            rows: rows
                .iter()
                .filter(|r| r.standard == standard)
                .map(|r| {
                    vec![
                        Cell::text(&r.control),
                        Cell::text(&r.name),
                        Cell::text(r.applicable_note.as_deref().unwrap_or(if r.applicable {
                            &yes
                        } else {
                            &no
                        })),
                        Cell::text(&r.justification),
                        Cell::text(&r.status),
                        Cell::text(r.owner.clone().unwrap_or_default()),
                    ]
                })
                .collect(),
        }));
    }
    Section {
        id: "soa",
        heading: c.t("report.soa"),
        blocks,
    }
}

fn wins(c: &Ctx<'_>, a: &Assessment) -> Section {
    let items = a
        .wins
        .iter()
        .map(|w| {
            let from = w
                .from
                .as_deref()
                .and_then(PracticeAnswer::from_id)
                .map_or_else(
                    || c.t("report.not_answered"),
                    |p| answer_label(c.catalog, c.locale, p),
                );
            c.f(
                "report.win_plain",
                &[
                    ("practice", &sentence_start(&c.practice(&w.question))),
                    ("from", &from),
                    ("points", &points(c.catalog, c.locale, w.readiness_gain)),
                    ("days", &person_days(c.catalog, c.locale, w.days_saved)),
                ],
            )
        })
        .collect();
    Section {
        id: "wins",
        heading: c.t("results.wins"),
        blocks: vec![Block::List { items }],
    }
}

/// The text with its first letter capitalised, for a name that opens a list item.
fn sentence_start(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn warnings(c: &Ctx<'_>, a: &Assessment) -> Section {
    let mut blocks: Vec<Block> = a
        .warnings
        .iter()
        .map(|w| Block::Note {
            title: c.t(&format!("warning.{}.title", w.id)),
            body: c.t(&format!("warning.{}.body", w.id)),
            related: (!w.related.is_empty()).then(|| {
                let names: Vec<String> = w
                    .related
                    .iter()
                    .map(|id| {
                        if c.catalog.question(id).is_some() {
                            c.practice(id)
                        } else {
                            id.clone()
                        }
                    })
                    .collect();
                c.f("report.related", &[("list", &names.join(", "))])
            }),
        })
        .collect();
    if blocks.is_empty() {
        blocks.push(Block::Paragraph {
            text: c.t("report.no_warnings"),
        });
    }
    Section {
        id: "warnings",
        heading: c.t("results.warnings"),
        blocks,
    }
}

fn requirements(c: &Ctx<'_>, a: &Assessment) -> Section {
    let mut blocks = Vec::new();
    for ar in &a.areas {
        let name = c
            .catalog
            .areas
            .iter()
            .find(|x| x.id == ar.area)
            .map_or("", |x| x.name.as_str());
        let score = ar.score.map_or_else(
            || c.t("status.not_applicable"),
            |s| c.f("report.score", &[("score", &s.to_string())]),
        );
        blocks.push(Block::Subheading {
            text: c.f(
                "report.area",
                &[("id", &ar.area), ("name", name), ("score", &score)],
            ),
        });
        blocks.push(Block::Table(Table {
            columns: vec![
                c.t("report.requirement"),
                c.t("report.name"),
                c.t("report.status"),
                c.t("report.why"),
            ],
            numeric: vec![false; 4],
            rows: a
                .requirements
                .iter()
                .filter(|r| r.area == ar.area)
                .map(|r| {
                    vec![
                        Cell::text(&r.id),
                        Cell::text(requirement_name(c, &r.id)),
                        c.status(r.status),
                        Cell::text(why(c.catalog, c.locale, r)),
                    ]
                })
                .collect(),
        }));
    }
    Section {
        id: "requirements",
        heading: c.t("results.requirements"),
        blocks,
    }
}

fn answer_text(c: &Ctx<'_>, qi: usize, answer: Option<&Answer>) -> String {
    let Some(q) = c.catalog.questions.get(qi) else {
        return String::new();
    };
    let choice = |id: &str| {
        q.choices
            .iter()
            .find(|ch| ch.id == id)
            .map_or_else(|| id.to_owned(), |ch| ch.label.clone())
    };
    match answer {
        None => c.t("report.not_answered"),
        Some(Answer::Choice(id)) => choice(id),
        Some(Answer::Choices(ids)) if ids.is_empty() => c.t("report.none_selected"),
        Some(Answer::Choices(ids)) => ids
            .iter()
            .map(|id| choice(id))
            .collect::<Vec<_>>()
            .join("; "),
        Some(Answer::Practice(p)) => answer_label(c.catalog, c.locale, *p),
    }
}

fn answers_given(c: &Ctx<'_>, answers: &Answers) -> Section {
    let visible = visible_questions(c.catalog, answers);
    let mut blocks = Vec::new();
    for (si, section) in c.catalog.sections.iter().enumerate() {
        let rows: Vec<Vec<Cell>> = c
            .catalog
            .questions
            .iter()
            .enumerate()
            .filter(|(qi, q)| q.section == si && visible.get(*qi).copied().unwrap_or(false))
            .map(|(qi, q)| {
                vec![
                    Cell::text(&q.text),
                    Cell::text(answer_text(c, qi, answers.get(qi))),
                ]
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        blocks.push(Block::Subheading {
            text: section.title.clone(),
        });
        blocks.push(Block::Table(Table {
            columns: vec![c.t("report.question"), c.t("report.answer")],
            numeric: vec![false, false],
            rows,
        }));
    }
    Section {
        id: "answers",
        heading: c.t("report.answers"),
        blocks,
    }
}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ch => out.push(ch),
        }
    }
    out
}

/// Escapes text for Markdown inline content and table cells: characters that would start markup
/// are backslash-escaped (`_` only at a word edge, where it could open emphasis, so ids such as
/// `ai_policy` stay readable), and line breaks become spaces so a cell stays on its row.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' => {
                out.push('\\');
                out.push(ch);
            }
            '_' => {
                let inner = prev.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|n| n.is_alphanumeric());
                if !inner {
                    out.push('\\');
                }
                out.push('_');
            }
            '\r' | '\n' => out.push(' '),
            ch => out.push(ch),
        }
        prev = Some(ch);
    }
    out
}

fn md_block(s: &mut String, block: &Block) {
    match block {
        Block::Paragraph { text } => {
            let _ = writeln!(s, "{}\n", md_escape(text));
        }
        Block::Subheading { text } => {
            let _ = writeln!(s, "### {}\n", md_escape(text));
        }
        Block::List { items } => {
            for i in items {
                let _ = writeln!(s, "- {}", md_escape(i));
            }
            s.push('\n');
        }
        Block::Sources { items } => {
            for i in items {
                match &i.url {
                    Some(url) => {
                        let _ = writeln!(
                            s,
                            "- {} ([{}](<{}>))",
                            md_escape(&i.text),
                            md_escape(&i.label),
                            url.replace(['<', '>', ' '], "")
                        );
                    }
                    None => {
                        let _ = writeln!(s, "- {} ({})", md_escape(&i.text), md_escape(&i.label));
                    }
                }
            }
            s.push('\n');
        }
        Block::Note {
            title,
            body,
            related,
        } => {
            let _ = writeln!(s, "> **{}**  \n> {}", md_escape(title), md_escape(body));
            if let Some(r) = related {
                let _ = writeln!(s, ">\n> {}", md_escape(r));
            }
            s.push('\n');
        }
        Block::Table(t) => {
            let header: Vec<String> = t.columns.iter().map(|h| md_escape(h)).collect();
            let _ = writeln!(s, "| {} |", header.join(" | "));
            let rule: Vec<&str> = (0..t.columns.len())
                .map(|i| {
                    if t.numeric.get(i).copied().unwrap_or(false) {
                        "---:"
                    } else {
                        "---"
                    }
                })
                .collect();
            let _ = writeln!(s, "| {} |", rule.join(" | "));
            for row in &t.rows {
                let cells: Vec<String> = row.iter().map(|c| md_escape(&c.text)).collect();
                let _ = writeln!(s, "| {} |", cells.join(" | "));
            }
            s.push('\n');
        }
    }
}

fn html_block(s: &mut String, block: &Block) {
    let e = html_escape;
    match block {
        Block::Paragraph { text } => {
            let _ = writeln!(s, "<p>{}</p>", e(text));
        }
        Block::Subheading { text } => {
            let _ = writeln!(s, "<h3>{}</h3>", e(text));
        }
        Block::List { items } => {
            let _ = writeln!(s, "<ul>");
            for i in items {
                let _ = writeln!(s, "<li>{}</li>", e(i));
            }
            let _ = writeln!(s, "</ul>");
        }
        Block::Sources { items } => {
            let _ = writeln!(s, "<ul class=\"sources\">");
            for i in items {
                match &i.url {
                    Some(url) => {
                        let _ = writeln!(
                            s,
                            "<li>{} (<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>)</li>",
                            e(&i.text),
                            e(url),
                            e(&i.label)
                        );
                    }
                    None => {
                        let _ = writeln!(s, "<li>{} ({})</li>", e(&i.text), e(&i.label));
                    }
                }
            }
            let _ = writeln!(s, "</ul>");
        }
        Block::Note {
            title,
            body,
            related,
        } => {
            let _ = write!(
                s,
                "<aside class=\"note\"><h4>{}</h4><p>{}</p>",
                e(title),
                e(body)
            );
            if let Some(r) = related {
                let _ = write!(s, "<p class=\"related\">{}</p>", e(r));
            }
            let _ = writeln!(s, "</aside>");
        }
        Block::Table(t) => {
            let num = |i: usize| t.numeric.get(i).copied().unwrap_or(false);
            let _ = write!(s, "<div class=\"table\"><table>\n<thead><tr>");
            for (i, h) in t.columns.iter().enumerate() {
                let class = if num(i) { " class=\"num\"" } else { "" };
                let _ = write!(s, "<th scope=\"col\"{class}>{}</th>", e(h));
            }
            let _ = writeln!(s, "</tr></thead>\n<tbody>");
            for row in &t.rows {
                let _ = write!(s, "<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let class = match (cell.status, num(i)) {
                        (Some(st), _) => format!(" class=\"status {}\"", st.id()),
                        (None, true) => " class=\"num\"".to_owned(),
                        (None, false) => String::new(),
                    };
                    let _ = write!(s, "<td{class}>{}</td>", e(&cell.text));
                }
                let _ = writeln!(s, "</tr>");
            }
            let _ = writeln!(s, "</tbody>\n</table></div>");
        }
    }
}

/// The report's styles, scoped to `.report`: readable on screen, laid out for A4 in print. The web
/// app links the same file for print.
pub const CSS: &str = include_str!("report.css");
