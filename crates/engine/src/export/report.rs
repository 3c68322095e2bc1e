//! The readiness report: one document model, rendered as Markdown or as a standalone HTML page
//! that prints cleanly (A4, a cover page, table headers repeated across pages, no UI chrome).
//!
//! [`Report::build`] resolves everything a reader sees into text — names, statuses, reasons,
//! numbers — from the catalog, the assessment and the answers, so the two renderers only lay it
//! out and cannot disagree. The document is a cover and a list of [`Section`]s made of a few kinds
//! of [`Block`]; the web app can render the same model. The date on the cover is the caller's: the
//! engine has no clock.
//!
//! Escaping: every piece of text is escaped where it is written ([`html_escape`] for HTML,
//! [`md_escape`] for Markdown), and the page has no scripts and loads nothing, so a report opened
//! from disk is inert.

use std::fmt::Write as _;

use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::catalog::Catalog;
use crate::condition::visible_questions;
use crate::export::date::Date;
use crate::export::{answer_label, days, practice_name, tr, why};
use crate::model::{PracticeAnswer, Status};
use crate::score::{Assessment, Split};
use crate::text::phase_id;

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

/// A section of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable id (HTML anchor).
    pub id: &'static str,
    /// Heading.
    pub heading: String,
    /// Content.
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Text.
        text: String,
    },
    /// A sub-heading.
    Subheading {
        /// Text.
        text: String,
    },
    /// A bulleted list.
    List {
        /// Items.
        items: Vec<String>,
    },
    /// A table.
    Table(Table),
    /// A warning: title, body and what it is about.
    Note {
        /// Title.
        title: String,
        /// Body.
        body: String,
        /// Related questions or requirements, as display text.
        related: Option<String>,
    },
}

/// A table.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Column headers.
    pub columns: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Text.
    pub text: String,
    /// Set when the cell shows a requirement status (styled in HTML).
    pub status: Option<Status>,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            status: None,
        }
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
    /// Builds the report for these answers and their assessment, prepared on `date`.
    pub fn build(
        catalog: &Catalog,
        assessment: &Assessment,
        answers: &Answers,
        locale: &str,
        date: Date,
    ) -> Report {
        let c = Ctx { catalog, locale };
        let a = assessment;
        let score_text = c.f("report.score", &[("score", &a.readiness.score.to_string())]);
        let cover = Cover {
            app: c.t("app.name"),
            prepared: c.f(
                "report.prepared",
                &[
                    ("date", &date.to_string()),
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
            ],
        };
        Report {
            locale: locale.to_owned(),
            title: c.t("report.title"),
            cover,
            sections: vec![
                overlap(&c, a),
                effort(&c, a),
                roadmap(&c, a),
                wins(&c, a),
                warnings(&c, a),
                requirements(&c, a),
                answers_given(&c, answers),
                super::method::section(catalog, locale),
            ],
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
        let c = &self.cover;
        let mut s = String::new();
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>\n",
            e(&self.locale),
            e(&self.title),
            e(&c.score_text),
            CSS
        );
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
        let _ = writeln!(s, "<nav><ol>");
        for section in &self.sections {
            let _ = writeln!(
                s,
                "<li><a href=\"#{}\">{}</a></li>",
                section.id,
                e(&section.heading)
            );
        }
        let _ = writeln!(s, "</ol></nav>\n</section>");
        for section in &self.sections {
            let _ = writeln!(
                s,
                "<section id=\"{}\">\n<h2>{}</h2>",
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
            "<footer><p class=\"disclaimer\">{}</p><p>{}</p></footer>\n</body>\n</html>",
            e(&self.disclaimer),
            e(&c.prepared)
        );
        s
    }
}

fn effort_range(c: &Ctx<'_>, a: &Assessment) -> String {
    let e = &a.effort;
    c.f(
        "report.effort_range",
        &[
            ("low", &e.days_low.to_string()),
            ("high", &e.days_high.to_string()),
            ("months_low", &days(e.months_low)),
            ("months_high", &days(e.months_high)),
        ],
    )
}

fn pct(x: u8) -> String {
    format!("{x}%")
}

fn overlap(c: &Ctx<'_>, a: &Assessment) -> Section {
    let row = |label: &str, sp: &Split| {
        vec![
            Cell::text(label),
            Cell::text(pct(sp.inherited_pct)),
            Cell::text(pct(sp.extend_pct)),
            Cell::text(pct(sp.net_new_pct)),
            Cell::text(pct(sp.effort_done_pct)),
            Cell::text(c.f(
                "report.days_done",
                &[
                    ("done", &days(sp.full_days - sp.remaining_days)),
                    ("full", &days(sp.full_days)),
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
            c.f(
                "report.published_item",
                &[
                    ("low", &f.low.to_string()),
                    ("high", &f.high.to_string()),
                    ("basis", &f.basis),
                    ("from", &f.from),
                    ("claim", &f.claim),
                    ("publisher", src.map_or("", |s| s.publisher.as_str())),
                    ("date", src.map_or("", |s| s.date.as_str())),
                ],
            )
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
            Block::List { items: published },
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
                Cell::text(days(l.days)),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::text(c.t("report.total")),
        Cell::text(days(e.days)),
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
                            ("multiplier", &format!("{:.2}", f.multiplier)),
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

/// The roadmap with risk and approach factors applied, so its days add up to the effort
/// breakdown's extend, new-artifact and per-system lines (and to the task plan).
fn roadmap(c: &Ctx<'_>, a: &Assessment) -> Section {
    let m = a.effort.multiplier;
    let mut blocks = Vec::new();
    for p in &a.roadmap {
        blocks.push(Block::Subheading {
            text: c.f(
                "report.phase_days",
                &[
                    ("phase", &c.t(&format!("phase.{}.title", phase_id(p.phase)))),
                    ("days", &days(p.days * m)),
                ],
            ),
        });
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
                        Cell::text(days(i.remaining_days * m)),
                        Cell::text(format!("{:.1}", i.gain)),
                    ]
                })
                .collect(),
        }));
    }
    Section {
        id: "roadmap",
        heading: c.t("results.roadmap"),
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
                "report.win",
                &[
                    ("practice", &c.practice(&w.question)),
                    ("from", &from),
                    ("points", &format!("{:.1}", w.readiness_gain)),
                    ("days", &days(w.days_saved)),
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
            let _ = write!(s, "<table>\n<thead><tr>");
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
            let _ = writeln!(s, "</tbody>\n</table>");
        }
    }
}

/// The page's styles: readable on screen, laid out for A4 in print.
const CSS: &str = "
:root{--ink:#1c2430;--muted:#5b6472;--rule:#d5dae1;--inherited:#e3f4e8;--extend:#fff4d6;--net_new:#fde4e1;--not_applicable:#eef0f3}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);max-width:62rem;margin:0 auto;padding:2rem 1.5rem}
h1{font-size:2rem;margin:.2rem 0}
h2{font-size:1.4rem;margin:2.2rem 0 .6rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
h2,h3,h4{break-after:avoid}
table{width:100%;border-collapse:collapse;margin:.4rem 0 1rem;font-size:.9rem}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f5f6f8}
.num{text-align:right;white-space:nowrap}
th.num{white-space:normal}
td.status{white-space:nowrap;font-weight:600}
td.inherited{background:var(--inherited)}
td.extend{background:var(--extend)}
td.net_new{background:var(--net_new)}
td.not_applicable{background:var(--not_applicable);color:var(--muted)}
.cover{min-height:80vh}
.cover .app{text-transform:uppercase;letter-spacing:.12em;color:var(--muted);margin:0}
.cover .prepared{color:var(--muted)}
.score{display:flex;align-items:baseline;gap:1rem;margin:2.5rem 0 .5rem;flex-wrap:wrap}
.score .label{font-size:1.1rem;color:var(--muted)}
.score .value{font-size:3.4rem;font-weight:700}
.score .band{font-size:1.4rem;font-weight:600}
.highlights{font-size:1.05rem}
.disclaimer{font-size:.85rem;color:var(--muted);border-left:3px solid var(--rule);padding-left:.7rem}
.note{border-left:4px solid #c98a00;background:#fffaf0;padding:.5rem .9rem;margin:.6rem 0;break-inside:avoid}
.note h4{margin:.2rem 0}
.note p{margin:.3rem 0}
.related{color:var(--muted);font-size:.9rem}
nav ol{columns:2;color:var(--muted)}
a{color:inherit}
footer{margin-top:3rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.85rem}
@page{size:A4;margin:16mm 14mm}
@media print{
body{font-size:10.5pt;max-width:none;padding:0}
.cover{min-height:0;break-after:page}
nav a{text-decoration:none}
section#requirements,section#answers{break-before:page}
h2{margin-top:0}
thead{display:table-header-group}
tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
";
