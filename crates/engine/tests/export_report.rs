//! The readiness report: everything the issue asks for is on it, in Markdown and in HTML, text is
//! escaped, no locale key or placeholder leaks, and the HTML is a well-formed, inert page.

mod export_support;

use carryover_engine::condition::visible_questions;
use carryover_engine::export::date::Date;
use carryover_engine::export::report::{Block, Report, ReportOptions, html_escape, md_escape};
use carryover_engine::export::{KEYS, required_keys};
use export_support::{catalog, fixture, fixtures};

fn date() -> Date {
    Date::parse("2026-11-23").expect("date")
}

#[test]
fn every_persona_report_has_cover_overlap_effort_roadmap_warnings_requirements_and_answers() {
    let c = catalog();
    for (name, doc, a) in fixtures() {
        let r = Report::build(c, &a, &doc.answers, "en", date());
        let md = r.to_markdown();
        let html = r.to_html();
        let band = c
            .text("en", &format!("band.{}.label", a.readiness.band))
            .to_owned();
        for out in [&md, &html] {
            for needle in [
                "ISO/IEC 42001 readiness report",
                "Prepared on 23 November 2026",
                &format!("{}/100", a.readiness.score),
                &band,
                "What carries over",
                "Clauses 4–10",
                "Annex A controls",
                "Work already done",
                "Estimated effort",
                "Roadmap",
                "1. Foundation",
                "4. Audit readiness",
                "Watch out",
                "Every requirement",
                "Your answers",
                "not a certification",
            ] {
                assert!(out.contains(needle), "{name}: `{needle}` missing");
            }
            for req in &a.requirements {
                assert!(
                    out.contains(&format!("| {} |", req.id))
                        || out.contains(&format!("<td>{}</td>", req.id)),
                    "{name}: {}",
                    req.id
                );
            }
            for w in &a.warnings {
                let title = c.text("en", &format!("warning.{}.title", w.id)).to_owned();
                assert!(
                    out.contains(&md_escape(&title)) || out.contains(&html_escape(&title)),
                    "{name}: warning {}",
                    w.id
                );
            }
        }
        // Every visible question's text, with the answer given.
        let visible = visible_questions(c, &doc.answers);
        for (qi, q) in c.questions.iter().enumerate() {
            if visible[qi] {
                assert!(html.contains(&html_escape(&q.text)), "{name}: {}", q.id);
                assert!(md.contains(&md_escape(&q.text)), "{name}: {}", q.id);
            }
        }
        // Effort lines add up to the total shown.
        assert!(md.contains(&format!(
            "| Total | {} |",
            carryover_engine::export::days(a.effort.days)
        )));
    }
}

#[test]
fn no_locale_key_or_placeholder_leaks() {
    let c = catalog();
    assert!(
        required_keys()
            .iter()
            .all(|k| c.locales["en"].contains_key(k))
    );
    for (name, doc, a) in fixtures() {
        let r = Report::build(c, &a, &doc.answers, "en", date());
        let md = r.to_markdown();
        let html = r.to_html();
        let body = html
            .split("</style>")
            .nth(1)
            .expect("body after the styles");
        for key in KEYS {
            assert!(
                !md.contains(key) && !body.contains(key),
                "{name}: `{key}` leaked"
            );
        }
        assert!(
            !md.contains('{') && !body.contains('{'),
            "{name}: placeholder left"
        );
    }
}

/// Checks that tags nest, void elements aside, and that nothing runs or loads.
fn check_html(html: &str) {
    const VOID: [&str; 3] = ["meta", "br", "hr"];
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let lower = html.to_ascii_lowercase();
    for banned in ["<script", "<iframe", "<img", "<link", "<object", "<embed"] {
        assert!(!lower.contains(banned), "{banned}");
    }
    // No event handlers, sources or script URLs in any tag's attributes.
    for tag in lower.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or_default();
        for banned in [" on", "src=", "javascript:", "url("] {
            assert!(!inside.contains(banned), "{banned} in <{inside}>");
        }
    }
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').expect("tag closes");
        let tag = &after[..end];
        rest = &after[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "</{name}>");
        } else {
            let name = tag.split([' ', '\n']).next().expect("name").to_owned();
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
        if stack.last().map(String::as_str) == Some("style") {
            let close = rest.find("</style>").expect("style closes");
            rest = &rest[close..];
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn the_html_page_is_well_formed_inert_and_print_ready() {
    let c = catalog();
    for (_, doc, a) in fixtures() {
        let html = Report::build(c, &a, &doc.answers, "en", date()).to_html();
        check_html(&html);
        for print_rule in [
            "@media print",
            "@page",
            "break-after: page",
            "display: table-header-group",
            "break-inside: avoid",
        ] {
            assert!(html.contains(print_rule), "{print_rule}");
        }
    }
}

#[test]
fn hostile_text_is_escaped_in_both_renderers() {
    let c = catalog();
    let (doc, a) = fixture("nothing-in-place");
    let mut r = Report::build(c, &a, &doc.answers, "en", date());
    let evil =
        "<script>alert('x')</script> & \"q\" | *bold* _em_ [link](javascript:x) `code` # h\nnext";
    r.title = evil.to_owned();
    r.sections[0].blocks.push(Block::Paragraph {
        text: evil.to_owned(),
    });
    if let Some(Block::Table(t)) = r.sections[0]
        .blocks
        .iter_mut()
        .find(|b| matches!(b, Block::Table(_)))
    {
        t.rows[0][0].text = evil.to_owned();
    }
    let html = r.to_html();
    check_html(&html);
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
    assert!(!html.contains("<script"));
    let md = r.to_markdown();
    let escaped = md_escape(evil);
    assert_eq!(
        escaped,
        "\\<script\\>alert('x')\\</script\\> \\& \"q\" \\| \\*bold\\* \\_em\\_ \\[link\\](javascript:x) \\`code\\` \\# h next"
    );
    assert!(md.contains(&format!("# {escaped}")));
    // The table row with the hostile cell keeps its column count.
    let row = md
        .lines()
        .find(|l| l.starts_with(&format!("| {escaped}")))
        .expect("row");
    let unescaped_pipes = row
        .match_indices('|')
        .filter(|(i, _)| !row[..*i].ends_with('\\'))
        .count();
    assert_eq!(unescaped_pipes, 7, "{row}");
    assert_eq!(md_escape("ai_policy and _x_"), "ai_policy and \\_x\\_");
}

#[test]
fn the_date_is_the_callers_and_nothing_else_varies() {
    let c = catalog();
    let (doc, a) = fixture("soc2-type2-only");
    let tasks = std::collections::BTreeMap::new();
    let build = |prepared: Date| {
        Report::build_with(
            c,
            &a,
            &doc.answers,
            "en",
            ReportOptions {
                prepared,
                start: date(),
                tasks: &tasks,
                budget: None,
            },
        )
        .to_html()
    };
    let one = build(date());
    let same = build(date());
    assert_eq!(one, same);
    let other = build(Date::parse("2027-01-31").expect("date"));
    assert_eq!(
        one.replace(
            "Prepared on 23 November 2026",
            "Prepared on 31 January 2027"
        ),
        other
    );
}

/// What a person reads: no internal ids, plurals that agree, rounding as the rule says, and a
/// link for every published figure whose address is known.
#[test]
fn the_report_reads_as_prose() {
    let c = catalog();
    for (name, doc, a) in fixtures() {
        let r = Report::build(c, &a, &doc.answers, "en", date());
        let md = r.to_markdown();
        let html = r.to_html();
        for bad in [
            "(iso27001)",
            "(soc2)",
            "iso27001+soc2",
            "now Not in place",
            " 1 days",
            " 1 person-days",
            " 1 months",
            "Not assessed",
            "{",
        ] {
            assert!(!md.contains(bad), "{name}: `{bad}` in the Markdown");
        }
        // No person-day figure with a stray decimal: whole from 10, halves below.
        for word in md.split([' ', '|', '(', ')', '/']) {
            if let Some((whole, frac)) = word.split_once('.')
                && whole.parse::<u32>().is_ok()
                && frac.chars().all(|ch| ch.is_ascii_digit())
                && !frac.is_empty()
                && md.contains(&format!("{word} person-day"))
            {
                assert_eq!(frac, "5", "{name}: {word} person-days");
                assert!(whole.parse::<u32>().is_ok_and(|w| w < 10), "{name}: {word}");
            }
        }
        for f in &c.published {
            if let Some(url) = &f.url {
                assert!(md.contains(&format!("(<{url}>)")), "{name}: {url}");
                assert!(html.contains(&format!("href=\"{url}\"")), "{name}: {url}");
            }
        }
        // The dated roadmap and the milestones, and the SoA with ISO 42001 first.
        for needle in [
            "Planned from 23 November 2026",
            "Stage 1 certification audit",
            "Stage 2 certification audit",
            "First surveillance audit",
            "Statement of Applicability (draft)",
        ] {
            assert!(md.contains(needle), "{name}: {needle}");
        }
        let iso42001 = md
            .find("### ISO/IEC 42001:2023 Annex A")
            .expect("42001 part");
        let iso27001 = md
            .find("### ISO/IEC 27001:2022 Annex A")
            .expect("27001 part");
        assert!(iso42001 < iso27001, "{name}");
    }
    assert!(c.published.iter().all(|f| f.url.is_some()));
}

/// The printed report is the HTML download's body: one renderer for both.
#[test]
fn the_print_fragment_is_the_pages_article() {
    let c = catalog();
    let (doc, a) = fixture("ai-provider-hiring");
    let r = Report::build(c, &a, &doc.answers, "en", date());
    let fragment = r.to_html_fragment();
    assert!(fragment.starts_with("<article class=\"report\""));
    assert!(fragment.trim_end().ends_with("</article>"));
    let page = r.to_html();
    // The page adds only the head, the styles and a table of contents on the cover.
    let without_nav = |s: &str| {
        let (a, rest) = s.split_once("<nav>").expect("nav");
        let (_, b) = rest.split_once("</nav>\n").expect("nav end");
        format!("{a}{b}")
    };
    assert!(without_nav(&page).contains(&fragment));
}
