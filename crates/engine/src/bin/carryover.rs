//! `carryover`: the command-line scorer. Scores answers documents with the same engine as the web
//! app, for batch scoring and for regression-testing content edits.
//!
//! ```text
//! carryover score FILE [--format json|text]   score an answers document (FILE may be - for stdin)
//! carryover content                           print the content bundle's counts and version
//! ```
//!
//! Exit codes: 0 success, 1 the input could not be scored (the message says why), 2 usage error,
//! 3 the built-in content is invalid.

use std::io::Read as _;
use std::process::ExitCode;

use carryover_engine::{Catalog, assess, decode};

const USAGE: &str = "usage: carryover score FILE [--format json|text]\n       carryover content";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let catalog = match Catalog::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("carryover: the built-in content is invalid:\n{e}");
            return ExitCode::from(3);
        }
    };
    match args.first().map(String::as_str) {
        Some("score") => score(catalog, &args[1..]),
        Some("content") => {
            println!(
                "content {}: {} requirements ({} areas), {} questions in {} sections, {} framework items, {} published figures",
                catalog.content_version,
                catalog.requirements.len(),
                catalog.areas.len(),
                catalog.questions.len(),
                catalog.sections.len(),
                catalog
                    .frameworks
                    .iter()
                    .map(|f| f.items.len())
                    .sum::<usize>(),
                catalog.published.len()
            );
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn score(catalog: &Catalog, args: &[String]) -> ExitCode {
    let mut file = None;
    let mut text_format = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => text_format = false,
                Some("text") => text_format = true,
                other => {
                    eprintln!(
                        "carryover: --format takes json or text, not {}",
                        other.unwrap_or("nothing")
                    );
                    return ExitCode::from(2);
                }
            },
            f if file.is_none() => file = Some(f.to_owned()),
            extra => {
                eprintln!("carryover: unexpected argument `{extra}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = if file == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("carryover: cannot read standard input: {e}");
            return ExitCode::from(1);
        }
        s
    } else {
        match std::fs::read_to_string(&file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("carryover: cannot read {file}: {e}");
                return ExitCode::from(1);
            }
        }
    };
    let decoded = match decode(catalog, &text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("carryover: {file}: {e}");
            return ExitCode::from(1);
        }
    };
    for issue in &decoded.issues {
        eprintln!("carryover: {file}: warning: {issue}");
    }
    let assessment = assess(catalog, &decoded.document.answers);
    if text_format {
        print!(
            "{}",
            carryover_engine::text::summary(catalog, &assessment, "en")
        );
        return ExitCode::SUCCESS;
    }
    let out = serde_json::json!({
        "input": file,
        "issues": decoded.issues,
        "assessment": assessment,
    });
    match serde_json::to_string_pretty(&out) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("carryover: cannot write JSON: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
