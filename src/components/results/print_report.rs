//! The printed report: the engine's report model (the same one the HTML and Markdown downloads
//! and the command-line `report` render) laid out for paper. Hidden on screen; in print it
//! replaces the interactive page (see `style/print.css`), so every requirement and every answer
//! is on paper, none behind a collapsed `<details>`.

use carryover_engine::export::report::{Block, Report, Table};
use leptos::prelude::*;

use crate::download;
use crate::state::AppState;

/// The whole report, shown only when printing.
#[component]
pub fn PrintReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let report = move || {
        state.assessment.with(|a| {
            state.answers.with(|answers| {
                Report::build(state.catalog, a, answers, state.locale, download::today())
            })
        })
    };
    view! {
        <div class="print-report" data-testid="print-report">
            {move || render(&report())}
        </div>
    }
}

fn render(report: &Report) -> impl IntoView + use<> {
    let c = &report.cover;
    let highlights = c
        .highlights
        .iter()
        .chain(std::iter::once(&c.progress))
        .map(|h| view! { <li>{h.clone()}</li> })
        .collect_view();
    let sections = report
        .sections
        .iter()
        .map(|s| {
            let blocks = s.blocks.iter().map(block).collect_view();
            view! {
                <section class=format!("print-section print-{}", s.id)>
                    <h2>{s.heading.clone()}</h2>
                    {blocks}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="print-cover">
            <p class="print-app">{c.app.clone()}</p>
            <h1>{report.title.clone()}</h1>
            <p class="print-prepared">{c.prepared.clone()}</p>
            <p class="print-score">
                <span class="print-score-label">{c.readiness.clone()}</span>
                <span class="print-score-value">{c.score_text.clone()}</span>
                <span class="print-band">{c.band.clone()}</span>
            </p>
            <p>{c.band_explain.clone()}</p>
            <ul class="print-highlights">{highlights}</ul>
            <p class="print-disclaimer">{report.disclaimer.clone()}</p>
        </section>
        {sections}
    }
}

fn block(b: &Block) -> AnyView {
    match b {
        Block::Paragraph { text } => view! { <p>{text.clone()}</p> }.into_any(),
        Block::Subheading { text } => view! { <h3>{text.clone()}</h3> }.into_any(),
        Block::List { items } => {
            let items = items
                .iter()
                .map(|i| view! { <li>{i.clone()}</li> })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        }
        Block::Table(t) => table(t),
        Block::Note {
            title,
            body,
            related,
        } => view! {
            <div class="print-note">
                <p><strong>{title.clone()}</strong></p>
                <p>{body.clone()}</p>
                {related.clone().map(|r| view! { <p class="fineprint">{r}</p> })}
            </div>
        }
        .into_any(),
    }
}

fn table(t: &Table) -> AnyView {
    let numeric = |i: usize| t.numeric.get(i).copied().unwrap_or(false);
    let head = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <th scope="col" class:num=numeric(i)>{c.clone()}</th> })
        .collect_view();
    let rows = t
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let class = cell
                        .status
                        .map(|s| format!("status-{}", s.id()))
                        .unwrap_or_default();
                    view! { <td class=class class:num=numeric(i)>{cell.text.clone()}</td> }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="print-table">
            <thead><tr>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
