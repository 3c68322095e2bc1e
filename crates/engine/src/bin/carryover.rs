//! `carryover`: the command-line scorer. Scores answers documents with the same engine as the web
//! app, for batch scoring and for regression-testing content edits, and produces the same exports.
//!
//! ```text
//! carryover score FILE [--format json|text]            score an answers document
//! carryover report FILE [--format md|html] [--date D]  the readiness report (Markdown by default)
//! carryover soa FILE                                   draft Statement of Applicability, CSV
//! carryover tasks FILE [--format csv|ics] [--date D] [--name NAME]
//!                                                      the task plan, CSV or iCalendar
//! carryover share FILE                                 print the share-link fragment
//! carryover unshare LINK                               print the answers document in a share link
//! carryover content                                    print the content bundle's counts and version
//! carryover diff EARLIER LATER [--json]                what moved between two assessments
//! carryover whatif FILE                                the what-if paths side by side, JSON
//! ```
//!
//! `diff` takes two answers files (or share links), scores both with the built-in content and
//! prints readiness, days and months before and after, the days saved, the requirements whose
//! status changed and the answers that changed; entries of an older file that fit no current
//! question are listed, not fatal.
//!
//! FILE may be `-` for standard input; it is read as bytes, like a file picked in the app: a UTF-8
//! byte order mark is skipped and text that is not UTF-8 is refused. LINK may be a whole share
//! link, its fragment with or without `#share=`, the bare `v1.…` payload, or `-` to read one from
//! standard input. Control characters from the input are escaped in every message.
//! `--date YYYY-MM-DD` is the date on the report and the day its dated roadmap and the calendar
//! start (the calendar's time stamp is midnight UTC that day); without it, today's date (UTC) is
//! used — the clock is read here, never in the engine.
//!
//! `--lang en|fr` (anywhere on the line, default `en`) writes every output in that language: the
//! text summary, the report, the CSV headers and rows, the calendar; ids, JSON keys and numbers in
//! JSON stay the same in every language, so files and links work with either.
//!
//! Exit codes: 0 success, 1 the input could not be used (the message says why), 2 usage error,
//! 3 the built-in content is invalid.

use std::io::Read as _;
use std::process::ExitCode;

use carryover_engine::export::date::{Date, Timestamp};
use carryover_engine::export::escape_control;
use carryover_engine::export::plan::CalendarOptions;
use carryover_engine::export::report::{Report, ReportOptions};
use carryover_engine::export::schedule;
use carryover_engine::{Catalog, Decoded, Lang, assess, decode_bytes, export, share, tasks};

const USAGE: &str = "usage: carryover [--lang en|fr] COMMAND …
       carryover score FILE [--format json|text]
       carryover report FILE [--format md|html] [--date YYYY-MM-DD]
       carryover soa FILE
       carryover tasks FILE [--format csv|ics] [--date YYYY-MM-DD] [--name NAME]
       carryover share FILE
       carryover unshare LINK
       carryover content
       carryover diff EARLIER LATER [--json]
       carryover whatif FILE";

/// How a command ended when it did not succeed.
enum Failure {
    /// The input could not be used (exit 1).
    Input(String),
    /// The command line is wrong (exit 2).
    Usage(String),
}

type Outcome = Result<(), Failure>;

/// The language of this run (`--lang`).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The locale id of this run's language.
fn locale() -> &'static str {
    LANG.get().copied().unwrap_or_default().id()
}

/// Takes `--lang X` or `--lang=X` out of the arguments.
fn take_lang(args: &mut Vec<String>) -> Result<Lang, String> {
    let mut lang = Lang::En;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        let value = if arg == "--lang" {
            let v = args.get(i + 1).cloned();
            args.drain(i..(i + 2).min(args.len()));
            v.ok_or("--lang needs a value: en or fr")?
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            let v = v.to_owned();
            args.remove(i);
            v
        } else {
            i += 1;
            continue;
        };
        lang = Lang::parse(&value).ok_or(format!("--lang {value}: use en or fr"))?;
    }
    Ok(lang)
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let lang = match take_lang(&mut args) {
        Ok(lang) => lang,
        Err(message) => {
            eprintln!("carryover: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    _ = LANG.set(lang);
    let catalog = match Catalog::builtin_in(lang) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("carryover: the built-in content is invalid:\n{e}");
            return ExitCode::from(3);
        }
    };
    let rest = args.get(1..).unwrap_or_default();
    let outcome = match args.first().map(String::as_str) {
        Some("score") => score(catalog, rest),
        Some("report") => report(catalog, rest),
        Some("soa") => soa(catalog, rest),
        Some("tasks") => task_plan(catalog, rest),
        Some("share") => share_link(catalog, rest),
        Some("unshare") => unshare(catalog, rest),
        Some("diff") => diff(catalog, rest),
        Some("whatif") => what_if(catalog, rest),
        Some("content") => {
            content(catalog);
            Ok(())
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::Usage(format!("unknown command `{other}`"))),
        None => Err(Failure::Usage(String::new())),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("carryover: {}", escape_control(&message));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            if !message.is_empty() {
                eprintln!("carryover: {}", escape_control(&message));
            }
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn content(catalog: &Catalog) {
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
}

/// Parsed options of a subcommand: one positional argument and `--flag value` pairs.
struct Options {
    input: String,
    format: Option<String>,
    date: Option<Date>,
    name: Option<String>,
}

/// Reads `POSITIONAL [--flag value]…`, accepting only the flags in `allowed`.
fn options(args: &[String], allowed: &[&str], formats: &[&str]) -> Result<Options, Failure> {
    let mut input = None;
    let mut opts = Options {
        input: String::new(),
        format: None,
        date: None,
        name: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let flag = a.as_str();
        if flag.starts_with("--") {
            if !allowed.contains(&flag) {
                return Err(Failure::Usage(format!("unknown option `{flag}`")));
            }
            let Some(value) = it.next() else {
                return Err(Failure::Usage(format!("{flag} needs a value")));
            };
            match flag {
                "--format" if formats.contains(&value.as_str()) => {
                    opts.format = Some(value.clone());
                }
                "--format" => {
                    return Err(Failure::Usage(format!(
                        "--format takes {}, not {value}",
                        formats.join(" or ")
                    )));
                }
                "--date" => {
                    opts.date =
                        Some(Date::parse(value).map_err(|e| Failure::Usage(e.to_string()))?);
                }
                _ => opts.name = Some(value.clone()),
            }
        } else if input.is_none() {
            input = Some(a.clone());
        } else {
            return Err(Failure::Usage(format!("unexpected argument `{a}`")));
        }
    }
    opts.input = input.ok_or_else(|| Failure::Usage(String::new()))?;
    Ok(opts)
}

/// The bytes of FILE (`-`: standard input).
fn read_bytes(file: &str) -> Result<Vec<u8>, Failure> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(file).map_err(|e| Failure::Input(format!("cannot read {file}: {e}")))
    }
}

/// Reads and decodes an answers document (as the app reads a picked file), printing what was
/// kept aside as warnings.
fn load(catalog: &Catalog, file: &str) -> Result<Decoded, Failure> {
    let bytes = read_bytes(file)?;
    let decoded =
        decode_bytes(catalog, &bytes).map_err(|e| Failure::Input(format!("{file}: {e}")))?;
    for issue in &decoded.issues {
        eprintln!(
            "carryover: {}: warning: {}",
            escape_control(file),
            escape_control(&issue.to_string())
        );
    }
    Ok(decoded)
}

/// Today (UTC) from the system clock, for commands run without `--date`.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs / 86_400)
        .ok()
        .and_then(Date::from_days_since_epoch)
        .unwrap_or(Date::EPOCH)
}

fn score(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(args, &["--format"], &["json", "text"])?;
    let decoded = load(catalog, &o.input)?;
    let assessment = assess(catalog, &decoded.document.answers);
    if o.format.as_deref() == Some("text") {
        print!(
            "{}",
            carryover_engine::text::summary(catalog, &assessment, locale())
        );
        return Ok(());
    }
    let out = serde_json::json!({
        "input": o.input,
        "issues": decoded.issues,
        "assessment": assessment,
    });
    let s = serde_json::to_string_pretty(&out)
        .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
    println!("{s}");
    Ok(())
}

fn report(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(args, &["--format", "--date"], &["md", "html"])?;
    let doc = load(catalog, &o.input)?.document;
    let assessment = assess(catalog, &doc.answers);
    let date = o.date.unwrap_or_else(today);
    let r = Report::build_with(
        catalog,
        &assessment,
        &doc.answers,
        locale(),
        ReportOptions {
            prepared: date,
            start: date,
            tasks: &doc.tasks,
        },
    );
    if o.format.as_deref() == Some("html") {
        print!("{}", r.to_html());
    } else {
        print!("{}", r.to_markdown());
    }
    Ok(())
}

fn soa(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(args, &[], &[])?;
    let doc = load(catalog, &o.input)?.document;
    let assessment = assess(catalog, &doc.answers);
    print!(
        "{}",
        export::soa::csv(catalog, &assessment, &doc.answers, &doc.tasks, locale())
    );
    Ok(())
}

fn task_plan(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(args, &["--format", "--date", "--name"], &["csv", "ics"])?;
    let doc = load(catalog, &o.input)?.document;
    let assessment = assess(catalog, &doc.answers);
    let plan = tasks::plan(&assessment, &doc.tasks);
    if o.format.as_deref() == Some("ics") {
        let start = o.date.unwrap_or_else(today);
        let options = CalendarOptions {
            stamp: Timestamp::midnight(start),
            name: o.name.as_deref(),
        };
        let dated = schedule::schedule(catalog, &assessment, start);
        print!(
            "{}",
            export::plan::ics(catalog, &plan, &dated, locale(), options)
        );
    } else {
        print!("{}", export::plan::csv(catalog, &plan, locale()));
    }
    Ok(())
}

fn share_link(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(args, &[], &[])?;
    let doc = load(catalog, &o.input)?.document;
    println!("{}", share::encode(catalog, &doc));
    Ok(())
}

fn unshare(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(args, &[], &[])?;
    let link = if o.input == "-" {
        String::from_utf8(read_bytes("-")?)
            .map_err(|_| Failure::Input("standard input is not UTF-8 text".to_owned()))?
    } else {
        o.input
    };
    let decoded = share::decode(catalog, &link).map_err(|e| Failure::Input(e.to_string()))?;
    for issue in &decoded.issues {
        eprintln!("carryover: warning: {}", escape_control(&issue.to_string()));
    }
    println!("{}", decoded.document.to_json(catalog));
    Ok(())
}

/// An answers file, or a share link (anything with `#share=` or a bare `v1.` payload).
fn load_any(catalog: &Catalog, input: &str) -> Result<Decoded, Failure> {
    if input.contains("share=") || input.starts_with("v1.") {
        let decoded =
            share::decode(catalog, input).map_err(|e| Failure::Input(format!("{input}: {e}")))?;
        for issue in &decoded.issues {
            eprintln!("carryover: warning: {}", escape_control(&issue.to_string()));
        }
        return Ok(decoded);
    }
    load(catalog, input)
}

fn diff(catalog: &Catalog, args: &[String]) -> Outcome {
    let mut json = false;
    let mut inputs = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option `{flag}`")));
            }
            _ => inputs.push(a.as_str()),
        }
    }
    let [earlier, later] = inputs.as_slice() else {
        return Err(Failure::Usage(
            "diff needs two inputs: the earlier and the later answers".to_owned(),
        ));
    };
    let a = load_any(catalog, earlier)?.document;
    let b = load_any(catalog, later)?.document;
    let d = carryover_engine::diff::diff_documents(catalog, &a, &b);
    if json {
        let out = serde_json::json!({ "earlier": earlier, "later": later, "diff": d });
        let s = serde_json::to_string_pretty(&out)
            .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
        println!("{s}");
    } else {
        print!(
            "{}",
            carryover_engine::diff::render_text(catalog, &d, locale())
        );
    }
    Ok(())
}

/// The what-if paths for an answers file, with the default budget settings, as JSON.
fn what_if(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(args, &[], &[])?;
    let doc = load(catalog, &o.input)?.document;
    let defaults = carryover_engine::budget::builtin().map_err(|e| {
        Failure::Input(format!(
            "the built-in budget content is invalid: {}",
            e.join("; ")
        ))
    })?;
    let assessment = assess(catalog, &doc.answers);
    let list = carryover_engine::whatif::all(
        catalog,
        &doc.answers,
        &assessment,
        defaults,
        Some(&defaults.settings),
    );
    let s = serde_json::to_string_pretty(&serde_json::json!({ "input": o.input, "whatif": list }))
        .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
    println!("{s}");
    Ok(())
}
